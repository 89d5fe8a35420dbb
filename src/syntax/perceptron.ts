// Averaged perceptron over sparse features, shared by the tagger and the parser.
//
// Training keeps, for each feature, only the classes it was ever updated for: a parser with ~100
// labelled transitions would need gigabytes as dense rows. Entries live in flat typed arrays as
// one linked list per feature. Averaging uses the lazy trick (Daumé): beside each weight w we keep
// u = Σ t·Δ over its updates at instance counter t, so the average over all instances is w − u/t.
//
// The trained model is frozen into `SparseWeights` (contiguous rows, weights quantized to 16-bit
// integers with one scale, small weights pruned), the form that is shipped and used to predict.

export type FeatureKey = number | string;

export class PerceptronTrainer {
  private readonly head = new Map<FeatureKey, number>();
  private next = new Int32Array(1 << 16);
  private cls = new Uint16Array(1 << 16);
  private w = new Float32Array(1 << 16);
  private u = new Float64Array(1 << 16);
  private size = 0;
  /** Instances seen so far: the clock of the averaging. */
  private t = 1;

  constructor(readonly classes: number) {}

  get features(): number {
    return this.head.size;
  }

  /** Adds each feature's current (unaveraged) weights to `scores` (length `classes`, zeroed by the caller). */
  score(features: ArrayLike<FeatureKey>, scores: Float64Array): void {
    for (let j = 0; j < features.length; j++) {
      const f = features[j];
      for (let e = this.head.get(f) ?? -1; e >= 0; e = this.next[e]) scores[this.cls[e]] += this.w[e];
    }
  }

  /** One perceptron step: promote `truth`, demote `guess` (nothing if they agree); then ticks the clock. */
  update(features: ArrayLike<FeatureKey>, truth: number, guess: number): void {
    if (truth !== guess) {
      for (let j = 0; j < features.length; j++) {
        this.add(features[j], truth, 1);
        this.add(features[j], guess, -1);
      }
    }
    this.t++;
  }

  private add(f: FeatureKey, c: number, delta: number): void {
    let e = this.head.get(f) ?? -1;
    for (; e >= 0; e = this.next[e]) if (this.cls[e] === c) break;
    if (e < 0) {
      e = this.alloc();
      this.cls[e] = c;
      this.next[e] = this.head.get(f) ?? -1;
      this.head.set(f, e);
    }
    this.w[e] += delta;
    this.u[e] += this.t * delta;
  }

  private alloc(): number {
    if (this.size === this.next.length) {
      const grow = <T extends Int32Array | Uint16Array | Float32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.next = grow(this.next);
      this.cls = grow(this.cls);
      this.w = grow(this.w);
      this.u = grow(this.u);
    }
    return this.size++;
  }

  /**
   * The averaged weights, frozen: entries whose averaged weight is below `prune` in absolute value
   * are dropped (they rarely change a decision), the rest quantized to 16-bit integers.
   */
  freeze(prune = 0): SparseWeights {
    const keys: FeatureKey[] = [];
    const offsets: number[] = [0];
    const cls: number[] = [];
    const avg: number[] = [];
    let max = 0;
    for (const [f, first] of this.head) {
      const start = cls.length;
      for (let e = first; e >= 0; e = this.next[e]) {
        const a = this.w[e] - this.u[e] / this.t;
        if (Math.abs(a) <= prune) continue;
        cls.push(this.cls[e]);
        avg.push(a);
        max = Math.max(max, Math.abs(a));
      }
      if (cls.length === start) continue;
      keys.push(f);
      offsets.push(cls.length);
    }
    const scale = max > 0 ? 32767 / max : 1;
    const weights = new Int16Array(avg.length);
    for (let i = 0; i < avg.length; i++) weights[i] = Math.round(avg[i] * scale);
    return new SparseWeights(this.classes, keys, Uint32Array.from(offsets), Uint16Array.from(cls), weights, 1 / scale);
  }
}

