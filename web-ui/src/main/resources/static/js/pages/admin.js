import { frame } from '../frame.js';
import { isOperator } from '../session.js';
import { api, get } from '../http.js';
import { el, clear, $ } from '../dom.js';
import { say, showFailure, refuse } from '../notices.js';
import { formatInstant } from '../format.js';

const rows = new Map();

function seconds(value) {
  if (value === null || value === undefined) return '';
  const total = Math.round(Number(value));
  return total < 60 ? total + ' s' : Math.floor(total / 60) + ' min ' + (total % 60) + ' s';
}

function describe(progress) {
  if (!progress) return 'No rebuild has run since the system started.';
  const parts = [];
  const states = { RUNNING: 'rebuilding', SWITCHING: 'switching to the new generation', DONE: 'done', FAILED: 'failed' };
  parts.push(states[progress.state] || String(progress.state).toLowerCase());
  if (progress.error) parts.push(progress.error);
  if (progress.position !== undefined && progress.total !== undefined) parts.push(progress.position + ' of ' + progress.total + ' events');
  if (progress.eventsPerSecond) parts.push(Math.round(progress.eventsPerSecond) + ' events a second');
  if (progress.secondsLeft !== undefined && progress.secondsLeft !== null) parts.push(seconds(progress.secondsLeft) + ' left');
  if (progress.finishedAt) parts.push('finished ' + formatInstant(progress.finishedAt));
  return parts.join(', ');
}

function percent(progress) {
  if (!progress) return 0;
  if (progress.percent !== undefined) return Number(progress.percent);
  if (progress.total) return Math.min(100, (100 * progress.position) / progress.total);
  return 0;
}

/** How far behind the store a view is: in events, and the age of the oldest event it has not applied. */
function lag(view) {
  const events = Number(view.lagEvents || 0);
  if (events === 0) return 'up to date (position ' + view.position + ')';
  return events + (events === 1 ? ' event' : ' events') + ' behind, ' + seconds(view.lagSeconds) + ' (position ' + view.position + ' of ' + view.head + ')';
}

async function refresh(view) {
  const row = rows.get(view);
  let progress = null;
  try {
    const answer = await api('/api/admin/views/' + encodeURIComponent(view) + '/rebuild', { allow: [404] });
    progress = answer.status === 404 ? null : answer.body;
  } catch (failure) {
    progress = null;
  }
  const bar = row.querySelector('progress');
  bar.value = percent(progress);
  bar.textContent = Math.round(percent(progress)) + '%';
  row.querySelector('.said').textContent = describe(progress);
  return progress;
}

async function main() {
  const member = await frame();
  const status = $('#status');
  if (!isOperator(member)) {
    refuse(status, 'This page is for the operators who run Learning Log.');
    return;
  }
  let views;
  try {
    views = await get('/api/admin/views');
  } catch (failure) { showFailure(status, failure); return; }
  const body = clear($('#views'));
  for (const view of views) {
    const button = el('button', { type: 'button', class: 'button secondary' }, 'Rebuild ', el('span', { class: 'visually-hidden' }, view.view));
    const label = 'progress-' + view.view;
    const row = el('tr', {},
      el('th', { scope: 'row', id: label }, view.view),
      el('td', { class: 'generation' }, String(view.liveGeneration)),
      el('td', { class: 'lag' }, lag(view)),
      el('td', {}, el('progress', { max: '100', value: '0', 'aria-labelledby': label }), el('p', { class: 'said hint', 'aria-live': 'polite' })),
      el('td', {}, button));
    rows.set(view.view, row);
    body.append(row);
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await api('/api/admin/views/' + encodeURIComponent(view.view) + '/rebuild', { method: 'POST' });
        say(status, 'Rebuilding ' + view.view + '. The current view keeps answering meanwhile.', 'info');
      } catch (failure) {
        showFailure(status, failure);
      } finally {
        button.disabled = false;
      }
    });
    refresh(view.view);
  }
  const everyView = el('button', { type: 'button', class: 'button' }, 'Rebuild every view');
  $('#every-view').append(everyView, ' ', el('span', { class: 'hint' }, 'one view after the other; each switches once it has caught up'));
  everyView.addEventListener('click', async () => {
    everyView.disabled = true;
    try {
      await api('/api/admin/views/rebuild', { method: 'POST' });
      say(status, 'Rebuilding every view. The current views keep answering meanwhile.', 'info');
    } catch (failure) {
      showFailure(status, failure);
    } finally {
      everyView.disabled = false;
    }
  });
  setInterval(async () => {
    for (const view of rows.keys()) await refresh(view);
    try {
      const latest = await get('/api/admin/views');
      for (const view of latest) {
        const row = rows.get(view.view);
        if (!row) continue;
        row.querySelector('.generation').textContent = String(view.liveGeneration);
        row.querySelector('.lag').textContent = lag(view);
      }
    } catch (failure) { /* keep the last figures */ }
  }, 1000);
}

main();
