// Qualifiers on hand-built documents (entities and timexes set by the test, not by other stages).
import { describe, expect, it } from 'vitest';
import { extractFacts } from './index.js';
import { markedDocument } from './marked.js';
import type { Fact, WorkingDocument } from '../model/types.js';

function run(text: string): WorkingDocument {
  const doc = markedDocument(text);
  extractFacts(doc);
  return doc;
}

/** The fact, which must be there: an assertion about its qualifiers means nothing otherwise. */
function must(f: Fact | undefined): Fact {
  if (!f) throw new Error('expected fact not found');
  return f;
}

function find(doc: WorkingDocument, type: string, subject: string, object: string | null): Fact | undefined {
  const id = (name: string) => doc.entities.find((e) => e.name === name)?.id;
  return doc.facts.find((f) => f.type === type && f.subject === id(subject) && f.object === (object === null ? null : id(object)));
}

describe('time', () => {
  it('gives events and point relations `at`, at the precision of the text', () => {
    const doc = run('[Hamas|ORG] was founded by [Ahmed Yassin|PERSON] {in 1987|1987}. [Israel|GPE] bombed [Gaza|GPE] {on 9 May 2021|2021-05-09}.');
    expect(find(doc, 'founded', 'Ahmed Yassin', 'Hamas')?.time?.at).toBe('1987');
    expect(find(doc, 'ASSAULT', 'Israel', 'Gaza')?.time?.at).toBe('2021-05-09');
  });
  it('takes a week, a season or a clock time at the calendar precision of a fact', () => {
    const doc = markedDocument('[Chad|GPE] attacked [Niger|GPE] {last week|2022-W30}. [Mali|GPE] attacked [Niger|GPE] {in summer 2019|2019-SU}.');
    extractFacts(doc);
    expect(find(doc, 'ASSAULT', 'Chad', 'Niger')?.time?.at).toBe('2022-07');
    expect(find(doc, 'ASSAULT', 'Mali', 'Niger')?.time?.at).toBe('2019');
  });
  it('leaves a date to the other event of the clause it belongs to', () => {
    const doc = run('[Israel|GPE] apologized {on Friday|2022-07-29} to [Turkey|GPE] for the raid on [Gaza|GPE]. [Turkey|GPE] long sought an apology from [Israel|GPE] for the raid {in May 2010|2010-05}. [Chad|GPE] launched {on Monday|2022-08-01} an offensive against [Niger|GPE].');
    expect(must(find(doc, 'ASSAULT', 'Israel', 'Gaza')).time ?? null).toBeNull();
    expect(must(find(doc, 'REQUEST', 'Turkey', 'Israel')).time ?? null).toBeNull();
    expect(find(doc, 'ASSAULT', 'Chad', 'Niger')?.time?.at).toBe('2022-08-01');
    // "pleaded guilty on Monday to threatening X in March": the gerund's date is March.
    const gerund = run('[Omar Bakri|PERSON] pleaded guilty {on Monday|2022-08-01} to attacking [Ali Saleh|PERSON] {in March|2022-03}.');
    expect(find(gerund, 'ASSAULT', 'Omar Bakri', 'Ali Saleh')?.time?.at).toBe('2022-03');
    // A relative clause starts its own time; a verb between a date and an event noun keeps the date.
    const clauses = run('[Turkey|GPE] praised {in May 2010|2010-05} the [IHH|ORG], which attacked [Israel|GPE]. The envoy {in 2010|2010} protested, citing the blockade of [Gaza|GPE] by [Israel|GPE].');
    expect(find(clauses, 'SUPPORT', 'Turkey', 'IHH')?.time?.at).toBe('2010-05');
    expect(must(find(clauses, 'ASSAULT', 'IHH', 'Israel')).time ?? null).toBeNull();
    expect(must(find(clauses, 'COERCE', 'Israel', 'Gaza')).time ?? null).toBeNull();
  });
  it('reads a participle apposition as a passive with its own date ("X, killed in May 2011 in Y,")', () => {
    const doc = run('[Ali Saleh|PERSON], killed {in May 2011|2011-05} in [Aden|GPE], had led [Ansar Front|ORG]. [Ansar Front|ORG], founded {in 1994|1994} by [Omar Badr|PERSON], attacked [Aden|GPE].');
    expect(find(doc, 'died', 'Ali Saleh', null)?.time?.at).toBe('2011-05');
    expect(find(doc, 'ASSAULT', 'Ali Saleh', 'Aden')).toBeUndefined();
    expect(find(doc, 'founded', 'Omar Badr', 'Ansar Front')?.time?.at).toBe('1994');
  });
  it('takes the date of its own predicate, not of the one coordinated before it', () => {
    const doc = run('[Nelson Mandela|PERSON], who was born in {1918|1918} and died in {2013|2013}, led [ANC|ORG].');
    expect(find(doc, 'born', 'Nelson Mandela', null)?.time?.at).toBe('1918');
    expect(find(doc, 'died', 'Nelson Mandela', null)?.time?.at).toBe('2013');
  });
  it('gives durable relations start and end from since/until/from…to', () => {
    const doc = run('[Hamas|ORG] has ruled [Gaza|GPE] since {2007|2007}. [Bashir|PERSON] led [Sudan|GPE] from {1989|1989} to {2019|2019}.');
    expect(find(doc, 'controls', 'Hamas', 'Gaza')?.time).toMatchObject({ start: '2007' });
    expect(find(doc, 'leader_of', 'Bashir', 'Sudan')?.time).toMatchObject({ start: '1989', end: '2019' });
  });
  it('does not invent a time for a durable relation from a bare date', () => {
    const doc = run('{In 2015|2015} the rebels said [Ahmed Nasser|PERSON], the leader of [Ansar Front|ORG], was ill.');
    expect(must(find(doc, 'leader_of', 'Ahmed Nasser', 'Ansar Front')).time ?? null).toBeNull();
  });
});

