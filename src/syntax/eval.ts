// `npm run eval:syntax`: UPOS accuracy, UAS and LAS of the shipped model on UD English EWT test
// (gold tokenization, predicted tags, punctuation included).
//
//   node dist/syntax/eval.js [--split test] [--model file]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sharedPath } from '../testing/shared.js';
import { parseConllu } from './conllu.js';
import { scoreSyntax } from './evaluate.js';
import { readModel } from './model-file.js';
import { parse } from './parser.js';
import { tag } from './tagger.js';
import { dataPath } from '../model/paths.js';
import { MODEL_FILE } from './index.js';

const { values: args } = parseArgs({
  options: { split: { type: 'string', default: 'test' }, model: { type: 'string', default: dataPath('syntax', MODEL_FILE) } },
});
const sentences = parseConllu(readFileSync(sharedPath('data', 'ud-english-ewt', `en_ewt-ud-${args.split}.conllu`), 'utf8'));
const model = readModel(readFileSync(args.model!));
const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
const scores = scoreSyntax(sentences, (words) => {
  const upos = tag(model.tagger, words);
  return parse(model.parser, words, upos).map((p, i) => ({ ...p, upos: upos[i] }));
});
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const pct = (x: number) => (100 * x).toFixed(2);
console.log(`EWT ${args.split}: ${sentences.length} sentences, ${scores.words} words (gold tokenization, predicted tags, punctuation included)`);
console.log(`SCORE upos=${pct(scores.upos)} uas=${pct(scores.uas)} las=${pct(scores.las)} las_universal=${pct(scores.lasUniversal)}`);
// CPU time as well as wall time: on a shared machine the wall clock counts other processes' turns.
console.log(`tag+parse: ${Math.round(scores.words / cpuSeconds)} words per CPU second, ${Math.round(scores.words / seconds)} words/s wall (cold start, JIT warm-up included)`);
