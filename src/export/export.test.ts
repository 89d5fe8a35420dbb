import { describe, expect, it } from 'vitest';
import { DOMParser } from 'linkedom';
import { sampleSnapshot } from './sample.js';
import { exportSnapshot, EXPORT_FORMATS, parseExportFormat } from './index.js';
import { firstDay, lastDay } from './common.js';
import { uuidv5 } from './stix.js';
import type { GraphSnapshot } from '../store/types.js';
import { assertWellFormedXml, parseCsv } from './check.js';

const NOW = new Date('2026-02-03T04:05:06.000Z');
const one = (snapshot: GraphSnapshot, format: Parameters<typeof exportSnapshot>[1]) => exportSnapshot(snapshot, format, { now: NOW })[0]!.text;

const xmlDoc = (text: string) => new DOMParser().parseFromString(text, 'text/xml') as unknown as Document;

describe('the well-formedness check itself', () => {
  it('rejects what XML forbids', () => {
    for (const bad of ['<a>&</a>', '<a><b></a></b>', '<a x="<"/>', '<a x="1" x="2"/>', '<a/><b/>', '<a>\u0007</a>', '<a>1 < 2</a>']) {
      expect(() => assertWellFormedXml(bad), bad).toThrow();
    }
    assertWellFormedXml('<?xml version="1.0"?>\n<a x="&amp;"><b/>t &lt; &#10;</a>\n');
  });
});

describe('partial dates', () => {
  it('widen to calendar bounds', () => {
    expect([firstDay('2011'), lastDay('2011')]).toEqual(['2011-01-01', '2011-12-31']);
    expect([firstDay('2020-02'), lastDay('2020-02')]).toEqual(['2020-02-01', '2020-02-29']);
    expect([firstDay('201'), lastDay('201')]).toEqual(['2010-01-01', '2019-12-31']);
    expect([firstDay('19'), lastDay('19')]).toEqual(['1900-01-01', '1999-12-31']);
    expect(firstDay('2022-07-31T10:00')).toBe('2022-07-31');
    expect(firstDay('PRESENT_REF')).toBeNull();
  });
});

describe('format names', () => {
  it('rejects an unknown format naming it', () => {
    expect(() => parseExportFormat('pdf')).toThrow(/--format pdf: unknown export format/);
    expect(parseExportFormat('stix')).toBe('stix');
  });
});

describe('GraphML', () => {
  const text = one(sampleSnapshot(), 'graphml');
  it('is well-formed XML', () => assertWellFormedXml(text));
  it('has every actor and every fact between two actors, with their data intact', () => {
    const doc = xmlDoc(text);
    const keys = new Map([...doc.querySelectorAll('key')].map((k) => [k.getAttribute('id'), k.getAttribute('attr.name')]));
    const dataOf = (el: Element) => Object.fromEntries([...el.querySelectorAll('data')].map((d) => [keys.get(d.getAttribute('key')), d.textContent]));
    const nodes = [...doc.querySelectorAll('node')];
    expect(nodes.map((n) => n.getAttribute('id'))).toEqual(['a-rf', 'a-ml', 'a-jd', 'a-nv', 'a-hx', 'a-pt']);
    expect(dataOf(nodes[4]!).name).toBe('<script>alert(1)</script>');
    const edges = [...doc.querySelectorAll('edge')];
    // The life event has no object: it is not an edge.
    expect(edges.map((e) => e.getAttribute('id'))).toEqual(['f-lead', 'f-ally', 'f-attack', 'f-hack']);
    expect(edges[1]!.getAttribute('directed')).toBe('false');
    expect(edges[0]!.getAttribute('directed')).toBeNull();
    const lead = dataOf(edges[0]!);
    expect(lead).toMatchObject({ type: 'leader_of', start: '2019-05', evidence: 'Jana "JD" Doe, who has led the River Front since May 2019, said:\nwe fight on.' });
    expect(dataOf(edges[2]!).evidence).toContain('Port Lisel 🚢');
  });
});

