// Following an invitation or password reset link, signed out. The link's secret is in the address's
// fragment, which the browser never sends to a server; it is taken from there, removed from the
// address (and so from the history), and sent once in the body of the acceptance.
//
// Where people sign in at an identity provider (the page then holds #provider-accept), the secret
// waits in this tab's session storage while they sign in there, and the acceptance, made signed in,
// binds who the provider says they are to the invitation.
import { api, ApiError } from '../http.js';
import { $, el, clear } from '../dom.js';
import { say, refuse } from '../notices.js';
import { onSubmit, value } from '../forms.js';

const KEPT = 'learninglog.invitation';
const status = $('#status');
const form = $('#accept-form');
const providerAccept = $('#provider-accept');
const fromLink = new URLSearchParams(location.hash.slice(1)).get('token');
history.replaceState(null, '', location.pathname);
const nav = $('#site-nav');
if (nav) clear(nav);
const LINK_MESSAGES = { 404: 'This link was never issued. Check that you opened the whole link.',
  410: 'This link has expired or was used already. Ask your administrator for a new one.' };

if (providerAccept) {
  acceptAtProvider();
} else if (!fromLink) {
  $('#who').append(el('span', {}, 'Not signed in'));
  refuse(status, 'This page needs the link you were given. Open the whole link from your invitation.');
} else {
  $('#who').append(el('span', {}, 'Not signed in'));
  const token = fromLink;
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
  }, { messages: LINK_MESSAGES });
}

async function acceptAtProvider() {
  if (fromLink) sessionStorage.setItem(KEPT, fromLink);
  const token = sessionStorage.getItem(KEPT);
  if (!token) {
    refuse(status, 'This page needs the link you were given. Open the whole link from your invitation.');
    return;
  }
  const { status: signedIn } = await api('/api/me', { allow: [401] });
  if (signedIn === 401) {
    $('#who').append(el('span', {}, 'Not signed in'));
    providerAccept.hidden = false;
    return;
  }
  try {
    const { body } = await api('/api/invitations/provider-acceptance', { method: 'POST', body: { token } });
    sessionStorage.removeItem(KEPT);
    $('#provider-lead').hidden = true;
    say(status, el('span', {}, 'Welcome, ' + body.memberId + ': the invitation is yours. ', el('a', { href: '/' }, 'Go to the programme')), 'success');
  } catch (failure) {
    sessionStorage.removeItem(KEPT);
    if (LINK_MESSAGES[failure.status]) refuse(status, LINK_MESSAGES[failure.status]);
    else refuse(status, failure.message);
  }
}
