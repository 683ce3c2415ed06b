// Small SVG charts, each with a text alternative: the SVG is labelled with a one-line summary
// and the same numbers follow in a table.
import { el, svg, clear } from './dom.js';

let counter = 0;

function table(caption, headers, rows) {
  return el('div', { class: 'table-scroll' }, el('table', { class: 'table' },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, headers.map((header) => el('th', { scope: 'col' }, header)))),
    el('tbody', {}, rows.map((row) => el('tr', {},
      row.map((cell, index) => index === 0
        ? el('th', { scope: 'row' }, cell)
        : el('td', { class: typeof cell === 'number' ? 'number' : null }, String(cell))))))));
}

function describe(data, unit) {
  if (!data.length) return 'No ' + unit + ' yet.';
  const top = data.slice().sort((a, b) => b.value - a.value)[0];
  const total = data.reduce((sum, entry) => sum + entry.value, 0);
  return total + ' ' + unit + ' in all; the most: ' + top.label + ' (' + top.value + ').';
}

/** Horizontal bars: one per label. */
export function barChart(figure, { title, data, unit = 'entries', columnHeader = 'Label' }) {
  clear(figure);
  const id = 'chart-' + (++counter);
  figure.append(el('figcaption', { id: id + '-title' }, title));
  const summary = describe(data, unit);
  if (!data.length) {
    figure.append(el('p', { class: 'hint' }, summary));
    return;
  }
  const sorted = data.slice().sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  const max = Math.max(1, ...sorted.map((entry) => entry.value));
  const rowHeight = 26;
  const labelWidth = 250;
  const width = 560;
  const height = sorted.length * rowHeight + 8;
  const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-labelledby': id + '-title ' + id + '-desc' },
    svg('desc', { id: id + '-desc', text: summary }));
  sorted.forEach((entry, index) => {
    const y = index * rowHeight + 4;
    const barWidth = Math.max(2, ((width - labelWidth - 40) * entry.value) / max);
    chart.append(
      svg('text', { x: labelWidth - 6, y: y + 15, 'text-anchor': 'end', class: 'axis-label', text: shorten(entry.label, 36) }),
      svg('rect', { x: labelWidth, y, width: barWidth, height: rowHeight - 8, class: 'bar', rx: 2 }),
      svg('text', { x: labelWidth + barWidth + 4, y: y + 15, class: 'axis-label', text: String(entry.value) }));
  });
  figure.append(chart, el('p', { class: 'hint' }, summary),
    el('details', {}, el('summary', {}, 'Show the numbers as a table'),
      table(title, [columnHeader, 'Number'], sorted.map((entry) => [entry.label, entry.value]))));
}

/** Columns over time: one per month. */
export function columnChart(figure, { title, data, unit = 'entries' }) {
  clear(figure);
  const id = 'chart-' + (++counter);
  figure.append(el('figcaption', { id: id + '-title' }, title));
  if (!data.length) {
    figure.append(el('p', { class: 'hint' }, 'Nothing recorded yet.'));
    return;
  }
  const max = Math.max(1, ...data.map((entry) => entry.value));
  const width = 560;
  const height = 200;
  const bottom = 40;
  const step = Math.min(60, (width - 20) / data.length);
  const top = data.slice().sort((a, b) => b.value - a.value)[0];
  const summary = data.length + ' months from ' + data[0].label + ' to ' + data[data.length - 1].label
    + '; ' + data.reduce((sum, entry) => sum + entry.value, 0) + ' ' + unit + ' in all, the most in ' + top.label
    + ' (' + top.value + ').';
  const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-labelledby': id + '-title ' + id + '-desc' },
    svg('desc', { id: id + '-desc', text: summary }),
    svg('line', { x1: 10, y1: height - bottom, x2: width - 10, y2: height - bottom, class: 'axis-line' }));
  const labelEvery = Math.ceil(data.length / 8);
  data.forEach((entry, index) => {
    const barHeight = ((height - bottom - 20) * entry.value) / max;
    const x = 10 + index * step;
    chart.append(svg('rect', { x: x + 2, y: height - bottom - barHeight, width: Math.max(2, step - 4), height: barHeight, class: 'bar', rx: 1 }));
    if (entry.value > 0 && step > 14) {
      chart.append(svg('text', { x: x + step / 2, y: height - bottom - barHeight - 3, 'text-anchor': 'middle', class: 'axis-label', text: String(entry.value) }));
    }
    if (index % labelEvery === 0) {
      chart.append(svg('text', { x: x + step / 2, y: height - bottom + 16, 'text-anchor': 'middle', class: 'axis-label', text: entry.label }));
    }
  });
  figure.append(chart, el('p', { class: 'hint' }, summary),
    el('details', {}, el('summary', {}, 'Show the numbers as a table'),
      table(title, ['Month', 'Number'], data.map((entry) => [entry.label, entry.value]))));
}

function shorten(text, length) {
  return text.length > length ? text.slice(0, length - 1) + '…' : text;
}

export { table };
