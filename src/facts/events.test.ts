// PLOVER events on hand-built sentences: which event of a sentence stands when several cues fire,
// the events implied by an announced intention, and how the actors are found.
import { describe, expect, it } from 'vitest';
import { extractFacts } from './index.js';
import { markedDocument } from './marked.js';
import type { WorkingDocument } from '../model/types.js';

function run(text: string): WorkingDocument {
  const doc = markedDocument(text);
  extractFacts(doc);
  return doc;
}

/** The events of a document as "TYPE Subject → Object" (object "-" when none). */
function events(doc: WorkingDocument): string[] {
  const name = (id: string | null) => (id ? doc.entities.find((e) => e.id === id)?.name : '-');
  return doc.facts.filter((f) => f.kind === 'event').map((f) => `${f.type} ${name(f.subject)} → ${name(f.object)}`);
}

describe('one event per clause head', () => {
  it('a verb governs the cue of its complement', () => {
    expect(events(run('[Syria|GPE] agreed to release [Lebanese|NORP] prisoners.'))).toEqual(['AGREE Syria → Lebanese']);
    expect(events(run('[Norway|GPE] urged [Sudan|GPE] to free [Amira Osman|PERSON].'))).toEqual(['REQUEST Norway → Sudan']);
  });
  it('a governing event with no object takes the object of its complement', () => {
    expect(events(run('[Hamas|ORG] threatened on {Sunday|2022-07-31} to attack [Israel|GPE].'))).toEqual(['THREATEN Hamas → Israel']);
  });
  it('a longer cue over a shorter one on the same words', () => {
    expect(events(run('[Japan|GPE] halted economic aid to [Myanmar|GPE].'))).toEqual(['SANCTION Japan → Myanmar']);
  });
  it('a cue spanning names holds two events', () => {
    const found = events(run('The talks between [Sudan|GPE] and [SPLM|ORG] led to the signing of a peace deal.'));
    expect(found).toContain('CONSULT Sudan → SPLM');
    expect(found).toContain('AGREE Sudan → SPLM');
  });
  it('coordinated subjects act on each other only in a mutual event', () => {
    expect(events(run('[Chad|GPE] and [Niger|GPE] signed an accord.'))).toContain('AGREE Chad → Niger');
    expect(events(run('[Fatah|ORG] and [Hamas|ORG] launched attacks overnight.'))).not.toContain('ASSAULT Fatah → Hamas');
  });
});

describe('implied threats (data/facts/derived.json)', () => {
  it('a hostile event announced as an intention is also THREATEN', () => {
    expect(events(run('[Russia|GPE] will impose sanctions on [Estonia|GPE].'))).toContain('THREATEN Russia → Estonia');
  });
  it('an intention word outside the verb chain announces nothing', () => {
    expect(events(run('[Libya|GPE] agreed to pay for the bombing of [Pan Am|ORG] flight 103.'))).not.toContain('THREATEN Libya → Pan Am');
  });
  it('a cooperative intention under a condition is a threat', () => {
    expect(events(run('[Kenya|GPE] will withdraw its troops from [Somalia|GPE] unless it gets more money.'))).toContain('THREATEN Kenya → Somalia');
  });
});