describe('time the sentence does not give', () => {
  it('puts no event at a date it is before or after', () => {
    const doc = run('Before {7/7|2005-07-07}, [Omar Bakri|PERSON] met [Abu Hamza|PERSON] in [Leeds|GPE]. [Chad|GPE] attacked [Niger|GPE] after {2015|2015}.');
    expect(must(find(doc, 'CONSULT', 'Omar Bakri', 'Abu Hamza')).time ?? null).toBeNull();
    expect(must(find(doc, 'ASSAULT', 'Chad', 'Niger')).time ?? null).toBeNull();
  });
  it('dates a definite event noun by the dated event it refers back to', () => {
    // A named event of the time stage's table (data/time/events.json) ...
    const named = run('Before {7/7|2005-07-07}, [Omar Bakri|PERSON] lived in [Leeds|GPE]. Police later linked the bombings by [Al Qaeda|ORG] on [Britain|GPE] to a cell.');
    expect(find(named, 'ASSAULT', 'Al Qaeda', 'Britain')?.time?.at).toBe('2005-07-07');
    // ... or an event noun the text dates itself ("the bombings of March 11, 2004").
    const dated = run('Spain changed after the bombings of {March 11, 2004|2004-03-11}. Judges tied the attacks by [ETA|ORG] on [Madrid|GPE] to nobody.');
    expect(find(dated, 'ASSAULT', 'ETA', 'Madrid')?.time?.at).toBe('2004-03-11');
    // An indefinite noun is a new event, and a different kind of event is no reference.
    const indefinite = run('Before {7/7|2005-07-07}, [Omar Bakri|PERSON] lived in [Leeds|GPE]. Police foiled an attack by [Al Qaeda|ORG] on [Britain|GPE].');
    expect(must(find(indefinite, 'ASSAULT', 'Al Qaeda', 'Britain')).time ?? null).toBeNull();
  });
  it('dates a definite event noun by a dated event of the same actors told just before', () => {
    // Another actor's "the bombing" is no reference; an indefinite "a bombing" is a new event.
    const doc = run('[Al Shabaab|ORG] attacked [Kenya|GPE] {on 2 April 2015|2015-04-02}. The bombing of [Mombasa|GPE] by [Hamas|ORG] was another matter. The bombing of [Garissa|GPE] by [Al Shabaab|ORG] shocked the region. A bombing of [Lamu|GPE] by [Al Shabaab|ORG] followed.');
    expect(find(doc, 'ASSAULT', 'Al Shabaab', 'Garissa')?.time?.at).toBe('2015-04-02');
    expect(must(find(doc, 'ASSAULT', 'Al Shabaab', 'Lamu')).time ?? null).toBeNull();
    expect(must(find(doc, 'ASSAULT', 'Hamas', 'Mombasa')).time ?? null).toBeNull();
  });
  it('carries the previous sentence\'s date only into the same episode', () => {
    const then = run('[Israel|GPE] bombed [Gaza|GPE] {on 9 May 2021|2021-05-09}. Then [Hamas|ORG] attacked [Israel|GPE].');
    expect(find(then, 'ASSAULT', 'Hamas', 'Israel')?.time?.at).toBe('2021-05-09');
    const pronoun = run('[Chad|GPE] attacked [Boko Haram|ORG] {on 3 March 2020|2020-03-03}. [It|=Chad] also bombed [Niger|GPE].');
    expect(find(pronoun, 'ASSAULT', 'Chad', 'Niger')?.time?.at).toBe('2020-03-03');
    // Background ("had"), a new subject with no link, and a relation take nothing.
    const background = run('[Chad|GPE] attacked [Boko Haram|ORG] {on 3 March 2020|2020-03-03}. [It|=Chad] had bombed [Niger|GPE] for years.');
    expect(must(find(background, 'ASSAULT', 'Chad', 'Niger')).time ?? null).toBeNull();
    const present = run('[Chad|GPE] attacked [Boko Haram|ORG] {on 3 March 2020|2020-03-03}. [It|=Chad] attacks [Niger|GPE] often.');
    expect(must(find(present, 'ASSAULT', 'Chad', 'Niger')).time ?? null).toBeNull();
    const unrelated = run('[Chad|GPE] attacked [Boko Haram|ORG] {on 3 March 2020|2020-03-03}. [Mali|GPE] bombed [Niger|GPE].');
    expect(must(find(unrelated, 'ASSAULT', 'Mali', 'Niger')).time ?? null).toBeNull();
  });
  it('shares out a life event over the verbless sentences that follow it', () => {
    const doc = run('Both [Ali Saleh|PERSON] and [Omar Badr|PERSON] have been killed. [The first|=Ali Saleh], {in May 2011|2011-05} in [Aden|GPE]. [The second|=Omar Badr], {on 3 June 2015|2015-06-03}. [Omar Badr|PERSON] lived in [Sanaa|GPE].');
    expect(find(doc, 'died', 'Ali Saleh', null)?.time?.at).toBe('2011-05');
    expect(find(doc, 'died', 'Omar Badr', null)?.time?.at).toBe('2015-06-03');
    // The killing that caused a death shares its date and place.
    const killed = run('Both [Ali Saleh|PERSON] and [Omar Badr|PERSON] were killed by [Yemen|GPE]. [The first|=Ali Saleh], {in May 2011|2011-05} in [Aden|GPE].');
    const assault = find(killed, 'ASSAULT', 'Yemen', 'Ali Saleh');
    expect(assault?.time?.at).toBe('2011-05');
    expect(assault?.place).toBe(killed.entities.find((e) => e.name === 'Aden')!.id);
    expect(must(find(killed, 'ASSAULT', 'Yemen', 'Omar Badr')).time ?? null).toBeNull();
    // A predicate said of one person only is not shared out ("Photo: X, 2019" is no death).
    const single = run('[Ali Saleh|PERSON] was killed. [Omar Badr|PERSON], {in 2019|2019}.');
    expect(find(single, 'died', 'Omar Badr', null)).toBeUndefined();
  });
  it('gives a claim no date of the words around it', () => {
    const doc = run('[Kenya|GPE] attacked [Al Shabaab|ORG], the [Somali|NORP] army chief [Ali Omar|PERSON] said {on Monday|2022-08-01}. [Ali Omar|PERSON] said {on Tuesday|2022-08-02} that [Ethiopia|GPE] had attacked [Al Shabaab|ORG].');
    const id = (n: string) => doc.entities.find((e) => e.name === n)!.id;
    const kenya = find(doc, 'ASSAULT', 'Kenya', 'Al Shabaab');
    expect(kenya?.attribution?.speaker).toBe(id('Ali Omar'));
    expect(kenya?.time ?? null).toBeNull();
    const ethiopia = find(doc, 'ASSAULT', 'Ethiopia', 'Al Shabaab');
    expect(ethiopia?.attribution?.speaker).toBe(id('Ali Omar'));
    expect(ethiopia?.time ?? null).toBeNull();
  });
});

