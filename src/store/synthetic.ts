// A synthetic graph written straight into the store's schema, for speed measurements at sizes no
// test corpus reaches (100k actors, 1M facts). Degrees follow a skewed law, so a few hub actors
// carry thousands of facts, as "United States" does in real news.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { ENTITY_TYPES, EVENT_TYPES, POINT_RELATIONS, RELATION_TYPES } from '../model/types.js';
import { migrate } from './sqlite.js';
import { APPLICATION_ID, recount } from './schema.js';
import { rebuildContradictions } from './contradictions.js';
import { normalizeName } from './names.js';
import { dateKey, validity } from './time.js';
import { seededRandom } from '../model/random.js';

export interface SyntheticOptions {
  actors: number;
  facts: number;
  /** Facts per document (default 10). */
  factsPerDocument?: number;
  seed?: number;
  /** Rows per transaction (default 200k). */
  batch?: number;
}

export interface SyntheticSummary {
  actors: number;
  facts: number;
  documents: number;
  seconds: number;
  /** A few actor ids, hubs first, for benchmarks to query. */
  sampleActors: string[];
}


const SYLLABLES = ['ka', 'ran', 'dor', 'mi', 'sal', 'tur', 'ben', 'ash', 'vel', 'or', 'zan', 'kel', 'ima', 'ros', 'tha', 'lun', 'gar', 'ne', 'bru', 'sef'];
const ORG_WORDS = ['Front', 'Brigade', 'Movement', 'Council', 'Army', 'Party', 'Alliance', 'Network', 'Union', 'Forces'];

function actorName(i: number, type: string): string {
  const word = (n: number) => {
    let s = '';
    do { s += SYLLABLES[n % SYLLABLES.length]; n = Math.floor(n / SYLLABLES.length); } while (n > 0);
    return s[0]!.toUpperCase() + s.slice(1);
  };
  if (type === 'PERSON') return `${word(i * 7 + 3)} ${word(i)}`;
  if (type === 'ORG') return `${word(i)} ${ORG_WORDS[i % ORG_WORDS.length]}`;
  return word(i) + 'ia';
}

/**
 * Writes a synthetic graph into a new database file (replacing it). Every table the store reads is
 * filled consistently (documents, actors with names and lookup keys, document entities, merged
 * facts with validity intervals, evidence with its full-text index), so every Store query works.
 */
