// The store's knowledge, read from data/store/resolution.json (see data/store/README.md).
import { readFileSync } from 'node:fs';
import { dataPath } from '../model/paths.js';

export interface ResolutionRules {
  compatibleTypes: Array<[string, string]>;
  personSuffixMatch: boolean;
  minSuffixLength: number;
  nameParticles: string[];
  acronymStopwords: string[];
  sourceIndependence: { sameSentence: boolean; sameSite: boolean };
  confidenceCap: number;
}

let cached: ResolutionRules | null = null;

export function resolutionRules(): ResolutionRules {
  if (!cached) cached = JSON.parse(readFileSync(dataPath('store', 'resolution.json'), 'utf8')) as ResolutionRules;
  return cached;
}

export function typesCompatible(a: string, b: string, rules = resolutionRules()): boolean {
  if (a === b) return true;
  return rules.compatibleTypes.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}