describe('modality', () => {
  it('reads negation, hedges, predictions and conditions', () => {
    expect(find(run('[Iran|GPE] did not sign an agreement with [Iraq|GPE].'), 'AGREE', 'Iran', 'Iraq')?.modality).toBe('negated');
    expect(find(run('[Hamas|ORG] is likely to continue to harbor [Islamic Jihad|ORG].'), 'supports', 'Hamas', 'Islamic Jihad')?.modality).toBe('hedged');
    expect(find(run('[Turkey|GPE] will sign a deal with [Libya|GPE].'), 'AGREE', 'Turkey', 'Libya')?.modality).toBe('predicted');
    expect(find(run('If [Serbia|GPE] attacks [Kosovo|GPE], the talks end.'), 'ASSAULT', 'Serbia', 'Kosovo')?.modality).toBe('hypothetical');
    expect(find(run('[Chad|GPE] attacked [Boko Haram|ORG] camps.'), 'ASSAULT', 'Chad', 'Boko Haram')?.modality).toBe('asserted');
  });
  it('reads "would" as a condition, or as a future reported in the past', () => {
    expect(find(run('[Hezbollah|ORG] would attack [Israel|GPE] if the talks failed.'), 'ASSAULT', 'Hezbollah', 'Israel')?.modality).toBe('hypothetical');
    expect(find(run('[Iran|GPE] said [it|=Iran] would attack [Israel|GPE].'), 'ASSAULT', 'Iran', 'Israel')?.modality).toBe('predicted');
  });
  it('"almost died" is no death', () => {
    expect(find(run('[Ali Saleh|PERSON] almost died in [Aden|GPE].'), 'died', 'Ali Saleh', null)?.modality).toBe('negated');
  });
  it('takes a month for a month, and a denial for a negation', () => {
    expect(find(run('[Chad|GPE] attacked [Niger|GPE] {in May 2011|2011-05}.'), 'ASSAULT', 'Chad', 'Niger')?.modality).toBe('asserted');
    const denied = find(run('[Iran|GPE] denied that [it|=Iran] had attacked [Iraq|GPE].'), 'ASSAULT', 'Iran', 'Iraq');
    expect(denied?.modality).toBe('negated');
    expect(denied?.attribution?.cue).toBe('denied');
  });
  it('a body speaks through its people: "the Israeli military said", "Hamas officials said"', () => {
    const doc = run('[Israel|GPE] bombed [Gaza|GPE], the [Israeli|NORP] military said. [Hamas|ORG] officials said that [Qatar|GPE] funds [Fatah|ORG].');
    expect(find(doc, 'ASSAULT', 'Israel', 'Gaza')?.attribution?.speaker).toBe(doc.entities.find((e) => e.name === 'Israeli')!.id);
    expect(find(doc, 'supports', 'Qatar', 'Fatah')?.attribution?.speaker).toBe(doc.entities.find((e) => e.name === 'Hamas')!.id);
  });
  it('takes no possessive, passive or other sense of a reporting verb for speech', () => {
    const doc = run("[Spain|GPE]'s hopes rose as [Chad|GPE] attacked [Niger|GPE]. [Iran|GPE] was accused of arming [Hamas|ORG]. [Mali|GPE] continued to attack [Niger|GPE].");
    expect(must(find(doc, 'ASSAULT', 'Chad', 'Niger')).attribution).toBeNull();
    expect(must(find(doc, 'ASSAULT', 'Mali', 'Niger')).attribution).toBeNull();
    expect(doc.facts.every((f) => f.attribution === null)).toBe(true);
  });
  it('a reporting verb with an object or an order is no speech: "claimed victory as", "told X to"', () => {
    const doc = run('[Ali Saleh|PERSON] claimed victory as [Chad|GPE] attacked [Niger|GPE]. [Omar Badr|PERSON] told [Mali|GPE] to wait while [Iran|GPE] funds [Hamas|ORG]. [Omar Badr|PERSON] told [Reuters|ORG] [Iran|GPE] had attacked [Iraq|GPE].');
    expect(must(find(doc, 'ASSAULT', 'Chad', 'Niger')).attribution).toBeNull();
    expect(must(find(doc, 'supports', 'Iran', 'Hamas')).attribution).toBeNull();
    expect(find(doc, 'ASSAULT', 'Iran', 'Iraq')?.attribution?.speaker).toBe(doc.entities.find((e) => e.name === 'Omar Badr')!.id);
  });
  it('does not take "X is expected to" for X speaking', () => {
    const f = find(run('[Russia|GPE] is expected to sign an agreement with [China|GPE].'), 'AGREE', 'Russia', 'China');
    expect(f?.modality).toBe('predicted');
    expect(f?.attribution).toBeNull();
  });
  it('a hedge inside a closed relative clause stays there', () => {
    expect(find(run('[Hamas|ORG], which may be divided, attacked [Israel|GPE].'), 'ASSAULT', 'Hamas', 'Israel')?.modality).toBe('asserted');
    expect(find(run('[Hamas|ORG], which attacked [Israel|GPE], may be divided.'), 'ASSAULT', 'Hamas', 'Israel')?.modality).toBe('asserted');
    expect(find(run('It seems that [Hamas|ORG] attacked [Israel|GPE].'), 'ASSAULT', 'Hamas', 'Israel')?.modality).toBe('hedged');
  });
  it('lowers confidence for hedged facts', () => {
    const sure = find(run('[Hamas|ORG] harbors [Islamic Jihad|ORG].'), 'supports', 'Hamas', 'Islamic Jihad')!;
    const hedged = find(run('[Hamas|ORG] reportedly harbors [Islamic Jihad|ORG].'), 'supports', 'Hamas', 'Islamic Jihad')!;
    expect(hedged.confidence).toBeLessThan(sure.confidence);
  });
});

