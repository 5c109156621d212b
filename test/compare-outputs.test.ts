/**
 * test/compare-outputs.ts, the script that shows a change of structure changes no output: it ignores
 * what names the run and finds any other difference.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareOutputs } from './compare-outputs.ts';
import { tempDir } from './helpers.ts';

async function out(value: number, runId: string, extra?: string): Promise<string> {
  const dir = await tempDir('kpi-cmp-');
  for (const d of ['public', 'restricted']) mkdirSync(join(dir, d), { recursive: true });
  writeFileSync(
    join(dir, 'public', 'kpis.json'),
    JSON.stringify({ runId, generatedAt: `2027-01-0${value}T01:00:00Z`, kpis: [{ id: 'k', value: 0.5 }] }),
  );
  writeFileSync(join(dir, 'public', 'kpis.csv'), `run_id;value\n${runId};0,5\n`);
  writeFileSync(join(dir, 'restricted', 'report.html'), `<p>Kørsel ${runId}</p><p>${extra ?? ''}</p>`);
  return dir;
}

describe('comparing two runs’ outputs', () => {
  it('the same apart from run ids and times; a changed figure, file or word is a difference', async () => {
    const a = await out(1, '20270101T010000Z-aaaaaa');
    expect(await compareOutputs(a, await out(2, '20270102T010000Z-bbbbbb'))).toEqual([]);
    const b = await out(2, '20270102T010000Z-bbbbbb', 'ny tekst');
    expect(await compareOutputs(a, b)).toEqual(['differs: restricted/report.html']);
    writeFileSync(
      join(b, 'public', 'kpis.json'),
      JSON.stringify({ runId: 'x', kpis: [{ id: 'k', value: 0.6 }] }),
    );
    writeFileSync(join(b, 'public', 'extra.json'), '{}');
    expect(await compareOutputs(a, b)).toEqual([
      `only in ${b}: public/extra.json`,
      'differs: public/kpis.json',
      'differs: restricted/report.html',
    ]);
  });
});
