// The SQLite schema as plain `up` steps. `PRAGMA user_version` holds the number of steps applied;
// `PRAGMA application_id` marks the file as ours, so a database of another program is refused.
import { rebuildContradictions } from './contradictions.js';

export const APPLICATION_ID = 0x41475248; // "AGRH"

export interface Migration {
  version: number;
  description: string;
  up: string;
  /** Work SQL alone cannot do (e.g. a backfill that needs the store's date rules), run after `up` in the same transaction. */
  run?: (db: import('better-sqlite3').Database) => void;
}

export const migrations: Migration[] = [
  {
    version: 1,
    description: 'documents, resolved actors, merged facts with evidence, corrections',
    up: `
CREATE TABLE documents (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  title TEXT,
  published TEXT,
  url TEXT,
  site TEXT,
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  removed TEXT NOT NULL DEFAULT '[]',
  ingested_at TEXT NOT NULL
);
CREATE INDEX documents_source ON documents(source);

-- One row per actor across documents. name/type/subtype/catalog_id/counts are derived from its
-- doc_entities and recomputed whenever they change.
CREATE TABLE entities (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  subtype TEXT,
  catalog_id TEXT,
  mention_count INTEGER NOT NULL DEFAULT 0,
  document_count INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX entities_catalog ON entities(catalog_id) WHERE catalog_id IS NOT NULL;
CREATE INDEX entities_type ON entities(type, document_count DESC);
CREATE INDEX entities_rank ON entities(document_count DESC, mention_count DESC);

-- Display names of an actor with how many document entities use them (as name or alias).
CREATE TABLE entity_names (
  entity_id TEXT NOT NULL,
  name TEXT NOT NULL,
  norm TEXT NOT NULL,
  as_name INTEGER NOT NULL DEFAULT 0,
  uses INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (entity_id, name)
) WITHOUT ROWID;
CREATE INDEX entity_names_norm ON entity_names(norm);

-- Lookup keys for resolution: n:<normalized name>, s:<short form of a person's name>, a:<acronym>.
CREATE TABLE entity_keys (
  key TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  uses INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (key, entity_id)
) WITHOUT ROWID;
CREATE INDEX entity_keys_entity ON entity_keys(entity_id);

-- Each document's own entities, as the pipeline gave them, and the actor each resolved to.
CREATE TABLE doc_entities (
  document_id TEXT NOT NULL,
  local_id TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  subtype TEXT,
  catalog_id TEXT,
  aliases TEXT NOT NULL,
  mention_count INTEGER NOT NULL,
  PRIMARY KEY (document_id, local_id)
) WITHOUT ROWID;
CREATE INDEX doc_entities_entity ON doc_entities(entity_id);

CREATE TABLE mentions (
  document_id TEXT NOT NULL,
  local_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  kind TEXT
);
CREATE INDEX mentions_doc ON mentions(document_id, local_id);

-- One row per (type, subject, object, compatible time, modality, attribution). The qualifiers,
-- time, validity, confidence and sources are derived from its doc_facts.
CREATE TABLE facts (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  type TEXT NOT NULL,
  subject TEXT NOT NULL,
  object TEXT,
  modality TEXT NOT NULL,
  speaker TEXT,
  cue TEXT,
  mode TEXT,
  place TEXT,
  mediator TEXT,
  role TEXT,
  time_at TEXT,
  time_start TEXT,
  time_end TEXT,
  time_text TEXT,
  valid_from TEXT,
  valid_to TEXT,
  date_key TEXT,
  confidence REAL NOT NULL,
  sources INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX facts_subject ON facts(subject, sources DESC, confidence DESC);
CREATE INDEX facts_object ON facts(object, sources DESC, confidence DESC);
CREATE INDEX facts_key ON facts(type, subject, object);
CREATE INDEX facts_from ON facts(valid_from);
CREATE INDEX facts_to ON facts(valid_to);
CREATE INDEX facts_date ON facts(date_key);
CREATE INDEX facts_rank ON facts(sources DESC, confidence DESC);

-- Each document's own facts (JSON as the pipeline gave them, with document-local entity ids).
CREATE TABLE doc_facts (
  document_id TEXT NOT NULL,
  local_id TEXT NOT NULL,
  fact_id TEXT,
  confidence REAL NOT NULL,
  -- The place and mediator resolved to actors when the fact was attached.
  place TEXT,
  mediator TEXT,
  data TEXT NOT NULL,
  PRIMARY KEY (document_id, local_id)
) WITHOUT ROWID;
CREATE INDEX doc_facts_fact ON doc_facts(fact_id);

CREATE TABLE evidence (
  id INTEGER PRIMARY KEY,
  fact_id TEXT NOT NULL,
  document_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (fact_id, document_id, start, end)
);
CREATE INDEX evidence_doc ON evidence(document_id);

CREATE VIRTUAL TABLE evidence_fts USING fts5(text, content='evidence', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER evidence_ai AFTER INSERT ON evidence BEGIN
  INSERT INTO evidence_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER evidence_ad AFTER DELETE ON evidence BEGIN
  INSERT INTO evidence_fts(evidence_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

-- Analysts' corrections, applied every time a document is resolved.
CREATE TABLE corrections (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  data TEXT NOT NULL,
  created_at TEXT NOT NULL
);
`,
  },
  {
    version: 2,
    description: 'document facts keep their qualifiers and source key as columns, so merged facts are recomputed in SQL',
    up: `
ALTER TABLE doc_facts ADD COLUMN time_at TEXT;
ALTER TABLE doc_facts ADD COLUMN time_start TEXT;
ALTER TABLE doc_facts ADD COLUMN time_end TEXT;
ALTER TABLE doc_facts ADD COLUMN time_text TEXT;
ALTER TABLE doc_facts ADD COLUMN mode TEXT;
ALTER TABLE doc_facts ADD COLUMN role TEXT;
ALTER TABLE doc_facts ADD COLUMN cue TEXT;
-- Statements with the same key are copies of one source (same site, or the same sentence).
ALTER TABLE doc_facts ADD COLUMN source_key TEXT;
UPDATE doc_facts SET
  time_at = json_extract(data, '$.time.at'), time_start = json_extract(data, '$.time.start'),
  time_end = json_extract(data, '$.time.end'), time_text = json_extract(data, '$.time.text'),
  mode = json_extract(data, '$.mode'), role = json_extract(data, '$.role'), cue = json_extract(data, '$.attribution.cue'),
  source_key = coalesce(
    (SELECT 'site:' || d.site FROM documents d WHERE d.id = doc_facts.document_id AND d.site IS NOT NULL),
    'sentence:' || lower(trim(json_extract(data, '$.evidence[0].text'))),
    'doc:' || document_id);
-- Covering indexes: recomputing an actor or a fact named in thousands of documents reads one
-- contiguous index range instead of thousands of table rows.
DROP INDEX doc_facts_fact;
CREATE INDEX doc_facts_fact ON doc_facts(fact_id, source_key, confidence, document_id, time_at, time_start, time_end, time_text, mode, role, cue, place, mediator);
DROP INDEX doc_entities_entity;
CREATE INDEX doc_entities_entity ON doc_entities(entity_id, type, subtype, catalog_id, document_id, mention_count);
`,
  },
  {
    version: 3,
    description: 'index facts by place, for timelines of places',
    up: `CREATE INDEX facts_place ON facts(place) WHERE place IS NOT NULL;`,
  },
  {
    version: 4,
    description: 'counts and per-actor fact counts kept by triggers, contradictions kept at ingest, documents in page order',
    up: `
-- Row counts kept by triggers: stats() reads four rows instead of counting millions.
CREATE TABLE counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;

-- How many facts of each type an actor has, as subject ('out') or object ('in'): the actor page
-- shows the strongest few of each group with its count, without reading a hub's thousands of facts.
-- A fact's type, subject and object never change once inserted, so insert and delete triggers suffice.
CREATE TABLE actor_fact_counts (
  actor_id TEXT NOT NULL,
  direction TEXT NOT NULL,
  type TEXT NOT NULL,
  kind TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (actor_id, direction, type)
) WITHOUT ROWID;
-- One group's strongest facts, in index order.
CREATE INDEX facts_subject_type ON facts(subject, type, sources DESC, confidence DESC);
CREATE INDEX facts_object_type ON facts(object, type, sources DESC, confidence DESC);

-- Pairs of facts that cannot both be true, recomputed whenever one of them is (sqlite.ts,
-- contradictions.ts); the note is written when read, so it shows the actors' current names.
CREATE TABLE contradictions (
  kind TEXT NOT NULL,
  fact_a TEXT NOT NULL,
  fact_b TEXT NOT NULL,
  PRIMARY KEY (kind, fact_a, fact_b)
) WITHOUT ROWID;
CREATE INDEX contradictions_a ON contradictions(fact_a);
CREATE INDEX contradictions_b ON contradictions(fact_b);
CREATE INDEX facts_leaders ON facts(object) WHERE type = 'leader_of' AND modality = 'asserted';

CREATE TRIGGER documents_count_ai AFTER INSERT ON documents BEGIN UPDATE counts SET n = n + 1 WHERE name = 'documents'; END;
CREATE TRIGGER documents_count_ad AFTER DELETE ON documents BEGIN UPDATE counts SET n = n - 1 WHERE name = 'documents'; END;
CREATE TRIGGER entities_count_ai AFTER INSERT ON entities BEGIN UPDATE counts SET n = n + 1 WHERE name = 'entities'; END;
CREATE TRIGGER entities_count_ad AFTER DELETE ON entities BEGIN UPDATE counts SET n = n - 1 WHERE name = 'entities'; END;
CREATE TRIGGER evidence_count_ai AFTER INSERT ON evidence BEGIN UPDATE counts SET n = n + 1 WHERE name = 'evidence'; END;
CREATE TRIGGER evidence_count_ad AFTER DELETE ON evidence BEGIN UPDATE counts SET n = n - 1 WHERE name = 'evidence'; END;
CREATE TRIGGER contradictions_count_ai AFTER INSERT ON contradictions BEGIN UPDATE counts SET n = n + 1 WHERE name = 'contradictions'; END;
CREATE TRIGGER contradictions_count_ad AFTER DELETE ON contradictions BEGIN UPDATE counts SET n = n - 1 WHERE name = 'contradictions'; END;
CREATE TRIGGER facts_count_ai AFTER INSERT ON facts BEGIN
  UPDATE counts SET n = n + 1 WHERE name = 'facts';
  INSERT INTO actor_fact_counts (actor_id, direction, type, kind, n) VALUES (new.subject, 'out', new.type, new.kind, 1)
    ON CONFLICT (actor_id, direction, type) DO UPDATE SET n = n + 1;
  INSERT INTO actor_fact_counts (actor_id, direction, type, kind, n) SELECT new.object, 'in', new.type, new.kind, 1 WHERE new.object IS NOT NULL
    ON CONFLICT (actor_id, direction, type) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER facts_count_ad AFTER DELETE ON facts BEGIN
  UPDATE counts SET n = n - 1 WHERE name = 'facts';
  UPDATE actor_fact_counts SET n = n - 1 WHERE actor_id = old.subject AND direction = 'out' AND type = old.type;
  DELETE FROM actor_fact_counts WHERE actor_id = old.subject AND direction = 'out' AND type = old.type AND n <= 0;
  UPDATE actor_fact_counts SET n = n - 1 WHERE actor_id = old.object AND direction = 'in' AND type = old.type;
  DELETE FROM actor_fact_counts WHERE actor_id = old.object AND direction = 'in' AND type = old.type AND n <= 0;
  DELETE FROM contradictions WHERE fact_a = old.id;
  DELETE FROM contradictions WHERE fact_b = old.id;
END;

-- The documents page lists documents in this order, a page at a time.
CREATE INDEX documents_order ON documents((published IS NULL), published, source, id);
`,
    run: (db) => { recount(db); rebuildContradictions(db); },
  },
  {
    version: 5,
    description: 'facts by kind and date, so "what changed" reads and counts one index range per list',
    up: `
CREATE INDEX facts_kind_from ON facts(kind, valid_from);
CREATE INDEX facts_kind_to ON facts(kind, valid_to);
CREATE INDEX facts_kind_date ON facts(kind, date_key);
`,
  },
  {
    version: 6,
    description: 'facts tallied by validity years, so whole-store date queries pick the index that reads fewer facts',
    up: `
-- How many facts have each (relation or not, start year, end year); '' is an open bound. A few
-- hundred rows that tell, before reading any fact, how many a date walk or a rank walk would read
-- (dated.ts). Kept by triggers, including when a fact is recomputed with new validity.
CREATE TABLE fact_date_tally (
  relation INTEGER NOT NULL,
  from_year TEXT NOT NULL,
  to_year TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (relation, from_year, to_year)
) WITHOUT ROWID;
CREATE TRIGGER facts_tally_ai AFTER INSERT ON facts BEGIN
  INSERT INTO fact_date_tally VALUES (new.kind = 'relation', coalesce(substr(new.valid_from, 1, 4), ''), coalesce(substr(new.valid_to, 1, 4), ''), 1)
    ON CONFLICT (relation, from_year, to_year) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER facts_tally_ad AFTER DELETE ON facts BEGIN
  UPDATE fact_date_tally SET n = n - 1
    WHERE relation = (old.kind = 'relation') AND from_year = coalesce(substr(old.valid_from, 1, 4), '') AND to_year = coalesce(substr(old.valid_to, 1, 4), '');
  DELETE FROM fact_date_tally WHERE n <= 0;
END;
CREATE TRIGGER facts_tally_au AFTER UPDATE OF kind, valid_from, valid_to ON facts BEGIN
  UPDATE fact_date_tally SET n = n - 1
    WHERE relation = (old.kind = 'relation') AND from_year = coalesce(substr(old.valid_from, 1, 4), '') AND to_year = coalesce(substr(old.valid_to, 1, 4), '');
  INSERT INTO fact_date_tally VALUES (new.kind = 'relation', coalesce(substr(new.valid_from, 1, 4), ''), coalesce(substr(new.valid_to, 1, 4), ''), 1)
    ON CONFLICT (relation, from_year, to_year) DO UPDATE SET n = n + 1;
  DELETE FROM fact_date_tally WHERE n <= 0;
END;
`,
    run: (db) => { tallyDates(db); },
  },
  {
    version: 7,
    description: 'facts of one type in rank order, with their validity, for whole-store lists of a type',
    up: `
-- A type's best supported facts are one index walk; the kind and validity columns let a date
-- filter skip the facts that do not hold without reading their rows.
CREATE INDEX facts_type_rank ON facts(type, sources DESC, confidence DESC, kind, valid_from, valid_to);
`,
  },
];

