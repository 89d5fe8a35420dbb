// A fact's confidence from its sources: each independent source adds its own belief, and copies
// of one story (same site, or the same sentence syndicated) count once.
import { resolutionRules } from './rules.js';
import { normalizeName } from './names.js';

export interface SourceSupport {
  documentId: string;
  /** The extraction's confidence in that document (the highest of its statements of the fact). */
  confidence: number;
  site: string | null;
  sentences: string[];
}

/** 1 − Π(1 − c) over groups of dependent sources, each group counting its best statement. */
export function combinedConfidence(support: SourceSupport[], rules = resolutionRules()): number {
  if (support.length === 0) return 0;
  const parent = support.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (i: number, j: number) => { parent[find(i)] = find(j); };
  const bySite = new Map<string, number>();
  const bySentence = new Map<string, number>();
  support.forEach((s, i) => {
    if (rules.sourceIndependence.sameSite && s.site) {
      const j = bySite.get(s.site);
      if (j === undefined) bySite.set(s.site, i); else union(i, j);
    }
    if (rules.sourceIndependence.sameSentence) {
      for (const sentence of s.sentences) {
        const key = normalizeName(sentence);
        if (!key) continue;
        const j = bySentence.get(key);
        if (j === undefined) bySentence.set(key, i); else union(i, j);
      }
    }
  });
  const best = new Map<number, number>();
  support.forEach((s, i) => {
    const g = find(i);
    const c = Math.min(1, Math.max(0, s.confidence));
    best.set(g, Math.max(best.get(g) ?? 0, c));
  });
  let disbelief = 1;
  for (const c of best.values()) disbelief *= 1 - c;
  return Math.round(Math.min(rules.confidenceCap, 1 - disbelief) * 1000) / 1000;
}
