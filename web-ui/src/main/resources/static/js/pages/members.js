// A programme's members: the list with what each may do, inviting, changing a role, suspending,
// removing, a new password link, and the history. For the programme's administrators and operators.
import { frame } from '../frame.js';
import { hasRole } from '../session.js';
import { api } from '../http.js';
import { $, el, clear } from '../dom.js';
import { say, refuse, showFailure } from '../notices.js';
import { onSubmit, selectOptions, value } from '../forms.js';
import { places } from '../programme.js';
import { formatInstant } from '../format.js';
import { ROLE_NAMES } from '../vocabulary.js';

const PROGRAMME_ROLES = ['PLACE_MEMBER', 'LEARNING_PARTNER', 'FUNDER', 'ADMIN'];
const STATUS_NAMES = { INVITED: 'invited, not accepted yet', ACTIVE: 'active', SUSPENDED: 'suspended', REMOVED: 'removed' };
const CHANGE_NAMES = { INVITED: 'invited as', ACCEPTED: 'accepted the invitation', GRANTED: 'was given the role',
  REVOKED: 'lost the role', SUSPENDED: 'was suspended', REINSTATED: 'was reinstated', REMOVED: 'was removed',
  PASSWORD_RESET: 'was given a new password link' };

let member;
let programmeId;
let placeList = [];
const status = $('#status');

function placeName(placeId) {
  const found = placeList.find((place) => place.placeId === placeId);
  return found ? found.name : placeId;
}

function roleText(grant) {
  const name = ROLE_NAMES[grant.role] || grant.role;
  return grant.placeId ? name + ' of ' + placeName(grant.placeId) : name;
}

function roleBody(role, placeId) {
  return role === 'PLACE_MEMBER' ? { role, placeId } : { role };
}

/** A button that runs its handler on click (nothing inline: the page's Content-Security-Policy allows none). */
function button(text, handler) {
  const node = el('button', { type: 'button', class: 'button secondary' }, text);
  node.addEventListener('click', handler);
  return node;
}

function showLink(issued, what) {
  const box = $('#issued-link');
  const address = location.origin + issued.link;
  const field = el('input', { type: 'text', readonly: '', value: address, id: 'link-to-pass-on', class: 'wide' });
  clear(box).append(el('p', {}, what + ' for ' + issued.memberId + ' (good until ' + formatInstant(issued.expiresAt)
    + '). Pass this link on yourself; it is shown only now:'), el('label', { for: 'link-to-pass-on', class: 'visually-hidden' }, 'The link'), field);
  box.hidden = false;
  field.select();
}

async function act(run, done) {
  try {
    await run();
    say(status, done, 'success');
    await load();
  } catch (failure) {
    if (failure.status === 409 && failure.problem && failure.problem.detail) say(status, failure.problem.detail, 'error');
    else showFailure(status, failure);
  }
}

async function load() {
  const { body } = await api('/api/programmes/' + encodeURIComponent(programmeId) + '/members');
  const rows = $('#member-rows');
  clear(rows);
  const path = (id) => '/api/programmes/' + encodeURIComponent(programmeId) + '/members/' + encodeURIComponent(id);
  for (const one of body.members.filter((m) => m.status !== 'REMOVED')) {
    const actions = el('div', { class: 'button-row' });
    if (one.status === 'ACTIVE' || one.status === 'SUSPENDED') {
      const suspend = one.status === 'ACTIVE';
      actions.append(button((suspend ? 'Suspend ' : 'Reinstate ') + one.memberId, () => act(
        () => api(path(one.memberId), { method: 'PATCH', body: { status: suspend ? 'SUSPENDED' : 'ACTIVE' } }),
        one.memberId + (suspend ? ' is suspended.' : ' is reinstated.'))));
      actions.append(button('New password link for ' + one.memberId, async () => {
        try {
          const { body: issued } = await api(path(one.memberId) + '/password-resets', { method: 'POST' });
          await load();
          showLink(issued, 'A new password link');
        } catch (failure) { showFailure(status, failure); }
      }));
    }
    actions.append(button('Remove ' + one.memberId, () => {
      if (confirm('Remove ' + one.memberId + ' from the programme?')) {
        act(() => api(path(one.memberId), { method: 'DELETE' }), one.memberId + ' is removed.');
      }
    }));
    rows.append(el('tr', {}, el('th', { scope: 'row' }, one.memberId), el('td', {}, STATUS_NAMES[one.status] || one.status),
      el('td', {}, one.roles.map(roleText).join(', ') || 'none'), el('td', {}, actions)));
  }
  selectOptions($('#change-member'), body.members.filter((m) => m.status !== 'REMOVED')
    .map((m) => ({ value: m.memberId, label: m.memberId })));
  const history = $('#history');
  clear(history);
  for (const line of body.history.slice().reverse()) {
    const role = line.role ? ' ' + roleText(line) : '';
    history.append(el('li', {}, formatInstant(line.at) + ': ' + line.memberId + ' ' + (CHANGE_NAMES[line.kind] || line.kind)
      + role + (line.by && line.by !== line.memberId ? ' (by ' + line.by + ')' : '')));
  }
}

async function main() {
  member = await frame();
  programmeId = member.programmeId;
  if (!hasRole(member, 'ADMIN', 'OPERATOR')) {
    refuse(status, 'Only the programme\'s administrators manage its members.');
    return;
  }
  try {
    placeList = await places(programmeId);
    await load();
  } catch (failure) { showFailure(status, failure); return; }
  const roleOptions = PROGRAMME_ROLES.map((role) => ({ value: role, label: ROLE_NAMES[role] }));
  const placeOptions = placeList.map((place) => ({ value: place.placeId, label: place.name }));
  for (const [roleSelect, placeSelect] of [[$('#role'), $('#placeId')], [$('#change-role'), $('#change-place')]]) {
    selectOptions(roleSelect, roleOptions);
    selectOptions(placeSelect, placeOptions);
  }
  for (const id of ['#members-panel', '#invite-panel', '#roles-panel', '#history-panel']) $(id).hidden = false;

  const invite = $('#invite-form');
  onSubmit(invite, async () => {
    const email = value(invite, 'email');
    const { body: issued } = await api('/api/programmes/' + encodeURIComponent(programmeId) + '/invitations', { method: 'POST',
      body: { memberId: value(invite, 'memberId'), email: email || undefined,
        roles: [roleBody(value(invite, 'role'), value(invite, 'placeId'))] } });
    invite.reset();
    await load();
    showLink(issued, 'An invitation');
  }, { messages: { 409: 'This user name is taken; choose another.' } });

  const change = $('#roles-form');
  onSubmit(change, async () => {
    const who = value(change, 'member');
    await api('/api/programmes/' + encodeURIComponent(programmeId) + '/members/' + encodeURIComponent(who), { method: 'PATCH',
      body: { roles: [roleBody(value(change, 'changeRole'), value(change, 'changePlace'))] } });
    say(status, who + '\'s role is changed.', 'success');
    await load();
  }, { messages: { 409: 'That change would leave the programme without an administrator; appoint another first.' } });
}

main();
