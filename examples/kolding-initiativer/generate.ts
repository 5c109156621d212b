/**
 * Writes this pack's synthetic inbox (`npx tsx examples/kolding-initiativer/generate.ts`; deterministic).
 * Kolding Kommune's initiative catalogue for social psychiatry: four initiatives, two on the
 * municipality's own extracts.
 * - fritid_deltagelse (a provider's monthly report, Windows `;` Latin-1): 20 citizens every month of
 *   2024-H1, 2024-H2 and 2025-H1; 6, 8 and 9 of them took part in an ordinary association's activity in
 *   the half-year (the others only in the socialpsychiatry's own offers).
 * - trivsel_spoergeskema (a questionnaire, `,` UTF-8): 10 respondents answer 3 questions on a 1-5 scale
 *   in 2024-H2 and in 2025-H1: 21 and 24 of the 30 answers are 4 or 5. One more answer (line 62) has
 *   the score 7 and is quarantined.
 * - sel85 and employment (built in): 8 citizens with a §85 decision (psykiatri) from 1 January 2024,
 *   employment data January 2024 - June 2025; 3, 4 and 5 of them have wage hours every month of 2024-H1,
 *   2024-H2 and 2025-H1 (18, 24, 30 of 48 person-months). 18 more decisions (misbrug, andet) end: 5 in
 *   2024-H1, 6 in 2024-H2 and 7 in 2025-H1.
 */
import { join } from 'node:path';
import { cprs, halfYearMonths, random, writeCsv } from '../lib.ts';

const HALVES = [
  [2024, 1],
  [2024, 2],
  [2025, 1],
] as const;

export async function writeInbox(inbox: string): Promise<void> {
  const rng = random(4);
  const cpr = cprs(rng, 1965, 35);

  // The provider's report: every citizen every month at the socialpsychiatry's café; the ordinary ones
  // also in one month of the half-year at an association.
  const citizens = Array.from({ length: 20 }, cpr);
  const leisure: string[][] = [];
  HALVES.forEach(([year, half], h) => {
    const ordinary = [6, 8, 9][h]!;
    halfYearMonths(year, half).forEach((m, j) => {
      citizens.forEach((c, i) => {
        leisure.push([c, m, 'Værestedet Fælleshuset', 'nej']);
        if (i < ordinary && j === i % 6) leisure.push([c, m, 'Kolding Roklub', 'ja']);
      });
    });
  });
  await writeCsv(
    join(inbox, 'fritid_deltagelse', 'fritid_leverandoer.csv'),
    ['CPR-nr.', 'Måned', 'Aktivitet', 'Almindeligt foreningstilbud'],
    leisure,
    { encoding: 'latin1' },
  );

  // The questionnaire: 30 answers a half-year, `positive` of them 4 or 5.
  const respondents = Array.from({ length: 10 }, cpr);
  const answers: (string | number)[][] = [];
  for (const [answered, positive] of [
    ['2024-10-15', 21],
    ['2025-04-15', 24],
  ] as const) {
    const fives = Math.floor(positive / 2);
    const scores = rng.shuffle(
      [...Array(fives).fill(5), ...Array(positive - fives).fill(4), 3, 2, 1, 3, 2, 1, 3, 2, 1].slice(0, 30),
    );
    let k = 0;
    for (const r of respondents)
      for (const q of ['tryghed', 'indflydelse', 'trivsel']) answers.push([r, answered, q, scores[k++]!]);
  }
  answers.push([respondents[0]!, '2025-04-16', 'trivsel', 7]);
  await writeCsv(
    join(inbox, 'trivsel_spoergeskema', 'spoergeskema.csv'),
    ['respondent_cpr', 'besvaret', 'spoergsmaal', 'score'],
    answers,
    { sep: ',', encoding: 'utf-8' },
  );

  // §85 decisions: 8 open (psykiatri) and 18 that end in the three half-years.
  const workers = Array.from({ length: 8 }, cpr);
  const decisions = workers.map((c, i) => [
    c,
    `K-${String(i + 1).padStart(3, '0')}`,
    '2024-01-01',
    '',
    '3,5',
    'psykiatri',
    'Socialpsykiatrien',
  ]);
  let ended = 0;
  HALVES.forEach(([year, half], h) => {
    for (let i = 0; i < [5, 6, 7][h]!; i++) {
      const month = String((half === 1 ? 1 : 7) + (i % 6)).padStart(2, '0');
      ended++;
      decisions.push([
        cpr(),
        `A-${String(ended).padStart(3, '0')}`,
        '2023-06-01',
        `${year}-${month}-10`,
        '2',
        i % 2 ? 'misbrug' : 'andet',
        'Socialpsykiatrien',
      ]);
    }
  });
  await writeCsv(
    join(inbox, 'sel85', 'sel85_afgoerelser.csv'),
    ['cpr', 'afgoerelse_id', 'startdato', 'slutdato', 'timer_pr_uge', 'maalgruppe', 'leverandoer'],
    decisions,
  );

  // Employment: 3, 4 and 5 of the 8 with wage hours every month of the three half-years.
  const employment: string[][] = [];
  HALVES.forEach(([year, half], h) => {
    for (const m of halfYearMonths(year, half))
      employment.push(...workers.map((c, i) => [c, m, i < [3, 4, 5][h]! ? '20' : '0', 'nej']));
  });
  await writeCsv(
    join(inbox, 'employment', 'eindkomst.csv'),
    ['cpr', 'month', 'wage_hours', 'in_education'],
    employment,
  );
}

if (process.argv[1] === import.meta.filename) await writeInbox(join(import.meta.dirname, 'inbox'));
