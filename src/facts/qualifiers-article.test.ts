// Time, attribution and modality end to end: an article of our own words through the whole
// pipeline (the real sentence splitter, time stage, entity stage and coreference).
import { describe, expect, it } from 'vitest';
import { extractText } from '../pipeline/index.js';
import type { Fact, WorkingDocument } from '../model/types.js';

const ARTICLE = `Two militia commanders killed as Somalia's war drags on

Ahmed Diriye and Yusuf Warsame have both been killed. The first, on May 3, 2019 in Kismayo. The second, in March 2021 in Mogadishu.

Before 9/11, Diriye had sealed a pact with Al Qaeda. Al Qaeda later found shelter in Sudan after the attacks Al Qaeda carried out against the United States.

"Eritrea funds the Shabaab. Qatar also funds the Shabaab," says the analyst Maria Lopez, a researcher at the University of Nairobi. "Kenya will attack the Shabaab again."

Kenya attacked the Shabaab on Tuesday, the minister Abdi Farah said on Wednesday. Then Ethiopia attacked the Shabaab. According to Reuters, Djibouti does not support the Shabaab. Sudan reportedly funds the Shabaab.
`;

describe('qualifiers on an article of our own, through the pipeline', () => {
  const doc: WorkingDocument = extractText(ARTICLE, { published: '2024-05-16' });
  const id = (name: string) => doc.entities.find((e) => e.name === name)?.id;
  const facts = (type: string, subject: string, object: string | null): Fact[] =>
    doc.facts.filter((f) => f.type === type && f.subject === id(subject) && f.object === (object === null ? null : id(object)));

  it('dates deaths told in verbless sentences after the sentence that says them', () => {
    expect(facts('died', 'Ahmed Diriye', null)[0]?.time?.at).toBe('2019-05-03');
    expect(facts('died', 'Yusuf Warsame', null)[0]?.time?.at).toBe('2021-03');
  });

  it('dates "the attacks" by the named event it refers back to, at that precision', () => {
    expect(facts('ASSAULT', 'Al Qaeda', 'United States')[0]?.time?.at).toBe('2001-09-11');
    const pact = facts('allied_with', 'Ahmed Diriye', 'Al Qaeda');
    expect(pact).toHaveLength(1);
    expect(pact[0].time ?? null).toBeNull();
  });

  it('gives every fact of a quote to its speaker, and a quote that goes on to the same speaker', () => {
    const lopez = id('Maria Lopez');
    expect(lopez).toBeDefined();
    expect(facts('supports', 'Eritrea', 'Shabaab')[0]?.attribution).toEqual({ speaker: lopez, cue: 'says' });
    expect(facts('supports', 'Qatar', 'Shabaab')[0]?.attribution?.speaker).toBe(lopez);
    const predicted = facts('ASSAULT', 'Kenya', 'Shabaab').find((f) => f.modality === 'predicted');
    expect(predicted?.attribution?.speaker).toBe(lopez);
    expect(predicted?.time ?? null).toBeNull();
  });

  it('reads a claim with its speaker after it, and dates it by the event, not by the saying', () => {
    const said = facts('ASSAULT', 'Kenya', 'Shabaab').find((f) => f.modality === 'asserted');
    expect(said?.attribution?.speaker).toBe(id('Abdi Farah'));
    expect(said?.time?.at).toBe('2024-05-14');
    // "Then" goes on with that episode.
    expect(facts('ASSAULT', 'Ethiopia', 'Shabaab')[0]?.time?.at).toBe('2024-05-14');
  });

  it('reads "according to", negation and hedges, and lowers confidence for them', () => {
    const djibouti = facts('supports', 'Djibouti', 'Shabaab')[0];
    expect(djibouti?.attribution?.speaker).toBe(id('Reuters'));
    expect(djibouti?.modality).toBe('negated');
    const sudan = facts('supports', 'Sudan', 'Shabaab')[0];
    expect(sudan?.modality).toBe('hedged');
    expect(sudan?.attribution).toBeNull();
    // Below the same relation stated outright (the quoted one without its attribution factor).
    expect(sudan!.confidence).toBeLessThan(facts('supports', 'Eritrea', 'Shabaab')[0]!.confidence / 0.85);
  });
});
