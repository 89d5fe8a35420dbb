// The embedded SQLite store (better-sqlite3, WAL). Documents and what the pipeline found in each
// are kept as given (doc_entities, doc_facts); actors and facts across documents are derived from
// them: each document entity is resolved to an actor, each document fact to a merged fact, and the
// derived rows are recomputed from their members whenever members come or go. So removing a
// document, or an analyst's merge or split, is "detach, reassign, attach again".
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, openSync, readSync, closeSync, statSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../model/errors.js';
import { ENTITY_TYPES, POINT_RELATIONS, SYMMETRIC_TYPES } from '../model/types.js';
import type { Entity, EntityType, Fact, FactKind, FactTime, Modality, WorkingDocument } from '../model/types.js';
import type {
  Changes, CommunitiesResult, Contradiction, FactGroup, FactQuery, GraphSnapshot, IngestOutcome, Store, StoreStats, StoredDocument, StoredEntity, StoredEvidence, StoredFact,
} from './types.js';
import { APPLICATION_ID, SCHEMA_VERSION, migrations } from './schema.js';
import {
  acronymOf, fullestName, looksLikeAcronym, normalizeName, personNamesConflict, personShortForms, slug,
} from './names.js';
import { resolutionRules, typesCompatible } from './rules.js';
import { dateKey, dayBounds, mergeTimes, timesCompatible, validity, type FactShape } from './time.js';
import { combinedConfidence, sourceKey } from './confidence.js';
import { shortestPath } from '../graph/path.js';
import { DEFAULT_COMMUNITY_FACTS, communitiesOf } from '../graph/communities.js';
import { refreshContradictions } from './contradictions.js';
import { chooseDatedPlan, datedSql, type DatedPlan, type DateTallyRow, type Span } from './dated.js';

const SQLITE_HEADER = 'SQLite format 3\0';


type Row = Record<string, any>;

interface MergeRule { kind: 'merge'; norms: string[] }
interface SplitRule { kind: 'split'; aliasNorm: string; keepNorm: string }
type Correction = MergeRule | SplitRule;

interface DocEntityRow {
  document_id: string;
  local_id: string;
  entity_id: string;
  name: string;
  type: string;
  subtype: string | null;
  catalog_id: string | null;
  aliases: string;
  mention_count: number;
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

/** The distinct display names a document entity carries (its name first). */
function displayNames(name: string, aliases: string[]): string[] {
  const out = [name];
  for (const a of aliases) if (a && a.trim() && !out.includes(a)) out.push(a);
  return out.filter((n) => normalizeName(n) !== '');
}

/** The lookup keys of a document entity (see the entity_keys table). */
function keysOf(name: string, aliases: string[], type: string): Set<string> {
  const keys = new Set<string>();
  const rules = resolutionRules();
  for (const n of displayNames(name, aliases)) {
    const norm = normalizeName(n);
    keys.add('n:' + norm);
    if (type === 'PERSON' && rules.personSuffixMatch) for (const s of personShortForms(norm)) keys.add('s:' + s);
    if (type !== 'PERSON' && !looksLikeAcronym(n)) {
      const a = acronymOf(norm);
      if (a && a.length >= 2) keys.add('a:' + a);
    }
  }
  return keys;
}

function isAliasOf(norms: Set<string>, nameNorm: string, rule: SplitRule): boolean {
  return nameNorm === rule.aliasNorm || (norms.has(rule.aliasNorm) && !norms.has(rule.keepNorm));
}

function factShape(kind: string, type: string): FactShape {
  if (kind !== 'relation') return 'event';
  return POINT_RELATIONS.has(type) ? 'point' : 'durable';
}

function siteOf(doc: WorkingDocument): string | null {
  if (doc.meta.url) {
    try { return new URL(doc.meta.url).hostname.replace(/^www\./, ''); } catch { /* not a URL: fall through */ }
  }
  return doc.meta.siteName ?? null;
}

/** Checks that a file may be opened as our database without touching it. */
function checkExistingFile(file: string): void {
  let st;
  try { st = statSync(file); } catch { return; }
  if (st.isDirectory()) throw new InputError(file, 'is a directory, not a database file');
  if (st.size === 0) return;
  const fd = openSync(file, 'r');
  const header = Buffer.alloc(16);
  try { readSync(fd, header, 0, 16, 0); } finally { closeSync(fd); }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new InputError(file, 'not an actorgraph database (not an SQLite file); it was left untouched');
  }
  let appId: number, version: number, objects: number;
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  try {
    appId = probe.pragma('application_id', { simple: true }) as number;
    version = probe.pragma('user_version', { simple: true }) as number;
    objects = (probe.prepare('SELECT count(*) AS n FROM sqlite_master').get() as Row).n;
  } catch (err) {
    throw new InputError(file, `not a readable SQLite database (${(err as Error).message}); it was left untouched`);
  } finally {
    probe.close();
  }
  if (appId !== APPLICATION_ID && objects > 0) {
    throw new InputError(file, 'an SQLite database of another program, not an actorgraph database; it was left untouched');
  }
  if (version > SCHEMA_VERSION) {
    throw new InputError(file, `written by a newer actorgraph (schema ${version}; this one knows up to ${SCHEMA_VERSION})`);
  }
}

export interface SqliteStoreOptions {
  readonly?: boolean;
}

