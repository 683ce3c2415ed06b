// The page frame's live parts: the header's navigation and the line saying who is signed in.
import { $, clear, el } from './dom.js';
import { csrfToken } from './http.js';
import { hasRole, isOperator, mayReadAcross, me } from './session.js';
import { say } from './notices.js';
import { ROLE_NAMES } from './vocabulary.js';

const NAV = [
  { href: '/', text: 'Home', show: () => true },
  { href: '/funders.html', text: 'Across places', show: (m) => mayReadAcross(m) },
  { href: '/report.html', text: 'Synthesis report', show: () => true },
  { href: '/flow.html', text: 'Learning flow', show: () => true },
  { href: '/search.html', text: 'Search', show: () => true },
  { href: '/exports.html', text: 'Downloads', show: () => true },
  { href: '/members.html', text: 'Members', show: (m) => hasRole(m, 'ADMIN', 'OPERATOR') },
  { href: '/import.html', text: 'Import', show: (m) => hasRole(m, 'ADMIN', 'OPERATOR') },
  { href: '/admin.html', text: 'Views (operators)', show: (m) => isOperator(m) },
  { href: '/change-password.html', text: 'Password', show: () => true },
];

/** Fills the header's navigation and the member's line; answers the member. */
export async function frame() {
  const nav = $('#site-nav');
  const who = $('#who');
  let member;
  try {
    member = await me();
  } catch (failure) {
    // A 401 is on its way to the sign-in page. Otherwise, not knowing who this is, the page offers
    // nothing but the way to sign in. Either way the page's own script goes no further.
    if (failure.status !== 401) unknownMember(failure);
    return new Promise(() => {});
  }
  if (nav) {
    const list = el('ul');
    for (const item of NAV.filter((entry) => entry.show(member))) {
      const current = location.pathname === item.href || (item.href === '/' && location.pathname === '/index.html');
      list.append(el('li', {}, el('a', { href: item.href, 'aria-current': current ? 'page' : null }, item.text)));
    }
    clear(nav).append(list);
  }
  if (who) {
    clear(who);
    const roles = member.roles.map((role) => ROLE_NAMES[role] || role).join(', ');
    who.append(el('span', {}, 'Signed in as ', el('strong', { text: member.id || 'member' }), ' (' + roles + ')'));
    const form = el('form', { method: 'post', action: '/sign-out', class: 'sign-out' },
      el('input', { type: 'hidden', name: '_csrf', value: csrfToken() || '' }),
      el('button', { type: 'submit', class: 'link-button' }, 'Sign out'));
    who.append(' ', form);
  }
  return member;
}

/** Says that the page cannot tell who is signed in and offers the way to sign in; shows nothing else. */
function unknownMember(failure) {
  const status = $('#status');
  if (!status) return;
  say(status, el('span', {}, 'We could not tell who you are (' + (failure.message || 'no answer') + '), so this page shows nothing. ',
    el('a', { href: '/sign-in' }, 'Sign in again'), ' or reload the page.'), 'error');
  status.setAttribute('role', 'alert');
}
