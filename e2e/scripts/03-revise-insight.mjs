// After a decision, the place member revises an insight behind it: the audit trail shows the
// insight as it read when the decision was made and as it reads now.
import { run, signIn, check, screenshot, placeId, apiWrite, apiRead, eventually } from './lib.mjs';

const RIVERSIDE = placeId('Riverside');

await run('03-revise-insight', async ({ page }) => {
  await signIn(page, 'riverside');
  await page.goto('/');
  const before = 'Young people came when the session was on a Saturday ' + Date.now();
  const after = before.replace('on a Saturday', 'on a Saturday morning, with breakfast');
  const recorded = await apiWrite(page, 'POST', '/api/places/' + RIVERSIDE + '/insights',
    { text: before, layer: 'INDIVIDUALS', principles: [] });
  const journey = await apiRead(page, '/api/places/' + RIVERSIDE + '/journey?size=1');
  const practice = journey.practices.find((candidate) => candidate.status === 'active');
  const history = await apiRead(page, '/api/practices/' + practice.practiceId + '/history');
  const outcomes = history.versions.reduce((sum, version) => sum + version.outcomes.length, 0);
  const version = history.versions.length - 1 + outcomes;
  const adapted = await apiWrite(page, 'POST', '/api/practices/' + practice.practiceId + '/adaptations',
    { becomes: 'Saturday sessions for young people', why: 'They told us when they can come', insightIds: [recorded.insightId], forum: 'youth forum' },
    { 'If-Match': '"' + version + '"' });
  await eventually(() => apiRead(page, '/api/places/' + RIVERSIDE + '/journey?size=1000'),
    (answer) => answer.timeline.items.some((item) => item.subjectId === recorded.insightId), 'the insight in the journey');

  await page.goto('/audit.html?decision=' + adapted.adaptationId);
  await page.getByRole('link', { name: 'Revise this insight' }).first().click();
  await page.waitForURL(/revise-insight\.html/);
  await page.locator('#revise-form').waitFor({ state: 'visible' });
  check(await page.getByLabel('The insight as it should read now').inputValue() === before, 'the form starts from the insight as it reads now');
  await page.getByLabel('The insight as it should read now').fill(after);
  await page.getByLabel('Why are you changing it?').fill('We asked them again');
  await page.getByRole('button', { name: 'Save the new version' }).click();
  await page.waitForURL(/audit\.html.*revised=/);
  const trail = page.locator('#audit-insights li').filter({ hasText: after }).first();
  await trail.waitFor();
  const content = await trail.textContent();
  check(content.includes(before) && content.includes(after), 'the trail shows the insight as it read then and as it reads now');
  check(content.includes('Changed since the decision'), 'the trail says it changed since the decision');
  await screenshot(page, '03-revise-insight-audit');
});
