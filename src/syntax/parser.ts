// Greedy arc-eager dependency parser with labelled transitions, scored by an averaged perceptron
// and trained with the dynamic oracle of Goldberg & Nivre (2012): at every state the oracle knows
// which transitions lose no more gold arcs, so training can follow the model's own (possibly
// wrong) predictions and learn to recover from them, as it must at test time.
//
// Positions: 1..n are the words and n + 1 the artificial root, placed at the END of the buffer
// (Ballesteros & Nivre 2013): the choice of the sentence's root waits until every word has been
// seen, instead of being made, often wrongly, as soon as a plausible word comes along. The root
// takes exactly one dependent (label `root`); words left without a head at the end are attached
// after the fact (see `finish`). Heads are given outside as 0 for the root, as in CoNLL-U.
import { PerceptronTrainer, SparseWeights } from './perceptron.js';
import { UPOS, normalizeWord, shuffle } from './tagger.js';
import { seededRandom } from '../model/random.js';

const SHIFT = 0;
const REDUCE = 1;
// Class 2 + 2l is LEFT-ARC with label l, 3 + 2l is RIGHT-ARC with label l.

export interface ParserModel {
  weights: SparseWeights;
  labels: string[];
  /** Normalized word → feature id (3 and up); 0 is "no word", 1 an unknown word, 2 the root. */
  vocab: Map<string, number>;
}

export interface ParsedWord {
  head: number;
  deprel: string;
}

const TAG_INDEX = new Map<string, number>(UPOS.map((t, i) => [t, i + 2]));
const NONE = 0;
const ROOT_TAG = 1;
const ROOT_WORD = 2;
const UNKNOWN_WORD = 1;
// Radix of each kind of value packed into a numeric feature key (template id first, 7 bits):
// at most 7 + 17 + 5 + 17 + 5 = 51 bits, within a double's exact integers.
const WR = 1 << 17;
const TR = 32;
const LR = 64;
const DR = 16;

/** The parser state, in flat arrays reused across transitions. */
class State {
  readonly n: number;
  /** Position of the artificial root: n + 1. */
  readonly root: number;
  readonly stack: Int32Array;
  sp = 0;
  b = 1;
  readonly heads: Int32Array;
  readonly labels: Int32Array;
  readonly inStack: Uint8Array;
  // Two leftmost and two rightmost dependents of each position, and dependent counts, for features.
  readonly l1: Int32Array;
  readonly l2: Int32Array;
  readonly r1: Int32Array;
  readonly r2: Int32Array;
  readonly nl: Uint8Array;
  readonly nr: Uint8Array;
  rootTaken = false;

  constructor(n: number) {
    this.n = n;
    this.root = n + 1;
    const size = n + 2;
    this.stack = new Int32Array(size);
    this.heads = new Int32Array(size).fill(-1);
    this.labels = new Int32Array(size).fill(-1);
    this.inStack = new Uint8Array(size);
    this.l1 = new Int32Array(size).fill(-1);
    this.l2 = new Int32Array(size).fill(-1);
    this.r1 = new Int32Array(size).fill(-1);
    this.r2 = new Int32Array(size).fill(-1);
    this.nl = new Uint8Array(size);
    this.nr = new Uint8Array(size);
  }

  /** Top of the stack, -1 when the stack is empty. */
  get s0(): number {
    return this.sp > 0 ? this.stack[this.sp - 1] : -1;
  }

  /** No move left: the buffer holds only the root and the stack can neither be reduced nor attached to it. */
  get done(): boolean {
    if (this.b < this.root) return false;
    if (this.sp === 0) return true;
    return this.heads[this.s0] < 0 && this.rootTaken;
  }

  private push(i: number): void {
    this.stack[this.sp++] = i;
    this.inStack[i] = 1;
  }

  private pop(): void {
    this.inStack[this.stack[--this.sp]] = 0;
  }

  private arc(h: number, d: number, label: number): void {
    this.heads[d] = h;
    this.labels[d] = label;
    if (d < h) {
      if (this.l1[h] < 0 || d < this.l1[h]) [this.l2[h], this.l1[h]] = [this.l1[h], d];
      else if (this.l2[h] < 0 || d < this.l2[h]) this.l2[h] = d;
      if (this.nl[h] < 255) this.nl[h]++;
    } else {
      if (this.r1[h] < 0 || d > this.r1[h]) [this.r2[h], this.r1[h]] = [this.r1[h], d];
      else if (this.r2[h] < 0 || d > this.r2[h]) this.r2[h] = d;
      if (this.nr[h] < 255) this.nr[h]++;
    }
    if (h === this.root) this.rootTaken = true;
  }

