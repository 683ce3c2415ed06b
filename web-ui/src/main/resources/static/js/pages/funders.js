import { frame } from '../frame.js';
import { mayReadAcross } from '../session.js';
import { get } from '../http.js';
import { el, clear, $, params } from '../dom.js';
import { say, showFailure, refuse } from '../notices.js';
import { places, framework } from '../programme.js';
import { formatDay, formatInstant, monthName, fromLocalInput, toLocalInput } from '../format.js';
import { kindName, LAYERS, SPHERES } from '../vocabulary.js';
import { selectOptions } from '../forms.js';
import { barChart, columnChart } from '../charts.js';
import { entry } from '../timeline.js';

const SIZE = 25;
const FILTERS = ['placeId', 'principle', 'theme', 'layer', 'sphere', 'from', 'to'];
let programmeId;
let placeNames = new Map();
let steps = 0;
let current = 0;
// The clock the page moves on: 'story' (as it happened, the default) or 'recorded' (as it was recorded).
let order = 'story';
// Where the views are cut: on (a story day) in the story's order, known (a recording instant) in the record's.
let cut = {};
let playing = null;
let pending = null;
let counts = null;

const slider = () => $('#step');

async function main() {
  const member = await frame();
  const status = $('#status');
  if (!mayReadAcross(member)) {
    refuse(status, 'This page is for learning partners, funders and administrators.');
    return;
  }
  programmeId = member.programmeId;
  order = params().get('order') === 'recorded' ? 'recorded' : 'story';
  try {
    const [list, tags] = await Promise.all([
      places(programmeId), framework(programmeId).catch(() => ({ principles: [], themes: [], sources: [] }))]);
    placeNames = new Map(list.map((place) => [place.placeId, place.name]));
    setUpFilters(list, tags);
    setUpSeries(tags);
    steps = await countSteps();
    if (!steps) {
      say(status, 'Nothing has been recorded in this programme yet.');
      return;
    }
  } catch (failure) {
    showFailure(status, failure);
    return;
  }
  const range = slider();
  range.min = '1';
  range.max = String(steps);
  const asked = Number(params().get('step'));
  range.value = String(asked >= 1 && asked <= steps ? asked : steps);
  range.addEventListener('input', () => go(Number(range.value), 150));
  $('#prev-step').addEventListener('click', () => go(Math.max(1, current - 1)));
  $('#next-step').addEventListener('click', () => go(Math.min(steps, current + 1)));
  $('#latest').addEventListener('click', () => go(steps));
  $('#play').addEventListener('click', togglePlay);
  for (const choice of document.querySelectorAll('input[name="order"]')) {
    choice.checked = choice.value === order;
    choice.addEventListener('change', () => { if (choice.checked) tell(choice.value); });
  }
  showClock();
  $('#jump').addEventListener('submit', async (event) => {
    event.preventDefault();
    const query = order === 'story' ? $('#jump-on').value : fromLocalInput($('#jump-at').value);
    if (!query) return;
    try {
      const step = await get(replay((order === 'story' ? 'on=' : 'at=') + encodeURIComponent(query)));
      go(step.step);
    } catch (failure) {
      say($('#status'), failure.status === 404 ? (order === 'story' ? 'Nothing had happened by then.' : 'Nothing had been recorded by then.')
        : failure.message, 'error');
    }
  });
  $('#series').addEventListener('change', drawTime);
  await go(Number(range.value));
}

/** The replay's address in the page's order. */
function replay(query) {
  return '/api/programmes/' + encodeURIComponent(programmeId) + '/replay?order=' + order + '&' + query;
}

/** How many steps the replay has (the same in both orders: every line once); 0 when nothing is recorded. */
async function countSteps() {
  try {
    return (await get(replay('step=1'))).steps;
  } catch (failure) {
    if (failure.status === 404) return 0;
    throw failure;
  }
}

