// Shared by every page: calling the API, who is signed in, the page frame, building elements safely.
// Data is only ever put into the page with textContent or attributes, never as markup.

export const DEFAULT_PROGRAMME = 'demo-programme';

export const ROLE_NAMES = {
  OPERATOR: 'operator', ADMIN: 'administrator', PLACE_MEMBER: 'place member',
  LEARNING_PARTNER: 'learning partner', FUNDER: 'funder',
};

export const LAYERS = {
  WHOLE_INITIATIVE: 'The whole programme',
  PLACE_NETWORK: 'The place network',
  FUNDERS_AND_FUNDING_SYSTEM: 'Funders and how funding works',
  INDIVIDUALS: 'Individuals',
};

export const SPHERES = {
  INDIVIDUAL: 'In ourselves',
  PARTNERSHIP: 'In how the partnership works',
  COMMUNITY: 'In what we do in the wider community',
};

export const OUTCOMES = {
  WORKING: 'Working', MIXED: 'Mixed', NOT_WORKING: 'Not working', TOO_SOON: 'Too soon to say',
};

export const KINDS = {
  'insight-recorded': 'Insight recorded',
  'insight-revised': 'Insight revised',
  'insight-retracted': 'Insight withdrawn',
  'practice-adopted': 'New practice',
  'practice-adapted': 'Practice changed',
  'practice-retired': 'Practice stopped',
  'outcome-reviewed': 'Outcome reviewed',
  'learning-shared': 'Learning shared',
  'shared-learning-adopted': 'Shared learning taken up',
  'learning-taken-up': 'Our learning taken up elsewhere',
  'shared-learning-endorsement': 'Endorsed',
  'shared-learning-question': 'Question asked',
  'shared-learning-comment': 'Comment',
  'sensemaking-held': 'Sensemaking session',
};

export function kindName(kind) {
  return KINDS[kind] || String(kind || '').replace(/-/g, ' ');
}

// ---------- building elements ----------

/** el('a', {href: '/x', class: 'button'}, 'text', child...) — attributes set one by one, text as text. */
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag, attributes, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null) continue;
    if (name === 'text') node.textContent = value;
    else if (name === 'class') node.setAttribute('class', value);
    else node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}

export function params() {
  return new URLSearchParams(location.search);
}

