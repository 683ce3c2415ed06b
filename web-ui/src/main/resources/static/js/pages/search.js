import { frame } from '../frame.js';
import { get } from '../http.js';
import { el, clear, $, params } from '../dom.js';
import { showFailure } from '../notices.js';
import { places } from '../programme.js';

async function main() {
  const member = await frame();
  const q = params().get('q');
  const page = Math.max(0, Number(params().get('page') || 0));
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
      get('/api/programmes/' + encodeURIComponent(member.programmeId) + '/search?q=' + encodeURIComponent(q) + '&page=' + page),
      places(member.programmeId)]);
  } catch (failure) { showFailure($('#status'), failure); return; }
  const names = new Map(list.map((place) => [place.placeId, place.name]));
  // The server pages the hits (newest first) and says how many there are, exactly or at least.
  const total = typeof answer.total === 'number' ? answer.total : answer.hits.length;
  const first = page * (answer.size || answer.hits.length) + 1;
  $('#result-count').textContent = answer.hits.length === 0 ? 'Nothing found for "' + q + '".'
    : (total > answer.hits.length ? 'Showing ' + first + '–' + (first + answer.hits.length - 1) + ' of '
      + (answer.totalExact === false ? 'at least ' : '') + total : String(answer.hits.length))
      + (total === 1 ? ' result' : ' results') + ' for "' + q + '", newest first.';
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
  const more = (to, text) => el('a', { class: 'button secondary', href: '/search.html?q=' + encodeURIComponent(q) + '&page=' + to }, text);
  const pager = el('p', { class: 'button-row' });
  if (page > 0) pager.append(more(page - 1, 'Newer results'));
  if (answer.size && first - 1 + answer.hits.length < total) pager.append(more(page + 1, 'Older results'));
  if (pager.childElementCount) results.after(pager);
}

main();
