// Relations that need more than one template: descriptions that stand for a named actor
// (coreference from the entity stage), pronouns that continue a topic, nationality words and
// country names, and roles that end with a death. Sentences are our own.
import { describe, expect, it } from 'vitest';
import { extractText } from '../pipeline/index.js';
import { extractFacts } from './index.js';
import { factPairs, markedDocument } from './marked.js';
import type { WorkingDocument } from '../model/types.js';

function pairs(text: string, type: string): string[] {
  return factPairs(extractText(text, { published: '2024-03-01' }), type);
}

function marked(text: string): WorkingDocument {
  const doc = markedDocument(text);
  extractFacts(doc);
  return doc;
}

describe('relations said by descriptions', () => {
  it('"the Hamas leader", resolved to a person named before, leads Hamas', () => {
    expect(pairs('Ismail Haniyeh spoke in Doha on Monday. The Hamas leader said the talks would go on.', 'leader_of')).toContain('Ismail Haniyeh → Hamas');
  });

  it('"the Hamas spokesman" is a member, not a leader', () => {
    const doc = extractText('Hazem Qassem spoke to reporters on Monday. The Hamas spokesman said the talks would go on.', { published: '2024-03-01' });
    expect(factPairs(doc, 'member_of')).toContain('Hazem Qassem → Hamas');
    expect(factPairs(doc, 'leader_of')).not.toContain('Hazem Qassem → Hamas');
  });

  it('"the first" and "the second" refer to the last pair named', () => {
    const text = 'A photo of Fidel Castro and Che Guevara hangs in the hall. The first died in 2016. The second, successor to the first as minister, died in 1967.';
    expect(pairs(text, 'successor_of')).toEqual(['Che Guevara → Fidel Castro']);
  });

  it('"the first time" is no reference', () => {
    const doc = extractText('A photo of Fidel Castro and Che Guevara hangs in the hall. The first time they met was in Mexico.', { published: '2024-03-01' });
    expect(doc.entities.flatMap((e) => e.mentions).some((m) => /first/i.test(m.text))).toBe(false);
  });

  it('"both leaders of X" gives each of the last pair named the leadership', () => {
    const found = pairs('A photo shows Yahya Sinwar and Ismail Haniyeh in Cairo. Both leaders of Hamas condemned the strike.', 'leader_of');
    expect(found).toEqual(expect.arrayContaining(['Yahya Sinwar → Hamas', 'Ismail Haniyeh → Hamas']));
  });

  it('a span standing for the last pair named ("both men") gives each of them the relation', () => {
    expect(pairs('A photo shows Yahya Sinwar and Ismail Haniyeh in Cairo. Both men later settled in Doha.', 'located_in').sort()).toEqual(['Ismail Haniyeh → Doha', 'Yahya Sinwar → Doha']);
  });

  it('"a faction of X" bridges to the group named before, and its relative clauses describe that group', () => {
    const doc = extractText('Many fighters admire Hamas and the Qassam Brigades. A report described a faction of Hamas that has its own funds, which is based in Gaza and is led by Mohammed Deif.', { published: '2024-03-01' });
    expect(factPairs(doc, 'part_of')).toContain('Qassam Brigades → Hamas');
    expect(factPairs(doc, 'leader_of')).toEqual(['Mohammed Deif → Qassam Brigades']);
  });

  it('an apposition "X, a faction of Y" stays with its own template', () => {
    const doc = marked('[Jaish al-Adl|ORG] attacked. [Ansar Front|ORG], a faction of [Jundallah|ORG], claimed the attack.');
    expect(factPairs(doc, 'part_of')).toEqual(['Ansar Front → Jundallah']);
  });
});

describe('an unresolved subject pronoun continues the previous sentence', () => {
  it('"it" as the subject of the next sentence is the group named as subject before', () => {
    const doc = marked('[Al Shabaab|ORG] was formed in {2006|2006}. Since {2009|2009}, it has had its own branch in [Kenya|GPE], where they call themselves [Jaysh Ayman|ORG].');
    expect(factPairs(doc, 'affiliate_of')).toEqual(['Jaysh Ayman → Al Shabaab']);
  });

  it('not after a verb of its own sentence, nor before "is"', () => {
    expect(factPairs(marked('[Hamas|ORG] spoke on Monday. The ministry said it has funded [Fatah|ORG].'), 'supports')).toEqual([]);
    expect(factPairs(marked('[Hamas|ORG] spoke on Monday. It is likely to fund [Fatah|ORG].'), 'supports')).toEqual([]);
  });
});

