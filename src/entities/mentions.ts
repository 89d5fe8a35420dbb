// Finding name mentions: runs of capitalized tokens with the name particles, hyphens, initials and
// "of"-complements that names carry ("Ayman al-Zawahiri", "George W. Bush", "University of
// Trieste", "Islamic State of Khorasan Province"), one lowercase head noun after them ("Haqqani
// network", "Doha agreement"), titles split off ("President Joe Biden" → title + name), and
// sentence-initial capitals and headline case kept from making names of common words.
import type { EntityType, Timex, Token, WorkingDocument } from '../model/types.js';
import type { Catalog, CatalogEntry } from '../catalog/index.js';
import { normalizeName } from '../catalog/normalize.js';
import { norpWord, type Lexicon } from './lexicon.js';

export interface Candidate {
  /** Token range [first, last). */
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  sentence: number;
  /** The title before the name ("President", "Mullah"), lowercased. */
  title: string | null;
  /** Type implied by the span's own shape (of-prefix, head noun), if any. */
  shapeType: EntityType | null;
  /** Ends in a lowercase head noun that was added to the capitalized run ("Haqqani network"). */
  headAdded: boolean;
  /** Catalog entries whose name or alias equals the span. */
  catalog: CatalogEntry[];
  /** The demonym or group word when the span is one ("Afghan", "Sunnis"). */
  norp: string | null;
  /** The span is in a headline-cased line: only known names are kept there. */
  headline: boolean;
  sentenceInitial: boolean;
  /** Inside parentheses right after another candidate: an acronym or alias defined there. */
  definesFor: number | null;
  acronym: boolean;
}

const POSSESSIVE = /(['’]s|['’])$/;
const CLOSED_POS = new Set(['DET', 'ADP', 'PRON', 'CCONJ', 'SCONJ', 'AUX', 'ADV', 'PART', 'INTJ', 'NUM', 'PUNCT', 'SYM']);

function isCap(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text) || /^\d+\p{Lu}/u.test(t.text);
}

function lower(t: Token): string {
  return t.text.toLowerCase().replace(POSSESSIVE, '');
}

export interface DetectContext {
  doc: WorkingDocument;
  lex: Lexicon;
  catalog: Catalog;
}

/** Is this sentence headline-cased (most content words capitalized)? */
function isHeadline(tokens: Token[], a: number, b: number): boolean {
  let words = 0;
  let caps = 0;
  for (let i = a; i < b; i++) {
    const t = tokens[i];
    if (!/^\p{L}/u.test(t.text) || t.text.length <= 3) continue;
    words++;
    if (isCap(t)) caps++;
  }
  return words >= 2 && caps / words >= 0.75 && !/[.!?]$/.test(tokens[b - 1].text) || (words >= 3 && caps / words >= 0.9);
}

const MONTHS_DAYS = /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow)$/;
function isMonthOrDay(l: string): boolean {
  return MONTHS_DAYS.test(l);
}

function overlapsTimex(timexes: Timex[], start: number, end: number): boolean {
  for (const t of timexes) if (t.start < end && start < t.end) return true;
  return false;
}

