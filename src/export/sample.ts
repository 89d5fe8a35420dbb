// A small hand-made graph with the awkward cases every export must survive: markup and quotes in
// article text, commas and line breaks, a control character, an emoji (surrogate pair), a symmetric
// relation, open and closed intervals, partial dates, an event with a place, a life event with no
// object, and an attributed claim. Tests of the exports and the server use it.
import type { GraphSnapshot, StoredFact } from '../store/types.js';

const fact = (f: Partial<StoredFact> & Pick<StoredFact, 'id' | 'kind' | 'type' | 'subject'>): StoredFact => ({
  mode: null, object: null, place: null, mediator: null, role: null, time: null, modality: 'asserted',
  attribution: null, confidence: 0.8, sources: 1, evidence: [], ...f,
});

export function sampleSnapshot(): GraphSnapshot {
  const doc1 = 'd1'.padEnd(64, '0');
  const doc2 = 'd2'.padEnd(64, '0');
  return {
    documents: [
      { id: doc1, source: 'articles/river-front.txt', title: 'The "River Front" & its <allies>', published: '2023-03-14', url: 'https://news.example/river?id=1&x=2', language: 'en', ingestedAt: '2026-01-01T00:00:00.000Z' },
      { id: doc2, source: 'articles/second.html', title: null, published: null, url: null, language: 'en', ingestedAt: '2026-01-02T00:00:00.000Z' },
    ],
    entities: [
      { id: 'a-rf', name: 'River Front', type: 'ORG', subtype: 'armed_group', catalogId: null, aliases: ['RF', 'Front, River'], mentionCount: 5, documentCount: 2 },
      { id: 'a-ml', name: 'Mountain League', type: 'ORG', subtype: null, catalogId: null, aliases: [], mentionCount: 2, documentCount: 1 },
      { id: 'a-jd', name: 'Jana "JD" Doe', type: 'PERSON', subtype: null, catalogId: null, aliases: ['Doe'], mentionCount: 3, documentCount: 1 },
      { id: 'a-nv', name: 'Novaria', type: 'GPE', subtype: null, catalogId: null, aliases: [], mentionCount: 4, documentCount: 2 },
      { id: 'a-hx', name: '<script>alert(1)</script>', type: 'ORG', subtype: 'hacker collective', catalogId: null, aliases: ['=HYPERLINK("x")'], mentionCount: 1, documentCount: 1 },
      { id: 'a-pt', name: 'Port Lisel 🚢', type: 'LOC', subtype: null, catalogId: null, aliases: [], mentionCount: 1, documentCount: 1 },
    ],
    facts: [
      fact({ id: 'f-lead', kind: 'relation', type: 'leader_of', subject: 'a-jd', object: 'a-rf', time: { start: '2019-05' }, role: 'commander', evidence: [{ documentId: doc1, start: 0, end: 52, text: 'Jana "JD" Doe, who has led the River Front since May 2019, said:\nwe fight on.' }] }),
      fact({ id: 'f-ally', kind: 'relation', type: 'allied_with', subject: 'a-rf', object: 'a-ml', time: { start: '201', end: '2020-02' }, confidence: 0.6, sources: 2, evidence: [
        { documentId: doc1, start: 60, end: 120, text: 'The Front, allied with the League since the 2010s, <b>broke</b> the pact in February 2020.' },
        { documentId: doc2, start: 10, end: 40, text: 'Tab\there, a bell \u0007 and an ampersand & too.' },
      ] }),
      fact({ id: 'f-attack', kind: 'event', type: 'ASSAULT', mode: 'shelling', subject: 'a-rf', object: 'a-nv', place: 'a-pt', time: { at: '2023-03-12' }, modality: 'asserted', attribution: { speaker: 'a-nv', cue: 'said' }, evidence: [{ documentId: doc1, start: 130, end: 200, text: "Novaria said the Front shelled Port Lisel 🚢 on Sunday; the Front denies it." }] }),
      fact({ id: 'f-hack', kind: 'event', type: 'THREATEN', subject: 'a-hx', object: 'a-nv', time: { at: '2023' }, modality: 'hedged', confidence: 0.4, evidence: [{ documentId: doc2, start: 50, end: 90, text: '=cmd|"/c calc"!A1 threatened, it seems, Novaria.' }] }),
      fact({ id: 'f-died', kind: 'life', type: 'died', subject: 'a-jd', time: { at: '2024-01-01' }, modality: 'predicted', evidence: [{ documentId: doc1, start: 210, end: 240, text: 'Doe will die, rivals claim.' }] }),
    ],
  };
}
