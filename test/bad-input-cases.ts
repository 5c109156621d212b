/**
 * The bad-input matrix (test/bad-input.test.ts): one file per kind of malformed delivery, with the
 * status, counts, rule and message each must get. Shared with test/child-bundle.test.ts, which runs it
 * through both ways of starting the ingest worker.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { encodeWindows1252 } from '../pipelines/demo/generate.ts';
import { Db } from '../pipelines/duckdb.ts';
import type { InputFile } from '../schemas/outputs.ts';
import { tempDir } from './helpers.ts';

export const EMP = 'cpr;month;wage_hours;in_education';
export const row = (n: number, month: string, hours = '10', edu = 'nej') =>
  `${String(n).padStart(2, '0')}0394-12${String(n).padStart(2, '0')};${month};${hours};${edu}`;

export interface Case {
  file: string;
  content: () => string | Buffer | Promise<Buffer>;
  status: InputFile['status'];
  counts: [read: number, loaded: number, rejected: number];
  rule?: string;
  message?: string | RegExp;
}

async function xlsx(build: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Ark1'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// Each case is its own file; the persons (day of birth 01..31) keep their keys apart.
export const CASES: Case[] = [
  {
    file: 'employment/01_empty.csv',
    content: () => '',
    status: 'empty',
    counts: [0, 0, 0],
    message: /tom \(0 byte\)/,
  },
  {
    file: 'employment/02_header_only.csv',
    content: () => `${EMP}\n`,
    status: 'empty',
    counts: [0, 0, 0],
    message: /har en overskrift, men ingen rækker/,
  },
  {
    file: 'employment/03_binary.csv',
    content: () => Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00, 0x08, 0x00]),
    status: 'rejected',
    counts: [0, 0, 0],
    rule: 'binary_file',
    message: 'filen er binær (den indeholder NUL-byte)',
  },
  {
    file: 'employment/04_pipe_delimited.csv',
    content: () => `cpr|month|wage_hours|in_education\n${row(4, '2024-01').replace(/;/g, '|')}\n`,
    status: 'rejected',
    counts: [1, 0, 1],
    rule: 'missing_column',
    message: 'Overskriften ser ud til at bruge "|" som skilletegn',
  },
  {
    file: 'employment/05_mixed_encoding.csv',
    content: () =>
      Buffer.concat([
        Buffer.from(`${EMP}\n${row(5, '2024-01')}\n`, 'utf8'),
        Buffer.from('æ;ø\n', 'utf8'),
        Buffer.from([0xe6, 0x0a]),
      ]),
    status: 'rejected',
    counts: [0, 0, 0],
    rule: 'mixed_encoding',
    message: 'linje 4 har en byte, der ikke er gyldig UTF-8',
  },
  {
    file: 'employment/06_missing_column.csv',
    content: () => `cpr;month;in_education\n${row(6, '2024-01').replace(';10;', ';')}\n`,
    status: 'rejected',
    counts: [1, 0, 1],
    rule: 'missing_column',
    message:
      'den påkrævede kolonne wage_hours (eller loentimer, løntimer) mangler. Fundne overskrifter: cpr, month, in_education',
  },
  {
    file: 'employment/07_duplicate_key.csv',
    content: () => `${EMP}\n${row(7, '2024-01')}\n${row(7, '2024-01', '20')}\n`,
    status: 'loaded',
    counts: [2, 1, 1],
    rule: 'duplicate_key',
    message: 'står allerede på linje 2 i denne fil',
  },
  {
    file: 'sel85/08_dates.csv',
    content: () =>
      'cpr,decision_id,start_date,end_date,hours_per_week,target_group\n' +
      '080394-1208,D8a,1850-01-01,,2,psykiatri\n080394-1208,D8b,2024-03-01,2024-02-01,2,psykiatri\n080394-1208,D8c,31.04.2024,,2,psykiatri\n',
    status: 'loaded',
    counts: [3, 0, 3],
    rule: 'date_out_of_range',
  },
  {
    file: 'employment/09_negative_hours.csv',
    content: () => `${EMP}\n${row(9, '2024-01', '-1,5')}\n${row(9, '2024-02', '744,01')}\n`,
    status: 'loaded',
    counts: [2, 0, 2],
    rule: 'below_minimum',
  },
  {
    file: 'treatment/10_unknown_code.csv',
    content: () =>
      'cpr;forloeb_id;startdato;rusmiddel\n100394-1210;T10;01.02.2024;kaffe\n100394-1210;T10b;01.02.2024;ALKOHOL\n',
    status: 'loaded',
    counts: [2, 1, 1],
    rule: 'unknown_code',
    message: 'forventede én af: alkohol, stoffer, begge',
  },
  {
    // A formula in a data cell: the value Excel last computed is read, and the file is warned about.
    file: 'enrollment/11_formula.xlsx',
    content: () =>
      xlsx((ws) => {
        ws.addRow(['cpr', 'programme', 'enrolled_on']);
        ws.addRow(['110394-1211', 'jobfokus', new Date(Date.UTC(2026, 0, 5))]);
        ws.getCell('C3').value = {
          formula: 'C2+30',
          result: new Date(Date.UTC(2026, 1, 4)),
        } as ExcelJS.CellValue;
        ws.getCell('A3').value = '110394-1211';
        ws.getCell('B3').value = 'ungeloftet';
      }),
    status: 'loaded',
    counts: [2, 2, 0],
    message: '1 celle i datarækkerne indeholder en formel (den første er C3)',
  },
  {
    // A formula without a stored value (written by a program that never computed it) has nothing to read.
    file: 'enrollment/11b_formula_uncomputed.xlsx',
    content: () =>
      xlsx((ws) => {
        ws.addRow(['cpr', 'programme', 'enrolled_on']);
        ws.addRow(['120394-1212', 'jobfokus', new Date(Date.UTC(2026, 0, 5))]);
        ws.getCell('C3').value = { formula: 'C2+30' } as ExcelJS.CellValue;
        ws.getCell('A3').value = '120394-1212';
        ws.getCell('B3').value = 'ungeloftet';
      }),
    status: 'rejected',
    counts: [0, 0, 0],
    rule: 'xlsx_formula',
    message: 'cellen C3 indeholder en formel uden en gemt værdi',
  },
  {
    // =SUM(...) in a totals row below the data, then Excel's blank rows: skipped, not data.
    file: 'enrollment/11c_totals_formula.xlsx',
    content: () =>
      xlsx((ws) => {
        ws.addRow(['cpr', 'programme', 'enrolled_on', 'antal']);
        ws.addRow(['130394-1213', 'jobfokus', new Date(Date.UTC(2026, 0, 5)), 1]);
        ws.addRow(['140394-1214', 'jobfokus', new Date(Date.UTC(2026, 0, 6)), 1]);
        ws.addRow(['I alt', '', '', { formula: 'SUM(D2:D3)', result: 2 } as ExcelJS.CellValue]);
        ws.getCell('A6').value = '';
      }),
    status: 'loaded',
    counts: [3, 2, 0],
  },
  {
    file: 'enrollment/12_merged.xlsx',
    content: () =>
      xlsx((ws) => {
        ws.addRow(['cpr', 'programme', 'enrolled_on']);
        ws.addRow(['120394-1212', 'jobfokus', '2026-01-05']);
        ws.addRow(['120394-1212', '', '2026-02-05']);
        ws.mergeCells('B2:B3');
      }),
    status: 'rejected',
    counts: [0, 0, 0],
    rule: 'xlsx_merged_cells',
    message: 'flettede celler (B2:B3)',
  },
  {
    file: 'employment/13_truncated.csv.gz',
    content: () => gzipSync(`${EMP}\n${row(13, '2024-01')}\n${row(13, '2024-02')}\n`).subarray(0, 30),
    status: 'rejected',
    counts: [0, 0, 0],
    rule: 'unreadable_gzip',
    message: 'gzip-filen er afkortet eller beskadiget',
  },
  {
    file: 'employment/14_wrong_types.parquet',
    content: async () => {
      const db = await Db.open(':memory:');
      const f = join(await tempDir('kpi-pq-'), 'x.parquet');
      await db.run(`COPY (SELECT * FROM (VALUES ('140394-1214', 202401, 'ti', 'nej'), ('140394-1214', 202402, '12.5', 'nej'))
        v(cpr, month, wage_hours, in_education)) TO '${f}' (FORMAT parquet)`);
      db.close();
      return readFileSync(f);
    },
    status: 'loaded',
    counts: [2, 1, 1],
    rule: 'not_a_number',
  },
  {
    file: 'employment/15_mixed_line_endings.csv',
    content: () => `${EMP}\r\n${row(15, '2024-01')}\n${row(15, '2024-02')}\r\n${row(15, '2024-03')}\n`,
    status: 'loaded',
    counts: [3, 3, 0],
  },
  {
    file: 'tariffs/16_quoted_delimiter.csv',
    content: () =>
      'provider_id;provider_name;ownership;service;year;rate\nP16;"Hus; Have ""Øst""";privat;§85;2024;1.200,50\n',
    status: 'loaded',
    counts: [1, 1, 0],
  },
  {
    file: 'employment/17_header_repeated.csv',
    content: () => `${EMP}\n${row(17, '2024-01')}\n${EMP}\n${row(17, '2024-02')}\n`,
    status: 'loaded',
    counts: [3, 2, 1],
    rule: 'repeated_header',
  },
  {
    file: 'employment/18_stray_cp1252_byte.csv',
    content: () =>
      Buffer.concat([
        Buffer.from(`${EMP}\n${row(18, '2024-01')}\n# Søren\n`, 'utf8'),
        encodeWindows1252('Løntimer\n'),
      ]),
    status: 'rejected',
    counts: [0, 0, 0],
    rule: 'mixed_encoding',
  },
  {
    file: 'employment/19_old_excel.xls',
    content: () => Buffer.from('not really'),
    status: 'rejected',
    counts: [0, 0, 0],
    rule: 'unsupported_format',
    message: 'gem den som .xlsx (Excel-projektmappe)',
  },
  {
    file: 'employment/20_column_counts.csv',
    content: () =>
      `${EMP}\n${row(20, '2024-01')};ekstra\n${row(20, '2024-02').split(';').slice(0, 3).join(';')}\n${row(20, '2024-03')}\n`,
    status: 'loaded',
    counts: [3, 1, 2],
    rule: 'too_many_columns',
    message: 'flere værdier, end overskriften har kolonner',
  },
  {
    file: 'employment/21_unterminated_quote.csv',
    content: () =>
      `${EMP}\n${row(21, '2024-01')}\n${row(21, '2024-02').replace(';10;', ';"10;')}\n${row(21, '2024-03')}\n`,
    status: 'loaded',
    counts: [2, 1, 1],
    rule: 'unquoted_value',
    message: 'åbner en værdi, men lukker den aldrig; resten af filen blev læst som denne ene værdi',
  },
  {
    file: 'employment/22_empty_rows.csv',
    content: () => `${EMP}\n${row(22, '2024-01')}\n;;;\n\n${row(22, '2024-02')}\n`,
    status: 'loaded',
    counts: [3, 2, 1],
    rule: 'empty_row',
  },
  {
    file: 'employment/23_bad_cprs.csv',
    content: () =>
      `${EMP}\n320194-1223;2024-01;10;nej\n2301941;2024-01;10;nej\n290201-4223;2024-01;10;nej\n290200-4223;2024-01;10;nej\n`,
    status: 'loaded',
    counts: [4, 1, 3],
    rule: 'cpr_date',
  },
  {
    file: 'employment/24_bad_months.csv',
    // YYYYMM is read as a number: a month 13 or 00, or six characters DuckDB reads as a small number
    // (hexadecimal, digit separators), must be rejected as the text is.
    content: () =>
      `${EMP}\n${['2024-13', '24-01', '202402', '202413', '202400', '0x7E81', '20_241'].map((m) => row(24, m)).join('\n')}\n`,
    status: 'loaded',
    counts: [7, 1, 6],
    rule: 'month_format',
  },
  {
    file: 'employment/25_booleans.csv',
    content: () =>
      `${EMP}\n${row(25, '2024-01', '0', 'X')}\n${row(25, '2024-02', '0', 'måske')}\n${row(25, '2024-03', '0', '')}\n`,
    status: 'loaded',
    counts: [3, 2, 1],
    rule: 'not_a_boolean',
  },
  {
    file: 'survey_answers/26_no_response_row.csv',
    content: () =>
      'survey,wave,respondent_id,question_id,answer\nkl_borger,2025-1,R26,samlet_tilfredshed,4\nkl_borger,2025-1,R26,andet,9\n',
    status: 'loaded',
    counts: [2, 0, 2],
    rule: 'no_matching_survey_responses',
  },
  {
    file: 'occupancy/27_over_capacity.csv',
    // February 2023 has 28 days: 290 > 10 × 28. March: 310 = 10 × 31 is full, not over. 0 places is not a place.
    content: () => 'facility,month,places,occupied_days\nA,2023-02,10,290\nA,2024-03,10,310\nB,2024-03,0,0\n',
    status: 'loaded',
    counts: [3, 1, 2],
    rule: 'occupied_days_above_capacity',
  },
  {
    file: 'employment/28_bom_quoted_headers_crlf.csv',
    content: () => `\uFEFF"CPRNR";"Måned";"Løntimer";"Uddannelse"\r\n${row(28, '2024-01')}\r\n`,
    status: 'loaded',
    counts: [1, 1, 0],
  },
  {
    file: 'employment/29_duplicate_of_15.csv',
    content: () => `${EMP}\r\n${row(15, '2024-01')}\n${row(15, '2024-02')}\r\n${row(15, '2024-03')}\n`,
    status: 'duplicate',
    counts: [0, 0, 0],
    message: 'samme indhold (sha256) som employment/15_mixed_line_endings.csv',
  },
  {
    file: 'employment/30_utf16.csv',
    content: () =>
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(`${EMP}\r\n${row(30, '2024-01')}\r\n`, 'utf16le'),
      ]),
    status: 'loaded',
    counts: [1, 1, 0],
  },
  {
    // A repeated header is recognised whatever its case.
    file: 'employment/31_header_repeated_in_capitals.csv',
    content: () => `${EMP}\n${row(31, '2024-01')}\n${EMP.toUpperCase()}\n${row(31, '2024-02')}\n`,
    status: 'loaded',
    counts: [3, 2, 1],
    rule: 'repeated_header',
  },
];

/** Every case's file, written into `inbox`. */
export async function writeBadInbox(inbox: string): Promise<void> {
  for (const c of CASES) {
    mkdirSync(join(inbox, c.file, '..'), { recursive: true });
    writeFileSync(join(inbox, c.file), await c.content());
  }
}
