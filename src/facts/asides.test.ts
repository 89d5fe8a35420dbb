// Asides set off by commas after a name: the clause's subject is the name before them, and their
// dates stay theirs. Sentences are hand-built (entities and timexes marked by the test).
import { describe, expect, it } from 'vitest';
import { extractFacts } from './index.js';
import { markedDocument } from './marked.js';
import type { Fact, WorkingDocument } from '../model/types.js';

function run(text: string): WorkingDocument {
  const doc = markedDocument(text);
  extractFacts(doc);
  return doc;
}

function find(doc: WorkingDocument, type: string, subject: string, object: string | null): Fact | undefined {
  const id = (name: string) => doc.entities.find((e) => e.name === name)?.id;
  return doc.facts.find((f) => f.type === type && f.subject === id(subject) && f.object === (object === null ? null : id(object)));
}

function must(f: Fact | undefined): Fact {
  if (!f) throw new Error('expected fact not found');
  return f;
}

describe('asides', () => {
  it('takes the name before a participle aside as the subject, not the one inside it', () => {
    const doc = run('The [Liberation Front|ORG], headed by General [Omar Badr|PERSON], took control of [Kismayo|GPE].');
    expect(find(doc, 'controls', 'Liberation Front', 'Kismayo')).toBeDefined();
    expect(find(doc, 'controls', 'Omar Badr', 'Kismayo')).toBeUndefined();
    const np = run('[Ansar Front|ORG], a militia led by Colonel [Ali Saleh|PERSON], attacked [Aden|GPE].');
    expect(find(np, 'ASSAULT', 'Ansar Front', 'Aden')).toBeDefined();
    expect(find(np, 'ASSAULT', 'Ali Saleh', 'Aden')).toBeUndefined();
    // A verb with an infinitive ("is expected to") is still the cue's own verb chain.
    const whose = run('[Al Nour|ORG], whose leader is [Samir Haddad|PERSON], is expected to attack [Aden|GPE].');
    expect(must(find(whose, 'ASSAULT', 'Al Nour', 'Aden')).modality).toBe('predicted');
    expect(find(whose, 'ASSAULT', 'Samir Haddad', 'Aden')).toBeUndefined();
  });

  it('reads "is to", "was about to" as a plan, not an accomplished fact', () => {
    const doc = run('[Chad|GPE] is to resume control of [Abeche|GPE]. [Mali|GPE] was about to seize control of [Gao|GPE].');
    expect(must(find(doc, 'controls', 'Chad', 'Abeche')).modality).toBe('predicted');
    expect(must(find(doc, 'controls', 'Mali', 'Gao')).modality).toBe('predicted');
  });

  it('keeps the date of a relative clause to the relative clause', () => {
    const doc = run('[Ansar Front|ORG] took control of [Kismayo|GPE], which [Shabaab|ORG] had run since {2015|2015}.');
    expect(must(find(doc, 'controls', 'Ansar Front', 'Kismayo')).time ?? null).toBeNull();
    expect(find(doc, 'controls', 'Shabaab', 'Kismayo')?.time?.start).toBe('2015');
  });

  it('keeps the date of a participle aside to it; the main clause keeps its own', () => {
    const doc = run('[Ansar Front|ORG], formed {in 1994|1994} in the north, attacked [Chad|GPE] {in March 2012|2012-03}.');
    expect(find(doc, 'ASSAULT', 'Ansar Front', 'Chad')?.time?.at).toBe('2012-03');
    const since = run('[Ansar Front|ORG], formed {in 1994|1994} in the north, has attacked [Chad|GPE] since {2010|2010}.');
    expect(must(find(since, 'ASSAULT', 'Ansar Front', 'Chad')).time ?? null).toBeNull();
  });

  it('a comma-set place phrase goes on with the relative clause it follows', () => {
    const doc = run('[Ali Saleh|PERSON], who had founded [Ansar Front|ORG] in [Aden|GPE], in the south, {in 1994|1994}, met [Omar Badr|PERSON].');
    expect(find(doc, 'founded', 'Ali Saleh', 'Ansar Front')?.time?.at).toBe('1994');
  });

  it('keeps a hedge to its own side of an aside', () => {
    const doc = run('“The front is likely to split,” said [Lena Petrova|PERSON], a senior fellow at [Carnegie Endowment|ORG]. [Ansar Front|ORG], founded by [Ali Saleh|PERSON], may attack [Aden|GPE].');
    expect(must(find(doc, 'member_of', 'Lena Petrova', 'Carnegie Endowment')).modality).toBe('asserted');
    expect(must(find(doc, 'ASSAULT', 'Ansar Front', 'Aden')).modality).toBe('hedged');
  });

  it('a "since" clause starts the state it bounds', () => {
    const doc = run('[Shabaab|ORG] has ruled [Kismayo|GPE] since [it|=Shabaab] captured the port {in 2015|2015}.');
    expect(find(doc, 'controls', 'Shabaab', 'Kismayo')?.time?.start).toBe('2015');
  });
});
