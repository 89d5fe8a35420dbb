// Part-of-speech tags and dependency trees (Universal Dependencies: UPOS and basic relations) for
// sentences, by the project's own tagger and parser trained on UD English EWT (`train.ts`).
// The weights load lazily, once per process, from data/syntax/.
import { readFileSync } from 'node:fs';
import type { Token } from '../model/types.js';
import { dataPath } from '../model/paths.js';
import { readModel, type SyntaxModel } from './model-file.js';
import { parse } from './parser.js';
import { tag } from './tagger.js';

export const MODEL_FILE = 'en-ewt.model.bin.gz';
export const EWT_SOURCE =
  'Weights derived from Universal Dependencies English EWT (https://github.com/UniversalDependencies/UD_English-EWT), CC BY-SA 4.0; see data/syntax/LICENSE-EWT.md.';

export interface SyntaxWord {
  /** Universal part-of-speech tag. */
  upos: string;
  /** 0 for the root of the sentence, else the 1-based position of the head word. */
  head: number;
  /** Basic UD relation to the head, with subtype (nsubj:pass, obl:agent, acl:relcl...). */
  deprel: string;
}

let model: SyntaxModel | null = null;

/** The shipped model, read on first use (about a second; see bench.ts). */
export function syntaxModel(): SyntaxModel {
  model ??= readModel(readFileSync(dataPath('syntax', MODEL_FILE)));
  return model;
}

/** Tags and parses one sentence given as words in UD tokenization ("do" "n't", "Taliban" "'s"). */
export function parseSentence(words: string[]): SyntaxWord[] {
  const m = syntaxModel();
  const upos = tag(m.tagger, words);
  return parse(m.parser, words, upos).map((p, i) => ({ upos: upos[i], head: p.head, deprel: p.deprel }));
}

/**
 * A pipeline token as the treebank would spell it. wink-nlp already splits clitics as UD does
 * ("do" + "n't", "ca" + "n't", "Taliban" + "'s"), so tokens map one to one onto words; only
 * typographic apostrophes and quotes, which the treebank rarely has, are made plain.
 */
export function treebankForm(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d\u201e]/g, '"');
}

/**
 * Parses the tokens of one pipeline sentence (`tokens[first..end)`): one SyntaxWord per token,
 * heads given as token indices into the same `tokens` array (-1 for the sentence's root).
 */
export function parseTokens(tokens: Token[], first: number, end: number): Array<SyntaxWord & { headToken: number }> {
  const words = tokens.slice(first, end).map((t) => treebankForm(t.text));
  return parseSentence(words).map((w) => ({ ...w, headToken: w.head === 0 ? -1 : first + w.head - 1 }));
}
