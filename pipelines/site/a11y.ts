/**
 * What the site's accessibility statement (tilgængelighedserklæring) says is checked: the same list the
 * site tests assert (test/site.test.ts), so the statement never claims a check no test makes.
 * Webtilgængelighedsloven (lov nr. 692 af 8. juni 2018) requires the statement of public bodies' sites.
 */
import type { MessageKey } from '../i18n/index.ts';

/**
 * Each check, by its catalogue key. test/site.test.ts makes them: axe-core's WCAG 2.1 A/AA rules on
 * every page (language, image alternatives, table headers, focusable scroll regions), the offline
 * crawl, and a series switched from the keyboard; test/report.test.ts checks the charts' alternatives'
 * words and the Danish quotations' language.
 */
export const A11Y_CHECKS: MessageKey[] = [
  'site.a11y.check.axe',
  'site.a11y.check.lang',
  'site.a11y.check.alt',
  'site.a11y.check.keyboard',
  'site.a11y.check.tables',
  'site.a11y.check.offline',
];

/** What is known not to meet the standard fully, and what stands in for it. */
export const A11Y_LIMITS: MessageKey[] = ['site.a11y.limit.tooltips', 'site.a11y.limit.pdf'];
