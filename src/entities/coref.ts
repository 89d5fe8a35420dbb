// Resolving definite descriptions ("the Saudi terrorist", "the Al Qaeda leader", "this terrorist
// group") and pronouns ("he", "its") to entities named earlier in the document.
//
// The rule (documented in data/entities/README.md): each earlier mention of a compatible entity
// adds salience 2 when it looks like a clause subject (no verb and no preposition before it in its
// sentence) and 1 otherwise, halved for every sentence back, over the last five sentences. The
// description's words filter the candidates: a nationality word must not contradict the entity's
// country; a group name ("the Al Qaeda leader") prefers members of that group in the catalog.
// The most salient candidate wins. Resolved mentions add to salience in turn. A pronoun outside a
// quote counts a mention inside one at a tenth: "“... Al Zawahiri ...”, he points out" is the
// speaker, not the man quoted about.
import type { Entity, EntityType, Mention, Token, WorkingDocument } from '../model/types.js';
import type { Catalog, CatalogEntry } from '../catalog/index.js';
import { norpWord, type Lexicon } from './lexicon.js';
import { insideQuote, quoteSpans } from '../model/quotes.js';

const DETERMINERS = new Set(['the', 'this', 'that']);
const WINDOW = 5;

interface Resolved {
  entity: Entity;
  mention: Mention;
  sentence: number;
  subject: boolean;
}

function isSubjectLike(tokens: Token[], sentStart: number, first: number): boolean {
  if (first > sentStart && tokens[first - 1].pos === 'ADP') return false;
  for (let i = sentStart; i < first; i++) if (tokens[i].pos === 'VERB' || tokens[i].pos === 'AUX') return false;
  return true;
}

