// axe-core on every page (as the member who would use it): no serious or critical violation of
// WCAG 2.2 A/AA. Some pages are checked on a phone-sized screen too (and must not scroll sideways).
// axe-core is added to every page of these sessions before the page's own scripts (which needs the
// CSP bypassed in this test only).
import { createRequire } from 'node:module';
import { run, signIn, check, screenshot, placeId, apiRead, newSession, PROGRAMME } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const RIVERSIDE = placeId('Riverside');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axe(page, name) {
  const result = await page.evaluate(async (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  for (const violation of result.violations) {
    console.log('    ' + (violation.impact || '') + ' ' + violation.id + ': ' + violation.help + ' — '
      + violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', '));
  }
  const bad = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  check(bad.length === 0, name + ': no serious or critical accessibility violation (' + result.violations.length
    + ' minor, ' + result.passes.length + ' rules passed)');
}

async function audit(page, name, url, { ready = 'main h1', phone = false } = {}) {
  await page.goto(url);
  await page.locator(ready).first().waitFor();
  await axe(page, name);
  await screenshot(page, '06-a11y-' + name, { fullPage: false });
  if (phone) {
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 1, name + ': fits a phone screen without sideways scrolling');
    await axe(page, name + ' on a phone');
    await screenshot(page, '06-a11y-' + name + '-phone', { fullPage: false });
    await page.setViewportSize({ width: 1200, height: 900 });
  }
}

await run('06-accessibility', async ({ page, browser }) => {
  await audit(page, 'sign-in', '/sign-in.html');
  await signIn(page, 'riverside');
  const journey = await apiRead(page, '/api/places/' + RIVERSIDE + '/journey?size=1');
  const practice = journey.practices.find((candidate) => candidate.status === 'active') || journey.practices[0];
  const history = await apiRead(page, '/api/practices/' + practice.practiceId + '/history');
  const adapted = history.versions.find((version) => version.kind === 'adapted') || history.versions[0];
  const shared = await apiRead(page, '/api/programmes/' + PROGRAMME + '/timeline?kind=learning-shared&size=1');
  const insightLine = (await apiRead(page, '/api/places/' + RIVERSIDE + '/journey?kind=insight-recorded&size=1')).timeline.items[0];

  await audit(page, 'home', '/', { ready: '#places li' });
  await audit(page, 'journey', '/journey.html?place=' + RIVERSIDE, { ready: '#month-chart svg', phone: true });
  await audit(page, 'record-insight', '/record-insight.html?place=' + RIVERSIDE, { ready: '#insight-form:not([hidden])' });
  await page.getByRole('button', { name: 'Save the insight' }).click();
  await page.locator('.field-error').first().waitFor();
  await axe(page, 'record-insight with errors shown');
  await screenshot(page, '06-a11y-record-insight-errors', { fullPage: false });
  await audit(page, 'revise-insight', '/revise-insight.html?place=' + RIVERSIDE + '&insight=' + insightLine.subjectId, { ready: '#revise-form:not([hidden])' });
  await audit(page, 'new-practice', '/new-practice.html?place=' + RIVERSIDE, { ready: '#practice-form:not([hidden])' });
  await audit(page, 'adapt-practice', '/adapt-practice.html?practice=' + practice.practiceId, { ready: '#adapt-form:not([hidden])' });
  await audit(page, 'review-outcome', '/review-outcome.html?practice=' + practice.practiceId + '&adaptation=' + adapted.decisionId, { ready: '#review-form:not([hidden])' });
  await audit(page, 'share-learning', '/share-learning.html?place=' + RIVERSIDE, { ready: '#share-form:not([hidden])' });
  await audit(page, 'adopt-shared', '/adopt-shared.html?place=' + RIVERSIDE + '&shared=' + shared.items[0].subjectId, { ready: '#adopt-form:not([hidden])' });
  await audit(page, 'practice-history', '/practice.html?practice=' + practice.practiceId, { ready: '#versions li' });
  await audit(page, 'audit-trail', '/audit.html?decision=' + adapted.decisionId, { ready: '#audit-insights li' });
  await audit(page, 'flow', '/flow.html', { ready: '#network svg' });
  await audit(page, 'search', '/search.html?q=school', { ready: '#results li' });
  await audit(page, 'exports', '/exports.html', { ready: '#place-downloads tr' });

  const partner = await newSession(browser, { bypassCSP: true, initScript: AXE });
  await signIn(partner.page, 'partner');
  await audit(partner.page, 'sensemaking', '/sensemaking.html', { ready: '#session-form:not([hidden])' });
  await audit(partner.page, 'funders', '/funders.html', { ready: '#time-chart svg', phone: true });
  await partner.context.close();
  const admin = await newSession(browser, { bypassCSP: true, initScript: AXE });
  await signIn(admin.page, 'operator');
  await audit(admin.page, 'admin-views', '/admin.html', { ready: '#views tr .said:not(:empty)' });
  await audit(admin.page, 'import', '/import.html', { ready: '#upload-form:not([hidden])' });
  await admin.context.close();
}, { bypassCSP: true, initScript: AXE });
