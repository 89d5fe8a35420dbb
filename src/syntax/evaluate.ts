// Scores a tagger and parser against gold trees: UPOS accuracy, unlabelled and labelled
// attachment (UAS, LAS) over all words, punctuation included, on gold tokenization.
import type { UdSentence } from './conllu.js';

export interface SyntaxScores {
  words: number;
  upos: number;
  uas: number;
  las: number;
  /** LAS on universal relations only (subtypes cut: nsubj:pass counts as nsubj), as the CoNLL 2018 scorer. */
  lasUniversal: number;
}

export interface Analyzer {
  (words: string[], sentence: number): Array<{ upos: string; head: number; deprel: string }>;
}

/** `las` compares the full relation with its subtype (nsubj:pass ≠ nsubj): stricter than `lasUniversal`. */
export function scoreSyntax(sentences: UdSentence[], analyze: Analyzer): SyntaxScores {
  let words = 0;
  let upos = 0;
  let uas = 0;
  let las = 0;
  let lasUniversal = 0;
  sentences.forEach((s, index) => {
    const out = analyze(s.words, index);
    for (let i = 0; i < s.words.length; i++) {
      words++;
      if (out[i].upos === s.upos[i]) upos++;
      if (out[i].head === s.heads[i]) {
        uas++;
        if (out[i].deprel === s.deprels[i]) las++;
        if (out[i].deprel.split(':')[0] === s.deprels[i].split(':')[0]) lasUniversal++;
      }
    }
  });
  return { words, upos: upos / words, uas: uas / words, las: las / words, lasUniversal: lasUniversal / words };
}
