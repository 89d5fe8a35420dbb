// Syntax speed: model load time, and words per second of tagging + parsing on one core, over the
// EWT test sentences (gold tokenization) where the shared data is present, else over the example
// article's sentences as tokenized by the pipeline.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeText } from '../analyze/index.js';
import { buildArticle } from '../article/index.js';
import { processDocument } from '../pipeline/index.js';
import { packageRoot } from '../model/paths.js';
import { exampleArticle, sharedPath } from '../testing/shared.js';
import { parseConllu } from './conllu.js';
import { parseSentence, parseTokens, syntaxModel, treebankForm } from './index.js';

function sentences(): { label: string; words: string[][] } {
  const ewt = sharedPath('data', 'ud-english-ewt', 'en_ewt-ud-test.conllu');
  if (existsSync(ewt)) return { label: 'EWT test', words: parseConllu(readFileSync(ewt, 'utf8')).map((s) => s.words) };
  const file = existsSync(exampleArticle) ? exampleArticle : path.join(packageRoot, 'examples', 'wagner-mutiny.txt');
  const { tokens, sentences } = analyzeText(readFileSync(file, 'utf8'));
  return { label: path.basename(file), words: sentences.map((s) => tokens.slice(s.firstToken, s.endToken).map((t) => treebankForm(t.text))) };
}

export async function runBench(log: (line: string) => void): Promise<void> {
  let t0 = process.hrtime.bigint();
  syntaxModel();
  log(`model load: ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0)} ms`);
  const { label, words } = sentences();
  const count = words.reduce((n, s) => n + s.length, 0);
  for (const s of words.slice(0, 200)) parseSentence(s); // warm-up
  const rounds = Math.max(1, Math.ceil(100000 / count));
  t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (const s of words) parseSentence(s);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  log(`tag+parse: ${rounds * count} words (${label}) in ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU`);
  // Words per CPU second too: on a shared machine the wall clock also counts other processes' turns.
  log(`  ${Math.round((rounds * count) / seconds)} words/s wall, ${Math.round((rounds * count) / cpuSeconds)} words per CPU second, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  pipelineShare(log);
}

/**
 * What parsing every sentence would add to the pipeline: CPU time of tag + parse over a document's
 * sentences against CPU time of the whole pipeline on it (the budget for a `syntax` field on
 * analyzed sentences was 20%).
 */
export function pipelineShare(log: (line: string) => void): void {
  const file = existsSync(exampleArticle) ? exampleArticle : path.join(packageRoot, 'examples', 'wagner-mutiny.txt');
  const text = readFileSync(file, 'utf8');
  const input = (i: number) => ({ source: `bench-${i}.txt`, bytes: Buffer.from(`Edition ${i}\n\n${text}`), mediaType: 'text/plain', charset: null, url: null, fetchedAt: null });
  const cpu = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1e6;
  };
  const runs = 10;
  let doc = processDocument(buildArticle(input(0), {}));
  let t = cpu();
  for (let i = 1; i <= runs; i++) doc = processDocument(buildArticle(input(i), {}));
  const pipeline = (cpu() - t) / runs;
  for (const s of doc.sentences) parseTokens(doc.tokens, s.firstToken, s.endToken);
  t = cpu();
  for (let i = 0; i < runs; i++) for (const s of doc.sentences) parseTokens(doc.tokens, s.firstToken, s.endToken);
  const syntax = (cpu() - t) / runs;
  log(`pipeline share (${path.basename(file)}, ${doc.tokens.length} tokens): pipeline ${(pipeline * 1000).toFixed(1)} ms CPU/doc, tag+parse of all its sentences ${(syntax * 1000).toFixed(1)} ms (${((100 * syntax) / pipeline).toFixed(0)}%)`);
}
