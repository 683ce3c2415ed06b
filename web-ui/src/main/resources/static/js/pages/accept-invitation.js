// Following an invitation or password reset link, signed out. The link's secret is in the address's
// fragment, which the browser never sends to a server; it is taken from there, removed from the
// address (and so from the history), and sent once in the body of the acceptance.
import { api, ApiError } from '../http.js';
import { $, el, clear } from '../dom.js';
import { say, refuse } from '../notices.js';
import { onSubmit, value } from '../forms.js';

const status = $('#status');
const form = $('#accept-form');
const token = new URLSearchParams(location.hash.slice(1)).get('token');
history.replaceState(null, '', location.pathname);
const nav = $('#site-nav');
if (nav) clear(nav);
$('#who').append(el('span', {}, 'Not signed in'));

if (!token) {
  refuse(status, 'This page needs the link you were given. Open the whole link from your invitation.');
} else {
  form.hidden = false;
  $('#password').focus();
  onSubmit(form, async () => {
    if (value(form, 'password') !== value(form, 'repeat')) {
      throw new ApiError(422, { detail: 'The two passwords differ.', errors: [{ field: 'repeat', message: 'differs from the first' }] });
    }
    const { body } = await api('/api/invitations/acceptance', { method: 'POST',
      body: { token, password: value(form, 'password') } });
    form.hidden = true;
    say(status, el('span', {}, 'Your password is set, ' + body.memberId + '. ', el('a', { href: '/sign-in' }, 'Sign in now')), 'success');
  }, { messages: { 404: 'This link was never issued. Check that you opened the whole link.',
    410: 'This link has expired or was used already. Ask your administrator for a new one.' } });
}
