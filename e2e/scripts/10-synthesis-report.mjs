// A learning partner records a four-session cluster whose forms rate it better each time; a funder
// opens the synthesis report for the first half of 2025, reads the rise in the chart's table, prints
// the report to PDF (Chromium's print-to-PDF, the print stylesheet applied), keeps a picture of its
// first printed page, and axe finds no violation on the page.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { run, signIn, check, screenshot, apiRead, apiWrite, eventually, newSession, placeId, PROGRAMME, SCREENSHOT_DIR } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const RIVERSIDE = placeId('Riverside');
const HILLCREST = placeId('Hillcrest');
const FORMS = [[6, 14], [8, 15], [11, 15], [16, 18]];
const PERIOD = 'from=2025-01-01&to=2025-06-30';
const TARGET = path.resolve(SCREENSHOT_DIR, '..');

await run('10-synthesis-report', async ({ page, browser }) => {
  // The cluster, recorded as the learning partner through the API (the forms have their own page tests).
  await signIn(page, 'partner');
  const framework = await apiRead(page, '/api/programmes/' + PROGRAMME + '/framework');
  const kind = framework.sources.find((source) => /cluster/i.test(source)) || framework.sources[0];
  const topic = 'Engaging parents ' + Date.now().toString(36);
  const activity = await apiWrite(page, 'POST', '/api/programmes/' + PROGRAMME + '/learning-activities', {
    kind, topic, placeIds: [RIVERSIDE, HILLCREST], startsOn: '2025-01-01', endsOn: '2025-12-31', usefulOptions: ['networking', 'speakers'],
  });
  for (let i = 0; i < FORMS.length; i++) {
    const [excellent, returned] = FORMS[i];
    await apiWrite(page, 'POST', '/api/learning-activities/' + activity.activityId + '/sessions',
      { happenedOn: '2025-0' + (i + 2) + '-10', attendance: { [RIVERSIDE]: 9, [HILLCREST]: 8 } });
    await apiWrite(page, 'POST', '/api/learning-activities/' + activity.activityId + '/sessions/' + (i + 1) + '/evaluation', {
      formsReturned: returned, ratings: { excellent, good: returned - excellent }, mostUseful: { networking: returned - 2 },
      gotWhatTheyWanted: { all: 5, some: returned - 5 },
    });
  }
  await eventually(() => apiRead(page, '/api/programmes/' + PROGRAMME + '/synthesis-report?' + PERIOD),
    (report) => report.activities.some((a) => a.activityId === activity.activityId && a.trend.length === 4), 'the report to hold the cluster');
  check(true, 'a four-session cluster recorded: ' + activity.activityId);

  // The funder reads it.
  const funder = await newSession(browser);
  await signIn(funder.page, 'funder');
  const reader = funder.page;
  await reader.goto('/funders.html');
  await reader.getByRole('link', { name: 'Read the synthesis report for a period' }).click();
  await reader.waitForURL('**/report.html');
  await reader.locator('#period-said strong').first().waitFor(); // the page's first read (the last year) is shown
  await reader.getByLabel('From').fill('2025-01-01');
  await reader.getByLabel('To', { exact: true }).fill('2025-06-30');
  await reader.getByRole('button', { name: 'Show the report' }).click();
  const trendCaption = topic + ': share of forms rating a session “excellent”';
  const trend = reader.locator('figure[data-chart="trend"]').filter({ has: reader.locator('figcaption', { hasText: trendCaption }) });
  await trend.locator('table tbody tr').nth(3).waitFor();
  const rows = await trend.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) =>
    [...tr.children].map((cell) => cell.textContent.trim()).join(' | ')));
  console.log('    ' + rows.join('\n    '));
  const expected = ['Session 1 | 10 February 2025 | 6 | 14 | 43%', 'Session 2 | 10 March 2025 | 8 | 15 | 53%',
    'Session 3 | 10 April 2025 | 11 | 15 | 73%', 'Session 4 | 10 May 2025 | 16 | 18 | 89%'];
  check(JSON.stringify(rows) === JSON.stringify(expected), 'the trend chart\'s table gives the rising "excellent" share with its counts and bases');
  check(await trend.locator('svg rect.bar').count() === 4, 'the trend chart draws a bar per session');
  check((await reader.locator('#period-said').textContent()).includes('1 January 2025'), 'the page says the period it shows');
  check(new URL(reader.url()).search.includes('from=2025-01-01'), 'the period is in the address, to share or come back to');

  const principles = reader.locator('figure[data-chart="insights-principle"] table tbody tr');
  check(await principles.count() > 0, 'the insights by principle chart has its table (' + await principles.count() + ' rows)');
  const insightsSaid = await reader.locator('#insights .big-number').textContent();
  check(/^\d+ insights? in this period$/.test(insightsSaid), 'the insights section says how many: ' + insightsSaid);
  for (const name of ['practices', 'travelled', 'records']) {
    const figure = reader.locator('figure[data-chart="' + name + '"]');
    check(await figure.locator('table').count() === 1, 'the ' + name + ' chart is followed by its numbers as a table');
  }
  const csv = reader.getByRole('link', { name: 'Download this report as a spreadsheet (CSV)' });
  const json = reader.getByRole('link', { name: 'Download this report as data (JSON)' });
  check((await csv.getAttribute('href')).endsWith(PERIOD + '&format=csv'), 'the CSV link is the same period\'s');
  check((await json.getAttribute('href')).endsWith(PERIOD + '&format=json'), 'the JSON link is the same period\'s');
  const download = await reader.request.get(await csv.getAttribute('href'));
  check(download.ok() && (await download.text()).includes(activity.activityId + ',4,2025-05-10,,excellent,16,18,89'),
    'the CSV holds the fourth session\'s share with its count and base');
  await screenshot(reader, '10-report');

  // Printed: Chromium's print-to-PDF with the print stylesheet; a picture of the first printed page.
  mkdirSync(TARGET, { recursive: true });
  const pdf = path.join(TARGET, 'synthesis-report.pdf');
  await reader.pdf({ path: pdf, format: 'A4', printBackground: true });
  const bytes = readFileSync(pdf);
  const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  check(bytes.subarray(0, 4).toString() === '%PDF' && statSync(pdf).size > 10000,
    'printed to PDF: ' + pdf + ' (' + statSync(pdf).size + ' bytes' + (pages ? ', ' + pages + ' pages' : '') + ')');
  await reader.emulateMedia({ media: 'print' });
  check(!(await reader.locator('#site-nav').isVisible()) && !(await reader.locator('#period').isVisible()),
    'on paper, the navigation and the period form are left out');
  await reader.setViewportSize({ width: 680, height: 1009 }); // an A4 page's printed area (15 mm margins) at 96 dpi
  await screenshot(reader, '10-report-printed-first-page', { fullPage: false });
  await reader.emulateMedia({ media: 'screen' });

  // axe on the report as shown (axe added before the page's scripts, so this session bypasses the CSP).
  const audited = await newSession(browser, { bypassCSP: true, initScript: AXE });
  await signIn(audited.page, 'funder');
  await audited.page.goto('/report.html?' + PERIOD);
  await audited.page.locator('figure[data-chart="trend"] table').first().waitFor();
  const result = await audited.page.evaluate(async (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  for (const violation of result.violations) {
    console.log('    ' + (violation.impact || '') + ' ' + violation.id + ': ' + violation.help + ' — '
      + violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', '));
  }
  check(result.violations.length === 0, 'axe: no accessibility violation on the report (' + result.passes.length + ' rules passed)');
});