export function formatDay(day) {
  if (!day) return '';
  const date = new Date(day + (day.length === 10 ? 'T00:00:00Z' : ''));
  if (Number.isNaN(date.getTime())) return day;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function formatInstant(instant) {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return date.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function monthName(month) {
  const date = new Date(month + '-01T00:00:00Z');
  return Number.isNaN(date.getTime()) ? month
    : date.toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

// ---------- the API ----------

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

const AFTER_SIGN_IN = 'learning-log-after-sign-in';

function signIn() {
  // After signing in the server leads to the home page; from there, back to where the member was.
  const back = location.pathname + location.search;
  try { if (back && back !== '/') sessionStorage.setItem(AFTER_SIGN_IN, back); } catch (unavailable) { /* fine */ }
  location.assign('/sign-in');
}

/** On the home page just after signing in: goes back to the page that asked for it. */
export function returnAfterSignIn() {
  let back = null;
  try {
    back = sessionStorage.getItem(AFTER_SIGN_IN);
    sessionStorage.removeItem(AFTER_SIGN_IN);
  } catch (unavailable) { /* fine */ }
  if (back && back.startsWith('/') && !back.startsWith('//') && !back.startsWith('/sign-in')) {
    location.replace(back);
    return true;
  }
  return false;
}

/**
 * Calls the API with the session cookie; non-GET requests carry the CSRF token. Answers
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
  }
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (failure) {
    throw new ApiError(0, { title: 'No connection', detail: 'The server could not be reached. Check your connection and try again.' });
  }
  if (response.status === 401 && !allow.includes(401)) {
    signIn();
    throw new ApiError(401, { title: 'Please sign in' });
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

// ---------- who is signed in ----------

let mePromise = null;

/**
 * The signed-in member: {id, programmeId, roles, placeIds, open}. Where the server has no sign-in
 * (no /api/me), everyone may do everything: open is true.
 */
export function me() {
  if (!mePromise) {
    mePromise = api('/api/me', { allow: [404, 405] }).then(({ status, body }) => {
      if (status === 404 || status === 405 || !body) {
        return { id: null, programmeId: params().get('programme') || DEFAULT_PROGRAMME,
          roles: Object.keys(ROLE_NAMES), placeIds: null, open: true };
      }
      const member = { ...body, roles: body.roles || [], placeIds: body.placeIds || [], open: false };
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
  if (member.open || hasRole(member, 'ADMIN', 'OPERATOR')) return true;
  return hasRole(member, 'PLACE_MEMBER') && member.placeIds.includes(placeId);
}

/** Everyone of a programme reads all of it; the pages across places are meant for partners, funders and administrators. */
export function mayReadAcross(member) {
  return member.open || hasRole(member, 'LEARNING_PARTNER', 'FUNDER', 'ADMIN', 'OPERATOR');
}

/** Running the installation (view rebuilds): operators. */
export function isOperator(member) {
  return member.open || hasRole(member, 'OPERATOR');
}


let placesPromise = null;

/** The programme's places, as [{placeId, name}], sorted by name. */
export function places(programmeId) {
  if (!placesPromise) {
    placesPromise = get('/api/places?programmeId=' + encodeURIComponent(programmeId))
      .then((list) => (list || []).slice().sort((a, b) => a.name.localeCompare(b.name)));
  }
  return placesPromise;
}

export async function placeName(programmeId, placeId) {
  if (placeId === 'PROGRAMME') return 'the programme';
  const list = await places(programmeId).catch(() => []);
  const found = list.find((place) => place.placeId === placeId);
  return found ? found.name : 'another place';
}

let frameworkPromise = null;

/** The programme's learning framework: {principles, themes, sources}. */
export function framework(programmeId) {
  if (!frameworkPromise) {
    frameworkPromise = get('/api/programmes/' + encodeURIComponent(programmeId) + '/framework');
  }
  return frameworkPromise;
}

// ---------- the page frame ----------

const NAV = [
  { href: '/', text: 'Home', show: () => true },
  { href: '/funders.html', text: 'Across places', show: (m) => mayReadAcross(m) },
  { href: '/flow.html', text: 'Learning flow', show: () => true },
  { href: '/search.html', text: 'Search', show: () => true },
  { href: '/exports.html', text: 'Downloads', show: () => true },
  { href: '/admin.html', text: 'Views (operators)', show: (m) => isOperator(m) },
];

/** Fills the header's navigation and the member's line; answers the member. */
export async function frame() {
  const nav = $('#site-nav');
  const who = $('#who');
  let member;
  try {
    member = await me();
  } catch (failure) {
    if (failure.status === 401) return new Promise(() => {});
    member = { id: null, programmeId: DEFAULT_PROGRAMME, roles: [], placeIds: [], open: true };
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
    if (member.open) {
      who.append('Open access (no sign-in on this server)');
    } else {
      const roles = member.roles.map((role) => ROLE_NAMES[role] || role).join(', ');
      who.append(el('span', {}, 'Signed in as ', el('strong', { text: member.id || 'member' }), ' (' + roles + ')'));
      const form = el('form', { method: 'post', action: '/sign-out', class: 'sign-out' },
        el('input', { type: 'hidden', name: '_csrf', value: csrfToken() || '' }),
        el('button', { type: 'submit', class: 'link-button' }, 'Sign out'));
      who.append(' ', form);
    }
  }
  return member;
}

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

export function placeLink(placeId, name) {
  return el('a', { href: '/journey.html?place=' + encodeURIComponent(placeId) }, name);
}

export function tagList(item) {
  const tags = [...(item.principles || []), ...(item.themes || [])];
  if (item.source) tags.push(item.source);
  if (!tags.length) return null;
  return el('ul', { class: 'tags', 'aria-label': 'Tags' }, tags.map((tag) => el('li', {}, tag)));
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

export function newKey() {
  return (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
}

/** Tells a visitor who may not write here why there is no form. */
export function refuse(status, text) {
  say(status, text, 'error');
  status.setAttribute('role', 'alert');
  return status;
}

/**
 * An insight as it reads now, with the version a revision must name (If-Match), found in its
 * place's journey: the latest of its lines, and how many there are.
 */
export async function insightNow(placeId, insightId) {
  const journey = await get('/api/places/' + encodeURIComponent(placeId) + '/journey?size=1000');
  const lines = journey.timeline.items
    .filter((item) => item.subjectId === insightId && item.kind.startsWith('insight-'))
    .sort((a, b) => a.position - b.position);
  if (!lines.length) return null;
  const latest = lines.filter((line) => line.kind !== 'insight-retracted').pop();
  return {
    insightId, placeId, placeName: journey.name,
    text: latest.summary, layer: latest.layer, sphere: latest.sphere, principles: latest.principles,
    themes: latest.themes, source: latest.source,
    retracted: lines.some((line) => line.kind === 'insight-retracted'),
    version: lines.length - 1,
  };
}

/** A place's insights as they read now (not withdrawn), newest first: [{insightId, text, date}]. */
export async function insightsOf(placeId) {
  const journey = await get('/api/places/' + encodeURIComponent(placeId) + '/journey?size=1000');
  const byId = new Map();
  const retracted = new Set();
  for (const item of journey.timeline.items.slice().sort((a, b) => a.position - b.position)) {
    if (item.kind === 'insight-retracted') retracted.add(item.subjectId);
    else if (item.kind === 'insight-recorded') byId.set(item.subjectId, { insightId: item.subjectId, text: item.summary, date: item.date, position: item.position });
    else if (item.kind === 'insight-revised' && byId.has(item.subjectId)) byId.get(item.subjectId).text = item.summary;
  }
  return [...byId.values()].filter((insight) => !retracted.has(insight.insightId))
    .sort((a, b) => b.position - a.position);
}

/** The version of a practice a change must name (If-Match): one per event of its history. */
export function practiceVersion(history) {
  const outcomes = history.versions.reduce((sum, version) => sum + (version.outcomes || []).length, 0);
  return history.versions.length - 1 + outcomes + (history.status === 'retired' ? 1 : 0);
}

/** An ISO instant as a datetime-local input's value (the browser's local time). */
export function toLocalInput(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const two = (n) => String(n).padStart(2, '0');
  return date.getFullYear() + '-' + two(date.getMonth() + 1) + '-' + two(date.getDate()) + 'T'
    + two(date.getHours()) + ':' + two(date.getMinutes()) + ':' + two(date.getSeconds());
}

/** A datetime-local input's value (local time) as an ISO instant. */
export function fromLocalInput(value) {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}
