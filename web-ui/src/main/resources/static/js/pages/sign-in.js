import { csrfToken } from '../http.js';
import { $, el, clear } from '../dom.js';
import { say } from '../notices.js';

// The form posts to /sign-in; its CSRF field carries the XSRF-TOKEN cookie's value.
const form = $('#sign-in-form');
const field = $('#csrf');
function copyToken() {
  field.value = csrfToken() || '';
}
copyToken();
if (!field.value) {
  // Asking the server anything sets the cookie; the answer itself does not matter.
  fetch('/api/me', { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } }).catch(() => null).finally(copyToken);
}
form.addEventListener('submit', copyToken);
const nav = $('#site-nav');
if (nav) clear(nav);
const query = new URLSearchParams(location.search);
if (query.has('error')) {
  say($('#status'), 'That user name and password did not match. Please try again.', 'error');
  $('#status').setAttribute('role', 'alert');
  $('#username').setAttribute('aria-invalid', 'true');
  $('#username').focus();
} else if (query.has('signed-out') || query.has('logout')) {
  say($('#status'), 'You are signed out.', 'success');
} else {
  $('#username').focus();
}
$('#who').append(el('span', {}, 'Not signed in'));
