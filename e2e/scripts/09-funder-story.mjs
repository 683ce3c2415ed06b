// A funder moves the slider through the demo programme as it happened: its story runs from September 2024
// to August 2025, though all of it was recorded in the minute the demo loaded. The record's order is
// one choice away, for auditors.
import { run, signIn, check, screenshot } from './lib.mjs';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

/** A month as the page's charts name it (the browser's British short month: "Sep" or "Sept"). */
function shortMonth(page, month) {
  return page.evaluate((m) => new Date(m + '-01T00:00:00Z')
    .toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }), month);
}

/** Presses a key on the focused slider n times and waits until the page shows that step's state. */
async function slide(page, key, times, expected) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
  await page.waitForFunction((steps) => document.querySelector('#lines-then')?.dataset.steps === String(steps)
    && document.querySelector('#step-said')?.textContent.includes(':'), expected);
  return { said: await page.locator('#step-said').textContent(), day: await page.locator('#step-said').getAttribute('data-day') };
}

await run('09-funder-story', async ({ page }) => {
  await signIn(page, 'funder');
  await page.goto('/funders.html');
  await page.waitForFunction(() => document.querySelector('#lines-then')?.dataset.steps);
  check(await page.locator('#order-story').isChecked(), 'the page tells the programme as it happened unless asked otherwise');
  const steps = Number(await page.locator('#step').getAttribute('max'));
  check(steps > 100, steps + ' steps');

  const slider = page.getByLabel('Step through the programme');
  await slider.focus();
  let shown = await slide(page, 'Home', 1, 1);
  check(shown.day.startsWith('2024-09'), 'the first step happened in September 2024: ' + shown.said);
  check(shown.said.includes('as it happened, by ') && shown.said.includes('September 2024'),
    'the slider says the day in words: ' + shown.said);
  const thisYear = String(new Date().getUTCFullYear());
  check(!shown.said.includes(thisYear), 'the slider does not speak of ' + thisYear + ', the year it was all recorded');
  await page.locator('#time-chart svg').waitFor();
  const september = await shortMonth(page, '2024-09');
  check((await page.locator('#time-chart').textContent()).includes(september), 'the monthly chart shows ' + september);
  await screenshot(page, '09-funder-story-start');

  // Step on through the autumn: every month of late 2024 passes on the slider, the days never going back.
  const months = new Set();
  let step = 1;
  let last = shown.day;
  while (shown.day < '2025-01-01' && step + 5 <= steps) {
    step += 5;
    shown = await slide(page, 'ArrowRight', 5, step);
    check(shown.day >= last, 'step ' + step + ' happened on ' + shown.day + ', not before step ' + (step - 5));
    last = shown.day;
    if (shown.day.startsWith('2024')) {
      const month = MONTHS[Number(shown.day.slice(5, 7)) - 1] + ' 2024';
      check(shown.said.includes(month), 'the slider says ' + month + ': ' + shown.said);
      months.add(month);
    }
  }
  check(months.size >= 3, 'the slider moved through ' + [...months].join(', '));
  const upTo = await shortMonth(page, shown.day.slice(0, 7));
  // the counts are read after the step is shown: wait for them, or fail with what they said
  await page.waitForFunction(([from, to]) => (document.querySelector('#time-chart svg desc')?.textContent || '')
    .includes('from ' + from + ' to ' + to), [september, upTo]).catch(() => {});
  const chart = await page.locator('#time-chart svg desc').textContent();
  check(chart.includes('from ' + september + ' to ' + upTo), 'the monthly counts run from September 2024 up to the step\'s month: ' + chart);
  await screenshot(page, '09-funder-story-2024');
  const listed = await page.locator('#timeline-count').textContent();
  check(listed.includes('in the order things happened') && !listed.includes('null'), 'the timeline below says how it is ordered: ' + listed);
  check((await page.locator('#timeline .late-mark').first().textContent()).includes('after it happened'),
    'a line recorded long after it happened says so');

  // Jumping to a day lands on the last step that had happened by then.
  await page.getByLabel('Jump to what had happened by the day').fill('2024-10-31');
  await page.getByRole('button', { name: 'Jump' }).click();
  await page.waitForFunction(() => (document.querySelector('#step-said')?.dataset.day || '9999') <= '2024-10-31'
    && document.querySelector('#step-said').textContent.includes('October 2024'));
  check(true, 'the jump to 31 October 2024 shows ' + await page.locator('#step-said').textContent());

  // As it was recorded: the same steps, told by the instants of the record.
  await page.locator('#order-recorded').check();
  await page.waitForFunction(() => document.querySelector('#step-said')?.textContent.includes('as it was recorded'));
  check((await page.locator('#step-said').textContent()).includes(thisYear), 'as it was recorded, the record stands in ' + thisYear);
  check(page.url().includes('order=recorded'), 'the address keeps the record\'s order');
});
