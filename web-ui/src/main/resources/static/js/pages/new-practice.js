import { frame } from '../frame.js';
import { mayWriteFor } from '../session.js';
import { api, newKey } from '../http.js';
import { $, params } from '../dom.js';
import { say, refuse, showFailure } from '../notices.js';
import { placeName } from '../programme.js';
import { insightsOf } from '../insights.js';
import { formatDay } from '../format.js';
import { checkboxGroup, checkedValues, value, onSubmit } from '../forms.js';

async function main() {
  const member = await frame();
  const status = $('#status');
  const placeId = params().get('place');
  const form = $('#practice-form');
  if (!placeId) { refuse(status, 'Choose your place first, from the home page.'); return; }
  const name = await placeName(member.programmeId, placeId);
  $('#page-title').textContent = 'Start a new practice in ' + name;
  if (!mayWriteFor(member, placeId)) { refuse(status, 'You can start practices only for your own place.'); return; }
  try {
    const insights = await insightsOf(placeId);
    checkboxGroup($('#insight-choices'), { name: 'insightIds', checked: params().getAll('insight'),
      options: insights.map((insight) => ({ value: insight.insightId, label: insight.text, detail: formatDay(insight.date) })),
      emptyText: 'Your place has no insights recorded yet.' });
  } catch (failure) { showFailure(status, failure); return; }
  form.hidden = false;
  onSubmit(form, async () => {
    const answer = await api('/api/places/' + encodeURIComponent(placeId) + '/practices', {
      method: 'POST', headers: { 'Idempotency-Key': newKey() },
      body: { name: value(form, 'name'), description: value(form, 'description'), why: value(form, 'why'),
        insightIds: checkedValues(form, 'insightIds'), forum: value(form, 'forum'), happenedOn: value(form, 'happenedOn'),
        } });
    say(status, 'Saved.', 'success');
    location.assign('/audit.html?decision=' + encodeURIComponent(answer.body.practiceId) + '&saved=1');
  });
}

main();
