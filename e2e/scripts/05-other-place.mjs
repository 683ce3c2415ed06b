// A member of another place cannot reach Riverside's form (and the server refuses too); signing in
// from a page that asked for it leads back there; a page that cannot tell who is signed in offers nothing.
import { run, check, screenshot, placeId, PASSWORD } from './lib.mjs';

const RIVERSIDE = placeId('Riverside');
const HILLCREST = placeId('Hillcrest');

await run('05-other-place', async ({ page }) => {
  // Not signed in: a page leads to the sign-in page (no browser password box), and back after signing in.
  await page.goto('/journey.html?place=' + RIVERSIDE);
  await page.waitForURL(/\/sign-in/);
  check(true, 'a page asks for sign-in first');
  await page.getByLabel('Your user name').fill('hillcrest');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/journey\.html/);
  await page.locator('#timeline li').first().waitFor();
  check(true, 'signed in as hillcrest, back on the page that asked');
  check(await page.getByRole('link', { name: 'Record an insight' }).count() === 0, 'no record button on another place\'s journey');

  await page.goto('/');
  check(await page.getByRole('link', { name: 'Record an insight for Riverside' }).count() === 0, 'no link to Riverside\'s form on the home page');
  await page.goto('/record-insight.html?place=' + RIVERSIDE);
  const status = page.locator('#status');
  await status.waitFor({ state: 'visible' });
  check((await status.textContent()).includes('only for your own place'), 'the page says why there is no form');
  check(!(await page.locator('#insight-form').isVisible()), 'the form is not shown');
  const refused = await page.evaluate(async (place) => {
    const token = decodeURIComponent((document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN=')) || '=').split('=')[1]);
    const answer = await fetch('/api/places/' + place + '/insights', { method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': token },
      body: JSON.stringify({ text: 'not mine to record', layer: 'PLACE_NETWORK' }) });
    return answer.status;
  }, RIVERSIDE);
  check(refused === 403, 'the server refuses a write for another place (403)');
  await screenshot(page, '05-other-place-refused');

  // /api/me fails (not a 401): the page grants nothing, says so and leads to sign-in.
  await page.route('**/api/me', (route) => route.fulfill({ status: 503, contentType: 'application/problem+json',
    body: JSON.stringify({ title: 'Service Unavailable', status: 503, detail: 'Try again shortly.' }) }));
  await page.goto('/record-insight.html?place=' + HILLCREST);
  await status.waitFor({ state: 'visible' });
  check((await status.textContent()).includes('could not tell who you are'), 'the page says it cannot tell who is signed in');
  check(await status.getByRole('link', { name: 'Sign in again' }).count() === 1, 'it leads to the sign-in page');
  check(!(await page.locator('#insight-form').isVisible()), 'no form for a member it cannot name, even of their own place');
  check(await page.locator('#site-nav a').count() === 0, 'no navigation offered either');
  await screenshot(page, '05-other-place-unknown-member');
  await page.unroute('**/api/me');
});
