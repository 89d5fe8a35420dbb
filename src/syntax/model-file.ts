// The shipped model file: one gzip stream holding a JSON header (labels, vocabulary, tag
// dictionary, tagger feature names, section sizes, attribution) followed by the binary weight
// sections. Parser feature keys are sorted integers stored as varint deltas, which gzip well.
import { gunzipSync, gzipSync } from 'node:zlib';
import { SparseWeights } from './perceptron.js';
import type { ParserModel } from './parser.js';
import type { TaggerModel } from './tagger.js';

const MAGIC = 'actorgraph-syntax 1\n';

export interface SyntaxModel {
  tagger: TaggerModel;
  parser: ParserModel;
  /** Where the weights come from and under which licence (the treebank's attribution). */
  source: string;
}

interface Header {
  source: string;
  tagger: { classes: number; keys: string[]; entries: number; scale: number; dictionary: Array<[string, string]> };
  parser: { classes: number; keys: number; entries: number; scale: number; labels: string[]; vocab: string[] };
}

export function writeModel(model: SyntaxModel): Buffer {
  const { tagger, parser } = model;
  // Rows are stored in ascending key order so that the keys delta-encode into small varints.
  const parserOrder = parser.weights.keys.map((_, i) => i).sort((a, b) => (parser.weights.keys[a] as number) - (parser.weights.keys[b] as number));
  const vocab: string[] = [];
  for (const [word, id] of parser.vocab) vocab[id - 3] = word;
  const header: Header = {
    source: model.source,
    tagger: { classes: tagger.weights.classes, keys: tagger.weights.keys as string[], entries: tagger.weights.entries, scale: tagger.weights.scale, dictionary: [...tagger.dictionary] },
    parser: { classes: parser.weights.classes, keys: parserOrder.length, entries: parser.weights.entries, scale: parser.weights.scale, labels: parser.labels, vocab },
  };
  const parts: Buffer[] = [Buffer.from(MAGIC)];
  const headerBytes = Buffer.from(JSON.stringify(header));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(headerBytes.length);
  parts.push(len, headerBytes);
  parts.push(...rows(tagger.weights, tagger.weights.keys.map((_, i) => i)));
  // Parser keys: varint deltas.
  const keyBytes: number[] = [];
  let prev = 0;
  for (const i of parserOrder) {
    const k = parser.weights.keys[i] as number;
    varint(k - prev, keyBytes);
    prev = k;
  }
  const keyLen = Buffer.alloc(4);
  keyLen.writeUInt32LE(keyBytes.length);
  parts.push(keyLen, Buffer.from(keyBytes));
  parts.push(...rows(parser.weights, parserOrder));
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

/** Row lengths, then classes, then weights, each as 16-bit little-endian integers. */
function rows(w: SparseWeights, order: number[]): Buffer[] {
  const lengths = Buffer.alloc(order.length * 2);
  const cls = Buffer.alloc(w.entries * 2);
  const weights = Buffer.alloc(w.entries * 2);
  let e = 0;
  order.forEach((i, j) => {
    const start = w.offsets[i];
    const end = w.offsets[i + 1];
    lengths.writeUInt16LE(end - start, j * 2);
    for (let x = start; x < end; x++, e++) {
      cls.writeUInt16LE(w.cls[x], e * 2);
      weights.writeInt16LE(w.weights[x], e * 2);
    }
  });
  return [lengths, cls, weights];
}

function varint(value: number, out: number[]): void {
  // Keys reach 2^51: plain arithmetic, not 32-bit shifts.
  let v = value;
  while (v >= 128) {
    out.push((v % 128) | 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

export function readModel(gz: Buffer): SyntaxModel {
  const buf = gunzipSync(gz);
  if (buf.subarray(0, MAGIC.length).toString() !== MAGIC) throw new Error('not an actorgraph syntax model');
  let pos = MAGIC.length;
  const headerLen = buf.readUInt32LE(pos);
  pos += 4;
  const header = JSON.parse(buf.subarray(pos, pos + headerLen).toString()) as Header;
  pos += headerLen;
  const readRows = (keys: Array<string | number>, entries: number, classes: number, scale: number): SparseWeights => {
    const offsets = new Uint32Array(keys.length + 1);
    for (let j = 0; j < keys.length; j++) offsets[j + 1] = offsets[j] + buf.readUInt16LE(pos + j * 2);
    pos += keys.length * 2;
    const cls = new Uint16Array(entries);
    for (let e = 0; e < entries; e++) cls[e] = buf.readUInt16LE(pos + e * 2);
    pos += entries * 2;
    const weights = new Int16Array(entries);
    for (let e = 0; e < entries; e++) weights[e] = buf.readInt16LE(pos + e * 2);
    pos += entries * 2;
    return new SparseWeights(classes, keys, offsets, cls, weights, scale);
  };
  const t = header.tagger;
  const taggerWeights = readRows(t.keys, t.entries, t.classes, t.scale);
  const p = header.parser;
  const keyLen = buf.readUInt32LE(pos);
  pos += 4;
  const keys: number[] = [];
  let prev = 0;
  for (let end = pos + keyLen; pos < end; ) {
    let v = 0;
    let mul = 1;
    for (;;) {
      const byte = buf[pos++];
      v += (byte & 127) * mul;
      if (byte < 128) break;
      mul *= 128;
    }
    prev += v;
    keys.push(prev);
  }
  const parserWeights = readRows(keys, p.entries, p.classes, p.scale);
  return {
    source: header.source,
    tagger: { weights: taggerWeights, dictionary: new Map(t.dictionary) },
    parser: { weights: parserWeights, labels: p.labels, vocab: new Map(p.vocab.map((w, i) => [w, i + 3])) },
  };
}
