// Forms: choices built from data, values read out, and the server's problem+json shown next to
// the field at fault. Nothing typed is cleared when a write fails.
import { ApiError } from './http.js';
import { el, clear } from './dom.js';
import { failureMessage } from './notices.js';

let counter = 0;

/** A group of checkboxes in a fieldset: name, legend, [{value, label}], hint. */
export function checkboxGroup(container, { name, options, checked = [], emptyText = 'Nothing to choose from yet.' }) {
  clear(container);
  if (!options.length) {
    container.append(el('p', { class: 'hint' }, emptyText));
    return;
  }
  const list = el('ul', { class: 'choices' });
  for (const option of options) {
    const id = 'c' + (++counter);
    const input = el('input', { type: 'checkbox', id, name, value: option.value, checked: checked.includes(option.value) });
    const label = el('label', { for: id }, option.label);
    const item = el('li', {}, input, label);
    if (option.detail) item.append(el('span', { class: 'choice-detail' }, option.detail));
    list.append(item);
  }
  container.append(list);
}

export function radioGroup(container, { name, options, checked }) {
  clear(container);
  const list = el('ul', { class: 'choices' });
  for (const option of options) {
    const id = 'r' + (++counter);
    list.append(el('li', {},
      el('input', { type: 'radio', id, name, value: option.value, checked: option.value === checked }),
      el('label', { for: id }, option.label)));
  }
  container.append(list);
}

export function selectOptions(select, options, { blank, selected } = {}) {
  clear(select);
  if (blank !== undefined) select.append(el('option', { value: '' }, blank));
  for (const option of options) {
    select.append(el('option', { value: option.value, selected: option.value === selected }, option.label));
  }
}

export function checkedValues(form, name) {
  return [...form.querySelectorAll('input[name="' + name + '"]:checked')].map((input) => input.value);
}

export function value(form, name) {
  const field = form.elements.namedItem(name);
  if (!field) return undefined;
  const text = typeof field.value === 'string' ? field.value.trim() : field.value;
  return text === '' ? undefined : text;
}

/** Removes every error shown on the form. */
export function clearProblems(form) {
  form.querySelectorAll('.field-error').forEach((node) => node.remove());
  form.querySelectorAll('[aria-invalid]').forEach((node) => {
    node.removeAttribute('aria-invalid');
    const described = (node.getAttribute('aria-describedby') || '').split(' ')
      .filter((id) => id && !id.startsWith('err-')).join(' ');
    if (described) node.setAttribute('aria-describedby', described); else node.removeAttribute('aria-describedby');
  });
  const summary = form.querySelector('.error-summary');
  if (summary) { clear(summary); summary.hidden = true; }
}

/**
 * Finds where a field error belongs: an element whose data-field names the field (or its first
 * part: "evidence.quote" tries "evidence.quote" then "evidence"; "principles[1]" becomes "principles").
 */
function fieldTarget(form, field, aliases) {
  if (!field) return null;
  let name = field.replace(/\[\d+\]/g, '');
  if (aliases && aliases[name]) name = aliases[name];
  const parts = name.split('.');
  for (let length = parts.length; length > 0; length--) {
    const key = parts.slice(0, length).join('.');
    const found = form.querySelector('[data-field="' + CSS.escape(key) + '"]');
    if (found) return found;
  }
  return null;
}

const FIELD_WORDS = { 'If-Match': 'Version' };

// The server's validation messages, in plainer words.
const PLAIN = {
  'is required': 'please fill this in',
  'must not be blank': 'please fill this in',
  'must hold at least one item': 'please give at least one',
};

/** A required choice (its message lists the allowed values, for API clients) reads as a plain request here. */
function plain(message) {
  if (!message) return message;
  if (message.startsWith('is required: one of')) return 'please choose one';
  return PLAIN[message] || message;
}

/**
 * Shows a failed write: each field error next to its field (and in a summary at the top, with a
 * link to the field), a general message otherwise. Focus moves to the summary.
 */
export function showProblem(form, failure, { aliases, messages = {} } = {}) {
  clearProblems(form);
  const summary = form.querySelector('.error-summary');
  const problem = failure instanceof ApiError ? failure.problem : {};
  const status = failure instanceof ApiError ? failure.status : 0;
  let headline;
  if (messages[status]) headline = messages[status];
  else if (status === 403) headline = 'You cannot do this here: only members of this place can record for it.';
  else if (status === 409) headline = 'Someone else changed this record after you opened the page. Your text is kept below: open the page again in a new tab to see their change, then try again.';
  else if (status === 400 || status === 422) headline = problem.detail || 'Some answers need another look.';
  else headline = failureMessage(failure);

  const list = el('ul');
  for (const error of problem.errors || []) {
    const target = fieldTarget(form, error.field, aliases);
    const message = plain(error.message) || 'is not right';
    const label = target && target.dataset.label ? target.dataset.label : (FIELD_WORDS[error.field] || error.field || '');
    if (target) {
      const id = 'err-' + (++counter);
      const note = el('p', { class: 'field-error', id }, el('span', { class: 'visually-hidden' }, 'Error: '), sentence(label, message));
      const control = target.matches('input, select, textarea') ? target : target.querySelector('input, select, textarea');
      if (target.matches('fieldset')) target.querySelector('legend').after(note);
      else if (control) control.before(note);
      else target.append(note);
      if (control && !target.matches('fieldset')) {
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', ((control.getAttribute('aria-describedby') || '') + ' ' + id).trim());
      } else if (target.matches('fieldset')) {
        target.setAttribute('aria-describedby', ((target.getAttribute('aria-describedby') || '') + ' ' + id).trim());
      }
      const link = el('a', { href: '#' + (control ? ensureId(control) : ensureId(target)) }, sentence(label, message));
      list.append(el('li', {}, link));
    } else if (error.message) {
      list.append(el('li', {}, sentence(label, message)));
    }
  }
  if (summary) {
    clear(summary);
    summary.append(el('h2', {}, 'There is a problem'), el('p', {}, headline));
    if (list.childElementCount) summary.append(list);
    summary.hidden = false;
    summary.focus();
  } else {
    alert(headline);
  }
}

function ensureId(node) {
  if (!node.id) node.id = 'f' + (++counter);
  return node.id;
}

function sentence(label, message) {
  if (!label) return capital(message);
  return capital(label) + ': ' + message;
}

function capital(text) {
  text = String(text || '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Wires a form: on submit, runs the write (with the button disabled), shows problems next to the
 * fields, or calls done with the answer.
 */
export function onSubmit(form, write, options = {}) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    clearProblems(form);
    if (button) button.disabled = true;
    try {
      await write();
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 401) return;
      showProblem(form, failure, options);
    } finally {
      if (button) button.disabled = false;
    }
  });
}