export function resolveReferences(doc: WorkingDocument, lex: Lexicon, catalog: Catalog, entries: Map<string, CatalogEntry | null>): void {
  const tokens = doc.tokens;
  // Token index of each offset, for the mentions found by name.
  const tokenAt = new Map<number, number>();
  tokens.forEach((t, i) => tokenAt.set(t.start, i));
  const occupied: Array<[number, number]> = [];
  const history: Resolved[] = [];
  for (const e of doc.entities) {
    for (const m of e.mentions) {
      const ti = tokenAt.get(m.start);
      if (ti === undefined) continue;
      const sent = doc.sentences[tokens[ti].sentence];
      history.push({ entity: e, mention: m, sentence: tokens[ti].sentence, subject: isSubjectLike(tokens, sent.firstToken, ti) });
      occupied.push([m.start, m.end]);
    }
  }
  history.sort((a, b) => a.mention.start - b.mention.start);
  // A description may contain other names ("the Al Qaeda leader") but not cut through one or repeat one.
  const isFree = (s: number, e: number) => !occupied.some(([a, b]) => a < e && s < b && !(a >= s && b < e));
  const added: Resolved[] = [];
  const quotes = quoteSpans(doc.meta.text);
  const attach = (entity: Entity, found: { start: number; end: number; kind: 'nominal' | 'pronoun' }, si: number, ti: number) => {
    const mention: Mention = { start: found.start, end: found.end, text: doc.meta.text.slice(found.start, found.end), kind: found.kind };
    entity.mentions.push(mention);
    occupied.push([found.start, found.end]);
    added.push({ entity, mention, sentence: si, subject: isSubjectLike(tokens, doc.sentences[si].firstToken, ti) });
  };

  for (let si = 0; si < doc.sentences.length; si++) {
    const sent = doc.sentences[si];
    for (let i = sent.firstToken; i < sent.endToken; i++) {
      const t = tokens[i];
      const low = t.text.toLowerCase();
      let found: { start: number; end: number; type: EntityType; kind: 'nominal' | 'pronoun'; mods: number[]; endTok: number } | null = null;
      const pronType = lex.pronouns.get(low);
      if (pronType && t.pos === 'PRON' || (pronType && (low === 'his' || low === 'its' || low === 'her'))) {
        if (low === 'it' && /^(is|was|seems|seemed|appears|would|will|may|might|could|can|'s|’s)$/i.test(tokens[i + 1]?.text ?? '')) continue;
        found = { start: t.start, end: t.end, type: pronType!, kind: 'pronoun', mods: [], endTok: i + 1 };
      } else if (DETERMINERS.has(low)) {
        // the [modifiers] HEAD, the head closing the noun phrase.
        for (let j = i + 1; j < Math.min(sent.endToken, i + 6); j++) {
          const u = tokens[j];
          const ul = u.text.toLowerCase();
          const two = j + 1 < sent.endToken ? `${ul} ${tokens[j + 1].text.toLowerCase()}` : '';
          const nextIsNoun = (k: number) => k < sent.endToken && (tokens[k].pos === 'NOUN') && tokens[k].text === tokens[k].text.toLowerCase();
          if (two && lex.nominals.has(two) && !nextIsNoun(j + 2)) {
            found = { start: t.start, end: tokens[j + 1].end, type: lex.nominals.get(two)!, kind: 'nominal', mods: range(i + 1, j), endTok: j + 2 };
            break;
          }
          const head = lex.nominals.get(ul) ?? lex.nominals.get(u.lemma);
          // A capitalized head counts when it is a title used alone ("The President said").
          // A capitalized head right after the determiner stands for a name said before: "The President said", "the Administration".
          const headCase = u.text === ul || (j === i + 1 && !/^\p{Lu}/u.test(tokens[j + 1]?.text ?? 'x'));
          if (head && headCase && (u.pos === 'NOUN' || u.pos === 'PROPN' || u.pos === 'ADJ') && !nextIsNoun(j + 1) && !/^(of)$/.test(tokens[j + 1]?.text ?? '')) {
            found = { start: t.start, end: u.end, type: head, kind: 'nominal', mods: range(i + 1, j), endTok: j + 1 };
            break;
          }
          if (!(u.pos === 'ADJ' || u.pos === 'NOUN' || u.pos === 'PROPN' || u.text === '-' || /^\p{Lu}/u.test(u.text))) break;
        }
        // Plural heads refer to groups of people, not to one named actor.
        const headTok = found ? tokens[found.endTok - 1] : null;
        if (found && headTok && found.kind === 'nominal' && ((/s$/.test(headTok.text) && !/ss$/.test(headTok.text)) || (headTok.lemma && headTok.lemma.toLowerCase() !== headTok.text.toLowerCase()))) found = null;
      }
      if (!found && PART_DETERMINERS.has(low)) {
        const part = partDescription(doc, lex, i, sent.firstToken, sent.endToken, history);
        if (part && isFree(part.start, part.end)) {
          const referent = bridgedGroup([...history, ...added], part.start, si, part.whole);
          if (referent) {
            attach(referent, { start: part.start, end: part.end, kind: 'nominal' }, si, i);
            i = part.headTok;
            continue;
          }
        }
      }
      if (!found && (low === 'both' || (low === 'the' && tokens[i + 1]?.text.toLowerCase() === 'two'))) {
        // "both leaders", "the two men": each of the last pair named gets the description.
        const head = pluralPersonHead(lex, tokens, low === 'both' ? i + 1 : i + 2, sent.endToken);
        if (head >= 0 && isFree(t.start, tokens[head].end)) {
          const pair = lastPair(doc.meta.text, [...history, ...added], t.start, si);
          if (pair && pair[0].type === 'PERSON') {
            for (const e of pair) attach(e, { start: t.start, end: tokens[head].end, kind: 'nominal' }, si, i);
            i = head;
            continue;
          }
        }
      }
      if (!found || !isFree(found.start, found.end)) continue;
      // An appositive names its own referent: "the terrorist group Al Qaeda" is Al Qaeda's mention.
      if (found.kind === 'nominal') {
        const next = [...history].find((h) => h.mention.start >= found!.end && h.mention.start <= found!.end + 1);
        if (next) {
          if (next.entity.type === found.type) attach(next.entity, found, si, i);
          i = found.endTok - 1;
          continue;
        }
      }
      const candidates = scoreCandidates(doc, lex, catalog, entries, [...history, ...added], found, si, quotes);
      if (!candidates.length) continue;
      attach(candidates[0].entity, found, si, i);
      i = found.endTok - 1;
    }
  }
  for (const e of doc.entities) e.mentions.sort((a, b) => a.start - b.start);
}

const PART_DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/**
 * "He spoke of a faction of the Taliban": a description of a part of a named group, used as an
 * argument (not an apposition "X, a faction of Y", nor a predicate "X is a wing of Y", where the
 * part is named right there). Returns the span of determiner to head and the whole group.
 */
function partDescription(doc: WorkingDocument, lex: Lexicon, det: number, s0: number, s1: number, history: Resolved[]): { start: number; end: number; headTok: number; whole: Entity } | null {
  const tokens = doc.tokens;
  if (det > s0) {
    const before = tokens[det - 1];
    if (before.text === ',' || BE.has(before.text.toLowerCase()) || history.some((h) => h.mention.end === before.end)) return null;
  }
  let j = det + 1;
  while (j < s1 && j < det + 4 && tokens[j].pos === 'ADJ') j++;
  if (j >= s1 || !lex.partHeads.has(tokens[j].text.toLowerCase())) return null;
  let k = j + 1;
  if (k >= s1 || !/^(of|within)$/i.test(tokens[k].text)) return null;
  k++;
  if (k < s1 && /^the$/i.test(tokens[k].text)) k++;
  const whole = k < s1 ? history.find((h) => h.mention.start === tokens[k].start && h.mention.kind !== 'pronoun') : undefined;
  if (!whole || whole.entity.type !== 'ORG') return null;
  return { start: tokens[det].start, end: tokens[j].end, headTok: j, whole: whole.entity };
}

/** The group a part description bridges to: the last other group named in the two sentences before. */
function bridgedGroup(history: Resolved[], offset: number, sentence: number, whole: Entity): Entity | null {
  const before = history.filter((h) => h.mention.start < offset && h.sentence < sentence && sentence - h.sentence <= 2).sort((a, b) => a.mention.start - b.mention.start);
  for (let k = before.length - 1; k >= 0; k--) {
    const h = before[k];
    if (h.entity === whole || h.mention.kind === 'pronoun' || h.entity.type !== 'ORG') continue;
    return h.entity;
  }
  return null;
}

/** The token of a plural person noun ("leaders", "heads", "men") after a few adjectives, or -1. */
function pluralPersonHead(lex: Lexicon, tokens: Token[], from: number, end: number): number {
  for (let j = from; j < end && j < from + 3; j++) {
    const u = tokens[j];
    const lemma = (u.lemma || u.text).toLowerCase();
    if (u.pos === 'NOUN' && u.text.toLowerCase() !== lemma && (lex.nominals.get(lemma) === 'PERSON' || lemma === 'head' || lemma === 'man')) return j;
    if (u.pos !== 'ADJ') return -1;
  }
  return -1;
}

/**
 * The last two entities of one type named as a pair ("X and Y", "both X and Y") within the
 * window before `offset`: the referents of "both leaders" ("the first" and "the second" are
 * ordinal.ts's).
 */
function lastPair(text: string, history: Resolved[], offset: number, sentence: number): [Entity, Entity] | null {
  const names = history.filter((h) => h.mention.start < offset && h.mention.kind !== 'pronoun' && sentence - h.sentence <= WINDOW).sort((a, b) => a.mention.start - b.mention.start);
  for (let k = names.length - 1; k > 0; k--) {
    const a = names[k - 1];
    const b = names[k];
    if (a.sentence !== b.sentence || a.entity === b.entity || a.entity.type !== b.entity.type) continue;
    if (a.mention.end > b.mention.start) continue;
    const between = text.slice(a.mention.end, b.mention.start);
    if (/^\s*,?\s*and\s+$/.test(between)) return [a.entity, b.entity];
  }
  return null;
}

function range(a: number, b: number): number[] {
  return Array.from({ length: Math.max(0, b - a) }, (_, k) => a + k);
}

/**
 * The mention starting at `start` is the subject of a clause opened by "that" or "whether"
 * ("Analysts say that Hamas is split between ... those closer to the militant
 * group"): a description later in that clause names someone else.
 */
function complementSubject(tokens: Token[], start: number): boolean {
  let i = tokens.findIndex((t) => t.start === start);
  if (i < 0) return false;
  let end = i;
  while (end < tokens.length && tokens[end].start < start + 1) end++;
  let before = i - 1;
  while (before >= 0 && tokens[before].pos === 'DET') before--;
  if (before < 0 || !/^(that|whether)$/i.test(tokens[before].text) || tokens[before].pos === 'PRON') return false;
  // The first token after the name's tokens.
  const sent = tokens[i].sentence;
  for (i = end; i < tokens.length && tokens[i].sentence === sent; i++) {
    if (tokens[i].pos === 'PROPN') continue;
    return tokens[i].pos === 'AUX' || tokens[i].pos === 'VERB';
  }
  return false;
}

function scoreCandidates(
  doc: WorkingDocument, lex: Lexicon, catalog: Catalog, entries: Map<string, CatalogEntry | null>,
  history: Resolved[], found: { start: number; end: number; type: EntityType; kind: string; mods: number[] }, sentence: number,
  quotes: ReadonlyArray<[number, number]>,
): Array<{ entity: Entity; score: number }> {
  const tokens = doc.tokens;
  const compatible = (e: Entity) => e.type === found.type || (found.type === 'ORG' && found.kind === 'pronoun' && e.type === 'GPE') || (found.type === 'GPE' && e.type === 'GPE');
  // Nationality and group names among the modifiers.
  let country: string | null = null;
  const groupCodes = new Set<string>();
  const insideEntities = new Set<Entity>();
  for (const k of found.mods) {
    const w = norpWord(lex, tokens[k].text.toLowerCase());
    if (w && lex.demonyms.has(w)) {
      const place = lex.demonyms.get(w)!;
      country = catalog.lookup(place).find((x) => x.subtype === 'country')?.country ?? null;
    }
  }
  for (const h of history) {
    if (h.mention.start >= found.start && h.mention.end <= found.end) {
      insideEntities.add(h.entity);
      const entry = entries.get(h.entity.id);
      if (entry && h.entity.type === 'ORG') for (const c of catalog.codes(entry)) groupCodes.add(c);
    }
  }
  const scores = new Map<Entity, number>();
  const excluded = new Set<Entity>();
  // "it" needs an antecedent that was a subject in this sentence or the one before (else it is mostly expletive or vague).
  const needsSubject = found.kind === 'pronoun' && found.type === 'ORG' && /^it$/i.test(doc.meta.text.slice(found.start, found.end));
  const recentSubjects = new Set(history.filter((h) => h.subject && h.mention.start < found.start && sentence - h.sentence <= 1).map((h) => h.entity));
  const outside = found.kind === 'pronoun' && !insideQuote(quotes, found.start);
  const said = doc.meta.text.slice(found.start, found.end).toLowerCase();
  const sameDescription = new Set(history.filter((h) => h.mention.kind === 'nominal' && h.mention.start < found.start && h.mention.text.toLowerCase() === said && sentence - h.sentence <= WINDOW * 2).map((h) => h.entity));
  for (const h of history) {
    if (h.mention.start >= found.start) continue;
    if (sentence - h.sentence > WINDOW || !compatible(h.entity) || insideEntities.has(h.entity)) continue;
    // A description does not corefer with the subject of its own sentence ("Hamas is split ... the militant group").
    if (found.kind === 'nominal' && h.sentence === sentence && (h.subject || complementSubject(tokens, h.mention.start))) {
      excluded.add(h.entity);
      continue;
    }
    const quoted = outside && quotes.length > 0 && insideQuote(quotes, h.mention.start);
    const w = (h.subject ? 2 : 1) * Math.pow(0.5, sentence - h.sentence) * (quoted ? 0.1 : 1);
    scores.set(h.entity, (scores.get(h.entity) ?? 0) + w);
  }
  const out: Array<{ entity: Entity; score: number }> = [];
  for (const [entity, s] of scores) {
    if (excluded.has(entity)) continue;
    // "the country" is a country, "the city" or "the capital" is not.
    const headWord = doc.meta.text.slice(found.start, found.end).toLowerCase().split(/\s+/).pop() ?? '';
    if ((headWord === 'country' || headWord === 'nation') && entity.subtype && entity.subtype !== 'country') continue;
    if (['city', 'capital', 'town', 'village'].includes(headWord) && entity.subtype === 'country') continue;
    if (needsSubject && !recentSubjects.has(entity)) continue;
    let score = s;
    // The same description said again ("the analyst ... the analyst added") is the same referent.
    if (found.kind === 'nominal' && sameDescription.has(entity)) score += 4;
    const entry = entries.get(entity.id);
    if (country && entry?.country && entry.country !== country) continue;
    if (groupCodes.size) {
      if (entry && catalog.codes(entry).some((c) => groupCodes.has(c))) score += 4;
    }
    out.push({ entity, score });
  }
  return out.sort((a, b) => b.score - a.score);
}
