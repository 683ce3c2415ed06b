import { frame } from '../frame.js';
import { mayWriteFor } from '../session.js';
import { api, newKey } from '../http.js';
import { $, params } from '../dom.js';
import { say, refuse, showFailure } from '../notices.js';
import { insightsOf } from '../insights.js';
import { formatDay } from '../format.js';
import { OUTCOMES } from '../vocabulary.js';
import { checkboxGroup, radioGroup, checkedValues, value, onSubmit } from '../forms.js';

async function main() {
  const member = await frame();
  const status = $('#status');
  const query = params();
  const practiceId = query.get('practice');
  const adaptationId = query.get('adaptation');
  const form = $('#review-form');
  if (!practiceId || !adaptationId) { refuse(status, 'Open this page from a practice change.'); return; }
  let history;
  let practiceVersion;
  try {
    ({ body: history, etag: practiceVersion } = await api('/api/practices/' + encodeURIComponent(practiceId) + '/history'));
  } catch (failure) { showFailure(status, failure); return; }
  const version = history.versions.find((candidate) => candidate.decisionId === adaptationId);
  if (!version) { refuse(status, 'We could not find this change of the practice.'); return; }
  $('#change-being-reviewed').textContent = history.name + ': "' + version.text + '", decided on ' + formatDay(version.occurredOn) + '.';
  if (!mayWriteFor(member, history.placeId)) { refuse(status, 'You can review changes only for your own place.'); return; }
  radioGroup($('#outcome-choices'), { name: 'outcome', options: Object.entries(OUTCOMES).map(([v, label]) => ({ value: v, label })) });
  try {
    const insights = await insightsOf(history.placeId);
    checkboxGroup($('#insight-choices'), { name: 'insightIds',
      options: insights.map((insight) => ({ value: insight.insightId, label: insight.text, detail: formatDay(insight.date) })),
      emptyText: 'Your place has no insights recorded yet.' });
  } catch (failure) { showFailure(status, failure); return; }
  form.hidden = false;
  onSubmit(form, async () => {
    await api('/api/practices/' + encodeURIComponent(practiceId) + '/adaptations/' + encodeURIComponent(adaptationId) + '/reviews', {
      method: 'POST', headers: { 'If-Match': practiceVersion, 'Idempotency-Key': newKey() },
      body: { outcome: form.querySelector('input[name="outcome"]:checked')?.value, notes: value(form, 'notes'),
        insightIds: checkedValues(form, 'insightIds'), happenedOn: value(form, 'happenedOn') } });
    say(status, 'Saved.', 'success');
    location.assign('/practice.html?practice=' + encodeURIComponent(practiceId) + '&reviewed=' + encodeURIComponent(adaptationId)
      + '&n=' + (version.outcomes.length + 1));
  });
}

main();
