// Cross-document actor resolution measured on MEANTIME (120 English Wikinews articles whose entity
// mentions are linked to corpus-wide entity instances). Every article goes through the pipeline
// into a temporary store; each gold mention is mapped to the stored actor of the system mention
// that is its head (the last one inside it) or else overlaps it most; the clusters are scored
// with B-cubed and pairwise F1.
//
//   node dist/evaluation/meantime.js [--data DIR] [--limit N] [--corpus NAME] [--classes PER,ORG,LOC]
//
// Two views: mentions (every linked gold mention; includes entity detection and in-document
// grouping) and document entities (one item per gold instance per document: cross-document
// resolution alone). Two baselines on the same system mentions show what resolution adds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractText } from '../pipeline/index.js';
import type { WorkingDocument } from '../model/types.js';
import { openSqliteStore } from '../store/sqlite.js';
import { normalizeName } from '../store/names.js';
import { sharedPath } from '../testing/shared.js';
import { readTarFile } from './tar.js';
import { bcubed, pairwise, type ClusteredItem, type PRF } from './cluster-metrics.js';

export interface GoldMention {
  start: number;
  end: number;
  instance: string;
  /** MEANTIME's class: PER, ORG, LOC, PRO (product), FIN (financial), MIX. */
  type: string;
}

/** The classes that are actors or places in our ontology; products and financial items are not. */
export const ACTOR_CLASSES = ['PER', 'ORG', 'LOC'];

export interface MeantimeDocument {
  name: string;
  corpus: string;
  text: string;
  published: string | null;
  mentions: GoldMention[];
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e]!);
const NO_SPACE_BEFORE = /^([.,;:!?%)\]}]|'s|n't|''|'|'re|'ve|'ll|'d|'m)$/i;
const NO_SPACE_AFTER = /^([([{$]|``)$/;

/** Rebuilds readable text from MEANTIME's tokens: a title line, a date line, then the body. */
export function parseMeantime(name: string, xml: string): MeantimeDocument {
  const tokens: Array<{ id: string; sentence: number; text: string; start: number; end: number }> = [];
  for (const m of xml.matchAll(/<token\b[^>]*\bsentence="(\d+)"[^>]*\bt_id="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
    let text = unescape(m[3]!);
    if (text === '``' || text === "''") text = '"';
    tokens.push({ id: m[2]!, sentence: Number(m[1]), text, start: 0, end: 0 });
  }
  let out = '';
  let prev: (typeof tokens)[number] | null = null;
  for (const t of tokens) {
    if (prev) {
      if (t.sentence !== prev.sentence) out += t.sentence <= 2 ? '\n\n' : ' ';
      else if (!NO_SPACE_BEFORE.test(t.text) && !NO_SPACE_AFTER.test(prev.text)) out += ' ';
    }
    t.start = out.length;
    out += t.text;
    t.end = out.length;
    prev = t;
  }
  const byToken = new Map(tokens.map((t) => [t.id, t]));
  // Entity mentions: m_id → the tokens they cover.
  const mentionTokens = new Map<string, string[]>();
  for (const m of xml.matchAll(/<ENTITY_MENTION\b[^>]*\bm_id="(\d+)"[^>]*>([\s\S]*?)<\/ENTITY_MENTION>/g)) {
    mentionTokens.set(m[1]!, [...m[2]!.matchAll(/t_id="(\d+)"/g)].map((x) => x[1]!));
  }
  // Entity instances (corpus-wide ids) by their markable id.
  const instances = new Map<string, { id: string; type: string }>();
  for (const m of xml.matchAll(/<ENTITY\b([^>]*)\/?>/g)) {
    const id = /\bm_id="(\d+)"/.exec(m[1]!)?.[1];
    const inst = /\binstance_id="([^"]+)"/.exec(m[1]!)?.[1];
    const type = /\bent_type="([^"]+)"/.exec(m[1]!)?.[1] ?? '';
    if (id && inst) instances.set(id, { id: inst, type });
  }
  const mentions: GoldMention[] = [];
  for (const m of xml.matchAll(/<REFERS_TO\b[^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
    const target = /<target m_id="(\d+)"/.exec(m[1]!)?.[1];
    const instance = target ? instances.get(target) : undefined;
    if (!instance) continue; // an event coreference link
    for (const s of m[1]!.matchAll(/<source m_id="(\d+)"/g)) {
      const toks = (mentionTokens.get(s[1]!) ?? []).map((id) => byToken.get(id)).filter((t): t is NonNullable<typeof t> => !!t);
      if (toks.length === 0) continue;
      mentions.push({ start: Math.min(...toks.map((t) => t.start)), end: Math.max(...toks.map((t) => t.end)), instance: instance.id, type: instance.type });
    }
  }
  const published = /functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})/.exec(xml)?.[1] ?? null;
  const corpus = name.split('/').slice(-2, -1)[0] ?? '';
  return { name, corpus, text: out, published, mentions };
}

