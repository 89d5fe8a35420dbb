// Reads the MEANTIME corpus (../shared/data/meantime-en, CAT XML in a .tar.gz) into plain texts
// with their gold time expressions as character offsets, to check that the rules hold on news
// they were not written against. Used by a test and the benchmark; no data is copied anywhere.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export interface GoldTimex {
  start: number;
  end: number;
  type: string;
  value: string;
}

export interface MeantimeDoc {
  name: string;
  text: string;
  /** The document creation time (YYYY-MM-DD), when the file has one. */
  dct: string | null;
  gold: GoldTimex[];
  /** MEANTIME annotates only the first sentences of an article: offsets past this are not scored. */
  annotatedEnd: number;
}

/** The files of an uncompressed tar archive (ustar: 512-byte headers, data padded to 512). */
function* tarEntries(buf: Buffer): Generator<{ name: string; data: Buffer }> {
  let off = 0;
  let longName: string | null = null;
  while (off + 512 <= buf.length) {
    const header = buf.subarray(off, off + 512);
    if (header.every((b) => b === 0)) return;
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const prefix = header.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(header.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 48);
    off += 512;
    const data = buf.subarray(off, off + size);
    off += Math.ceil(size / 512) * 512;
    // Names longer than 100 bytes come in a GNU long-name entry ('L') or a pax header ('x') first.
    if (type === 'L') longName = data.toString('utf8').replace(/\0.*$/s, '');
    else if (type === 'x') longName = /\d+ path=([^\n]*)\n/.exec(data.toString('utf8'))?.[1] ?? null;
    else if (type === '0' || type === '\0') {
      yield { name: longName ?? (prefix ? `${prefix}/${name}` : name), data };
      longName = null;
    }
  }
}

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

/** No space before closing punctuation and clitics, none after an opening bracket: readable text. */
const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', "'s", "'", ')', '%', '?', '!', "n't", "''"]);

export function parseMeantimeXml(name: string, xml: string): MeantimeDoc {
  const tokens: Array<{ id: string; sentence: number; text: string }> = [];
  for (const m of xml.matchAll(/<token\b([^>]*)>([^<]*)<\/token>/g)) {
    tokens.push({ id: attr(m[1], 't_id') ?? '', sentence: Number(attr(m[1], 'sentence') ?? 0), text: decode(m[2]) });
  }
  let text = '';
  const offsets = new Map<string, [number, number, number]>();
  tokens.forEach((t, i) => {
    if (i > 0) {
      const prev = tokens[i - 1];
      if (t.sentence !== prev.sentence) text += '\n';
      else if (!NO_SPACE_BEFORE.has(t.text) && !['(', '$', '``'].includes(prev.text)) text += ' ';
    }
    offsets.set(t.id, [text.length, text.length + t.text.length, t.sentence]);
    text += t.text;
  });
  const gold: GoldTimex[] = [];
  let dct: string | null = null;
  let lastSentence = -1;
  const markables = /<Markables>([\s\S]*?)<\/Markables>/.exec(xml)?.[1] ?? '';
  for (const m of markables.matchAll(/<(\w+)\b([^>]*?)(\/>|>([\s\S]*?)<\/\1>)/g)) {
    const anchors = [...(m[4] ?? '').matchAll(/<token_anchor\s+t_id="([^"]+)"/g)].map((a) => offsets.get(a[1])).filter((a): a is [number, number, number] => !!a);
    for (const a of anchors) lastSentence = Math.max(lastSentence, a[2]);
    if (m[1] !== 'TIMEX3') continue;
    const value = attr(m[2], 'value') ?? '';
    if (attr(m[2], 'functionInDocument') === 'CREATION_TIME' && !dct && /^\d{4}-\d{2}-\d{2}/.test(value)) dct = value.slice(0, 10);
    if (!anchors.length) continue;
    gold.push({ start: Math.min(...anchors.map((a) => a[0])), end: Math.max(...anchors.map((a) => a[1])), type: attr(m[2], 'type') ?? '', value });
  }
  let annotatedEnd = 0;
  for (const [, end, sentence] of offsets.values()) if (sentence <= lastSentence && end > annotatedEnd) annotatedEnd = end;
  return { name, text, dct, gold, annotatedEnd };
}

export function readMeantime(tarGz: string): MeantimeDoc[] {
  const docs: MeantimeDoc[] = [];
  for (const entry of tarEntries(gunzipSync(readFileSync(tarGz)))) {
    if (!entry.name.endsWith('.xml')) continue;
    docs.push(parseMeantimeXml(entry.name.split('/').pop()!, entry.data.toString('utf8')));
  }
  return docs;
}

export interface MatchFigures {
  gold: number;
  system: number;
  relaxed: number;
  strict: number;
  valueCorrect: number;
}

/** TempEval-style one-to-one pairing (identical extents first, then largest overlap). */
export function matchTimexes(gold: GoldTimex[], system: GoldTimex[]): MatchFigures {
  const used = new Set<number>();
  const paired: Array<[GoldTimex, GoldTimex]> = [];
  const open: GoldTimex[] = [];
  for (const g of gold) {
    const i = system.findIndex((s, k) => !used.has(k) && s.start === g.start && s.end === g.end);
    if (i >= 0) used.add(i), paired.push([g, system[i]]);
    else open.push(g);
  }
  for (const g of open) {
    let best = -1;
    let overlap = 0;
    system.forEach((s, k) => {
      const o = Math.min(s.end, g.end) - Math.max(s.start, g.start);
      if (!used.has(k) && o > overlap) [best, overlap] = [k, o];
    });
    if (best >= 0) used.add(best), paired.push([g, system[best]]);
  }
  return {
    gold: gold.length,
    system: system.length,
    relaxed: paired.length,
    strict: paired.filter(([g, s]) => g.start === s.start && g.end === s.end).length,
    valueCorrect: paired.filter(([g, s]) => g.value === s.value).length,
  };
}