/** Finds the candidate name mentions of the document, in text order. */
export function detectCandidates(ctx: DetectContext): Candidate[] {
  const { doc, lex } = ctx;
  const tokens = doc.tokens;
  const text = doc.meta.text;
  const out: Candidate[] = [];
  const isParticle = (i: number) => lex.particles.has(tokens[i].text.toLowerCase());
  const glued = (i: number) => i > 0 && tokens[i].start === tokens[i - 1].end;
  const breaks = (i: number) => {
    const t = tokens[i];
    const l = lower(t);
    // A chrome or section word is no name alone ("Reply", "World"), but may open or sit inside one ("World Cup").
    if (lex.notNames.has(l)) {
      const next = tokens[i + 1];
      const inName = next && next.sentence === t.sentence && isCap(next) && !lex.notNames.has(lower(next)) && !overlapsTimex(doc.timexes, next.start, next.end);
      if (!inName || isMonthOrDay(l)) return true;
    }
    if (overlapsTimex(doc.timexes, t.start, t.end)) return true;
    if (lex.pronouns.has(l) && t.text === t.text.toLowerCase()) return true;
    return false;
  };

  for (let s = 0; s < doc.sentences.length; s++) {
    const sent = doc.sentences[s];
    const headline = isHeadline(tokens, sent.firstToken, sent.endToken);
    // Where the sentence's words start (after an opening quote or bullet).
    let firstWord = sent.firstToken;
    while (firstWord < sent.endToken && !/\p{L}/u.test(tokens[firstWord].text)) firstWord++;
    let i = sent.firstToken;
    // After a bare title with an "of" complement ("Minister of the Interior") the complement is no name of its own.
    let skipNext = false;
    while (i < sent.endToken) {
      const t = tokens[i];
      const startsHere = (isCap(t) && /\p{L}/u.test(t.text) && !breaks(i)) || (isParticle(i) && i + 2 < sent.endToken && tokens[i + 1].text === '-' && glued(i + 1) && isCap(tokens[i + 2]));
      if (!startsHere) {
        i++;
        continue;
      }
      let end = i + 1;
      // Grow the run: capitalized tokens, particles before a name part, glued hyphens, "&".
      while (end < sent.endToken) {
        const u = tokens[end];
        if (POSSESSIVE.test(tokens[end - 1].text) && tokens[end - 1].text.length > 2 && /['’]s$/.test(tokens[end - 1].text)) break;
        if (/^['’]s?$/.test(u.text)) break;
        if (isCap(u) && !breaks(end) && /[\p{L}\d]/u.test(u.text)) { end++; continue; }
        // Glued hyphens join name parts: "al-Zawahiri", "ISIS-K", "Chung-tai" (not "Taliban-led").
        if ((u.text === '-' || u.text === '‑') && glued(end) && end + 1 < sent.endToken && glued(end + 1) && (isCap(tokens[end + 1]) || isParticle(end + 1) || /^\d/.test(tokens[end + 1].text) || (/^\p{Ll}+$/u.test(tokens[end + 1].text) && !lex.hyphenSuffixes.has(tokens[end + 1].text) && !lex.common.has(tokens[end + 1].text)))) { end += 2; continue; }
        // "Rostov-on-Don", "Stratford-upon-Avon": a lowercase word between glued hyphens inside a place name.
        if (u.text === '-' && glued(end) && end + 3 < sent.endToken && glued(end + 1) && /^\p{Ll}{2,4}$/u.test(tokens[end + 1].text) && tokens[end + 2].text === '-' && glued(end + 2) && glued(end + 3) && isCap(tokens[end + 3])) { end += 4; continue; }
        if (isParticle(end) && end + 1 < sent.endToken && (isCap(tokens[end + 1]) || (tokens[end + 1].text === '-' && glued(end + 1)))) { end++; continue; }
        if (u.text === '&' && end + 1 < sent.endToken && isCap(tokens[end + 1])) { end += 2; continue; }
        break;
      }
      const found = splitRun(ctx, i, end, s, headline, firstWord, skipNext);
      skipNext = found.titleOf;
      for (const c of found.cands) out.push(c);
      i = Math.max(end, found.cands.length ? found.cands[found.cands.length - 1].last : end);
    }
  }
  markDefinitions(text, out);
  return out.filter((c) => c.first < c.last);
}

/** Breaks one capitalized run into candidates: titles, known prefixes, demonyms, "of" joins, head nouns. */
function splitRun(ctx: DetectContext, a: number, b: number, s: number, headline: boolean, firstWord: number, isTitleComplement: boolean): { cands: Candidate[]; titleOf: boolean } {
  const { doc, lex, catalog } = ctx;
  const tokens = doc.tokens;
  const sent = doc.sentences[s];
  const out: Candidate[] = [];
  const known = (x: number, y: number) => catalog.lookup(spanText(doc, x, y)).length > 0;
  const spaced = (k: number) => tokens[k].start > tokens[k - 1].end;
  // "Minister of the Interior", "Minister of Defence": a department, not a name; "Co-founder of Google" keeps Google.
  if (isTitleComplement && !known(a, b) && a > 1 && (tokens[a - 1].text.toLowerCase() === 'the' || range(a, b).every((k) => lex.common.has(lower(tokens[k]))))) return { cands: [], titleOf: false };
  // A run ending in an organization head keeps its title-like first words ("General Assembly").
  const lastHead = lex.heads.get(lower(tokens[b - 1]));
  let title: string | null = null;
  let i = a;
  // Sentence-initial common words are not names ("Before", "Different", "Since").
  while (i < b && i === firstWord && b - i >= 1 && !known(i, b)) {
    const l = lower(tokens[i]);
    // Closed-class words, common words and inflected forms ("Citing", "Discussing") are not names.
    const inflected = tokens[i].lemma && tokens[i].lemma.toLowerCase() !== l && (tokens[i].pos === 'VERB' || /(ing|ed)$/.test(l) || (b - i === 1 && /s$/.test(l)));
    if (CLOSED_POS.has(tokens[i].pos) || lex.common.has(l) || lex.common.has(l.replace(/s$/, '')) || lex.notNames.has(l) || inflected) {
      if (lex.titles.has(l) || norpWord(lex, l)) break;
      i++;
      firstWord = i;
    } else break;
  }
  if (i + 1 < b && lower(tokens[i]) === 'the') i++;
  while (i < b) {
    // A title ("President", "Prime Minister", "Mr.") splits the run; the name after it is a person.
    const titleLen = lastHead === 'ORG' && i + 1 < b ? 0 : matchTitle(lex, tokens, i, b);
    if (titleLen > 0 && (!known(i, b) || (i + titleLen < b && catalog.lookup(spanText(doc, i, b)).some((e) => e.type === 'PERSON')))) {
      title = spanText(doc, i, i + titleLen).toLowerCase();
      i += titleLen;
      if (i === b) {
        const next = tokens[b];
        return { cands: out, titleOf: !!next && next.sentence === s && next.text.toLowerCase() === 'of' };
      }
      continue;
    }
    // The longest known name (catalog) starting here, else the rest of the run.
    let j = b;
    if (b - i > 1 && !known(i, b)) {
      // "Sinjar Liberation Front" is one name although "Sinjar" is a known place: a head noun closes it.
      for (let k = lastHead ? i : b - 1; k > i; k--) {
        if (spaced(k) && known(i, k) && isNameLike(tokens, k, b)) { j = k; break; }
      }
      // A leading demonym is its own mention ("Afghan Ambassador", "Iraqi Kurds") unless the run ends in a head noun.
      if (j === b && norpWord(lex, lower(tokens[i])) && !lex.heads.has(lower(tokens[b - 1])) && !lex.titles.has(lower(tokens[i + 1]))) j = i + 1;
      // A title inside the run ends the name before it ("U.S. President Donald Trump").
      for (let k = i + 1; k < j; k++) if (matchTitle(lex, tokens, k, b) > 0 && lastHead !== 'ORG') { j = k; break; }
    }
    out.push(makeCandidate(ctx, i, j, s, headline, title, firstWord));
    title = null;
    i = j;
  }
  // "X of (the) Y": one name when X takes an of-complement or is a known organization.
  const last = out[out.length - 1];
  if (last) extendOf(ctx, last, sent.endToken);
  if (last) extendAnd(ctx, last, sent.endToken);
  if (last) extendHead(ctx, last, sent.endToken);
  return { cands: out, titleOf: false };
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a }, (_, k) => a + k);
}

function isNameLike(tokens: Token[], k: number, b: number): boolean {
  return k < b && /^\p{Lu}/u.test(tokens[k].text);
}

function matchTitle(lex: Lexicon, tokens: Token[], i: number, b: number): number {
  for (let n = Math.min(lex.titleMaxWords, b - i); n >= 1; n--) {
    const words = tokens.slice(i, i + n).map((t) => t.text.toLowerCase().replace(/\.$/, '')).join(' ').replace(/ - /g, '-');
    if (lex.titles.has(words) || lex.titles.has(words + '.')) return n;
  }
  return 0;
}

export function spanText(doc: WorkingDocument, a: number, b: number): string {
  const t = doc.tokens;
  let end = t[b - 1].end;
  const last = t[b - 1].text;
  const m = /(['’]s|['’])$/.exec(last);
  if (m && last.length > m[0].length) end -= m[0].length;
  return doc.meta.text.slice(t[a].start, end);
}

function makeCandidate(ctx: DetectContext, a: number, b: number, s: number, headline: boolean, title: string | null, firstWord: number): Candidate {
  const { doc, lex, catalog } = ctx;
  const tokens = doc.tokens;
  const text = spanText(doc, a, b);
  const start = tokens[a].start;
  const n = normalizeName(text);
  const norp = b - a <= 2 ? (lex.demonyms.has(n) ? n : norpWord(lex, n)) : null;
  return {
    first: a, last: b, start, end: start + text.length, text, sentence: s, title,
    shapeType: null, headAdded: false,
    catalog: catalog.lookup(text), norp, headline,
    sentenceInitial: a === firstWord, definesFor: null,
    acronym: b - a <= 3 && /^[\p{Lu}\d.&-]{2,}$/u.test(text.replace(/\s/g, '')) && /\p{Lu}.*\p{Lu}/u.test(text),
  };
}

function refresh(ctx: DetectContext, c: Candidate, b: number): void {
  const text = spanText(ctx.doc, c.first, b);
  c.last = b;
  c.text = text;
  c.end = c.start + text.length;
  c.catalog = ctx.catalog.lookup(text);
  c.norp = null;
  c.acronym = false;
}

function extendOf(ctx: DetectContext, c: Candidate, sentEnd: number): void {
  const { doc, lex, catalog } = ctx;
  const tokens = doc.tokens;
  for (;;) {
    let k = c.last;
    const joiner = k < sentEnd ? tokens[k].text.toLowerCase() : '';
    // "of" after an of-prefix or a known organization; "for" after an organization head ("Foundation for the Visual Arts").
    if (joiner !== 'of' && !(joiner === 'for' && lex.heads.get(lower(tokens[c.last - 1])) === 'ORG')) return;
    k++;
    if (k < sentEnd && tokens[k].text.toLowerCase() === 'the') k++;
    if (k >= sentEnd || !isCap(tokens[k]) || lex.notNames.has(lower(tokens[k]))) return;
    let e = k + 1;
    while (e < sentEnd && (isCap(tokens[e]) || (lex.particles.has(tokens[e].text.toLowerCase()) && e + 1 < sentEnd && isCap(tokens[e + 1]))) && !lex.notNames.has(lower(tokens[e]))) {
      if (/['’]s$/.test(tokens[e - 1].text)) break;
      e++;
    }
    if (/['’]s$/.test(tokens[k].text)) e = k + 1;
    const headWord = lower(tokens[c.last - 1]);
    const knownOrg = (c.catalog.some((x) => x.type === 'ORG') || (joiner === 'for')) && !c.title;
    const prefixType = knownOrg ? 'ORG' : lex.ofPrefixes.get(headWord) ?? lex.ofPrefixes.get(c.text.toLowerCase()) ?? null;
    const whole = spanText(doc, c.first, e);
    const wholeKnown = catalog.lookup(whole).length > 0;
    if (!prefixType && !knownOrg && !wholeKnown) return;
    if (c.title && !prefixType) return;
    const type = wholeKnown ? null : prefixType ?? 'ORG';
    refresh(ctx, c, e);
    if (type) c.shapeType = type;
    // "... and (the) Levant" when the longer name is known.
    if (c.last + 1 < sentEnd && tokens[c.last].text.toLowerCase() === 'and') {
      let k2 = c.last + 1;
      if (tokens[k2].text.toLowerCase() === 'the') k2++;
      let e2 = k2;
      while (e2 < sentEnd && isCap(tokens[e2])) e2++;
      if (e2 > k2 && catalog.lookup(spanText(doc, c.first, e2)).length) refresh(ctx, c, e2);
    }
  }
}

/**
 * "National Air and Space Museum", "Food and Drug Administration": a run without a head noun
 * joined by "and"/"&" to a run that ends in one is one name (unless the first part is known alone).
 */
function extendAnd(ctx: DetectContext, c: Candidate, sentEnd: number): void {
  const { doc, lex } = ctx;
  const tokens = doc.tokens;
  const k = c.last;
  if (k + 1 >= sentEnd || !/^(and|&)$/.test(tokens[k].text) || c.catalog.length || c.title || c.norp) return;
  if (lex.heads.has(lower(tokens[c.last - 1]))) return;
  let e = k + 1;
  while (e < sentEnd && isCap(tokens[e]) && !lex.notNames.has(lower(tokens[e]))) e++;
  if (e === k + 1 || e - (k + 1) > 4) return;
  const head = lex.heads.get(lower(tokens[e - 1]));
  if (!head || head === 'PRODUCT') return;
  refresh(ctx, c, e);
  c.shapeType = head;
}

/** Adds one lowercase head noun after the run ("Haqqani network", "Doha agreement", "Kabul airport"). */
function extendHead(ctx: DetectContext, c: Candidate, sentEnd: number): void {
  const { doc, lex } = ctx;
  const tokens = doc.tokens;
  const k = c.last;
  if (k >= sentEnd || c.norp || c.title) return;
  if (/['’]s$/.test(tokens[k - 1].text)) return;
  const u = tokens[k];
  if (u.text !== u.text.toLowerCase()) return;
  const type = lex.heads.get(u.text);
  if (!type || type === 'GPE' || type === 'LOC' || type === 'PRODUCT') return;
  if (type === 'ORG' && !lex.lowercaseOrgHeads.has(u.text)) return;
  // Only nouns that close the phrase: "the Haqqani network", not "the Haqqani network's" compound chains.
  if (k + 1 < sentEnd && tokens[k + 1].pos === 'NOUN' && tokens[k + 1].text === tokens[k + 1].text.toLowerCase()) return;
  const known = c.catalog;
  if (type === 'ORG' && known.some((x) => x.type === 'GPE' || x.type === 'LOC')) return;
  if (type === 'ORG' && known.some((x) => x.type === 'PERSON') && !known.some((x) => x.type === 'ORG')) return;
  const base = c.text;
  refresh(ctx, c, k + 1);
  c.shapeType = type;
  c.headAdded = true;
  c.catalog = ctx.catalog.lookup(c.text);
  if (!c.catalog.length && type === 'ORG') c.catalog = ctx.catalog.lookup(base).filter((x) => x.type === 'ORG');
}

/** "(ISIS-K)" right after "Islamic State of Khorasan Province" defines an alias of it. */
function markDefinitions(text: string, cands: Candidate[]): void {
  for (let i = 1; i < cands.length; i++) {
    const c = cands[i];
    const before = text.slice(Math.max(0, c.start - 6), c.start);
    if (!/\(\s*$/.test(before)) continue;
    const prev = cands[i - 1];
    const gap = text.slice(prev.end, c.start);
    if (!/^[\s.,]*\(\s*$/.test(gap)) continue;
    if (!c.acronym && c.last - c.first > 3) continue;
    c.definesFor = i - 1;
  }
}
