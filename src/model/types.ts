// The document model every stage reads and extends, and the JSON contract of
// `actorgraph extract --json` (../shared/ONTOLOGY.md). Every span is a pair of UTF-16 offsets
// into the one cleaned `text`, end exclusive.

export const ENTITY_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'EVENT', 'LAW', 'FAC', 'PRODUCT'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const RELATION_TYPES = [
  'leader_of', 'member_of', 'founded', 'successor_of', 'part_of', 'affiliate_of', 'split_from',
  'merged_with', 'allied_with', 'rival_of', 'supports', 'controls', 'located_in', 'citizen_of',
  'owns', 'family_of',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** PLOVER root categories. */
export const EVENT_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE',
  'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const LIFE_TYPES = ['died', 'born'] as const;
export type LifeType = (typeof LIFE_TYPES)[number];

export type FactKind = 'relation' | 'event' | 'life';
export type FactType = RelationType | EventType | LifeType;

/** Relations that match in either direction. */
export const SYMMETRIC_TYPES: ReadonlySet<string> = new Set(['allied_with', 'rival_of', 'merged_with', 'family_of']);
/** Relations that happen at a point in time and so take `time.at`, like events. */
export const POINT_RELATIONS: ReadonlySet<string> = new Set(['founded', 'split_from', 'successor_of', 'merged_with']);

export const MODALITIES = ['asserted', 'negated', 'hedged', 'predicted', 'hypothetical'] as const;
export type Modality = (typeof MODALITIES)[number];

export const TIMEX_TYPES = ['DATE', 'TIME', 'DURATION', 'SET'] as const;
export type TimexType = (typeof TIMEX_TYPES)[number];

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Removed {
  text: string;
  /** Why it was removed: `boilerplate`, `navigation`, `share`, `subscription`, `comments`, `related`, ... */
  reason: string;
}

export interface Mention extends Span {
  /** How the mention refers: by name, acronym, title, description ("the Saudi terrorist") or pronoun. */
  kind?: 'name' | 'acronym' | 'nominal' | 'pronoun';
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  subtype: string | null;
  catalogId?: string | null;
  aliases: string[];
  mentions: Mention[];
}

export interface Timex extends Span {
  type: TimexType;
  /** TIMEX3 value: `2011-05`, `2022-07-31`, `P1Y`, `201` (the 2010s), `2001/2021` for a range. */
  value: string;
}

export interface FactTime {
  at?: string;
  start?: string;
  end?: string;
  text?: string;
}

export interface Attribution {
  speaker: string;
  cue: string;
}

export interface Fact {
  id: string;
  kind: FactKind;
  type: FactType;
  mode?: string | null;
  subject: string;
  object: string | null;
  place?: string | null;
  time?: FactTime | null;
  modality: Modality;
  attribution: Attribution | null;
  confidence: number;
  role?: string | null;
  mediator?: string | null;
  evidence: Span[];
}

export interface DocumentMeta {
  /** sha256 of `text`. */
  id: string;
  source: string;
  title: string | null;
  published: string | null;
  language: string;
  text: string;
  removed: Removed[];
  byline?: string | null;
  siteName?: string | null;
  url?: string | null;
}

/** The JSON of `actorgraph extract --json`. */
export interface ExtractResult {
  document: DocumentMeta;
  entities: Entity[];
  timexes: Timex[];
  facts: Fact[];
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the first token of the sentence and one past its last. */
  firstToken: number;
  endToken: number;
}

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Universal POS tag (NOUN, PROPN, VERB, ...). */
  pos: string;
  lemma: string;
  /** Lower-cased normal form. */
  norm: string;
  sentence: number;
}

export type Severity = 'info' | 'warning' | 'error';

/** A problem found by a stage, with its place and the rule that raised it (never console output). */
export interface Message {
  severity: Severity;
  stage: string;
  rule: string;
  text: string;
  start?: number;
  end?: number;
}

/**
 * The working document: what the pipeline carries from stage to stage. Each stage is a function
 * of it (plus options) that fills in its part. `toExtractResult` turns it into the JSON contract.
 */
export interface WorkingDocument {
  meta: DocumentMeta;
  sentences: Sentence[];
  tokens: Token[];
  entities: Entity[];
  timexes: Timex[];
  facts: Fact[];
  messages: Message[];
  /** How sure the stage that set `meta.published` was, and from what (when not given by the user). */
  publishedEvidence?: { from: string; confidence: number } | null;
}