  /** Whether class c may be applied now; `rootLabel` is the index of `root`. */
  legal(c: number, rootLabel: number): boolean {
    const atRoot = this.b === this.root;
    if (c === SHIFT) return !atRoot;
    const s = this.s0;
    if (s < 0) return false;
    if (c === REDUCE) return this.heads[s] >= 0;
    const label = (c - 2) >> 1;
    if ((c & 1) === 0) return this.heads[s] < 0 && (atRoot ? label === rootLabel && !this.rootTaken : label !== rootLabel); // LEFT
    return !atRoot && label !== rootLabel; // RIGHT
  }

  apply(c: number): void {
    const s = this.s0;
    if (c === SHIFT) this.push(this.b++);
    else if (c === REDUCE) this.pop();
    else if ((c & 1) === 0) {
      this.arc(this.b, s, (c - 2) >> 1);
      this.pop();
    } else {
      this.arc(s, this.b, (c - 2) >> 1);
      this.push(this.b++);
    }
  }

  /**
   * Words still without a head when the buffer runs out: the first becomes the root's dependent
   * if the root has none, the others hang from the root's dependent with `fallback` (they are
   * rare: the parser nearly always builds a single tree).
   */
  finish(rootLabel: number, fallback: number): void {
    let top = -1;
    for (let i = 1; i <= this.n; i++) if (this.heads[i] === this.root) top = i;
    for (let i = 1; i <= this.n; i++) {
      if (this.heads[i] >= 0) continue;
      if (top < 0) {
        this.arc(this.root, i, rootLabel);
        top = i;
      } else this.arc(top, i, fallback);
    }
  }
}

/** Per-sentence feature atoms: word and tag ids of each position (n + 1 = root). */
interface Atoms {
  w: Int32Array;
  t: Int32Array;
}

function atoms(vocab: Map<string, number>, words: string[], tags: string[]): Atoms {
  const n = words.length;
  const w = new Int32Array(n + 2);
  const t = new Int32Array(n + 2);
  w[n + 1] = ROOT_WORD;
  t[n + 1] = ROOT_TAG;
  for (let i = 0; i < n; i++) {
    w[i + 1] = vocab.get(normalizeWord(words[i])) ?? UNKNOWN_WORD;
    t[i + 1] = TAG_INDEX.get(tags[i]) ?? NONE;
  }
  return { w, t };
}

export const FEATURE_COUNT = 74;

