// Which events of a sentence stand, when several cues fire: PLOVER codes one event per clause
// head, and a cue inside the complement of another cue is part of that event, not an event of its
// own. "Syria agreed to release the prisoners" is AGREE (not also RETREAT); "NATO urged Serbia to
// withdraw" is REQUEST; "Japan halted aid to Serbia" is SANCTION, not AID.
import type { Fact } from '../model/types.js';
import { inTimex, type DocView } from './view.js';

export interface CuedFact {
  fact: Fact;
  weak: boolean;
  /** Token range of the cue words that made the fact (anchor to last literal). */
  cueStart: number;
  cueEnd: number;
  /** One past the last token of the subject when it stands before the cue, else -1. */
  subjectEnd: number;
  /** The cue is a verb (not a noun cue with no verb of its own). */
  verbal: boolean;
  /** The cue tells how an earlier event of named parties ended ("talks between X and Y led to the signing"). */
  outcome?: boolean;
}

/** Tokens that may stand between a governing cue and the cue of its complement. */
const LINK_WORDS = new Set(['to', 'that', 'not', 'never', 'also', 'again', 'now', 'soon', 'immediately', 'jointly', 'unilaterally', 'fully', 'partly', 'partially', 'finally']);
const FILLER_POS = new Set(['DET', 'ADJ', 'ADV', 'AUX', 'PART', 'NUM']);
const POSSESSIVES = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
/** At most this many tokens between the governing cue and its complement's cue. */
const MAX_LINK = 12;

/**
 * The events that stand: a more specific cue over a shorter one on the same words ("halted aid
 * to" over "aid to"), a governing cue over one in its complement ("threatened to strike", "urged
 * X to release", "signed a truce"). A governing event with no object takes its complement's
 * ("threatened to attack Y": THREATEN → Y). Relations pass through untouched.
 */
export function preferMainEvents(view: DocView, list: CuedFact[]): CuedFact[] {
  const dropped = new Set<CuedFact>();
  const events = list.filter((x) => x.fact.kind === 'event');
  for (const a of events) {
    for (const b of events) {
      if (a === b || dropped.has(a) || dropped.has(b)) continue;
      if (a.fact.subject !== b.fact.subject && a.fact.object !== b.fact.subject) continue;
      const sameSubject = a.fact.subject === b.fact.subject;
      // The same words, one cue longer: "imposed a blockade on" over "blockade on". An outcome cue
      // ("talks between X and Y led to the signing") holds two events, not one.
      const overlap = a.cueStart < b.cueEnd && b.cueStart < a.cueEnd;
      // "Israeli jets struck targets in Gaza": a reading with an object over an object-less one
      // of the same words ("struck" as a labour strike).
      if (a.cueStart === b.cueStart && a.cueEnd === b.cueEnd && a.fact.type !== b.fact.type && sameSubject && a.fact.object && !b.fact.object) {
        dropped.add(b);
        continue;
      }
      if (overlap) {
        if (sameSubject && a.cueEnd - a.cueStart > b.cueEnd - b.cueStart && a.cueStart <= b.cueStart && a.cueEnd >= b.cueEnd && (a.fact.type === b.fact.type || !a.outcome)) dropped.add(b);
        continue;
      }
      if (a.fact.type === b.fact.type || !a.verbal || b.cueStart < a.cueEnd) continue;
      if (!governs(view, a, b)) continue;
      dropped.add(b);
      if (sameSubject && !a.fact.object && b.fact.object) a.fact.object = b.fact.object;
    }
  }
  // "marched in Goma demanding autonomy from Kinshasa", "blocked roads to press their
  // demands on X": a protest is against whom its purpose names.
  for (const a of events) {
    if (dropped.has(a) || !PURPOSE_HOSTS.has(a.fact.type)) continue;
    if (a.fact.object && !placeObject(view, a)) continue;
    for (const b of events) {
      if (b === a || dropped.has(b) || !PURPOSES.has(b.fact.type) || !b.fact.object || b.fact.subject !== a.fact.subject) continue;
      if (b.cueStart <= a.cueStart || !purposeClause(view, b.cueStart)) continue;
      a.fact.object = b.fact.object;
      dropped.add(b);
      break;
    }
  }
  // "threatened to leave the coalition if the prime minister signs": the threat is aimed at whom
  // its condition names.
  for (const a of events) {
    if (dropped.has(a) || a.fact.type !== 'THREATEN' || a.fact.object) continue;
    const target = conditionSubject(view, a.cueEnd);
    if (target && target !== a.fact.subject) a.fact.object = target;
  }
  // "Norway hosted talks between the government and the rebels": the host is the mediator of the talks.
  for (const a of events) {
    if (dropped.has(a) || !HOSTING.has(view.lemma[a.cueStart])) continue;
    const talks = events.find((b) => b !== a && !dropped.has(b) && b.cueStart > a.cueStart && b.cueStart - a.cueEnd <= 4 && b.fact.object && b.fact.subject !== a.fact.subject && view.norm[b.cueStart + 1] === 'between');
    if (!talks) continue;
    talks.fact.mediator ??= a.fact.subject;
    for (const x of events) if (x.cueStart === a.cueStart && x.fact.subject === a.fact.subject) dropped.add(x);
  }
  // A fact that took its complement's object may now repeat another of the same type and pair.
  const kept = list.filter((x) => !dropped.has(x));
  return kept.filter((x, i) => x.fact.kind !== 'event' || !kept.slice(0, i).some((y) => y.fact.kind === 'event' && y.fact.type === x.fact.type && y.fact.subject === x.fact.subject && y.fact.object === x.fact.object));
}

