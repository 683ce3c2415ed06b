import { frame } from '../frame.js';
import { mayWriteFor, hasRole } from '../session.js';
import { api, get, newKey } from '../http.js';
import { $, params } from '../dom.js';
import { say, refuse, showFailure } from '../notices.js';
import { places } from '../programme.js';
import { insightsOf } from '../insights.js';
import { formatDay } from '../format.js';
import { checkboxGroup, checkedValues, value, onSubmit } from '../forms.js';

async function main() {
  const member = await frame();
  const status = $('#status');
  const placeId = params().get('place');
  const form = $('#share-form');
  const acrossProgramme = !placeId;
  if (placeId && !mayWriteFor(member, placeId)) { refuse(status, 'You can share learning only from your own place.'); return; }
  if (acrossProgramme && !hasRole(member, 'LEARNING_PARTNER', 'ADMIN', 'OPERATOR')) {
    refuse(status, 'Open this page from your place\'s journey to share its learning.');
    return;
  }
  let list;
  try {
    list = await places(member.programmeId);
  } catch (failure) { showFailure(status, failure); return; }
  const from = list.find((place) => place.placeId === placeId);
  $('#sharing-from').textContent = from ? 'From ' + from.name + '.' : 'From across the programme.';
  checkboxGroup($('#audience-places'), { name: 'audiencePlaces',
    options: list.filter((place) => place.placeId !== placeId).map((place) => ({ value: place.placeId, label: place.name })) });
  if (placeId) {
    try {
      const insights = await insightsOf(placeId);
      checkboxGroup($('#insight-choices'), { name: 'insightIds',
        options: insights.map((insight) => ({ value: insight.insightId, label: insight.text, detail: formatDay(insight.date) })),
        emptyText: 'No insights recorded yet.' });
    } catch (failure) { showFailure(status, failure); return; }
    const journey = await get('/api/places/' + encodeURIComponent(placeId) + '/journey?kind=practice-adapted&size=200').catch(() => null);
    const changes = journey ? journey.timeline.items.filter((item) => item.refs && item.refs[0]).reverse() : [];
    checkboxGroup($('#adaptation-choices'), { name: 'adaptations',
      options: changes.map((item) => ({ value: item.subjectId + ' ' + item.refs[0], label: item.summary, detail: formatDay(item.date) })),
      emptyText: 'No practice changes recorded yet.' });
  } else {
    $('#insight-choices').closest('fieldset').hidden = true;
    $('#adaptation-choices').closest('fieldset').hidden = true;
  }
  form.hidden = false;
  onSubmit(form, async () => {
    await api('/api/programmes/' + encodeURIComponent(member.programmeId) + '/shared-learnings', {
      method: 'POST', headers: { 'Idempotency-Key': newKey() },
      body: { placeId: placeId || undefined, title: value(form, 'title'), summary: value(form, 'summary'),
        happenedOn: value(form, 'happenedOn'),
        audience: { wholeProgramme: form.elements.whole.checked, placeIds: checkedValues(form, 'audiencePlaces'), funderIds: [] },
        insightIds: checkedValues(form, 'insightIds'),
        adaptations: checkedValues(form, 'adaptations').map((pair) => ({ practiceId: pair.split(' ')[0], adaptationId: pair.split(' ')[1] })),
        } });
    say(status, 'Shared. Everyone you chose can now see it and take it up.', 'success');
    location.assign(placeId ? '/journey.html?place=' + encodeURIComponent(placeId) : '/flow.html');
  });
}

main();
