// The entity stage: mentions, typed, grouped into one entity per actor, linked to the catalog,
// then definite descriptions and pronouns resolved to them.
//
//   detectCandidates (mentions.ts)  capitalized runs → candidate names
//   typeCandidate    (typing.ts)    each candidate's type from its own evidence
//   clusterCandidates (cluster.ts)  one group per actor: same name, catalog id, acronym, surname
//   linkEntity       (link.ts)      catalog entry, by name + context + date
//   resolveReferences (coref.ts)    "the Saudi terrorist", "he", "its"
//   resolveOrdinals  (ordinal.ts)   "the first", "the latter": a member of the last named pair
import type { Entity, Mention, WorkingDocument } from '../model/types.js';
import { loadCatalog, type Catalog, type CatalogEntry } from '../catalog/index.js';
import { normalizeName } from '../catalog/normalize.js';
import { getLexicon, type Lexicon } from './lexicon.js';
import { detectCandidates, spanText, type Candidate } from './mentions.js';
import { typeCandidate, type Typed } from './typing.js';
import { clusterCandidates, type Cluster } from './cluster.js';
import { linkEntity, type LinkContext } from './link.js';
import { resolveReferences } from './coref.js';
import { resolveOrdinals } from './ordinal.js';

export interface EntityOptions {
  /** Resolve definite descriptions and pronouns (default true). */
  references?: boolean;
  catalog?: Catalog;
}

export function recognizeEntities(doc: WorkingDocument, options: EntityOptions = {}): void {
  const lex = getLexicon();
  const catalog = options.catalog ?? loadCatalog();
  const cands = detectCandidates({ doc, lex, catalog });
  const sports = isSportsReport(doc, lex);
  const typed = cands.map((c) => typeCandidate(c, doc.tokens, lex, catalog, sports));
  addNestedPlaces(doc, cands, typed, catalog);
  const clusters = clusterCandidates(cands, typed, lex, doc.tokens).filter((cl) => keepCluster(cl, cands, typed, lex));
  const entries = new Map<string, CatalogEntry | null>();
  doc.entities = buildEntities(doc, clusters, cands, typed, catalog, entries);
  if (options.references !== false) {
    resolveReferences(doc, lex, catalog, entries);
    resolveOrdinals(doc);
  }
}

/**
 * Known places and people named inside a longer name are mentions of their own: "Doctor Who
 * Society of Canada" also mentions Canada, "Andy Warhol Foundation" Andy Warhol when the document
 * names him. Only catalog countries and places, and people the document names on their own,
 * count, so that "University of Trieste" does not make a place of every word.
 */
function addNestedPlaces(doc: WorkingDocument, cands: Candidate[], typed: Typed[], catalog: Catalog): void {
  const n = cands.length;
  // People named on their own elsewhere in the document ("Andy Warhol" in "Andy Warhol Foundation").
  const people = new Set<string>();
  for (let i = 0; i < n; i++) if (typed[i].type === 'PERSON' && cands[i].last - cands[i].first >= 2) people.add(normalizeName(cands[i].text));
  for (let i = 0; i < n; i++) {
    const c = cands[i];
    if (c.last - c.first < 2 || typed[i].type === 'GPE' || typed[i].type === 'PERSON' || typed[i].type === 'NORP' || typed[i].type === 'LOC') continue;
    for (let k = c.first; k < c.last; k++) {
      for (let m = Math.min(c.last, k + 4); m > k; m--) {
        if (k === c.first && m === c.last) continue;
        const t0 = doc.tokens[k];
        if (!/^\p{Lu}/u.test(t0.text)) continue;
        const text = spanText(doc, k, m);
        if (m - k >= 2 && people.has(normalizeName(text))) {
          cands.push({ ...c, first: k, last: m, start: t0.start, end: t0.start + text.length, text, catalog: [], title: null, shapeType: null, headAdded: false, norp: null, definesFor: null, acronym: false, sentenceInitial: false });
          typed.push({ type: 'PERSON', strength: 2, entry: null, subtype: null });
          k = m - 1;
          break;
        }
        const entries = catalog.lookup(text).filter((e) => e.type === 'GPE' && (e.subtype === 'country' || e.subtype === 'place') && normalizeName(e.name) === normalizeName(text));
        if (!entries.length) continue;
        cands.push({ ...c, first: k, last: m, start: t0.start, end: t0.start + text.length, text, catalog: entries, title: null, shapeType: null, headAdded: false, norp: null, definesFor: null, acronym: false, sentenceInitial: false });
        typed.push({ type: 'GPE', strength: 3, entry: entries[0], subtype: entries[0].subtype ?? null });
        k = m - 1;
        break;
      }
    }
  }
}