describe('GEXF', () => {
  const text = one(sampleSnapshot(), 'gexf');
  it('is well-formed XML', () => assertWellFormedXml(text));
  it('gives each edge the spell its fact holds in', () => {
    const doc = xmlDoc(text);
    expect(doc.querySelector('graph')!.getAttribute('mode')).toBe('dynamic');
    const spell = (id: string) => {
      const s = doc.querySelector(`edge[id="${id}"] spell`);
      return s ? [s.getAttribute('start'), s.getAttribute('end')] : null;
    };
    expect(spell('f-lead')).toEqual(['2019-05-01', null]);
    expect(spell('f-ally')).toEqual(['2010-01-01', '2020-02-29']);
    expect(spell('f-attack')).toEqual(['2023-03-12', '2023-03-12']);
    expect(spell('f-hack')).toEqual(['2023-01-01', '2023-12-31']);
    expect(doc.querySelector('edge[id="f-ally"]')!.getAttribute('type')).toBe('undirected');
    expect(doc.querySelectorAll('node').length).toBe(6);
  });
});

describe('CSV', () => {
  const [nodes, edges] = exportSnapshot(sampleSnapshot(), 'csv');
  it('writes nodes and edges whose every row has the header\'s column count', () => {
    for (const file of [nodes!, edges!]) {
      const rows = parseCsv(file.text);
      for (const row of rows) expect(row.length).toBe(rows[0]!.length);
    }
    expect(parseCsv(nodes!.text).length).toBe(1 + 6);
    expect(parseCsv(edges!.text).length).toBe(1 + 4);
  });
  it('keeps commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    const rows = parseCsv(edges!.text);
    const col = (name: string) => rows[0]!.indexOf(name);
    expect(rows[1]![col('evidence')]).toBe('Jana "JD" Doe, who has led the River Front since May 2019, said:\nwe fight on.');
    expect(rows[4]![col('evidence')]).toBe(`'=cmd|"/c calc"!A1 threatened, it seems, Novaria.`);
    const nodeRows = parseCsv(nodes!.text);
    expect(nodeRows[5]![nodeRows[0]!.indexOf('aliases')]).toBe(`'=HYPERLINK("x")`);
  });
});

describe('Neo4j bulk import CSV', () => {
  const [actors, rels] = exportSnapshot(sampleSnapshot(), 'neo4j');
  it('uses neo4j-admin headers and references only existing node ids', () => {
    const a = parseCsv(actors!.text);
    const r = parseCsv(rels!.text);
    expect(a[0]).toContain('actorId:ID');
    expect(a[0]).toContain(':LABEL');
    expect(r[0]!.slice(0, 3)).toEqual([':START_ID', ':END_ID', ':TYPE']);
    const ids = new Set(a.slice(1).map((row) => row[0]));
    for (const row of r.slice(1)) {
      expect(row.length).toBe(r[0]!.length);
      expect(ids.has(row[0]!) && ids.has(row[1]!)).toBe(true);
      expect(row[2]).toMatch(/^[A-Z_]+$/);
    }
    expect(a.find((row) => row[0] === 'a-jd')!.at(-1)).toBe('Actor;Person');
    // Two evidence sentences become a two-element string array (neo4j's `;` delimiter).
    const ally = r.find((row) => row[3] === 'f-ally')!;
    expect(ally[r[0]!.indexOf('evidence:string[]')]!.split(';').length).toBe(2);
  });
});

describe('JSON-LD', () => {
  const graph = JSON.parse(one(sampleSnapshot(), 'jsonld')) as { '@context': Record<string, unknown>; '@graph': Array<Record<string, unknown>> };
  it('references only nodes it defines and defines every key it uses', () => {
    const ids = new Set(graph['@graph'].map((n) => n['@id']));
    expect(ids.size).toBe(2 + 6 + 5);
    for (const node of graph['@graph']) {
      for (const key of Object.keys(node)) if (!key.startsWith('@')) expect(graph['@context']).toHaveProperty(key);
      for (const key of ['subject', 'object', 'place', 'speaker']) if (node[key]) expect(ids.has(node[key])).toBe(true);
      for (const ev of (node.evidence as Array<{ document: string }> | undefined) ?? []) expect(ids.has(ev.document)).toBe(true);
    }
    const attack = graph['@graph'].find((n) => n['@id'] === 'urn:actorgraph:fact:f-attack')!;
    expect(attack).toMatchObject({ '@type': 'ag:Event', factType: 'ASSAULT', at: '2023-03-12', place: 'urn:actorgraph:actor:a-pt' });
  });
});

