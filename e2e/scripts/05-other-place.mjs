// A member of another place cannot reach Riverside's form (and the server refuses too).
import { run, signIn, check, screenshot, placeId } from './lib.mjs';

const RIVERSIDE = placeId('Riverside');

await run('05-other-place', async ({ page }) => {
  const signedIn = await signIn(page, 'hillcrest');
  check(signedIn, 'the server has sign-in');
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
});
