import { frame, api, get, $, params, say, refuse, mayWriteFor, memberId, newKey, insightsOf, practiceVersion,
  showFailure, formatDay } from '../app.js';
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
  try {
    history = await get('/api/practices/' + encodeURIComponent(practiceId) + '/history');
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
      forum: value(form, 'forum'),
      occurredOn: value(form, 'occurredOn'),
      by: memberId(member),
    };
    const answer = await api('/api/practices/' + encodeURIComponent(practiceId) + '/adaptations', {
      method: 'POST', body, headers: { 'If-Match': '"' + practiceVersion(history) + '"', 'Idempotency-Key': newKey() } });
    say(status, 'Saved. Taking you to the record of this decision…', 'success');
    location.assign('/audit.html?decision=' + encodeURIComponent(answer.body.adaptationId) + '&saved=1');
  });
}

main();
