/**
 * The page shell both sites share: one stylesheet and one script in assets/, a skip link, the
 * navigation as a landmark, the publication banner, and the language of the page (WCAG 2.1 AA, which
 * Danish public bodies must meet: webtilgængelighedsloven).
 */
import { lang, t } from '../i18n/index.ts';
import { escapeHtml } from '../report/html.ts';

export interface NavItem {
  href: string;
  label: string;
}

export interface Shell {
  /** The page's path from the site's root (`kpi/neet_share.html`), so links to assets/ resolve. */
  path: string;
  title: string;
  /** The site's name in the header (the municipality's, and for the restricted site: Fortroligt). */
  siteName: string;
  nav: NavItem[];
  /** The banner under the header: data as of, published, and (public) replaced by. */
  banner: string;
  body: string;
  /** Extra scripts from assets/, loaded after site.js. */
  scripts?: string[];
  /** Inline JSON the page's script reads (already disclosure-controlled), by element id. */
  data?: Record<string, unknown>;
  /** The words of the notice a later publication adds to the banner ({published}, {asOf}, {runId}). */
  superseded?: string;
  /** The accessibility statement, from the site's root (the restricted site links the public one's). */
  statement?: string;
}

/** The relative way back to the site's root from a page at `path`. */
export function rootOf(path: string): string {
  const depth = path.split('/').length - 1;
  return depth === 0 ? '' : '../'.repeat(depth);
}

/** JSON inside a script element: `<` escaped so no value can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function page(p: Shell): string {
  const root = rootOf(p.path);
  const nav = p.nav
    .map((n) => {
      const current = n.href === p.path ? ' aria-current="page"' : '';
      return `<li><a href="${root}${n.href}"${current}>${escapeHtml(n.label)}</a></li>`;
    })
    .join('');
  const data = Object.entries(p.data ?? {})
    .map(([id, v]) => `<script type="application/json" id="${id}">${scriptJson(v)}</script>`)
    .join('\n');
  // The libraries and the page's data first: site.js draws with them.
  const scripts = [...(p.scripts ?? []), 'site.js']
    .map((s) => `<script src="${root}assets/${s}"></script>`)
    .join('\n');
  return `<!doctype html>
<html lang="${lang()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.title)} · ${escapeHtml(p.siteName)}</title>
<link rel="stylesheet" href="${root}assets/site.css">
</head>
<body>
<a class="skip" href="#main">${escapeHtml(t('site.skip'))}</a>
<header class="top"><p class="site-name"><a href="${root}index.html">${escapeHtml(p.siteName)}</a></p>
<nav aria-label="${escapeHtml(t('site.nav'))}"><ul>${nav}</ul></nav></header>
<div class="banner" id="publication"${p.superseded ? ` data-superseded="${escapeHtml(p.superseded)}"` : ''}>${p.banner}</div>
<main id="main" tabindex="-1">
<h1>${escapeHtml(p.title)}</h1>
${p.body}
</main>
<footer class="bottom"><p>${escapeHtml(t('site.footer'))} <a href="${root}${p.statement ?? 'accessibility.html'}">${escapeHtml(t('site.a11y.title'))}</a></p></footer>
${data}
${scripts}
</body>
</html>
`;
}
