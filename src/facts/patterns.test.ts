// Every pattern of data/facts/ carries test sentences; this runs them all, so an analyst who adds
// a pattern with a sentence gets it checked without touching code.
import { describe, expect, it } from 'vitest';
import { loadRules } from './rules.js';
import { extractFacts } from './index.js';
import { factPairs, markedDocument } from './marked.js';
import { SYMMETRIC_TYPES } from '../model/types.js';

const rules = loadRules().rules.filter((r) => r.tests.length);

describe('fact patterns in data/facts', () => {
  it('every relation pattern has at least one test sentence', () => {
    const untested = loadRules().rules.filter((r) => r.file === 'relations.json' && !r.tests.length).map((r) => r.id);
    expect(untested).toEqual([]);
  });
  for (const rule of rules) {
    for (const t of rule.tests) {
      it(`${rule.id}: ${t.text}`, () => {
        const doc = markedDocument(t.text);
        extractFacts(doc);
        const found = factPairs(doc, rule.type);
        const flip = (p: string) => p.split(' → ').reverse().join(' → ');
        for (const want of t.expect) {
          const ok = found.includes(want) || (SYMMETRIC_TYPES.has(rule.type) && found.includes(flip(want)));
          expect(ok, `expected ${rule.type} ${want}, found ${JSON.stringify(found)}`).toBe(true);
        }
        if (!t.expect.length) expect(found).toEqual([]);
      });
    }
  }
});
