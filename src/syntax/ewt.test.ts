// The shipped model on UD English EWT test (gold tokenization, predicted tags, punctuation
// included). Floors sit just below the figures measured when the model was trained
// (`npm run eval:syntax`: UPOS 94.90, UAS 84.81, LAS 81.27).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../testing/shared.js';
import { parseConllu } from './conllu.js';
import { scoreSyntax } from './evaluate.js';
import { parseSentence } from './index.js';

describe.skipIf(!hasShared)('EWT test split', () => {
  it('tags and parses at the measured accuracy', () => {
    const sentences = parseConllu(readFileSync(sharedPath('data', 'ud-english-ewt', 'en_ewt-ud-test.conllu'), 'utf8'));
    const scores = scoreSyntax(sentences, (words) => parseSentence(words));
    expect(scores.words).toBe(25094);
    expect(scores.upos).toBeGreaterThan(0.945);
    expect(scores.uas).toBeGreaterThan(0.845);
    expect(scores.las).toBeGreaterThan(0.81);
  }, 120_000);
});
