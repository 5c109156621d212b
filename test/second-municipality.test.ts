/**
 * A second municipality, from its first night (issue: any municipality gets its own numbers, and only
 * its own). An analyst at Guldborgsund Kommune (376) starts with `kpi init`, and brings exports with
 * the defects real ones have: a neighbour's rows, a café re-export beside the monthly ones, a CPR
 * column stored as numbers, a totals row followed by Excel's blank rows, a totals formula, a folder
 * spelt `Tariffs/`, a row from the future. Nothing of Lolland's is published, every figure is
 * Guldborgsund's, and every defect is handled and said.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeWindows1252 } from '../pipelines/demo/generate.ts';
import { Db } from '../pipelines/duckdb.ts';
import type { KpisJson, Manifest } from '../schemas/outputs.ts';
import { cli, snapshot, tempDir, walk } from './helpers.ts';

function write(path: string, content: string | Buffer): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

const months2025 = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);

/** Made-up CPR numbers of people born on day `d` of March 1980 (digit 7 is 1: the 1900s). */
const adult = (d: number, serial: number) =>
  `${String(d).padStart(2, '0')}0380-1${String(serial).padStart(3, '0')}`;
/** Young people born on day `d` of January 2000 (digit 7 is 4: the 2000s). */
const young = (d: number, serial: number) =>
  `${String(d).padStart(2, '0')}0100-4${String(serial).padStart(3, '0')}`;

/**
 * employment as Parquet with the CPR stored as a BIGINT: the persons born on days 1 to 9 lost their
 * leading zero (9 digits). Ten persons, every month of 2025, and one row dated June 2026: after the
 * as-of month.
 */
async function employmentParquet(path: string, persons: number, firstSerial: number): Promise<void> {
  mkdirSync(join(path, '..'), { recursive: true });
  const db = await Db.open(':memory:');
  try {
    const rows = [];
    for (let p = 0; p < persons; p++) {
      const cpr = Number(adult((p % 28) + 1, firstSerial + p).replace('-', ''));
      for (const m of months2025) rows.push(`(${cpr}::BIGINT, '${m}', ${p % 2 ? 37 : 0}.0, false)`);
    }
    if (firstSerial === 0)
      rows.push(`(${Number(adult(1, 0).replace('-', ''))}::BIGINT, '2026-06', 10.0, false)`);
    await db.run(
      `COPY (SELECT * FROM (VALUES ${rows.join(', ')}) t(cpr, month, wage_hours, in_education)) TO '${path}' (FORMAT parquet)`,
    );
  } finally {
    db.close();
  }
}

/** The café's rows of a month: 5 inquiries, 3 in person and 2 on the crisis line. */
const cafeRows = (m: string) => [`${m}-05;3;fremmoede;18-29`, `${m}-20;2;akuttelefon;30-49`];

