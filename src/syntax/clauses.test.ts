// Argument reading on hand-written trees (the parser's own accuracy is tested elsewhere): each
// tree is "word/head/deprel" per word, heads 1-based, 0 for the root.
import { describe, expect, it } from 'vitest';
import { appositions, verbArguments } from './clauses.js';
import type { SyntaxWord } from './index.js';

function tree(source: string): { words: string[]; tree: SyntaxWord[]; at: (w: string) => number } {
  const parts = source.split(' ').map((p) => p.split('/'));
  const words = parts.map((p) => p[0]);
  return {
    words,
    tree: parts.map((p) => ({ upos: 'X', head: Number(p[1]), deprel: p[2] })),
    at: (w) => words.indexOf(w),
  };
}

const names = (t: ReturnType<typeof tree>, list: number[]) => list.map((i) => t.words[i]);

describe('verbArguments', () => {
  it('reads subject, object and obliques with their prepositions', () => {
    const t = tree('Rebels/2/nsubj attacked/0/root the/4/det base/2/obj with/6/case rockets/2/obl ./2/punct');
    const a = verbArguments(t.words, t.tree, t.at('attacked'));
    expect(a.passive).toBe(false);
    expect(names(t, a.subjects)).toEqual(['Rebels']);
    expect(names(t, a.objects)).toEqual(['base']);
    expect(a.obliques.map((o) => [t.words[o.word], o.preposition])).toEqual([['rockets', 'with']]);
  });

  it('gives the passive subject as patient and the by-phrase as agent, coordinated agents included', () => {
    const t = tree('The/2/det town/4/nsubj:pass was/4/aux:pass shelled/0/root by/6/case militias/4/obl:agent and/8/cc troops/6/conj');
    const a = verbArguments(t.words, t.tree, t.at('shelled'));
    expect(a.passive).toBe(true);
    expect(names(t, a.subjects)).toEqual(['town']);
    expect(names(t, a.agents)).toEqual(['militias', 'troops']);
  });

  it('replaces a relative pronoun by the noun the clause modifies', () => {
    const t = tree('The/2/det envoy/6/nsubj who/4/nsubj met/2/acl:relcl rebels/4/obj left/0/root');
    expect(names(t, verbArguments(t.words, t.tree, t.at('met')).subjects)).toEqual(['envoy']);
    const o = tree('The/2/det group/0/root that/5/obj police/5/nsubj raided/2/acl:relcl');
    const a = verbArguments(o.words, o.tree, o.at('raided'));
    expect(names(o, a.objects)).toEqual(['group']);
    expect(names(o, a.subjects)).toEqual(['police']);
  });

  it('takes a reduced relative clause noun as patient of a past participle and doer of an -ing one', () => {
    const p = tree('The/2/det convoy/0/root attacked/2/acl by/5/case rebels/3/obl:agent');
    const a = verbArguments(p.words, p.tree, p.at('attacked'));
    expect(a.passive).toBe(true);
    expect(names(p, a.subjects)).toEqual(['convoy']);
    expect(names(p, a.agents)).toEqual(['rebels']);
    const g = tree('men/0/root leading/1/acl the/4/det group/2/obj');
    const b = verbArguments(g.words, g.tree, g.at('leading'));
    expect(b.passive).toBe(false);
    expect(names(g, b.subjects)).toEqual(['men']);
  });

  it('shares the subject of coordinated verbs and of control verbs', () => {
    const t = tree('Gunmen/2/nsubj stormed/0/root the/4/det village/2/obj and/6/cc burned/2/conj houses/6/obj');
    expect(names(t, verbArguments(t.words, t.tree, t.at('burned')).subjects)).toEqual(['Gunmen']);
    const c = tree('The/2/det army/3/nsubj agreed/0/root to/5/mark withdraw/3/xcomp');
    expect(names(c, verbArguments(c.words, c.tree, c.at('withdraw')).subjects)).toEqual(['army']);
    const o = tree('Mediators/2/nsubj urged/0/root rebels/2/obj to/5/mark disarm/2/xcomp');
    expect(names(o, verbArguments(o.words, o.tree, o.at('disarm')).subjects)).toEqual(['rebels']);
  });

  it('expands coordinated subjects and objects', () => {
    const t = tree('Iran/4/nsubj and/3/cc Iraq/1/conj signed/0/root pacts/4/obj');
    expect(names(t, verbArguments(t.words, t.tree, t.at('signed')).subjects)).toEqual(['Iran', 'Iraq']);
  });
});

describe('appositions', () => {
  it('pairs a name with the description beside it', () => {
    const t = tree('Karim/5/nsubj ,/3/punct leader/1/appos ,/3/punct spoke/0/root');
    expect(appositions(t.tree)).toEqual([{ head: 0, appos: 2 }]);
  });
});