/** Opens (creating and migrating when needed) an actorgraph database. `:memory:` works too. */
export function openSqliteStore(file: string, opts: SqliteStoreOptions = {}): SqliteStore {
  if (file !== ':memory:') {
    checkExistingFile(file);
    if (opts.readonly && !existsSync(file)) throw new InputError(file, 'no such database');
    const dir = path.dirname(path.resolve(file));
    if (!existsSync(dir)) {
      try { mkdirSync(dir, { recursive: true }); } catch (err) { throw new InputError(file, `cannot create its folder (${(err as Error).message})`); }
    }
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: !!opts.readonly });
  } catch (err) {
    throw new InputError(file, `cannot open (${(err as Error).message})`);
  }
  if (!opts.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('busy_timeout = 5000');
  if (!opts.readonly) migrate(db);
  else {
    // Read-only cannot migrate, and the queries need the current schema's tables.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < SCHEMA_VERSION) {
      db.close();
      throw new InputError(file, `written by an older actorgraph (schema ${version}, this one needs ${SCHEMA_VERSION}); open it once for writing to upgrade it`);
    }
  }
  return new SqliteStore(db);
}

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    db.pragma(`application_id = ${APPLICATION_ID}`);
    for (const m of pending) {
      db.exec(m.up);
      m.run?.(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
}

export class SqliteStore implements Store {
  private readonly stmts = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  private q(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) { s = this.db.prepare(sql); this.stmts.set(sql, s); }
    return s;
  }

  // ---------------------------------------------------------------- documents

  ingest(doc: WorkingDocument): IngestOutcome {
    const id = doc.meta.id;
    const existing = this.q('SELECT 1 FROM documents WHERE id = ?').get(id);
    if (existing) {
      const entities = (this.q('SELECT count(*) AS n FROM doc_entities WHERE document_id = ?').get(id) as Row).n;
      const facts = (this.q('SELECT count(*) AS n FROM doc_facts WHERE document_id = ? AND fact_id IS NOT NULL').get(id) as Row).n;
      return { documentId: id, added: false, entities, facts };
    }
    return this.db.transaction(() => {
      const m = doc.meta;
      this.q(`INSERT INTO documents (id, source, title, published, url, site, language, text, removed, ingested_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(id, m.source, m.title, m.published, m.url ?? null, siteOf(doc), m.language, m.text, JSON.stringify(m.removed ?? []), new Date().toISOString());
      const entities = this.attachNewEntities(id, doc.entities);
      const insertFact = this.q(`INSERT OR IGNORE INTO doc_facts (document_id, local_id, confidence, data, time_at, time_start, time_end, time_text, mode, role, cue, source_key)
                                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      const site = siteOf(doc);
      for (const f of doc.facts) {
        const t = f.time ?? {};
        insertFact.run(id, f.id, Number.isFinite(f.confidence) ? f.confidence : 0.5, JSON.stringify(f),
          t.at ?? null, t.start ?? null, t.end ?? null, t.text ?? null, f.mode ?? null, f.role ?? null, f.attribution?.cue ?? null,
          sourceKey(id, site, f.evidence?.[0]?.text ?? null));
      }
      const facts = this.attachFacts(id);
      return { documentId: id, added: true, entities, facts };
    })();
  }

  getDocument(id: string): (StoredDocument & { text: string }) | null {
    const r = this.q('SELECT * FROM documents WHERE id = ?').get(id) as Row | undefined;
    return r ? { ...this.toDocument(r), text: r.text } : null;
  }

  getDocuments(ids: string[]): StoredDocument[] {
    if (!ids.length) return [];
    return (this.q(`SELECT id, source, title, published, url, language, ingested_at FROM documents WHERE id IN ${ANY_OF}`)
      .all(JSON.stringify([...new Set(ids)])) as Row[]).map((r) => this.toDocument(r));
  }

  listDocuments(opts: { limit?: number; offset?: number } = {}): StoredDocument[] {
    // One walk of the documents_order index, stopping at the page; the texts are not read.
    const limit = opts.limit && opts.limit > 0 ? Math.floor(opts.limit) : -1;
    const offset = Math.max(0, Math.floor(opts.offset ?? 0));
    return (this.q(`SELECT id, source, title, published, url, language, ingested_at FROM documents INDEXED BY documents_order
                    ORDER BY (published IS NULL), published, source, id LIMIT ? OFFSET ?`).all(limit, offset) as Row[]).map((r) => this.toDocument(r));
  }

  private toDocument(r: Row): StoredDocument {
    return { id: r.id, source: r.source, title: r.title, published: r.published, url: r.url, language: r.language, ingestedAt: r.ingested_at };
  }

  /** Documents a reference names: a full id, an id prefix of 8+ characters, or a source path. */
  findDocuments(ref: string): string[] {
    const exact = this.q('SELECT id FROM documents WHERE id = ?').get(ref) as Row | undefined;
    if (exact) return [exact.id];
    if (/^[0-9a-f]{8,63}$/.test(ref)) {
      const ids = (this.q("SELECT id FROM documents WHERE id >= ? AND id < ? || 'g'").all(ref, ref) as Row[]).map((r) => r.id);
      if (ids.length) return ids;
    }
    const bySource = (this.q('SELECT id FROM documents WHERE source = ? OR source = ?').all(ref, path.resolve(ref)) as Row[]).map((r) => r.id);
    return bySource;
  }

  removeDocument(ref: string): boolean {
    const ids = this.findDocuments(ref);
    if (ids.length === 0) return false;
    this.db.transaction(() => {
      for (const id of ids) {
        this.detachFacts([id]);
        this.detachEntities(id);
        this.q('DELETE FROM doc_facts WHERE document_id = ?').run(id);
        this.q('DELETE FROM documents WHERE id = ?').run(id);
      }
    })();
    return true;
  }

  // ---------------------------------------------------------------- entity resolution

  private corrections(): Correction[] {
    return (this.q('SELECT data FROM corrections ORDER BY id').all() as Row[]).map((r) => JSON.parse(r.data) as Correction);
  }

  /** Resolves and stores a new document's entities; returns how many were stored. */
  private attachNewEntities(docId: string, entities: Entity[]): number {
    const corrections = this.corrections();
    // Strong names first: a catalog link, then the fullest names, so short forms find them.
    const order = [...entities].sort((a, b) =>
      Number(!!b.catalogId) - Number(!!a.catalogId) || normalizeName(b.name).split(' ').length - normalizeName(a.name).split(' ').length);
    const taken = new Set<string>();
    const touched = new Set<string>();
    const insertDocEntity = this.q(`INSERT OR IGNORE INTO doc_entities (document_id, local_id, entity_id, name, type, subtype, catalog_id, aliases, mention_count)
                                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertMention = this.q('INSERT INTO mentions (document_id, local_id, start, end, text, kind) VALUES (?, ?, ?, ?, ?, ?)');
    let stored = 0;
    for (const e of order) {
      if (!e.name || normalizeName(e.name) === '') continue;
      const aliases = (e.aliases ?? []).filter((a) => typeof a === 'string');
      let entityId = this.resolve(e.name, aliases, e.type, e.catalogId ?? null, taken, corrections);
      if (!entityId) entityId = this.newEntity(docId, e.id, e.name, e.type);
      taken.add(entityId);
      touched.add(entityId);
      const res = insertDocEntity.run(docId, e.id, entityId, e.name, e.type, e.subtype ?? null, e.catalogId ?? null, JSON.stringify(aliases), e.mentions?.length ?? 0);
      if (res.changes === 0) continue; // a duplicate local id: the first one stands
      for (const mn of e.mentions ?? []) insertMention.run(docId, e.id, mn.start, mn.end, mn.text, mn.kind ?? null);
      this.addNames(entityId, e.name, aliases, e.type, +1);
      stored++;
    }
    for (const id of touched) this.recomputeEntity(id);
    return stored;
  }

  private newEntity(docId: string, localId: string, name: string, type: string): string {
    const h = hash(`${docId}:${localId}`);
    for (const len of [6, 10, 16, 64]) {
      const id = `${slug(name)}-${h.slice(0, len)}`;
      if (!this.q('SELECT 1 FROM entities WHERE id = ?').get(id)) {
        this.q('INSERT INTO entities (id, name, type) VALUES (?, ?, ?)').run(id, name, type);
        return id;
      }
    }
    throw new Error('entity id collision');
  }

  /**
   * The stored actor a document entity is, or null for a new one. Candidates come from the lookup
   * keys (same catalog id, same name or alias, a person's short form, an acronym); conflicts rule
   * them out (type, catalog id, two different persons' full names, an analyst's split); the best
   * score wins, then the actor seen in the most documents.
   */
  private resolve(name: string, aliases: string[], type: string, catalogId: string | null, taken: Set<string>, corrections: Correction[]): string | null {
    const rules = resolutionRules();
    const nameNorm = normalizeName(name);
    const norms = new Set(displayNames(name, aliases).map(normalizeName));
    const ruleNorms = new Set<string>();
    for (const c of corrections) {
      if (c.kind === 'merge' && c.norms.some((n) => norms.has(n))) for (const n of c.norms) if (!norms.has(n)) ruleNorms.add(n);
    }
    const splits = corrections.filter((c): c is SplitRule => c.kind === 'split' && isAliasOf(norms, nameNorm, c));
    const score = new Map<string, number>();
    const viaRule = new Set<string>();
    const bump = (id: string, s: number) => score.set(id, (score.get(id) ?? 0) + s);
    const byKey = this.q('SELECT entity_id FROM entity_keys WHERE key = ?');
    if (catalogId) for (const r of this.q('SELECT id FROM entities WHERE catalog_id = ?').all(catalogId) as Row[]) bump(r.id, 1000);
    for (const n of norms) for (const r of byKey.all('n:' + n) as Row[]) bump(r.entity_id, n === nameNorm ? 15 : 10);
    for (const n of ruleNorms) for (const r of byKey.all('n:' + n) as Row[]) { bump(r.entity_id, 10); viaRule.add(r.entity_id); }
    if (type === 'PERSON' && rules.personSuffixMatch) {
      for (const n of norms) for (const r of byKey.all('s:' + n) as Row[]) bump(r.entity_id, 3);
      for (const n of norms) for (const s of personShortForms(n)) for (const r of byKey.all('n:' + s) as Row[]) bump(r.entity_id, 2);
    }
    if (type !== 'PERSON') {
      for (const a of displayNames(name, aliases)) {
        const norm = normalizeName(a);
        if (looksLikeAcronym(a)) for (const r of byKey.all('a:' + norm.replace(/ /g, '')) as Row[]) bump(r.entity_id, 3);
        else { const acr = acronymOf(norm); if (acr) for (const r of byKey.all('n:' + acr) as Row[]) bump(r.entity_id, 3); }
      }
    }
    let best: { id: string; score: number; docs: number } | null = null;
    const fullest = fullestName(norms);
    for (const [id, s] of score) {
      // An analyst's merge overrides the entity stage's "one entity per actor per document".
      const forced = viaRule.has(id);
      if (taken.has(id) && !forced) continue;
      const e = this.q('SELECT type, catalog_id, document_count FROM entities WHERE id = ?').get(id) as Row | undefined;
      if (!e) continue;
      if (catalogId && e.catalog_id && e.catalog_id !== catalogId) continue;
      if (!forced && !typesCompatible(type, e.type, rules)) continue;
      const entityNorms = (this.q('SELECT norm FROM entity_names WHERE entity_id = ?').all(id) as Row[]).map((r) => r.norm as string);
      // Two persons' full names must agree; the document's own name for the person counts even
      // when the entity stage attached a wrong full name to it as an alias.
      if (!forced && type === 'PERSON' && e.type === 'PERSON' && s < 1000) {
        const theirs = fullestName(entityNorms);
        if (personNamesConflict(fullest, theirs) && personNamesConflict(nameNorm, theirs)) continue;
      }
      if (splits.some((rule) => entityNorms.includes(rule.keepNorm))) continue;
      if (!best || s > best.score || (s === best.score && (e.document_count > best.docs || (e.document_count === best.docs && id < best.id)))) {
        best = { id, score: s, docs: e.document_count };
      }
    }
    return best?.id ?? null;
  }

  /** Adds (sign +1) or removes (−1) one document entity's names and lookup keys for an actor. */
  private addNames(entityId: string, name: string, aliases: string[], type: string, sign: 1 | -1): void {
    for (const n of displayNames(name, aliases)) {
      this.q(`INSERT INTO entity_names (entity_id, name, norm, as_name, uses) VALUES (?, ?, ?, ?, ?)
              ON CONFLICT (entity_id, name) DO UPDATE SET as_name = as_name + excluded.as_name, uses = uses + excluded.uses`)
        .run(entityId, n, normalizeName(n), n === name ? sign : 0, sign);
    }
    for (const k of keysOf(name, aliases, type)) {
      this.q(`INSERT INTO entity_keys (key, entity_id, uses) VALUES (?, ?, ?)
              ON CONFLICT (key, entity_id) DO UPDATE SET uses = uses + excluded.uses`).run(k, entityId, sign);
    }
    if (sign < 0) {
      this.q('DELETE FROM entity_names WHERE entity_id = ? AND uses <= 0').run(entityId);
      this.q('DELETE FROM entity_keys WHERE entity_id = ? AND uses <= 0').run(entityId);
    }
  }

  /** Recomputes an actor's name, type and counts from its document entities; deletes it when none are left. */
  private recomputeEntity(id: string): void {
    const agg = this.q('SELECT count(DISTINCT document_id) AS docs, coalesce(sum(mention_count), 0) AS mentions FROM doc_entities WHERE entity_id = ?').get(id) as Row;
    if (agg.docs === 0) {
      this.q('DELETE FROM entities WHERE id = ?').run(id);
      this.q('DELETE FROM entity_names WHERE entity_id = ?').run(id);
      this.q('DELETE FROM entity_keys WHERE entity_id = ?').run(id);
      return;
    }
    // Aggregates in SQL: an actor named in thousands of documents costs one indexed scan.
    const typeCounts = this.q('SELECT type, count(*) AS n FROM doc_entities WHERE entity_id = ? GROUP BY type').all(id) as Row[];
    const type = typeCounts.sort((a, b) => b.n - a.n || ENTITY_TYPES.indexOf(a.type as EntityType) - ENTITY_TYPES.indexOf(b.type as EntityType))[0]!.type as string;
    const subtype = (this.q(`SELECT subtype AS v FROM doc_entities WHERE entity_id = ? AND type = ? AND subtype IS NOT NULL AND subtype != ''
                             GROUP BY subtype ORDER BY count(*) DESC, subtype LIMIT 1`).get(id, type) as Row | undefined)?.v ?? null;
    const catalogId = (this.q(`SELECT catalog_id AS v FROM doc_entities WHERE entity_id = ? AND catalog_id IS NOT NULL AND catalog_id != ''
                               GROUP BY catalog_id ORDER BY count(*) DESC, catalog_id LIMIT 1`).get(id) as Row | undefined)?.v ?? null;
    const names = this.q('SELECT name, norm, as_name, uses FROM entity_names WHERE entity_id = ?').all(id) as Row[];
    const name = this.canonicalName(type, names);
    this.q('UPDATE entities SET name = ?, type = ?, subtype = ?, catalog_id = ?, mention_count = ?, document_count = ? WHERE id = ?')
      .run(name, type, subtype, catalogId, agg.mentions, agg.docs, id);
  }

  /**
   * The name an actor is shown by: for a person the fullest name documents call them by; otherwise
   * the name most documents use. Depends only on the counts, never on ingest order.
   */
  private canonicalName(type: string, names: Row[]): string {
    const asName = names.filter((n) => n.as_name > 0);
    const pool = asName.length ? asName : names;
    const words = (n: Row) => String(n.norm).split(' ').length;
    // "The United States" and "United States" are one name; show it without the article.
    const article = (n: Row) => Number(/^the\s/i.test(n.name));
    pool.sort((a, b) =>
      (type === 'PERSON' ? words(b) - words(a) : 0) || b.as_name - a.as_name || article(a) - article(b) || b.uses - a.uses ||
      b.name.length - a.name.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return pool[0]!.name;
  }

  private detachEntities(docId: string): void {
    const rows = this.q('SELECT * FROM doc_entities WHERE document_id = ?').all(docId) as DocEntityRow[];
    for (const r of rows) this.addNames(r.entity_id, r.name, JSON.parse(r.aliases), r.type, -1);
    this.q('DELETE FROM doc_entities WHERE document_id = ?').run(docId);
    this.q('DELETE FROM mentions WHERE document_id = ?').run(docId);
    for (const id of new Set(rows.map((r) => r.entity_id))) this.recomputeEntity(id);
  }

  /** Moves document entities to another actor, keeping names and keys in step. */
  private reassign(rows: DocEntityRow[], to: string): void {
    for (const r of rows) {
      this.addNames(r.entity_id, r.name, JSON.parse(r.aliases), r.type, -1);
      this.q('UPDATE doc_entities SET entity_id = ? WHERE document_id = ? AND local_id = ?').run(to, r.document_id, r.local_id);
      this.addNames(to, r.name, JSON.parse(r.aliases), r.type, +1);
    }
  }

  // ---------------------------------------------------------------- facts

  /** Attaches a document's facts to merged facts; returns how many were attached. */
  private attachFacts(docId: string): number {
    const local = new Map((this.q('SELECT local_id, entity_id FROM doc_entities WHERE document_id = ?').all(docId) as Row[]).map((r) => [r.local_id as string, r.entity_id as string]));
    const rows = this.q('SELECT local_id, data FROM doc_facts WHERE document_id = ?').all(docId) as Row[];
    const touched = new Set<string>();
    let attached = 0;
    for (const r of rows) {
      const f = JSON.parse(r.data) as Fact;
      let subject = local.get(f.subject);
      let object = f.object ? local.get(f.object) : null;
      if (!subject || object === undefined) continue; // points at an entity the document does not have
      if (SYMMETRIC_TYPES.has(f.type) && object && object < subject) [subject, object] = [object, subject];
      const speaker = f.attribution?.speaker ? local.get(f.attribution.speaker) ?? null : null;
      const modality: Modality = f.modality ?? 'asserted';
      const candidates = this.q(`SELECT id, time_at, time_start, time_end FROM facts
                                 WHERE type = ? AND subject = ? AND object IS ? AND kind = ? AND modality = ? AND speaker IS ?`)
        .all(f.type, subject, object ?? null, f.kind, modality, speaker) as Row[];
      let factId: string | null = null;
      let bestAgreement = -1;
      for (const c of candidates) {
        const t: FactTime = { at: c.time_at ?? undefined, start: c.time_start ?? undefined, end: c.time_end ?? undefined };
        if (!timesCompatible(t, f.time)) continue;
        const agreement = agreementOf(t, f.time ?? null);
        if (agreement > bestAgreement || (agreement === bestAgreement && factId !== null && c.id < factId)) { factId = c.id; bestAgreement = agreement; }
      }
      if (!factId) {
        factId = 'f-' + hash(`${docId}:${r.local_id}`).slice(0, 12);
        for (let len = 16; this.q('SELECT 1 FROM facts WHERE id = ?').get(factId); len += 8) factId = 'f-' + hash(`${docId}:${r.local_id}`).slice(0, len);
        this.q(`INSERT INTO facts (id, kind, type, subject, object, modality, speaker, confidence, sources)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0)`).run(factId, f.kind, f.type, subject, object ?? null, modality, speaker);
        // Make the new fact visible to the next statements of this document at once.
        this.q('UPDATE facts SET time_at = ?, time_start = ?, time_end = ? WHERE id = ?').run(f.time?.at ?? null, f.time?.start ?? null, f.time?.end ?? null, factId);
      }
      this.q('UPDATE doc_facts SET fact_id = ?, place = ?, mediator = ? WHERE document_id = ? AND local_id = ?')
        .run(factId, f.place ? local.get(f.place) ?? null : null, f.mediator ? local.get(f.mediator) ?? null : null, docId, r.local_id);
      for (const ev of f.evidence ?? []) {
        this.q('INSERT OR IGNORE INTO evidence (fact_id, document_id, start, end, text) VALUES (?, ?, ?, ?, ?)').run(factId, docId, ev.start, ev.end, ev.text);
      }
      touched.add(factId);
      attached++;
    }
    for (const id of touched) this.recomputeFact(id);
    return attached;
  }

  private detachFacts(docIds: string[]): void {
    const touched = new Set<string>();
    for (const id of docIds) {
      for (const r of this.q('SELECT DISTINCT fact_id FROM doc_facts WHERE document_id = ? AND fact_id IS NOT NULL').all(id) as Row[]) touched.add(r.fact_id);
      this.q('DELETE FROM evidence WHERE document_id = ?').run(id);
      this.q('UPDATE doc_facts SET fact_id = NULL, place = NULL, mediator = NULL WHERE document_id = ?').run(id);
    }
    for (const f of touched) this.recomputeFact(f);
  }

  /**
   * Recomputes a merged fact from its document facts, in SQL over their columns (a fact stated in
   * thousands of documents costs one indexed aggregate, not thousands of parsed rows); deletes it
   * when none are left.
   */
  private recomputeFact(id: string): void {
    const agg = this.q('SELECT count(DISTINCT document_id) AS docs FROM doc_facts WHERE fact_id = ?').get(id) as Row;
    if (agg.docs === 0) {
      this.q('DELETE FROM facts WHERE id = ?').run(id);
      return;
    }
    const head = this.q('SELECT kind, type FROM facts WHERE id = ?').get(id) as Row;
    const times = this.q('SELECT DISTINCT time_at AS at, time_start AS start, time_end AS end, time_text AS text FROM doc_facts WHERE fact_id = ?').all(id) as Row[];
    const time = mergeTimes(times.map((t) => Object.fromEntries(Object.entries(t).filter(([, v]) => v != null)) as FactTime));
    const { from, to } = validity(factShape(head.kind, head.type), time);
    const top = (col: string) => (this.q(`SELECT ${col} AS v FROM doc_facts WHERE fact_id = ? AND ${col} IS NOT NULL AND ${col} != ''
                                          GROUP BY ${col} ORDER BY count(*) DESC, ${col} LIMIT 1`).get(id) as Row | undefined)?.v ?? null;
    const best = (this.q('SELECT max(confidence) AS c FROM doc_facts WHERE fact_id = ? GROUP BY source_key').all(id) as Row[]).map((r) => r.c as number);
    this.q(`UPDATE facts SET cue = ?, mode = ?, place = ?, mediator = ?, role = ?, time_at = ?, time_start = ?, time_end = ?, time_text = ?,
            valid_from = ?, valid_to = ?, date_key = ?, confidence = ?, sources = ? WHERE id = ?`)
      .run(
        top('cue'), top('mode'), top('place'), top('mediator'), top('role'),
        time?.at ?? null, time?.start ?? null, time?.end ?? null, time?.text ?? null,
        from, to, dateKey(time), combinedConfidence(best), agg.docs, id,
      );
    refreshContradictions(this.db, id);
  }

  // ---------------------------------------------------------------- corrections

  mergeActors(keepRef: string, dropRef: string): StoredEntity {
    const keep = this.requireActor(keepRef);
    const drop = this.requireActor(dropRef);
    if (keep.id === drop.id) throw new InputError(dropRef, `is already the same actor as ${keepRef} (${keep.id})`);
    this.db.transaction(() => {
      const norms = new Set<string>();
      for (const id of [keep.id, drop.id]) for (const r of this.q('SELECT norm FROM entity_names WHERE entity_id = ?').all(id) as Row[]) norms.add(r.norm);
      this.q('INSERT INTO corrections (kind, data, created_at) VALUES (?, ?, ?)')
        .run('merge', JSON.stringify({ kind: 'merge', norms: [...norms].sort() } satisfies MergeRule), new Date().toISOString());
      const rows = this.q('SELECT * FROM doc_entities WHERE entity_id = ?').all(drop.id) as DocEntityRow[];
      const docs = [...new Set(rows.map((r) => r.document_id))];
      this.detachFacts(docs);
      this.reassign(rows, keep.id);
      this.recomputeEntity(drop.id);
      this.recomputeEntity(keep.id);
      for (const d of docs) this.attachFacts(d);
    })();
    return this.getActor(keep.id)!;
  }

  splitActor(actorRef: string, alias: string): StoredEntity {
    const actor = this.requireActor(actorRef);
    const aliasNorm = normalizeName(alias);
    // The name the analyst called the actor by stays with it; by id, its shown name does.
    const refNorm = normalizeName(actorRef);
    const ownNorms = new Set((this.q('SELECT norm FROM entity_names WHERE entity_id = ?').all(actor.id) as Row[]).map((r) => r.norm as string));
    const keepNorm = actorRef !== actor.id && ownNorms.has(refNorm) ? refNorm : normalizeName(actor.name);
    if (!aliasNorm) throw new InputError(`--alias ${alias}`, 'empty name');
    if (aliasNorm === keepNorm) throw new InputError(`--alias ${alias}`, `is the actor's own name; split off another of its aliases (${actor.aliases.join(', ') || 'it has none'})`);
    const rule: SplitRule = { kind: 'split', aliasNorm, keepNorm };
    const rows = (this.q('SELECT * FROM doc_entities WHERE entity_id = ?').all(actor.id) as DocEntityRow[]).filter((r) => {
      const norms = new Set(displayNames(r.name, JSON.parse(r.aliases)).map(normalizeName));
      return isAliasOf(norms, normalizeName(r.name), rule);
    });
    if (rows.length === 0) throw new InputError(`--alias ${alias}`, `no document calls ${actor.name} (${actor.id}) by that name alone`);
    let newId = '';
    this.db.transaction(() => {
      this.q('INSERT INTO corrections (kind, data, created_at) VALUES (?, ?, ?)').run('split', JSON.stringify(rule), new Date().toISOString());
      const first = [...rows].sort((a, b) => (a.document_id + a.local_id < b.document_id + b.local_id ? -1 : 1))[0]!;
      newId = this.newEntity(first.document_id, first.local_id, first.name, first.type);
      const docs = [...new Set(rows.map((r) => r.document_id))];
      this.detachFacts(docs);
      this.reassign(rows, newId);
      this.recomputeEntity(actor.id);
      this.recomputeEntity(newId);
      for (const d of docs) this.attachFacts(d);
    })();
    return this.getActor(newId)!;
  }

  private requireActor(ref: string): StoredEntity {
    const a = this.getActor(ref);
    if (!a) throw new InputError(ref, 'no such actor (give an actor id, name or alias)');
    return a;
  }

  // ---------------------------------------------------------------- actors

  findActors(opts: { type?: string; search?: string; limit?: number } = {}): StoredEntity[] {
    const limit = opts.limit ?? 1000;
    let rows: Row[];
    if (opts.search) {
      const norm = normalizeName(opts.search);
      // A search with no letter or digit in it names nothing (it is not "every actor").
      if (!norm) return [];
      // `%` and `_` in the text are characters to find, not wildcards.
      const pattern = `%${norm.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const type = opts.type ? [opts.type] : [];
      // A common piece of a name ("ka") matches tens of thousands of names, and sorting them all
      // costs tens of ms. First look among the best-known actors only: when enough of them match,
      // they are the answer (every other match ranks lower). Else rank all the matches (few, then).
      const best = this.q(`SELECT e.* FROM (SELECT * FROM entities ${opts.type ? 'WHERE type = ?' : ''}
                                             ORDER BY document_count DESC, mention_count DESC, id LIMIT ${SEARCH_FIRST_LOOK}) e
                           WHERE EXISTS (SELECT 1 FROM entity_names n WHERE n.entity_id = e.id AND n.norm LIKE ? ESCAPE '\\')
                           ORDER BY e.document_count DESC, e.mention_count DESC, e.id LIMIT ?`).all(...type, pattern, limit) as Row[];
      rows = best.length >= limit ? best
        : this.q(`SELECT e.* FROM entities e WHERE e.id IN (SELECT entity_id FROM entity_names WHERE norm LIKE ? ESCAPE '\\')
                  ${opts.type ? 'AND e.type = ?' : ''} ORDER BY e.document_count DESC, e.mention_count DESC, e.id LIMIT ?`).all(pattern, ...type, limit) as Row[];
    } else {
      rows = this.db.prepare(`SELECT * FROM entities ${opts.type ? 'WHERE type = ?' : ''} ORDER BY document_count DESC, mention_count DESC, id LIMIT ?`)
        .all(...[...(opts.type ? [opts.type] : []), limit]) as Row[];
    }
    return this.toEntities(rows);
  }

  getActor(ref: string): StoredEntity | null {
    let r = this.q('SELECT * FROM entities WHERE id = ?').get(ref) as Row | undefined;
    if (!r) {
      const norm = normalizeName(ref);
      if (!norm) return null;
      r = this.q(`SELECT e.* FROM entity_names n JOIN entities e ON e.id = n.entity_id WHERE n.norm = ?
                  ORDER BY (lower(e.name) = lower(?)) DESC, n.as_name DESC, e.document_count DESC, e.id LIMIT 1`).get(norm, ref) as Row | undefined;
    }
    return r ? this.toEntities([r])[0]! : null;
  }

  getActors(ids: string[]): StoredEntity[] {
    if (!ids.length) return [];
    return this.toEntities(this.q(`SELECT * FROM entities WHERE id IN ${ANY_OF}`).all(JSON.stringify([...new Set(ids)])) as Row[]);
  }

  /** An actor reference as an id, without reading the actor's names when it is an id already. */
  private actorIdOf(ref: string): string | null {
    const r = this.q('SELECT id FROM entities WHERE id = ?').get(ref) as Row | undefined;
    return r ? r.id : this.getActor(ref)?.id ?? null;
  }

  private toEntities(rows: Row[]): StoredEntity[] {
    const aliases = new Map<string, string[]>();
    if (rows.length) {
      const found = this.q(`SELECT entity_id, name FROM entity_names WHERE entity_id IN ${ANY_OF}
                            ORDER BY entity_id, uses DESC, name`).all(JSON.stringify(rows.map((r) => r.id))) as Row[];
      for (const a of found) aliases.set(a.entity_id, [...(aliases.get(a.entity_id) ?? []), a.name]);
    }
    return rows.map((r) => ({
      id: r.id, name: r.name, type: r.type, subtype: r.subtype, catalogId: r.catalog_id,
      aliases: (aliases.get(r.id) ?? []).filter((a) => a !== r.name),
      mentionCount: r.mention_count, documentCount: r.document_count,
    }));
  }

  // ---------------------------------------------------------------- facts queries

  facts(query: FactQuery = {}): StoredFact[] {
    const where: string[] = [];
    const params: unknown[] = [];
    let actorId: string | null = null;
    if (query.actor) {
      actorId = this.actorIdOf(query.actor);
      if (!actorId) return [];
    }
    if (query.type) { where.push('type = ?'); params.push(query.type); }
    if (query.document) { where.push('id IN (SELECT fact_id FROM evidence WHERE document_id = ?)'); params.push(query.document); }
    if (query.search !== undefined) {
      const match = ftsQuery(query.search);
      if (!match) return [];
      where.push('id IN (SELECT e.fact_id FROM evidence_fts JOIN evidence e ON e.id = evidence_fts.rowid WHERE evidence_fts MATCH ?)');
      params.push(match);
    }
    const spans: Span[] = [];
    if (query.asOf) {
      const b = dayBounds(query.asOf);
      if (!b) throw new InputError(`as-of ${query.asOf}`, 'not a date');
      spans.push(b);
    }
    if (query.from || query.to) spans.push([dayBounds(query.from)?.[0] ?? '0000-01-01', dayBounds(query.to)?.[1] ?? '9999-12-31']);
    for (const [lo, hi] of spans) { where.push(heldDuring); params.push(hi, lo, hi, lo); }
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    if (spans.length && !actorId && where.length === spans.length) {
      // Only dates: walk whichever index reads fewer facts for them (dated.ts).
      const want = query.limit ? offset + query.limit : Infinity;
      const { plan, span } = chooseDatedPlan(this.dateTally(), spans, want);
      return this.toFacts(this.datedRows(plan, span, where, params, offset, query.limit));
    }
    const sides = query.side ? [query.side] : ['subject', 'object'] as const;
    if (actorId && query.limit) {
      // An actor's facts, best first: one ordered index walk as subject and one as object, each
      // stopping at offset + limit, instead of sorting every fact of a hub. INDEXED BY: with
      // statistics, the planner may otherwise skip-scan (type, subject, object) and sort a hub's
      // thousands of facts. With a type, the (actor, type, rank) index walks only that group.
      const want = offset + query.limit;
      // Both walks in one statement: SQLite merges the two ordered index walks and stops at `want`.
      const walk = (col: string) => `SELECT * FROM facts INDEXED BY facts_${col}${query.type ? '_type' : ''} WHERE ${[`${col} = ?`, ...where].join(' AND ')}`;
      const found = this.q(`${sides.map(walk).join(' UNION ALL ')} ORDER BY sources DESC, confidence DESC, id LIMIT ?`)
        .all(...sides.flatMap(() => [actorId, ...params]), want) as Row[];
      const rows = uniqueById(found).slice(offset, want);
      return this.toFacts(rows, query.document ? Infinity : EVIDENCE_PER_FACT);
    }
    // A type across the store: walk that type's rank index (the planner may otherwise read the
    // whole type by (type, subject, object) and sort it).
    const byType = !actorId && query.type && !query.document && query.search === undefined ? 'INDEXED BY facts_type_rank' : '';
    if (actorId) {
      where.unshift(query.side ? `${query.side} = ?` : '(subject = ? OR object = ?)');
      params.unshift(...(query.side ? [actorId] : [actorId, actorId]));
    }
    let sql = `SELECT ${byType ? 'id' : '*'} FROM facts ${byType} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY sources DESC, confidence DESC, id
                 ${query.limit ? 'LIMIT ?' : offset ? 'LIMIT -1' : ''} ${offset ? 'OFFSET ?' : ''}`;
    // The type index holds every column the walk filters and sorts on: pick the page's ids from
    // it alone, then read only those rows.
    if (byType) sql = `SELECT * FROM facts WHERE id IN (${sql}) ORDER BY sources DESC, confidence DESC, id`;
    if (query.limit) params.push(query.limit);
    if (offset) params.push(offset);
    // A document's page highlights every sentence of its own: its facts keep all their evidence.
    return this.toFacts(this.db.prepare(sql).all(...params) as Row[], query.document ? Infinity : EVIDENCE_PER_FACT);
  }

  /** The facts tally by kind class and validity years, kept by triggers (a few hundred rows). */
  private dateTally(): DateTallyRow[] {
    return this.q('SELECT relation, from_year, to_year, n FROM fact_date_tally').all() as DateTallyRow[];
  }

  /** Facts matching `where` (validity conditions only) in rank order, read by the given walk. */
  private datedRows(plan: DatedPlan, span: Span, where: string[], params: unknown[], offset: number, limit?: number): Row[] {
    const { sql, bound, branches } = datedSql(plan, where.join(' AND '));
    const args: unknown[] = bound === 'hi' ? [span[1]] : bound === 'lo' ? [span[0]] : [];
    for (let i = 0; i < branches; i++) args.push(...params);
    return this.q(`${sql} LIMIT ? OFFSET ?`).all(...args, limit ?? -1, offset) as Row[];
  }

  /**
   * Whole-store facts over dates by a chosen walk, for the contract test that every walk gives
   * the plain filter's answer (facts() picks the walk itself).
   */
  datedFactsBy(plan: DatedPlan, query: Pick<FactQuery, 'asOf' | 'from' | 'to' | 'limit' | 'offset'>): StoredFact[] {
    const spans: Span[] = [];
    if (query.asOf) spans.push(dayBounds(query.asOf)!);
    if (query.from || query.to) spans.push([dayBounds(query.from)?.[0] ?? '0000-01-01', dayBounds(query.to)?.[1] ?? '9999-12-31']);
    if (!spans.length || spans.some((sp) => !sp)) throw new InputError(JSON.stringify(query), 'needs a valid as-of, from or to');
    const params = spans.flatMap(([lo, hi]) => [hi, lo, hi, lo]);
    return this.toFacts(this.datedRows(plan, spans[0]!, spans.map(() => heldDuring), params, Math.max(0, query.offset ?? 0), query.limit));
  }

  factGroups(actorId: string, opts: { top?: number } = {}): FactGroup[] {
    const groups = new Map<string, FactGroup>();
    for (const r of this.q('SELECT direction, type, kind, n FROM actor_fact_counts WHERE actor_id = ?').all(actorId) as Row[]) {
      groups.set(`${r.direction}|${r.type}`, { kind: r.kind as FactKind, type: r.type, direction: r.direction, count: r.n, facts: [] });
    }
    const top = Math.max(0, Math.floor(opts.top ?? 0));
    if (top > 0 && groups.size) {
      // The strongest `top` facts of every group in one statement per direction: for each of the
      // actor's (direction, type) tallies, a walk of the (actor, type, rank) index that stops at `top`.
      const rows: Row[] = [];
      for (const [col, direction] of [['subject', 'out'], ['object', 'in']] as const) {
        rows.push(...(this.q(`SELECT c.direction AS group_direction, f.* FROM actor_fact_counts c
                              JOIN facts f ON f.id IN (SELECT id FROM facts INDEXED BY facts_${col}_type WHERE ${col} = c.actor_id AND type = c.type
                                                       ORDER BY sources DESC, confidence DESC LIMIT ?)
                              WHERE c.actor_id = ? AND c.direction = '${direction}'`).all(top, actorId) as Row[]));
      }
      rows.sort(rankOrder);
      const facts = this.toFacts(rows);
      rows.forEach((r, i) => groups.get(`${r.group_direction}|${r.type}`)?.facts.push(facts[i]!));
    }
    return [...groups.values()];
  }

  /**
   * Rows as facts with their evidence: the first `evidencePerFact` sentences of each (by document,
   * then position). A fact stated in a thousand documents would otherwise carry a thousand
   * sentences into every page that lists it; `sources` still counts them all.
   */
  private toFacts(rows: Row[], evidencePerFact = EVIDENCE_PER_FACT): StoredFact[] {
    const evidence = new Map<string, StoredEvidence[]>();
    if (rows.length) {
      const ids = JSON.stringify(rows.map((r) => r.id));
      const found = (Number.isFinite(evidencePerFact)
        ? this.q(`SELECT fact_id, document_id, start, end, text FROM (
                    SELECT fact_id, document_id, start, end, text, row_number() OVER (PARTITION BY fact_id ORDER BY document_id, start, end) AS n
                    FROM evidence WHERE fact_id IN ${ANY_OF}) WHERE n <= ? ORDER BY fact_id, document_id, start, end`).all(ids, evidencePerFact)
        : this.q(`SELECT fact_id, document_id, start, end, text FROM evidence WHERE fact_id IN ${ANY_OF}
                  ORDER BY fact_id, document_id, start, end`).all(ids)) as Row[];
      for (const e of found) {
        const list = evidence.get(e.fact_id) ?? [];
        list.push({ documentId: e.document_id, start: e.start, end: e.end, text: e.text });
        evidence.set(e.fact_id, list);
      }
    }
    return rows.map((r) => {
      const time: FactTime | null = r.time_at || r.time_start || r.time_end
        ? Object.fromEntries(Object.entries({ at: r.time_at, start: r.time_start, end: r.time_end, text: r.time_text }).filter(([, v]) => v != null)) as FactTime
        : null;
      return {
        id: r.id, kind: r.kind as FactKind, type: r.type, mode: r.mode, subject: r.subject, object: r.object,
        place: r.place, mediator: r.mediator, role: r.role, time, modality: r.modality as Modality,
        attribution: r.speaker ? { speaker: r.speaker, cue: r.cue ?? '' } : null,
        confidence: r.confidence, sources: r.sources, evidence: evidence.get(r.id) ?? [],
      };
    });
  }

  snapshot(): GraphSnapshot {
    return {
      documents: this.listDocuments(),
      entities: this.toEntities(this.q('SELECT * FROM entities ORDER BY id').all() as Row[]),
      facts: this.toFacts(this.q('SELECT * FROM facts ORDER BY id').all() as Row[], Infinity),
    };
  }

  /** The facts touching one actor, best first, optionally as of a date. */
  private edgesOf(actorId: string, asOf: string | undefined, limit: number): Row[] {
    const b = asOf ? dayBounds(asOf) : null;
    if (asOf && !b) throw new InputError(`as-of ${asOf}`, 'not a date');
    const cond = b ? `AND ${heldDuring}` : '';
    const p = b ? [b[1], b[0], b[1], b[0]] : [];
    // One statement: SQLite merges the subject and object index walks in rank order and stops at the limit.
    return uniqueById(this.q(`SELECT * FROM facts INDEXED BY facts_subject WHERE subject = ? ${cond}
                              UNION ALL SELECT * FROM facts INDEXED BY facts_object WHERE object = ? ${cond}
                              ORDER BY sources DESC, confidence DESC, id LIMIT ?`).all(actorId, ...p, actorId, ...p, limit) as Row[]);
  }

  neighbourhood(actorId: string, opts: { depth?: number; asOf?: string; limit?: number } = {}): { nodes: StoredEntity[]; edges: StoredFact[] } {
    const start = this.getActor(actorId);
    if (!start) return { nodes: [], edges: [] };
    const { seen, edges } = this.neighbourhoodRows(start.id, Math.max(0, opts.depth ?? 1), opts.limit ?? 200, opts.asOf);
    const nodeRows: Row[] = [];
    nodeRows.push(...(this.q(`SELECT * FROM entities WHERE id IN ${ANY_OF}`).all(JSON.stringify([...seen])) as Row[]));
    const nodes = this.toEntities(nodeRows);
    nodes.sort((a, b) => (a.id === start.id ? -1 : b.id === start.id ? 1 : b.documentCount - a.documentCount || (a.id < b.id ? -1 : 1)));
    return { nodes, edges: this.toFacts(edges) };
  }

  /** Breadth-first over the best-supported facts of each actor reached, up to `limit` facts. */
  private neighbourhoodRows(startId: string, depth: number, limit: number, asOf?: string): { seen: Set<string>; edges: Row[] } {
    const seen = new Set([startId]);
    const edges = new Map<string, Row>();
    let frontier = [startId];
    for (let d = 0; d < depth && frontier.length && edges.size < limit; d++) {
      const next: string[] = [];
      for (const node of frontier) {
        for (const e of this.edgesOf(node, asOf, limit - edges.size)) {
          if (edges.size >= limit) break;
          edges.set(e.id, e);
          for (const n of [e.subject, e.object]) if (n && !seen.has(n)) { seen.add(n); next.push(n); }
        }
        if (edges.size >= limit) break;
      }
      frontier = next;
    }
    return { seen, edges: [...edges.values()] };
  }

  path(fromId: string, toId: string, opts: { asOf?: string; maxDepth?: number } = {}): StoredFact[] | null {
    const a = this.getActor(fromId);
    const b = this.getActor(toId);
    if (!a || !b) return null;
    const rows = shortestPath(a.id, b.id, (node) =>
      this.edgesOf(node, opts.asOf, 1000).filter((e) => e.object).map((e) => ({ node: e.subject === node ? e.object : e.subject, edge: e as Row })),
    { maxDepth: opts.maxDepth ?? 4 });
    return rows ? this.toFacts(rows) : null;
  }

  timeline(actorId: string, opts: { limit?: number } = {}): StoredFact[] {
    const a = this.getActor(actorId);
    if (!a) return [];
    const limit = opts.limit && opts.limit > 0 ? Math.floor(opts.limit) : -1;
    // Three indexed lookups, not one OR that scans every fact.
    return this.toFacts(this.q(`SELECT * FROM facts WHERE id IN (
                                  SELECT id FROM facts INDEXED BY facts_subject WHERE subject = ?
                                  UNION SELECT id FROM facts INDEXED BY facts_object WHERE object = ?
                                  UNION SELECT id FROM facts INDEXED BY facts_place WHERE place = ?)
                                ORDER BY date_key IS NULL, date_key, type, id LIMIT ?`).all(a.id, a.id, a.id, limit) as Row[]);
  }

  changes(from: string, to: string, opts: { limit?: number } = {}): Changes {
    const lo = dayBounds(from)?.[0];
    const hi = dayBounds(to)?.[1];
    if (!lo) throw new InputError(from, 'not a date');
    if (!hi) throw new InputError(to, 'not a date');
    const limit = opts.limit && opts.limit > 0 ? Math.floor(opts.limit) : -1;
    // Each list is one range of a (kind, date) index: ids sorted and cut there, whole rows read
    // only for the facts kept, and the count from the same range (years of a big store hold
    // tens of thousands of changes; reading them all took seconds).
    const list = (kinds: string, col: string) => {
      const range = `FROM facts WHERE kind IN (${kinds}) AND ${col} BETWEEN ? AND ?`;
      const rows = this.q(`SELECT * FROM facts WHERE id IN (SELECT id ${range} ORDER BY ${col}, id LIMIT ?) ORDER BY ${col}, id`).all(lo, hi, limit) as Row[];
      const count = (this.q(`SELECT count(*) AS n ${range}`).get(lo, hi) as Row).n as number;
      return { facts: this.toFacts(rows), count };
    };
    const started = list(`'relation'`, 'valid_from');
    const ended = list(`'relation'`, 'valid_to');
    const events = list(`'event', 'life'`, 'date_key');
    return {
      started: started.facts, ended: ended.facts, events: events.facts,
      counts: { started: started.count, ended: ended.count, events: events.count },
    };
  }

  searchEvidence(text: string, limit = 50): Array<StoredEvidence & { factId: string }> {
    const match = ftsQuery(text);
    if (!match) return [];
    // Ranking every match of a common word is slow on a big store: rank the 2,000 most recent
    // matches (FTS walks its index by rowid cheaply) and return the best of those.
    const rows = this.q(`SELECT e.fact_id, e.document_id, e.start, e.end, e.text
                         FROM (SELECT rowid, rank FROM evidence_fts WHERE evidence_fts MATCH ? ORDER BY rowid DESC LIMIT 2000) m
                         JOIN evidence e ON e.id = m.rowid ORDER BY m.rank, e.id LIMIT ?`).all(match, limit) as Row[];
    return rows.map((r) => ({ factId: r.fact_id, documentId: r.document_id, start: r.start, end: r.end, text: r.text }));
  }

  communities(opts: { actor?: string; maxFacts?: number } = {}): CommunitiesResult {
    // Bounded work: the `maxFacts` best-supported facts of the store, or of an actor's
    // neighbourhood (two hops), never every fact of a million-fact store.
    const maxFacts = Math.max(1, Math.floor(opts.maxFacts ?? DEFAULT_COMMUNITY_FACTS));
    let rows: Row[];
    let complete: boolean;
    if (opts.actor) {
      const a = this.getActor(opts.actor);
      if (!a) return { communities: [], facts: 0, complete: true };
      rows = this.neighbourhoodRows(a.id, 2, maxFacts + 1).edges;
      complete = rows.length <= maxFacts;
      rows = rows.slice(0, maxFacts).filter((r) => r.object && r.modality !== 'negated');
    } else {
      rows = this.q(`SELECT subject, object, sources FROM facts INDEXED BY facts_rank WHERE object IS NOT NULL AND modality != 'negated'
                     ORDER BY sources DESC, confidence DESC LIMIT ?`).all(maxFacts + 1) as Row[];
      complete = rows.length <= maxFacts;
      rows = rows.slice(0, maxFacts);
    }
    return { communities: communitiesOf(rows.map((r) => ({ a: r.subject, b: r.object, weight: r.sources }))), facts: rows.length, complete };
  }

  contradictions(opts: { actor?: string; limit?: number; offset?: number } = {}): Contradiction[] {
    const limit = opts.limit && opts.limit > 0 ? Math.floor(opts.limit) : -1;
    const offset = Math.max(0, Math.floor(opts.offset ?? 0));
    let rows: Row[];
    if (opts.actor) {
      const a = this.getActor(opts.actor);
      if (!a) return [];
      const mine = `SELECT id FROM facts INDEXED BY facts_subject WHERE subject = ? UNION SELECT id FROM facts INDEXED BY facts_object WHERE object = ?`;
      rows = this.q(`SELECT kind, fact_a, fact_b FROM contradictions WHERE fact_a IN (${mine})
                     UNION SELECT kind, fact_a, fact_b FROM contradictions WHERE fact_b IN (${mine})
                     ORDER BY kind, fact_a, fact_b LIMIT ? OFFSET ?`).all(a.id, a.id, a.id, a.id, limit, offset) as Row[];
    } else {
      rows = this.q('SELECT kind, fact_a, fact_b FROM contradictions ORDER BY kind, fact_a, fact_b LIMIT ? OFFSET ?').all(limit, offset) as Row[];
    }
    const facts = new Map<string, Row>();
    for (const f of this.q(`SELECT id, type, subject, object, role FROM facts WHERE id IN ${ANY_OF}`).all(JSON.stringify([...new Set(rows.flatMap((r) => [r.fact_a, r.fact_b]))])) as Row[]) facts.set(f.id, f);
    const names = this.namesOf([...facts.values()].flatMap((f) => [f.subject, f.object]).filter(Boolean));
    const name = (id: string | null) => (id ? names.get(id) ?? id : '');
    return rows.map((r) => {
      const a = facts.get(r.fact_a)!;
      const b = facts.get(r.fact_b)!;
      const note = r.kind === 'allied_and_rival' ? `${name(a.subject)} and ${name(a.object)} are said to be both allies and rivals over overlapping time`
        : r.kind === 'asserted_and_negated' ? `${name(a.subject)} ${a.type} ${name(a.object)} is both stated and denied`
        : `${name(a.subject)} and ${name(b.subject)} are both said to lead ${name(a.object)}${a.role ? ` as ${a.role}` : ''} at the same time`;
      return { kind: r.kind as Contradiction['kind'], facts: [r.fact_a, r.fact_b], note };
    });
  }

  /** Shown names of actors, in one query per 500. */
  private namesOf(ids: string[]): Map<string, string> {
    const out = new Map<string, string>();
    for (const r of this.q(`SELECT id, name FROM entities WHERE id IN ${ANY_OF}`).all(JSON.stringify([...new Set(ids)])) as Row[]) out.set(r.id, r.name);
    return out;
  }

  stats(): StoreStats {
    // Kept by triggers (schema v4): four rows, not a count over millions.
    const counts = new Map((this.q('SELECT name, n FROM counts').all() as Row[]).map((r) => [r.name as string, r.n as number]));
    const n = (k: string) => counts.get(k) ?? 0;
    return { documents: n('documents'), entities: n('entities'), facts: n('facts'), evidence: n('evidence'), contradictions: n('contradictions') };
  }

  /** Which stored actor each of a document's own entities resolved to (for evaluation and exports). */
  documentEntities(docId: string): Array<{ localId: string; entityId: string; mentions: Array<{ start: number; end: number; text: string }> }> {
    const mentions = this.q('SELECT local_id, start, end, text FROM mentions WHERE document_id = ? ORDER BY start').all(docId) as Row[];
    return (this.q('SELECT local_id, entity_id FROM doc_entities WHERE document_id = ? ORDER BY local_id').all(docId) as Row[]).map((r) => ({
      localId: r.local_id, entityId: r.entity_id,
      mentions: mentions.filter((m) => m.local_id === r.local_id).map((m) => ({ start: m.start, end: m.end, text: m.text })),
    }));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Best-known actors an actor search looks among first (see findActors). */
const SEARCH_FIRST_LOOK = 500;

/** Evidence sentences a fact carries in query answers (all of them in snapshots and document pages). */
export const EVIDENCE_PER_FACT = 10;

/** `x IN ${ANY_OF}` with one parameter, a JSON array: one prepared statement for any number of ids. */
const ANY_OF = '(SELECT value FROM json_each(?))';

/** Rows without repeats (a fact whose subject and object are the same actor comes from both walks). */
function uniqueById(rows: Row[]): Row[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && !!seen.add(r.id));
}

/** Best supported first: more sources, then higher confidence, then id (a stable order for paging). */
const rankOrder = (x: Row, y: Row) => y.sources - x.sources || y.confidence - x.confidence || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/** Relations whose validity contains [lo, hi] (undated ones count as holding); events within it. Params: hi, lo, hi, lo. */
const heldDuring = `((kind = 'relation' AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?))
  OR (kind != 'relation' AND valid_from IS NOT NULL AND valid_from <= ? AND valid_to >= ?))`;

/** User text as an FTS5 query: every word must occur, each quoted so nothing is read as syntax. */
function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.map((w) => `"${w}"`).join(' ') : null;
}

/** How closely two compatible times agree: the summed length of their shared values. */
function agreementOf(a: FactTime, b: FactTime | null): number {
  if (!b) return 0;
  let n = 0;
  for (const k of ['at', 'start', 'end'] as const) if (a[k] && b[k]) n += Math.min(a[k]!.length, b[k]!.length);
  return n;
}
