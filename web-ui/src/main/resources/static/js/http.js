// Calling the API: the session cookie, the CSRF token on writes, problem+json failures as ApiError.
import { leadToSignIn } from './sign-in-return.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('The server answered ' + status));
    this.status = status;
    this.problem = problem || {};
  }
}

function cookie(name) {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export function csrfToken() {
  return cookie('XSRF-TOKEN');
}

// Read your writes: the position of the last event this tab's writes stored, kept across pages, sent
// with every read so that whichever process answers waits until its views hold what was just saved.
const POSITION = 'learninglog.lastWritePosition';

function lastWritePosition() {
  try { return Number(sessionStorage.getItem(POSITION)) || 0; } catch (unavailable) { return 0; }
}

function rememberPosition(header) {
  const position = Number(header);
  if (!Number.isSafeInteger(position) || position <= lastWritePosition()) return;
  try { sessionStorage.setItem(POSITION, String(position)); } catch (unavailable) { /* reads just may lag */ }
}

/**
 * Calls the API with the session cookie; non-GET requests carry the CSRF token, reads the last
 * write's position (X-Min-Position). Answers
 * {status, etag, body}. A 401 leads to the sign-in page; other failures throw an ApiError with the
 * problem+json body.
 */
export async function api(path, { method = 'GET', body, headers = {}, allow = [] } = {}) {
  // X-Requested-With: a 401 then carries no Basic challenge (no browser password box; the page leads to /sign-in).
  const init = { method, credentials: 'same-origin',
    headers: { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'XMLHttpRequest', ...headers } };
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) init.headers['X-XSRF-TOKEN'] = token;
  } else if (lastWritePosition() > 0 && !('X-Min-Position' in init.headers)) {
    init.headers['X-Min-Position'] = String(lastWritePosition());
  }
  if (body !== undefined) {
    // A revision is a JSON merge patch (RFC 7396): fields left out stay as they were, null clears one.
    init.headers['Content-Type'] = method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (failure) {
    throw new ApiError(0, { title: 'No connection', detail: 'The server could not be reached. Check your connection and try again.' });
  }
  if (response.status === 401 && !allow.includes(401)) {
    leadToSignIn();
    throw new ApiError(401, { title: 'Please sign in' });
  }
  if (response.ok && response.headers.get('X-Event-Position')) {
    rememberPosition(response.headers.get('X-Event-Position'));
  }
  const text = await response.text();
  let parsed = null;
  if (text) {
    try { parsed = JSON.parse(text); } catch (notJson) { parsed = null; }
  }
  if (!response.ok && !allow.includes(response.status)) {
    throw new ApiError(response.status, parsed);
  }
  return { status: response.status, etag: response.headers.get('ETag'), body: parsed };
}

export async function get(path) {
  return (await api(path)).body;
}

/**
 * The views follow the record a moment later: reads again (every half second, up to ~30 s) until
 * ready(answer) holds; answers the last read. A 404 counts as not ready yet.
 */
export async function readUntil(read, ready, { tries = 60, every = 500 } = {}) {
  let last;
  for (let attempt = 0; attempt < tries; attempt++) {
    try {
      last = await read();
      if (ready(last)) return last;
    } catch (failure) {
      if (failure.status !== 404) throw failure;
    }
    await new Promise((resolve) => setTimeout(resolve, every));
  }
  if (last === undefined) return read();
  return last;
}

/** An Idempotency-Key for one write: sent again unchanged if the write is retried. */
export function newKey() {
  return (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
}
