import { frame } from '../frame.js';
import { mayWriteFor } from '../session.js';
import { api, get, newKey, ApiError } from '../http.js';
import { $, params } from '../dom.js';
import { say, refuse, showFailure } from '../notices.js';
import { places } from '../programme.js';
import { selectOptions, value, onSubmit } from '../forms.js';

async function main() {
  const member = await frame();
  const status = $('#status');
  const query = params();
  const form = $('#adopt-form');
  let list;
  try {
    list = await places(member.programmeId);
  } catch (failure) { showFailure(status, failure); return; }
  const mine = list.filter((place) => mayWriteFor(member, place.placeId));
  const placeId = query.get('place') || (mine.length === 1 ? mine[0].placeId : null);
  if (!placeId || !mayWriteFor(member, placeId)) {
    refuse(status, 'Only members of a place can take up learning for it.');
    return;
  }
  const place = list.find((candidate) => candidate.placeId === placeId);
  $('#page-title').textContent = 'Take up learning from elsewhere, in ' + (place ? place.name : 'your place');
  let shared;
  let journey;
  try {
    [shared, journey] = await Promise.all([
      get('/api/programmes/' + encodeURIComponent(member.programmeId) + '/timeline?kind=learning-shared&size=200'),
      get('/api/places/' + encodeURIComponent(placeId) + '/journey?size=1')]);
  } catch (failure) { showFailure(status, failure); return; }
  const names = new Map(list.map((candidate) => [candidate.placeId, candidate.name]));
  const offers = shared.items.filter((item) => item.placeId !== placeId)
    .map((item) => ({ value: item.subjectId, label: item.summary + ' (from ' + (names.get(item.placeId) || 'the programme') + ')' }));
  selectOptions($('#sharedLearningId'), offers, { blank: 'Choose…', selected: query.get('shared') || '' });
  selectOptions($('#practiceId'), journey.practices.filter((practice) => practice.status === 'active')
    .map((practice) => ({ value: practice.practiceId, label: practice.name })), { blank: 'Choose…', selected: query.get('practice') || '' });
  const adaptation = query.get('adaptation');
  if (adaptation) {
    form.elements.adaptationId.value = adaptation;
    say(status, 'Your practice change is saved and cites this learning. Now say how you made it your own.', 'success');
  }
  const adaptFirst = $('#adapt-first');
  const offerAdaptFirst = () => {
    const practice = form.elements.practiceId.value;
    const sharedId = form.elements.sharedLearningId.value;
    adaptFirst.hidden = !practice || !sharedId || Boolean(adaptation);
    adaptFirst.href = '/adapt-practice.html?practice=' + encodeURIComponent(practice) + '&shared=' + encodeURIComponent(sharedId);
  };
  form.elements.practiceId.addEventListener('change', offerAdaptFirst);
  form.elements.sharedLearningId.addEventListener('change', offerAdaptFirst);
  offerAdaptFirst();
  const chosen = offers.find((offer) => offer.value === query.get('shared'));
  $('#shared-learning').textContent = chosen ? 'Learning shared: ' + chosen.label : '';
  form.hidden = false;
  onSubmit(form, async () => {
    const sharedId = value(form, 'sharedLearningId');
    if (!sharedId) {
      throw new ApiError(400, { detail: 'Choose the shared learning you took up.', errors: [{ field: 'sharedLearningId', message: 'choose one' }] });
    }
    await api('/api/shared-learnings/' + encodeURIComponent(sharedId) + '/adoptions', {
      method: 'POST', headers: { 'Idempotency-Key': newKey() },
      body: { placeId, practiceId: value(form, 'practiceId'), adaptationId: value(form, 'adaptationId'), note: value(form, 'note'),
        happenedOn: value(form, 'happenedOn') } });
    say(status, 'Saved.', 'success');
    location.assign('/journey.html?place=' + encodeURIComponent(placeId));
  });
}

main();
