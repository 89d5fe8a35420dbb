// The normal form lines and cue phrases are compared in: NFKD without diacritics, lower case,
// every run of non-letters/digits one space. "Suscríbete  para…" and "suscribete para" are equal.

const COMBINING = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

export function normalForm(s: string): string {
  return s.normalize('NFKD').replace(COMBINING, '').toLowerCase().replace(NOT_WORD, ' ').trim();
}

/** Words as the chrome rules count them: runs of letters or digits. */
export function wordCount(s: string): number {
  const m = s.match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}
