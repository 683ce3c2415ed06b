// Import a place's past learning: upload a file, map its columns, dry run, import with progress.
import { frame } from '../frame.js';
import { hasRole } from '../session.js';
import { api, csrfToken, ApiError } from '../http.js';
import { el, clear, $ } from '../dom.js';
import { say, showFailure, refuse } from '../notices.js';
import { places } from '../programme.js';
import { selectOptions } from '../forms.js';

const FIELDS = [
  ['text', 'What was noticed (required)'], ['layer', 'Layer (required)'], ['happenedOn', 'Day it happened'],
  ['sphere', 'Sphere'], ['principles', 'Principles (separated by ;)'], ['themes', 'Themes (separated by ;)'],
  ['source', 'Source'], ['unintended', 'Unintended (yes or no)'],
  ['practice', 'Practice it changed (its name; the first row naming it starts it)'],
  ['practiceChange', 'How the practice works from then on'], ['practiceWhy', 'Why the practice changed (else the insight)'],
];

let upload = null;

async function send(form) {
  const data = new FormData();
  data.append('file', form.querySelector('#file').files[0]);
  const placeId = form.querySelector('#place').value;
  const headers = { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'XMLHttpRequest' };
  const token = csrfToken();
  if (token) headers['X-XSRF-TOKEN'] = token;
  const response = await fetch('/api/places/' + encodeURIComponent(placeId) + '/imports',
    { method: 'POST', body: data, headers, credentials: 'same-origin' });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

function mapping() {
  const chosen = {};
  for (const [field] of FIELDS) {
    const value = $('#map-' + field).value;
    if (value) chosen[field] = value;
  }
  return chosen;
}

function showUpload(answer) {
  upload = answer;
  $('#mapping-section').hidden = false;
  $('#file-said').textContent = answer.fileName + ': ' + answer.rows + ' rows, columns ' + answer.columns.join(', ') + '.';
  const fields = clear($('#mapping-fields'));
  const columns = answer.columns.map((column) => ({ value: column, label: column }));
  for (const [field, label] of FIELDS) {
    const select = el('select', { id: 'map-' + field, name: field });
    selectOptions(select, columns, { blank: 'not in the file', selected: answer.suggestedMapping[field] || '' });
    fields.append(el('div', { class: 'field', 'data-field': field }, el('label', { for: 'map-' + field }, label), select));
  }
  clear($('#sample-head')).append(el('tr', {}, ...answer.columns.map((c) => el('th', { scope: 'col' }, c))));
  const body = clear($('#sample-body'));
  for (const row of answer.sample) body.append(el('tr', {}, ...answer.columns.map((c, i) => el('td', {}, row[i] || ''))));
  $('#run').disabled = true;
}

function showRefusals(refusals) {
  const table = $('#refusals-table');
  table.hidden = refusals.length === 0;
  const body = clear($('#refusals'));
  for (const r of refusals) {
    body.append(el('tr', {}, el('td', {}, String(r.row)), el('td', {}, r.cell || ''), el('td', {}, r.field || ''), el('td', {}, r.reason)));
  }
}

function seconds(value) {
  if (value === null || value === undefined) return '';
  const total = Math.round(Number(value));
  return total < 60 ? total + ' s' : Math.floor(total / 60) + ' min ' + (total % 60) + ' s';
}

async function follow(status) {
  const progress = (await api('/api/imports/' + upload.importId)).body.progress;
  const bar = $('#progress');
  const percent = progress.rowsTotal ? Math.floor((100 * progress.rowsDone) / progress.rowsTotal) : 100;
  bar.value = percent;
  bar.textContent = percent + '%';
  const parts = [progress.rowsDone + ' of ' + progress.rowsTotal + ' rows done', progress.recorded + ' recorded',
    progress.alreadyRecorded + ' recorded already', progress.refused + ' refused', progress.rowsPerSecond + ' rows a second'];
  if (progress.practiceChanges || progress.practiceChangesAlreadyRecorded || progress.practiceChangesRefused) {
    parts.push(progress.practiceChanges + ' changes of practice recorded (' + progress.practiceChangesAlreadyRecorded
      + ' already, ' + progress.practiceChangesRefused + ' refused)');
  }
  if (progress.state === 'running' && progress.secondsLeft !== null) parts.push(seconds(progress.secondsLeft) + ' left');
  $('#progress-said').textContent = parts.join(', ') + '.';
  if (progress.state === 'running') {
    setTimeout(() => follow(status).catch((failure) => showFailure(status, failure)), 1000);
  } else {
    showRefusals(progress.refusals);
    if (progress.state === 'failed') say(status, progress.failure, 'error');
    else say(status, 'Import finished: ' + progress.recorded + ' insights recorded.', 'success');
  }
}

async function main() {
  const member = await frame();
  const status = $('#status');
  if (!hasRole(member, 'ADMIN', 'OPERATOR')) {
    refuse(status, 'Importing is for the programme\'s administrators.');
    return;
  }
  const form = $('#upload-form');
  try {
    selectOptions($('#place'), (await places(member.programmeId)).map((p) => ({ value: p.placeId, label: p.name })));
  } catch (failure) { showFailure(status, failure); return; }
  form.hidden = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!$('#file').files.length) { say(status, 'Choose a file first.', 'error'); return; }
    try {
      showUpload(await send(form));
      say(status, 'Uploaded. Check which column holds what, then run the check.', 'info');
    } catch (failure) { showFailure(status, failure); }
  });
  $('#mapping-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const dry = (await api('/api/imports/' + upload.importId + '/dry-run', { method: 'POST', body: mapping() })).body;
      $('#dry-run-section').hidden = false;
      $('#dry-run-said').textContent = dry.accepted + ' of ' + dry.rows + ' rows would be recorded, ' + dry.alreadyRecorded
        + ' are recorded already, ' + dry.refused + ' would be refused.'
        + (dry.practiceChanges || dry.practiceChangesAlreadyRecorded ? ' ' + dry.practiceChanges
          + ' changes of practice would be sent (their rules are checked on import), ' + dry.practiceChangesAlreadyRecorded
          + ' practices are there already.' : '');
      showRefusals(dry.refusals);
      $('#run').disabled = false;
    } catch (failure) { showFailure(status, failure); }
  });
  $('#run').addEventListener('click', async () => {
    try {
      await api('/api/imports/' + upload.importId + '/run', { method: 'POST', body: mapping() });
      $('#progress-section').hidden = false;
      await follow(status);
    } catch (failure) { showFailure(status, failure); }
  });
}

main();