describe('PLOVER events', () => {
  const records = JSON.parse(one(sampleSnapshot(), 'plover')) as Array<Record<string, any>>;
  it('writes one record per event with actors, date, place and sentence', () => {
    expect(records.map((r) => r.event)).toEqual(['ASSAULT', 'THREATEN']);
    expect(records[0]).toMatchObject({
      id: 'f-attack', date: '2023-03-12', mode: 'shelling',
      source: [{ actorText: 'River Front', code: 'a-rf', type: 'ORG' }], target: [{ actorText: 'Novaria' }],
      location: { actorText: 'Port Lisel 🚢' }, attribution: { speaker: { actorText: 'Novaria' }, cue: 'said' },
      publication: 'The "River Front" & its <allies>', storyDate: '2023-03-14',
    });
    expect(records[1]!.modality).toBe('hedged');
  });
});

describe('STIX 2.1', () => {
  const bundle = JSON.parse(one(sampleSnapshot(), 'stix')) as { type: string; id: string; objects: Array<Record<string, any>> };
  const ID = /^([a-z][a-z0-9-]+)--[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
  it('is a bundle of objects with valid ids and the common required properties', () => {
    expect(bundle.type).toBe('bundle');
    expect(bundle.id).toMatch(ID);
    for (const o of bundle.objects) {
      expect(o.id).toMatch(ID);
      expect(ID.exec(o.id)![1]).toBe(o.type);
      expect(o.spec_version).toBe('2.1');
      expect(o.created).toMatch(TIMESTAMP);
      expect(o.modified).toMatch(TIMESTAMP);
    }
    expect(new Set(bundle.objects.map((o) => o.id)).size).toBe(bundle.objects.length);
  });
  it('maps armed groups to threat-actor, cyber groups to intrusion-set, others to identity', () => {
    const byName = new Map(bundle.objects.filter((o) => o.name).map((o) => [o.name, o]));
    expect(byName.get('River Front')).toMatchObject({ type: 'threat-actor', threat_actor_types: ['terrorist'], aliases: ['RF', 'Front, River'] });
    expect(byName.get('<script>alert(1)</script>')!.type).toBe('intrusion-set');
    expect(byName.get('Jana "JD" Doe')).toMatchObject({ type: 'identity', identity_class: 'individual' });
    expect(byName.get('Novaria')).toMatchObject({ type: 'identity', identity_class: 'organization', sectors: ['government-national'] });
    expect(byName.has('Port Lisel 🚢')).toBe(false); // a place without a government is no STIX actor
  });
  it('links relationships and reports only to objects in the bundle, with ordered times', () => {
    const ids = new Set(bundle.objects.map((o) => o.id));
    const rels = bundle.objects.filter((o) => o.type === 'relationship');
    expect(rels.map((r) => r.relationship_type).sort()).toEqual(['allied-with', 'leader-of', 'targets', 'targets']);
    for (const r of rels) {
      expect(ids.has(r.source_ref) && ids.has(r.target_ref)).toBe(true);
      if (r.start_time && r.stop_time) expect(r.stop_time > r.start_time).toBe(true);
      expect(Number.isInteger(r.confidence)).toBe(true);
    }
    const reports = bundle.objects.filter((o) => o.type === 'report');
    expect(reports.length).toBe(2);
    for (const rep of reports) {
      expect(rep.published).toMatch(TIMESTAMP);
      expect(rep.object_refs.length).toBeGreaterThan(0);
      for (const ref of rep.object_refs) expect(ids.has(ref)).toBe(true);
    }
  });
  it('gives the same ids on every export, so importers update rather than duplicate', () => {
    const again = JSON.parse(exportSnapshot(sampleSnapshot(), 'stix', { now: new Date() })[0]!.text) as typeof bundle;
    expect(again.objects.map((o) => o.id)).toEqual(bundle.objects.map((o) => o.id));
    expect(uuidv5('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('every format', () => {
  it('exports an empty graph without failing', () => {
    for (const format of EXPORT_FORMATS) {
      const files = exportSnapshot({ documents: [], entities: [], facts: [] }, format, { now: NOW });
      expect(files.length).toBeGreaterThan(0);
      if (format === 'graphml' || format === 'gexf') assertWellFormedXml(files[0]!.text);
    }
  });
});
