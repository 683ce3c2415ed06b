// A place member changes a practice citing an insight of theirs, and sees the decision's audit trail.
import { run, signIn, check, screenshot, placeId, apiWrite, apiRead, eventually } from './lib.mjs';

const RIVERSIDE = placeId('Riverside');

await run('02-adapt-practice', async ({ page }) => {
  await signIn(page, 'riverside');
  await page.goto('/');
  const text = 'Residents asked for the minutes in plain words and pictures ' + Date.now();
  const recorded = await apiWrite(page, 'POST', '/api/places/' + RIVERSIDE + '/insights',
    { text, layer: 'PLACE_NETWORK', principles: [] });
  // The insight must reach the journey (which the form reads) before it can be cited.
  await eventually(() => apiRead(page, '/api/places/' + RIVERSIDE + '/journey?size=1000'),
    (journey) => journey.timeline.items.some((item) => item.subjectId === recorded.insightId), 'the insight in the journey');

  await page.goto('/journey.html?place=' + RIVERSIDE);
  const change = page.locator('#practices a', { hasText: 'how we do it' }).first();
  await change.click();
  await page.waitForURL(/adapt-practice\.html/);
  await page.locator('#adapt-form').waitFor({ state: 'visible' });
  await page.getByLabel('What will you do from now on?').fill('Minutes go out as one page with pictures, within a week');
  await page.getByLabel('Why are you changing it?').fill('Residents told us the long minutes kept them out');
  await page.getByLabel(text).check();
  await page.getByLabel('Where was it decided?').fill('residents\' assembly');
  await page.getByRole('button', { name: 'Save the change' }).click();
  await page.waitForURL(/audit\.html/);
  const insight = page.locator('#audit-insights li', { hasText: text }).first();
  await insight.waitFor();
  check(await insight.count() === 1, 'the audit trail names the insight behind the change');
  check((await page.locator('#decision').textContent()).includes('Minutes go out as one page'), 'the audit trail shows what the practice became');
  await screenshot(page, '02-adapt-practice-audit');
});