describe('actors around event cues', () => {
  it('a trailing reporting clause holds no object', () => {
    expect(events(run('[Jordan|GPE] and [Britain|GPE] agreed to hold drills, a [Jordanian|NORP] official said.'))).toEqual(['AGREE Jordan → Britain']);
  });
  it('an acronym in parentheses does not hide the subject', () => {
    expect(events(run("The [Kurdistan Workers' Party|ORG] (PKK) attacked [Turkish|NORP] soldiers."))).toContain("ASSAULT Kurdistan Workers' Party → Turkish");
  });
  it('a date between the reporting verb and its pronoun', () => {
    expect(events(run('[Norway|GPE] said on Friday [it|=Norway] had expelled three [Iranian|NORP] envoys.'))).toContain('SANCTION Norway → Iranian');
  });
  it('a group named before the reporting verb speaks through its pronoun', () => {
    expect(events(run('[Kurdish|NORP] leaders said on {Monday|2022-08-01} they would boycott all talks with [Baghdad|GPE].'))).toContain('THREATEN Kurdish → Baghdad');
  });
  it('a nationality before a title gives way to the person named', () => {
    expect(events(run('[German|NORP] Chancellor [Olaf Scholz|PERSON] issued a warning to [Russia|GPE].'))).toEqual(['THREATEN Olaf Scholz → Russia']);
  });
  it('a clause after "but" with no subject of its own shares the first one\'s', () => {
    expect(events(run('[Chad|GPE] opened its border, but was still refusing entry to [Sudanese|NORP] refugees.'))).toContain('REJECT Chad → Sudanese');
  });
  it('the parties of a coordination keep their titles and nationalities apart', () => {
    expect(events(run('[Egyptian|NORP] President [Abdel Fattah el-Sisi|PERSON] and [Kenyan|NORP] President [William Ruto|PERSON] signed an accord.'))).toContain('AGREE Abdel Fattah el-Sisi → William Ruto');
  });
  it('an infinitive passive continues the clause of the object', () => {
    expect(events(run('[ASEAN|ORG] rejected a request for its troops to be deployed to [Myanmar|GPE].'))).toContain('REJECT ASEAN → Myanmar');
  });
  it('the people counted by a quantity head are the subject', () => {
    expect(events(run('Thousands of [Kenyans|NORP] marched in Nairobi on {Friday|2022-07-29} to protest against [William Ruto|PERSON].'))).toContain('PROTEST Kenyans → William Ruto');
  });
  it('a noun modifying the cue noun', () => {
    expect(events(run('[Serbian|NORP] farmers staged mass protests against [Aleksandar Vucic|PERSON].'))).toContain('PROTEST Serbian → Aleksandar Vucic');
  });
  it('an aside between a name and the reporting verb', () => {
    expect(events(run('The [Jubilee|ORG] (Unity) party has said it will boycott the negotiations with [ODM|ORG].'))).toContain('THREATEN Jubilee → ODM');
  });
  it('a labour strike is no assault', () => {
    expect(events(run('[Nigerian|NORP] doctors continued their strike against the [Health Ministry|ORG].'))).not.toContain('ASSAULT Nigerian → Health Ministry');
  });
  it('a clause opened by "after" with a subject of its own does not borrow the main one', () => {
    expect(events(run('[Pfizer|ORG] closed the deal after regulators relented.'))).toEqual([]);
  });
  it('a capitalized word inside a name is no cue', () => {
    expect(events(run('[Ubisoft|ORG] makes Call of Duty rivals and [Assassin\'s Creed|PRODUCT].'))).toEqual([]);
  });
  it('a noun cue that modifies another noun names no event', () => {
    expect(events(run('[Belarus|GPE] ordered the opposition newspaper [Nasha Niva|ORG] to close.'))).toEqual(['REQUEST Belarus → Nasha Niva']);
  });
  it('a participle with its agent continues the object phrase', () => {
    expect(events(run('[Iranian|NORP] police broke up the rally staged by [Kurdish|NORP] students.'))).toContain('COERCE Iranian → Kurdish');
  });
  it('the source of a trailing report is no party', () => {
    expect(events(run('Farmers began a hunger strike in the capital, [Reuters|ORG] news agency said.'))).toEqual([]);
  });
  it('a threat is aimed at whom its condition names', () => {
    expect(events(run('[Turkey|GPE] threatened to halt the talks if [Sweden|GPE] keeps its law.'))).toContain('THREATEN Turkey → Sweden');
  });
  it('a hyphenated modifier inside a cue counts as one word', () => {
    const doc = run('[Peru|GPE] declared a 60-day state of emergency in [Lima|GPE].');
    expect(events(doc)).toContain('COERCE Peru → Lima');
    expect(doc.facts.find((f) => f.type === 'COERCE')?.mode).toBe('martial-law');
  });
  it('an event in a phrase of time or cause is not the main subject\'s deed', () => {
    expect(events(run('[Amnesty|ORG] called for sanctions against [Iran|GPE] in the wake of the execution of [Navid Afkari|PERSON].'))).not.toContain('ASSAULT Amnesty → Navid Afkari');
    expect(events(run('With the capture of [Raqqa|GPE], the [SDF|ORG] ended the siege.'))).toContain('COERCE SDF → Raqqa');
  });
  it('a place after a gap is still where, not whom', () => {
    expect(events(run('[Germany|GPE] and [France|GPE] held talks in [Berlin|GPE] on Monday.'))).toEqual(['CONSULT Germany → France']);
  });
  it('an object-less reading yields to one with an object on the same words', () => {
    expect(events(run('[Israeli|NORP] jets struck targets in [Gaza|GPE] overnight.'))).toEqual(['ASSAULT Israeli → Gaza']);
  });
  it('the broker of a ceasefire is no party to it', () => {
    const doc = run("[Sudan|GPE]'s army and the [RSF|ORG] agreed to a ceasefire brokered by [Saudi Arabia|GPE].");
    expect(events(doc)).toEqual(['AGREE Sudan → RSF']);
  });
  it('the subject of a reported clause is not the reporter', () => {
    expect(events(run('[Ukraine|GPE] said [Russian|NORP] forces shelled [Kharkiv|GPE] on Sunday.'))).toEqual(['ASSAULT Russian → Kharkiv']);
  });
  it('a participle before a name is an adjective, not a new clause', () => {
    expect(events(run('[Turkey|GPE] detained 20 alleged [ISIS|ORG] members.'))).toContain('COERCE Turkey → ISIS');
  });
  it('the host of talks between two parties is their mediator, not a party', () => {
    const doc = run('[Oman|GPE] hosted talks between [Iran|GPE] and the [United States|GPE] in [Muscat|GPE].');
    expect(events(doc)).toEqual(['CONSULT Iran → United States']);
    expect(doc.facts[0].mediator).toBe(doc.entities.find((e) => e.name === 'Oman')!.id);
  });
  it('talks in a phrase of time are still the subject\'s own', () => {
    expect(events(run('[Venezuela|GPE] freed six prisoners after talks with [US|GPE] envoys.'))).toContain('CONSULT Venezuela → US');
  });
  it('a possessive pronoun is not the object', () => {
    expect(events(run('[Tony Blair|PERSON] was re-elected. [Gordon Brown|PERSON] deployed [his|=Tony Blair] troops to [Iraq|GPE].'))).toContain('MOBILIZE Gordon Brown → Iraq');
  });
});