describe('attribution', () => {
  it('gives a quote to the speaker named after it, with the cue verb', () => {
    const doc = run('“[Hamas|ORG] will keep sheltering [Islamic Jihad|ORG] for years”, predicts [Lina Haddad|PERSON].');
    const f = find(doc, 'supports', 'Hamas', 'Islamic Jihad');
    expect(f?.attribution).toEqual({ speaker: doc.entities.find((e) => e.name === 'Lina Haddad')!.id, cue: 'predicts' });
  });
  it('follows a resolved pronoun speaker and "according to"', () => {
    const doc = run('[Omar Saleh|PERSON] is an analyst. “[Iran|GPE] funds [Hezbollah|ORG]”, [he|=Omar Saleh] points out. According to [Reuters|ORG], [Chad|GPE] attacked [Boko Haram|ORG].');
    const id = (n: string) => doc.entities.find((e) => e.name === n)!.id;
    expect(find(doc, 'supports', 'Iran', 'Hezbollah')?.attribution).toEqual({ speaker: id('Omar Saleh'), cue: 'points out' });
    expect(find(doc, 'ASSAULT', 'Chad', 'Boko Haram')?.attribution?.speaker).toBe(id('Reuters'));
  });
  it('reported speech: "X said that …"', () => {
    const doc = run('[Mali|GPE] said that [Wagner|ORG] had attacked [JNIM|ORG].');
    expect(find(doc, 'ASSAULT', 'Wagner', 'JNIM')?.attribution?.speaker).toBe(doc.entities.find((e) => e.name === 'Mali')!.id);
  });
  it('a quote over several sentences, and the quotes that go on with its speaker', () => {
    const doc = run('“[Eritrea|GPE] funds [Al Shabaab|ORG]. [Qatar|GPE] shelters [Hamas|ORG]”, warns [Lina Haddad|PERSON]. “[Kenya|GPE] will attack [Al Shabaab|ORG].”');
    const lina = doc.entities.find((e) => e.name === 'Lina Haddad')!.id;
    expect(find(doc, 'supports', 'Eritrea', 'Al Shabaab')?.attribution?.speaker).toBe(lina);
    expect(find(doc, 'supports', 'Qatar', 'Hamas')?.attribution).toEqual({ speaker: lina, cue: 'warns' });
    const kenya = find(doc, 'ASSAULT', 'Kenya', 'Al Shabaab');
    expect(kenya?.attribution?.speaker).toBe(lina);
    expect(kenya?.modality).toBe('predicted');
  });
  it('a quote over several paragraphs, each opening with a quote mark, goes to the speaker after its end', () => {
    const doc = run('“[Eritrea|GPE] funds [Al Shabaab|ORG] and wants chaos.\n\n“[Qatar|GPE] shelters [Hamas|ORG],” says [Lina Haddad|PERSON].\n\n[Chad|GPE] attacked [Niger|GPE].');
    const lina = doc.entities.find((e) => e.name === 'Lina Haddad')!.id;
    expect(find(doc, 'supports', 'Eritrea', 'Al Shabaab')?.attribution?.speaker).toBe(lina);
    expect(find(doc, 'supports', 'Qatar', 'Hamas')?.attribution?.speaker).toBe(lina);
    expect(find(doc, 'ASSAULT', 'Chad', 'Niger')?.attribution).toBeNull();
  });
  it('"not only" does not deny, and "then-President" does not go on with the story', () => {
    const doc = run('[Iran|GPE] attacked [Iraq|GPE] {in 2019|2019}. Then-President [Ali Bakr|PERSON] attacked [Kuwait|GPE]. [Syria|GPE] not only attacked [Jordan|GPE] but also [Israel|GPE].');
    expect(must(find(doc, 'ASSAULT', 'Ali Bakr', 'Kuwait')).time ?? null).toBeNull();
    expect(find(doc, 'ASSAULT', 'Syria', 'Jordan')?.modality).toBe('asserted');
  });
  it('a speaker named with a title or employer after the quote, and a saying with its own adjuncts', () => {
    const doc = run('“[Chad|GPE] attacked [Niger|GPE] {in May|2022-05},” [Reuters|ORG] analyst [Ana Ruiz|PERSON] said. [Mali|GPE] bombed [Niger|GPE] {in 2019|2019}, [Ali Omar|PERSON] said {on Tuesday|2022-08-02}, after years of talks that went nowhere.');
    expect(find(doc, 'ASSAULT', 'Chad', 'Niger')?.attribution).toEqual({ speaker: doc.entities.find((e) => e.name === 'Ana Ruiz')!.id, cue: 'said' });
    const mali = find(doc, 'ASSAULT', 'Mali', 'Niger');
    expect(mali?.attribution?.speaker).toBe(doc.entities.find((e) => e.name === 'Ali Omar')!.id);
    expect(mali?.time?.at).toBe('2019');
  });
  it('skips an apposition between a quote\'s speaker and the cue; "told X" names whom, not who', () => {
    const doc = run('“[Iran|GPE] funds [Hamas|ORG],” [Lina Haddad|PERSON], a former diplomat, told [Reuters|ORG]. [Mali|GPE] bombed [Niger|GPE], told [Reuters|ORG] nobody.');
    expect(find(doc, 'supports', 'Iran', 'Hamas')?.attribution).toEqual({ speaker: doc.entities.find((e) => e.name === 'Lina Haddad')!.id, cue: 'told' });
    expect(must(find(doc, 'ASSAULT', 'Mali', 'Niger')).attribution).toBeNull();
  });
  it('leaves titles in reported speech to the writer', () => {
    const doc = run('The [Gabon|GPE] leader [Ali Bongo|PERSON] attacked [Chad|GPE], [Idriss Deby|PERSON] said.');
    const deby = doc.entities.find((e) => e.name === 'Idriss Deby')!.id;
    expect(find(doc, 'ASSAULT', 'Ali Bongo', 'Chad')?.attribution?.speaker).toBe(deby);
    expect(must(find(doc, 'leader_of', 'Ali Bongo', 'Gabon')).attribution).toBeNull();
  });
  it('"I" in a quote is its speaker, "we" the body the speaker is named with', () => {
    const doc = run('“I met [Ali Saleh|PERSON] in Cairo,” [Omar Badr|PERSON] said. “We will attack [Israel|GPE] again,” [Hamas|ORG] spokesman [Abu Obaida|PERSON] said. “We support [Fatah|ORG],” [Lina Haddad|PERSON] said.');
    expect(find(doc, 'CONSULT', 'Omar Badr', 'Ali Saleh')?.attribution?.speaker).toBe(doc.entities.find((e) => e.name === 'Omar Badr')!.id);
    expect(find(doc, 'ASSAULT', 'Hamas', 'Israel')?.modality).toBe('predicted');
    // A person with no body named: "we" stays unresolved.
    expect(doc.facts.some((f) => f.object === doc.entities.find((e) => e.name === 'Fatah')!.id)).toBe(false);
  });
  it('reported speech after the clause ("…, X said") and with no "that"', () => {
    const doc = run('[Chad|GPE] bombed [Boko Haram|ORG], said [Idriss Deby|PERSON]. [Idriss Deby|PERSON] said [Boko Haram|ORG] had attacked [Niger|GPE].');
    const deby = doc.entities.find((e) => e.name === 'Idriss Deby')!.id;
    expect(find(doc, 'ASSAULT', 'Chad', 'Boko Haram')?.attribution?.speaker).toBe(deby);
    expect(find(doc, 'ASSAULT', 'Boko Haram', 'Niger')?.attribution?.speaker).toBe(deby);
    expect(find(doc, 'ASSAULT', 'Idriss Deby', 'Niger')).toBeUndefined();
  });
  it('keeps a predicted event apart from the one that happened', () => {
    const doc = run('[Kenya|GPE] attacked [Al Shabaab|ORG] {in 2019|2019}. [Kenya|GPE] will attack [Al Shabaab|ORG] again.');
    const facts = doc.facts.filter((f) => f.type === 'ASSAULT');
    expect(facts.map((f) => f.modality).sort()).toEqual(['asserted', 'predicted']);
    expect(facts.find((f) => f.modality === 'asserted')?.time?.at).toBe('2019');
    expect(facts.find((f) => f.modality === 'predicted')?.time ?? null).toBeNull();
  });
  it('leaves the article\'s own statements unattributed', () => {
    const doc = run('[Chad|GPE] attacked [Boko Haram|ORG] camps.');
    expect(find(doc, 'ASSAULT', 'Chad', 'Boko Haram')?.attribution).toBeNull();
  });
});

