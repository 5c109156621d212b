/** The quarantine: rejects files in the Danish Excel dialect, and the warnings that point to them. */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { InputFile, Warning } from '../../schemas/outputs.ts';
import { neutralise, neutraliseSql } from '../core/csv.ts';
import { quoteIdent, sqlString } from '../core/sql.ts';
import type { Db } from '../duckdb.ts';
import { num, plural, t } from '../i18n/index.ts';

export const QUARANTINE_COLUMNS = 'line, "column", rule, message, value';

/** The warning for a file in which CPR numbers were masked (its values, headers or name). */
export function cprMaskedWarnings(input: InputFile): Warning[] {
  if (!input.cprMasked) return [];
  return [
    {
      code: 'cpr_masked',
      message: t('ingest.cprMasked', { file: input.file, n: num(input.cprMasked) }),
      extract: input.extract,
      file: input.file,
    },
  ];
}

/** The warning for a file whose CPR column was stored as numbers, read with the lost leading 0 put back. */
export function cprPaddedWarnings(input: InputFile): Warning[] {
  if (!input.cprPadded) return [];
  return [
    {
      code: 'cpr_padded',
      message: t('ingest.cprPadded', { file: input.file, rows: plural(input.cprPadded, 'row') }),
      extract: input.extract,
      file: input.file,
    },
  ];
}

/** The warning for a workbook whose data cells hold formulas, read as their cached values (formulas.ts). */
export function formulaWarnings(input: InputFile): Warning[] {
  if (!input.formulaValues) return [];
  const { cells, first } = input.formulaValues;
  return [
    {
      code: 'xlsx_formula_values',
      message: t('ingest.xlsxFormulaCached', { file: input.file, cells: plural(cells, 'cell'), first }),
      extract: input.extract,
      file: input.file,
    },
  ];
}

/** What a loaded file's counts say besides its quarantine: masked and padded CPRs, formula values. */
export function fileNotes(input: InputFile): Warning[] {
  return [...cprMaskedWarnings(input), ...cprPaddedWarnings(input), ...formulaWarnings(input)];
}

/** The manifest warning for a file with quarantined rows, or with a header and no rows. */
export function quarantineWarnings(
  rel: string,
  extract: string,
  input: InputFile,
  rules: Record<string, number>,
): Warning[] {
  if (input.rowsRejected > 0) {
    const parts = Object.entries(rules).map(([rule, n]) => `${rule}: ${n}`);
    return [
      {
        code: 'rows_quarantined',
        message: t('ingest.rowsQuarantined', {
          file: rel,
          rejected: num(input.rowsRejected),
          read: num(input.rowsRead),
          rules: parts.join(', '),
        }),
        extract,
        file: rel,
      },
    ];
  }
  if (input.rowsRead === 0) {
    return [{ code: 'empty_file', message: t('ingest.headerOnly', { file: rel }), extract, file: rel }];
  }
  return [];
}

/** A file that is rejected whole still gets a rejects file that says why (docs/inbox.md). */
export async function writeFileReject(
  dir: string | undefined,
  rel: string,
  rule: string,
  message: string,
): Promise<void> {
  if (!dir) return;
  const target = join(dir, `${rel}.rejects.csv`);
  await mkdir(dirname(target), { recursive: true });
  const q = (s: string) => `"${neutralise(s).replace(/"/g, '""')}"`;
  await writeFile(target, `\uFEFF${rejectsHeader().join(';')}\n;;${q(rule)};${q(message)};\n`, 'utf8');
}

/** The columns of a rejects file in the user's language: linje;kolonne;regel;besked;værdi. */
function rejectsHeader(): string[] {
  return (['line', 'column', 'rule', 'message', 'value'] as const).map((c) => t(`quarantine.${c}`));
}

/**
 * A rejects file in the Danish Excel dialect, as kpis.csv: `;`, UTF-8 with a BOM, headers in the
 * user's language. DuckDB writes the rows; the BOM is put in front as the file is copied into place.
 */
export async function writeRejects(db: Db, source: string, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const header = rejectsHeader();
  // A delivered value or header may start like a formula: neutralised (core/csv.ts).
  const cols = ['line', 'column', 'rule', 'message', 'value'].map(
    (c, i) => `${c === 'line' ? quoteIdent(c) : neutraliseSql(quoteIdent(c))} AS ${quoteIdent(header[i]!)}`,
  );
  const tmp = `${target}.tmp`;
  await db.run(`COPY (SELECT ${cols.join(', ')} FROM ${source} ORDER BY line, "column", rule)
    TO ${sqlString(tmp)} (HEADER, DELIMITER ';', QUOTE '"')`);
  await pipeline(async function* () {
    yield Buffer.from('\uFEFF', 'utf8');
    yield* createReadStream(tmp);
  }, createWriteStream(target));
  await rm(tmp, { force: true });
}
