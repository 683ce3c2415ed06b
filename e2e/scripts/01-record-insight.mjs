// A place member signs in, records an insight (a first try without text shows the server's
// error next to the field and keeps what was typed) and sees it in the place's journey.
import { run, signIn, check, screenshot, placeId } from './lib.mjs';

const RIVERSIDE = placeId('Riverside');

await run('01-record-insight', async ({ page }) => {
  await signIn(page, 'riverside');
  await page.goto('/');
  await page.getByRole('link', { name: 'Record an insight for Riverside' }).first().click();
  await page.waitForURL(/record-insight\.html/);
  const form = page.locator('#insight-form');
  await form.waitFor({ state: 'visible' });

  // The server's problem+json shows next to the field at fault; what was typed stays.
  await page.getByLabel('Where did this learning come from? (optional)').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Save the insight' }).click();
  const error = page.locator('[data-field="text"] .field-error');
  await error.waitFor();
  check((await error.textContent()).toLowerCase().includes('please fill this in'), 'the missing text is named next to its field');
  check(await page.getByLabel('What did you notice?').getAttribute('aria-invalid') === 'true', 'the field is marked invalid');
  check(await page.getByLabel('Where did this learning come from? (optional)').inputValue() !== '', 'the chosen source is kept');
  await screenshot(page, '01-record-insight-error');

  const text = 'Older residents stayed for the whole meeting once it moved to the library ' + Date.now();
  await page.getByLabel('What did you notice?').fill(text);
  const principle = page.locator('#principle-choices input').first();
  await principle.check();
  await page.getByRole('button', { name: 'Save the insight' }).click();
  await page.waitForURL(/journey\.html/);
  const line = page.locator('#timeline li', { hasText: text });
  await line.waitFor();
  check(await line.count() === 1, 'the new insight shows in Riverside\'s journey');
  check((await page.locator('#status').textContent()).includes('saved'), 'the page says it is saved');
  check(page.url().includes(encodeURIComponent(RIVERSIDE)) || page.url().includes(RIVERSIDE), 'on Riverside\'s journey');
  await line.scrollIntoViewIfNeeded();
  await screenshot(page, '01-record-insight-journey');
});
