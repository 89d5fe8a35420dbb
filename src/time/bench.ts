// Time-expression throughput: words per second of the time stage alone (the analyze stage runs
// once beforehand and is not counted), on real news text and on a text made only of numbers.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { DocumentMeta, WorkingDocument } from '../model/types.js';
import { newWorkingDocument } from '../pipeline/index.js';
import { analyze } from '../analyze/index.js';
import { hasShared, sharedPath, exampleArticle } from '../testing/shared.js';
import { recognizeTime } from './index.js';
import { matchTimexes, readMeantime } from './meantime.js';
import { timeDocument } from './testing.js';

function prepared(text: string, published: string | null): WorkingDocument {
  const meta: DocumentMeta = { id: '', source: 'bench', title: null, published, language: 'en', text, removed: [] };
  const doc = newWorkingDocument(meta);
  analyze(doc);
  return doc;
}

function measure(log: (line: string) => void, label: string, docs: WorkingDocument[], minMs = 2000): void {
  const words = docs.reduce((n, d) => n + d.tokens.length, 0);
  const published = docs.map((d) => d.meta.published);
  // Warm up: compiles the rules and lets the JIT settle.
  for (const d of docs) recognizeTime(d);
  let rounds = 0;
  let timexes = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < docs.length; i++) {
      docs[i].meta.published = published[i];
      recognizeTime(docs[i]);
      timexes += docs[i].timexes.length;
    }
    rounds++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  const perSecond = (words * rounds) / (elapsed / 1000);
  log(`${label}: ${docs.length} docs, ${words} words, ${timexes / rounds} timexes; ${Math.round(perSecond).toLocaleString('en-US')} words/s (${(elapsed / rounds).toFixed(1)} ms per pass)`);
}

export async function runBench(log: (line: string) => void): Promise<void> {
  const heapBefore = process.memoryUsage().heapUsed;
  if (hasShared && existsSync(exampleArticle)) {
    measure(log, 'example article', [prepared(readFileSync(exampleArticle, 'utf8'), '2022-08-02')]);
    const dir = sharedPath('data', 'tempeval3', 'TE3-platinum-test');
    if (existsSync(dir)) {
      const docs = readdirSync(dir).filter((f) => f.endsWith('.TE3input')).map((f) => {
        const xml = readFileSync(`${dir}/${f}`, 'utf8');
        const text = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
        const dct = /functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})/.exec(xml)?.[1] ?? /value="(\d{4}-\d{2}-\d{2})"[^>]*functionInDocument="CREATION_TIME"/.exec(xml)?.[1] ?? null;
        return prepared(text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'), dct);
      });
      measure(log, 'TempEval-3 platinum', docs);
    }
  } else {
    log('(../shared absent: news figures skipped)');
  }
  // Adversarial: 20,000 numbers, a few of them year-like.
  const numbers = Array.from({ length: 20_000 }, (_, i) => String((i * 7919) % 100_000)).join(' ');
  measure(log, 'numbers only', [prepared(`Figures: ${numbers}.`, '2022-08-02')]);
  // Without a publication date the stage also infers one (a second pass over the text).
  if (hasShared && existsSync(exampleArticle)) measure(log, 'example article, publication date inferred', [prepared(readFileSync(exampleArticle, 'utf8'), null)]);
  // Generality: MEANTIME news, annotated by others, never used to write rules.
  const meantime = sharedPath('data', 'meantime-en', 'intra_cross-doc_annotation.tar.gz');
  if (hasShared && existsSync(meantime)) {
    const t = { gold: 0, system: 0, relaxed: 0, strict: 0, valueCorrect: 0 };
    for (const d of readMeantime(meantime)) {
      const f = matchTimexes(d.gold, timeDocument(d.text, d.dct, {}, d.name).timexes.filter((x) => x.end <= d.annotatedEnd));
      for (const k of Object.keys(t) as Array<keyof typeof t>) t[k] += f[k];
    }
    log(`MEANTIME (120 docs, annotated sentences only): gold ${t.gold}, system ${t.system}; relaxed recall ${(t.relaxed / t.gold).toFixed(3)}, strict recall ${(t.strict / t.gold).toFixed(3)}, value accuracy of matches ${(t.valueCorrect / t.relaxed).toFixed(3)}; precision ${(t.relaxed / t.system).toFixed(3)} (MEANTIME leaves many expressions unannotated)`);
  }
  log(`heap growth ${((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(1)} MB`);
}
