import { frame } from '../frame.js';
import { mayWriteFor } from '../session.js';
import { get, readUntil } from '../http.js';
import { el, clear, $, params } from '../dom.js';
import { say, showFailure } from '../notices.js';
import { placeName } from '../programme.js';
import { formatDay, formatInstant } from '../format.js';
import { OUTCOMES } from '../vocabulary.js';

function diff(change) {
  if (!change || !change.segments) return null;
  const node = el('p', { class: 'diff' });
  for (const segment of change.segments) {
    if (segment.op === 'INSERT') node.append(el('ins', {}, segment.text), ' ');
    else if (segment.op === 'DELETE') node.append(el('del', {}, segment.text), ' ');
    else node.append(segment.text, ' ');
  }
  return el('div', {}, el('h4', {}, 'What changed from the version before'),
    el('p', { class: 'hint' }, 'Added words are underlined on green; removed words are struck through on red.'), node);
}

async function main() {
  const member = await frame();
  const status = $('#status');
  const query = params();
  const practiceId = query.get('practice');
  if (!practiceId) { say(status, 'Open this page from a practice in a journey.', 'error'); return; }
  const reviewed = query.get('reviewed');
  let history;
  try {
    const read = () => get('/api/practices/' + encodeURIComponent(practiceId) + '/history'
      + (query.get('asOf') ? '?asOf=' + encodeURIComponent(query.get('asOf')) : ''));
    const shown = (answer) => answer.versions.some((version) => version.decisionId === reviewed
      && version.outcomes.length >= Number(query.get('n') || 1));
    history = await readUntil(read, (answer) => !reviewed || shown(answer));
    if (reviewed) {
      say(status, shown(history) ? 'Your review is saved.' : 'Your review is saved; it will show here in a moment (reload the page).', 'success');
    }
  } catch (failure) { showFailure(status, failure); return; }
  const place = await placeName(history.programmeId, history.placeId);
  document.title = history.name + ' – practice history – Learning Log';
  $('#page-title').textContent = 'The story of a practice: ' + history.name;
  clear($('#practice-summary')).append(history.versions.length + (history.versions.length === 1 ? ' version' : ' versions')
    + ' in ', el('a', { href: '/journey.html?place=' + encodeURIComponent(history.placeId) }, place),
    history.status === 'retired' ? '. It has stopped.' : '. Still in use.');
  const actions = clear($('#practice-actions'));
  if (history.status !== 'retired' && mayWriteFor(member, history.placeId)) {
    actions.append(el('a', { class: 'button', href: '/adapt-practice.html?practice=' + encodeURIComponent(practiceId) }, 'Change how we do it'));
  }
  const list = clear($('#versions'));
  for (const version of history.versions.slice().reverse()) {
    const item = el('li', { id: 'v' + version.number },
      el('h2', {}, 'Version ' + version.number + (version.kind === 'adopted' ? ': how it started' : '') + (version.occurredOn ? ' — ' + formatDay(version.occurredOn) : '')),
      el('p', { class: 'lead' }, version.text),
      diff(version.changeFromPrevious),
      el('dl', { class: 'facts' },
        el('dt', {}, 'Why'), el('dd', {}, version.why || ''),
        el('dt', {}, 'Decided at'), el('dd', {}, version.forum || 'not said'),
        el('dt', {}, 'Recorded'), el('dd', {}, formatInstant(version.recordedAt))));
    if (version.triggeredBy.length) {
      item.append(el('h3', {}, 'What led to it'), el('ul', { class: 'plain-list' }, version.triggeredBy.map((insight) =>
        el('li', {}, insight.text, insight.retracted ? el('span', { class: 'retracted' }, ' (withdrawn later)') : null))));
    }
    if (version.outcomes.length) {
      item.append(el('h3', {}, 'What came of it'), el('ul', { class: 'plain-list' }, version.outcomes.map((review) =>
        el('li', {}, el('strong', {}, OUTCOMES[review.outcome] || review.outcome), (review.reviewedOn ? ' (' + formatDay(review.reviewedOn) + ')' : '') + ': ' + review.notes))));
    }
    const links = el('p', { class: 'button-row' },
      el('a', { class: 'button secondary', href: '/audit.html?decision=' + encodeURIComponent(version.decisionId) }, 'Audit trail of version ' + version.number));
    if (version.kind === 'adapted' && history.status !== 'retired' && mayWriteFor(member, history.placeId)) {
      links.append(el('a', { class: 'button secondary', href: '/review-outcome.html?practice=' + encodeURIComponent(practiceId)
        + '&adaptation=' + encodeURIComponent(version.decisionId) }, 'Review what came of version ' + version.number));
    }
    item.append(links);
    list.append(item);
  }
}

main();
