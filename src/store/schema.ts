// The SQLite schema as plain `up` steps. `PRAGMA user_version` holds the number of steps applied;
// `PRAGMA application_id` marks the file as ours, so a database of another program is refused.
export const APPLICATION_ID = 0x41475248; // "AGRH"

export interface Migration {
  version: number;
  description: string;
  up: string;
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
];

export const SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
