// Name keys used to find the same actor across documents. Pure functions, tested on their own.
import { resolutionRules } from './rules.js';

/**
 * The comparable form of a name: diacritics dropped, lower case, dashes, apostrophes and periods
 * removed ("U.S." = "US", "al-Qaeda" = "Al Qaeda"), a leading "the " dropped, spaces collapsed.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`´]s\b/g, 's')
    .replace(/[.'’‘`´]/g, '')
    .replace(/[-‐‑‒–—―_/]/g, ' ')
    .replace(/[^\p{L}\p{N}&\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

export function tokensOf(norm: string): string[] {
  return norm ? norm.split(' ') : [];
}

/**
 * Shorter forms a person's full name may appear as in another article: its trailing word runs
 * ("osama bin laden" → "bin laden", "laden"), without runs that are only particles ("bin").
 */
export function personShortForms(norm: string, rules = resolutionRules()): string[] {
  const toks = tokensOf(norm);
  const out: string[] = [];
  const particles = new Set(rules.nameParticles);
  for (let i = 1; i < toks.length; i++) {
    const rest = toks.slice(i);
    if (particles.has(rest[0]!) && rest.length === 1) continue;
    if (rest.every((t) => particles.has(t))) continue;
    if (rest.length === 1 && rest[0]!.length < rules.minSuffixLength) continue;
    // A suffix starting with a particle is kept whole ("bin laden"); the bare word after it too.
    out.push(rest.join(' '));
  }
  return out;
}

/** The acronym of a multi-word organization name ("islamic state of iraq and syria" → "isis"). */
export function acronymOf(norm: string, rules = resolutionRules()): string | null {
  const stop = new Set(rules.acronymStopwords);
  const words = tokensOf(norm).filter((t) => !stop.has(t));
  if (words.length < 2) return null;
  return words.map((w) => w[0]).join('');
}

/** Whether a surface form looks like an acronym (ISIS, U.S., AQAP). */
export function looksLikeAcronym(name: string): boolean {
  const letters = name.replace(/[.\s]/g, '');
  return letters.length >= 2 && letters.length <= 8 && /^[A-Z0-9&]+$/.test(letters) && /[A-Z]/.test(letters);
}

/** True when the words of `short` appear in `long` in the same order (Barack Obama ⊂ Barack Hussein Obama). */
export function isTokenSubsequence(short: string, long: string): boolean {
  const s = tokensOf(short);
  const l = tokensOf(long);
  let i = 0;
  for (const t of l) if (i < s.length && s[i] === t) i++;
  return i === s.length;
}

/**
 * Two persons' fullest names conflict when neither is a word subsequence of the other: "Osama Bin
 * Laden" and "Hamza Bin Laden" share "Bin Laden" but are different people.
 */
export function personNamesConflict(fullA: string, fullB: string): boolean {
  if (fullA === fullB) return false;
  return !isTokenSubsequence(fullA, fullB) && !isTokenSubsequence(fullB, fullA);
}

/** The fullest of a set of normalized names: most words, then longest, then alphabetical. */
export function fullestName(norms: Iterable<string>): string {
  let best = '';
  for (const n of norms) {
    const d = tokensOf(n).length - tokensOf(best).length || n.length - best.length || (best < n ? -1 : 1);
    if (!best || d > 0) best = n;
  }
  return best;
}

/** A readable, stable piece of an actor id: "Osama Bin Laden" → "osama-bin-laden". */
export function slug(name: string): string {
  return normalizeName(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 32).replace(/-$/, '') || 'actor';
}
