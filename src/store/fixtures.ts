// Hand-built documents for the store's tests and benchmark: the text is real prose written for
// the tests; mentions and evidence spans are found in it, so every offset is true.
import { createHash } from 'node:crypto';
import type { Entity, EntityType, Fact, FactTime, Modality, WorkingDocument } from '../model/types.js';

export interface EntitySpec {
  id: string;
  name: string;
  type: EntityType;
  aliases?: string[];
  catalogId?: string | null;
  subtype?: string | null;
}

export interface FactSpec {
  type: string;
  subject: string;
  object?: string | null;
  kind?: 'relation' | 'event' | 'life';
  time?: FactTime | null;
  modality?: Modality;
  speaker?: string;
  role?: string;
  place?: string;
  confidence?: number;
  /** A piece of the text; the evidence is the sentence holding it. */
  evidence: string;
}

export interface DocSpec {
  source: string;
  text: string;
  published?: string | null;
  url?: string | null;
  entities: EntitySpec[];
  facts: FactSpec[];
}

const EVENT = /^[A-Z]+$/;

function sentenceAround(text: string, piece: string): { start: number; end: number; text: string } {
  const at = text.indexOf(piece);
  if (at < 0) throw new Error(`fixture: "${piece}" is not in the text`);
  let start = at;
  while (start > 0 && !/[.!?\n]/.test(text[start - 1]!)) start--;
  while (start < at && /\s/.test(text[start]!)) start++;
  let end = at + piece.length;
  while (end < text.length && !/[.!?\n]/.test(text[end]!)) end++;
  if (end < text.length && text[end] !== '\n') end++;
  return { start, end, text: text.slice(start, end) };
}

export function makeDoc(spec: DocSpec): WorkingDocument {
  const text = spec.text;
  const entities: Entity[] = spec.entities.map((e) => {
    const mentions = [];
    for (const n of new Set([e.name, ...(e.aliases ?? [])])) {
      for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + n.length)) mentions.push({ start: i, end: i + n.length, text: n, kind: 'name' as const });
    }
    mentions.sort((a, b) => a.start - b.start);
    return { id: e.id, name: e.name, type: e.type, subtype: e.subtype ?? null, catalogId: e.catalogId ?? null, aliases: e.aliases ?? [], mentions };
  });
  const facts: Fact[] = spec.facts.map((f, i) => ({
    id: `f${i + 1}`,
    kind: f.kind ?? (EVENT.test(f.type) ? 'event' : f.type === 'died' || f.type === 'born' ? 'life' : 'relation'),
    type: f.type as Fact['type'],
    subject: f.subject,
    object: f.object ?? null,
    place: f.place ?? null,
    time: f.time ?? null,
    modality: f.modality ?? 'asserted',
    attribution: f.speaker ? { speaker: f.speaker, cue: 'said' } : null,
    confidence: f.confidence ?? 0.7,
    role: f.role ?? null,
    evidence: [sentenceAround(text, f.evidence)],
  }));
  return {
    meta: {
      id: createHash('sha256').update(text).digest('hex'), source: spec.source, title: text.split('\n')[0] ?? null,
      published: spec.published ?? null, language: 'en', text, removed: [], url: spec.url ?? null,
    },
    sentences: [], tokens: [], entities, timexes: [], facts, messages: [],
  };
}

/**
 * A large made-up document for crash and speed tests: `size` organizations named "Group <n>"
 * (numbered from `offset`, so documents share actors when their ranges overlap), and one alliance
 * per neighbouring pair, each stated in its own sentence.
 */
export function bulkDoc(seed: string, size: number, offset = 0): WorkingDocument {
  const parts: string[] = [`Bulletin ${seed}\n`];
  let pos = parts[0]!.length;
  const entities: Entity[] = [];
  const facts: Fact[] = [];
  const mention = (name: string) => ({ start: pos, end: pos + name.length, text: name, kind: 'name' as const });
  for (let i = 0; i < size; i++) {
    const a = `Group ${offset + i}`;
    const b = `Group ${offset + i + 1}`;
    const sentenceStart = pos;
    const ma = mention(a);
    const middle = ' sealed a pact with ';
    pos += a.length + middle.length;
    const mb = mention(b);
    const tail = ` in ${1990 + (i % 30)} (${seed}). `;
    pos += b.length + tail.length;
    parts.push(a + middle + b + tail);
    const idA = `e${i}`;
    const idB = `e${i + 1}`;
    if (i === 0) entities.push({ id: idA, name: a, type: 'ORG', subtype: null, aliases: [], mentions: [ma] });
    else entities[i]!.mentions.push(ma);
    entities.push({ id: idB, name: b, type: 'ORG', subtype: null, aliases: [], mentions: [mb] });
    const text = a + middle + b + tail.trimEnd();
    facts.push({
      id: `f${i}`, kind: 'relation', type: 'allied_with', subject: idA, object: idB, time: { start: String(1990 + (i % 30)) },
      modality: 'asserted', attribution: null, confidence: 0.6, evidence: [{ start: sentenceStart, end: sentenceStart + text.length, text }],
    });
  }
  const text = parts.join('');
  return {
    meta: { id: createHash('sha256').update(text).digest('hex'), source: `bulk/${seed}.txt`, title: `Bulletin ${seed}`, published: '2020-01-01', language: 'en', text, removed: [] },
    sentences: [], tokens: [], entities, timexes: [], facts, messages: [],
  };
}

/**
 * A made-up document with one hub: "Delta Council" backs `size` groups, one sentence each, with
 * confidences that vary, so an actor page has a group bigger than it shows at once.
 */
export function hubDoc(seed: string, size: number): WorkingDocument {
  const hub = 'Delta Council';
  const sentences: string[] = [];
  const entities: Entity[] = [{ id: 'e0', name: hub, type: 'ORG', subtype: null, aliases: [], mentions: [] }];
  const facts: Fact[] = [];
  let pos = `Report ${seed}\n`.length;
  for (let i = 1; i <= size; i++) {
    const other = `Group ${i}`;
    const sentence = `${hub} backed ${other} in ${2000 + (i % 20)}.`;
    entities[0]!.mentions.push({ start: pos, end: pos + hub.length, text: hub, kind: 'name' });
    const at = pos + hub.length + ' backed '.length;
    entities.push({ id: `e${i}`, name: other, type: 'ORG', subtype: null, aliases: [], mentions: [{ start: at, end: at + other.length, text: other, kind: 'name' }] });
    facts.push({
      id: `f${i}`, kind: 'relation', type: 'supports', subject: 'e0', object: `e${i}`, time: { start: String(2000 + (i % 20)) },
      modality: 'asserted', attribution: null, confidence: 0.5 + (i % 5) / 10, evidence: [{ start: pos, end: pos + sentence.length, text: sentence }],
    });
    sentences.push(sentence);
    pos += sentence.length + 1;
  }
  const text = `Report ${seed}\n${sentences.join(' ')}\n`;
  return {
    meta: { id: createHash('sha256').update(text).digest('hex'), source: `hub/${seed}.txt`, title: `Report ${seed}`, published: '2021-01-01', language: 'en', text, removed: [] },
    sentences: [], tokens: [], entities, timexes: [], facts, messages: [],
  };
}
