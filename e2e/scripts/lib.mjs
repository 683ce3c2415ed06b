// Shared by the browser tests: a headless Chromium (Debian's, found on the PATH by the JUnit
// runner), signing in, calling the API as the signed-in member, screenshots, plain assertions.
import { chromium } from 'playwright-core';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export const BASE_URL = process.env.BASE_URL || 'http://localhost:8080';
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR || 'target/screenshots';
export const PASSWORD = process.env.DEMO_PASSWORD || 'learning-log-demo';
export const PROGRAMME = 'demo-programme';

/** The demo's place ids: "place-" + a name-based (version 3) UUID of "place/<name>". */
export function placeId(name) {
  const hash = createHash('md5').update('place/' + name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x30;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return 'place-' + [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}

export function check(condition, message) {
  if (!condition) throw new Error('Check failed: ' + message);
  console.log('  ok: ' + message);
}

/** bypassCSP only for injecting axe-core: the other tests keep the pages' CSP, so a violation shows as an error. */
export async function launch({ bypassCSP = false, initScript } = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || 'chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1200, height: 900 }, bypassCSP });
  context.setDefaultTimeout(40000);
  if (initScript) await context.addInitScript({ path: initScript });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    // A failed request is logged by the browser; expected ones (a 400 shown next to a field) are not faults.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  return { browser, context, page, problems };
}

/** Another member's session in the same browser (its own cookies). */
export async function newSession(browser, { bypassCSP = false, initScript } = {}) {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1200, height: 900 }, bypassCSP });
  context.setDefaultTimeout(40000);
  if (initScript) await context.addInitScript({ path: initScript });
  return { context, page: await context.newPage() };
}

/** Signs in through the sign-in page (the pages offer nothing to somebody they cannot name). */
export async function signIn(page, user) {
  const answer = await page.goto('/sign-in');
  check(answer && answer.ok(), 'the sign-in page is there');
  await page.getByLabel('Your user name').fill(user);
  await page.getByLabel('Password').fill(PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in') || url.search.includes('error')),
    page.getByRole('button', { name: 'Sign in' }).click()]);
  check(!page.url().includes('error'), 'signed in as ' + user);
  return true;
}

function xsrf(cookies) {
  const found = cookies.find((cookie) => cookie.name === 'XSRF-TOKEN');
  return found ? decodeURIComponent(found.value) : undefined;
}

/** A write to the API as the signed-in member of this page (session cookie and CSRF token). */
export async function apiWrite(page, method, url, body, headers = {}) {
  const token = xsrf(await page.context().cookies());
  const answer = await page.request.fetch(url, {
    method, data: body,
    headers: { 'Content-Type': 'application/json', ...(token ? { 'X-XSRF-TOKEN': token } : {}), ...headers },
  });
  const text = await answer.text();
  if (!answer.ok()) throw new Error(method + ' ' + url + ' answered ' + answer.status() + ': ' + text);
  return text ? JSON.parse(text) : null;
}

export async function apiRead(page, url) {
  const answer = await page.request.get(url);
  if (!answer.ok()) throw new Error('GET ' + url + ' answered ' + answer.status());
  return answer.json();
}

/** Reads until ready(answer) holds (the views follow the record a moment later). */
export async function eventually(read, ready, what, seconds = 40) {
  const until = Date.now() + seconds * 1000;
  let last;
  while (Date.now() < until) {
    try {
      last = await read();
      if (ready(last)) return last;
    } catch (notYet) {
      last = notYet;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error('Gave up waiting for ' + what + '; last answer: ' + JSON.stringify(last).slice(0, 300));
}

export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, name + '.png');
  await page.screenshot({ path: file, fullPage });
  console.log('  screenshot: ' + file);
  return file;
}

/** Runs a test body with a fresh browser; a failure saves a screenshot too and exits 1. */
export async function run(name, body, options = {}) {
  const started = Date.now();
  console.log('▶ ' + name);
  const session = await launch(options);
  try {
    await body(session);
    if (session.problems.length) throw new Error('The page logged errors: ' + session.problems.join(' | '));
    console.log('✔ ' + name + ' (' + ((Date.now() - started) / 1000).toFixed(1) + ' s)');
  } catch (failure) {
    console.error('✘ ' + name + ': ' + (failure && failure.stack ? failure.stack : failure));
    let n = 0;
    for (const context of session.browser.contexts()) {
      for (const open of context.pages()) {
        await screenshot(open, name + '-failed' + (n++ ? '-' + n : '')).catch(() => null);
        console.error('  (page at failure: ' + open.url() + ')');
      }
    }
    process.exitCode = 1;
  } finally {
    await session.browser.close();
  }
}
