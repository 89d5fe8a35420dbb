// The entity stage's word lists, read once from data/entities/ and data/catalog/ (see
// data/entities/README.md for what each list means and how to extend it).
import { readFileSync, existsSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import type { EntityType } from '../model/types.js';

export interface Lexicon {
  titles: Set<string>;
  /** Longest title in words, for greedy matching ("prime minister"). */
  titleMaxWords: number;
  heads: Map<string, EntityType>;
  ofPrefixes: Map<string, EntityType>;
  particles: Set<string>;
  /** Compass and size words that make a place of the name they start or end ("South East Asia", "Kowloon West"). */
  compass: Set<string>;
  /** Organization heads that may follow a name in lower case ("Haqqani network"). */
  lowercaseOrgHeads: Set<string>;
  /** Lowercase words after a hyphen that end a name rather than continue it ("Taliban-led"). */
  hyphenSuffixes: Set<string>;
  /** Words of sports reporting (see cues.json). */
  sportsCues: Set<string>;
  notNames: Set<string>;
  common: Set<string>;
  givenNames: Set<string>;
  /** Demonym (lowercase) → the place's name. */
  demonyms: Map<string, string>;
  groups: Set<string>;
  nominals: Map<string, EntityType>;
  pronouns: Map<string, EntityType>;
  /** Heads of descriptions of a part of a named group: "a faction of X". */
  partHeads: Set<string>;
}

interface CuesFile {
  personTitles: string[];
  orgHeads: string[];
  gpeHeads: string[];
  locHeads: string[];
  facHeads: string[];
  eventHeads: string[];
  lawHeads: string[];
  productHeads: string[];
  ofPrefixes: Record<string, string[] | string>;
  nameParticles: string[];
  notNames: string[];
  compassWords?: string[];
  lowercaseOrgHeads?: string[];
  hyphenSuffixes?: string[];
  sportsCues?: string[];
}

function readJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(dataPath(...parts), 'utf8')) as T;
}

function readWordList(...parts: string[]): Set<string> {
  const file = dataPath(...parts);
  if (!existsSync(file)) return new Set();
  return new Set(readFileSync(file, 'utf8').split('\n').map((l) => l.trim().toLowerCase()).filter((l) => l && !l.startsWith('#')));
}

let lexicon: Lexicon | null = null;

export function getLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const cues = readJson<CuesFile>('entities', 'cues.json');
  const norp = readJson<{ demonyms: Record<string, string>; groups: string[] }>('entities', 'norp.json');
  const nominalFile = readJson<Record<string, unknown>>('entities', 'nominals.json');
  const heads = new Map<string, EntityType>();
  // Later lists win on a shared word: a word both place-like and organization-like is read as the latter.
  const headLists: Array<[EntityType, string[]]> = [
    ['PRODUCT', cues.productHeads], ['GPE', cues.gpeHeads], ['LOC', cues.locHeads], ['FAC', cues.facHeads],
    ['EVENT', cues.eventHeads], ['LAW', cues.lawHeads], ['ORG', cues.orgHeads],
  ];
  for (const [type, words] of headLists) for (const w of words) heads.set(w, type);
  const ofPrefixes = new Map<string, EntityType>();
  for (const [type, words] of Object.entries(cues.ofPrefixes)) if (Array.isArray(words)) for (const w of words) ofPrefixes.set(w, type as EntityType);
  const nominals = new Map<string, EntityType>();
  const pronouns = new Map<string, EntityType>();
  for (const [type, words] of Object.entries(nominalFile)) if (Array.isArray(words)) for (const w of words as string[]) nominals.set(w, type as EntityType);
  for (const [type, words] of Object.entries((nominalFile.pronouns ?? {}) as Record<string, string[]>)) for (const w of words) pronouns.set(w, type as EntityType);
  const givenNames = readWordList('catalog', 'given-names.txt');
  for (const w of readWordList('entities', 'given-names.txt')) givenNames.add(w);
  lexicon = {
    titles: new Set(cues.personTitles),
    titleMaxWords: Math.max(...cues.personTitles.map((t) => t.split(' ').length)),
    heads,
    ofPrefixes,
    particles: new Set(cues.nameParticles),
    compass: new Set(cues.compassWords ?? []),
    lowercaseOrgHeads: new Set(cues.lowercaseOrgHeads ?? []),
    hyphenSuffixes: new Set(cues.hyphenSuffixes ?? []),
    sportsCues: new Set(cues.sportsCues ?? []),
    notNames: new Set(cues.notNames),
    common: readWordList('entities', 'common-words.txt'),
    givenNames,
    demonyms: new Map(Object.entries(norp.demonyms).map(([k, v]) => [k.toLowerCase(), v])),
    groups: new Set(norp.groups.map((g) => g.toLowerCase())),
    nominals,
    pronouns,
    partHeads: new Set(((nominalFile.partHeads as { ORG?: string[] } | undefined)?.ORG ?? []).map((w) => w.toLowerCase())),
  };
  return lexicon;
}

/** "Afghans" → "afghan" when that is a demonym or group word; null otherwise. */
export function norpWord(lex: Lexicon, lower: string): string | null {
  if (lex.demonyms.has(lower) || lex.groups.has(lower)) return lower;
  if (lower.endsWith('s')) {
    const sing = lower.slice(0, -1);
    if (lex.demonyms.has(sing) || lex.groups.has(sing)) return sing;
  }
  if (lower.endsWith('es') && lex.demonyms.has(lower.slice(0, -2))) return lower.slice(0, -2);
  // Followers of a creed or school: "Scientologist", "Islamists", "Maoist".
  if (/^\p{L}{3,}ists?$/u.test(lower) && !['list', 'lists', 'artist', 'artists', 'tourist', 'tourists', 'dentist', 'scientist', 'scientists', 'journalist', 'journalists', 'specialist', 'specialists', 'assist', 'exist', 'insist', 'resist', 'persist', 'consist', 'twist', 'wrist', 'mist', 'fist', 'gist'].includes(lower)) return lower.replace(/s$/, '');
  return null;
}