/** Fills `out` with the state's features (numeric keys: template id and packed values). */
function features(st: State, a: Atoms, out: Float64Array): void {
  const { w, t } = a;
  const s0 = st.s0;
  const s1 = st.sp >= 2 ? st.stack[st.sp - 2] : -1;
  const last = st.root;
  const b0 = st.b <= last ? st.b : -1;
  const b1 = st.b + 1 <= last ? st.b + 1 : -1;
  const b2 = st.b + 2 <= last ? st.b + 2 : -1;
  const W = (i: number) => (i < 0 ? NONE : w[i]);
  const T = (i: number) => (i < 0 ? NONE : t[i]);
  const L = (i: number) => (i < 0 || st.labels[i] < 0 ? NONE : st.labels[i] + 1);
  const s0h = s0 >= 0 ? st.heads[s0] : -1;
  const s0h2 = s0h >= 0 ? st.heads[s0h] : -1;
  const s0l = s0 >= 0 ? st.l1[s0] : -1;
  const s0l2 = s0 >= 0 ? st.l2[s0] : -1;
  const s0r = s0 >= 0 ? st.r1[s0] : -1;
  const s0r2 = s0 >= 0 ? st.r2[s0] : -1;
  const b0l = b0 >= 0 ? st.l1[b0] : -1;
  const b0l2 = b0 >= 0 ? st.l2[b0] : -1;
  const s0w = W(s0), s0t = T(s0), b0w = W(b0), b0t = T(b0), b1w = W(b1), b1t = T(b1), b2w = W(b2), b2t = T(b2);
  const d = b0 < 0 || s0 < 0 ? 0 : Math.min(b0 - s0, 10) + (b0 === last ? 11 : 0);
  const s0vl = s0 < 0 ? 0 : Math.min(st.nl[s0], 15), s0vr = s0 < 0 ? 0 : Math.min(st.nr[s0], 15), b0vl = b0 < 0 ? 0 : Math.min(st.nl[b0], 15);
  // The nearest word below s0 still waiting for a head (a subject before its relative clause, say):
  // whether b0 can be its head decides between reducing the stack and attaching b0 lower.
  let waiting = -1;
  for (let i = st.sp - 2; i >= 0; i--) {
    if (st.heads[st.stack[i]] < 0) {
      waiting = st.stack[i];
      break;
    }
  }
  let k = 0;
  out[k++] = 0;
  out[k++] = 1 * WR + s0w;
  out[k++] = 2 * TR + s0t;
  out[k++] = (3 * WR + s0w) * TR + s0t;
  out[k++] = 4 * WR + b0w;
  out[k++] = 5 * TR + b0t;
  out[k++] = (6 * WR + b0w) * TR + b0t;
  out[k++] = 7 * WR + b1w;
  out[k++] = 8 * TR + b1t;
  out[k++] = (9 * WR + b1w) * TR + b1t;
  out[k++] = 10 * WR + b2w;
  out[k++] = 11 * TR + b2t;
  out[k++] = (12 * WR + b2w) * TR + b2t;
  out[k++] = (((13 * WR + s0w) * TR + s0t) * WR + b0w) * TR + b0t;
  out[k++] = ((14 * WR + s0w) * TR + s0t) * WR + b0w;
  out[k++] = ((15 * WR + s0w) * WR + b0w) * TR + b0t;
  out[k++] = ((16 * WR + s0w) * TR + s0t) * TR + b0t;
  out[k++] = ((17 * TR + s0t) * WR + b0w) * TR + b0t;
  out[k++] = (18 * WR + s0w) * WR + b0w;
  out[k++] = (19 * TR + s0t) * TR + b0t;
  out[k++] = (20 * TR + b0t) * TR + b1t;
  out[k++] = ((21 * TR + b0t) * TR + b1t) * TR + b2t;
  out[k++] = ((22 * TR + s0t) * TR + b0t) * TR + b1t;
  out[k++] = ((23 * TR + T(s0h)) * TR + s0t) * TR + b0t;
  out[k++] = ((24 * TR + s0t) * TR + T(s0l)) * TR + b0t;
  out[k++] = ((25 * TR + s0t) * TR + T(s0r)) * TR + b0t;
  out[k++] = ((26 * TR + s0t) * TR + b0t) * TR + T(b0l);
  out[k++] = (27 * WR + s0w) * DR * 2 + d;
  out[k++] = (28 * TR + s0t) * DR * 2 + d;
  out[k++] = (29 * WR + b0w) * DR * 2 + d;
  out[k++] = (30 * TR + b0t) * DR * 2 + d;
  out[k++] = ((31 * WR + s0w) * WR + b0w) * DR * 2 + d;
  out[k++] = ((32 * TR + s0t) * TR + b0t) * DR * 2 + d;
  out[k++] = (33 * WR + s0w) * DR + s0vr;
  out[k++] = (34 * TR + s0t) * DR + s0vr;
  out[k++] = (35 * WR + s0w) * DR + s0vl;
  out[k++] = (36 * TR + s0t) * DR + s0vl;
  out[k++] = (37 * WR + b0w) * DR + b0vl;
  out[k++] = (38 * TR + b0t) * DR + b0vl;
  out[k++] = 39 * WR + W(s0h);
  out[k++] = 40 * TR + T(s0h);
  out[k++] = 41 * LR + L(s0);
  out[k++] = 42 * WR + W(s0l);
  out[k++] = 43 * TR + T(s0l);
  out[k++] = 44 * LR + L(s0l);
  out[k++] = 45 * WR + W(s0r);
  out[k++] = 46 * TR + T(s0r);
  out[k++] = 47 * LR + L(s0r);
  out[k++] = 48 * WR + W(b0l);
  out[k++] = 49 * TR + T(b0l);
  out[k++] = 50 * LR + L(b0l);
  out[k++] = 51 * WR + W(s0h2);
  out[k++] = 52 * TR + T(s0h2);
  out[k++] = 53 * LR + L(s0h);
  out[k++] = 54 * WR + W(s0l2);
  out[k++] = 55 * TR + T(s0l2);
  out[k++] = 56 * LR + L(s0l2);
  out[k++] = 57 * WR + W(s0r2);
  out[k++] = 58 * TR + T(s0r2);
  out[k++] = 59 * LR + L(s0r2);
  out[k++] = 60 * WR + W(b0l2);
  out[k++] = 61 * TR + T(b0l2);
  out[k++] = 62 * LR + L(b0l2);
  out[k++] = ((63 * TR + s0t) * TR + T(s0l)) * TR + T(s0l2);
  out[k++] = ((64 * TR + s0t) * TR + T(s0r)) * TR + T(s0r2);
  out[k++] = ((65 * TR + s0t) * TR + T(s0h)) * TR + T(s0h2);
  out[k++] = ((66 * TR + b0t) * TR + T(b0l)) * TR + T(b0l2);
  out[k++] = 67 * TR + T(s1);
  out[k++] = 68 * WR + W(s1);
  out[k++] = ((69 * TR + T(s1)) * TR + s0t) * TR + b0t;
  out[k++] = ((70 * TR + s0t) * LR + L(s0)) * TR + b0t;
  out[k++] = ((71 * WR + b0w) * TR + b0t) * TR + s0t;
  out[k++] = ((72 * TR + T(waiting)) * TR + s0t) * TR + b0t;
  out[k++] = (73 * WR + W(waiting)) * TR + b0t;
}

