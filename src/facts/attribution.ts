// Who says so: quotes (“…”, predicts X; X said: “…”), reported speech (X said that …) and
// "according to X". The result is a list of token regions, each with its speaker entity and
// cue; a fact whose cue lies in a region is that speaker's claim.
import { readFileSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import type { Attribution } from '../model/types.js';
import { quoteSpans } from '../model/quotes.js';
import { mentionAt, tokenRange, type DocView, type MentionRef } from './view.js';

interface SpeechLexicon {
  verbs: Set<string>;
  denial: Set<string>;
  weak: Set<string>;
  bodies: Set<string>;
  bare: Set<string>;
  particles: Set<string>;
  according: string[][];
  factor: number;
}

let lexicon: SpeechLexicon | null = null;
export function speechLexicon(): SpeechLexicon {
  if (!lexicon) {
    const raw = JSON.parse(readFileSync(dataPath('facts', 'speech.json'), 'utf8'));
    lexicon = { verbs: new Set([...raw.verbs, ...(raw.denial ?? [])]), denial: new Set(raw.denial ?? []), weak: new Set(raw.weak ?? []), bodies: new Set(raw.bodies ?? []), bare: new Set(raw.bare ?? ['say', 'tell']), particles: new Set(raw.particles), according: (raw.according as string[]).map((p) => p.split(/\s+/)), factor: raw.factor };
  }
  return lexicon;
}

export interface Region {
  first: number;
  end: number;
  attribution: Attribution;
  /** The speaker says it is not so ("X denied that ..."). */
  denied?: boolean;
  /** A direct quote: the words are the speaker's own, titles and descriptions included. */
  direct?: boolean;
}

const SPEAKER_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);
const OPEN = new Set(['“', '"', '«', '‘']);

function speaker(m: MentionRef | null): m is MentionRef {
  return !!m && SPEAKER_TYPES.has(m.entity.type);
}

/**
 * The speaker whose noun phrase ends at token j: a name, or a body's people named by a noun
 * after the body's name ("the Israeli military", "Hamas officials", "Egypt's foreign ministry"):
 * the body speaks through them.
 */
function speakerEndingAt(view: DocView, j: number, s0: number): MentionRef | null {
  const m = mentionAt(view, j);
  if (m) return speaker(m) ? m : null;
  if (!speechLexicon().bodies.has(view.norm[j])) return null;
  let k = j;
  while (k >= s0 && k > j - 3 && view.tokMention[k] < 0 && ['NOUN', 'ADJ'].includes(view.tokens[k].pos) && /^\p{Ll}/u.test(view.tokens[k].text)) k--;
  if (k === j || k < s0) return null;
  if (view.norm[k] === "'s" || view.norm[k] === '’s') k--;
  const body = mentionAt(view, k);
  return body && ['ORG', 'GPE', 'NORP'].includes(body.entity.type) ? body : null;
}

/**
 * The cue verb at token i (with its particle: "points out"), or null. Right after a closing
 * quote the tagger often reads an inverted reporting verb as a noun ("”, comments X"): there
 * `inverted` accepts the noun reading.
 */
function cueAt(view: DocView, i: number, lex: SpeechLexicon, inverted = false): { text: string; end: number } | null {
  if (i < 0 || i >= view.tokens.length) return null;
  const pos = view.tokens[i].pos;
  if (pos !== 'VERB' && pos !== 'AUX' && !(inverted && pos === 'NOUN')) return null;
  if (!lex.verbs.has(view.lemma[i])) return null;
  let end = i + 1;
  let text = view.tokens[i].text.toLowerCase();
  if (end < view.tokens.length && lex.particles.has(view.norm[end])) {
    text += ' ' + view.norm[end];
    end++;
  }
  return { text, end };
}

