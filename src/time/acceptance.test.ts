// End to end against the independent scorers in ../shared/eval: TempEval-3 platinum (value F1 and
// relaxed F1 above HeidelTime's published figures) and the example article's time expressions.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasShared, sharedPath, exampleArticle } from '../testing/shared.js';
import { buildArticle } from '../article/index.js';
import { newWorkingDocument } from '../pipeline/index.js';
import { analyze } from '../analyze/index.js';
import { recognizeTime } from './index.js';
import { timeDocument } from './testing.js';
import { matchTimexes, readMeantime } from './meantime.js';

const work = mkdtempSync(path.join(tmpdir(), 'actorgraph-time-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function score(args: string[]): { status: number | null; figures: Record<string, number>; out: string } {
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  const figures = Object.fromEntries([...line.matchAll(/(\w+)=([\d.]+)/g)].map((m) => [m[1], Number(m[2])]));
  return { status: run.status, figures, out: run.stdout + run.stderr };
}

describe.skipIf(!hasShared)('acceptance against ../shared', () => {
  it('beats HeidelTime on TempEval-3 platinum (value F1 ≥ 0.80, relaxed F1 ≥ 0.90)', () => {
    const prepared = path.join(work, 'te3');
    execFileSync(process.execPath, [sharedPath('eval', 'prepare-tempeval.mjs'), sharedPath('data', 'tempeval3', 'TE3-platinum-test'), prepared]);
    const manifest = JSON.parse(readFileSync(path.join(prepared, 'manifest.json'), 'utf8')) as Array<{ file: string; published: string }>;
    expect(manifest.length).toBe(20);
    const lines = manifest.map((entry) => {
      const file = path.join(prepared, entry.file);
      const doc = timeDocument(readFileSync(file, 'utf8'), entry.published, {}, file);
      return JSON.stringify({ document: doc.meta, entities: [], timexes: doc.timexes, facts: [] });
    });
    const system = path.join(work, 'te3.jsonl');
    writeFileSync(system, lines.join('\n') + '\n');
    const result = score([sharedPath('eval', 'score-timex.mjs'), '--gold', sharedPath('data', 'tempeval3', 'te3-platinum'), '--system', system, '--min', 'value_f1=0.80', 'relaxed_f1=0.90']);
    expect(result.status, result.out).toBe(0);
    expect(result.figures.value_f1).toBeGreaterThanOrEqual(0.8);
    expect(result.figures.relaxed_f1).toBeGreaterThanOrEqual(0.9);
  });

  it('finds every time expression of the example article with the right value and no false positive', () => {
    const input = { source: exampleArticle, bytes: readFileSync(exampleArticle), mediaType: 'text/plain', charset: null, url: null, fetchedAt: null };
    const doc = newWorkingDocument(buildArticle(input, { published: '2022-08-02' }));
    analyze(doc);
    recognizeTime(doc);
    const dir = path.join(work, 'example');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'taliban-al-qaeda-alliance.json'), JSON.stringify({ document: doc.meta, entities: [], timexes: doc.timexes, facts: [] }));
    const result = score([sharedPath('eval', 'score-extraction.mjs'), '--gold', sharedPath('gold', 'taliban-al-qaeda-alliance.gold.json'), '--system', dir, '--min', 'timex_value_acc=1', 'timex_p=1', 'timex_r=1', '--max', 'span_errors=0']);
    expect(result.status, result.out).toBe(0);
    expect(result.figures.timex_value_acc).toBe(1);
  });
});

describe.skipIf(!hasShared)('generality on MEANTIME (news the rules were not written against)', () => {
  it('finds most annotated time expressions and normalizes them right', () => {
    const docs = readMeantime(sharedPath('data', 'meantime-en', 'intra_cross-doc_annotation.tar.gz'));
    expect(docs.length).toBe(120);
    const total = { gold: 0, relaxed: 0, valueCorrect: 0 };
    for (const d of docs) {
      const system = timeDocument(d.text, d.dct, {}, d.name).timexes.filter((t) => t.end <= d.annotatedEnd);
      const f = matchTimexes(d.gold, system);
      total.gold += f.gold;
      total.relaxed += f.relaxed;
      total.valueCorrect += f.valueCorrect;
    }
    // MEANTIME leaves many time expressions unannotated, so precision says little; recall and the
    // value accuracy of what is found do.
    expect(total.gold).toBeGreaterThan(400);
    expect(total.relaxed / total.gold).toBeGreaterThanOrEqual(0.8);
    expect(total.valueCorrect / total.relaxed).toBeGreaterThanOrEqual(0.85);
  });
});
