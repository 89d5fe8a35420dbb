// The first article actorgraph must get right, scored by the team's independent scorer exactly
// as a user's run would produce it: the built CLI, `extract --json --published 2022-08-02`.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exampleArticle, hasShared, sharedPath } from '../testing/shared.js';
import { runCli } from '../testing/cli.js';

/** The floors the issues set (foundation, actors, time, facts), all reached; raised as stages improve. */
const floors = {
  min: ['boilerplate_removed=1', 'boilerplate_kept=1', 'entity_f1=0.95', 'entity_typed_f1=0.92', 'timex_value_acc=1', 'fact_p=0.80', 'fact_r=0.80', 'fact_time_acc=0.80', 'attribution_acc=0.80'],
  max: ['span_errors=0', 'ref_errors=0', 'schema_errors=0'],
};

describe.skipIf(!hasShared)('the example article, scored', () => {
  it('reaches the floors on every figure', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ag-example-'));
    const res = runCli(['extract', exampleArticle, '--published', '2022-08-02', '--json']);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    writeFileSync(path.join(dir, 'taliban-al-qaeda-alliance.json'), res.stdout);
    const score = spawnSync(process.execPath, [sharedPath('eval', 'score-extraction.mjs'), '--gold', sharedPath('gold'), '--system', dir, '--min', ...floors.min, '--max', ...floors.max], { encoding: 'utf8' });
    const scoreLine = score.stdout.trim().split('\n').at(-1);
    console.log(scoreLine);
    expect(score.stderr, scoreLine).toBe('');
    expect(score.status).toBe(0);
  });
});
