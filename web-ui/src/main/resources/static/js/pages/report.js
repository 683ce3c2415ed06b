// The synthesis report: a period chosen by the reader, each section drawn as bars with the same
// numbers in a table beneath (never a share without its count and base), printable, downloadable.
import { frame } from '../frame.js';
import { get } from '../http.js';
import { el, svg, clear, $, params } from '../dom.js';
import { say, showFailure } from '../notices.js';
import { places } from '../programme.js';
import { formatDay, formatInstant } from '../format.js';
import { LAYERS, SPHERES, OUTCOMES, kindName } from '../vocabulary.js';

let programmeId;
let placeNames = new Map();
let counter = 0;

const PRACTICE_COUNTS = [['adopted', 'Adopted'], ['adapted', 'Adapted'], ['retired', 'Retired'], ['reviewed', 'Reviewed']];
const RECORD_KINDS = {
  insight: 'Insight', 'insight-revised': 'Insight revised', 'insight-retracted': 'Insight withdrawn',
  'practice-adopted': 'Practice adopted', 'practice-adapted': 'Practice adapted', 'practice-retired': 'Practice retired',
  'adaptation-reviewed': 'Adaptation reviewed', 'learning-shared': 'Learning shared', 'learning-taken-up': 'Learning taken up',
  'session-held': 'Session held', 'session-evaluated': 'Session evaluated', 'session-evaluation-revised': 'Evaluation corrected',
};

async function main() {
  const member = await frame();
  programmeId = member.programmeId;
  const query = params();
  const today = new Date().toISOString().slice(0, 10);
  const yearAgo = new Date(Date.now() - 364 * 86400000).toISOString().slice(0, 10);
  const form = $('#period');
  form.elements.from.value = query.get('from') || yearAgo;
  form.elements.to.value = query.get('to') || today;
  form.elements.known.value = query.get('known') || '';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams({ from: form.elements.from.value, to: form.elements.to.value });
    if (form.elements.known.value) next.set('known', form.elements.known.value);
    history.replaceState(null, '', '?' + next);
    show();
  });
  try {
    placeNames = new Map((await places(programmeId)).map((place) => [place.placeId, place.name]));
  } catch (failure) {
    showFailure($('#status'), failure);
    return;
  }
  await show();
}

function period() {
  const form = $('#period');
  const query = new URLSearchParams({ from: form.elements.from.value, to: form.elements.to.value });
  if (form.elements.known.value) query.set('known', form.elements.known.value);
  return query;
}

async function show() {
  const status = $('#status');
  const query = period();
  const path = '/api/programmes/' + encodeURIComponent(programmeId) + '/synthesis-report?' + query;
  let report;
  try {
    report = await get(path);
  } catch (failure) {
    showFailure(status, failure);
    return;
  }
  status.hidden = true;
  const part = report.placeIds.length ? ' – the part of ' + report.placeIds.map(placeName).join(', ') : ' – the whole programme';
  clear($('#period-said')).append('From ', el('strong', {}, formatDay(report.from)), ' to ', el('strong', {}, formatDay(report.to)),
    report.known ? ', as the record stood on ' + formatInstant(report.known) : '', part + '.');
  clear($('#downloads')).append(
    el('li', {}, el('a', { href: path + '&format=csv', download: '' }, 'Download this report as a spreadsheet (CSV)')),
    el('li', {}, el('a', { href: path + '&format=json', download: '' }, 'Download this report as data (JSON)')));
  activities(report.activities);
  across(report.acrossActivities);
  insights(report.insights);
  practices(report.practices);
  travelled(report.travelled);
  records(report.records);
  say(status, 'The report is shown.');
}

function placeName(placeId) {
  return placeNames.get(placeId) || placeId;
}

function percent(share) {
  return share.percent === null || share.percent === undefined ? '–' : share.percent + '%';
}