async function occupancyWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Belægning');
  ws.addRow(['Tilbud', 'Måned', 'Pladser', 'Belagte dage']);
  for (const m of months2025) ws.addRow(['Botilbud Nord', m, 10, 280]);
  // The totals row sums the column with a formula: the row is skipped, so its formula is fine.
  ws.addRow(['I alt', '', '', { formula: 'SUM(D2:D13)', result: 3360 } as ExcelJS.CellValue]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function writeInbox(inbox: string): Promise<void> {
  await employmentParquet(join(inbox, 'employment', 'eindkomst_2025.parquet'), 10, 0);
  // §85 decisions as Excel writes a CSV: `;`, Windows-1252, a totals row and blank `;;;;` rows after it.
  const sel85 = [
    'CPR-nr.;Afgørelse id;Startdato;Slutdato;Timer pr. uge;Målgruppe',
    ...Array.from({ length: 10 }, (_, p) => `${adult(p + 1, p)};G-${p};01-01-2024;;2;psykiatri`),
    'I alt;;;;20;',
    ';;;;;',
    ';;;;;',
    ';;;;;',
  ];
  write(join(inbox, 'sel85', 'afgoerelser.csv'), encodeWindows1252(`${sel85.join('\r\n')}\r\n`));
  // Ungedata for Guldborgsund, and a file of the neighbour's (Lolland, 360) in the same folder.
  const neet = (code: string, people: number, serial: number) =>
    [
      'cpr;måned;i_job;i_uddannelse;ydelse;kommunekode',
      ...Array.from({ length: people }, (_, p) =>
        months2025.map((m) => `${young(p + 1, serial + p)};${m};nej;${p % 2 ? 'ja' : 'nej'};nej;${code}`),
      ).flat(),
    ].join('\n');
  write(join(inbox, 'neet', 'ungedata_376.csv'), `${neet('376', 6, 0)}\n`);
  write(join(inbox, 'neet', 'ungedata_naboen.csv'), `${neet('360', 1, 100)}\n`);
  // The café: January to June as monthly exports, then the whole year re-exported beside them.
  for (const m of months2025.slice(0, 6))
    write(
      join(inbox, 'cafe', `cafe_${m}.csv`),
      `date;inquiries;channel;age_band\n${cafeRows(m).join('\n')}\n`,
    );
  write(
    join(inbox, 'cafe', 'cafe_2025_hele_aaret.csv'),
    `date;inquiries;channel;age_band\n${months2025.flatMap(cafeRows).join('\n')}\n`,
  );
  write(join(inbox, 'occupancy', 'belaegning_2025.xlsx'), await occupancyWorkbook());
  // A folder spelt with a capital letter.
  write(
    join(inbox, 'Tariffs', 'takster.csv'),
    'provider_id;provider_name;ownership;service;year;rate\nP1;Bostøtte Syd;privat;§107;2025;2.000,00\nP1;Bostøtte Syd;privat;§107;2026;2.050,00\n',
  );
}

/** Every public byte as text: text files as they are, workbooks' cells and Parquet's rows read out. */
async function publicText(out: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const f of walk(join(out, 'public'))) {
    const rel = relative(out, f);
    if (f.endsWith('.png')) continue; // rendered from the SVG beside it
    if (f.endsWith('.xlsx')) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      const cells: string[] = [];
      for (const ws of wb.worksheets) {
        cells.push(ws.name);
        ws.eachRow((row) => {
          for (const v of row.values as unknown[]) cells.push(JSON.stringify(v ?? ''));
        });
      }
      texts.set(rel, cells.join('\n'));
    } else if (f.endsWith('.parquet')) {
      const db = await Db.open(':memory:');
      try {
        texts.set(rel, JSON.stringify(await db.all(`SELECT * FROM read_parquet('${f}')`)));
      } finally {
        db.close();
      }
    } else texts.set(rel, readFileSync(f, 'utf8'));
  }
  return texts;
}

