// The shipped model on sentences written for these tests: the constructions the fact stage
// needs (subjects and objects, passives with their agents, relative clauses, appositions,
// coordination, clausal complements).
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze/index.js';
import { verbArguments } from './clauses.js';
import { parseSentence, parseTokens, type SyntaxWord } from './index.js';

/** The arc of `word` as "deprel head-word" (head "ROOT" for the root), first occurrence of each. */
function arcs(sentence: string): Map<string, string> {
  const words = sentence.split(' ');
  const tree: SyntaxWord[] = parseSentence(words);
  const out = new Map<string, string>();
  tree.forEach((w, i) => {
    if (!out.has(words[i])) out.set(words[i], `${w.deprel} ${w.head === 0 ? 'ROOT' : words[w.head - 1]}`);
  });
  return out;
}

describe('parseSentence', () => {
  it('finds the subject and object of a transitive verb', () => {
    const a = arcs('The rebels captured two soldiers near the river .');
    expect(a.get('captured')).toBe('root ROOT');
    expect(a.get('rebels')).toBe('nsubj captured');
    expect(a.get('soldiers')).toBe('obj captured');
  });

  it('marks the passive subject and the by-agent', () => {
    const a = arcs('The convoy was ambushed by militants on Tuesday .');
    expect(a.get('convoy')).toBe('nsubj:pass ambushed');
    expect(a.get('was')).toBe('aux:pass ambushed');
    expect(a.get('militants')).toBe('obl:agent ambushed');
  });

  it('attaches a relative clause to the noun it modifies, its pronoun as subject', () => {
    const a = arcs('Police arrested the man who attacked the guards .');
    expect(a.get('attacked')).toBe('acl:relcl man');
    expect(a.get('who')).toBe('nsubj attacked');
    expect(a.get('man')).toBe('obj arrested');
  });

  it('attaches an apposition to the name it describes', () => {
    const a = arcs('Ahmed Karim , the leader of the movement , denied the report .');
    expect(a.get('leader')).toBe('appos Ahmed');
    expect(a.get('Ahmed')).toBe('nsubj denied');
  });

  it('links conjuncts to the first one, with the conjunction on the second', () => {
    const a = arcs('Police arrested the leader and his deputy .');
    expect(a.get('deputy')).toBe('conj leader');
    expect(a.get('and')).toBe('cc deputy');
    const s = arcs('Rebels and soldiers clashed near the border .');
    expect(s.get('soldiers')).toBe('conj Rebels');
    expect(s.get('Rebels')).toBe('nsubj clashed');
    const v = arcs('Gunmen stormed the village and burned several houses .');
    expect(v.get('burned')).toBe('conj stormed');
    expect(v.get('houses')).toBe('obj burned');
  });

  it('makes a reported clause the complement of the reporting verb', () => {
    const a = arcs('The spokesman said that the group had left the city .');
    expect(a.get('left')).toBe('ccomp said');
    expect(a.get('group')).toBe('nsubj left');
    expect(a.get('that')).toBe('mark left');
  });

  it('returns nothing for no words', () => {
    expect(parseSentence([])).toEqual([]);
  });
});

describe('verbArguments on parsed sentences', () => {
  it('reads doer and patient of a passive and of a relative clause', () => {
    const words = 'Two officials were abducted by gunmen who attacked the convoy .'.split(' ');
    const tree = parseSentence(words);
    const abducted = verbArguments(words, tree, words.indexOf('abducted'));
    expect(abducted.passive).toBe(true);
    expect(abducted.subjects.map((i) => words[i])).toEqual(['officials']);
    expect(abducted.agents.map((i) => words[i])).toEqual(['gunmen']);
    const attacked = verbArguments(words, tree, words.indexOf('attacked'));
    expect(attacked.subjects.map((i) => words[i])).toEqual(['gunmen']);
    expect(attacked.objects.map((i) => words[i])).toEqual(['convoy']);
  });
});

describe('parseTokens', () => {
  it('parses the pipeline tokens of a sentence, clitics and typographic apostrophes included', () => {
    const { tokens, sentences } = analyzeText('Officials said the company didn’t pay its workers.');
    const s = sentences[0];
    const tree = parseTokens(tokens, s.firstToken, s.endToken);
    expect(tree).toHaveLength(s.endToken - s.firstToken);
    const at = (text: string) => tree[tokens.findIndex((t) => t.text === text) - s.firstToken];
    const said = tokens.findIndex((t) => t.text === 'said');
    expect(at('said').headToken).toBe(-1);
    expect(at('Officials').headToken).toBe(said);
    expect(at('n’t').deprel).toBe('advmod');
    expect(tokens[at('workers').headToken].text).toBe('pay');
    expect(at('workers').deprel).toBe('obj');
  });
});
