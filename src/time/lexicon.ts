// The time vocabulary of one language, read from data/time/<lang>.json and data/time/events.json,
// with the regular-expression alternations the rules are built from. Loaded once per language.
import { readFileSync, existsSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import { InputError } from '../model/errors.js';

export interface LanguageData {
  language: string;
  months: Record<string, number>;
  ambiguousMonths: string[];
  weekdays: Record<string, number>;
  ambiguousWeekdays: string[];
  numbers: Record<string, number>;
  vagueQuantities: string[];
  ordinals: Record<string, number>;
  units: Record<string, string>;
  adjectiveUnits: Record<string, string>;
  seasons: Record<string, string>;
  partsOfDay: Record<string, string>;
  relativeDays: Record<string, number | string>;
  references: Record<string, string>;
  relativeShift: Record<string, number | string>;
  ago: string[];
  fuzzyPosition: Record<string, string>;
  approximators: string[];
  futureCues: string[];
  pastAuxiliaries: string[];
  perfectAuxiliaries: string[];
  unitAdjectives: string[];
  untilWords: string[];
  anaphoricShift: Record<string, number | string>;
  rangeConnectors: string[];
  notYearPrecedents: string[];
  holidays: Record<string, string>;
  decadeWords: Record<string, number>;
  /** Words that count as "one" before a unit ("a", "an"; "un", "una"). */
  indefinites: string[];
  /** Whether month and weekday names are capitalized in running text (English yes, Spanish no). */
  capitalizedNames: boolean;
  patterns: DataPattern[];
  verbBeforeLast: string[];
  timeZones: string[];
  yearPrepositions: string[];
  notYearFollowers: string[];
}

/** A rule written as data: see data/time/README.md. */
export interface DataPattern {
  pattern: string;
  kind: 'date' | 'ago' | 'period' | 'weekday' | 'duration' | 'fixed';
  shift?: number;
  type?: string;
  value?: string;
}

export interface EventDate {
  pattern: string;
  value: string;
  /** The kind of event, a PLOVER type (`ASSAULT`): what a later "the attacks" may refer to. */
  type?: string;
}

export interface Lexicon extends LanguageData {
  events: EventDate[];
  /** Alternations (non-capturing, longest first) ready to paste into a RegExp source. */
  alt: {
    month: string;
    weekday: string;
    number: string;
    vague: string;
    ordinal: string;
    unit: string;
    adjectiveUnit: string;
    season: string;
    partOfDay: string;
    relativeDay: string;
    reference: string;
    shift: string;
    ago: string;
    fuzzy: string;
    approximator: string;
    timeZone: string;
    unitAdjective: string;
    anaphoric: string;
    rangeConnector: string;
    holiday: string;
    decadeWord: string;
    indefinite: string;
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `(?:a|b|c)` with the longest first so that "the coming" wins over "the"; spaces match any run of spaces. */
export function alternation(words: Iterable<string>): string {
  const list = [...new Set(words)].filter((w) => !w.startsWith('$')).sort((a, b) => b.length - a.length);
  // An empty list must match nothing, not the empty string.
  if (!list.length) return '(?!)';
  return `(?:${list.map((w) => escape(w).replace(/ /g, '\\s+')).join('|')})`;
}

/** Lower-cases and collapses whitespace: the key under which a matched word is looked up. */
export const key = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');

const cache = new Map<string, Lexicon>();

/** What a language file may leave out. */
const DEFAULTS: Partial<LanguageData> = {
  ambiguousMonths: [], ambiguousWeekdays: [], vagueQuantities: [], ordinals: {}, adjectiveUnits: {}, seasons: {},
  partsOfDay: {}, relativeDays: {}, references: {}, relativeShift: {}, ago: [], fuzzyPosition: {}, approximators: [],
  futureCues: [], pastAuxiliaries: [], perfectAuxiliaries: [], timeZones: [], yearPrepositions: [], notYearFollowers: [],
  unitAdjectives: [], untilWords: [], anaphoricShift: {}, rangeConnectors: [], notYearPrecedents: [], holidays: {},
  decadeWords: {}, verbBeforeLast: [], indefinites: [], capitalizedNames: true, patterns: [],
};

/** A name is an abbreviation when it begins another, longer name of the list ("feb" of "february"). */
export function isAbbreviation(name: string, names: Iterable<string>): boolean {
  for (const other of names) if (other !== name && other.startsWith(name)) return true;
  return false;
}

function readJson(file: string): any {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new InputError(file, `cannot read time data: ${(err as Error).message}`);
  }
}

/** The lexicon for a language, or null when data/time has no file for it. */
export function loadLexicon(language: string): Lexicon | null {
  const cached = cache.get(language);
  if (cached) return cached;
  const file = dataPath('time', `${language}.json`);
  if (!existsSync(file)) return null;
  const data = { ...DEFAULTS, ...(readJson(file) as Partial<LanguageData>) } as LanguageData;
  const eventsFile = dataPath('time', 'events.json');
  const events = existsSync(eventsFile) ? ((readJson(eventsFile).events ?? []) as EventDate[]) : [];
  for (const e of events) {
    try {
      new RegExp(e.pattern, 'i');
    } catch (err) {
      throw new InputError(eventsFile, `event pattern ${JSON.stringify(e.pattern)} is not a regular expression: ${(err as Error).message}`);
    }
  }
  for (const p of data.patterns) {
    if (typeof p.pattern !== 'string' || !['date', 'ago', 'period', 'weekday', 'duration', 'fixed'].includes(p.kind)) {
      throw new InputError(file, `pattern ${JSON.stringify(p)} needs a "pattern" string and a known "kind"`);
    }
  }
  // Month and weekday abbreviations may carry a period ("Feb.", "Thurs.").
  const withDots = (names: string[]) => names.flatMap((n) => (isAbbreviation(n, names) ? [n + '.', n] : [n]));
  const lexicon: Lexicon = {
    ...data,
    events,
    alt: {
      month: alternation(withDots(Object.keys(data.months))),
      weekday: alternation(withDots(Object.keys(data.weekdays))),
      number: alternation(Object.keys(data.numbers)),
      vague: alternation(data.vagueQuantities),
      ordinal: alternation(Object.keys(data.ordinals)),
      unit: alternation(Object.keys(data.units)),
      adjectiveUnit: alternation(Object.keys(data.adjectiveUnits)),
      season: alternation(Object.keys(data.seasons)),
      partOfDay: alternation(Object.keys(data.partsOfDay)),
      relativeDay: alternation(Object.keys(data.relativeDays)),
      reference: alternation(Object.keys(data.references)),
      shift: alternation(Object.keys(data.relativeShift)),
      ago: alternation(data.ago),
      fuzzy: alternation(Object.keys(data.fuzzyPosition)),
      approximator: alternation(data.approximators),
      timeZone: alternation(data.timeZones),
      unitAdjective: alternation(data.unitAdjectives),
      anaphoric: alternation(Object.keys(data.anaphoricShift)),
      rangeConnector: alternation(data.rangeConnectors),
      holiday: alternation(Object.keys(data.holidays)),
      decadeWord: alternation(Object.keys(data.decadeWords ?? {})),
      indefinite: alternation(data.indefinites ?? []),
    },
  };
  cache.set(language, lexicon);
  return lexicon;
}
