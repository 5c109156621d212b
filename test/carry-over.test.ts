/**
 * A contract that is not evaluated this run (docs/contracts.md: `--select`, or held back) keeps its
 * previously published files; held back, its JSON also says why, and held back before it was ever
 * published it gets a file with the reason and no figures.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../pipelines/config.ts';
import { carryOverContract } from '../pipelines/contracts/evaluate.ts';
import { decideTrust } from '../pipelines/guard/trust.ts';
import { declareArtifacts } from '../pipelines/run/artifacts.ts';
import { JOBFOKUS, UNGELOFTET } from '../schemas/contracts.ts';
import { EXTRACT_NAMES } from '../schemas/extracts.ts';
import type { InputFile } from '../schemas/outputs.ts';
import { tempDir } from './helpers.ts';

const HELD = { reason: 'employment blev afvist', files: ['employment/e.csv'] };
const HOLD = { asOf: '2027-03-01', municipality: '360', heldBack: HELD };

/** A previous run's restricted/ with the contract's JSON, evidence and chart files. */
async function previous(
  json: unknown = { id: 'jobfokus', totals: { repayment: 131_538.46 } },
): Promise<string> {
  const dir = await tempDir('kpi-carry-');
  mkdirSync(join(dir, 'contracts'));
  mkdirSync(join(dir, 'charts'));
  writeFileSync(join(dir, 'contracts', 'jobfokus.json'), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(join(dir, 'contracts', 'jobfokus.evidence.parquet'), 'PAR1 evidence');
  for (const ext of ['vl.json', 'svg', 'png'])
    writeFileSync(join(dir, 'charts', `jobfokus.${ext}`), `chart ${ext}`);
  return dir;
}

const read = (dir: string, ...p: string[]) => readFileSync(join(dir, ...p), 'utf8');

describe('carrying a contract over', () => {
  it('not evaluated (--select): every file is copied byte for byte, the JSON unchanged', async () => {
    const from = await previous();
    const to = await tempDir('kpi-carry-to-');
    await carryOverContract(from, to, JOBFOKUS);
    for (const f of [
      ['contracts', 'jobfokus.json'],
      ['contracts', 'jobfokus.evidence.parquet'],
      ['charts', 'jobfokus.vl.json'],
      ['charts', 'jobfokus.svg'],
      ['charts', 'jobfokus.png'],
    ]) {
      expect(read(to, ...f), f.join('/')).toBe(read(from, ...f));
    }
  });

  it('held back: the previous figures stay, with the reason added', async () => {
    const from = await previous();
    const to = await tempDir('kpi-carry-to-');
    await carryOverContract(from, to, JOBFOKUS, HOLD);
    expect(read(to, 'contracts', 'jobfokus.json')).toBe(
      `${JSON.stringify({ id: 'jobfokus', totals: { repayment: 131_538.46 }, heldBack: HELD }, null, 2)}\n`,
    );
    expect(read(to, 'contracts', 'jobfokus.evidence.parquet')).toBe('PAR1 evidence');
  });

  it('held back before it was ever published: a file with the reason and no figures', async () => {
    const from = await tempDir('kpi-carry-empty-');
    const to = await tempDir('kpi-carry-to-');
    await carryOverContract(from, to, JOBFOKUS, HOLD);
    expect(JSON.parse(read(to, 'contracts', 'jobfokus.json'))).toEqual({
      id: 'jobfokus',
      kind: 'dsi_social_investment',
      title: JOBFOKUS.title,
      asOf: '2027-03-01',
      municipality: '360',
      status: 'no_data',
      heldBack: HELD,
    });
    expect(read(to, 'contracts', 'jobfokus.json').endsWith('}\n')).toBe(true);
    expect(existsSync(join(to, 'contracts', 'jobfokus.evidence.parquet'))).toBe(false);
    expect(existsSync(join(to, 'charts'))).toBe(true);
  });

  it('held back again: a file that had only a reason gets the new reason, still without figures', async () => {
    const from = await previous({
      id: 'jobfokus',
      kind: 'dsi_social_investment',
      title: JOBFOKUS.title,
      asOf: '2027-02-01',
      municipality: '360',
      status: 'no_data',
      heldBack: { reason: 'gammel grund', files: ['x.csv'] },
    });
    const to = await tempDir('kpi-carry-to-');
    await carryOverContract(from, to, JOBFOKUS, HOLD);
    expect(JSON.parse(read(to, 'contracts', 'jobfokus.json'))).toMatchObject({
      asOf: '2027-03-01',
      status: 'no_data',
      heldBack: HELD,
    });
  });

  it('two contracts carried into the same folder', async () => {
    const from = await previous();
    for (const ext of ['json', 'evidence.parquet'])
      writeFileSync(join(from, 'contracts', `ungeloftet.${ext}`), `u ${ext}`);
    const to = await tempDir('kpi-carry-to-');
    await carryOverContract(from, to, JOBFOKUS);
    await carryOverContract(from, to, UNGELOFTET, HOLD);
    expect(read(to, 'contracts', 'jobfokus.evidence.parquet')).toBe('PAR1 evidence');
    expect(read(to, 'contracts', 'ungeloftet.evidence.parquet')).toBe('u evidence.parquet');
  });
});

describe('which inputs hold back which contract (docs/contracts.md)', () => {
  it('Jobfokus reads enrolment, employment and the life-satisfaction survey; Ungeløftet enrolment and employment', () => {
    const config = parseConfig({ contracts: [JOBFOKUS, UNGELOFTET] });
    const artifacts = declareArtifacts(config, []);
    const rejected = (extract: string): InputFile => ({
      extract,
      file: `${extract}/x.csv`,
      sha256: '',
      status: 'rejected',
      rowsRead: 1,
      rowsLoaded: 0,
      rowsRejected: 1,
      rowsSkipped: 0,
      encoding: null,
      delimiter: null,
      decimal: null,
      extraColumns: [],
    });
    const held = (extract: string) =>
      decideTrust({
        inputs: [rejected(extract)],
        delivered: EXTRACT_NAMES,
        volumes: {},
        tolerance: 0.2,
        artifacts,
        allowPartial: false,
      })
        .holds.filter((h) => h.kind === 'contract')
        .map((h) => h.id);
    expect(Object.fromEntries(EXTRACT_NAMES.map((e) => [e, held(e)]))).toEqual({
      sel85: [],
      employment: ['jobfokus', 'ungeloftet'],
      neet: [],
      treatment: [],
      survey_responses: ['jobfokus'], // the answers are checked against the responses
      survey_answers: ['jobfokus'],
      survey_benchmarks: [],
      enrollment: ['jobfokus', 'ungeloftet'],
      cafe: [],
      tariffs: [],
      occupancy: [],
      rangliste: [],
    });
  });
});