/** Parses a tagged sentence with a frozen model. Heads are 0 for the root, else 1-based. */
export function parse(model: ParserModel, words: string[], tags: string[]): ParsedWord[] {
  const n = words.length;
  if (n === 0) return [];
  const a = atoms(model.vocab, words, tags);
  const st = new State(n);
  const classes = model.weights.classes;
  const scores = new Float64Array(classes);
  const feats = new Float64Array(FEATURE_COUNT);
  const rootLabel = model.labels.indexOf('root');
  while (!st.done) {
    features(st, a, feats);
    scores.fill(0);
    model.weights.scoreNumeric(feats, scores);
    st.apply(bestLegal(st, scores, rootLabel));
  }
  st.finish(rootLabel, model.labels.indexOf('dep'));
  const out: ParsedWord[] = [];
  for (let i = 1; i <= n; i++) out.push({ head: st.heads[i] === st.root ? 0 : st.heads[i], deprel: model.labels[st.labels[i]] });
  return out;
}

/** The highest-scoring legal class (as `State.legal`, with each move kind's legality worked out once). */
function bestLegal(st: State, scores: Float64Array, rootLabel: number): number {
  const s = st.s0;
  const atRoot = st.b === st.root;
  const canReduce = s >= 0 && st.heads[s] >= 0;
  const canLeft = s >= 0 && st.heads[s] < 0;
  const canRight = s >= 0 && !atRoot;
  let best = atRoot ? -1 : SHIFT;
  if (canReduce && (best < 0 || scores[REDUCE] > scores[best])) best = REDUCE;
  for (let c = 2; c < scores.length; c += 2) {
    const label = (c - 2) >> 1;
    if (label === rootLabel) {
      if (atRoot && canLeft && !st.rootTaken && (best < 0 || scores[c] > scores[best])) best = c;
      continue;
    }
    if (atRoot) continue;
    if (canLeft && scores[c] > scores[best]) best = c;
    if (canRight && scores[c + 1] > scores[best]) best = c + 1;
  }
  return best;
}

/**
 * Dynamic-oracle cost of each move kind (SHIFT, REDUCE, LEFT, RIGHT, labels aside): how many
 * gold arcs that are still reachable it makes unreachable. Exact for projective gold trees.
 */
function moveCosts(st: State, gh: Int32Array, out: Int32Array): void {
  const s = st.s0;
  const b = st.b;
  const root = st.root;
  let sDepsInBuffer = 0;
  for (let k = b; k < root; k++) if (gh[k] === s) sDepsInBuffer++;
  // The root is always in the buffer, so a word whose gold head is the root still has it there.
  const bHeadInBuffer = b < root && gh[b] > b;
  let bHeadInStack = false;
  let bDepsInStack = 0; // headless stack words whose gold head is b
  let goldRootInStack = false; // the gold root word, headless on the stack below s
  for (let i = 0; i < st.sp; i++) {
    const k = st.stack[i];
    if (gh[b] === k) bHeadInStack = true;
    if (st.heads[k] < 0 && gh[k] === b) bDepsInStack++;
    if (k !== s && st.heads[k] < 0 && gh[k] === root) goldRootInStack = true;
  }
  out[SHIFT] = (bHeadInStack ? 1 : 0) + bDepsInStack;
  out[REDUCE] = sDepsInBuffer;
  // LEFT: s loses its buffer dependents and a gold head further in the buffer; made the root, it
  // takes the single root slot from the gold root still waiting on the stack.
  out[2] = sDepsInBuffer + (s >= 0 && gh[s] > b ? 1 : 0) + (b === root && s >= 0 && gh[s] !== root && goldRootInStack ? 1 : 0);
  out[3] = bDepsInStack + (gh[b] !== s && (bHeadInBuffer || bHeadInStack) ? 1 : 0);
}

