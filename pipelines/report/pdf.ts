/**
 * The reports as PDF (docs/outputs.md), for the committee's agenda: each rendered report printed by
 * headless Chromium to A4, with the municipality, the date and the page number in the footer, after
 * every chart is drawn. Chromium is looked for only when PDFs are asked for: the nightly run without
 * them never needs it.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { t } from '../i18n/index.ts';
import { escapeHtml } from './html.ts';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** KPI_CHROMIUM when it is set (and must then exist), else the first of chromium, chromium-browser, google-chrome on PATH. */
export function findChromium(env: NodeJS.ProcessEnv): string | undefined {
  if (env.KPI_CHROMIUM) return executable(env.KPI_CHROMIUM) ? env.KPI_CHROMIUM : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) if (executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** Prints each HTML report to its PDF. */
export async function printPdfs(
  reports: { html: string; pdf: string }[],
  chromiumPath: string,
  footer: { municipality: string; asOf: string },
): Promise<void> {
  if (reports.length === 0) return;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox'],
  });
  try {
    for (const r of reports) {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(r.html).href);
      // vega-embed draws asynchronously: every chart has its SVG before the page is printed.
      await page.waitForFunction(
        () => [...document.querySelectorAll('.chart')].every((c) => c.querySelector('svg')),
        undefined,
        { timeout: 60_000 },
      );
      await page.emulateMedia({ media: 'print' });
      // Tagged (a structure tree: headings, tables, figures with their alternatives), as documents a
      // public body publishes must be (webtilgængelighedsloven, WCAG 2.1 AA); the CSS's @page rules
      // choose A4 and landscape pages for wide tables.
      await page.pdf({
        path: r.pdf,
        format: 'A4',
        preferCSSPageSize: true,
        tagged: true,
        outline: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 8px; color: #555; width: 100%; padding: 0 12mm; display: flex; justify-content: space-between;"><span>${escapeHtml(footer.municipality)} · ${escapeHtml(t('pdf.asOf', { asOf: footer.asOf }))}</span><span>${escapeHtml(t('pdf.page'))} <span class="pageNumber"></span> ${escapeHtml(t('pdf.of'))} <span class="totalPages"></span></span></div>`,
        margin: { top: '14mm', bottom: '18mm', left: '12mm', right: '12mm' },
      });
      await page.close();
    }
  } finally {
    await browser.close();
  }
}