/** Moves the page to the other clock: the same number of steps, told in the other order, from now. */
async function tell(chosen) {
  if (playing) togglePlay();
  order = chosen;
  const url = new URL(location.href);
  if (order === 'recorded') url.searchParams.set('order', 'recorded'); else url.searchParams.delete('order');
  url.searchParams.delete('step');
  history.replaceState(null, '', url);
  showClock();
  try {
    steps = await countSteps();
  } catch (failure) {
    showFailure($('#status'), failure);
    return;
  }
  slider().max = String(steps);
  await go(steps);
}

/** The jump form asks for a day in the story's order and for a date and time in the record's. */
function showClock() {
  $('#jump-on-field').hidden = order !== 'story';
  $('#jump-at-field').hidden = order === 'story';
}

function setUpFilters(list, tags) {
  const form = $('#filters');
  const query = params();
  const opts = (values) => values.map((value) => ({ value, label: value }));
  selectOptions(form.elements.placeId, list.map((place) => ({ value: place.placeId, label: place.name })), { blank: 'All places', selected: query.get('placeId') });
  selectOptions(form.elements.principle, opts(tags.principles), { blank: 'Any principle', selected: query.get('principle') });
  selectOptions(form.elements.theme, opts(tags.themes), { blank: 'Any theme', selected: query.get('theme') });
  selectOptions(form.elements.layer, Object.entries(LAYERS).map(([value, label]) => ({ value, label })), { blank: 'Any layer', selected: query.get('layer') });
  selectOptions(form.elements.sphere, Object.entries(SPHERES).map(([value, label]) => ({ value, label })), { blank: 'Anywhere', selected: query.get('sphere') });
  form.elements.from.value = query.get('from') || '';
  form.elements.to.value = query.get('to') || '';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    drawTimeline(0);
  });
}

function setUpSeries(tags) {
  const options = [{ value: '', label: 'All entries' },
    ...tags.principles.map((value) => ({ value: 'principle:' + value, label: 'Principle: ' + value })),
    ...tags.themes.map((value) => ({ value: 'theme:' + value, label: 'Theme: ' + value }))];
  selectOptions($('#series'), options, { selected: '' });
}

/** Shows the programme as it stood after step k; waits a moment first when the slider is moving. */
function go(step, delay = 0) {
  slider().value = String(step);
  $('#step-said').textContent = 'Step ' + step + ' of ' + steps + (step === steps ? ' (now)' : '');
  clearTimeout(pending);
  return new Promise((resolve) => {
    pending = setTimeout(() => show(step).then(resolve, resolve), delay);
  });
}

/** Where a step stands, in plain words and as a date: the day it happened on, or the instant it was recorded. */
function standing(event) {
  return order === 'story' ? 'as it happened, by ' + formatDay(event.date) : 'as it was recorded, by ' + formatInstant(event.recordedAt);
}

async function show(step) {
  let replayed;
  const shownOrder = order;
  try {
    replayed = await get(replay('step=' + step));
  } catch (failure) {
    showFailure($('#status'), failure);
    return;
  }
  if (Number(slider().value) !== step || shownOrder !== order) return; // the slider or the clock moved on meanwhile
  current = step;
  const event = replayed.event;
  cut = step === steps ? {} : order === 'story' ? { on: event.date } : { known: event.recordedAt };
  const url = new URL(location.href);
  if (step === steps) url.searchParams.delete('step'); else url.searchParams.set('step', String(step));
  history.replaceState(null, '', url);
  $('#step-said').textContent = 'Step ' + step + ' of ' + steps + (step === steps ? ' (now)' : '') + ': ' + standing(event);
  $('#step-said').dataset.day = event.date || '';
  if (order === 'story') $('#jump-on').value = event.date || '';
  else $('#jump-at').value = toLocalInput(event.recordedAt);
  clear($('#step-event')).append(
    el('p', {}, el('strong', {}, 'This step: ' + kindName(event.kind)), ' in ' + (placeNames.get(event.placeId) || 'the programme')
      + (order === 'story' ? ', on ' + formatDay(event.date) + ' (recorded ' + formatInstant(event.recordedAt) + ')'
        : (event.date ? ', about ' + formatDay(event.date) : ''))),
    el('p', {}, event.summary || ''));
  const state = replayed.stateAfter;
  $('#lines-then').textContent = state.steps + (state.steps === 1 ? ' entry' : ' entries')
    + (order === 'story' ? ' had happened by then' : ' recorded by then');
  $('#lines-then').dataset.steps = String(state.steps);
  const toData = (map) => Object.entries(map || {}).map(([label, value]) => ({ label, value }));
  barChart($('#principle-chart'), { title: 'By learning principle, as it stood then', data: toData(state.byPrinciple), unit: 'tags', columnHeader: 'Principle' });
  barChart($('#theme-chart'), { title: 'By theme, as it stood then', data: toData(state.byTheme), unit: 'tags', columnHeader: 'Theme' });
  $('#prev-step').disabled = step <= 1;
  $('#next-step').disabled = step >= steps;
  if (!playing) {
    await Promise.all([loadCounts(), drawTimeline(0)]);
  }
}

