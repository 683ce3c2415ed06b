// The page's status region: what was saved, what went wrong, why there is no form.
import { append, clear } from './dom.js';

/** Replaces the content of the status region with a message; kind is info, error or success. */
export function say(node, message, kind = 'info') {
  clear(node);
  node.className = 'notice notice-' + kind;
  append(node, [message]);
  node.hidden = false;
  return node;
}

/** A message for a failure when reading something. */
export function failureMessage(failure) {
  if (failure.status === 403) {
    return 'You do not have access to this. It belongs to a place or programme you are not a member of.';
  }
  if (failure.status === 404) return 'We could not find this. It may not exist, or the link may be wrong.';
  return failure.message || 'Something went wrong.';
}

export function showFailure(node, failure) {
  return say(node, failureMessage(failure), 'error');
}

/** Tells a visitor who may not write here why there is no form. */
export function refuse(status, text) {
  say(status, text, 'error');
  status.setAttribute('role', 'alert');
  return status;
}
