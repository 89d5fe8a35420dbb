import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyzeText } from './index.js';
import { exampleArticle, hasShared } from '../testing/shared.js';

describe('analyze', () => {
  it('gives tokens whose offsets point at their text, and sentences that do not cross lines', () => {
    const text = 'Before 9/11, Bin Laden had sealed a pact with Mullah Omar.\nThe second, on July 31, 2022 in Kabul. He died.';
    const { sentences, tokens } = analyzeText(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Before 9/11, Bin Laden had sealed a pact with Mullah Omar.',
      'The second, on July 31, 2022 in Kabul.',
      'He died.',
    ]);
    expect(tokens.find((t) => t.text === 'sealed')?.pos).toBe('VERB');
    expect(tokens.find((t) => t.text === 'sealed')?.lemma).toBe('seal');
  });

  it.skipIf(!hasShared)('keeps offsets exact over a real scraped article', () => {
    const text = readFileSync(exampleArticle, 'utf8');
    const { sentences, tokens } = analyzeText(text);
    expect(sentences.length).toBeGreaterThan(30);
    expect(tokens.every((t) => text.slice(t.start, t.end) === t.text)).toBe(true);
    expect(tokens.every((t, i) => i === 0 || t.start >= tokens[i - 1].end)).toBe(true);
  });
});