describe('arguments and merging', () => {
  it('finds subjects across sentences through resolved pronouns', () => {
    const doc = run('[Mokhtar Belmokhtar|PERSON] left the group. In {2013|2013}, [he|=Mokhtar Belmokhtar] founded [Al Mourabitoun|ORG].');
    expect(find(doc, 'founded', 'Mokhtar Belmokhtar', 'Al Mourabitoun')?.time?.at).toBe('2013');
  });
  it('makes one fact per pair for coordinated parties', () => {
    const doc = run('[Egypt|GPE] and [Jordan|GPE] condemned [Israel|GPE].');
    expect(find(doc, 'ACCUSE', 'Egypt', 'Israel')).toBeDefined();
    expect(find(doc, 'ACCUSE', 'Jordan', 'Israel')).toBeDefined();
  });
  it('merges a fact said twice into one with both evidence spans', () => {
    const doc = run('[Hamas|ORG] sealed a pact with [Fatah|ORG]. Later [Fatah|ORG] renewed its alliance with [Hamas|ORG].');
    const facts = doc.facts.filter((f) => f.type === 'allied_with');
    expect(facts).toHaveLength(1);
    expect(facts[0].evidence).toHaveLength(2);
    for (const e of facts[0].evidence) expect(doc.meta.text.slice(e.start, e.end)).toBe(e.text);
  });
  it('takes an event place from "in X" and a title\'s country from context', () => {
    const doc = run('[Israel|GPE] bombed [Hamas|ORG] positions in [Rafah|GPE]. The strike was ordered by Prime Minister [Naftali Bennett|PERSON].');
    const f = find(doc, 'ASSAULT', 'Israel', 'Hamas');
    expect(f?.place).toBe(doc.entities.find((e) => e.name === 'Rafah')!.id);
    expect(find(doc, 'leader_of', 'Naftali Bennett', 'Israel')).toBeDefined();
  });
  it('produces nothing without entities', () => {
    expect(run('The alliance sealed a pact with the rebels in 2001.').facts).toEqual([]);
  });
});

