/**
 * Never a wrong number silently (docs/privacy-and-reliability.md): no data is never zero, and a rejected or
 * shrunken input never changes a published figure without a word. A small municipality with hand-made
 * figures: four citizens on §85 psykiatri support, employment delivered for 2024 and 2025 but for
 * October 2025, four Ungeløftet youths, a café extract whose first year starts in March.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOLLAND_KPIS } from '../pipelines/demo/lolland.ts';
import { JOBFOKUS, UNGELOFTET } from '../schemas/contracts.ts';
import type { KpiEntry, KpisJson, Manifest } from '../schemas/outputs.ts';
import { cli, tempDir } from './helpers.ts';

function write(path: string, content: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

const AS_OF = '2026-02-01';
/** P1..P4, born 1 January 2000 (digit 7 = 4: the 2000s). */
const P = [1, 2, 3, 4].map((n) => `010100-400${n}`);
const months = (year: number) =>
  Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/**
 * P1 works 100 hours every month, P2 50 hours in even months and 0 in odd ones, P3 0 hours, P4 has no
 * rows. October 2025 was never delivered.
 */
function employmentFile(
  year: number,
  header = 'CPRNR;Måned;Løntimer;Uddannelse',
  keep = (_m: string) => true,
): string {
  const rows = months(year)
    .filter((m) => m !== '2025-10' && keep(m))
    .flatMap((m) => {
      const even = Number(m.slice(5)) % 2 === 0;
      return [`${P[0]};${m};100;nej`, `${P[1]};${m};${even ? 50 : 0};nej`, `${P[2]};${m};0;nej`];
    });
  const cut =
    header.split(';').length === 3
      ? (r: string) =>
          r
            .split(';')
            .filter((_, i) => i !== 2)
            .join(';')
      : (r: string) => r;
  return `${[header, ...rows.map(cut)].join('\n')}\n`;
}

function writeInbox(inbox: string): void {
  write(join(inbox, 'employment', 'eindkomst_2024.csv'), employmentFile(2024));
  write(join(inbox, 'employment', 'eindkomst_2025.csv'), employmentFile(2025));
  write(
    join(inbox, 'sel85', 'afgoerelser.csv'),
    `cpr;afgoerelse_id;startdato;slutdato;timer_pr_uge;maalgruppe\n${P.map((p, i) => `${p};D${i + 1};2024-01-01;;2;psykiatri`).join('\n')}\n`,
  );
  write(
    join(inbox, 'enrollment', 'projekter.csv'),
    `cpr;projekt;visiteret\n${P.map((p, i) => `${p};${['Ungeløftet', 'UNGELØFTET', 'ungeloeftet', 'ungeloftet'][i]};2025-08-20`).join('\n')}\n`,
  );
  write(
    join(inbox, 'neet', 'ungedata.csv'),
    `cpr;maaned;i_job;i_uddannelse;ydelse\n${[...months(2024), ...months(2025)]
      .flatMap((m) => P.map((p, i) => `${p};${m};${i === 0 ? 'ja' : 'nej'};nej;nej`))
      .join('\n')}\n`,
  );
  // The café's first year starts in March: 2021 lacks January and February.
  write(
    join(inbox, 'cafe', 'cafe.csv'),
    `date;inquiries;channel\n${[...months(2021).slice(2), ...months(2022)].map((m) => `${m}-01;10;telefon`).join('\n')}\n`,
  );
}

const CONFIG = {
  minCell: 1,
  // Lolland's baselines and targets (its configuration), but the §85 share's baseline in 2024.
  kpis: {
    ...LOLLAND_KPIS,
    sel85_employment_rate: {
      baseline: { period: '2024' },
      target: { rule: 'relative_growth', perYear: 0.02 },
    },
  },
  contracts: [JOBFOKUS, UNGELOFTET],
};

