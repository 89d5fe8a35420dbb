// Fact-stage speed: words per second of extractFacts alone (the document analyzed once, entities
// and timexes from the other stages), and of the whole pipeline, on one core, over the example
// article repeated with a varying first line.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildArticle } from '../article/index.js';
import { processDocument } from '../pipeline/index.js';
import { exampleArticle } from '../testing/shared.js';
import { packageRoot } from '../model/paths.js';
import { extractAll } from './extract.js';
import { hasShared } from '../testing/shared.js';
import { groupLines, runRedocred } from './redocred.js';

function input(text: string, i: number) {
  return { source: `bench-${i}.txt`, bytes: Buffer.from(`Edition ${i}\n\n${text}`), mediaType: 'text/plain', charset: null, url: null, fetchedAt: null };
}

export async function runBench(log: (line: string) => void): Promise<void> {
  const base = existsSync(exampleArticle) ? readFileSync(exampleArticle, 'utf8') : readFileSync(path.join(packageRoot, 'examples', 'wagner-mutiny.txt'), 'utf8');
  const words = base.split(/\s+/).filter(Boolean).length;
  const doc = processDocument(buildArticle(input(base, 0), { published: '2022-08-02' }));
  const factRuns = 200;
  extractAll(doc);
  let t0 = process.hrtime.bigint();
  let facts = 0;
  for (let i = 0; i < factRuns; i++) facts = extractAll(doc).length;
  let s = Number(process.hrtime.bigint() - t0) / 1e9;
  log(`facts stage alone: ${factRuns} runs over ${words} words (${doc.entities.length} entities, ${facts} facts) in ${s.toFixed(2)} s`);
  log(`  ${Math.round((factRuns * words) / s)} words/s, ${((s / factRuns) * 1000).toFixed(2)} ms/doc`);
  const runs = 40;
  t0 = process.hrtime.bigint();
  for (let i = 1; i <= runs; i++) processDocument(buildArticle(input(base, i), { published: '2022-08-02' }));
  s = Number(process.hrtime.bigint() - t0) / 1e9;
  log(`whole pipeline: ${runs} docs of ${words} words in ${s.toFixed(2)} s`);
  log(`  ${Math.round((runs * words) / s)} words/s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  // Relation quality end to end on Re-DocRED test (Wikipedia introductions), per relation type.
  if (hasShared) {
    t0 = process.hrtime.bigint();
    const r = runRedocred();
    s = Number(process.hrtime.bigint() - t0) / 1e9;
    log(`Re-DocRED test, 500 documents in ${s.toFixed(1)} s:`);
    for (const line of groupLines(r.figures)) log(`  ${line}`);
    log(`  ${r.scoreLine}`);
  }
}
