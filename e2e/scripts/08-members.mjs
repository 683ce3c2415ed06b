// A programme's people, let in from inside the product: the administrator invites a newcomer as a
// funder on the members page and passes on the link; the newcomer opens it signed out, chooses a
// password, signs in, and changes the password; the administrator changes the newcomer's role, and
// the newcomer's very next step sees the new role. axe-core on the three pages (CSP bypassed for it).
import { createRequire } from 'node:module';
import { run, signIn, check, screenshot, newSession } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const NEWCOMER = 'newcomer-' + Date.now().toString(36);
const FIRST = 'a meadow of quiet larks';
const SECOND = 'the river runs past the mill';

async function axe(page, name) {
  const result = await page.evaluate(async (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  for (const violation of result.violations) {
    console.log('    ' + (violation.impact || '') + ' ' + violation.id + ': ' + violation.help);
  }
  const bad = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  check(bad.length === 0, name + ': no serious or critical accessibility violation');
}

await run('08-members', async ({ page, browser }) => {
  await signIn(page, 'admin');
  await page.goto('/members.html');
  await page.locator('#invite-form').waitFor();
  await axe(page, 'members');
  await page.getByLabel('The user name they will sign in with').fill(NEWCOMER);
  await page.getByLabel('Role', { exact: true }).selectOption('FUNDER');
  await page.getByRole('button', { name: 'Invite' }).click();
  const linkField = page.locator('#link-to-pass-on');
  await linkField.waitFor();
  const link = await linkField.inputValue();
  check(link.includes('/accept-invitation.html#token=ll_inv_'), 'the invitation link is shown once to the administrator');
  check(await page.locator('#member-rows').getByText(NEWCOMER).count() > 0, 'the newcomer is listed, invited');
  await screenshot(page, '08-members-invited');

  const newcomer = await newSession(browser, { bypassCSP: true, initScript: AXE });
  await newcomer.page.goto(link);
  await newcomer.page.locator('#accept-form').waitFor();
  check(!newcomer.page.url().includes('token'), 'the link\'s secret leaves the address bar');
  await axe(newcomer.page, 'accept-invitation');
  await newcomer.page.getByLabel('Password (at least 12').fill('1qaz2wsx3edc');
  await newcomer.page.getByLabel('The same password again').fill('1qaz2wsx3edc');
  await newcomer.page.getByRole('button', { name: 'Set my password' }).click();
  await newcomer.page.locator('.error-summary:not([hidden])').waitFor();
  check((await newcomer.page.locator('.error-summary').textContent()).includes('most common'), 'a common password is refused, saying why');
  await axe(newcomer.page, 'accept-invitation with errors shown');
  await newcomer.page.getByLabel('Password (at least 12').fill(FIRST);
  await newcomer.page.getByLabel('The same password again').fill(FIRST);
  await newcomer.page.getByRole('button', { name: 'Set my password' }).click();
  await newcomer.page.getByRole('link', { name: 'Sign in now' }).waitFor();
  check(true, 'the newcomer set a password');

  await newcomer.page.goto('/sign-in');
  await newcomer.page.getByLabel('Your user name').fill(NEWCOMER);
  await newcomer.page.getByLabel('Password').fill(FIRST);
  await Promise.all([newcomer.page.waitForURL((url) => !url.pathname.startsWith('/sign-in')),
    newcomer.page.getByRole('button', { name: 'Sign in' }).click()]);
  const before = await (await newcomer.page.request.get('/api/me')).json();
  check(before.roles.includes('FUNDER'), 'signed in as a funder');

  await newcomer.page.goto('/change-password.html');
  await newcomer.page.locator('#password-form:not([hidden])').waitFor();
  await axe(newcomer.page, 'change-password');
  await newcomer.page.getByLabel('Your current password').fill(FIRST);
  await newcomer.page.getByLabel('New password').fill(SECOND);
  await newcomer.page.getByRole('button', { name: 'Change my password' }).click();
  await newcomer.page.locator('.notice-success').waitFor();
  check(true, 'the password is changed');

  // The administrator changes the role; the newcomer's next request sees it, without a restart.
  await page.getByLabel('Member', { exact: true }).selectOption(NEWCOMER);
  await page.getByLabel('Their role from now on').selectOption('LEARNING_PARTNER');
  await page.getByRole('button', { name: 'Change the role' }).click();
  await page.locator('#status.notice-success').waitFor();
  const after = await (await newcomer.page.request.get('/api/me')).json();
  check(after.roles.includes('LEARNING_PARTNER') && !after.roles.includes('FUNDER'), 'the new role counts from the next request');
  // the page reads the members again once the views hold the change (read your writes): wait for it
  await page.locator('#history', { hasText: 'lost the role' }).waitFor({ timeout: 10000 });
  check((await page.locator('#history').textContent()).includes('lost the role'), 'the history shows the change');
  await screenshot(page, '08-members-changed');
  await newcomer.context.close();
}, { bypassCSP: true, initScript: AXE });
