// Who says so: quotes (“…”, predicts X; X said: “…”), reported speech (X said that …) and
// "according to X". The result is a list of token regions, each with its speaker entity and
// cue; a fact whose cue lies in a region is that speaker's claim.
import { readFileSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import type { Attribution } from '../model/types.js';
import { mentionAt, tokenRange, type DocView, type MentionRef } from './view.js';

interface SpeechLexicon {
  verbs: Set<string>;
  particles: Set<string>;
  according: string[][];
  factor: number;
}

let lexicon: SpeechLexicon | null = null;
export function speechLexicon(): SpeechLexicon {
  if (!lexicon) {
    const raw = JSON.parse(readFileSync(dataPath('facts', 'speech.json'), 'utf8'));
    lexicon = { verbs: new Set(raw.verbs), particles: new Set(raw.particles), according: (raw.according as string[]).map((p) => p.split(/\s+/)), factor: raw.factor };
  }
  return lexicon;
}

export interface Region {
  first: number;
  end: number;
  attribution: Attribution;
}

const SPEAKER_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);
const OPEN = new Set(['“', '"', '«', '‘']);

function speaker(m: MentionRef | null): m is MentionRef {
  return !!m && SPEAKER_TYPES.has(m.entity.type);
}

/** The cue verb at token i (with its particle: "points out"), or null. */
function cueAt(view: DocView, i: number, lex: SpeechLexicon): { text: string; end: number } | null {
  if (i < 0 || i >= view.tokens.length) return null;
  const pos = view.tokens[i].pos;
  if (pos !== 'VERB' && pos !== 'AUX') return null;
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
  // Quotes, paired within a paragraph (a line).
  const lineRe = /[^\n]+/g;
  for (let line = lineRe.exec(text); line; line = lineRe.exec(text)) {
    const opens: number[] = [];
    const base = line.index;
    const s = line[0];
    for (let k = 0; k < s.length; k++) {
      const ch = s[k];
      if (ch === '“' || ch === '«' || (ch === '"' && !opens.length)) opens.push(base + k);
      else if ((ch === '”' || ch === '»' || ch === '"') && opens.length) {
        const qs = opens.pop()!;
        const qe = base + k + 1;
        if (qe - qs < 12) continue;
        const who = quoteSpeaker(view, qs, qe, lex);
        if (who) {
          const [first, end] = tokenRange(view.tokens, qs, qe);
          regions.push({ first, end, attribution: who });
        }
      }
    }
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
      if (!cue) continue;
      // "X said (that) …": the speaker is the mention right before the verb (auxiliaries allowed).
      let j = i - 1;
      while (j >= sent.firstToken && ['AUX', 'ADV', 'PART'].includes(view.tokens[j].pos)) j--;
      const m = j >= sent.firstToken ? mentionAt(view, j) : null;
      const next = view.norm[cue.end];
      if (speaker(m) && cue.end < sent.endToken && (next === 'that' || view.tokens[cue.end].pos !== 'PUNCT' || next === ',')) {
        if (!isInsideQuote(regions, i)) regions.push({ first: cue.end, end: sent.endToken, attribution: { speaker: m.entity.id, cue: cue.text } });
      }
    }
  }
  return regions;
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
  const cue = cueAt(view, i, lex);
  if (cue) {
    for (let j = cue.end; j < cue.end + 7 && j < view.tokens.length; j++) {
      const m = mentionAt(view, j);
      if (speaker(m)) return { speaker: m.entity.id, cue: cue.text };
      if (view.tokens[j].pos === 'PUNCT' || view.tokens[j].pos === 'VERB') break;
    }
  }
  const m = mentionAt(view, i);
  if (speaker(m)) {
    let k = m.endTok;
    while (k < view.tokens.length && ['AUX', 'ADV'].includes(view.tokens[k].pos)) k++;
    const c = cueAt(view, k, lex);
    if (c) return { speaker: m.entity.id, cue: c.text };
  }
  // Before: "<mention> <cue> [,:]" right before the opening quote.
  let b = qFirstTok - 1;
  while (b >= 0 && [',', ':'].includes(view.norm[b])) b--;
  while (b >= 0 && view.tokens[b].pos === 'ADV') b--;
  const c = cueAt(view, b, lex);
  if (c) {
    let k = b - 1;
    while (k >= 0 && ['AUX', 'ADV'].includes(view.tokens[k].pos)) k--;
    const sm = mentionAt(view, k);
    if (speaker(sm)) return { speaker: sm.entity.id, cue: c.text };
  }
  return null;
}

export function attributionFor(regions: Region[], tok: number): Attribution | null {
  let best: Region | null = null;
  for (const r of regions) if (r.first <= tok && tok < r.end && (!best || r.end - r.first < best.end - best.first)) best = r;
  return best ? best.attribution : null;
}