describe('nationality words and countries', () => {
  it('a citizenship of a nationality is also one of its country when the document names it', () => {
    const doc = marked('[Mario Rossi|PERSON] is an [Italian|NORP] economist who grew up in [Italy|GPE].');
    expect(factPairs(doc, 'citizen_of').sort()).toEqual(['Mario Rossi → Italian', 'Mario Rossi → Italy']);
  });

  it('"a Danish jurist": any noun after the nationality', () => {
    expect(factPairs(marked('[Ruth Adler|PERSON] (born 1931) was a [Danish|NORP] jurist.'), 'citizen_of')).toEqual(['Ruth Adler → Danish']);
  });

  it('a party word says membership, a religion no citizenship', () => {
    const party = marked('[John Hale|PERSON] is a [Republican|NORP] politician.');
    expect(factPairs(party, 'citizen_of')).toEqual([]);
    expect(factPairs(party, 'member_of')).toEqual(['John Hale → Republican']);
    expect(factPairs(marked('[John Hale|PERSON] is a [Catholic|NORP] priest.'), 'citizen_of')).toEqual([]);
  });
});

describe('roles end with a death', () => {
  it('a leadership with no end of its own ends at the stated death', () => {
    const doc = marked('The rebel coalition, known as [Free Army|ORG], is led by [Omar Haddad|PERSON]. [Omar Haddad|PERSON] died in {2016|2016}.');
    const f = doc.facts.find((x) => x.type === 'leader_of');
    expect(f?.time?.end).toBe('2016');
  });
});

describe('places chain', () => {
  it('an organization based in a town is in the town\'s country when the text places the town', () => {
    const doc = marked('[Lumen Records|ORG] is a label based in [Lyon|GPE]. It has shops in [Lyon|GPE], [France|GPE], and abroad.');
    expect(factPairs(doc, 'located_in')).toEqual(expect.arrayContaining(['Lumen Records → Lyon', 'Lumen Records → France']));
    const chained = doc.facts.find((f) => f.type === 'located_in' && doc.entities.find((e) => e.id === f.object)?.name === 'France');
    expect(chained?.evidence.length).toBe(2);
  });
});

describe('organizations and the one country of their context', () => {
  it('an organization in a clause that names one country is located there, an armed group is not', () => {
    expect(factPairs(marked('The album came out on [Nikko Records|ORG] of [Japan|GPE] in 1990.'), 'located_in')).toEqual(['Nikko Records → Japan']);
    expect(factPairs(marked('The [Shabaab Movement|ORG] of [Kenya|GPE] grew in 2013.'), 'located_in')).toEqual([]);
  });

  it('not when the sentence names two countries, nor across a verb, nor against the catalog', () => {
    expect(factPairs(marked('[Nikko Records|ORG] of [Japan|GPE] and [Korea|GPE] grew. [Japan|GPE] welcomed it.'), 'located_in')).toEqual([]);
    expect(factPairs(marked('Talks went on. The deal was big. [Britain|GPE] cleared it after [Nikko Records|ORG] sold its stake.'), 'located_in')).toEqual([]);
  });

  it('at the level of the document only when the country is named at its opening', () => {
    expect(factPairs(marked('[Nikko Records|ORG] is a record label. It grew fast. It was sold in 1990 to investors in [Japan|GPE].'), 'located_in')).toEqual([]);
    expect(factPairs(marked('[Japan|GPE] has many labels. One of them is [Nikko Records|ORG].'), 'located_in')).toEqual(['Nikko Records → Japan']);
  });
});

describe('an implicit recipient', () => {
  it('"the protection offered by X" protects whom the previous sentence is about', () => {
    const doc = marked('[Carlos|PERSON] needed a hideout after the attack [he|=Carlos] planned in [Paris|GPE]. The shelter offered by [Sudan|GPE] saved him.');
    expect(factPairs(doc, 'supports')).toEqual(['Sudan → Carlos']);
  });
});

describe('citizenship by birth', () => {
  it('born in a country, or in a town the text puts in one', () => {
    expect(factPairs(marked('[Ana Lima|PERSON] (born 1982 in [Brazil|GPE]) is a singer.'), 'citizen_of')).toEqual(['Ana Lima → Brazil']);
    const doc = marked('[Ana Lima|PERSON] (born 1982 in [Recife|GPE], [Brazil|GPE]) is a singer.');
    expect(factPairs(doc, 'citizen_of')).toEqual(['Ana Lima → Brazil']);
  });
});
