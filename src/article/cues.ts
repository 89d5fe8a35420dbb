// Page-chrome cue lists (data/article/cues/*.txt, format in data/article/README.md), compiled once.
import { readdirSync, readFileSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import { normalForm } from './normal-form.js';

export interface CueHit {
  reason: string;
  /** `line`: the whole line is the cue (or a regular expression matched); `contains`: a phrase inside it. */
  kind: 'line' | 'contains';
  /** The line opens a section of chrome (related stories, comments) that the following short lines belong to. */
  opensSection: boolean;
  cue: string;
}

export interface CueSet {
  /** Whole-line phrases (normal form) → reason and whether the line opens a section. */
  exact: Map<string, { reason: string; opensSection: boolean }>;
  /** Whole-line phrases with a `*`. */
  exactPatterns: Array<{ reason: string; re: RegExp; cue: string; opensSection: boolean }>;
  contains: Array<{ reason: string; re: RegExp; cue: string; first: string }>;
  /** Contained phrases by their first word: a line is only tested against phrases whose first word it has. */
  byFirstWord?: Map<string, CueSet['contains']>;
  patterns: Array<{ reason: string; re: RegExp; cue: string; opensSection: boolean }>;
}

/** Parses one cue file; `file` names it in error messages. */
export function parseCueFile(content: string, file: string, into: CueSet = emptyCueSet()): CueSet {
  let reason: string | null = null;
  content.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const section = /^\[([a-z_-]+)\]$/.exec(line);
    if (section) { reason = section[1]; return; }
    if (!reason) throw new Error(`${file}:${i + 1}: cue before any [reason] line`);
    if (line.startsWith('/') || line.startsWith('>/')) {
      const opens = line.startsWith('>');
      const m = /^\/(.+)\/([a-z]*)$/.exec(opens ? line.slice(1) : line);
      if (!m) throw new Error(`${file}:${i + 1}: a regular expression must be written /.../flags`);
      let re: RegExp;
      try { re = new RegExp(m[1], m[2].includes('u') ? m[2] : m[2] + 'u'); } catch (err) { throw new Error(`${file}:${i + 1}: ${(err as Error).message}`); }
      into.patterns.push({ reason, re, cue: line, opensSection: opens });
      return;
    }
    const wholeLine = line.startsWith('=') || line.startsWith('>');
    const phrase = wholeLine ? line.slice(1) : line;
    if (wholeLine && !phrase.includes('*')) {
      const norm = normalForm(phrase);
      if (norm) into.exact.set(norm, { reason, opensSection: line.startsWith('>') });
      return;
    }
    const body = phraseRegex(phrase);
    if (!body) return;
    if (wholeLine) into.exactPatterns.push({ reason, re: new RegExp(`^${body}$`, 'u'), cue: line, opensSection: line.startsWith('>') });
    else {
      into.contains.push({ reason, re: new RegExp(`(?:^|(?<= ))${body}(?= |$)`, 'u'), cue: line, first: normalForm(phrase).split(' ')[0] });
      into.byFirstWord = undefined;
    }
  });
  return into;
}

export function emptyCueSet(): CueSet {
  return { exact: new Map(), exactPatterns: [], contains: [], patterns: [] };
}

/** A phrase in normal form as a regular expression source; `*` stands for one to four words. */
function phraseRegex(phrase: string): string | null {
  const words = normalForm(phrase.replace(/\*/g, ' zzwildzz ')).split(' ').filter(Boolean);
  if (words.length === 0) return null;
  const body = words.map((w) => (w === 'zzwildzz' ? '(?: [\\p{L}\\p{N}]+){1,4}' : ' ' + w)).join('');
  return body.startsWith(' ') ? body.slice(1) : body;
}

let cached: CueSet | null = null;

/** Every cue file of data/article/cues, all languages together (translated pages mix them). */
export function defaultCues(): CueSet {
  if (cached) return cached;
  const dir = dataPath('article', 'cues');
  const set = emptyCueSet();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    parseCueFile(readFileSync(`${dir}/${name}`, 'utf8'), `data/article/cues/${name}`, set);
  }
  cached = set;
  return set;
}

/** The cues a line (as written) matches: whole-line matches first, then contained phrases. */
export function matchCues(line: string, cues: CueSet = defaultCues(), options: { contains?: boolean } = {}): CueHit[] {
  const norm = normalForm(line);
  const hits: CueHit[] = [];
  const exact = cues.exact.get(norm);
  if (exact) hits.push({ reason: exact.reason, kind: 'line', opensSection: exact.opensSection, cue: norm });
  for (const p of cues.exactPatterns) if (p.re.test(norm)) hits.push({ reason: p.reason, kind: 'line', opensSection: p.opensSection, cue: p.cue });
  const trimmed = line.trim();
  for (const p of cues.patterns) if (p.re.test(trimmed)) hits.push({ reason: p.reason, kind: 'line', opensSection: p.opensSection, cue: p.cue });
  if (norm && options.contains !== false) {
    if (!cues.byFirstWord) {
      cues.byFirstWord = new Map();
      for (const c of cues.contains) cues.byFirstWord.set(c.first, [...(cues.byFirstWord.get(c.first) ?? []), c]);
    }
    const seen = new Set<string>();
    for (const word of norm.split(' ')) {
      if (seen.has(word)) continue;
      seen.add(word);
      for (const c of cues.byFirstWord.get(word) ?? []) if (c.re.test(norm)) hits.push({ reason: c.reason, kind: 'contains', opensSection: false, cue: c.cue });
    }
  }
  return hits;
}