export function readMeantime(archive = sharedPath('data', 'meantime-en', 'intra_cross-doc_annotation.tar.gz')): MeantimeDocument[] {
  return readTarFile(archive)
    .filter((e) => e.name.endsWith('.xml'))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((e) => parseMeantime(e.name, e.data.toString('utf8')));
}

export interface MeantimeResult {
  classes: string[];
  documents: number;
  goldMentions: number;
  matchedMentions: number;
  goldInstances: number;
  mentions: { bcubed: PRF; pairwise: PRF };
  documentEntities: { bcubed: PRF; pairwise: PRF; items: number };
  documentEntityBaselines: Record<string, { bcubed: PRF; pairwise: PRF }>;
  baselines: Record<string, { bcubed: PRF; pairwise: PRF }>;
  storedActors: number;
}

interface SystemMention { start: number; end: number; actor: string; local: string; name: string; type: string }

export interface MeantimeOptions {
  onProgress?: (done: number) => void;
  classes?: string[];
  /** How a document is extracted (default: the pipeline); lets a comparison reuse one extraction. */
  extract?: (doc: MeantimeDocument) => WorkingDocument;
}

export function extractMeantime(doc: MeantimeDocument): WorkingDocument {
  return extractText(doc.text, { source: doc.name, published: doc.published, raw: true });
}

