// The shipped model on sentences written for these tests: the constructions the fact stage
// needs (subjects and objects, passives with their agents, relative clauses, appositions,
// coordination, clausal complements).
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze/index.js';
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

  it('attaches an apposition to the name it describes', () => {
    const a = arcs('Ahmed Karim , the leader of the movement , denied the report .');
    expect(a.get('leader')).toBe('appos Ahmed');
    expect(a.get('Ahmed')).toBe('nsubj denied');
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
