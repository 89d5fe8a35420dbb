// The store contract: every adapter (SQLite today, PostgreSQL tomorrow) must pass this suite.
// `storeContract(name, open)` registers it; `open(file)` opens a store at a path in a fresh temp
// folder (an adapter that is not a file may ignore the path) and reopening the same path must see
// the same data.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { GraphSnapshot, Store } from './types.js';
import { hubDoc, makeDoc } from './fixtures.js';

export type OpenStore = (file: string) => Store;

// Three short articles written for these tests. They name the same actors in different ways.
export const docA = makeDoc({
  source: 'tests/alliance-1996.txt',
  published: '2019-03-01',
  url: 'https://example-news.org/2019/alliance',
  text: 'How the alliance was made\n' +
    'Osama Bin Laden founded Al Qaeda in 1988 in Peshawar. ' +
    'In 1996 the Taliban sealed a pact with Al Qaeda, and the Taliban sheltered Osama Bin Laden in Kandahar. ' +
    'Mullah Omar led the Taliban from 1994 to 2013.\n',
  entities: [
    { id: 'e1', name: 'Osama Bin Laden', type: 'PERSON' },
    { id: 'e2', name: 'Al Qaeda', type: 'ORG', subtype: 'armed_group' },
    { id: 'e3', name: 'Taliban', type: 'ORG', subtype: 'armed_group' },
    { id: 'e4', name: 'Mullah Omar', type: 'PERSON' },
    { id: 'e5', name: 'Kandahar', type: 'GPE' },
    { id: 'e6', name: 'Peshawar', type: 'GPE' },
  ],
  facts: [
    { type: 'founded', subject: 'e1', object: 'e2', time: { at: '1988' }, evidence: 'founded Al Qaeda' },
    { type: 'allied_with', subject: 'e3', object: 'e2', time: { start: '1996' }, evidence: 'sealed a pact' },
    { type: 'supports', subject: 'e3', object: 'e1', time: { start: '1996' }, evidence: 'sheltered Osama' },
    { type: 'leader_of', subject: 'e4', object: 'e3', time: { start: '1994', end: '2013' }, evidence: 'Mullah Omar led' },
  ],
});

export const docB = makeDoc({
  source: 'tests/after-2001.txt',
  published: '2021-09-01',
  url: 'https://other-wire.com/after-2001',
  text: 'Twenty years on\n' +
    'Bin Laden built al-Qaeda into a global network, and al-Qaeda stayed allied with the Taliban after 2001. ' +
    'Hamza Bin Laden, a son of the founder, was named a leader of al-Qaeda in 2015. ' +
    'On 2 May 2011 US forces killed Bin Laden in Abbottabad.\n',
  entities: [
    { id: 'e1', name: 'Bin Laden', type: 'PERSON' },
    { id: 'e2', name: 'al-Qaeda', type: 'ORG' },
    { id: 'e3', name: 'Taliban', type: 'ORG' },
    { id: 'e4', name: 'Hamza Bin Laden', type: 'PERSON' },
    { id: 'e5', name: 'US', type: 'GPE', aliases: ['United States'] },
    { id: 'e6', name: 'Abbottabad', type: 'GPE' },
  ],
  facts: [
    { type: 'allied_with', subject: 'e2', object: 'e3', evidence: 'stayed allied with the Taliban' },
    { type: 'leader_of', subject: 'e4', object: 'e2', time: { start: '2015' }, evidence: 'was named a leader' },
    { type: 'family_of', subject: 'e4', object: 'e1', role: 'son', evidence: 'a son of the founder' },
    { type: 'ASSAULT', subject: 'e5', object: 'e1', place: 'e6', time: { at: '2011-05-02' }, evidence: 'US forces killed Bin Laden' },
  ],
});

export const docC = makeDoc({
  source: 'tests/rivals.txt',
  published: '2016-05-10',
  text: 'Old friends, new enemies\n' +
    'Jordan said the Taliban had become a rival of Al Qaeda in 2015, when both courted the same fighters. ' +
    'Michael Jordan, the basketball player, was not involved.\n',
  entities: [
    { id: 'e1', name: 'Jordan', type: 'GPE' },
    { id: 'e2', name: 'Taliban', type: 'ORG' },
    { id: 'e3', name: 'Al Qaeda', type: 'ORG' },
    { id: 'e4', name: 'Michael Jordan', type: 'PERSON', aliases: ['Jordan'] },
  ],
  facts: [
    { type: 'rival_of', subject: 'e2', object: 'e3', time: { start: '2015' }, speaker: 'e1', evidence: 'had become a rival' },
    { type: 'rival_of', subject: 'e2', object: 'e3', time: { start: '2015' }, evidence: 'had become a rival' },
  ],
});