export function generateSyntheticStore(file: string, opts: SyntheticOptions): SyntheticSummary {
  const t0 = performance.now();
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) rmSync(file + suffix);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -200000');
  migrate(db);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  // Bulk loading is faster without secondary indexes and the full-text trigger: drop them now,
  // build them once at the end.
  const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as Array<{ name: string; sql: string }>;
  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as Array<{ name: string; sql: string }>;
  for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`);
  for (const tr of triggers) db.exec(`DROP TRIGGER ${tr.name}`);
  const random = seededRandom(opts.seed ?? 42);
  const batch = opts.batch ?? 200_000;
  const perDoc = opts.factsPerDocument ?? 10;
  const documents = Math.max(1, Math.ceil(opts.facts / perDoc));
  // Skewed choice: low indices (the hubs) are picked far more often.
  const pick = () => Math.min(opts.actors - 1, Math.floor(opts.actors * random() ** 2));
  const types = ['PERSON', 'ORG', 'ORG', 'GPE', 'ORG', 'PERSON', 'NORP', 'LOC'];
  const typeOf = (i: number) => (i < 50 ? 'GPE' : types[i % types.length]!) as (typeof ENTITY_TYPES)[number];
  const idOf = (i: number) => `syn-${i.toString(36)}`;

  const run = (total: number, step: (i: number) => void) => {
    for (let start = 0; start < total; start += batch) {
      db.transaction(() => { for (let i = start; i < Math.min(total, start + batch); i++) step(i); })();
    }
  };

  // Facts first, in memory as counts per actor and per document, so the actor rows can carry them.
  const mentionCount = new Uint32Array(opts.actors);
  const docActors: Array<Set<number>> = [];
  const insDoc = db.prepare(`INSERT INTO documents (id, source, title, published, url, site, language, text, removed, ingested_at)
                             VALUES (?, ?, ?, ?, NULL, ?, 'en', ?, '[]', ?)`);
  const insFact = db.prepare(`INSERT INTO facts (id, kind, type, subject, object, modality, speaker, cue, mode, place, mediator, role,
                              time_at, time_start, time_end, time_text, valid_from, valid_to, date_key, confidence, sources)
                              VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, NULL, NULL, ?, ?, ?, NULL, ?, ?, ?, ?, 1)`);
  const insDocFact = db.prepare(`INSERT INTO doc_facts (document_id, local_id, fact_id, confidence, place, mediator, data, time_at, time_start, time_end, source_key)
                                 VALUES (?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?)`);
  const insEvidence = db.prepare('INSERT INTO evidence (fact_id, document_id, start, end, text) VALUES (?, ?, ?, ?, ?)');
  const now = new Date().toISOString();
  const docId = (d: number) => createHash('sha256').update(`synthetic-${opts.seed ?? 42}-${d}`).digest('hex');
  const verbs: Record<string, string> = { allied_with: 'sealed a pact with', rival_of: 'clashed with', supports: 'backed', leader_of: 'leads', member_of: 'joined', controls: 'holds' };

  run(documents, (d) => {
    const id = docId(d);
    const year = 1990 + Math.floor(random() * 35);
    const sentences: string[] = [];
    const actorsHere = new Set<number>();
    for (let k = 0; k < perDoc; k++) {
      const n = d * perDoc + k;
      if (n >= opts.facts) break;
      const s = pick();
      let o = pick();
      if (o === s) o = (o + 1) % opts.actors;
      actorsHere.add(s); actorsHere.add(o);
      mentionCount[s]!++; mentionCount[o]!++;
      const isEvent = random() < 0.3;
      const type = isEvent ? EVENT_TYPES[Math.floor(random() * EVENT_TYPES.length)]! : RELATION_TYPES[Math.floor(random() * RELATION_TYPES.length)]!;
      const kind = isEvent ? 'event' : 'relation';
      const dated = random() < 0.7;
      const start = year - Math.floor(random() * 10);
      const time = !dated ? null
        : isEvent || POINT_RELATIONS.has(type) ? { at: `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}` }
        : random() < 0.4 ? { start: String(start), end: String(start + 1 + Math.floor(random() * 8)) } : { start: String(start) };
      const shape = isEvent ? 'event' : POINT_RELATIONS.has(type) ? 'point' : 'durable';
      const v = validity(shape, time);
      const sentence = `${actorName(s, typeOf(s))} ${verbs[type] ?? type.toLowerCase().replace(/_/g, ' ')} ${actorName(o, typeOf(o))} in ${year}.`;
      const offset = sentences.join(' ').length + (sentences.length ? 1 : 0);
      sentences.push(sentence);
      const factId = `f-syn-${n.toString(36)}`;
      insFact.run(factId, kind, type, idOf(s), idOf(o), random() < 0.05 ? 'negated' : 'asserted',
        time?.at ?? null, (time as { start?: string } | null)?.start ?? null, (time as { end?: string } | null)?.end ?? null,
        v.from, v.to, dateKey(time), Math.round((0.4 + random() * 0.55) * 100) / 100);
      insDocFact.run(id, `f${k}`, factId, 0.7, JSON.stringify({ id: `f${k}`, kind, type, subject: `e${s}`, object: `e${o}`, time, modality: 'asserted', attribution: null, confidence: 0.7, evidence: [] }),
        time?.at ?? null, (time as { start?: string } | null)?.start ?? null, (time as { end?: string } | null)?.end ?? null, `site:site${d % 500}.example`);
      insEvidence.run(factId, id, offset, offset + sentence.length, sentence);
    }
    insDoc.run(id, `synthetic/${d}.txt`, `Synthetic report ${d}`, `${year}-06-01`, `site${d % 500}.example`, sentences.join(' '), now);
    docActors.push(actorsHere);
  });

  // Document entities, then actors with their counts, names and lookup keys.
  const documentCount = new Uint32Array(opts.actors);
  const insDocEntity = db.prepare(`INSERT INTO doc_entities (document_id, local_id, entity_id, name, type, subtype, catalog_id, aliases, mention_count)
                                   VALUES (?, ?, ?, ?, ?, NULL, NULL, '[]', 1)`);
  run(docActors.length, (d) => {
    const id = docId(d);
    for (const a of docActors[d]!) {
      documentCount[a]!++;
      insDocEntity.run(id, `e${a}`, idOf(a), actorName(a, typeOf(a)), typeOf(a));
    }
  });
  const insEntity = db.prepare('INSERT INTO entities (id, name, type, subtype, catalog_id, mention_count, document_count) VALUES (?, ?, ?, NULL, NULL, ?, ?)');
  const insName = db.prepare('INSERT INTO entity_names (entity_id, name, norm, as_name, uses) VALUES (?, ?, ?, ?, ?)');
  const insKey = db.prepare('INSERT OR IGNORE INTO entity_keys (key, entity_id, uses) VALUES (?, ?, ?)');
  let stored = 0;
  run(opts.actors, (i) => {
    if (documentCount[i] === 0) return; // an actor no document names is not stored
    const name = actorName(i, typeOf(i));
    insEntity.run(idOf(i), name, typeOf(i), mentionCount[i], documentCount[i]);
    insName.run(idOf(i), name, normalizeName(name), documentCount[i], documentCount[i]);
    insKey.run('n:' + normalizeName(name), idOf(i), documentCount[i]);
    stored++;
  });
  for (const ix of indexes) db.exec(ix.sql);
  db.exec("INSERT INTO evidence_fts(evidence_fts) VALUES ('rebuild')");
  // What the triggers keep at ingest, computed once for the whole load; then the triggers again.
  db.transaction(() => { rebuildContradictions(db); recount(db); })();
  for (const tr of triggers) db.exec(tr.sql);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
  const sampleActors = [0, 1, 2, 10, 100, 1000, 10_000].filter((i) => i < opts.actors && documentCount[i]! > 0).map(idOf);
  return { actors: stored, facts: Math.min(opts.facts, documents * perDoc), documents, seconds: (performance.now() - t0) / 1000, sampleActors };
}
