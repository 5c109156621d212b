/**
 * Writes this pack's synthetic inbox (`npx tsx examples/lolland-sprogskole/generate.ts`; deterministic).
 * The figures are those of the minutes of 12 August 2025, item 9 (Status på Lolland Sprogskole):
 * - sprogskole_kursister: 370 course participants in June 2024 and 399 in June 2025 (68 on DU1, 162 on
 *   DU2, 148 on DU3, 21 outside the Danish-education act's target group).
 * - sprogskole_fravaer: absence 40 % in 2024-H2 (960 of 2,400 planned lessons), 35 % in 2025-H1 (840 of
 *   2,400), one row per participant and month, 10 participants with 40 planned lessons a month.
 * - danskproeve: the 2019 cohort of refugees and family-reunified, measured in 2024: 26 of 40 passed a
 *   Danish test within 5 years of starting (65 %); 2 more passed later, which does not count; 5 others
 *   (outside the integration programme) are left out. The 2018 cohort, measured in 2023: 11 of 20 (55 %).
 */
import { join } from 'node:path';
import { addDays, cprs, danish, halfYearMonths, iso, random, writeCsv } from '../lib.ts';

export async function writeInbox(inbox: string): Promise<void> {
  const rng = random(9);
  const cpr = cprs(rng, 1960, 40);

  // Participants per module in June of each year.
  const participants: string[][] = [];
  for (const [month, counts] of [
    ['2024-06', { DU1: 70, DU2: 150, DU3: 130, andet: 20 }],
    ['2025-06', { DU1: 68, DU2: 162, DU3: 148, andet: 21 }],
  ] as const) {
    for (const [module, n] of Object.entries(counts))
      for (let i = 0; i < n; i++) participants.push([cpr(), month, module]);
  }
  await writeCsv(
    join(inbox, 'sprogskole_kursister', 'kursister_juni.csv'),
    ['CPR-nr.', 'Måned', 'Modul'],
    rng.shuffle(participants),
  );

  // Absence: 10 participants, 40 planned lessons a month; the absent lessons of a half-year add up to
  // its total, moved between persons and months within 0..40.
  const people = Array.from({ length: 10 }, cpr);
  const absence: (string | number)[][] = [];
  for (const [months, total] of [
    [halfYearMonths(2024, 2), 960],
    [halfYearMonths(2025, 1), 840],
  ] as const) {
    const cells = people.flatMap((p) => months.map((m) => [p, m] as const));
    const absent = cells.map((_, i) => Math.floor(total / cells.length) + (i < total % cells.length ? 1 : 0));
    for (let n = 0; n < 200; n++) {
      const [a, b, k] = [rng.int(0, cells.length), rng.int(0, cells.length), rng.int(1, 6)];
      if (absent[a]! - k >= 0 && absent[b]! + k <= 40) {
        absent[a]! -= k;
        absent[b]! += k;
      }
    }
    absence.push(...cells.map(([p, m], i) => [p, m, 40, absent[i]!]));
  }
  await writeCsv(
    join(inbox, 'sprogskole_fravaer', 'fravaer_2024-2025.csv'),
    ['cpr', 'maaned', 'planlagte_lektioner', 'fravaer_lektioner'],
    absence,
    { sep: ',', encoding: 'utf-8' },
  );

  // Danish tests: passed within 5 years of starting, later, or not at all.
  const tests: string[][] = [];
  for (const [year, n, passed, late] of [
    [2018, 20, 11, 0],
    [2019, 40, 26, 2],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const start = addDays(`${year}-01-01`, rng.int(0, 365));
      const group = i % 3 ? 'Flygtning' : 'Familiesammenført';
      const on =
        i < passed
          ? addDays(iso(start), rng.int(365, 5 * 365))
          : i < passed + late
            ? addDays(iso(start), 5 * 366 + rng.int(10, 200))
            : undefined;
      tests.push([cpr(), danish(start), group, on ? danish(on) : '']);
    }
  }
  for (let i = 0; i < 5; i++) {
    const start = addDays('2019-03-01', 30 * i);
    tests.push([cpr(), danish(start), 'Øvrige', danish(addDays('2019-03-01', 30 * i + 400))]);
  }
  await writeCsv(
    join(inbox, 'danskproeve', 'danskproever.csv'),
    ['Personnummer', 'Uddannelsesstart', 'Målgruppe', 'Bestået'],
    tests,
  );
}

if (process.argv[1] === import.meta.filename) await writeInbox(join(import.meta.dirname, 'inbox'));
