/**
 * The byte scan reads files in 1 MiB chunks and takes a shortcut for chunks without quotes, carriage
 * returns or blank lines. Blank lines placed on and around the chunk borders must be found exactly
 * where a line-by-line reading of the same text finds them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { blankLines, crToLf, DEFAULT_LIMITS, rewriteAsUtf8, sniffText } from '../pipelines/ingest/sniff.ts';
import { tempDir } from './helpers.ts';

const MiB = 1 << 20;

/** What the scan must report, from the text split into lines. */
function expected(text: string) {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const blank: number[] = [];
  let data = 0;
  lines.forEach((l, i) => {
    if (i === 0) return;
    if (/^[ \t\r]*$/.test(l)) blank.push(i + 1);
    else data++;
  });
  return { blank, data };
}

/** A file with data lines up to each chunk border and a given piece of text placed on it (ASCII). */
function build(pieces: { at: number; text: string }[], eol = '\n'): string {
  const parts = [`cpr;month;wage_hours${eol}`];
  let length = parts[0]!.length;
  let n = 0;
  const add = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const row = () => `${String(100000 + (n++ % 900000))}-1234;2024-01;${n % 744},5${eol}`;
  for (const { at, text } of pieces) {
    // Data lines until `at` is near, then one line padded to end exactly at `at`.
    while (length + 60 < at) add(row());
    add(`${'9'.repeat(Math.max(1, at - length - eol.length))}${eol}`);
    add(text);
  }
  for (let i = 0; i < 50; i++) add(row());
  return parts.join('');
}

describe('the byte scan across chunk borders', () => {
  // name, blank lines in the file, the pieces, the line ending
  const cases: [string, number, { at: number; text: string }[], string?][] = [
    ['an empty line starting a chunk', 1, [{ at: MiB, text: '\n' }]],
    ['a line of spaces starting a chunk', 1, [{ at: MiB, text: '  \n' }]],
    ['a tab line just before a chunk ends', 1, [{ at: MiB - 2, text: '\t\n' }]],
    ['an empty line as the last byte of a chunk', 1, [{ at: MiB - 1, text: '\n' }]],
    ['a line of spaces across the border', 1, [{ at: MiB - 2, text: '     \n' }]],
    ['a data line starting with a space on the border', 0, [{ at: MiB, text: ' 010101-1234;2024-02;1\n' }]],
    [
      'blank lines on three borders and between them',
      5,
      [
        { at: MiB, text: '\n\n' },
        { at: 2 * MiB - 1, text: ' \n' },
        { at: 2 * MiB + 500, text: '\t \n' },
        { at: 3 * MiB, text: '\n' },
      ],
    ],
    ['CRLF line endings with a blank line on the border', 1, [{ at: MiB, text: '\r\n' }], '\r\n'],
  ];
  for (const [name, blanks, pieces, eol] of cases) {
    it(name, async () => {
      const text = build(pieces, eol);
      const path = join(await tempDir('kpi-sniff-'), 'e.csv');
      writeFileSync(path, text);
      const s = await sniffText(path, false);
      const want = expected(text);
      expect(want.blank.length).toBe(blanks);
      expect({ blank: s.blankLines, data: s.dataLines, mixed: s.mixedLineEndings }).toEqual({
        blank: want.blank,
        data: want.data,
        mixed: false,
      });
    });
  }

  it('counts a file whose last line has no line break', async () => {
    const text = build([{ at: MiB, text: '\n' }]).replace(/\n$/, '');
    const path = join(await tempDir('kpi-sniff-'), 'e.csv');
    writeFileSync(path, text);
    const s = await sniffText(path, false);
    const want = expected(text);
    expect([s.blankLines, s.dataLines]).toEqual([want.blank, want.data]);
  });
});

describe('a .csv.gz that ends early', () => {
  it('is rejected as unreadable by every rewrite that unzips it, never a failed night', async () => {
    // Found by test/fuzz.test.ts: a truncated file whose long lines were blanked crashed the ingest.
    const dir = await tempDir('kpi-gz-');
    const file = join(dir, 'e.csv.gz');
    const text = Array.from({ length: 3000 }, (_, i) => `${i};${(i * 7919) % 10007}\r\n`).join('');
    const gz = gzipSync(Buffer.from(text));
    writeFileSync(file, gz.subarray(0, gz.length >> 1));
    const target = join(dir, 'out.csv');
    const rejected = { rule: 'unreadable_gzip' };
    await expect(blankLines(file, true, target, [2])).rejects.toMatchObject(rejected);
    await expect(crToLf(file, true, target, DEFAULT_LIMITS)).rejects.toMatchObject(rejected);
    await expect(rewriteAsUtf8(file, true, target, 'windows-1252')).rejects.toMatchObject(rejected);
  });
});