/** A snapshot without what legitimately differs between two runs (ingest timestamps). */
export function comparable(s: GraphSnapshot) {
  return {
    documents: s.documents.map(({ ingestedAt: _ignored, ...d }) => d).sort((a, b) => (a.id < b.id ? -1 : 1)),
    entities: [...s.entities].sort((a, b) => (a.id < b.id ? -1 : 1)),
    facts: [...s.facts].sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

export function storeContract(name: string, open: OpenStore): void {
  const fresh = (label: string) => open(path.join(mkdtempSync(path.join(tmpdir(), `ag-store-${label}-`)), 'graph.db'));
  const actor = (s: Store, ref: string) => {
    const a = s.getActor(ref);
    if (!a) throw new Error(`no actor ${ref}`);
    return a;
  };

  describe(`store contract: ${name}`, () => {
    it('ingesting the same document twice changes nothing', () => {
      const s = fresh('twice');
      const first = s.ingest(docA);
      expect(first.added).toBe(true);
      expect(first.entities).toBe(6);
      expect(first.facts).toBe(4);
      const before = comparable(s.snapshot());
      const again = s.ingest(docA);
      expect(again.added).toBe(false);
      expect(comparable(s.snapshot())).toEqual(before);
      expect(s.stats()).toMatchObject({ documents: 1, entities: 6, facts: 4 });
      s.close();
    });

    it('resolves one actor across documents, with all its names, and merges its facts', () => {
      const s = fresh('cross');
      s.ingest(docA);
      s.ingest(docB);
      const osama = actor(s, 'Osama Bin Laden');
      expect(actor(s, 'Bin Laden').id).toBe(osama.id);
      expect(osama.name).toBe('Osama Bin Laden');
      expect(osama.aliases).toContain('Bin Laden');
      expect(osama.documentCount).toBe(2);
      const qaeda = actor(s, 'al-Qaeda');
      expect(actor(s, 'Al Qaeda').id).toBe(qaeda.id);
      expect(qaeda.aliases.concat(qaeda.name).sort()).toEqual(['Al Qaeda', 'al-Qaeda']);
      // The son shares the surname but is someone else.
      const hamza = actor(s, 'Hamza Bin Laden');
      expect(hamza.id).not.toBe(osama.id);
      // "sealed a pact" (1996) and "stayed allied" (undated) are one alliance with two sources.
      const taliban = actor(s, 'Taliban');
      const alliances = s.facts({ actor: taliban.id, type: 'allied_with' });
      expect(alliances).toHaveLength(1);
      expect(alliances[0]!.sources).toBe(2);
      expect(alliances[0]!.evidence.map((e) => e.documentId).sort()).toEqual([docA.meta.id, docB.meta.id].sort());
      expect(alliances[0]!.time).toMatchObject({ start: '1996' });
      expect(alliances[0]!.confidence).toBeGreaterThan(0.7); // two independent sites agree
      const killing = s.facts({ actor: osama.id, type: 'ASSAULT' });
      expect(killing).toHaveLength(1);
      expect(killing[0]!.object).toBe(osama.id);
      expect(killing[0]!.place).toBe(actor(s, 'Abbottabad').id);
      s.close();
    });

    it('keeps apart actors that only share a name', () => {
      const s = fresh('apart');
      s.ingest(docC);
      s.ingest(makeDoc({
        source: 'tests/catalog.txt', text: 'Jordan Peterson spoke. Jordan Peterson left.\n',
        entities: [{ id: 'e1', name: 'Jordan Peterson', type: 'PERSON', aliases: ['Jordan'], catalogId: 'Q1' }], facts: [],
      }));
      s.ingest(makeDoc({
        source: 'tests/catalog2.txt', text: 'Jordan Peterson, the footballer, scored. Jordan Peterson won.\n',
        entities: [{ id: 'e1', name: 'Jordan Peterson', type: 'PERSON', catalogId: 'Q2' }], facts: [],
      }));
      const people = s.findActors({ type: 'PERSON' }).map((a) => a.name).sort();
      expect(people).toEqual(['Jordan Peterson', 'Jordan Peterson', 'Michael Jordan']);
      expect(s.findActors({ type: 'GPE' }).map((a) => a.name)).toEqual(['Jordan']);
      s.close();
    });

    it('ingest, remove, re-ingest gives the same graph; removal drops what only that document supported', () => {
      const s = fresh('remove');
      s.ingest(docA);
      s.ingest(docB);
      s.ingest(docC);
      const before = comparable(s.snapshot());
      const derived = () => ({
        stats: s.stats(),
        contradictions: s.contradictions(),
        groups: s.findActors({}).map((a) => ({ id: a.id, groups: s.factGroups(a.id, { top: 2 }) })),
        documents: s.listDocuments({ limit: 2, offset: 1 }).map(({ ingestedAt: _ignored, ...d }) => d),
      });
      const derivedBefore = derived();
      expect(derivedBefore.contradictions.map((c) => c.kind)).toContain('allied_and_rival');
      expect(s.removeDocument(docB.meta.id)).toBe(true);
      expect(s.getActor('Hamza Bin Laden')).toBeNull();
      expect(s.getActor('Abbottabad')).toBeNull();
      const osama = actor(s, 'Osama Bin Laden');
      expect(osama.documentCount).toBe(1);
      expect(osama.aliases).not.toContain('Bin Laden');
      const alliance = s.facts({ type: 'allied_with' });
      expect(alliance).toHaveLength(1);
      expect(alliance[0]!.sources).toBe(1);
      expect(s.searchEvidence('stayed allied')).toEqual([]);
      expect(s.removeDocument(docB.meta.id)).toBe(false);
      s.ingest(docB);
      expect(comparable(s.snapshot())).toEqual(before);
      expect(derived()).toEqual(derivedBefore);
      // The rivalry is stated only in docC: without it, nothing contradicts the alliance.
      s.removeDocument(docC.meta.id);
      expect(s.contradictions()).toEqual([]);
      expect(s.stats().contradictions).toBe(0);
      s.ingest(docC);
      expect(derived()).toEqual(derivedBefore);
      // By source path too.
      expect(s.removeDocument('tests/rivals.txt')).toBe(true);
      expect(s.getActor('Michael Jordan')).toBeNull();
      s.close();
    });

    it('answers as-of, between, timeline and changes queries over validity intervals', () => {
      const s = fresh('time');
      s.ingest(docA);
      s.ingest(docB);
      const omar = actor(s, 'Mullah Omar');
      const talibanLeaders = (asOf: string) => s.facts({ type: 'leader_of', asOf }).map((f) => f.subject);
      expect(talibanLeaders('2000-06-01')).toContain(omar.id);
      expect(talibanLeaders('2014-06-01')).not.toContain(omar.id);
      // Undated relations count as holding; events count only on their day.
      const asOf1990 = s.facts({ asOf: '1990-01-01' });
      expect(asOf1990.map((f) => f.type).sort()).toEqual(['family_of', 'founded']);
      expect(s.facts({ asOf: '2011-05-02', type: 'ASSAULT' })).toHaveLength(1);
      expect(s.facts({ asOf: '2011-05-03', type: 'ASSAULT' })).toHaveLength(0);
      expect(s.facts({ from: '2011-01-01', to: '2011-12-31', type: 'ASSAULT' })).toHaveLength(1);
      const timeline = s.timeline(actor(s, 'al-Qaeda').id);
      const dated = timeline.filter((f) => f.time);
      expect(dated.map((f) => f.time!.at ?? f.time!.start)).toEqual(['1988', '1996', '2015']);
      expect(s.timeline(actor(s, 'al-Qaeda').id, { limit: 2 }).map((f) => f.id)).toEqual(timeline.slice(0, 2).map((f) => f.id));
      const changes = s.changes('2013-01-01', '2015-12-31');
      expect(changes.ended.map((f) => f.type)).toEqual(['leader_of']);
      expect(changes.started.map((f) => f.type)).toEqual(['leader_of']);
      expect(s.changes('2011-05-01', '2011-05-31').events.map((f) => f.type)).toEqual(['ASSAULT']);
      // The first of each list and the count of all: a long span on a big store holds thousands.
      const wide = s.changes('1980', '2030');
      expect(wide.counts).toEqual({ started: wide.started.length, ended: wide.ended.length, events: wide.events.length });
      expect(wide.started.length).toBeGreaterThan(2);
      const cut = s.changes('1980', '2030', { limit: 2 });
      expect(cut.counts).toEqual(wide.counts);
      expect(cut.started.map((f) => f.id)).toEqual(wide.started.slice(0, 2).map((f) => f.id));
      expect(cut.events.map((f) => f.id)).toEqual(wide.events.slice(0, 2).map((f) => f.id));
      s.close();
    });

    it('walks the graph: neighbourhood, shortest path, communities, evidence search', () => {
      const s = fresh('graph');
      s.ingest(docA);
      s.ingest(docB);
      const omar = actor(s, 'Mullah Omar');
      const hamza = actor(s, 'Hamza Bin Laden');
      const n1 = s.neighbourhood(omar.id, { depth: 1 });
      expect(n1.nodes.map((n) => n.name)).toEqual(['Mullah Omar', 'Taliban']);
      expect(n1.edges).toHaveLength(1);
      const n2 = s.neighbourhood(omar.id, { depth: 2 });
      expect(n2.nodes.map((n) => n.name)).toContain('Osama Bin Laden');
      const p = s.path(omar.id, hamza.id)!;
      expect(p).toHaveLength(3);
      expect(p[0]!.type).toBe('leader_of');
      expect(s.path(omar.id, actor(s, 'Peshawar').id)).toBeNull(); // no fact links the city
      const groups = s.communities();
      expect(groups.complete).toBe(true);
      expect(groups.communities.length).toBeGreaterThan(0);
      expect(groups.communities.flatMap((g) => g.members)).toContain(omar.id);
      // One sentence says both that the Taliban allied with Al Qaeda and that they sheltered Bin Laden.
      const hits = s.searchEvidence('sheltered kandahar');
      expect(hits.map((h) => s.facts({}).find((f) => f.id === h.factId)!.type).sort()).toEqual(['allied_with', 'supports']);
      for (const h of hits) expect(h.text).toContain('sheltered Osama Bin Laden in Kandahar');
      expect(s.searchEvidence('"; DROP TABLE facts; --')).toEqual([]);
      expect(s.facts({ search: 'sheltered Kandahar' }).map((f) => f.type).sort()).toEqual(['allied_with', 'supports']);
      expect(s.facts({ search: 'sheltered Kandahar', type: 'supports' })).toHaveLength(1);
      expect(s.facts({ search: '"*' })).toEqual([]);
      // The facts a document gives evidence for.
      const inB = s.facts({ document: docB.meta.id });
      expect(inB.map((f) => f.type).sort()).toEqual(['ASSAULT', 'allied_with', 'family_of', 'leader_of']);
      for (const f of inB) expect(f.evidence.some((e) => e.documentId === docB.meta.id)).toBe(true);
      s.close();
    });

    it('flags contradictions: allies and rivals at once, two leaders at once', () => {
      const s = fresh('contra');
      s.ingest(docA);
      s.ingest(docC);
      const kinds = s.contradictions().map((c) => c.kind);
      // 1996– allies (open) and 2015– rivals overlap.
      expect(kinds).toContain('allied_and_rival');
      expect(kinds).not.toContain('two_leaders');
      s.ingest(makeDoc({
        source: 'tests/leaders.txt', published: '2000-01-01',
        text: 'Mullah Baradar led the Taliban in 2000.\n',
        entities: [{ id: 'e1', name: 'Mullah Baradar', type: 'PERSON' }, { id: 'e2', name: 'Taliban', type: 'ORG' }],
        facts: [{ type: 'leader_of', subject: 'e1', object: 'e2', time: { at: '2000' }, evidence: 'led the Taliban' }],
      }));
      const two = s.contradictions().filter((c) => c.kind === 'two_leaders');
      expect(two).toHaveLength(1);
      expect(two[0]!.note).toMatch(/Mullah Omar|Mullah Baradar/);
      s.close();
    });

    it('pages documents, an actor\'s facts by group, and contradictions', () => {
      const s = fresh('pages');
      s.ingest(docA);
      s.ingest(docB);
      s.ingest(docC);
      s.ingest(hubDoc('pages', 12));
      const all = s.listDocuments();
      expect(all.map((d) => d.published)).toEqual(['2019-03-01', '2016-05-10', '2021-01-01', '2021-09-01'].sort());
      const paged = [0, 1, 2, 3].flatMap((offset) => s.listDocuments({ limit: 1, offset }));
      expect(paged).toEqual(all);
      expect(s.listDocuments({ limit: 10, offset: 4 })).toEqual([]);
      // The hub's group counts all its facts; its top facts are the best supported, in rank order.
      const hub = actor(s, 'Delta Council');
      const [group, ...others] = s.factGroups(hub.id, { top: 3 });
      expect(others).toEqual([]);
      expect(group).toMatchObject({ kind: 'relation', type: 'supports', direction: 'out', count: 12 });
      const ranked = s.facts({ actor: hub.id, type: 'supports', side: 'subject', limit: 100 });
      expect(ranked).toHaveLength(12);
      expect(group!.facts.map((f) => f.id)).toEqual(ranked.slice(0, 3).map((f) => f.id));
      for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.confidence).toBeGreaterThanOrEqual(ranked[i]!.confidence);
      // Pages of a group, and of all an actor's facts, put together give the whole ranked list.
      const pages = [0, 5, 10].flatMap((offset) => s.facts({ actor: hub.id, type: 'supports', side: 'subject', limit: 5, offset }));
      expect(pages.map((f) => f.id)).toEqual(ranked.map((f) => f.id));
      expect(s.facts({ actor: hub.id, side: 'object', limit: 100 })).toEqual([]);
      const group1 = actor(s, 'Group 1');
      expect(s.factGroups(group1.id)).toEqual([{ kind: 'relation', type: 'supports', direction: 'in', count: 1, facts: [] }]);
      // Contradictions: all, a page at a time, or those touching an actor.
      const contradictions = s.contradictions();
      expect(contradictions.length).toBeGreaterThan(0);
      expect(s.stats().contradictions).toBe(contradictions.length);
      expect(contradictions.flatMap((_, offset) => s.contradictions({ limit: 1, offset }))).toEqual(contradictions);
      expect(s.contradictions({ actor: 'Taliban' })).toEqual(contradictions.filter((c) => c.note.includes('Taliban')));
      expect(s.contradictions({ actor: hub.id })).toEqual([]);
      s.close();
    });

    it('lists at most ten evidence sentences per fact in answers, all of them in a snapshot', () => {
      const s = fresh('evidence');
      const docs = Array.from({ length: 12 }, (_, i) => makeDoc({
        source: `tests/pact-${i}.txt`, published: `2020-01-${String(i + 10)}`, url: `https://wire-${i}.example/pact`,
        text: `Pact report ${i}\nThe Taliban sealed a pact with Al Qaeda, report number ${i} says.\n`,
        entities: [{ id: 'e1', name: 'Taliban', type: 'ORG' }, { id: 'e2', name: 'Al Qaeda', type: 'ORG' }],
        facts: [{ type: 'allied_with', subject: 'e1', object: 'e2', evidence: 'sealed a pact' }],
      }));
      for (const d of docs) s.ingest(d);
      const [pact] = s.facts({ type: 'allied_with' });
      expect(pact!.sources).toBe(12);
      expect(pact!.evidence).toHaveLength(10);
      expect(s.facts({ actor: 'Taliban', limit: 5 })[0]!.evidence).toEqual(pact!.evidence);
      expect(s.neighbourhood(actor(s, 'Taliban').id).edges[0]!.evidence).toEqual(pact!.evidence);
      const all = s.snapshot().facts[0]!.evidence;
      expect(all).toHaveLength(12);
      expect(pact!.evidence).toEqual(all.slice(0, 10));
      // A document's page sees its own sentence, wherever it falls among the others.
      for (const d of docs) {
        const [mine] = s.facts({ document: d.meta.id });
        expect(mine!.evidence.some((e) => e.documentId === d.meta.id)).toBe(true);
      }
      s.close();
    });

    it('finds actors by a piece of a name, taking wildcard characters literally', () => {
      const s = fresh('find');
      s.ingest(docA);
      s.ingest(docC);
      expect(s.findActors({ search: 'qaeda' }).map((a) => a.name)).toEqual(['Al Qaeda']);
      expect(s.findActors({ search: 'TALIB' }).map((a) => a.name)).toEqual(['Taliban']);
      // `%` and `_` are not "anything": a search made of them names no actor.
      for (const text of ['%', '_', '%%', '_%_', ' - ']) expect(s.findActors({ search: text }), text).toEqual([]);
      expect(s.findActors({ search: 'Al%da' })).toEqual([]);
      expect(s.findActors({ search: 'T_liban' })).toEqual([]);
      s.close();
    });

    it('bounds community detection by a number of facts, over the store or an actor\'s neighbourhood', () => {
      const s = fresh('communities');
      s.ingest(docA);
      s.ingest(docB);
      s.ingest(hubDoc('communities', 6));
      const whole = s.communities();
      expect(whole.complete).toBe(true);
      const hub = actor(s, 'Delta Council');
      expect(whole.communities.some((g) => g.members.includes(hub.id) && g.members.length === 7)).toBe(true);
      const bounded = s.communities({ maxFacts: 2 });
      expect(bounded).toMatchObject({ facts: 2, complete: false });
      const around = s.communities({ actor: hub.id });
      expect(around.complete).toBe(true);
      expect(around.communities.flatMap((g) => g.members).sort()).toEqual([hub.id, ...s.findActors({ search: 'group' }).map((a) => a.id)].sort());
      s.close();
    });

    it('keeps a statement and the same statement attributed to a speaker apart', () => {
      const s = fresh('attr');
      s.ingest(docC);
      const rivals = s.facts({ type: 'rival_of' });
      expect(rivals).toHaveLength(2);
      expect(rivals.filter((f) => f.attribution).map((f) => f.attribution!.speaker)).toEqual([actor(s, 'Jordan').id]);
      s.close();
    });

    it("applies an analyst's merge and split, and they survive re-ingest", () => {
      const s = fresh('corrections');
      s.ingest(docA);
      s.ingest(docB);
      s.ingest(docC);
      // Merge (wrongly, as analysts sometimes do): Hamza into Osama; their facts fold together.
      const osama = actor(s, 'Osama Bin Laden');
      const hamza = actor(s, 'Hamza Bin Laden');
      const merged = s.mergeActors(osama.id, hamza.id);
      expect(merged.id).toBe(osama.id);
      expect(s.getActor(hamza.id)).toBeNull();
      expect(actor(s, 'Hamza Bin Laden').id).toBe(osama.id);
      expect(s.facts({ actor: osama.id, type: 'leader_of' })).toHaveLength(1);
      // Re-ingest: remove both documents and add them back in the other order.
      s.removeDocument(docB.meta.id);
      s.removeDocument(docA.meta.id);
      s.ingest(docB);
      s.ingest(docA);
      expect(actor(s, 'Hamza Bin Laden').id).toBe(actor(s, 'Osama Bin Laden').id);
      // Split: "Hamza Bin Laden" is someone else after all.
      const split = s.splitActor('Osama Bin Laden', 'Hamza Bin Laden');
      expect(split.name).toBe('Hamza Bin Laden');
      expect(actor(s, 'Osama Bin Laden').id).not.toBe(split.id);
      expect(s.facts({ actor: split.id, type: 'leader_of' })).toHaveLength(1);
      s.removeDocument(docB.meta.id);
      s.ingest(docB);
      expect(actor(s, 'Hamza Bin Laden').id).not.toBe(actor(s, 'Osama Bin Laden').id);
      expect(actor(s, 'Bin Laden').id).toBe(actor(s, 'Osama Bin Laden').id);
      expect(() => s.splitActor('Osama Bin Laden', 'Nobody Here')).toThrow(/no document/);
      expect(() => s.mergeActors('Osama Bin Laden', 'No Such Actor')).toThrow(/no such actor/);
      s.close();
    });

    it('keeps everything across close and reopen', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'ag-store-reopen-'));
      const file = path.join(dir, 'graph.db');
      const s = open(file);
      s.ingest(docA);
      s.ingest(docB);
      const before = comparable(s.snapshot());
      s.close();
      const again = open(file);
      expect(comparable(again.snapshot())).toEqual(before);
      expect(again.getDocument(docA.meta.id)!.text).toBe(docA.meta.text);
      again.close();
    });
  });
}