/** Fills fact_date_tally from the facts (the v6 migration, or after a bulk load without triggers). */
export function tallyDates(db: import('better-sqlite3').Database): void {
  db.exec(`
DELETE FROM fact_date_tally;
INSERT INTO fact_date_tally SELECT kind = 'relation', coalesce(substr(valid_from, 1, 4), ''), coalesce(substr(valid_to, 1, 4), ''), count(*)
  FROM facts GROUP BY 1, 2, 3;
`);
}

/**
 * Fills the trigger-kept tables from the rows (the v4 migration, or after a bulk load that ran
 * without triggers); contradictions are counted as rebuildContradictions inserts them.
 */
export function recount(db: import('better-sqlite3').Database): void {
  db.exec(`
DELETE FROM counts;
INSERT INTO counts SELECT 'documents', count(*) FROM documents;
INSERT INTO counts SELECT 'entities', count(*) FROM entities;
INSERT INTO counts SELECT 'facts', count(*) FROM facts;
INSERT INTO counts SELECT 'evidence', count(*) FROM evidence;
INSERT INTO counts SELECT 'contradictions', count(*) FROM contradictions;
DELETE FROM actor_fact_counts;
INSERT INTO actor_fact_counts SELECT subject, 'out', type, min(kind), count(*) FROM facts GROUP BY subject, type;
INSERT INTO actor_fact_counts SELECT object, 'in', type, min(kind), count(*) FROM facts WHERE object IS NOT NULL GROUP BY object, type;
`);
  // Stores migrated to v4 but not yet v6 have no date tally yet (the v6 migration fills it).
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'fact_date_tally'").get()) tallyDates(db);
}

export const SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
