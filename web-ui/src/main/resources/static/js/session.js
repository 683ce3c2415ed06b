// Who is signed in, and what the pages offer them (the server checks every call anyway).
import { api } from './http.js';
import { params } from './dom.js';

export const DEFAULT_PROGRAMME = 'demo-programme';

let mePromise = null;

/**
 * The signed-in member: {id, programmeId, roles, placeIds}. A failure of /api/me is thrown (a 401
 * has already led to the sign-in page): a page never guesses what somebody it cannot name may do.
 */
export function me() {
  if (!mePromise) {
    mePromise = api('/api/me').then(({ body }) => {
      const member = { ...body, roles: body.roles || [], placeIds: body.placeIds || [] };
      // An operator belongs to every programme; the pages show the one named in the address, or the demo.
      if (!member.programmeId) member.programmeId = params().get('programme') || DEFAULT_PROGRAMME;
      return member;
    });
  }
  return mePromise;
}

export function hasRole(member, ...roles) {
  return roles.some((role) => member.roles.includes(role));
}

/** Whether the member may write for this place: its members and the programme's administrators (the server checks too). */
export function mayWriteFor(member, placeId) {
  if (hasRole(member, 'ADMIN', 'OPERATOR')) return true;
  return hasRole(member, 'PLACE_MEMBER') && member.placeIds.includes(placeId);
}

/** Everyone of a programme reads all of it; the pages across places are meant for partners, funders and administrators. */
export function mayReadAcross(member) {
  return hasRole(member, 'LEARNING_PARTNER', 'FUNDER', 'ADMIN', 'OPERATOR');
}

/** Running the installation (view rebuilds): operators. */
export function isOperator(member) {
  return hasRole(member, 'OPERATOR');
}
