// The other forms, each through to what it leads to: start a practice, review an outcome, share
// learning (Riverside), take it up by changing a practice that cites it (Hillcrest), record a
// sensemaking session (administrator).
import { run, signIn, check, screenshot, placeId, apiRead, eventually, newSession, PROGRAMME } from './lib.mjs';

const RIVERSIDE = placeId('Riverside');
const HILLCREST = placeId('Hillcrest');

await run('07-other-forms', async ({ page, browser }) => {
  await signIn(page, 'riverside');
  await page.goto('/new-practice.html?place=' + RIVERSIDE);
  await page.locator('#practice-form:not([hidden])').waitFor();
  await page.getByLabel('A short name for the practice').fill('Walkabouts ' + Date.now());
  await page.getByLabel('What will you do?').fill('A monthly walk around the estate with residents');
  await page.getByLabel('Why?').fill('People see more when they walk');
  await page.locator('#insight-choices input').first().check();
  await page.getByLabel('Where was it decided?').fill('partnership board');
  await page.getByRole('button', { name: 'Save the practice' }).click();
  await page.waitForURL(/audit\.html/);
  await page.locator('#audit-insights li').first().waitFor();
  check(true, 'a new practice leads to its audit trail');

  const journey = await apiRead(page, '/api/places/' + RIVERSIDE + '/journey?size=1');
  const practice = journey.practices.find((candidate) => candidate.status === 'active' && candidate.versions > 1);
  const history = await apiRead(page, '/api/practices/' + practice.practiceId + '/history');
  const adapted = history.versions.filter((version) => version.kind === 'adapted').pop();
  await page.goto('/review-outcome.html?practice=' + practice.practiceId + '&adaptation=' + adapted.decisionId);
  await page.locator('#review-form:not([hidden])').waitFor();
  await page.getByLabel('Mixed').check();
  await page.getByLabel('What did you see?').fill('Some came back, some did not');
  await page.getByRole('button', { name: 'Save the review' }).click();
  await page.waitForURL(/practice\.html/);
  await page.locator('#versions li', { hasText: 'Some came back, some did not' }).first().waitFor();
  check((await page.locator('#status').textContent()).includes('Your review is saved'), 'the review shows in the practice history');
  await screenshot(page, '07-review-in-history');

  await page.goto('/share-learning.html?place=' + RIVERSIDE);
  await page.locator('#share-form:not([hidden])').waitFor();
  const title = 'Walk first, talk later ' + Date.now();
  await page.getByLabel('A title others will recognise').fill(title);
  await page.getByLabel('What did you learn, in a few sentences?').fill('Walking together opened conversations');
  await page.getByLabel('Hillcrest').check();
  await page.locator('#adaptation-choices input').first().check();
  await page.getByRole('button', { name: 'Share it' }).click();
  await page.waitForURL(/journey\.html/);
  const shared = await eventually(() => apiRead(page, '/api/programmes/' + PROGRAMME + '/timeline?kind=learning-shared&size=500'),
    (timeline) => timeline.items.some((item) => item.summary === title), 'the shared learning in the programme timeline');
  const sharedId = shared.items.find((item) => item.summary === title).subjectId;
  check(true, 'Riverside shared its learning');

  const hillcrest = await newSession(browser);
  await signIn(hillcrest.page, 'hillcrest');
  const other = hillcrest.page;
  await other.goto('/adopt-shared.html?place=' + HILLCREST + '&shared=' + sharedId);
  await other.locator('#adopt-form:not([hidden])').waitFor();
  await other.locator('#practiceId').selectOption({ index: 1 });
  await other.getByRole('link', { name: 'Change the chosen practice first, citing this learning' }).click();
  await other.waitForURL(/adapt-practice\.html/);
  await other.locator('#adapt-form:not([hidden])').waitFor();
  check((await other.locator('#shared-said').textContent()).includes(title), 'the change cites the shared learning');
  await other.getByLabel('What will you do from now on?').fill('We walk first, then talk');
  await other.getByLabel('Why are you changing it?').fill('Riverside showed it works');
  await other.getByLabel('Where was it decided?').fill('steering group');
  await other.getByRole('button', { name: 'Save the change' }).click();
  await other.waitForURL(/adopt-shared\.html.*adaptation=/);
  await other.locator('#adopt-form:not([hidden])').waitFor();
  await other.getByLabel('How did you make it your own?').fill('We added a cup of tea at the end');
  await other.getByRole('button', { name: 'Record that we took it up' }).click();
  await other.waitForURL(/journey\.html/);
  await eventually(() => apiRead(other, '/api/programmes/' + PROGRAMME + '/flow'),
    (flow) => flow.edges.some((edge) => edge.kind === 'adopted' && edge.sharedLearningIds.includes(sharedId)), 'the adoption in the learning flow');
  await other.goto('/flow.html');
  await other.locator('#flow-list li').first().waitFor();
  check((await other.locator('#flow-list').textContent()).includes('Hillcrest took up learning from Riverside'), 'the flow says Hillcrest took up Riverside\'s learning');
  await screenshot(other, '07-flow');
  await hillcrest.context.close();

  // Participants are registered people; adding people of no place is the administrators' (a partner may not).
  const partner = await newSession(browser);
  await signIn(partner.page, 'admin');
  await partner.page.goto('/sensemaking.html');
  await partner.page.locator('#session-form:not([hidden])').waitFor();
  await partner.page.getByLabel('Title of the session').fill('Winter sensemaking');
  await partner.page.getByLabel('Who took part? One name per line').fill('Sam\nPriya');
  await partner.page.locator('#insight-choices input').first().check();
  await partner.page.getByLabel('What did you conclude together?').fill('Walking works across places');
  await partner.page.getByRole('button', { name: 'Save the session' }).click();
  await partner.page.waitForURL(/funders\.html/);
  check(true, 'the administrator recorded a sensemaking session');
  await partner.context.close();
});
