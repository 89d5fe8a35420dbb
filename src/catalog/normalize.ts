// One normal form of a name, shared by the catalog index and the entity stage, so that
// "Al-Qaeda", "al Qaeda" and "AL_QAEDA" meet, and "U.S." meets "US".

/** Lowercase, no diacritics, no dots or apostrophes, hyphens and underscores as spaces, no leading "the". */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`.]/g, '')
    .replace(/[-‐‑‒–—_/]/g, ' ')
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

const MINOR_WORDS = new Set(['of', 'and', 'the', 'in', 'for', 'on', 'at', 'to', 'de', 'del', 'la', 'le', 'du', 'des', 'y', 'e', 'bin', 'ibn', 'van', 'von']);

/**
 * "OSAMA BIN LADEN" → "Osama bin Laden", "THE UNITED STATES OF AMERICA" → "United States of
 * America". Words of up to three letters that stand alone ("US", "UN"), an organization's one-word
 * name of up to five letters ("IAEA") and dotted words ("U.S.") are taken for acronyms.
 */
export function titleCase(upper: string, acronymLength = 3): string {
  const words = upper.replace(/^THE /, '').split(' ');
  if (words.length === 1 && upper.length <= acronymLength && /^[A-Z]+$/.test(upper)) return upper;
  return words
    .map((w, i) => {
      if (/^([A-Z]\.)+$/.test(w)) return w;
      const lower = w.toLowerCase();
      if (i > 0 && MINOR_WORDS.has(lower)) return lower;
      return lower.replace(/(^|[-(])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
    })
    .join(' ');
}
