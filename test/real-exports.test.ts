/**
 * Files the way Danish systems and Excel really export them (issue: never publish a wrong number
 * silently): headers spelt `CPR-nr.` and `På ydelse`, Excel's `sep=;` line, title rows above the header
 * in a CSV and in a workbook, a totals row `I alt` at the end, files in sub-folders, a correction file
 * whose name sorts first, programme codes spelt `Ungeløftet`, and numbers that do not fit. Every person
 * row loads, and every skipped row is counted: rows read = loaded + rejected + skipped.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeWindows1252 } from '../pipelines/demo/generate.ts';
import { deliveryOrder } from '../pipelines/ingest/discover.ts';
import type { InputFile, Manifest } from '../schemas/outputs.ts';
import { cli, lollandFile, tempDir, warehouseRows } from './helpers.ts';

function write(path: string, content: string | Buffer): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

/** Synthetic CPR numbers: born 1 January 20YY (digit 7 = 4: the 2000s), serial 4SSS. */
const cpr = (yy: number, serial: number) =>
  `0101${String(yy).padStart(2, '0')}-4${String(serial).padStart(3, '0')}`;

async function titledWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Ark1');
  ws.getCell('A1').value = 'Beskæftigelse 2024 – udtræk til KPI';
  ws.mergeCells('A1:D1'); // a merged title above the header is decoration, not data
  // row 2 is empty
  ws.getRow(3).values = ['Cpr nr', 'Maaned', 'Loentimer', 'I uddannelse'];
  ws.getRow(4).values = [cpr(5, 11), '2024-03', 12.5, 'nej'];
  ws.getRow(5).values = [cpr(5, 12), '2024-03', 0, 'ja'];
  ws.getRow(6).values = ['Total', '', 12.5, ''];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('real exports, in one run', () => {
  let manifest: Manifest;
  let out: string;
  let code: number;
  let stdout: string;
  const file = (name: string): InputFile => {
    const f = manifest.inputs.find((i) => i.file === name);
    if (!f) throw new Error(`${name} is not in the manifest`);
    return f;
  };
  const counts = (f: InputFile) => [f.rowsRead, f.rowsLoaded, f.rowsRejected, f.rowsSkipped];

  beforeAll(async () => {
    const inbox = await tempDir('kpi-real-');
    // Excel's "CSV (semikolonsepareret)" with its sep= line, a title, a blank line, Danish headers with
    // punctuation, Windows-1252, CRLF, and a totals row.
    write(
      join(inbox, 'employment', 'eindkomst_excel.csv'),
      encodeWindows1252(
        [
          'sep=;',
          'Udtræk fra eIndkomst – Lolland Kommune;;;',
          ';;;',
          'CPR-nr.;Måned;Løntimer;Uddannelse',
          `${cpr(5, 1)};2024-01;37,5;nej`,
          `${cpr(5, 2)};2024-01;0;ja`,
          `${cpr(5, 3)};2024-01;120,25;nej`,
          'I alt;;157,75;',
          '',
        ].join('\r\n'),
      ),
    );
    write(join(inbox, 'employment', 'eindkomst_titel.xlsx'), await titledWorkbook());
    // A file in a sub-folder of the extract's folder, with yet another spelling of the headers.
    write(
      join(inbox, 'employment', '2024', 'eindkomst_2024-05.csv'),
      `cpr_nr,maaned,loentimer,i_uddannelse\n${cpr(5, 1)},2024-05,40,nej\n`,
    );
    // A correction whose name sorts before the regular delivery it corrects: it still wins.
    write(
      join(inbox, 'employment', 'a_rettelse_2024-06.csv'),
      `CPRNR;Måned;Løntimer;Uddannelse\n${cpr(5, 2)};2024-06;86,0;nej\n`,
    );
    write(
      join(inbox, 'employment', 'b_eindkomst_2024-06.csv'),
      `CPRNR;Måned;Løntimer;Uddannelse\n${cpr(5, 2)};2024-06;0;nej\n${cpr(5, 3)};2024-06;10;nej\n`,
    );
    // Ungedatabasen's headers as a person types them: spaces, capitals, å.
    write(
      join(inbox, 'neet', 'unge.csv'),
      `CPRNR;Måned;I job;I uddannelse;På ydelse\n${cpr(5, 1)};2024-01;nej;nej;ja\n${cpr(5, 2)};2024-01;nej;nej;nej\n`,
    );
    // The programme as the ministry writes it, and a typo that must not vanish silently.
    write(
      join(inbox, 'enrollment', 'projekter.csv'),
      [
        'CPRNR;Projekt;Visiteret',
        `${cpr(5, 1)};Ungeløftet;2025-09-01`,
        `${cpr(5, 2)};UNGELØFTET;2025-09-01`,
        `${cpr(5, 3)};ungeloeftet;2025-09-01`,
        `${cpr(5, 11)};ungeloftet;2025-09-01`,
        `${cpr(5, 12)};ungelftet;2025-09-01`,
        '',
      ].join('\n'),
    );
    // One absurd count and one implausible one: each rejects its own row only.
    write(
      join(inbox, 'cafe', 'cafe.csv'),
      [
        'dato;henvendelser;kanal',
        '2024-01-02;7;Fremmøde',
        '2024-01-03;99999999999999999999;telefon',
        '2024-01-04;12345678901;telefon',
        '2024-01-05;3;TELEFON',
        '',
      ].join('\n'),
    );
    write(join(inbox, 'eindkomst_forkert_sted.csv'), 'cpr;month\n');
    out = await tempDir('kpi-real-out-');
    ({ code, stdout } = await cli([
      'run',
      '--inbox',
      inbox,
      '--out',
      out,
      '--as-of',
      '2024-12-01',
      '--config',
      await lollandFile(),
    ]));
    manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
  });

  it('publishes (nothing is rejected whole, nothing held back) and accounts for every row', () => {
    expect(code, stdout).toBe(0);
    expect(manifest.inputs.filter((i) => i.status !== 'loaded')).toEqual([]);
    for (const f of manifest.inputs) expect(f.rowsRead).toBe(f.rowsLoaded + f.rowsRejected + f.rowsSkipped);
    expect(manifest.checks.find((c) => c.name === 'rows_accounted')?.ok).toBe(true);
  });

  it("reads Excel's sep= line, a title row, CPR-nr. headers and skips the I alt row", async () => {
    const f = file('employment/eindkomst_excel.csv');
    // 3 persons loaded; the sep= line, the title row and the totals row skipped (the ;;; line is blank).
    expect(counts(f)).toEqual([6, 3, 0, 3]);
    expect([f.headerLine, f.delimiter, f.encoding, f.decimal]).toEqual([4, ';', 'windows-1252', ',']);
    expect(
      await warehouseRows(
        out,
        "SELECT _line, wage_hours::DOUBLE AS h FROM staging.employment WHERE _file = 'employment/eindkomst_excel.csv' ORDER BY _line",
      ),
    ).toEqual([
      { _line: 5, h: 37.5 },
      { _line: 6, h: 0 },
      { _line: 7, h: 120.25 },
    ]);
  });

  it('finds the header below a merged title in a workbook, and skips its Total row', () => {
    const f = file('employment/eindkomst_titel.xlsx');
    expect(counts(f)).toEqual([4, 2, 0, 2]);
    expect(f.headerLine).toBe(3);
  });

  it('reads a file in a sub-folder of the extract', () => {
    expect(counts(file('employment/2024/eindkomst_2024-05.csv'))).toEqual([1, 1, 0, 0]);
  });

  it('lets a correction win over a regular delivery whose name sorts later, and says so in the manifest', async () => {
    expect(deliveryOrder(['b_eindkomst_2024-06.csv', 'a_rettelse_2024-06.csv', '2024/x.csv'])).toEqual([
      '2024/x.csv',
      'b_eindkomst_2024-06.csv',
      'a_rettelse_2024-06.csv',
    ]);
    expect(
      await warehouseRows(
        out,
        "SELECT wage_hours::DOUBLE AS h, _file FROM staging.employment WHERE month = DATE '2024-06-01' ORDER BY h",
      ),
    ).toEqual([
      { h: 10, _file: 'employment/b_eindkomst_2024-06.csv' },
      { h: 86, _file: 'employment/a_rettelse_2024-06.csv' },
    ]);
    expect(manifest.overrides).toEqual([
      {
        extract: 'employment',
        file: 'employment/a_rettelse_2024-06.csv',
        overrode: 'employment/b_eindkomst_2024-06.csv',
        keys: 1,
      },
    ]);
  });

  it('folds På ydelse and I job to their columns', async () => {
    expect(counts(file('neet/unge.csv'))).toEqual([2, 2, 0, 0]);
    expect(
      await warehouseRows(out, 'SELECT in_job, on_benefit FROM staging.neet ORDER BY on_benefit'),
    ).toEqual([
      { in_job: false, on_benefit: false },
      { in_job: false, on_benefit: true },
    ]);
  });

  it('counts Ungeløftet, UNGELØFTET and ungeloeftet as ungeloftet, and warns about a near miss', async () => {
    expect(
      await warehouseRows(
        out,
        'SELECT programme, count(*)::INTEGER AS n FROM staging.enrollment GROUP BY ALL ORDER BY programme',
      ),
    ).toEqual([
      { programme: 'ungelftet', n: 1 },
      { programme: 'ungeloftet', n: 4 },
    ]);
    const unknown = manifest.warnings.filter((w) => w.code === 'unknown_code');
    expect(unknown.map((w) => w.message)).toEqual([
      'enrollment.programme: 1 række har værdien "ungelftet", som ikke er en kendt værdi (kendte: jobfokus, ungeloftet). Mente du "ungeloftet"? Rækkerne tælles ikke med i gruppen for kontrakten ungeloftet. Er værdien rigtig, så føj den til knownCodes."enrollment.programme" i konfigurationen.',
    ]);
    expect(
      await warehouseRows(
        out,
        "SELECT count(*)::INTEGER AS n FROM marts.programme_participant WHERE programme = 'ungeloftet'",
      ),
    ).toEqual([{ n: 4 }]);
  });

  it('rejects only the row with a 20-digit count, and quarantines an implausible count with its bound', () => {
    const f = file('cafe/cafe.csv');
    expect(counts(f)).toEqual([4, 2, 2, 0]);
    const rejects = readFileSync(
      join(out, 'restricted', 'quarantine', 'cafe', 'cafe.csv.rejects.csv'),
      'utf8',
    )
      .trimEnd()
      .split('\n');
    expect(rejects.slice(1)).toEqual([
      '3;inquiries;number_too_large;"tallet er for stort til inquiries; det største tilladte er 10.000";et tal med 20 cifre',
      '4;inquiries;implausible_value;"inquiries er over plausibilitetsgrænsen på 10.000 henvendelser på én række (én dag); tjek værdien og den enhed, den er eksporteret i";et tal med 11 cifre',
    ]);
    // Never DuckDB's raw conversion error, never the masker's garbling of a long number.
    expect(JSON.stringify(manifest)).not.toContain('Conversion Error');
    expect(JSON.stringify(manifest)).not.toContain('99******');
  });

  it('warns about a file in the inbox itself, which cannot be placed', () => {
    expect(manifest.warnings.find((w) => w.code === 'unplaced_file')?.message).toBe(
      'inbox/eindkomst_forkert_sted.csv ligger i selve indbakken, ikke i et udtræks mappe, så den blev ikke læst. Flyt den til sit udtræks mappe, fx inbox/employment/.',
    );
  });
});

describe('a header that is not there', () => {
  it('says where it looked, what it expected, and what the near miss probably is', async () => {
    const inbox = await tempDir('kpi-hint-');
    write(
      join(inbox, 'employment', 'e.csv'),
      `Rapport\ncpr;måned;lontimer;uddannelse\n${cpr(5, 1)};2024-01;10;nej\n`,
    );
    const { code, stdout } = await cli([
      'check',
      '--inbox',
      inbox,
      '--out',
      await tempDir(),
      '--as-of',
      '2024-12-01',
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      'AFVIST: den påkrævede kolonne wage_hours (eller loentimer, løntimer) mangler. Fundne overskrifter: cpr, måned, lontimer, uddannelse (på linje 2; de første 10 linjer blev gennemsøgt efter en linje, der navngiver kolonnerne). Mente du "lontimer" for wage_hours?',
    );
  });
});
