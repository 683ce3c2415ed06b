import { frame } from '../frame.js';
import { mayWriteFor } from '../session.js';
import { get, readUntil } from '../http.js';
import { el, clear, $, params } from '../dom.js';
import { say, showFailure } from '../notices.js';
import { framework } from '../programme.js';
import { monthName, formatDay, formatInstant, toLocalInput, fromLocalInput } from '../format.js';
import { LAYERS, SPHERES, KINDS } from '../vocabulary.js';
import { selectOptions } from '../forms.js';
import { columnChart } from '../charts.js';
import { entry } from '../timeline.js';

const SIZE = 25;
const FILTERS = ['kind', 'principle', 'theme', 'layer', 'sphere', 'from', 'to', 'on', 'asOf'];

async function main() {
  const member = await frame();
  const status = $('#status');
  const placeId = params().get('place');
  if (!placeId) {
    say(status, 'Choose a place from the home page.', 'error');
    return;
  }
  const form = $('#filters');
  const query = params();
  const tags = await framework(member.programmeId).catch(() => ({ principles: [], themes: [], sources: [] }));
  const toOptions = (list) => list.map((value) => ({ value, label: value }));
  selectOptions(form.elements.kind, Object.entries(KINDS).map(([value, label]) => ({ value, label })), { blank: 'Everything', selected: query.get('kind') });
  selectOptions(form.elements.principle, toOptions(tags.principles), { blank: 'Any principle', selected: query.get('principle') });
  selectOptions(form.elements.theme, toOptions(tags.themes), { blank: 'Any theme', selected: query.get('theme') });
  selectOptions(form.elements.layer, Object.entries(LAYERS).map(([value, label]) => ({ value, label })), { blank: 'Any layer', selected: query.get('layer') });
  selectOptions(form.elements.sphere, Object.entries(SPHERES).map(([value, label]) => ({ value, label })), { blank: 'Anywhere', selected: query.get('sphere') });
  for (const name of ['from', 'to', 'on']) form.elements[name].value = query.get(name) || '';
  if (query.get('asOf')) form.elements.asOf.value = toLocalInput(query.get('asOf'));
  if (FILTERS.some((name) => query.get(name))) $('#filters-box').open = true;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams({ place: placeId });
    for (const name of FILTERS) {
      let value = form.elements[name].value;
      if (name === 'asOf' && value) value = fromLocalInput(value);
      if (value) next.set(name, value);
    }
    location.assign('/journey.html?' + next.toString());
  });
  $('#reset-filters').addEventListener('click', (event) => {
    event.preventDefault();
    location.assign('/journey.html?place=' + encodeURIComponent(placeId));
  });

  // Without a page asked for, the latest entries show first (the timeline runs by the day things happened).
  const base = '/api/places/' + encodeURIComponent(placeId) + '/journey?';
  const read = async () => {
    const api = new URLSearchParams({ size: String(SIZE) });
    for (const name of FILTERS) if (query.get(name)) api.set(name, query.get(name));
    if (query.has('page')) {
      api.set('page', query.get('page'));
      return get(base + api.toString());
    }
    api.set('page', '0');
    const first = await get(base + api.toString());
    const last = Math.max(0, Math.ceil(first.timeline.total / SIZE) - 1);
    if (last === 0) return first;
    api.set('page', String(last));
    return get(base + api.toString());
  };
  const recorded = query.get('recorded') || query.get('revised');
  const wantedLines = query.get('revised') ? Number(query.get('v') || 0) + 1 : 1;
  let journey;
  try {
    journey = recorded
      ? await readUntil(read, (answer) => answer.timeline.items.filter((item) => item.subjectId === recorded).length >= wantedLines)
      : await read();
  } catch (failure) {
    showFailure(status, failure);
    return;
  }
  const page = journey.timeline.page;
  if (recorded) {
    const shown = journey.timeline.items.filter((item) => item.subjectId === recorded).length >= wantedLines;
    say(status, !shown ? 'Saved. It will show in the journey in a moment (reload the page).'
      : query.get('revised') ? 'The new version is saved; the journey shows it below.' : 'Your insight is saved and shows in the journey below.', 'success');
  }
  document.title = journey.name + ' – change journey – Learning Log';
  $('#page-title').textContent = journey.name + ': change journey';
  if (journey.asOf || query.get('on')) {
    say(status, 'Showing ' + [query.get('on') ? 'what had happened by ' + formatDay(query.get('on')) : null,
      journey.asOf ? 'as the record stood on ' + formatInstant(journey.asOf) : null].filter(Boolean).join(', ') + '.');
  }

  const actions = clear($('#place-actions'));
  if (mayWriteFor(member, placeId)) {
    const here = '?place=' + encodeURIComponent(placeId);
    actions.append(
      el('a', { class: 'button', href: '/record-insight.html' + here }, 'Record an insight'),
      el('a', { class: 'button secondary', href: '/new-practice.html' + here }, 'Start a new practice'),
      el('a', { class: 'button secondary', href: '/share-learning.html' + here }, 'Share learning'),
      el('a', { class: 'button secondary', href: '/adopt-shared.html' + here }, 'Take up learning from elsewhere'));
  }
  actions.append(el('a', { class: 'button secondary', href: '/api/places/' + encodeURIComponent(placeId) + '/journey/report' }, 'Printable report'));

  const practices = clear($('#practices'));
  if (!journey.practices.length) practices.append(el('li', {}, el('p', { class: 'hint' }, 'No practices recorded yet.')));
  const ordered = journey.practices.slice().sort((a, b) => (a.status === 'active' ? 0 : 1) - (b.status === 'active' ? 0 : 1));
  for (const practice of ordered) {
    const id = encodeURIComponent(practice.practiceId);
    const card = el('article', { class: 'card' },
      el('h3', {}, practice.name),
      el('p', {}, el('span', { class: 'status-badge status-' + practice.status }, practice.status === 'active' ? 'In use' : 'Stopped'),
        ' · ' + practice.versions + (practice.versions === 1 ? ' version' : ' versions')),
      el('p', {}, practice.description),
      el('ul', { class: 'entry-links' },
        el('li', {}, el('a', { href: '/practice.html?practice=' + id }, 'History of ', el('span', { class: 'visually-hidden' }, practice.name + ': '), 'every version')),
        practice.status === 'active' && mayWriteFor(member, placeId)
          ? el('li', {}, el('a', { href: '/adapt-practice.html?practice=' + id }, 'Change ', el('span', { class: 'visually-hidden' }, practice.name + ': '), 'how we do it'))
          : null));
    practices.append(el('li', {}, card));
  }

  const timeline = journey.timeline;
  $('#timeline-count').textContent = timeline.total === 0 ? 'Nothing matches.'
    : 'Showing ' + (page * SIZE + 1) + '–' + (page * SIZE + timeline.items.length) + ' of ' + timeline.total + ', by the day it happened.';
  const list = clear($('#timeline'));
  for (const item of timeline.items) {
    const line = entry(item, { member });
    if (recorded && item.subjectId === recorded) line.classList.add('just-recorded');
    list.append(line);
  }

  const pager = clear($('#pager'));
  const link = (to, text) => {
    const next = params();
    next.delete('recorded');
    next.set('page', String(to));
    return el('a', { class: 'button secondary', href: '/journey.html?' + next.toString() }, text);
  };
  if (page > 0) pager.append(link(page - 1, 'Earlier entries'));
  if ((page + 1) * SIZE < timeline.total) pager.append(link(page + 1, 'Later entries'));

  // A picture of the whole journey: entries per month (a separate read of up to 1000 lines).
  try {
    const all = await get('/api/places/' + encodeURIComponent(placeId) + '/journey?size=1000'
      + (query.get('asOf') ? '&asOf=' + encodeURIComponent(query.get('asOf')) : '')
      + (query.get('on') ? '&on=' + encodeURIComponent(query.get('on')) : ''));
    const months = new Map();
    for (const item of all.timeline.items) {
      if (!item.date) continue;
      const month = item.date.slice(0, 7);
      months.set(month, (months.get(month) || 0) + 1);
    }
    const data = [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, value]) => ({ label: monthName(month), value }));
    columnChart($('#month-chart'), { title: 'Entries in ' + journey.name + "'s journey, by month", data, unit: 'entries' });
  } catch (failure) {
    clear($('#month-chart'));
  }
}

main();