/** A figure: horizontal bars (value out of max, labelled), then the numbers as a table. */
function chart({ title, bars, max, unit, headers, rows, name }) {
  const id = 'report-chart-' + (++counter);
  const figure = el('figure', { class: 'chart report-chart', dataset: { chart: name } },
    el('figcaption', { id: id + '-title' }, title));
  if (!bars.length) {
    figure.append(el('p', { class: 'hint' }, 'Nothing in this period.'));
    return figure;
  }
  const rowHeight = 26;
  const labelWidth = 230;
  const width = 560;
  const height = bars.length * rowHeight + 8;
  const top = bars.reduce((a, b) => (b.value > a.value ? b : a));
  const summary = bars.length + ' bars; the highest: ' + top.label + ' (' + top.text + ').';
  const picture = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-labelledby': id + '-title ' + id + '-desc' },
    svg('desc', { id: id + '-desc', text: summary }));
  const scale = Math.max(1, max ?? Math.max(...bars.map((bar) => bar.value)));
  bars.forEach((bar, index) => {
    const y = index * rowHeight + 4;
    const barWidth = Math.max(2, ((width - labelWidth - 70) * bar.value) / scale);
    picture.append(
      svg('text', { x: labelWidth - 6, y: y + 15, 'text-anchor': 'end', class: 'axis-label', text: shorten(bar.label, 32) }),
      svg('rect', { x: labelWidth, y, width: barWidth, height: rowHeight - 8, class: 'bar', rx: 2 }),
      svg('text', { x: labelWidth + barWidth + 4, y: y + 15, class: 'axis-label', text: bar.text }));
  });
  figure.append(picture, el('p', { class: 'hint' }, summary + (unit ? ' ' + unit : '')), table(title, headers, rows));
  return figure;
}

function table(caption, headers, rows) {
  return el('div', { class: 'table-scroll' }, el('table', { class: 'table' },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, headers.map((header) => el('th', { scope: 'col' }, header)))),
    el('tbody', {}, rows.map((row) => el('tr', {},
      row.map((cell, index) => (index === 0
        ? el('th', { scope: 'row' }, String(cell))
        : el('td', { class: typeof cell === 'number' ? 'number' : null }, String(cell)))))))));
}

function shorten(text, length) {
  return text.length > length ? text.slice(0, length - 1) + '…' : text;
}

function activities(list) {
  const root = clear($('#activities'));
  if (!list.length) {
    root.append(el('p', { class: 'hint' }, 'No session of a learning activity was held in this period.'));
    return;
  }
  for (const activity of list) {
    const best = activity.ratingScale[0] || 'best';
    const places = activity.placeIds.map(placeName).join(', ');
    root.append(el('h3', {}, activity.topic + ' (' + activity.kind + ')'), el('p', { class: 'hint' }, 'Places taking part: ' + places + '.'));
    root.append(chart({
      name: 'trend',
      title: activity.topic + ': share of forms rating a session “' + best + '”',
      bars: activity.trend.map((point) => ({ label: 'Session ' + point.sessionNumber + ', ' + formatDay(point.happenedOn),
        value: point.percent ?? 0, text: percent(point) })),
      max: 100,
      headers: ['Session', 'Day', '“' + best + '”', 'Forms returned', 'Share'],
      rows: activity.trend.map((point) => ['Session ' + point.sessionNumber, formatDay(point.happenedOn), point.count, point.base, percent(point)]),
    }));
    const evaluated = activity.sessions.filter((session) => session.ratings);
    if (evaluated.length) {
      const answers = evaluated[0].ratings.map((share) => share.answer);
      const useful = evaluated[0].mostUseful.map((share) => share.answer);
      const cell = (shares, answer) => {
        const share = shares.find((s) => s.answer === answer);
        return share ? share.count + ' of ' + share.base + ' (' + percent(share) + ')' : '–';
      };
      root.append(table(activity.topic + ': every answer, session by session (count of forms returned, and share)',
        ['Session', 'Came', ...answers, ...useful.map((answer) => 'Most useful: ' + answer), 'Got all they wanted', 'Corrected'],
        evaluated.map((session) => ['Session ' + session.sessionNumber, session.attendanceTotal,
          ...answers.map((answer) => cell(session.ratings, answer)), ...useful.map((answer) => cell(session.mostUseful, answer)),
          cell(session.gotWhatTheyWanted, 'all'), session.revised ? 'yes' : 'no'])));
    }
  }
}

const QUESTIONS = { rating: 'Rated', 'most-useful': 'Most useful', 'got-what-they-wanted': 'Got what they wanted' };

/** Every answer over all the period's activities, with its lowest and highest share by activity. */
function across(list) {
  const root = $('#activities');
  if (!list.length) return;
  root.append(el('h3', {}, 'Across all activities in this period'));
  const spread = (answer) => {
    const known = answer.byActivity.filter((share) => share.percent !== null && share.percent !== undefined);
    if (known.length < 2) return '–';
    const low = known[0];
    const high = known[known.length - 1];
    return low.percent + '% (' + low.topic + ') to ' + high.percent + '% (' + high.topic + ')';
  };
  const ratings = list.filter((answer) => answer.question === 'rating');
  root.append(chart({
    name: 'across',
    title: 'Ratings across all activities (share of every form returned)',
    bars: ratings.map((answer) => ({ label: answer.answer, value: answer.percent ?? 0, text: percent(answer) })),
    max: 100,
    headers: ['Question and answer', 'Forms', 'Forms returned', 'Share', 'Spread by activity'],
    rows: list.map((answer) => [(QUESTIONS[answer.question] || answer.question) + ': ' + answer.answer, answer.count, answer.base,
      percent(answer), spread(answer)]),
  }));
}

