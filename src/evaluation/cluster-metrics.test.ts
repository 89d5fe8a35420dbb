import { describe, expect, it } from 'vitest';
import { bcubed, pairwise, type ClusteredItem } from './cluster-metrics.js';

const items = (gold: string, system: string): ClusteredItem[] => [...gold].map((g, i) => ({ gold: g, system: system[i]! }));

describe('cluster metrics', () => {
  it('scores a perfect clustering 1 and is blind to label names', () => {
    const perfect = items('aabbbc', 'xxyyyz');
    expect(bcubed(perfect)).toEqual({ p: 1, r: 1, f1: 1 });
    expect(pairwise(perfect)).toMatchObject({ p: 1, r: 1, f1: 1, goldPairs: 4 });
  });

  it('a split cluster keeps precision and loses recall', () => {
    // gold {1,2,3} as one actor; the system splits it {1,2} {3}.
    const split = items('aaa', 'xxy');
    const b = bcubed(split);
    expect(b.p).toBe(1);
    expect(b.r).toBeCloseTo((2 / 3 + 2 / 3 + 1 / 3) / 3, 10);
    const pw = pairwise(split);
    expect(pw.p).toBe(1);
    expect(pw.r).toBeCloseTo(1 / 3, 10);
  });

  it('a wrong merge keeps recall and loses precision', () => {
    // gold {1,2} {3}; the system puts all three together.
    const merged = items('aab', 'xxx');
    const b = bcubed(merged);
    expect(b.r).toBe(1);
    expect(b.p).toBeCloseTo((2 / 3 + 2 / 3 + 1 / 3) / 3, 10);
    const pw = pairwise(merged);
    expect(pw.r).toBe(1);
    expect(pw.p).toBeCloseTo(1 / 3, 10);
  });

  it('all singletons: B-cubed precision 1, pairwise precision 0 (no system pairs)', () => {
    const singletons = items('aabb', 'wxyz');
    expect(bcubed(singletons).p).toBe(1);
    expect(bcubed(singletons).r).toBe(0.5);
    expect(pairwise(singletons)).toMatchObject({ p: 0, r: 0, f1: 0, systemPairs: 0 });
  });

  it('a textbook mixed case', () => {
    // gold A = {1..5}, B = {6,7}; system X = {1,2,3,4,6}, Y = {5,7}.
    const mixed = items('aaaaabb', 'xxxxyxy');
    const b = bcubed(mixed);
    expect(b.p).toBeCloseTo((4 * (4 / 5) + 1 / 5 + 1 / 2 + 1 / 2) / 7, 10);
    expect(b.r).toBeCloseTo((4 * (4 / 5) + 1 / 5 + 1 / 2 + 1 / 2) / 7, 10);
    const pw = pairwise(mixed);
    // tp: C(4,2)=6 from (a,x); system pairs C(5,2)+C(2,2)=11; gold pairs C(5,2)+C(2,2)=11.
    expect(pw.p).toBeCloseTo(6 / 11, 10);
    expect(pw.r).toBeCloseTo(6 / 11, 10);
  });

  it('is 0, not NaN, on no items', () => {
    expect(bcubed([])).toEqual({ p: 0, r: 0, f1: 0 });
    expect(pairwise([]).f1).toBe(0);
  });
});