export function attributionRegions(view: DocView): Region[] {
  const lex = speechLexicon();
  const regions: Region[] = [];
  const text = view.doc.meta.text;
  // Direct quotes. One with no speaker of its own goes on with the last speaker: in the same
  // paragraph ("“…”, she said. “…”"), or in the paragraph before when it opens its paragraph.
  let last: { attribution: Attribution; line: number } | null = null;
  for (const [qs, qe] of quoteSpans(text)) {
    const line = lineOf(text, qs);
    let who = quoteSpeaker(view, qs, qe, lex);
    if (!who && last && (last.line === line || (last.line === previousLine(text, line) && /^\s*$/.test(text.slice(line, qs))))) who = last.attribution;
    if (!who) continue;
    last = { attribution: who, line };
    const [first, end] = tokenRange(view.tokens, qs, qe);
    regions.push({ first, end, attribution: who, direct: true });
  }
  // Reported speech and "according to", sentence by sentence.
  for (const sent of view.doc.sentences) {
    for (let i = sent.firstToken; i < sent.endToken; i++) {
      for (const phrase of lex.according) {
        if (!phrase.every((w, k) => view.norm[i + k] === w)) continue;
        let j = i + phrase.length;
        while (j < sent.endToken && !mentionAt(view, j) && ['DET', 'ADJ', 'NOUN', 'PART', 'PROPN'].includes(view.tokens[j].pos) && j < i + phrase.length + 5) j++;
        const m = mentionAt(view, j);
        // Inside a quote the quoted speaker is the one who says it, whoever they cite.
        if (speaker(m) && !isInsideQuote(regions, i)) regions.push({ first: sent.firstToken, end: sent.endToken, attribution: { speaker: m.entity.id, cue: phrase.join(' ') } });
      }
      const cue = cueAt(view, i, lex);
      if (!cue || isInsideQuote(regions, i)) continue;
      // "X is expected to sign", "X is said to have ...": a hedge or a forecast, not X speaking.
      if (view.norm[cue.end] === 'to') continue;
      // "X was accused of ...": a passive reporting verb; its subject is talked about, not talking.
      if (i - 1 >= sent.firstToken && ['is', 'are', 'was', 'were', 'been', 'being', 'be'].includes(view.norm[i - 1])) continue;
      // "continued", "agreed", "hopes": reported speech only with "that".
      if (lex.weak.has(view.lemma[i]) && !thatFollows(view, cue.end, sent.endToken)) continue;
      // "X said (that) …": the speaker is the mention right before the verb (auxiliaries allowed,
      // a possessive not: "Spain's hopes").
      let j = i - 1;
      while (j >= sent.firstToken && ['AUX', 'ADV', 'PART'].includes(view.tokens[j].pos) && !["'s", '’s'].includes(view.norm[j])) j--;
      const m = j >= sent.firstToken ? speakerEndingAt(view, j, sent.firstToken) : null;
      const next = view.norm[cue.end];
      // "…, X said (on Monday).": the clause before the comma is the speaker's.
      const tail = trailingSpeaker(view, sent.firstToken, sent.endToken, i, cue, m);
      if (tail) {
        regions.push(tail);
        continue;
      }
      // What follows must be a clause: after "that", after a comma ("X said, ..."), or right after
      // a verb that takes a bare clause ("X said the army had ..."), not an object ("claimed
      // victory", "added a goal", "told them to leave").
      const clause = next === 'that' || next === ',' || thatFollows(view, cue.end, sent.endToken) || (lex.bare.has(view.lemma[i]) && clauseFollows(view, cue.end, sent.endToken) && !directive(view, cue.end, sent.endToken));
      if (speaker(m) && cue.end < sent.endToken && clause) {
        // "X said on Monday that …": what is said starts after "that"; the date is the saying's.
        let first = cue.end;
        for (let k = cue.end; k < sent.endToken && k < cue.end + 6; k++) {
          if (view.norm[k] === 'that') { first = k + 1; break; }
          if (view.tokens[k].pos === 'VERB' || view.tokMention[k] >= 0 && view.tokens[k + 1]?.pos === 'VERB') break;
        }
        regions.push({ first, end: sent.endToken, attribution: { speaker: m.entity.id, cue: cue.text }, denied: lex.denial.has(view.lemma[i]) });
      }
    }
  }
  return regions;
}

/** "Kenya attacked the camp, the ministry said on Monday." / "…, said the ministry.": the region before the comma. */
function trailingSpeaker(view: DocView, s0: number, s1: number, cueTok: number, cue: { text: string; end: number }, before: MentionRef | null): Region | null {
  // What follows the cue (and the speaker) runs to the end of the sentence with no other verb.
  const restIsTail = (from: number) => {
    for (let k = from; k < s1; k++) {
      const t = view.tokens[k];
      // ", after years of talks that ...": what follows another comma is an adjunct of the saying.
      if (view.norm[k] === ',' && k > from) return true;
      if (t.pos === 'VERB' && !view.norm[k].endsWith('ing')) return false;
      if (k > from + 8) return false;
    }
    return true;
  };
  let speakerRef: MentionRef | null = null;
  let comma = -1;
  if (speaker(before) && before.firstTok - 1 > s0) {
    // ", the Somali army chief X said": skip the speaker's determiners, titles and modifiers.
    let c = before.firstTok - 1;
    while (c > s0 && c > before.firstTok - 7 && (['DET', 'ADJ', 'NOUN', 'PROPN'].includes(view.tokens[c].pos) || view.tokMention[c] >= 0)) c--;
    if (view.norm[c] === ',' && restIsTail(cue.end)) {
      speakerRef = before;
      comma = c;
    }
  } else if (cueTok - 1 > s0 && view.norm[cueTok - 1] === ',' && view.lemma[cueTok] !== 'tell') {
    // ", said the ministry": the speaker follows the cue (not after "told": that is whom).
    let k = cue.end;
    while (k < s1 && k < cue.end + 4 && !mentionAt(view, k) && ['DET', 'ADJ', 'NOUN', 'PROPN'].includes(view.tokens[k].pos)) k++;
    const m = mentionAt(view, k);
    if (speaker(m) && restIsTail(m.endTok)) {
      speakerRef = m;
      comma = cueTok - 1;
    }
  }
  if (!speakerRef || comma <= s0) return null;
  return { first: s0, end: comma, attribution: { speaker: speakerRef.entity.id, cue: view.tokens[cueTok].text.toLowerCase() } };
}

