import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyzeText } from './index.js';
import { exampleArticle, hasShared } from '../testing/shared.js';

describe('analyze', () => {
  it('gives tokens whose offsets point at their text, and sentences that do not cross lines', () => {
    const text = 'After 1998, the rebels had sealed a truce with General Okafor.\nThe third, on March 3, 2019 in Herat. She left.';
    const { sentences, tokens } = analyzeText(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'After 1998, the rebels had sealed a truce with General Okafor.',
      'The third, on March 3, 2019 in Herat.',
      'She left.',
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
