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
let asOf = null;
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
  try {
    const [list, tags, latest] = await Promise.all([
      places(programmeId), framework(programmeId).catch(() => ({ principles: [], themes: [], sources: [] })),
      get('/api/programmes/' + encodeURIComponent(programmeId) + '/replay?at=' + encodeURIComponent(new Date(Date.now() + 60000).toISOString()))
        .catch((failure) => (failure.status === 404 ? null : Promise.reject(failure)))]);
    placeNames = new Map(list.map((place) => [place.placeId, place.name]));
    setUpFilters(list, tags);
    setUpSeries(tags);
    if (!latest) {
      say(status, 'Nothing has been recorded in this programme yet.');
      return;
    }
    steps = latest.steps;
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
  $('#jump').addEventListener('submit', async (event) => {
    event.preventDefault();
    const at = fromLocalInput($('#jump-at').value);
    if (!at) return;
    try {
      const step = await get('/api/programmes/' + encodeURIComponent(programmeId) + '/replay?at=' + encodeURIComponent(at));
      go(step.step);
    } catch (failure) {
      say($('#status'), failure.status === 404 ? 'Nothing had been recorded by then.' : failure.message, 'error');
    }
  });
  $('#series').addEventListener('change', drawTime);
  await go(Number(range.value));
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

/** Shows the record as it stood after step k; waits a moment first when the slider is moving. */
function go(step, delay = 0) {
  slider().value = String(step);
  $('#step-said').textContent = 'Step ' + step + ' of ' + steps + (step === steps ? ' (now)' : '');
  clearTimeout(pending);
  return new Promise((resolve) => {
    pending = setTimeout(() => show(step).then(resolve, resolve), delay);
  });
}

async function show(step) {
  let replay;
  try {
    replay = await get('/api/programmes/' + encodeURIComponent(programmeId) + '/replay?step=' + step);
  } catch (failure) {
    showFailure($('#status'), failure);
    return;
  }
  if (Number(slider().value) !== step) return; // the slider moved on meanwhile
  current = step;
  asOf = step === steps ? null : replay.event.recordedAt;
  const url = new URL(location.href);
  if (step === steps) url.searchParams.delete('step'); else url.searchParams.set('step', String(step));
  history.replaceState(null, '', url);
  $('#step-said').textContent = 'Step ' + step + ' of ' + steps + (step === steps ? ' (now)' : '')
    + ': the record as it stood on ' + formatInstant(replay.event.recordedAt);
  $('#jump-at').value = toLocalInput(replay.event.recordedAt);
  const event = replay.event;
  clear($('#step-event')).append(
    el('p', {}, el('strong', {}, 'This step: ' + kindName(event.kind)), ' in ' + (placeNames.get(event.placeId) || 'the programme')
      + (event.date ? ', about ' + formatDay(event.date) : '')),
    el('p', {}, event.summary || ''));
  const state = replay.stateAfter;
  $('#lines-then').textContent = state.steps + (state.steps === 1 ? ' entry' : ' entries') + ' recorded by then';
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

async function loadCounts() {
  try {
    counts = await get('/api/programmes/' + encodeURIComponent(programmeId) + '/counts' + (asOf ? '?asOf=' + encodeURIComponent(asOf) : ''));
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
    title: (name ? '"' + name + '"' : 'Entries') + ' by the month things happened' + (asOf ? ', as the record stood on ' + formatInstant(asOf) : ''),
    data, unit: name ? 'tags' : 'entries' });
}

async function drawTimeline(page) {
  const form = $('#filters');
  const query = new URLSearchParams({ page: String(page), size: String(SIZE) });
  for (const name of FILTERS) if (form.elements[name].value) query.set(name, form.elements[name].value);
  if (asOf) query.set('asOf', asOf);
  let timeline;
  try {
    timeline = await get('/api/programmes/' + encodeURIComponent(programmeId) + '/timeline?' + query.toString());
  } catch (failure) {
    showFailure($('#status'), failure);
    return;
  }
  $('#timeline-count').textContent = timeline.total === 0 ? 'Nothing matches.'
    : 'Showing ' + (page * SIZE + 1) + '–' + (page * SIZE + timeline.items.length) + ' of ' + timeline.total + ', in the order recorded.';
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
