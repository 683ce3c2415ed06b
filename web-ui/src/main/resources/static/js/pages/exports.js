import { frame } from '../frame.js';
import { el, clear, $ } from '../dom.js';
import { showFailure } from '../notices.js';
import { places } from '../programme.js';

async function main() {
  const member = await frame();
  const programme = encodeURIComponent(member.programmeId);
  clear($('#programme-downloads')).append(
    el('li', {}, el('a', { href: '/api/programmes/' + programme + '/timeline/export?format=csv', download: '' }, 'Everything recorded across places, as a spreadsheet (CSV)')),
    el('li', {}, el('a', { href: '/api/programmes/' + programme + '/timeline/export?format=json', download: '' }, 'Everything recorded across places, as data (JSON)')));
  let list;
  try {
    list = await places(member.programmeId);
  } catch (failure) { showFailure($('#status'), failure); return; }
  const body = clear($('#place-downloads'));
  for (const place of list) {
    const id = encodeURIComponent(place.placeId);
    const hidden = (text) => el('span', { class: 'visually-hidden' }, ' ' + text);
    body.append(el('tr', {},
      el('th', { scope: 'row' }, place.name),
      el('td', {}, el('a', { href: '/api/places/' + id + '/journey/export?format=csv', download: '' }, 'CSV', hidden('for ' + place.name))),
      el('td', {}, el('a', { href: '/api/places/' + id + '/journey/export?format=json', download: '' }, 'JSON', hidden('for ' + place.name))),
      el('td', {}, el('a', { href: '/api/places/' + id + '/journey/report' }, 'Report', hidden('for ' + place.name)))));
  }
}

main();
