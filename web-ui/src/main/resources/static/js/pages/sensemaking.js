import { frame } from '../frame.js';
import { hasRole } from '../session.js';
import { api, get, newKey, ApiError } from '../http.js';
import { $ } from '../dom.js';
import { say, refuse, showFailure } from '../notices.js';
import { places } from '../programme.js';
import { checkboxGroup, checkedValues, value, onSubmit } from '../forms.js';

async function main() {
  const member = await frame();
  const status = $('#status');
  const form = $('#session-form');
  if (!hasRole(member, 'LEARNING_PARTNER', 'ADMIN', 'OPERATOR')) {
    refuse(status, 'Sensemaking sessions are recorded by the programme\'s learning partners.');
    return;
  }
  let list;
  let recent;
  try {
    [list, recent] = await Promise.all([places(member.programmeId),
      get('/api/programmes/' + encodeURIComponent(member.programmeId) + '/timeline?kind=insight-recorded&size=1000')]);
  } catch (failure) { showFailure(status, failure); return; }
  const names = new Map(list.map((place) => [place.placeId, place.name]));
  checkboxGroup($('#place-choices'), { name: 'placeIds', options: list.map((place) => ({ value: place.placeId, label: place.name })) });
  const latest = recent.items.slice(-30).reverse();
  checkboxGroup($('#insight-choices'), { name: 'insightIds',
    options: latest.map((item) => ({ value: item.subjectId, label: item.summary, detail: names.get(item.placeId) || '' })),
    emptyText: 'No insights recorded yet.' });
  form.elements.happenedOn.value = new Date().toISOString().slice(0, 10);
  form.hidden = false;
  onSubmit(form, async () => {
    const people = (value(form, 'participants') || '').split('\n').map((name) => name.trim()).filter(Boolean);
    if (!people.length) {
      throw new ApiError(400, { detail: 'Say who took part.', errors: [{ field: 'participantIds', message: 'name at least one person' }] });
    }
    // Each participant is registered as a person of the programme (their name is erasable personal data).
    const participantIds = [];
    for (const name of people) {
      const registered = await api('/api/programmes/' + encodeURIComponent(member.programmeId) + '/people', {
        method: 'POST', headers: { 'Idempotency-Key': newKey() },
        body: { role: 'LEARNING_PARTNER', name, mayBeQuoted: false } });
      participantIds.push(registered.body.personId);
    }
    await api('/api/programmes/' + encodeURIComponent(member.programmeId) + '/sensemaking-sessions', {
      method: 'POST', headers: { 'Idempotency-Key': newKey() },
      body: { title: value(form, 'title'), participantIds, placeIds: checkedValues(form, 'placeIds'),
        insightIds: checkedValues(form, 'insightIds'), conclusions: value(form, 'conclusions'),
        happenedOn: value(form, 'happenedOn') } });
    say(status, 'The session is saved.', 'success');
    location.assign('/funders.html');
  }, { messages: { 403: 'Only the programme\'s administrators can add the people who took part to the record. Ask one of them to record this session (your text stays here).' } });
}

main();
