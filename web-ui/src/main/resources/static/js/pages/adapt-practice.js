import { frame } from '../frame.js';
import { mayWriteFor } from '../session.js';
import { api, get, newKey } from '../http.js';
import { $, params } from '../dom.js';
import { say, refuse, showFailure } from '../notices.js';
import { insightsOf } from '../insights.js';
import { formatDay } from '../format.js';
import { checkboxGroup, value, onSubmit } from '../forms.js';

async function main() {
  const member = await frame();
  const status = $('#status');
  const query = params();
  const practiceId = query.get('practice');
  const form = $('#adapt-form');
  if (!practiceId) {
    refuse(status, 'Open this page from a practice in your place\'s journey.');
    return;
  }
  let history;
  let practiceVersion;
  try {
    ({ body: history, etag: practiceVersion } = await api('/api/practices/' + encodeURIComponent(practiceId) + '/history'));
  } catch (failure) {
    showFailure(status, failure);
    return;
  }
  const current = history.versions[history.versions.length - 1];
  $('#page-title').textContent = 'Change how we work: ' + history.name;
  $('#practice-now').textContent = 'What you do now: ' + current.text;
  if (!mayWriteFor(member, history.placeId)) {
    refuse(status, 'You can change practices only for your own place.');
    return;
  }
  if (history.status === 'retired') {
    refuse(status, 'This practice has stopped; it cannot be changed.');
    return;
  }
  let insights;
  try {
    insights = await insightsOf(history.placeId);
  } catch (failure) {
    showFailure(status, failure);
    return;
  }
  const shared = query.get('shared');
  if (shared) {
    $('#shared-field').hidden = false;
    $('#shared-said').textContent = 'This change takes up learning shared by another place; it will be cited with the change.';
    try {
      const offers = await get('/api/programmes/' + encodeURIComponent(history.programmeId) + '/timeline?kind=learning-shared&size=500');
      const offer = offers.items.find((item) => item.subjectId === shared);
      if (offer) $('#shared-said').textContent = 'This change takes up learning shared elsewhere: "' + offer.summary + '". It will be cited with the change.';
    } catch (failure) { /* the plain sentence stays */ }
  }
  const chosen = query.getAll('insight');
  checkboxGroup($('#insight-choices'), {
    name: 'insightIds',
    options: insights.map((insight) => ({ value: insight.insightId, label: insight.text, detail: formatDay(insight.date) })),
    checked: chosen, emptyText: 'Your place has no insights recorded yet.' });
  form.hidden = false;

  onSubmit(form, async () => {
    const body = {
      becomes: value(form, 'becomes'),
      why: value(form, 'why'),
      insightIds: [...form.querySelectorAll('input[name="insightIds"]:checked')].map((input) => input.value),
      sharedLearningIds: shared ? [shared] : [],
      forum: value(form, 'forum'),
      happenedOn: value(form, 'happenedOn'),
     
    };
    const answer = await api('/api/practices/' + encodeURIComponent(practiceId) + '/adaptations', {
      method: 'POST', body, headers: { 'If-Match': practiceVersion, 'Idempotency-Key': newKey() } });
    say(status, 'Saved.', 'success');
    if (shared) {
      // Back to record that the place took the learning up, with this change.
      location.assign('/adopt-shared.html?place=' + encodeURIComponent(history.placeId) + '&shared=' + encodeURIComponent(shared)
        + '&practice=' + encodeURIComponent(practiceId) + '&adaptation=' + encodeURIComponent(answer.body.adaptationId));
      return;
    }
    location.assign('/audit.html?decision=' + encodeURIComponent(answer.body.adaptationId) + '&saved=1');
  });
}

main();
