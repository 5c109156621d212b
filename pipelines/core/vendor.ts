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

/** The libraries' files on disk, by their file names (the site copies them once into its assets). */
export function vendorFiles(): [string, string][] {
  return FILES.map(([pkg, path]) => [path.split('/').at(-1)!, join(packageDir(pkg), path)]);
}

/** A package's folder: its "exports" hide its UMD builds, so it is found from its entry point. */
function packageDir(pkg: string): string {
  const entry = require.resolve(pkg);
  const marker = `node_modules${sep}${pkg}${sep}`;
  return entry.slice(0, entry.lastIndexOf(marker) + marker.length);
}

/** The libraries' code, as their packages ship it. */
export function vendorCode(): Promise<string[]> {
  code ??= Promise.all(FILES.map(([pkg, path]) => readFile(join(packageDir(pkg), path), 'utf8')));
  return code;
}

/** A script element's text for code inlined in HTML (a `</script` inside would end the element). */
export function inlineScript(c: string): string {
  return c.replace(/<\/script/gi, '<\\/script');
}