describe('events implied by modality (data/facts/derived.json)', () => {
  it('an announced intention to cooperate is also AGREE', () => {
    const doc = run('[Japan|GPE] is ready to send aid to [Nepal|GPE].');
    expect(find(doc, 'AID', 'Japan', 'Nepal')).toBeDefined();
    expect(find(doc, 'AGREE', 'Japan', 'Nepal')).toBeDefined();
  });
  it('a refused cooperation is also REJECT, and the negated event stays negated', () => {
    const doc = run('[Cuba|GPE] will not meet with [Honduras|GPE] envoys.');
    expect(find(doc, 'CONSULT', 'Cuba', 'Honduras')?.modality).toBe('negated');
    expect(find(doc, 'REJECT', 'Cuba', 'Honduras')?.modality).toBe('asserted');
  });
  it('a possessor stands for its body as subject', () => {
    const doc = run("[Chile|GPE]'s government lifted the curfew in [Santiago|GPE].");
    // Easing a curfew is RETREAT in PLOVER (CAMEO 0813).
    expect(find(doc, 'RETREAT', 'Chile', 'Santiago')).toBeDefined();
  });
});

describe('cue-less inferences (data/facts/inference.json)', () => {
  it('an organization named after a place the text names is located there', () => {
    // Two countries, so that the document-level orgInCountry inference stays out of it.
    const doc = run('[Italy|GPE] and [Spain|GPE] cut fares. [Italian State Railways|ORG] added trains.');
    expect(find(doc, 'located_in', 'Italian State Railways', 'Italy')).toBeUndefined();
    const doc2 = run('[Italian|NORP] voters agreed. [Italian State Railways|ORG] added trains.');
    expect(find(doc2, 'located_in', 'Italian State Railways', 'Italian')).toBeDefined();
  });
  it('a nationality right before a name gives citizenship', () => {
    const doc = run('The [Japanese|NORP] [Kenji Sato|PERSON] won the race.');
    expect(find(doc, 'citizen_of', 'Kenji Sato', 'Japanese')).toBeDefined();
  });
  it('a town right before the only country of a sentence lies in it', () => {
    const doc = run('Floods hit [Sylhet|GPE] in northern [Bangladesh|GPE] on Monday.');
    expect(find(doc, 'part_of', 'Sylhet', 'Bangladesh')).toBeDefined();
  });
});

describe('mediators', () => {
  it('"talks hosted by X" makes X the mediator, not a party', () => {
    const doc = run('[Fatah|ORG] and [Hamas|ORG] signed a deal in [Cairo|GPE] after talks hosted by [Egypt|GPE].');
    const f = find(doc, 'AGREE', 'Fatah', 'Hamas');
    expect(f?.mediator).toBe(doc.entities.find((e) => e.name === 'Egypt')!.id);
    expect(f?.place).toBe(doc.entities.find((e) => e.name === 'Cairo')!.id);
    expect(doc.facts.filter((x) => x.kind === 'event' && x.subject === doc.entities.find((e) => e.name === 'Egypt')!.id)).toEqual([]);
  });
});
