/**
 * The chart libraries every report and page carries (vega, vega-lite and vega-embed, from
 * node_modules), so a report works offline, on an intranet, or printed. The privacy gate knows them
 * too: their code is the libraries', not data, and it holds numbers that look like a CPR.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';

const require = createRequire(import.meta.url);

/** The libraries' files, by package, in the order a page loads them. */
const FILES: [string, string][] = [
  ['vega', 'build/vega.min.js'],
  ['vega-lite', 'build/vega-lite.min.js'],
  ['vega-embed', 'build/vega-embed.min.js'],
];

let code: Promise<string[]> | undefined;

/** The libraries' code, as their packages ship it. */
export function vendorCode(): Promise<string[]> {
  code ??= Promise.all(
    FILES.map(([pkg, path]) => {
      // The packages' "exports" hide their UMD builds; find each package's folder from its entry point.
      const entry = require.resolve(pkg);
      const marker = `node_modules${sep}${pkg}${sep}`;
      return readFile(join(entry.slice(0, entry.lastIndexOf(marker) + marker.length), path), 'utf8');
    }),
  );
  return code;
}

/** A script element's text for code inlined in HTML (a `</script` inside would end the element). */
export function inlineScript(c: string): string {
  return c.replace(/<\/script/gi, '<\\/script');
}
