import { frame } from '../frame.js';
import { mayWriteFor } from '../session.js';
import { get, readUntil } from '../http.js';
import { el, clear, $, params } from '../dom.js';
import { say, showFailure } from '../notices.js';
import { placeName } from '../programme.js';
import { formatDay, formatInstant, toLocalInput, fromLocalInput, recordedAfter } from '../format.js';
import { OUTCOMES, LAYERS } from '../vocabulary.js';
import { tagList } from '../timeline.js';

/** The mark of a late record ("recorded 6 weeks after it happened"), as the journey marks its late lines. */
function lateMark(item, day) {
  return item.late ? el('span', { class: 'late-mark' }, ' · ' + recordedAfter(day || item.happenedOn, item.recordedAt)) : null;
}

function reading(title, insight) {
  if (!insight) return el('div', {}, el('h4', {}, title), el('p', { class: 'hint' }, 'Not recorded then.'));
  return el('div', {},
    el('h4', {}, title),
    insight.retracted ? el('p', { class: 'retracted' }, 'Withdrawn' + (insight.retractionReason ? ': ' + insight.retractionReason : '')) : null,
    el('p', { class: 'insight-text' }, insight.text),
    el('p', { class: 'hint' }, (LAYERS[insight.layer] || insight.layer || '') + ' · version ' + insight.versions),
    tagList(insight));
}

