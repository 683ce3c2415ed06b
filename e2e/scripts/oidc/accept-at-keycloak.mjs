// Run by the oidc profile's KeycloakSignInTest (oidc-test/), not by BrowserTest: a person follows
// their invitation link, signs in at a real Keycloak through the authorization code flow, and the
// invitation becomes theirs. Prints the member the application then sees as `member: {...}`.
//   BASE_URL  the application, LINK  the invitation's path (/accept-invitation.html#token=…),
//   KC_USER / KC_PASSWORD  the person's account at Keycloak, CHROMIUM, SCREENSHOT_DIR
import { BASE_URL, check, launch, screenshot } from '../lib.mjs';

const { browser, page, problems } = await launch();
try {
  await page.goto(process.env.LINK);
  const signIn = page.getByRole('link', { name: 'Sign in to accept' });
  await signIn.waitFor();
  check(!page.url().includes('token='), 'the link\'s secret left the address');
  await screenshot(page, 'oidc-invitation-signed-out-' + process.env.KC_USER);
  await signIn.click();

  // Keycloak's own sign-in page, on its own origin.
  await page.locator('#username').waitFor();
  check(!page.url().startsWith(BASE_URL), 'the sign-in page is the provider\'s');
  await screenshot(page, 'oidc-keycloak-sign-in-' + process.env.KC_USER);
  await page.locator('#username').fill(process.env.KC_USER);
  await page.locator('#password').fill(process.env.KC_PASSWORD);
  await page.locator('#kc-login').click();

  // Back at the invitation page, signed in: the acceptance is sent with the secret it kept.
  await page.waitForURL(BASE_URL + '/accept-invitation.html');
  await page.getByText('the invitation is yours').waitFor();
  await screenshot(page, 'oidc-invitation-accepted-' + process.env.KC_USER);
  const me = await page.evaluate(async () => (await fetch('/api/me', { headers: { Accept: 'application/json' } })).json());
  check(me.id, 'signed in as a member');
  console.log('member: ' + JSON.stringify(me));
  check(problems.length === 0, 'no errors in the page: ' + problems.join('; '));
} catch (failure) {
  await screenshot(page, 'oidc-failure-' + process.env.KC_USER).catch(() => {});
  console.error('at ' + page.url());
  throw failure;
} finally {
  await browser.close();
}