function insights(part) {
  const root = clear($('#insights'));
  root.append(el('p', { class: 'big-number' }, part.total + (part.total === 1 ? ' insight' : ' insights') + ' in this period'));
  const label = { layer: (v) => LAYERS[v] || v, sphere: (v) => SPHERES[v] || v, place: placeName };
  const sections = [['principle', 'By learning principle', part.byPrinciple], ['theme', 'By theme', part.byTheme],
    ['layer', 'By layer of the work', part.byLayer], ['sphere', 'By where the change is', part.bySphere], ['place', 'By place', part.byPlace]];
  const pair = el('div', { class: 'chart-pair' });
  for (const [name, title, shares] of sections) {
    const named = (value) => (label[name] ? label[name](value) : value);
    pair.append(chart({
      name: 'insights-' + name,
      title: 'Insights ' + title.toLowerCase(),
      bars: shares.map((share) => ({ label: named(share.answer), value: share.count, text: share.count + ' (' + percent(share) + ')' })),
      headers: [title.replace('By ', '').replace(/^./, (c) => c.toUpperCase()), 'Insights', 'Of all', 'Share'],
      rows: shares.map((share) => [named(share.answer), share.count, share.base, percent(share)]),
    }));
  }
  root.append(pair);
}

function practices(part) {
  const root = clear($('#practices'));
  const bars = PRACTICE_COUNTS.map(([field, text]) => ({ label: text, value: part[field], text: String(part[field]) }))
    .filter((bar) => bar.value > 0);
  root.append(chart({
    name: 'practices', title: 'Practices in this period', bars,
    headers: ['What happened', 'Number'], rows: PRACTICE_COUNTS.map(([field, text]) => [text, part[field]]),
  }));
  root.append(chart({
    name: 'outcomes', title: 'What came of the adaptations reviewed',
    bars: part.outcomes.map((o) => ({ label: OUTCOMES[o.key] || o.key, value: o.count, text: String(o.count) })),
    headers: ['Outcome', 'Reviews'], rows: part.outcomes.map((o) => [OUTCOMES[o.key] || o.key, o.count]),
  }));
  if (part.byPlace.length) {
    root.append(table('Practices by place', ['Place', 'Adopted', 'Adapted', 'Retired', 'Reviewed'],
      part.byPlace.map((p) => [placeName(p.placeId), p.adopted, p.adapted, p.retired, p.reviewed])));
  }
}

function travelled(part) {
  const root = clear($('#travelled'));
  root.append(chart({
    name: 'travelled', title: 'Learning shared and taken up',
    bars: [{ label: 'Shared', value: part.shared, text: String(part.shared) }, { label: 'Taken up by another place', value: part.takenUp, text: String(part.takenUp) }]
      .filter((bar) => bar.value > 0),
    headers: ['What happened', 'Number'], rows: [['Shared', part.shared], ['Taken up by another place', part.takenUp]],
  }));
  if (part.items.length) {
    root.append(table('Each learning that travelled', ['Learning', 'Day', 'From', 'To'],
      part.items.map((item) => [item.title || item.sharedLearningId, formatDay(item.happenedOn), placeName(item.fromPlaceId),
        item.toPlaceId ? placeName(item.toPlaceId) : 'shared with the programme'])));
  }
}

function records(part) {
  const root = clear($('#records'));
  root.append(chart({
    name: 'records', title: 'Records that came late or were revised',
    bars: [{ label: 'Recorded late (over 30 days)', value: part.lateCount, text: String(part.lateCount) },
      { label: 'Revised or withdrawn', value: part.revisedCount, text: String(part.revisedCount) }].filter((bar) => bar.value > 0),
    headers: ['Records', 'Number'], rows: [['Recorded late (over 30 days)', part.lateCount], ['Revised or withdrawn', part.revisedCount]],
  }));
  const line = (record) => [RECORD_KINDS[record.kind] || kindName(record.kind),
    formatDay(record.happenedOn), formatInstant(record.recordedAt), record.placeId ? placeName(record.placeId) : '–', record.reason || '–'];
  const headers = ['Record', 'Happened', 'Recorded', 'Place', 'Reason'];
  if (part.late.length) root.append(table('Recorded late', headers, part.late.map(line)));
  if (part.revised.length) root.append(table('Revised or withdrawn', headers, part.revised.map(line)));
}

main();
