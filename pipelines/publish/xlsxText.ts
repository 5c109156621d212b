/**
 * A workbook's text as the privacy gate reads it (publish/gate.ts): every cell of every sheet (shared
 * and inline strings, numbers, formulas and their cached values) with its sheet's name, and the text of
 * every other part (sheet names, headers and footers, comments, the document's properties). Read from
 * the zip's XML directly (ECMA-376 part 1, 18.3 and 18.4): what any reader of the file could find.
 */
import { zipEntries } from '../core/zip.ts';

export interface SheetText {
  text: string;
  /** The sheet the cell is on; none for the other parts. */
  sheet?: string;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(Number(e[1] === 'x' || e[1] === 'X' ? `0${e.slice(1)}` : e.slice(1)));
    return ENTITY[e] ?? m;
  });
}

/** The text nodes of an XML fragment, one per line: two cells never run together into one number. */
function textNodes(xml: string): string {
  return decode(xml.replace(/<[^>]*>/g, '\n'))
    .replace(/\n+/g, '\n')
    .trim();
}

/** The worksheets' parts, by path in the zip, to their names (workbook.xml and its relationships). */
function sheetNames(parts: Map<string, string>): Map<string, string> {
  const targets = new Map<string, string>();
  for (const r of (parts.get('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(r[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(r[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const s of (parts.get('xl/workbook.xml') ?? '').matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(s[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(s[0])?.[1];
    const path = id && targets.get(id);
    if (name !== undefined && path) names.set(path, decode(name));
  }
  return names;
}

/** A string item (a shared string, an inline string): its runs' text, joined as Excel shows it. */
function stringItem(xml: string): string {
  return decode([...xml.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join(''));
}

/** Each cell of a sheet's data: its value as text (a shared string looked up), and its formula. */
function cellTexts(sheetData: string, shared: string[], sheet: string, out: SheetText[]): void {
  for (const c of sheetData.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const type = /\bt="(\w+)"/.exec(c[1]!)?.[1];
    const body = c[2] ?? '';
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    const value =
      type === 's' ? (shared[Number(v)] ?? '') : type === 'inlineStr' ? stringItem(body) : decode(v ?? '');
    if (value !== '') out.push({ text: value, sheet });
    const formula = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(body)?.[1];
    if (formula) out.push({ text: decode(formula), sheet });
  }
}

export function xlsxTexts(file: Buffer): SheetText[] {
  const parts = new Map(zipEntries(file).map((e) => [e.name, e.data.toString('utf8')]));
  const shared = [...(parts.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    stringItem(m[1]!),
  );
  const sheets = sheetNames(parts);
  const out: SheetText[] = [];
  for (const [path, xml] of parts) {
    const sheet = sheets.get(path);
    if (sheet === undefined) {
      // Shared strings are read through the cells that use them (and so with their sheet's name).
      if (path !== 'xl/sharedStrings.xml' && /\.(xml|rels)$/.test(path)) out.push({ text: textNodes(xml) });
      continue;
    }
    out.push({ text: sheet });
    const data = /<sheetData\b[\s\S]*?<\/sheetData>/.exec(xml)?.[0] ?? '';
    out.push({ text: textNodes(xml.replace(data, '')) });
    cellTexts(data, shared, sheet, out);
  }
  return out;
}
