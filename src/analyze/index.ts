// Sentences and tokens with offsets, parts of speech and lemmas, by wink-nlp's English model.
// Tokens are rebuilt with their offsets from wink's token values and preceding spaces, which
// reproduce the input exactly (checked in the tests).
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Sentence, Token, WorkingDocument } from '../model/types.js';

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;
function getNlp(): Nlp {
  // Loading the model takes a few hundred milliseconds: once per process.
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

export interface Analysis {
  sentences: Sentence[];
  tokens: Token[];
}

/** Splits `text` into sentences and tokens (whitespace tokens dropped; offsets into `text`). */
export function analyzeText(text: string): Analysis {
  const nlp = getNlp();
  const its = nlp.its;
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  // Scraped and extracted articles put one paragraph (or a title, a chrome line) on each line:
  // a sentence never runs across a line break, so each line is analyzed on its own.
  const blockRe = /[^\n]+/g;
  for (let m = blockRe.exec(text); m; m = blockRe.exec(text)) {
    if (!m[0].trim()) continue;
    analyzeBlock(nlp, its, m[0], m.index, sentences, tokens);
  }
  return { sentences, tokens };
}

function analyzeBlock(nlp: Nlp, its: Nlp['its'], block: string, base: number, sentences: Sentence[], tokens: Token[]): void {
  const doc = nlp.readDoc(block);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const lemmas = doc.tokens().out(its.lemma as any) as string[];
  const norms = doc.tokens().out(its.normal) as string[];
  const starts: number[] = [];
  let off = 0;
  for (let i = 0; i < values.length; i++) {
    off += spaces[i].length;
    starts.push(off);
    off += values[i].length;
  }
  // Sentence boundaries as token index ranges.
  const ranges: Array<[number, number]> = [];
  doc.sentences().each((s: any) => {
    const [a, b] = s.out(its.span) as [number, number];
    ranges.push([a, b]);
  });
  for (const [a, b] of ranges) {
    const firstToken = tokens.length;
    for (let i = a; i <= b; i++) {
      if (pos[i] === 'SPACE' || !values[i].trim()) continue;
      const start = base + starts[i];
      tokens.push({ start, end: start + values[i].length, text: values[i], pos: pos[i], lemma: lemmas[i], norm: norms[i], sentence: sentences.length });
    }
    if (tokens.length === firstToken) continue;
    sentences.push({ start: tokens[firstToken].start, end: tokens[tokens.length - 1].end, firstToken, endToken: tokens.length });
  }
}

/** The analyze stage: fills `sentences` and `tokens`. */
export function analyze(doc: WorkingDocument): void {
  const { sentences, tokens } = analyzeText(doc.meta.text);
  doc.sentences = sentences;
  doc.tokens = tokens;
}