describe('agents and targets named around the cue', () => {
  it('a nationality word before a word for land stands for the country', () => {
    const doc = run('[Russia|GPE] and [Ukraine|GPE] are at war. [Russia|GPE] sent troops onto [Ukrainian|NORP] soil.');
    expect(events(doc)).toContain('MOBILIZE Russia → Ukraine');
  });
  it('a description of two people is a target for each', () => {
    const doc = markedDocument('[Ali Reza|PERSON] and [Omar Faruk|PERSON] led the cell. [Kenya|GPE] boasted that both men had been killed.');
    const span = doc.meta.text.indexOf('both men');
    for (const name of ['Ali Reza', 'Omar Faruk']) doc.entities.find((e) => e.name === name)!.mentions.push({ start: span, end: span + 8, text: 'both men', kind: 'nominal' });
    extractFacts(doc);
    expect(events(doc)).toEqual(expect.arrayContaining(['ASSAULT Kenya → Ali Reza', 'ASSAULT Kenya → Omar Faruk']));
  });
});

describe('targets and coordinated parties', () => {
  it('the place of a protest yields to whom it is against', () => {
    expect(events(run('[Awami|ORG] supporters staged rallies in [Dhaka|GPE] against [Khaleda Zia|PERSON].'))).toContain('PROTEST Awami → Khaleda Zia');
  });
  it('a protest is against whom its purpose clause names', () => {
    expect(events(run('[Tamil|NORP] students marched in [Jaffna|GPE] on Monday demanding autonomy from [Sri Lanka|GPE].'))).toContain('PROTEST Tamil → Sri Lanka');
  });
  it('an apposition after the subject hides no subject', () => {
    expect(events(run('[Jordan|GPE], a close [US|GPE] partner, has refused to deploy troops in [Syria|GPE].'))).toContain('REJECT Jordan → Syria');
  });
  it('a group noun after a name inside a coordination', () => {
    expect(events(run('The [Ethiopian|NORP] army and the [TPLF|ORG] signed a truce.'))).toContain('AGREE Ethiopian → TPLF');
  });
  it('a complaint to one party is about another', () => {
    expect(events(run('[Greece|GPE] complained to [NATO|ORG] about [Turkish|NORP] overflights.'))).toEqual(['ACCUSE Greece → Turkish']);
  });
});

describe('modes', () => {
  it('an instrument word in the sentence gives the mode a plain cue lacks', () => {
    const doc = run('[Anwar al-Awlaki|PERSON] was killed in a [US|GPE] drone strike.');
    expect(doc.facts.find((f) => f.type === 'ASSAULT')?.mode).toBe('aerial');
  });
  it('a cue with a mode of its own keeps it', () => {
    const doc = run('[Turkish|NORP] police arrested [Selahattin Demirtas|PERSON] after the drone attack.');
    expect(doc.facts.find((f) => f.type === 'COERCE')?.mode).toBe('arrest');
  });
});
