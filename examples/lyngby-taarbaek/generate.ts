/**
 * Writes this pack's synthetic inbox (`npx tsx examples/lyngby-taarbaek/generate.ts`; deterministic),
 * after Lyngby-Taarbæk Kommune's plan for social psychiatry: "ca. 100 voksne borgere, som modtager i
 * gennemsnit ca. 2 timers § 85-støtte om ugen", and temporary residential places (§ 107) with
 * overcapacity.
 * - sel85: 92 adults with an open decision from 1 January 2023 (18 at 1 hour a week, 28 at 1.5, 28 at
 *   2.5, 18 at 3: 184 hours, 2 on average) and 8 more from February 2024 at 2 hours: 92 adults in 2023,
 *   100 in 2024, 2 hours a week on average in both. Four providers, as in the plan.
 * - occupancy: 2024, three residential facilities: Botilbud Nord (12 places, always full), Botilbud Syd
 *   (10 places, 9 occupied) and the temporary botilbud (§ 107, 8 places, 5 occupied), every day.
 */
import { join } from 'node:path';
import { cprs, random, writeCsv } from '../lib.ts';

const PROVIDERS = ['Slotsvænget', 'Nettet', 'Kirsten Marie', 'Center for Social Indsats'];

export async function writeInbox(inbox: string): Promise<void> {
  const cpr = cprs(random(2), 1950, 50);
  const hours = [
    ...Array(18).fill('1'),
    ...Array(28).fill('1,5'),
    ...Array(28).fill('2,5'),
    ...Array(18).fill('3'),
  ];
  const id = (n: number) => `LT-${String(n).padStart(4, '0')}`;
  const decisions = [
    ...hours.map((h, i) => [cpr(), id(i + 1), '2023-01-01', '', h, 'psykiatri', PROVIDERS[i % 4]!]),
    ...Array.from({ length: 8 }, (_, i) => [
      cpr(),
      id(93 + i),
      '2024-02-01',
      '',
      '2',
      'psykiatri',
      PROVIDERS[i % 4]!,
    ]),
  ];
  await writeCsv(
    join(inbox, 'sel85', 'sel85.csv'),
    ['CPR-nr.', 'Afgørelse id', 'Startdato', 'Slutdato', 'Timer pr. uge', 'Målgruppe', 'Leverandør'],
    decisions,
  );
  const occupancy: (string | number)[][] = [];
  for (const [name, places, occupied] of [
    ['Botilbud Nord', 12, 12],
    ['Botilbud Syd', 10, 9],
    ['Midlertidigt botilbud (§ 107)', 8, 5],
  ] as const) {
    for (let m = 1; m <= 12; m++) {
      const days = new Date(Date.UTC(2024, m, 0)).getUTCDate();
      occupancy.push([name, `2024-${String(m).padStart(2, '0')}`, places, occupied * days]);
    }
  }
  await writeCsv(
    join(inbox, 'occupancy', 'belaegning_2024.csv'),
    ['Tilbud', 'Måned', 'Pladser', 'Belagte dage'],
    occupancy,
  );
}

if (process.argv[1] === import.meta.filename) await writeInbox(join(import.meta.dirname, 'inbox'));
