// Reading who-did-what-to-whom off a dependency tree: the arguments of a verb with the usual
// UD constructions undone (coordination, shared subjects of coordinated verbs, relative pronouns,
// control verbs, passives) and appositions. This is what the fact stage would use in place of
// walking left and right from a cue word (see README.md). Positions are 0-based word indices.
import type { SyntaxWord } from './index.js';

export interface VerbArguments {
  verb: number;
  /** Passive voice: `subjects` are then the patients, `agents` the doers (by-phrase). */
  passive: boolean;
  subjects: number[];
  objects: number[];
  agents: number[];
  /** Other nominal modifiers of the verb with their preposition ("with", "in", "against"). */
  obliques: Array<{ word: number; preposition: string }>;
}

const RELATIVE_PRONOUNS = new Set(['who', 'whom', 'which', 'that', 'whose']);

/** The dependents of each word. */
export function childrenOf(tree: SyntaxWord[]): number[][] {
  const children: number[][] = tree.map(() => []);
  tree.forEach((w, i) => {
    if (w.head > 0) children[w.head - 1].push(i);
  });
  return children;
}

/** A word and the words coordinated with it ("the army and the police" → army, police). */
export function withConjuncts(tree: SyntaxWord[], children: number[][], word: number): number[] {
  const out = [word];
  for (let k = 0; k < out.length; k++) for (const c of children[out[k]]) if (tree[c].deprel === 'conj') out.push(c);
  return out;
}

/**
 * The arguments of the verb (or predicate) at `verb`. `words` are the sentence's words (to
 * recognise relative pronouns and read prepositions).
 */
export function verbArguments(words: string[], tree: SyntaxWord[], verb: number, children = childrenOf(tree)): VerbArguments {
  const kids = (i: number, ...rels: string[]) => children[i].filter((c) => rels.includes(tree[c].deprel));
  const expand = (list: number[]) => list.flatMap((w) => withConjuncts(tree, children, w));
  let subjects = kids(verb, 'nsubj', 'nsubj:pass', 'csubj', 'csubj:pass');
  let objects = kids(verb, 'obj');
  const passive = kids(verb, 'nsubj:pass', 'csubj:pass', 'aux:pass').length > 0;
  const agents = expand(kids(verb, 'obl:agent'));
  const obliques = kids(verb, 'obl').map((word) => {
    const c = children[word].find((k) => tree[k].deprel === 'case');
    return { word, preposition: c === undefined ? '' : words[c].toLowerCase() };
  });
  // A subject shared by coordinated verbs sits on the first one ("stormed the town and burned...");
  // a controlled verb's subject is its governor's object ("urged the rebels to withdraw") or, when
  // it has none, its subject ("agreed to withdraw").
  if (subjects.length === 0) {
    let v = verb;
    for (let steps = 0; steps < 5 && subjects.length === 0; steps++) {
      const rel = tree[v].deprel;
      if ((rel !== 'conj' && rel !== 'xcomp') || tree[v].head === 0) break;
      v = tree[v].head - 1;
      if (rel === 'xcomp') subjects = kids(v, 'obj');
      if (subjects.length === 0) subjects = kids(v, 'nsubj', 'nsubj:pass');
    }
  }
  let reducedPassive = false;
  // In a relative clause the relative pronoun stands for the noun the clause modifies.
  if (tree[verb].deprel.startsWith('acl') && tree[verb].head > 0) {
    const antecedent = tree[verb].head - 1;
    const resolve = (list: number[]) => list.map((w) => (RELATIVE_PRONOUNS.has(words[w].toLowerCase()) ? antecedent : w));
    subjects = resolve(subjects);
    objects = resolve(objects);
    // A reduced relative has no subject of its own: the noun is the doer of an -ing participle
    // ("the men leading the group") and the patient of a past one ("the convoy attacked by rebels").
    // An infinitive ("the decision to leave") says nothing of who acts.
    const infinitive = children[verb].some((k) => tree[k].deprel === 'mark' && words[k].toLowerCase() === 'to');
    if (subjects.length === 0 && tree[verb].deprel === 'acl' && !infinitive) {
      subjects = [antecedent];
      reducedPassive = !/ing$/i.test(words[verb]);
    }
  }
  return { verb, passive: passive || reducedPassive, subjects: expand(subjects), objects: expand(objects), agents, obliques };
}

/** Apposition pairs: a name and the description set beside it ("Ahmed Karim, the leader of ..."). */
export function appositions(tree: SyntaxWord[]): Array<{ head: number; appos: number }> {
  const out: Array<{ head: number; appos: number }> = [];
  tree.forEach((w, i) => {
    if (w.deprel === 'appos' && w.head > 0) out.push({ head: w.head - 1, appos: i });
  });
  return out;
}