/** Frozen, quantized weights: feature → a row of (class, weight) pairs. */
export class SparseWeights {
  private readonly index = new Map<FeatureKey, number>();
  // Numeric keys (the parser's) are also indexed in an open-addressing table over typed arrays:
  // several times faster than a Map, whose keys above 2^31 are boxed numbers.
  private readonly tableKeys: Float64Array;
  private readonly tableRows: Int32Array;
  private readonly mask: number;

  constructor(
    readonly classes: number,
    readonly keys: FeatureKey[],
    readonly offsets: Uint32Array,
    readonly cls: Uint16Array,
    readonly weights: Int16Array,
    readonly scale: number,
  ) {
    for (let i = 0; i < keys.length; i++) this.index.set(keys[i], i);
    const numeric = keys.every((k) => typeof k === 'number');
    let capacity = 1;
    while (numeric && capacity < keys.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.tableKeys = new Float64Array(numeric ? capacity : 0).fill(-1);
    this.tableRows = new Int32Array(numeric ? capacity : 0);
    if (!numeric) return;
    for (let i = 0; i < keys.length; i++) {
      let slot = slotOf(keys[i] as number, this.mask);
      while (this.tableKeys[slot] !== -1) slot = (slot + 1) & this.mask;
      this.tableKeys[slot] = keys[i] as number;
      this.tableRows[slot] = i;
    }
  }

  /** `score` for numeric keys (non-negative integers below 2^53) through the typed-array table. */
  scoreNumeric(features: Float64Array, scores: Float64Array): void {
    const { offsets, cls, weights, tableKeys, tableRows, mask } = this;
    if (tableKeys.length === 0) return this.score(features as unknown as FeatureKey[], scores);
    for (let j = 0; j < features.length; j++) {
      const f = features[j];
      let slot = slotOf(f, mask);
      let found = -1;
      for (;;) {
        const k = tableKeys[slot];
        if (k === f) {
          found = tableRows[slot];
          break;
        }
        if (k === -1) break;
        slot = (slot + 1) & mask;
      }
      if (found < 0) continue;
      for (let e = offsets[found], end = offsets[found + 1]; e < end; e++) scores[cls[e]] += weights[e];
    }
  }

  get entries(): number {
    return this.cls.length;
  }

  /** A copy without the weights at or below `threshold` (in averaged-perceptron units) and the rows left empty. */
  pruned(threshold: number): SparseWeights {
    const keys: FeatureKey[] = [];
    const offsets: number[] = [0];
    const cls: number[] = [];
    const weights: number[] = [];
    const limit = threshold / this.scale;
    for (let i = 0; i < this.keys.length; i++) {
      for (let e = this.offsets[i]; e < this.offsets[i + 1]; e++) {
        if (Math.abs(this.weights[e]) <= limit) continue;
        cls.push(this.cls[e]);
        weights.push(this.weights[e]);
      }
      if (cls.length === offsets[offsets.length - 1]) continue;
      keys.push(this.keys[i]);
      offsets.push(cls.length);
    }
    return new SparseWeights(this.classes, keys, Uint32Array.from(offsets), Uint16Array.from(cls), Int16Array.from(weights), this.scale);
  }

  /** Adds the features' weights to `scores` (in quantized units: only their order matters). */
  score(features: ArrayLike<FeatureKey>, scores: Float64Array): void {
    const { offsets, cls, weights } = this;
    for (let j = 0; j < features.length; j++) {
      const i = this.index.get(features[j]);
      if (i === undefined) continue;
      for (let e = offsets[i], end = offsets[i + 1]; e < end; e++) scores[cls[e]] += weights[e];
    }
  }
}

/** Slot of a numeric key (an integer below 2^53) in a table of `mask + 1` slots: a 32-bit mix of its halves. */
function slotOf(key: number, mask: number): number {
  const lo = key >>> 0;
  const hi = (key / 4294967296) | 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & mask;
}
