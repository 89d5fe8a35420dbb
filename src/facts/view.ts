// A token-level index over the working document for the fact rules: which entity mention covers
// each token, the timexes of each sentence. Built once per document; the rules only read it.
import type { Entity, EntityType, Timex, Token, WorkingDocument } from '../model/types.js';

export interface MentionRef {
  entity: Entity;
  start: number;
  end: number;
  /** First token of the mention and one past its last. */
  firstTok: number;
  endTok: number;
  kind: string;
}

export interface DocView {
  doc: WorkingDocument;
  tokens: Token[];
  /** Lower-cased lemma and norm of every token, for literal matching. */
  lemma: string[];
  norm: string[];
  /** Index into `mentions` of the mention covering each token, or -1. */
  tokMention: Int32Array;
  mentions: MentionRef[];
  /** Mentions of another entity on exactly the span of a kept mention ("both heads" of two men), by kept mention index. */
  sameSpan: Map<number, MentionRef[]>;
  /** Timexes per sentence index, in text order. */
  sentenceTimexes: Timex[][];
  entityById: Map<string, Entity>;
}

export function buildView(doc: WorkingDocument): DocView {
  const tokens = doc.tokens;
  const tokMention = new Int32Array(tokens.length).fill(-1);
  const raw: Array<{ entity: Entity; start: number; end: number; kind: string }> = [];
  for (const entity of doc.entities) for (const m of entity.mentions) raw.push({ entity, start: m.start, end: m.end, kind: m.kind ?? 'name' });
  // Longer mentions claim their tokens first, so a name inside a longer name never splits it.
  raw.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const mentions: MentionRef[] = [];
  const sameSpan = new Map<number, MentionRef[]>();
  for (const m of raw) {
    const [firstTok, endTok] = tokenRange(tokens, m.start, m.end);
    if (firstTok >= endTok) continue;
    let free = true;
    for (let i = firstTok; i < endTok; i++) if (tokMention[i] >= 0) free = false;
    if (!free) {
      const k = tokMention[firstTok];
      const kept = mentions[k];
      if (kept.start === m.start && kept.end === m.end && kept.entity !== m.entity) {
        const list = sameSpan.get(k) ?? [];
        if (!list.some((x) => x.entity === m.entity)) list.push({ ...m, firstTok, endTok });
        sameSpan.set(k, list);
      }
      continue;
    }
    for (let i = firstTok; i < endTok; i++) tokMention[i] = mentions.length;
    mentions.push({ ...m, firstTok, endTok });
  }
  const sentenceTimexes: Timex[][] = doc.sentences.map(() => []);
  for (const t of [...doc.timexes].sort((a, b) => a.start - b.start)) {
    const s = sentenceAt(doc, t.start);
    if (s >= 0) sentenceTimexes[s].push(t);
  }
  return {
    doc,
    tokens,
    lemma: tokens.map((t) => t.lemma.toLowerCase()),
    norm: tokens.map((t) => t.norm.toLowerCase()),
    tokMention,
    mentions,
    sameSpan,
    sentenceTimexes,
    entityById: new Map(doc.entities.map((e) => [e.id, e])),
  };
}

/** Tokens that overlap [start, end). */
export function tokenRange(tokens: Token[], start: number, end: number): [number, number] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  let e = lo;
  while (e < tokens.length && tokens[e].start < end) e++;
  return [lo, e];
}

export function sentenceAt(doc: WorkingDocument, offset: number): number {
  const ss = doc.sentences;
  let lo = 0;
  let hi = ss.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ss[mid].end <= offset) lo = mid + 1;
    else if (ss[mid].start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

export function mentionAt(view: DocView, tok: number): MentionRef | null {
  const i = tok >= 0 && tok < view.tokens.length ? view.tokMention[tok] : -1;
  return i >= 0 ? view.mentions[i] : null;
}

export function entityType(m: MentionRef): EntityType {
  return m.entity.type;
}

/** The mention and those of other entities on the same span ("both heads" names two men). */
export function withSameSpan(view: DocView, m: MentionRef): MentionRef[] {
  const k = view.tokMention[m.firstTok];
  const more = k >= 0 && view.mentions[k] === m ? view.sameSpan.get(k) : undefined;
  return more ? [m, ...more] : [m];
}

const timexTokens = new WeakMap<DocView, Uint8Array>();

/** The token lies inside a time expression ("on Friday", "last month"). */
export function inTimex(view: DocView, tok: number): boolean {
  let flags = timexTokens.get(view);
  if (!flags) {
    flags = new Uint8Array(view.tokens.length);
    for (const x of view.doc.timexes) {
      const [a, b] = tokenRange(view.tokens, x.start, x.end);
      for (let i = a; i < b; i++) if (view.tokens[i].start >= x.start && view.tokens[i].end <= x.end) flags[i] = 1;
    }
    timexTokens.set(view, flags);
  }
  return flags[tok] === 1;
}