async function configFile(config: object): Promise<string> {
  const file = join(await tempDir('kpi-trust-cfg-'), 'kpi.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

async function runCli(inbox: string, out: string, extra: string[] = [], config: object = CONFIG) {
  const file = await configFile(config);
  const r = await cli(['run', '--inbox', inbox, '--out', out, '--as-of', AS_OF, '--config', file, ...extra]);
  const kpis = JSON.parse(readFileSync(join(out, 'public', 'kpis.json'), 'utf8')) as KpisJson;
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
  const kpi = (id: string) => kpis.kpis.find((k) => k.id === id)!;
  return { ...r, kpis, manifest, kpi };
}

const series = (k: KpiEntry) =>
  k.series
    .filter((p) => !p.breakdown)
    .map((p) => [p.period, p.numerator, p.denominator, p.value, p.status] as const);

describe('no data is never zero', () => {
  let first: Awaited<ReturnType<typeof runCli>>;
  let out: string;
  beforeAll(async () => {
    const inbox = await tempDir('kpi-trust-in-');
    writeInbox(inbox);
    out = await tempDir('kpi-trust-out-');
    first = await runCli(inbox, out, [], { ...CONFIG });
  });

  it('publishes months without outcome data as null and incomplete, never as 0', () => {
    expect(first.code, first.stderr).toBe(0);
    // The group of four is known every month from August 2025; whether they worked is not known for
    // October 2025 (never delivered), January 2026 (after the last delivery) and February 2026 (the
    // as-of month). Later months are not published.
    expect(series(first.kpi('ungeloftet_share'))).toEqual([
      ['2025-08', 2, 4, 0.5, 'on_track'],
      ['2025-09', 1, 4, 0.25, 'off_track'],
      ['2025-10', null, null, null, 'incomplete'],
      ['2025-11', 1, 4, 0.25, 'off_track'],
      ['2025-12', 2, 4, 0.5, 'on_track'],
      ['2026-01', null, null, null, 'incomplete'],
      ['2026-02', null, null, null, 'incomplete'],
    ]);
  });

  it('pools an incomplete year over the months with data, and gives a year without any none', () => {
    // 2024: 4 persons × 12 months, employed P1 12 + P2 6. 2025: October missing, so 4 × 11 person-months,
    // employed P1 11 + P2 in February, April, June, August and December: 16/44, not 16/48. 2026: January
    // and February have no employment data at all.
    expect(series(first.kpi('sel85_employment_rate'))).toEqual([
      ['2024', 18, 48, 0.375, 'on_track'],
      ['2025', 16, 44, 16 / 44, 'incomplete'],
      ['2026', null, null, null, 'incomplete'],
    ]);
    expect(first.kpi('sel85_employment_rate').latest?.period).toBe('2024');
  });

  it('does not judge a year whose first months are missing', () => {
    expect(series(first.kpi('cafe_inquiries'))).toEqual([
      ['2021', 100, null, 100, 'incomplete'],
      ['2022', 120, null, 120, 'no_target'],
    ]);
  });

  it('draws a gap where a month has no value, and a running period apart', () => {
    const spec = JSON.parse(readFileSync(join(out, 'public', 'charts', 'ungeloftet_share.vl.json'), 'utf8'));
    const rows = spec.data.values as { period: string; final: number | null; running: boolean }[];
    expect(rows.map((r) => [r.period, r.final, r.running])).toEqual([
      ['2025-08', 0.5, false],
      ['2025-09', 0.25, false],
      ['2025-10', null, true],
      ['2025-11', 0.25, false],
      ['2025-12', 0.5, false],
      ['2026-01', null, true],
      ['2026-02', null, true],
    ]);
    // The solid line is drawn in two pieces, broken at October 2025: two moves in its SVG path.
    const svg = readFileSync(join(out, 'public', 'charts', 'ungeloftet_share.svg'), 'utf8');
    // (The marks carry no ARIA: the chart is one image with a text alternative; its lines are found by class.)
    const lines = [...svg.matchAll(/<g class="mark-line role-mark[^"]*"[^>]*>(.*?)<\/g>/gs)].flatMap((g) =>
      [...g[1]!.matchAll(/<path[^>]* d="([^"]+)"/g)].map((m) => m[1]!),
    );
    expect(lines.map((d) => (d.match(/M/g) ?? []).length)).toContain(2);
    // 2025 of the §85 rate is drawn dashed from 2024 and labelled; the text is in the SVG.
    expect(readFileSync(join(out, 'public', 'charts', 'sel85_employment_rate.svg'), 'utf8')).toContain(
      'ufuldstændig',
    );
  });

  it('warns when no configuration names the municipality, and says so in the summary', () => {
    expect(first.manifest.municipality).toEqual({ code: '360', name: 'Lolland Kommune', assumed: true });
    expect(first.manifest.warnings.find((w) => w.code === 'municipality_not_configured')?.message).toContain(
      'rækkerne i employment, sel85, neet, enrollment og cafe har ingen kommunekolonne, så de regnes som Lolland Kommune (360)',
    );
    expect(first.stdout).toContain('Kommune: Lolland Kommune (360) – antaget');
  });
});

describe('a rejected or shrunken input never silently changes a published figure', () => {
  const HELD = [
    'kpi sel85_employment_rate',
    'kpi treatment_employment_retained',
    'kpi jobfokus_success_share',
    'kpi ungeloftet_share',
    'contract jobfokus',
    'contract ungeloftet',
  ];
  const named = { ...CONFIG, municipality: { code: '376', name: 'Guldborgsund Kommune' } };

  it('holds back what reads a file rejected whole (exit 3), updates the rest, and publishes with --allow-partial (exit 0)', async () => {
    const inbox = await tempDir('kpi-hold-in-');
    writeInbox(inbox);
    const out = await tempDir('kpi-hold-out-');
    const before = await runCli(inbox, out, [], named);
    expect(before.code).toBe(0);
    expect(before.manifest.warnings.map((w) => w.code)).not.toContain('municipality_not_configured');
    const ungeloftetBefore = readFileSync(join(out, 'restricted', 'contracts', 'ungeloftet.json'), 'utf8');

    // eIndkomst 2025 is delivered again without its wage-hours column, and Ungedata has a new month.
    write(join(inbox, 'employment', 'eindkomst_2025.csv'), employmentFile(2025, 'CPRNR;Måned;Uddannelse'));
    write(
      join(inbox, 'neet', 'ungedata_2026-01.csv'),
      `cpr;maaned;i_job;i_uddannelse;ydelse\n${P.map((p) => `${p};2026-01;ja;nej;nej`).join('\n')}\n`,
    );
    const held = await runCli(inbox, out, [], named);
    expect(held.code, held.stderr).toBe(3);
    expect(held.manifest.heldBack.map((h) => `${h.kind} ${h.id}`)).toEqual(HELD);
    expect(held.manifest.heldBack[0]).toMatchObject({
      files: ['employment/eindkomst_2025.csv'],
      reason: expect.stringContaining(
        'employment/eindkomst_2025.csv blev afvist helt: den påkrævede kolonne wage_hours',
      ),
    });
    // The held-back entries are the previous publication, byte for byte, marked with why.
    for (const id of ['sel85_employment_rate', 'ungeloftet_share', 'jobfokus_success_share']) {
      const { heldBack, ...rest } = held.kpi(id);
      expect(heldBack?.files).toEqual(['employment/eindkomst_2025.csv']);
      expect(JSON.stringify(rest)).toBe(JSON.stringify(before.kpi(id)));
    }
    // Everything else is published as usual: the NEET share has January 2026 now.
    expect(held.kpi('neet_share').heldBack).toBeUndefined();
    expect(series(held.kpi('neet_share')).at(-1)).toEqual(['2026', 0, 4, 0, 'incomplete']);
    expect(series(before.kpi('neet_share')).map((p) => p[0])).toEqual([
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
    ]);
    const ungeloftet = JSON.parse(
      readFileSync(join(out, 'restricted', 'contracts', 'ungeloftet.json'), 'utf8'),
    );
    expect(ungeloftet.heldBack.files).toEqual(['employment/eindkomst_2025.csv']);
    delete ungeloftet.heldBack;
    expect(`${JSON.stringify(ungeloftet, null, 2)}\n`).toBe(ungeloftetBefore);
    // The summary, the manifest and both reports say what was held back, and what to do.
    expect(held.stdout).toContain('Holdt tilbage (6), fordi noget, de bygger på, ikke kan stoles på i nat:');
    expect(held.stdout).toContain(
      'Tallene fra forrige offentliggørelse står, til en leverance kan læses igen',
    );
    expect(held.stdout).toContain(
      'Er ændringen tilsigtet, så offentliggør de nye tal med: kpi run --allow-partial',
    );
    expect(held.stdout).toMatch(
      /sel85_employment_rate\s+2024\s+37,5 %\s+37,5 %\s+På sporet \(holdt tilbage\)/,
    );
    const report = readFileSync(join(out, 'public', 'reports', 'afrapportering.html'), 'utf8');
    expect(report).toContain('Tal holdt tilbage.');
    expect(report).toContain('employment/eindkomst_2025.csv');
    expect(readFileSync(join(out, 'restricted', 'reports', 'finans.html'), 'utf8')).toContain(
      'Kontrakt ungeloftet',
    );

    // The analyst knows the column went on purpose: --allow-partial publishes what was computed.
    const partial = await runCli(inbox, out, ['--allow-partial'], named);
    expect(partial.code, partial.stderr).toBe(0);
    expect(partial.manifest.heldBack).toEqual([]);
    expect(partial.manifest.warnings.find((w) => w.code === 'partial_publish')?.message).toContain(
      'offentliggjort med --allow-partial: sel85_employment_rate, treatment_employment_retained, jobfokus_success_share, ungeloftet_share, jobfokus, ungeloftet ville ellers være holdt tilbage',
    );
    expect(series(partial.kpi('sel85_employment_rate'))[1]).toEqual(['2025', null, null, null, 'incomplete']);
    expect(partial.kpi('sel85_employment_rate').heldBack).toBeUndefined();
  });

  it('holds back what reads a delivery that shrank (a truncated export), naming the months and both counts', async () => {
    const inbox = await tempDir('kpi-trunc-in-');
    writeInbox(inbox);
    const out = await tempDir('kpi-trunc-out-');
    expect((await runCli(inbox, out, [], named)).code).toBe(0);
    // The 2025 file is delivered again, cut off after June.
    write(
      join(inbox, 'employment', 'eindkomst_2025.csv'),
      employmentFile(2025, undefined, (m) => m <= '2025-06'),
    );
    const cut = await runCli(inbox, out, [], named);
    expect(cut.code).toBe(3);
    expect(cut.manifest.heldBack.map((h) => `${h.kind} ${h.id}`)).toEqual(HELD);
    expect(cut.manifest.heldBack[0]!.reason).toBe(
      'employment er skrumpet med mere end 20 % i forhold til forrige offentliggjorte kørsel (rækker: 2025-07 0 mod 3, 2025-08 0 mod 3, 2025-09 0 mod 3 og 2 måneder mere); formentlig et afkortet udtræk. Tallene fra forrige offentliggørelse står, til en leverance kan læses igen',
    );
    // The next run still compares with the last accepted delivery, not with the shrunken one.
    expect(cut.manifest.volumes.employment?.['2025-12']).toBe(3);
    expect((await runCli(inbox, out, [], named)).code).toBe(3);
    // kpi check says the same before the night.
    const check = await cli([
      'check',
      '--inbox',
      inbox,
      '--out',
      out,
      '--as-of',
      AS_OF,
      '--config',
      await configFile(named),
    ]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('kpi run ville holde 6 tilbage');
  });
});

describe('kpi check, the pre-flight', () => {
  it('exits 0 on a clean inbox and lists the extracts that are needed but not delivered', async () => {
    const inbox = await tempDir('kpi-pre-in-');
    writeInbox(inbox);
    const r = await cli(['check', '--inbox', inbox, '--out', await tempDir(), '--as-of', AS_OF]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('  inbox/treatment/: treatment_employment_retained');
    expect(r.stdout).toContain('  inbox/survey_responses/: survey_satisfaction, survey_response_rate\n');
    expect(r.stdout).toContain('Klar til kørsel');
  });

  it('exits 1 when a file would be rejected whole, and says what run would hold back', async () => {
    const inbox = await tempDir('kpi-pre-bad-');
    writeInbox(inbox);
    write(join(inbox, 'sel85', 'afgoerelser.csv'), 'cpr;startdato\n010100-4001;2024-01-01\n');
    const r = await cli(['check', '--inbox', inbox, '--out', await tempDir(), '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'sel85/afgoerelser.csv [utf-8, ;, decimal -]: AFVIST: de påkrævede kolonner decision_id (eller afgoerelse_id, sags_id); hours_per_week (eller timer_pr_uge); target_group (eller maalgruppe, målgruppe) mangler.',
    );
    expect(r.stdout).toContain('kpi run ville holde 1 tilbage');
    expect(r.stdout).toContain('  sel85_employment_rate\n    sel85/afgoerelser.csv blev afvist helt');
    expect(r.stdout).toContain('Ikke klar: 1 fil afvises helt');
  });
});
