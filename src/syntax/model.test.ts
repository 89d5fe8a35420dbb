// Training on a toy treebank, then the round trip through the shipped file format: what is
// written must parse exactly as what was trained.
import { describe, expect, it } from 'vitest';
import { readModel, writeModel } from './model-file.js';
import { parse, trainParser } from './parser.js';
import { tag, trainTagger } from './tagger.js';

// Two tiny sentence patterns, repeated: a transitive clause and one with a prepositional phrase.
const toy = [
  { words: ['Dogs', 'chase', 'cats', '.'], upos: ['NOUN', 'VERB', 'NOUN', 'PUNCT'], heads: [2, 0, 2, 2], deprels: ['nsubj', 'root', 'obj', 'punct'] },
  { words: ['Birds', 'sing', 'in', 'trees', '.'], upos: ['NOUN', 'VERB', 'ADP', 'NOUN', 'PUNCT'], heads: [2, 0, 4, 2, 2], deprels: ['nsubj', 'root', 'case', 'obl', 'punct'] },
  { words: ['Cats', 'chase', 'birds', '.'], upos: ['NOUN', 'VERB', 'NOUN', 'PUNCT'], heads: [2, 0, 2, 2], deprels: ['nsubj', 'root', 'obj', 'punct'] },
  { words: ['Dogs', 'sleep', 'in', 'houses', '.'], upos: ['NOUN', 'VERB', 'ADP', 'NOUN', 'PUNCT'], heads: [2, 0, 4, 2, 2], deprels: ['nsubj', 'root', 'case', 'obl', 'punct'] },
];
const treebank = Array.from({ length: 10 }, () => toy).flat();

describe('tagger and parser training', () => {
  const tagger = trainTagger(treebank, { epochs: 5 });
  const parser = trainParser(treebank.map((s) => ({ ...s, tags: s.upos })), { epochs: 8 });

  it('learns the toy treebank', () => {
    for (const s of toy) {
      expect(tag(tagger, s.words)).toEqual(s.upos);
      const tree = parse(parser, s.words, s.upos);
      expect(tree.map((w) => w.head)).toEqual(s.heads);
      expect(tree.map((w) => w.deprel)).toEqual(s.deprels);
    }
  });

  it('generalizes to an unseen sentence of a seen pattern', () => {
    const words = ['Cats', 'sleep', 'in', 'trees', '.'];
    const tree = parse(parser, words, tag(tagger, words));
    expect(tree.map((w) => w.head)).toEqual([2, 0, 4, 2, 2]);
  });

  it('always returns a single-rooted tree, even for input unlike its training', () => {
    const words = ['.', 'in', 'in', 'chase', 'Dogs', '.', 'the'];
    const tree = parse(parser, words, tag(tagger, words));
    expect(tree.filter((w) => w.head === 0)).toHaveLength(1);
    expect(tree.every((w) => w.head >= 0 && w.head <= words.length && w.deprel)).toBe(true);
  });

  it('reads back from the file format exactly what was written', () => {
    const model = readModel(writeModel({ tagger, parser, source: 'toy' }));
    expect(model.source).toBe('toy');
    for (const s of [...toy, { words: ['Birds', 'chase', 'dogs', 'in', 'houses', '.'] }]) {
      expect(tag(model.tagger, s.words)).toEqual(tag(tagger, s.words));
      const tags = tag(tagger, s.words);
      expect(parse(model.parser, s.words, tags)).toEqual(parse(parser, s.words, tags));
    }
    expect(model.parser.weights.entries).toBe(parser.weights.entries);
  });
});