async function main() {
  const member = await frame();
  const status = $('#status');
  const query = params();
  const decisionId = query.get('decision');
  if (!decisionId) {
    say(status, 'Open this page from a practice change in a journey.', 'error');
    return;
  }
  const asOf = query.get('asOf');
  const on = query.get('on');
  const cuts = new URLSearchParams();
  if (asOf) cuts.set('known', asOf);
  if (on) cuts.set('on', on);
  const url = '/api/adaptations/' + encodeURIComponent(decisionId) + '/audit' + (cuts.toString() ? '?' + cuts.toString() : '');
  const revised = query.get('revised');
  const wanted = Number(query.get('v') || 0);
  let audit;
  try {
    if (query.get('saved') || revised) say(status, 'Saved. Fetching the updated record…');
    audit = await readUntil(() => get(url), (answer) => !revised
      || answer.insights.some((trail) => trail.insightId === revised && trail.now && trail.now.versions >= wanted + 1));
  } catch (failure) {
    showFailure(status, failure);
    return;
  }
  if (query.get('saved')) say(status, 'Your change is saved. This is its record.', 'success');
  else if (revised) {
    const shown = audit.insights.some((trail) => trail.insightId === revised && trail.now && trail.now.versions >= wanted + 1);
    say(status, shown ? 'The new version of the insight is saved; both versions show below.'
      : 'The new version of the insight is saved; it will show here in a moment (reload the page).', 'success');
  }
  else if (audit.known || audit.on) {
    say(status, 'Showing ' + [audit.on ? 'what had happened by ' + formatDay(audit.on) : null,
      audit.known ? 'as the record stood on ' + formatInstant(audit.known) : null].filter(Boolean).join(', ') + '.');
  }
  else { status.hidden = true; }

  const place = await placeName(audit.programmeId, audit.placeId);
  const decision = clear($('#decision'));
  decision.append(
    el('p', { class: 'lead' }, audit.kind === 'adopted' ? 'A new practice was started.' : 'A practice was changed.'),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Place'), el('dd', {}, el('a', { href: '/journey.html?place=' + encodeURIComponent(audit.placeId) }, place)),
      audit.was ? [el('dt', {}, 'It was'), el('dd', {}, audit.was)] : null,
      el('dt', {}, audit.kind === 'adopted' ? 'It is' : 'It became'), el('dd', {}, audit.becomes),
      el('dt', {}, 'Why'), el('dd', {}, audit.why),
      el('dt', {}, 'Decided at'), el('dd', {}, audit.forum || 'not said'),
      el('dt', {}, 'Decided by'), el('dd', {}, audit.decidedBy.length ? audit.decidedBy.length + (audit.decidedBy.length === 1 ? ' person' : ' people') : 'not said'),
      el('dt', {}, 'Decided on'), el('dd', {}, audit.occurredOn ? formatDay(audit.occurredOn) : 'not said'),
      el('dt', {}, 'Recorded'), el('dd', {}, formatInstant(audit.recordedAt), lateMark(audit, audit.occurredOn))),
    el('p', { class: 'button-row' },
      el('a', { class: 'button secondary', href: '/practice.html?practice=' + encodeURIComponent(audit.practiceId) }, 'Every version of this practice'),
      audit.kind === 'adapted' && mayWriteFor(member, audit.placeId)
        ? el('a', { class: 'button secondary', href: '/review-outcome.html?practice=' + encodeURIComponent(audit.practiceId) + '&adaptation=' + encodeURIComponent(decisionId) }, 'Review what came of it')
        : null),
    asOfForm(decisionId, asOf, on));

  const list = clear($('#audit-insights'));
  if (!audit.insights.length) list.append(el('li', {}, el('p', { class: 'hint' }, 'No insights were named for this decision.')));
  for (const trail of audit.insights) {
    const item = el('li', { dataset: { insight: trail.insightId } },
      trail.changedSince ? el('p', { class: 'changed-flag' }, 'Changed since the decision') : el('p', { class: 'hint' }, 'Unchanged since the decision'),
      el('div', { class: 'then-now' }, reading('When the decision was made', trail.atDecision), reading('Now', trail.now)));
    if (trail.changesSince.length) {
      item.append(el('h4', {}, 'What changed since'), el('ul', { class: 'plain-list' }, trail.changesSince.map((change) =>
        el('li', {}, el('strong', {}, change.kind === 'insight-retracted' || change.kind === 'retracted' ? 'Withdrawn' : 'Revised'),
          ' on ' + formatDay(change.happenedOn), lateMark(change), (change.reason ? ', because: ' + change.reason : '') + (change.text ? '. Now reads: ' : ''),
          change.text ? el('q', {}, change.text) : null))));
    }
    const now = trail.now || trail.atDecision;
    if (now && !now.retracted && !audit.known && !audit.on && mayWriteFor(member, now.placeId)) {
      item.append(el('p', {}, el('a', { href: '/revise-insight.html?place=' + encodeURIComponent(now.placeId) + '&insight='
        + encodeURIComponent(trail.insightId) + '&decision=' + encodeURIComponent(decisionId) }, 'Revise this insight')));
    }
    list.append(item);
  }

  const outcomes = clear($('#audit-outcomes'));
  if (!audit.outcomes.length) outcomes.append(el('li', {}, 'No review yet.'));
  for (const review of audit.outcomes) {
    outcomes.append(el('li', {}, el('strong', {}, OUTCOMES[review.outcome] || review.outcome), (review.reviewedOn ? ' (' + formatDay(review.reviewedOn) + ')' : ''), lateMark(review, review.reviewedOn), ': ' + review.notes));
  }
  const later = clear($('#audit-later'));
  if (!audit.laterVersions.length) later.append(el('li', {}, 'None: this is how the practice still reads.'));
  for (const version of audit.laterVersions) {
    later.append(el('li', {}, el('a', { href: '/audit.html?decision=' + encodeURIComponent(version.decisionId) }, version.text),
      ' (' + formatDay(version.happenedOn) + ')', lateMark(version)));
  }
  if (audit.travelled && audit.travelled.length) {
    const section = el('section', { 'aria-labelledby': 'travel-title' }, el('h2', { id: 'travel-title' }, 'Where this learning travelled'));
    const travel = el('ul', { class: 'plain-list' });
    for (const step of audit.travelled) {
      travel.append(el('li', {}, (step.kind === 'shared' ? 'Shared as ' : 'Taken up: ') + (step.title || 'shared learning')
        + ' (' + formatDay(step.happenedOn) + ')', lateMark(step)));
    }
    section.append(travel);
    $('main').append(section);
  }
}

function asOfForm(decisionId, asOf, on) {
  const form = el('form', { class: 'form inline-form', method: 'get', action: '/audit.html' },
    el('input', { type: 'hidden', name: 'decision', value: decisionId }),
    el('div', { class: 'field' }, el('label', { for: 'on' }, 'As it happened, up to the day'),
      el('input', { id: 'on', name: 'on', type: 'date', value: on || '' })),
    el('div', { class: 'field' }, el('label', { for: 'as-of' }, 'As it was recorded, up to'),
      el('input', { id: 'as-of', type: 'datetime-local', step: '1', value: toLocalInput(asOf) })),
    el('input', { type: 'hidden', name: 'asOf', value: asOf || '' }),
    el('button', { type: 'submit', class: 'button secondary' }, 'Show'));
  form.addEventListener('submit', () => {
    const local = form.querySelector('#as-of').value;
    form.querySelector('input[name="asOf"]').value = fromLocalInput(local);
    // Clocks left empty are left out of the address, rather than sent as empty values.
    for (const input of form.querySelectorAll('input[name="asOf"], input[name="on"]')) input.disabled = !input.value;
  });
  return form;
}

main();
