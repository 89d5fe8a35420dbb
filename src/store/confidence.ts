// A fact's confidence from its sources: each independent source adds its own belief, and copies
// of one story count once. Which statements are copies is decided when a document is stored
// (its "source key"): documents of one site share a key; without a site, documents carrying the
// same evidence sentence (syndicated copies) share one.
import { resolutionRules } from './rules.js';
import { normalizeName } from './names.js';

export function sourceKey(docId: string, site: string | null, firstSentence: string | null, rules = resolutionRules()): string {
  if (rules.sourceIndependence.sameSite && site) return 'site:' + site;
  if (rules.sourceIndependence.sameSentence && firstSentence && normalizeName(firstSentence)) return 'sentence:' + normalizeName(firstSentence);
  return 'doc:' + docId;
}

/** 1 − Π(1 − c) over independent sources, each counting its most confident statement. */
export function combinedConfidence(bestPerSource: number[], rules = resolutionRules()): number {
  if (bestPerSource.length === 0) return 0;
  let disbelief = 1;
  for (const c of bestPerSource) disbelief *= 1 - Math.min(1, Math.max(0, c));
  return Math.round(Math.min(rules.confidenceCap, 1 - disbelief) * 1000) / 1000;
}
