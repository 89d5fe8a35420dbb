// The store behind an interface: what the CLI, the server and the exports see of the graph.
// Every adapter (SQLite by default) passes the same test suite. Shapes here are plain data.
import type { EntityType, FactKind, FactTime, Modality, WorkingDocument } from '../model/types.js';

export interface StoredDocument {
  id: string;
  source: string;
  title: string | null;
  published: string | null;
  url: string | null;
  language: string;
  ingestedAt: string;
}

export interface StoredEntity {
  /** Stable across sessions; not the per-document `e1` ids. */
  id: string;
  name: string;
  type: EntityType;
  subtype: string | null;
  catalogId: string | null;
  aliases: string[];
  mentionCount: number;
  documentCount: number;
}

export interface StoredEvidence {
  documentId: string;
  start: number;
  end: number;
  text: string;
}

export interface StoredFact {
  id: string;
  kind: FactKind;
  type: string;
  mode: string | null;
  subject: string;
  object: string | null;
  place: string | null;
  mediator: string | null;
  role: string | null;
  time: FactTime | null;
  modality: Modality;
  attribution: { speaker: string; cue: string } | null;
  confidence: number;
  /** Number of distinct documents that support the fact. */
  sources: number;
  /**
   * The sentences that state it, by document then position: all of them in `snapshot()` and for
   * `facts({ document })`; elsewhere the first ten (`sources` still counts every document).
   */
  evidence: StoredEvidence[];
}

export interface IngestOutcome {
  documentId: string;
  /** False when the same text was stored before: nothing changed. */
  added: boolean;
  entities: number;
  facts: number;
}

export interface FactQuery {
  actor?: string;
  type?: string;
  /** Facts that held (relations) or happened (events) on that date. */
  asOf?: string;
  from?: string;
  to?: string;
  limit?: number;
  /** Facts with evidence in that document (the web page highlights them in its text). */
  document?: string;
  /** Facts whose evidence contains all these words (full-text search). */
  search?: string;
  /** With `actor`: only the facts where the actor is the subject, or the object. */
  side?: 'subject' | 'object';
  /** Skip this many of the best-ranked facts first (paging: sources, then confidence, then id). */
  offset?: number;
}

export interface Changes {
  started: StoredFact[];
  ended: StoredFact[];
  events: StoredFact[];
  counts: { started: number; ended: number; events: number };
}

export interface StoreStats {
  documents: number;
  entities: number;
  facts: number;
  evidence: number;
  /** Pairs of facts flagged as contradicting each other. */
  contradictions: number;
}

export interface Contradiction {
  kind: 'allied_and_rival' | 'asserted_and_negated' | 'two_leaders';
  facts: [string, string];
  note: string;
}

/** An actor's facts of one type, as subject (`out`) or object (`in`): how many, and the strongest. */
export interface FactGroup {
  kind: FactKind;
  type: string;
  direction: 'out' | 'in';
  count: number;
  /** The `top` best-supported facts of the group (none unless asked for). */
  facts: StoredFact[];
}

export interface CommunitiesResult {
  communities: Array<{ id: number; members: string[] }>;
  /** Facts the grouping read (the best supported ones, up to the bound). */
  facts: number;
  /** False when facts were left out to bound the work. */
  complete: boolean;
}

export interface GraphSnapshot {
  documents: StoredDocument[];
  entities: StoredEntity[];
  facts: StoredFact[];
}

export interface Store {
  /** Stores one extracted document in one transaction; the same text again changes nothing. */
  ingest(doc: WorkingDocument): IngestOutcome;
  getDocument(id: string): (StoredDocument & { text: string }) | null;
  /** Documents by id without their text, in one lookup; unknown ids are left out. */
  getDocuments(ids: string[]): StoredDocument[];
  /** Documents by publication date (undated last), a page at a time when limit/offset are given. */
  listDocuments(opts?: { limit?: number; offset?: number }): StoredDocument[];
  /** Removes a document, its evidence, and the facts and entities only it supported. */
  removeDocument(id: string): boolean;
  findActors(opts: { type?: string; search?: string; limit?: number }): StoredEntity[];
  /** By id, exact name or alias (case-insensitive). */
  getActor(ref: string): StoredEntity | null;
  /** Actors by id, in one lookup; unknown ids are left out. */
  getActors(ids: string[]): StoredEntity[];
  facts(query: FactQuery): StoredFact[];
  /**
   * An actor's facts counted by type and direction (counts kept at ingest: no scan of a hub's
   * facts), each group with its `top` best-supported facts.
   */
  factGroups(actorId: string, opts?: { top?: number }): FactGroup[];
  /** Everything, for exports. */
  snapshot(): GraphSnapshot;
  /** Actors and facts around an actor up to `depth` hops, as of a date when given. */
  neighbourhood(actorId: string, opts?: { depth?: number; asOf?: string; limit?: number }): { nodes: StoredEntity[]; edges: StoredFact[] };
  /** The shortest chain of facts linking two actors, or null. */
  path(fromId: string, toId: string, opts?: { asOf?: string; maxDepth?: number }): StoredFact[] | null;
  /** An actor's events and relation starts and ends, in time order (undated last); the first `limit` when given. */
  timeline(actorId: string, opts?: { limit?: number }): StoredFact[];
  /** What started, ended or happened between two dates, in date order: the first `limit` of each list, and how many in all. */
  changes(from: string, to: string, opts?: { limit?: number }): Changes;
  /** Full-text search over evidence sentences. */
  searchEvidence(text: string, limit?: number): Array<StoredEvidence & { factId: string }>;
  /**
   * Groups of actors more linked to each other than to the rest, over at most `maxFacts`
   * best-supported facts: of the whole store, or of an actor's two-hop neighbourhood.
   */
  communities(opts?: { actor?: string; maxFacts?: number }): CommunitiesResult;
  /**
   * Facts that cannot all be true (allied and rival over overlapping time, stated and denied, two
   * leaders at once), kept at ingest; all of them, or those touching an actor, a page at a time.
   */
  contradictions(opts?: { actor?: string; limit?: number; offset?: number }): Contradiction[];
  /** An analyst's correction: `drop` is the same actor as `keep`. Survives re-ingest. */
  mergeActors(keep: string, drop: string): StoredEntity;
  /** An analyst's correction: the mentions named `alias` are a different actor. Survives re-ingest. */
  splitActor(actorId: string, alias: string): StoredEntity;
  stats(): StoreStats;
  close(): void;
}