export interface ParserTrainOptions {
  epochs: number;
  /** Probability of following the model's own wrong prediction once exploration starts (epoch 2). */
  explore?: number;
  seed?: number;
  evaluate?: (model: ParserModel, epoch: number) => number;
  log?: (line: string) => void;
  /** Averaged weights at or below this size are dropped when freezing. */
  prune?: number;
}

export interface ParserTrainSentence {
  words: string[];
  /** Tags the parser sees: predicted (jack-knifed) ones, as at test time. */
  tags: string[];
  heads: number[];
  deprels: string[];
}

/** Normalized words seen at least twice: rarer ones share the unknown-word id. */
export function buildVocab(sentences: ParserTrainSentence[], minCount = 2): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const w of s.words) counts.set(normalizeWord(w), (counts.get(normalizeWord(w)) ?? 0) + 1);
  const vocab = new Map<string, number>();
  for (const [word, c] of [...counts].sort((x, y) => y[1] - x[1])) {
    if (c < minCount || vocab.size + 3 >= WR) break;
    vocab.set(word, vocab.size + 3);
  }
  return vocab;
}

export function trainParser(sentences: ParserTrainSentence[], options: ParserTrainOptions): ParserModel {
  const labels = [...new Set(sentences.flatMap((s) => s.deprels))].sort();
  if (!labels.includes('dep')) labels.push('dep');
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const rootLabel = labelIndex.get('root')!;
  const vocab = buildVocab(sentences);
  const classes = 2 + 2 * labels.length;
  const trainer = new PerceptronTrainer(classes);
  const rng = seededRandom(options.seed ?? 7);
  const explore = options.explore ?? 0.9;
  const order = sentences.map((_, i) => i);
  const scores = new Float64Array(classes);
  const feats = new Float64Array(FEATURE_COUNT);
  const costs = new Int32Array(4);
  const prepared = sentences.map((s) => ({
    atoms: atoms(vocab, s.words, s.tags),
    // Gold heads in the parser's positions: the root is n + 1.
    gh: Int32Array.from([-1, ...s.heads.map((h) => (h === 0 ? s.words.length + 1 : h)), -1]),
    gl: Int32Array.from([-1, ...s.deprels.map((d) => labelIndex.get(d)!), -1]),
  }));
  let best: { model: ParserModel; score: number } | null = null;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, rng);
    let transitions = 0;
    let mistakes = 0;
    for (const si of order) {
      const { atoms: a, gh, gl } = prepared[si];
      const st = new State(sentences[si].words.length);
      while (!st.done) {
        features(st, a, feats);
        scores.fill(0);
        trainer.score(feats, scores);
        moveCosts(st, gh, costs);
        const s = st.s0;
        const b = st.b;
        let pred = -1;
        let gold = -1;
        let predCost = 0;
        let minCost = Infinity;
        for (let c = 0; c < classes; c++) {
          if (!st.legal(c, rootLabel)) continue;
          let cost: number;
          if (c < 2) cost = costs[c];
          else if ((c & 1) === 0) cost = costs[2] + (gh[s] === b && gl[s] !== (c - 2) >> 1 ? 1 : 0);
          else cost = costs[3] + (gh[b] === s && gl[b] !== (c - 2) >> 1 ? 1 : 0);
          if (pred < 0 || scores[c] > scores[pred]) {
            pred = c;
            predCost = cost;
          }
          if (cost < minCost || (cost === minCost && scores[c] > scores[gold])) {
            minCost = cost;
            gold = c;
          }
        }
        transitions++;
        if (predCost > minCost) {
          mistakes++;
          trainer.update(feats, gold, pred);
          st.apply(epoch > 1 && rng() < explore ? pred : gold);
        } else {
          trainer.update(feats, pred, pred);
          st.apply(pred);
        }
      }
    }
    const model: ParserModel = { weights: trainer.freeze(options.prune ?? 0), labels, vocab };
    const score = options.evaluate?.(model, epoch);
    options.log?.(`parser epoch ${epoch}: ${(mistakes / transitions).toFixed(4)} of transitions wrong${score === undefined ? '' : `, dev ${score.toFixed(4)}`}, ${trainer.features} features`);
    if (score === undefined || !best || score > best.score) best = { model, score: score ?? 0 };
  }
  return best!.model;
}