/** At least five different words of match reporting: countries then mostly name national teams. */
function isSportsReport(doc: WorkingDocument, lex: Lexicon): boolean {
  const seen = new Set<string>();
  for (const t of doc.tokens) {
    const w = t.text.toLowerCase();
    if (lex.sportsCues.has(w) && seen.add(w).size >= 5) return true;
  }
  return false;
}

/**
 * Drops groups that are not names: every mention in a headline-cased line and unknown to the
 * catalog ("Related Articles"), or one common word standing alone ("Reply").
 */
function keepCluster(cl: Cluster, cands: Candidate[], typed: Typed[], lex: Lexicon): boolean {
  const ms = cl.members.map((i) => cands[i]);
  const known = cl.members.some((i) => typed[i].entry || typed[i].strength >= 3);
  if (ms.every((c) => c.headline) && !known) return false;
  const allCommon = ms.every((c) => c.last - c.first === 1 && (lex.common.has(normalizeName(c.text)) || lex.notNames.has(normalizeName(c.text))));
  if (allCommon && !cl.members.some((i) => typed[i].entry)) return false;
  if (ms.every((c) => !/\p{L}{2}|\p{Lu}/u.test(c.text))) return false;
  // Several capitalized words with a common word among them and no cue at all ("Internet Explorer",
  // "Better Idea"): titles of works, products and slogans as often as actors; left out.
  if (cl.members.every((i) => typed[i].strength === 0)) return false;
  // A capitalized word used both in the singular and the plural ("Polaroid", "Polaroids") names a
  // kind of thing, not an actor, unless something vouches for it.
  const forms = new Set(ms.map((c) => normalizeName(c.text)));
  if (!known && cl.members.every((i) => typed[i].strength <= 1) && [...forms].some((f) => /s$/.test(f) && forms.has(f.slice(0, -1)))) return false;
  // One capitalized word, named once, unknown to the catalog and with no cue but its capital: too
  // uncertain to keep (on news text such words were products, characters and common words as
  // often as organizations). A place cue ("in X") is a cue.
  if (ms.length === 1 && ms[0].last - ms[0].first === 1 && !ms[0].acronym && cl.type === 'ORG' && cl.members.every((i) => typed[i].strength <= 1 && !typed[i].entry)) return false;
  // A lone capitalized word seen only at the start of sentences is no name unless something vouches for it.
  if (ms.every((c) => c.sentenceInitial && c.last - c.first === 1) && !known && !cl.members.some((i) => typed[i].strength >= 2)) return false;
  return true;
}

function buildEntities(doc: WorkingDocument, clusters: Cluster[], cands: Candidate[], typed: Typed[], catalog: Catalog, entries: Map<string, CatalogEntry | null>): Entity[] {
  const ctx: LinkContext = { countries: new Set(), codes: new Set(), published: doc.meta.published };
  // Link the unambiguous, multi-word or country names first: they give the context for the rest.
  const linked = new Map<Cluster, CatalogEntry | null>();
  const names = (cl: Cluster) => [...new Set(cl.members.map((i) => cands[i].text))];
  const order = [...clusters].sort((a, b) => Number(strongName(b, cands)) - Number(strongName(a, cands)));
  for (const pass of [0, 1]) {
    for (const cl of order) {
      if (linked.has(cl)) continue;
      if (pass === 0 && !strongName(cl, cands)) continue;
      const e = linkEntity({ names: names(cl), type: cl.type, preferred: cl.entry }, ctx, catalog);
      linked.set(cl, e);
      if (e?.country) ctx.countries.add(e.country);
      if (e) for (const c of catalog.codes(e)) ctx.codes.add(c);
    }
  }
  const out: Entity[] = [];
  for (const cl of clusters) {
    const entry = linked.get(cl) ?? null;
    const mentions: Mention[] = [];
    let lastEnd = -1;
    for (const i of cl.members) {
      const c = cands[i];
      if (c.start < lastEnd) continue;
      mentions.push({ start: c.start, end: c.end, text: c.text, kind: c.acronym ? 'acronym' : 'name' });
      lastEnd = c.end;
    }
    const name = cands[cl.head].text;
    const seen = new Set([normalizeName(name)]);
    const aliases: string[] = [];
    for (const m of mentions) {
      const n = normalizeName(m.text);
      if (seen.has(n)) continue;
      seen.add(n);
      aliases.push(m.text);
    }
    const id = `e${out.length + 1}`;
    entries.set(id, entry);
    out.push({ id, name, type: cl.type, subtype: cl.subtype ?? entry?.subtype ?? null, catalogId: entry?.id ?? null, aliases, mentions });
  }
  return out;
}

function strongName(cl: Cluster, cands: Candidate[]): boolean {
  return cl.members.some((i) => cands[i].last - cands[i].first >= 2) || cl.entry?.subtype === 'country';
}