export function evaluateMeantime(docs: MeantimeDocument[], opts: MeantimeOptions = {}): MeantimeResult {
  const classes = new Set(opts.classes ?? ACTOR_CLASSES);
  const dir = mkdtempSync(path.join(tmpdir(), 'ag-meantime-'));
  const store = openSqliteStore(path.join(dir, 'meantime.db'));
  try {
    const perDoc: Array<{ doc: MeantimeDocument; system: SystemMention[] }> = [];
    docs.forEach((doc, i) => {
      const wd = (opts.extract ?? extractMeantime)(doc);
      const outcome = store.ingest(wd);
      const names = new Map(wd.entities.map((e) => [e.id, e]));
      const system: SystemMention[] = [];
      for (const e of store.documentEntities(outcome.documentId)) {
        const local = names.get(e.localId);
        for (const m of e.mentions) system.push({ start: m.start, end: m.end, actor: e.entityId, local: `${i}:${e.localId}`, name: local?.name ?? m.text, type: local?.type ?? '' });
      }
      perDoc.push({ doc, system });
      opts.onProgress?.(i + 1);
    });
    // Each gold mention takes the system mention that overlaps it most.
    const mentionItems: Array<ClusteredItem & { doc: number; sys: SystemMention | null }> = [];
    perDoc.forEach(({ doc, system }, d) => {
      doc.mentions.forEach((g, k) => {
        if (!classes.has(g.type)) return;
        // MEANTIME extents are whole noun phrases ("U.S. automaker GM"): among the system mentions
        // inside one, the last is the head; otherwise the one overlapping most.
        let best: SystemMention | null = null;
        let bestOverlap = 0;
        let inside: SystemMention | null = null;
        for (const s of system) {
          const overlap = Math.min(g.end, s.end) - Math.max(g.start, s.start);
          if (overlap > bestOverlap) { best = s; bestOverlap = overlap; }
          if (overlap > 0 && s.start >= g.start && s.end <= g.end && (!inside || s.end > inside.end)) inside = s;
        }
        if (inside) best = inside;
        mentionItems.push({ gold: g.instance, system: best ? best.actor : `unmatched:${d}:${k}`, doc: d, sys: best });
      });
    });
    const score = (items: ClusteredItem[]) => ({ bcubed: bcubed(items), pairwise: pairwise(items) });
    const relabel = (f: (s: SystemMention) => string) => mentionItems.map((m, i) => ({ gold: m.gold, system: m.sys ? f(m.sys) : `unmatched:${i}` }));
    // Document entities: one item per (document, gold instance) with a matched mention, labelled
    // with the stored actor most of its mentions map to.
    // The same items labelled by a baseline: the majority system mention's label under `f`.
    const entityItemsBy = (f: (s: SystemMention) => string): ClusteredItem[] => {
      const votes = new Map<string, Map<string, number>>();
      for (const m of mentionItems) {
        if (!m.sys) continue;
        const key = `${m.doc}\u0000${m.gold}`;
        const v = votes.get(key) ?? new Map<string, number>();
        v.set(f(m.sys), (v.get(f(m.sys)) ?? 0) + 1);
        votes.set(key, v);
      }
      return [...votes].map(([key, v]) => ({ gold: key.split('\u0000')[1]!, system: [...v].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0] }));
    };
    const entityItems = entityItemsBy((s) => s.actor);
    return {
      classes: [...classes],
      documents: docs.length,
      goldMentions: mentionItems.length,
      matchedMentions: mentionItems.filter((m) => m.sys).length,
      goldInstances: new Set(mentionItems.map((m) => m.gold)).size,
      mentions: score(mentionItems),
      documentEntities: { ...score(entityItems), items: entityItems.length },
      documentEntityBaselines: {
        'no cross-document merging': score(entityItemsBy((s) => s.local)),
        'same normalized name and type': score(entityItemsBy((s) => `${s.type}:${normalizeName(s.name)}`)),
      },
      baselines: {
        // No cross-document resolution: every document entity its own actor.
        'no cross-document merging': score(relabel((s) => s.local)),
        // Merge on the exact normalized name and type, nothing else.
        'same normalized name and type': score(relabel((s) => `${s.type}:${normalizeName(s.name)}`)),
      },
      storedActors: store.stats().entities,
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const r3 = (x: number) => x.toFixed(3);

export function formatMeantime(r: MeantimeResult): string {
  const line = (label: string, s: { bcubed: PRF; pairwise: PRF }) =>
    `  ${label.padEnd(34)} B3 P ${r3(s.bcubed.p)} R ${r3(s.bcubed.r)} F1 ${r3(s.bcubed.f1)}   pairwise P ${r3(s.pairwise.p)} R ${r3(s.pairwise.r)} F1 ${r3(s.pairwise.f1)}`;
  return [
    `MEANTIME cross-document entity resolution (${r.classes.join(', ')}): ${r.documents} documents, ${r.goldMentions} gold mentions of ${r.goldInstances} instances, ` +
      `${r.matchedMentions} (${r3(r.matchedMentions / Math.max(1, r.goldMentions))}) overlapped by a system mention; ${r.storedActors} stored actors`,
    'mentions (detection + in-document + cross-document):',
    line('actorgraph', r.mentions),
    ...Object.entries(r.baselines).map(([k, v]) => line(`baseline: ${k}`, v)),
    `document entities (cross-document resolution alone, ${r.documentEntities.items} items):`,
    line('actorgraph', r.documentEntities),
    ...Object.entries(r.documentEntityBaselines).map(([k, v]) => line(`baseline: ${k}`, v)),
    `SCORE b3_p=${r3(r.mentions.bcubed.p)} b3_r=${r3(r.mentions.bcubed.r)} b3_f1=${r3(r.mentions.bcubed.f1)} pair_f1=${r3(r.mentions.pairwise.f1)} ` +
      `doc_b3_f1=${r3(r.documentEntities.bcubed.f1)} doc_pair_f1=${r3(r.documentEntities.pairwise.f1)} coverage=${r3(r.matchedMentions / Math.max(1, r.goldMentions))} docs=${r.documents}`,
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const data = flag('--data');
  let docs = readMeantime(data ? path.join(data, 'intra_cross-doc_annotation.tar.gz') : undefined);
  const corpus = flag('--corpus');
  if (corpus) docs = docs.filter((d) => d.corpus.includes(corpus));
  const limit = flag('--limit');
  if (limit) docs = docs.slice(0, Number(limit));
  const classes = flag('--classes')?.split(',');
  const result = evaluateMeantime(docs, { classes, onProgress: (n) => { if (n % 20 === 0) process.stderr.write(`… ${n}/${docs.length} documents\n`); } });
  process.stdout.write(formatMeantime(result) + '\n');
}
