import { frame, get, el, clear, $, params, places, showFailure } from '../app.js';

async function main() {
  const member = await frame();
  const q = params().get('q');
  const form = $('#search-form');
  form.elements.q.value = q || '';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = form.elements.q.value.trim();
    if (value) location.assign('/search.html?q=' + encodeURIComponent(value));
  });
  if (!q) return;
  let answer;
  let list;
  try {
    [answer, list] = await Promise.all([
      get('/api/programmes/' + encodeURIComponent(member.programmeId) + '/search?q=' + encodeURIComponent(q)),
      places(member.programmeId)]);
  } catch (failure) { showFailure($('#status'), failure); return; }
  const names = new Map(list.map((place) => [place.placeId, place.name]));
  $('#result-count').textContent = answer.hits.length === 0 ? 'Nothing found for "' + q + '".'
    : answer.hits.length + (answer.hits.length === 1 ? ' result' : ' results') + ' for "' + q + '".';
  const results = clear($('#results'));
  for (const hit of answer.hits) {
    const href = hit.kind === 'practice' ? '/practice.html?practice=' + encodeURIComponent(hit.id)
      : '/journey.html?place=' + encodeURIComponent(hit.placeId);
    results.append(el('li', {},
      el('span', { class: 'result-kind' }, hit.kind === 'practice' ? 'Practice' : 'Insight'), ' · ' + (names.get(hit.placeId) || 'the programme')
        + (hit.status && hit.status !== 'active' ? ' · ' + hit.status : ''),
      el('br'),
      el('a', { href }, hit.title ? hit.title + ': ' + hit.text : hit.text)));
  }
}

main();