/** The cut as query parameters of the counts and the timeline. */
function cutQuery(query) {
  if (cut.on) query.set('on', cut.on);
  if (cut.known) query.set('known', cut.known);
  return query;
}

async function loadCounts() {
  try {
    const query = cutQuery(new URLSearchParams()).toString();
    counts = await get('/api/programmes/' + encodeURIComponent(programmeId) + '/counts' + (query ? '?' + query : ''));
  } catch (failure) {
    counts = null;
  }
  drawTime();
}

function drawTime() {
  const figure = $('#time-chart');
  if (!counts) { clear(figure); return; }
  const series = $('#series').value;
  const [kind, name] = series ? [series.slice(0, series.indexOf(':')), series.slice(series.indexOf(':') + 1)] : [null, null];
  const data = counts.months.map((month) => ({
    label: monthName(month.month),
    value: !kind ? month.lines : ((kind === 'principle' ? month.principles : month.themes) || {})[name] || 0,
  }));
  columnChart(figure, {
    title: (name ? '"' + name + '"' : 'Entries') + ' by the month things happened'
      + (cut.on ? ', up to ' + formatDay(cut.on) : cut.known ? ', as the record stood on ' + formatInstant(cut.known) : ''),
    data, unit: name ? 'tags' : 'entries' });
}

async function drawTimeline(page) {
  const form = $('#filters');
  const query = new URLSearchParams({ page: String(page), size: String(SIZE) });
  for (const name of FILTERS) if (form.elements[name].value) query.set(name, form.elements[name].value);
  cutQuery(query);
  query.set('order', order);
  let timeline;
  try {
    timeline = await get('/api/programmes/' + encodeURIComponent(programmeId) + '/timeline?' + query.toString());
  } catch (failure) {
    showFailure($('#status'), failure);
    return;
  }
  $('#timeline-count').textContent = timeline.total === 0 || (page === 0 && !timeline.items.length) ? 'Nothing matches.'
    : 'Showing ' + (page * SIZE + 1) + '–' + (page * SIZE + timeline.items.length)
      // the story's order does not always count every match (it would read every month): then no total is said
      + (timeline.total === null || timeline.total === undefined ? '' : ' of ' + timeline.total)
      + (order === 'story' ? ', in the order things happened.' : ', in the order recorded.');
  const list = clear($('#timeline'));
  for (const item of timeline.items) list.append(entry(item, { placeName: placeNames.get(item.placeId) || 'the programme' }));
  const pager = clear($('#pager'));
  const button = (to, text) => {
    const node = el('button', { type: 'button', class: 'button secondary' }, text);
    node.addEventListener('click', () => drawTimeline(to));
    return node;
  };
  if (page > 0) pager.append(button(page - 1, 'Previous page'));
  if (timeline.hasMore) pager.append(button(page + 1, 'Next page'));
}

function togglePlay() {
  const button = $('#play');
  if (playing) {
    clearInterval(playing);
    playing = null;
    button.textContent = 'Play';
    button.setAttribute('aria-pressed', 'false');
    show(current);
    return;
  }
  if (current >= steps) go(1);
  button.textContent = 'Pause';
  button.setAttribute('aria-pressed', 'true');
  playing = setInterval(() => {
    if (current >= steps) { togglePlay(); return; }
    go(current + 1);
  }, 900);
}

main();
