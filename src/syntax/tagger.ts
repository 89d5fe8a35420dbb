// Greedy left-to-right UPOS tagger: an averaged perceptron over the classic feature set (word and
// its lowercase, prefixes and suffixes of one to four letters, word shape, the two previous
// predicted tags, the neighbouring words), plus a dictionary of frequent unambiguous words that
// are tagged without scoring.
import { PerceptronTrainer, SparseWeights } from './perceptron.js';
import { seededRandom } from '../model/random.js';

export const UPOS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X'] as const;
const UPOS_INDEX = new Map<string, number>(UPOS.map((t, i) => [t, i]));

export interface TaggerModel {
  weights: SparseWeights;
  /** Frequent words (lower-cased) seen with one tag nearly always: tagged directly. */
  dictionary: Map<string, string>;
}

/** Letters → X/x, digits → d, other characters kept; runs of one class collapsed to two. */
export function wordShape(word: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of word.slice(0, 12)) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= 2) out += c;
  }
  return out;
}

/** Lower-cased, with digits folded so that numbers share statistics ("1984" → "0000"). */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/\d/g, '0');
}

/** Per-sentence context: the features of word i need its neighbours' forms. */
interface Context {
  words: string[];
  norms: string[];
  shapes: string[];
}

function context(words: string[]): Context {
  return { words, norms: words.map(normalizeWord), shapes: words.map(wordShape) };
}

function features(ctx: Context, i: number, prev: string, prev2: string): string[] {
  const { words, norms, shapes } = ctx;
  const n = norms[i];
  const at = (k: number) => (k < 0 ? '<s>' : k >= norms.length ? '</s>' : norms[k]);
  const suffix = (k: number) => (k < 0 || k >= norms.length ? '-' : norms[k].slice(-3));
  const f = [
    'b',
    'w=' + words[i],
    'n=' + n,
    'sh=' + shapes[i],
    'p1=' + n.slice(0, 1),
    'p2=' + n.slice(0, 2),
    'p3=' + n.slice(0, 3),
    'p4=' + n.slice(0, 4),
    's1=' + n.slice(-1),
    's2=' + n.slice(-2),
    's3=' + n.slice(-3),
    's4=' + n.slice(-4),
    't1=' + prev,
    't12=' + prev2 + ' ' + prev,
    't1n=' + prev + ' ' + n,
    'n-1=' + at(i - 1),
    'n-2=' + at(i - 2),
    'n+1=' + at(i + 1),
    'n+2=' + at(i + 2),
    'n-1n=' + at(i - 1) + ' ' + n,
    'nn+1=' + n + ' ' + at(i + 1),
    's3-1=' + suffix(i - 1),
    's3+1=' + suffix(i + 1),
    'sh+1=' + (i + 1 < shapes.length ? shapes[i + 1] : '</s>'),
    't1s3=' + prev + ' ' + n.slice(-3),
  ];
  if (i === 0) f.push('first sh=' + shapes[i]);
  return f;
}

function fromDictionary(dictionary: Map<string, string>, word: string): string | undefined {
  return dictionary.get(word.toLowerCase());
}

/** Tags a sentence with a frozen model. */
export function tag(model: TaggerModel, words: string[]): string[] {
  const ctx = context(words);
  const tags: string[] = [];
  const scores = new Float64Array(UPOS.length);
  let prev = '<s>';
  let prev2 = '<s>';
  for (let i = 0; i < words.length; i++) {
    let t = fromDictionary(model.dictionary, words[i]);
    if (!t) {
      scores.fill(0);
      model.weights.score(features(ctx, i, prev, prev2), scores);
      t = UPOS[argmax(scores)];
    }
    tags.push(t);
    prev2 = prev;
    prev = t;
  }
  return tags;
}

function argmax(scores: Float64Array): number {
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c] > scores[best]) best = c;
  return best;
}

export interface TaggedSentence {
  words: string[];
  upos: string[];
}

/** Words seen at least `minCount` times with one tag in at least `share` of them. */
export function buildDictionary(sentences: TaggedSentence[], minCount = 20, share = 0.99): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const s of sentences) {
    s.words.forEach((w, i) => {
      const key = w.toLowerCase();
      const byTag = counts.get(key) ?? new Map<string, number>();
      byTag.set(s.upos[i], (byTag.get(s.upos[i]) ?? 0) + 1);
      counts.set(key, byTag);
    });
  }
  const dictionary = new Map<string, string>();
  for (const [word, byTag] of counts) {
    let total = 0;
    let best = '';
    let bestCount = 0;
    for (const [t, c] of byTag) {
      total += c;
      if (c > bestCount) [best, bestCount] = [t, c];
    }
    if (total >= minCount && bestCount / total >= share) dictionary.set(word, best);
  }
  return dictionary;
}

export interface TrainOptions {
  epochs: number;
  /** Called after each epoch with the frozen model; returns its score (higher is better) for early stopping. */
  evaluate?: (model: TaggerModel, epoch: number) => number;
  seed?: number;
  log?: (line: string) => void;
}

/** Trains a tagger; returns the best epoch's model when `evaluate` is given, else the last one. */
export function trainTagger(sentences: TaggedSentence[], options: TrainOptions): TaggerModel {
  const dictionary = buildDictionary(sentences);
  const trainer = new PerceptronTrainer(UPOS.length);
  const rng = seededRandom(options.seed ?? 1);
  const order = sentences.map((_, i) => i);
  const scores = new Float64Array(UPOS.length);
  let best: { model: TaggerModel; score: number } | null = null;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, rng);
    let correct = 0;
    let total = 0;
    for (const si of order) {
      const s = sentences[si];
      const ctx = context(s.words);
      let prev = '<s>';
      let prev2 = '<s>';
      for (let i = 0; i < s.words.length; i++) {
        const gold = UPOS_INDEX.get(s.upos[i]);
        let guess = fromDictionary(dictionary, s.words[i]);
        if (!guess && gold !== undefined) {
          const f = features(ctx, i, prev, prev2);
          scores.fill(0);
          trainer.score(f, scores);
          const g = argmax(scores);
          trainer.update(f, gold, g);
          guess = UPOS[g];
        }
        guess ??= s.upos[i];
        if (guess === s.upos[i]) correct++;
        total++;
        // Previous-tag features see predicted tags, as at test time.
        prev2 = prev;
        prev = guess;
      }
    }
    const model = { weights: trainer.freeze(), dictionary };
    const score = options.evaluate?.(model, epoch);
    options.log?.(`tagger epoch ${epoch}: train accuracy ${(correct / total).toFixed(4)}${score === undefined ? '' : `, dev ${score.toFixed(4)}`}, ${trainer.features} features`);
    if (score === undefined || !best || score > best.score) best = { model, score: score ?? 0 };
  }
  return best!.model;
}


export function shuffle<T>(items: T[], rng: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