/**
 * `b`'s cue is inside the complement of `a`'s verb: only link words ("to", "that"), fillers,
 * names (the object that controls an infinitive: "urged Serbia to") and dates between them.
 */
function governs(view: DocView, a: CuedFact, b: CuedFact): boolean {
  if (b.cueStart - a.cueEnd > MAX_LINK) return false;
  for (let i = a.cueEnd; i < b.cueStart; i++) {
    if (view.tokMention[i] >= 0) continue;
    const norm = view.norm[i];
    const pos = view.tokens[i].pos;
    if (LINK_WORDS.has(norm) || FILLER_POS.has(pos) || POSSESSIVES.has(norm)) continue;
    // "threatened on Sunday to attack": a date, with its preposition.
    if (inTimex(view, i) || (pos === 'ADP' && i + 1 < b.cueStart && inTimex(view, i + 1))) continue;
    return false;
  }
  return true;
}

/** Verbs whose subject arranges talks between others. */
const HOSTING = new Set(['host', 'sponsor', 'broker', 'convene', 'organize', 'organise', 'arrange']);

/** Events whose target may be named by a purpose clause after them, and the events that may. */
const PURPOSE_HOSTS = new Set(['PROTEST']);
const PURPOSES = new Set(['REQUEST', 'ACCUSE', 'REJECT', 'PROTEST']);
const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'throughout']);

/** The fact's object is the place it happened ("rallied in Gaza"), found after a locative preposition. */
function placeObject(view: DocView, x: CuedFact): boolean {
  const e = x.fact.object ? view.entityById.get(x.fact.object) : undefined;
  if (!e || !['GPE', 'LOC', 'FAC'].includes(e.type)) return false;
  for (let i = x.cueEnd; i < view.tokens.length && i < x.cueEnd + 12; i++) {
    const k = view.tokMention[i];
    if (k >= 0 && view.mentions[k].entity === e) {
      let p = view.mentions[k].firstTok - 1;
      while (p > x.cueEnd && ['DET', 'ADJ'].includes(view.tokens[p].pos)) p--;
      return LOCATIVE.has(view.norm[p]);
    }
  }
  return false;
}

/** The cue opens a purpose clause: "to demand", "calling for", "demanding". */
function purposeClause(view: DocView, cue: number): boolean {
  return view.norm[cue - 1] === 'to' || view.norm[cue].endsWith('ing');
}

/** The entity named right after "if" or "unless" later in the sentence, or null. */
function conditionSubject(view: DocView, from: number): string | null {
  const sentence = view.tokens[Math.max(0, from - 1)].sentence;
  const end = view.doc.sentences[sentence].endToken;
  for (let i = from; i < end; i++) {
    if (view.norm[i] !== 'if' && view.norm[i] !== 'unless') continue;
    for (let k = i + 1; k < end && k <= i + 4; k++) {
      const m = view.tokMention[k];
      if (m >= 0) return view.mentions[m].entity.id;
      if (!['DET', 'ADJ', 'PROPN', 'NOUN'].includes(view.tokens[k].pos)) break;
    }
    return null;
  }
  return null;
}


