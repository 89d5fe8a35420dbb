// The fact stage end to end, through the whole pipeline and the team's independent scorers:
// the example article and the PLOVER gold sentences (evaluation only; nothing of them is kept).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exampleArticle, hasShared, sharedPath } from '../testing/shared.js';
import { runPipeline, toExtractResult } from '../pipeline/index.js';
import type { RawInput } from '../read/index.js';

function fileInput(file: string): RawInput {
  return { source: file, bytes: readFileSync(file), mediaType: 'text/plain', charset: null, url: null, fetchedAt: null };
}

function score(script: string, args: string[]): { status: number | null; line: string; stderr: string } {
  const res = spawnSync(process.execPath, [sharedPath('eval', script), ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: res.status, line: res.stdout.trim().split('\n').at(-1) ?? '', stderr: res.stderr };
}

describe.skipIf(!hasShared)('facts, end to end', () => {
  it('the example article: fact precision, recall and qualifiers reach their floors', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ag-facts-example-'));
    const doc = runPipeline(fileInput(exampleArticle), { published: '2022-08-02' });
    writeFileSync(path.join(dir, 'taliban-al-qaeda-alliance.json'), JSON.stringify(toExtractResult(doc)));
    const r = score('score-extraction.mjs', ['--gold', sharedPath('gold'), '--system', dir, '--min', 'fact_p=0.80', 'fact_r=0.55', 'fact_time_acc=0.90', 'place_acc=0.90', '--max', 'span_errors=0', 'ref_errors=0', 'schema_errors=0']);
    console.log(r.line);
    expect(r.stderr, r.line).toBe('');
    expect(r.status).toBe(0);
  });

  it('PLOVER gold sentences: event type accuracy reaches its floor', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ag-facts-plover-'));
    const gold = sharedPath('data', 'plover', 'PLOVER_GSR_CAMEO.json');
    const prep = spawnSync(process.execPath, [sharedPath('eval', 'prepare-plover.mjs'), gold, dir], { encoding: 'utf8' });
    expect(prep.status, prep.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Array<{ file: string; published: string }>;
    const lines = manifest.map((m) => JSON.stringify(toExtractResult(runPipeline(fileInput(path.join(dir, m.file)), { raw: true, published: m.published }))));
    const out = path.join(dir, 'out.jsonl');
    writeFileSync(out, lines.join('\n') + '\n');
    const r = score('score-plover.mjs', ['--gold', gold, '--system', out, '--min', 'type_acc=0.64', 'pair_recall=0.73', '--max', 'span_errors=0']);
    console.log(r.line);
    expect(r.stderr, r.line).toBe('');
    expect(r.status).toBe(0);
  });
});