describe('a second municipality, from kpi init to a published run', () => {
  let dir: string;
  let inbox: string;
  let out: string;
  let config: string;
  let first: { code: number; stdout: string; stderr: string };
  let manifest: Manifest;
  let kpis: KpisJson;
  const input = (file: string) => {
    const f = manifest.inputs.find((i) => i.file === file);
    if (!f) throw new Error(`${file} is not in the manifest`);
    return f;
  };

  beforeAll(async () => {
    dir = await tempDir('kpi-guldborgsund-');
    inbox = join(dir, 'inbox');
    out = join(dir, 'output');
    config = join(dir, 'kpi.config.json');
    const init = await cli(['init', '--municipality', '376', '--out', config]);
    expect(init.code, init.stderr).toBe(0);
    await writeInbox(inbox);
    first = await cli(['run', '--inbox', inbox, '--out', out, '--as-of', '2026-02-15', '--config', config]);
    manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    kpis = JSON.parse(readFileSync(join(out, 'public', 'kpis.json'), 'utf8')) as KpisJson;
  });

  it('kpi init writes the municipality, the national KPIs, no contract, and a Danish README', () => {
    const written = JSON.parse(readFileSync(config, 'utf8'));
    expect(written.municipality).toEqual({ code: '376', name: 'Guldborgsund Kommune' });
    expect(written.contracts).toEqual([]);
    expect(Object.keys(written.kpis)).toContain('cafe_inquiries');
    const readme = readFileSync(join(dir, 'kpi.config.README.md'), 'utf8');
    expect(readme).toContain('# Konfiguration for Guldborgsund Kommune (376)');
    expect(readme).toContain('Kilde (national): Serviceloven § 85');
    expect(readme).not.toContain('Lolland Kommune:');
  });

  it('publishes with no contract, only Guldborgsund’s figures, and no byte of Lolland’s', async () => {
    expect(first.code, first.stderr + first.stdout).toBe(0);
    expect(first.stdout).toContain('Kommune: Guldborgsund Kommune (376)');
    expect(first.stdout).toContain('Sammenlignet med: ingen tidligere offentliggørelse');
    expect(first.stdout).not.toContain('Resultatkontrakter');
    expect(kpis.kpis.map((k) => k.id)).not.toContain('jobfokus_success_share');
    expect(kpis.kpis.some((k) => k.id.endsWith('_share') && k.id !== 'neet_share')).toBe(false);
    expect(new Set(kpis.kpis.map((k) => k.municipality))).toEqual(new Set(['376']));
    const finance = readFileSync(join(out, 'restricted', 'reports', 'finans.html'), 'utf8');
    expect(finance).toContain('Der er ingen resultatkontrakter i konfigurationen');
    const texts = await publicText(out);
    expect(texts.size).toBeGreaterThan(20);
    const lolland = [...texts].filter(([, text]) => /lolland/i.test(text)).map(([f]) => f);
    expect(lolland).toEqual([]);
  });

  it('quarantines the neighbour’s rows, names them, and computes NEET from Guldborgsund’s alone', () => {
    const neighbour = input('neet/ungedata_naboen.csv');
    expect([neighbour.rowsRead, neighbour.rowsLoaded, neighbour.otherMunicipality]).toEqual([12, 0, 12]);
    const warning = manifest.warnings.find((w) => w.code === 'other_municipality')!;
    expect(warning.message).toContain(
      'neet/ungedata_naboen.csv: 12 rækker er fra en anden kommune (360 Lolland Kommune)',
    );
    const neet = kpis.kpis.find((k) => k.id === 'neet_share')!;
    // Six young people all year; the three not in education are NEET: 36 of 72 person-months.
    const y2025 = neet.series.find((p) => p.period === '2025')!;
    expect([y2025.numerator, y2025.denominator, y2025.value]).toEqual([36, 72, 0.5]);
  });

  it('counts the café once when a whole-year re-export lies beside the monthly ones, and says so', () => {
    const cafe = kpis.kpis.find((k) => k.id === 'cafe_inquiries')!;
    const total = cafe.series.find((p) => p.period === '2025' && !p.breakdown)!;
    expect(total.value).toBe(60); // 12 months × 5, not 90
    const overrides = manifest.overrides.filter((o) => o.extract === 'cafe');
    expect(overrides).toHaveLength(6);
    expect(overrides[0]).toEqual({
      extract: 'cafe',
      file: 'cafe/cafe_2025_hele_aaret.csv',
      overrode: 'cafe/cafe_2025-01.csv',
      keys: 2,
      rows: 2,
    });
  });

  it('loads a CPR stored as a BIGINT, padding the lost leading zero, and quarantines the future row', () => {
    const e = input('employment/eindkomst_2025.parquet');
    // 10 persons × 12 months; the 9 persons born on days 1–9 lost a zero; one row dated June 2026.
    expect([e.rowsRead, e.rowsLoaded, e.rowsRejected, e.cprPadded, e.futureDate]).toEqual([
      121, 120, 1, 108, 1,
    ]);
    expect(manifest.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['cpr_padded', 'future_date']),
    );
    const sel85 = kpis.kpis.find((k) => k.id === 'sel85_employment_rate')!;
    // Ten persons with a §85 decision all of 2025, five of them employed every month: 60 of 120.
    const y2025 = sel85.series.find((p) => p.period === '2025')!;
    expect([y2025.numerator, y2025.denominator]).toEqual([60, 120]);
  });

  it('skips the totals row and Excel’s blank rows after it, and a totals formula', () => {
    const s = input('sel85/afgoerelser.csv');
    expect([s.rowsRead, s.rowsLoaded, s.rowsRejected, s.rowsSkipped]).toEqual([14, 10, 0, 4]);
    const o = input('occupancy/belaegning_2025.xlsx');
    expect([o.rowsRead, o.rowsLoaded, o.rowsRejected, o.rowsSkipped]).toEqual([13, 12, 0, 1]);
    expect(o.formulaValues).toBeUndefined();
  });

  it('reads Tariffs/ as the tariffs folder, and says it was spelt otherwise', () => {
    expect(input('tariffs/takster.csv').rowsLoaded).toBe(2);
    expect(manifest.warnings.find((w) => w.code === 'folder_renamed')?.message).toContain(
      'inbox/Tariffs/ er læst som udtrækket tariffs',
    );
  });

  it('labels the café’s channels in Danish in the chart, the table, the report and explain', async () => {
    const svg = readFileSync(join(out, 'public', 'charts', 'cafe_inquiries.svg'), 'utf8');
    expect(svg).toContain('Fremmøde');
    expect(svg).toContain('Akuttelefon');
    expect(svg).not.toContain('fremmoede');
    expect(readFileSync(join(out, 'public', 'kpis.csv'), 'utf8')).toContain(';fremmoede;Fremmøde;');
    const report = readFileSync(join(out, 'public', 'reports', 'afrapportering.html'), 'utf8');
    expect(report).toContain('<td>Fremmøde</td>');
    // A KPI with no data gets a sentence, not an empty chart frame (treatment was not delivered).
    const treatment = report.slice(report.indexOf('data-kpi="treatment_employment_retained"'));
    expect(treatment.slice(0, treatment.indexOf('</section>'))).toContain('Der er ingen data at tegne endnu');
    const explained = await cli(['explain', 'cafe_inquiries', '--out', out, '--config', config]);
    expect(explained.stdout).toMatch(/2025\s+Fremmøde/);
  });

  it('stops check and run against another municipality’s publication (exit 2), touching nothing', async () => {
    // Lolland's publication, from its own configuration, in a folder of its own.
    const lollandInbox = join(dir, 'lolland-inbox');
    write(
      join(lollandInbox, 'neet', 'ungedata.csv'),
      readFileSync(join(inbox, 'neet', 'ungedata_naboen.csv')),
    );
    const lollandOut = join(dir, 'output-lolland');
    const pack = join(import.meta.dirname, '..', 'examples', 'lolland', 'kpi.config.json');
    const made = await cli([
      'run',
      '--inbox',
      lollandInbox,
      '--out',
      lollandOut,
      '--as-of',
      '2026-02-15',
      '--config',
      pack,
    ]);
    expect([0, 3]).toContain(made.code);
    const before = snapshot(lollandOut);
    for (const command of ['check', 'run']) {
      const r = await cli([
        command,
        '--inbox',
        inbox,
        '--out',
        lollandOut,
        '--as-of',
        '2026-02-15',
        '--config',
        config,
      ]);
      expect(r.code, `${command}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain('indeholder en offentliggørelse for Lolland Kommune (360)');
      expect(r.stderr).toContain('konfigurationen er for Guldborgsund Kommune (376)');
    }
    expect(snapshot(lollandOut)).toEqual(before);
  });

  it('with --as-of before every delivered month, exits 2 and leaves the publication as it was', async () => {
    const before = snapshot(out);
    const r = await cli(['run', '--inbox', inbox, '--out', out, '--as-of', '1990-01-01', '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Der er ingen leverede data før 1990-01-01; tjek datoen eller --as-of');
    expect(snapshot(out)).toEqual(before);
  });

  it('reports every configuration error in one message', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        municipality: { code: '376', name: 'Guldborgsund Kommune' },
        minCel: 3,
        kpis: { neet_shar: {}, cafe_inquiries: { target: { rule: 'maks', max: 10 } } },
      }),
    );
    const r = await cli(['check', '--inbox', inbox, '--config', bad]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe(`Konfigurationsfilen ${bad} er ikke gyldig:`);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        /^ {2}- kpis\.cafe_inquiries\.target\.rule: "maks" er ikke tilladt; tilladte værdier: relative_growth, .*none\./,
      ),
      '  - minCel: ukendt nøgle. Mente du "minCell"?',
      expect.stringMatching(
        /^ {2}- kpis\.neet_shar: der er ingen KPI med dette id\. .* Mente du neet_share\?$/,
      ),
    ]);
  });

  it('the next night, a doubled month of a complete year is flagged and held back (exit 3)', async () => {
    // Eleven more persons in every month of 2025: a re-export of another population beside the first.
    await employmentParquet(join(inbox, 'employment', 'eindkomst_2025_igen.parquet'), 11, 50);
    const r = await cli(['run', '--inbox', inbox, '--out', out, '--as-of', '2026-02-15', '--config', config]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toContain('Sammenlignet med:');
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const held = m.heldBack.find((h) => h.id === 'sel85_employment_rate')!;
    expect(held.reason).toContain('employment er vokset med mere end 100 %');
    expect(held.reason).toContain('2025-01 21 mod 10');
    expect(held.carried).toBe(true);
  });
});
