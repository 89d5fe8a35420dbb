// Whole-pipeline throughput (`extract` without storing): words and documents per second on one
// core, over the example article repeated with a varying first line, plus peak memory.
import { readFileSync, existsSync } from 'node:fs';
import { buildArticle } from '../article/index.js';
import { processDocument } from './index.js';
import { exampleArticle } from '../testing/shared.js';
import { packageRoot } from '../model/paths.js';
import path from 'node:path';

export async function runBench(log: (line: string) => void): Promise<void> {
  const base = existsSync(exampleArticle) ? readFileSync(exampleArticle, 'utf8') : readFileSync(path.join(packageRoot, 'examples', 'wagner-mutiny.txt'), 'utf8');
  const words = base.split(/\s+/).filter(Boolean).length;
  const runs = 40;
  processDocument(buildArticle(input(base, 0))); // warm-up: model load, JIT
  const t0 = process.hrtime.bigint();
  for (let i = 1; i <= runs; i++) processDocument(buildArticle(input(base, i), { published: '2022-08-02' }));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  log(`extract (whole pipeline, no store): ${runs} docs of ${words} words in ${seconds.toFixed(2)} s`);
  log(`  ${(runs / seconds).toFixed(1)} docs/s, ${Math.round((runs * words) / seconds)} words/s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

function input(text: string, i: number) {
  const varied = `Edition ${i}\n\n${text}`;
  return { source: `bench-${i}.txt`, bytes: Buffer.from(varied), mediaType: 'text/plain', charset: null, url: null, fetchedAt: null };
}