/** A subject and its verb right after the cue: "said [the army] had", not "claimed victory as ...". */
function clauseFollows(view: DocView, from: number, end: number): boolean {
  let k = from;
  while (k < end && k < from + 8 && (view.tokMention[k] >= 0 || ['NOUN', 'PRON', 'DET', 'ADJ', 'PROPN', 'NUM'].includes(view.tokens[k].pos))) k++;
  return k > from && k < end && ['AUX', 'VERB'].includes(view.tokens[k].pos);
}

/** "told them to leave": an order after the addressee, not a statement. */
function directive(view: DocView, from: number, end: number): boolean {
  let k = from;
  while (k < end && k < from + 5 && (view.tokMention[k] >= 0 || ['NOUN', 'PRON', 'DET', 'ADJ', 'PROPN'].includes(view.tokens[k].pos))) k++;
  return k > from && view.norm[k] === 'to';
}

/** "that" right after the verb, or after its addressee ("told reporters that"). */
function thatFollows(view: DocView, from: number, end: number): boolean {
  for (let k = from; k < end && k < from + 4; k++) {
    if (view.norm[k] === 'that') return true;
    if (view.tokens[k].pos === 'VERB' || view.tokens[k].pos === 'PUNCT') return false;
  }
  return false;
}

function lineOf(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** Start of the paragraph before the one starting at `line` (blank lines skipped), or -1. */
function previousLine(text: string, line: number): number {
  let k = line - 1;
  while (k > 0 && /\s/.test(text[k - 1])) k--;
  if (k <= 0) return -1;
  return lineOf(text, k);
}

function isInsideQuote(regions: Region[], tok: number): boolean {
  return regions.some((r) => r.first <= tok && tok < r.end);
}

/** The speaker of the quote [qs, qe): after it ("”, predicts X", "”, he points out") or before it ("X said: “"). */
function quoteSpeaker(view: DocView, qs: number, qe: number, lex: SpeechLexicon): Attribution | null {
  const [, qEndTok] = tokenRange(view.tokens, qs, qe);
  const [qFirstTok] = tokenRange(view.tokens, qs, qs + 1);
  // After: skip punctuation, then either "<cue> ... <mention>" or "<mention> <cue>".
  let i = qEndTok;
  while (i < view.tokens.length && view.tokens[i].pos === 'PUNCT' && !OPEN.has(view.norm[i]) && i < qEndTok + 2) i++;
  const cue = cueAt(view, i, lex, true);
  if (cue) {
    for (let j = cue.end; j < cue.end + 7 && j < view.tokens.length; j++) {
      const m = mentionAt(view, j);
      if (speaker(m)) return { speaker: m.entity.id, cue: cue.text };
      if (view.tokens[j].pos === 'PUNCT' || view.tokens[j].pos === 'VERB') break;
    }
  }
  // "<speaker phrase> <cue>": "”, Commerzbank analyst Carsten Fritsch said" — the last name before the cue.
  let k = i;
  let last: MentionRef | null = null;
  while (k < view.tokens.length && k < i + 9) {
    const m = mentionAt(view, k);
    if (m) {
      if (speaker(m)) last = m;
      k = m.endTok;
      continue;
    }
    if (!['DET', 'ADJ', 'NOUN', 'PROPN'].includes(view.tokens[k].pos) || OPEN.has(view.norm[k])) break;
    k++;
  }
  if (last) {
    // "”, Dr. X, a member of the group, told NBC": an apposition between the speaker and the cue.
    if (view.norm[k] === ',') {
      let c = k + 1;
      while (c < view.tokens.length && c < k + 14 && view.norm[c] !== ',' && !OPEN.has(view.norm[c]) && view.tokens[c].pos !== 'VERB') c++;
      if (view.norm[c] === ',') k = c + 1;
    }
    while (k < view.tokens.length && ['AUX', 'ADV'].includes(view.tokens[k].pos)) k++;
    const c = cueAt(view, k, lex);
    if (c) return { speaker: last.entity.id, cue: c.text };
  }
  // Before: "<mention> <cue> [,:]" right before the opening quote.
  let b = qFirstTok - 1;
  while (b >= 0 && [',', ':'].includes(view.norm[b])) b--;
  while (b >= 0 && view.tokens[b].pos === 'ADV') b--;
  const c = cueAt(view, b, lex);
  if (c) {
    let k = b - 1;
    while (k >= 0 && ['AUX', 'ADV'].includes(view.tokens[k].pos)) k--;
    const sm = k >= 0 ? speakerEndingAt(view, k, 0) : null;
    if (speaker(sm)) return { speaker: sm.entity.id, cue: c.text };
  }
  return null;
}

/** The innermost region holding token `tok`: whose claim a fact with its cue there is. */
export function regionFor(regions: Region[], tok: number): Region | null {
  let best: Region | null = null;
  for (const r of regions) if (r.first <= tok && tok < r.end && (!best || r.end - r.first < best.end - best.first)) best = r;
  return best;
}

export function attributionFor(regions: Region[], tok: number): Attribution | null {
  return regionFor(regions, tok)?.attribution ?? null;
}
