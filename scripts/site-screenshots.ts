/**
 * The screenshots of the site in the README: the front page and a KPI page of the demo, taken in
 * headless Chromium at 1280 px (the upper part of each page). Run after `npm start`:
 *   npx tsx scripts/site-screenshots.ts [output]     (default ./output)
 */
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const out = resolve(process.argv[2] ?? 'output');
const docs = resolve(import.meta.dirname, '..', 'docs', 'img');
const browser = await chromium.launch({
  executablePath: process.env.KPI_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox'],
});
try {
  const page = await (
    await browser.newContext({ offline: true, viewport: { width: 1280, height: 900 } })
  ).newPage();
  for (const [path, name] of [
    ['index.html', 'site-front'],
    ['kpi/neet_share.html', 'site-kpi'],
  ] as const) {
    await page.goto(`file://${join(out, 'public', 'site', path)}`);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.chart[data-spec]')].every(
        (c) => (c as HTMLElement).dataset.drawn === 'true',
      ),
    );
    await page.screenshot({
      path: join(docs, `${name}.png`),
      clip: { x: 0, y: 0, width: 1280, height: 1100 },
      fullPage: true,
    });
  }
} finally {
  await browser.close();
}
