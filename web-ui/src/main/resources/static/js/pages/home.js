import { frame } from '../frame.js';
import { hasRole, mayWriteFor, mayReadAcross, isOperator } from '../session.js';
import { get } from '../http.js';
import { el, clear, $ } from '../dom.js';
import { say, showFailure } from '../notices.js';
import { places } from '../programme.js';
import { monthName } from '../format.js';
import { returnAfterSignIn } from '../sign-in-return.js';
import { columnChart } from '../charts.js';

function action(href, text, detail) {
  return el('li', {}, el('a', { href }, text, detail ? el('span', { class: 'action-detail' }, detail) : null));
}

async function main() {
  const member = await frame();
  if (returnAfterSignIn()) return;
  let list;
  try {
    list = await places(member.programmeId);
  } catch (failure) {
    showFailure($('#status'), failure);
    return;
  }
  const actions = clear($('#actions'));
  const mine = list.filter((place) => member.placeIds.includes(place.placeId));
  for (const place of mine) {
    const here = '?place=' + encodeURIComponent(place.placeId);
    actions.append(
      action('/record-insight.html' + here, 'Record an insight for ' + place.name, 'Something you noticed, with a quote if someone agreed.'),
      action('/journey.html' + here, place.name + "'s change journey", 'What happened, and how you work now.'));
  }
  if (hasRole(member, 'LEARNING_PARTNER', 'ADMIN')) {
    actions.append(action('/sensemaking.html', 'Record a sensemaking session', 'Who met, which insights you looked at, what you concluded.'));
  }
  if (hasRole(member, 'LEARNING_PARTNER', 'ADMIN')) {
    actions.append(action('/share-learning.html', 'Share learning across the programme', 'Pass on what you learned to places or funders.'));
  }
  if (mayReadAcross(member)) {
    actions.append(action('/funders.html', 'Learning across places', 'Charts by principle and theme, and the record as it stood on any day.'));
  }
  actions.append(
    action('/flow.html', 'How learning travels', 'A picture of learning shared between places.'),
    action('/search.html', 'Search', 'Find insights and practices by their words.'),
    action('/exports.html', 'Downloads', 'Spreadsheets, data and printable reports.'));
  if (isOperator(member)) {
    actions.append(action('/admin.html', 'Views and rebuilds', 'For operators: rebuild a view and watch its progress.'));
  }

  if (mayReadAcross(member)) {
    get('/api/programmes/' + encodeURIComponent(member.programmeId) + '/counts').then((counts) => {
      columnChart($('#home-chart'), { title: 'What was recorded across places, by the month it happened',
        data: counts.months.map((month) => ({ label: monthName(month.month), value: month.lines })) });
    }).catch(() => clear($('#home-chart')));
  }

  const cards = clear($('#places'));
  if (!list.length) say($('#status'), 'No places are registered in this programme yet.');
  for (const place of list) {
    const here = '?place=' + encodeURIComponent(place.placeId);
    const links = el('ul', { class: 'entry-links' },
      el('li', {}, el('a', { href: '/journey.html' + here }, 'Change journey', el('span', { class: 'visually-hidden' }, ' of ' + place.name))));
    if (mayWriteFor(member, place.placeId)) {
      links.append(el('li', {}, el('a', { href: '/record-insight.html' + here }, 'Record an insight', el('span', { class: 'visually-hidden' }, ' for ' + place.name))));
    }
    cards.append(el('li', {}, el('article', { class: 'card' },
      el('h3', {}, place.name),
      mine.includes(place) ? el('p', {}, el('strong', {}, 'Your place')) : null,
      links)));
  }
}

main();
