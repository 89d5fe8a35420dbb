// Generates the bundled actor catalog (data/catalog/phoenix.json.gz) and the given-name list
// (data/catalog/given-names.txt) from the Phoenix/CAMEO actor dictionaries (MIT, Open Event Data
// Alliance), read from ../shared/data/phoenix-actor-dictionaries or a folder given as argument:
//
//   npx tsc -p . && node dist/catalog/build.js [dictionary-folder]
//
// The dictionaries are in TABARI format: an entry line NAME_ [CODE date-range] # comment, '+'
// lines with aliases, and tab-indented [CODE from-to] lines with dated roles. They mix things:
// a country block lists the country's spelling variants, its demonym and its cities; an armed
// group's block sometimes lists its leaders. This script sorts those out with general rules.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import path from 'node:path';
import { dataPath } from '../model/paths.js';
import { sharedPath } from '../testing/shared.js';
import type { EntityType } from '../model/types.js';
import type { CatalogEntry, CatalogFile, CatalogRole } from './types.js';
import { normalizeName, titleCase } from './normalize.js';

interface RawEntry {
  name: string;
  aliases: string[];
  codes: Array<{ code: string; range: string | null }>;
  comment: string;
  file: string;
}

/** Parses one TABARI .actors file into raw entries (names still in the dictionary's spelling). */
export function parseTabari(text: string, file: string): RawEntry[] {
  const entries: RawEntry[] = [];
  let current: RawEntry | null = null;
  for (const rawLine of text.split(/\r?\n/)) {
    if (/^\s*#/.test(rawLine) || !rawLine.trim()) continue;
    if (/^!/.test(rawLine)) continue; // substitution sets of the agents file
    const hash = rawLine.indexOf('#');
    const comment = hash >= 0 ? rawLine.slice(hash + 1) : '';
    const line = hash >= 0 ? rawLine.slice(0, hash) : rawLine;
    const codes = [...line.matchAll(/\[([A-Z~-]{3,})\s*([<>]?\s*[0-9-]*)\s*\]/g)].map((m) => ({ code: m[1], range: m[2].trim() || null }));
    const names = line.replace(/\[[^\]]*\]/g, ' ').trim();
    if (/^\s/.test(rawLine) && !names) {
      if (current) current.codes.push(...codes);
      continue;
    }
    if (names.startsWith('+')) {
      if (!current) continue;
      for (const alias of names.split('+').map(cleanName).filter(Boolean)) current.aliases.push(alias);
      current.codes.push(...codes);
      continue;
    }
    current = { name: cleanName(names), aliases: [], codes, comment, file };
    if (current.name) entries.push(current);
  }
  return entries;
}

/** "AL-QAEDA_IN_IRAQ_" → "AL-QAEDA IN IRAQ"; drops parenthesized notes. */
function cleanName(s: string): string {
  return s.replace(/\([^)]*\)/g, ' ').replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
}

/** YYMMDD or YYYYMMDD → ISO date; two-digit years up to 30 are 20xx (the dictionaries date from 2014). */
export function phoenixDate(s: string): string | undefined {
  let m = /^(\d{2})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const yy = Number(m[1]);
    return `${yy <= 30 ? 2000 + yy : 1900 + yy}-${m[2]}-${m[3]}`;
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  return undefined;
}

const SECTORS: Record<string, string> = {
  GOV: 'government', ELI: 'elite', MIL: 'military', REB: 'rebel', OPP: 'opposition', BUS: 'business', JUD: 'judiciary',
  LEG: 'legislature', COP: 'police', SPY: 'intelligence', MED: 'media', EDU: 'education', HLH: 'health', AGR: 'agriculture',
  LAB: 'labor', ENV: 'environment', REL: 'religion', HRI: 'human rights', DEV: 'development', REF: 'refugees', IMG: 'militarized group',
  UAF: 'armed forces', INS: 'insurgent', SEP: 'separatist', PTY: 'party', CVL: 'civilian', NGO: 'non-governmental organization', IGO: 'intergovernmental organization',
};

export function parseRole(code: string, range: string | null): CatalogRole {
  const role: CatalogRole = { code };
  const sector = code.length >= 6 ? code.slice(3, 6) : code.slice(0, 3);
  if (SECTORS[sector]) role.role = SECTORS[sector];
  if (range) {
    const from = /^>\s*(\d+)$/.exec(range);
    const to = /^<\s*(\d+)$/.exec(range);
    const both = /^(\d+)-(\d+)$/.exec(range);
    if (from) role.from = phoenixDate(from[1]);
    else if (to) role.to = phoenixDate(to[1]);
    else if (both) {
      role.from = phoenixDate(both[1]);
      role.to = phoenixDate(both[2]);
    }
    if (!role.from) delete role.from;
    if (!role.to) delete role.to;
  }
  return role;
}

interface Cues {
  orgHeads: string[];
  locHeads: string[];
  facHeads: string[];
  gpeHeads: string[];
  nameParticles: string[];
}

function loadCues(): Cues {
  return JSON.parse(readFileSync(dataPath('entities', 'cues.json'), 'utf8')) as Cues;
}

/** Levenshtein distance, for telling a country's misspellings from its cities. */
function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

const DEMONYM_ENDINGS = /(an|ian|ean|ese|ish|i|ic|ite|er|ch)s?$/;

/** What an alias of a country block is: a spelling of the country, its demonym, or a place in it. */
function classifyCountryAlias(alias: string, country: string, accepted: string[]): 'alias' | 'demonym' | 'place' {
  const a = normalizeName(alias);
  const names = [normalizeName(country), ...accepted.map(normalizeName)];
  // Acronyms: "US", "U.S.", "U.S.A.", "UAE" (not short city names such as "Doha" or "Lima").
  if (/^([A-Z]\.\s?){2,4}$/.test(alias.trim()) || /^[A-Z]{2,3}$/.test(alias.trim())) return 'alias';
  for (const n of names) {
    if (!n) continue;
    if (` ${n} `.includes(` ${a} `) || ` ${a} `.includes(` ${n} `)) {
      if (a !== n && a.startsWith(n) && DEMONYM_ENDINGS.test(a) && !a.includes(' ')) return 'demonym';
      return 'alias';
    }
    if (editDistance(a, n) <= Math.max(1, Math.floor(n.length * 0.25))) return 'alias';
  }
  const c = normalizeName(country);
  if (!a.includes(' ') && a.slice(0, 4) === c.slice(0, 4) && DEMONYM_ENDINGS.test(a)) return 'demonym';
  return 'place';
}

function headType(name: string, cues: Cues): EntityType | null {
  const words = normalizeName(name).split(' ');
  const last = words[words.length - 1];
  if (cues.locHeads.includes(last) || (words[0] === 'mount' && words.length > 1)) return 'LOC';
  if (cues.facHeads.includes(last)) return 'FAC';
  if (words.some((w) => cues.orgHeads.includes(w))) return 'ORG';
  return null;
}

function looksLikePerson(name: string, givenNames: Set<string>, cues: Cues): boolean {
  const words = normalizeName(name).split(' ');
  if (words.length < 2 || words.length > 6) return words.length === 1 ? false : false;
  if (headType(name, cues)) return false;
  if (givenNames.has(words[0])) return true;
  if ((words[0] === 'abu' || words[0] === 'abd' || words[0] === 'abdul') && words.length >= 2) return true;
  if (words.slice(1, -1).some((w) => w === 'bin' || w === 'ibn' || w === 'bint')) return true;
  if (!cues.nameParticles.includes(words[0]) && words.length >= 3 && (words[words.length - 2] === 'al' || words[words.length - 2] === 'el')) return true;
  return false;
}

function slug(s: string): string {
  return normalizeName(s).replace(/ /g, '-').slice(0, 60) || 'x';
}

/** Turns the raw dictionary entries into catalog entries. */
export function buildCatalog(raw: RawEntry[], cues: Cues): { entries: CatalogEntry[]; givenNames: string[] } {
  // Given names: first words of the people the CountryInfo file lists (rulers, ministers).
  const firstCounts = new Map<string, number>();
  const titles = new Set(['president', 'mr', 'mrs', 'dr', 'general', 'gen', 'king', 'queen', 'prince', 'sheikh', 'sheik', 'sir', 'lord', 'emir', 'sultan', 'mullah', 'mawlawi', 'haji', 'col', 'colonel', 'the', 'vice', 'prime', 'minister', 'senator', 'governor', 'secretary', 'chancellor', 'ayatollah', 'premier', 'us', 'american', 'former']);
  for (const e of raw) {
    if (!/CountryInfo/.test(e.comment)) continue;
    const w = normalizeName(e.name).split(' ');
    if (w.length >= 2 && w[0].length >= 3 && !titles.has(w[0]) && !cues.nameParticles.includes(w[0])) firstCounts.set(w[0], (firstCounts.get(w[0]) ?? 0) + 1);
  }
  const givenNames = new Set([...firstCounts].filter(([, n]) => n >= 2).map(([w]) => w));

  const entries: CatalogEntry[] = [];
  const ids = new Set<string>();
  const newId = (name: string, country: string | null) => {
    let id = `phx:${slug(name)}`;
    if (ids.has(id) && country) id = `${id}:${country.toLowerCase()}`;
    for (let i = 2; ids.has(id); i++) id = `phx:${slug(name)}:${i}`;
    ids.add(id);
    return id;
  };
  // Words that open at least two armed groups' names ("fatah" in "Fatah Hawks", "Fatah Revolutionary Council").
  const starts = new Map<string, number>();
  for (const e of raw) {
    if (!/MilNonState/.test(e.file)) continue;
    for (const n of [e.name, ...e.aliases]) {
      const w = normalizeName(n).split(' ');
      if (w.length >= 2 && w[0].length > 3) starts.set(w[0], (starts.get(w[0]) ?? 0) + 1);
    }
  }
  const orgStarts = new Set([...starts].filter(([, n]) => n >= 2).map(([w]) => w));
  let country: { code: string; id: string } | null = null;
  for (const e of raw) {
    const isAgents = /agents/i.test(e.file);
    if (isAgents) continue; // generic agents (police, farmer) are not actors
    const first = e.codes[0]?.code ?? null;
    // A country block: NAME [AFG] in the countries file.
    const ownCountry = e.codes.find((c) => /^[A-Z]{3}$/.test(c.code))?.code;
    const stateWords = /\b(FEDERATION|REPUBLIC|KINGDOM|STATES|EMIRATES|ISLANDS|UNION|COMMONWEALTH|PRINCIPALITY)\b/;
    if (/Countries/.test(e.file) && ownCountry && !/CountryInfo/.test(e.comment) && (stateWords.test(e.name) || !headType(e.name, cues))) {
      const first = ownCountry;
      const id = newId(e.name, null);
      country = { code: first, id };
      const entry: CatalogEntry = { id, name: titleCase(e.name), type: 'GPE', subtype: 'country', aliases: [], country: first };
      const accepted: string[] = [];
      const demonyms: string[] = [];
      for (const alias of e.aliases) {
        const kind = classifyCountryAlias(alias, e.name, accepted);
        if (kind === 'alias') accepted.push(alias);
        else if (kind === 'demonym') demonyms.push(alias);
        else if (orgStarts.has(normalizeName(alias))) {
          // "FATAH" among Palestine's aliases names the movement behind "Fatah Revolutionary Council", not a place.
          entries.push({ id: newId(alias, first), name: titleCase(alias), type: 'ORG', subtype: null, aliases: [], country: first });
        } else {
          const t = headType(alias, cues) ?? 'GPE';
          entries.push({ id: newId(alias, first), name: titleCase(alias), type: t, subtype: t === 'GPE' ? 'place' : null, aliases: [], country: first });
        }
      }
      entry.aliases = dedupe([...accepted, ...demonyms].map(titleCase), entry.name);
      entries.push(entry);
      continue;
    }
    const codeCountry = first && /^[A-Z]{3}/.test(first) && !/^(IGO|IMG|NGO|MNC|ELI|GOV|REB|---)/.test(first) ? first.slice(0, 3) : (country && /Countries/.test(e.file) ? country.code : null);
    // A personal title among the aliases ("PRESIDENT_OBAMA", "MR_ASSAD") marks a person.
    const titled = e.aliases.some((a) => titles.has(normalizeName(a).split(' ')[0]));
    const isPerson = /CountryInfo|IGOrulers/.test(e.comment) || titled || looksLikePerson(e.name, givenNames, cues);
    // A country-file entry coded with a region rather than a sector ("GAZA [PSEGZA]") is a place.
    const region = /Countries/.test(e.file) && !!first && /^[A-Z]{6}$/.test(first) && !SECTORS[first.slice(3, 6)] && !isPerson;
    const type: EntityType = isPerson ? 'PERSON' : region ? (headType(e.name, cues) ?? 'GPE') : headType(e.name, cues) ?? 'ORG';
    const subtype = isPerson ? null : type === 'GPE' ? 'place' : subtypeOf(e, type);
    const roles = e.codes.filter((c) => c.code !== '---').map((c) => parseRole(c.code, c.range));
    // An armed group's block may list its leaders among the aliases: they become people of their own.
    const aliases: string[] = [];
    for (const alias of e.aliases) {
      if (!isPerson && looksLikePerson(alias, givenNames, cues) && !normalizeName(alias).includes(normalizeName(e.name))) {
        entries.push({ id: newId(alias, codeCountry), name: titleCase(alias), type: 'PERSON', subtype: null, aliases: [], country: codeCountry, roles: dedupeRoles(roles.map((r) => ({ code: r.code, role: 'member' }))) });
      } else if (isPerson && (normalizeName(alias).split(' ').some((w) => titles.has(w) || cues.orgHeads.includes(w)))) {
        // "President Obama", "Bush administration": the entity stage strips titles itself; an administration is not the person.
        continue;
      } else aliases.push(alias);
    }
    const acr = type === 'ORG' ? 5 : 3;
    const name = titleCase(e.name, acr);
    const entry: CatalogEntry = { id: newId(e.name, codeCountry), name, type, subtype, aliases: dedupe(aliases.map((a) => titleCase(a, acr)), name), country: codeCountry };
    if (roles.length) entry.roles = dedupeRoles(roles);
    entries.push(entry);
  }
  return { entries: mergeSameName(entries), givenNames: [...givenNames].sort() };
}

function subtypeOf(e: RawEntry, type: EntityType): string | null {
  if (type !== 'ORG') return null;
  const code = e.codes[0]?.code ?? '';
  if (/^IMG|REB|INS|SEP/.test(code) || /MilNonState/.test(e.file)) return 'armed_group';
  if (/^IGO/.test(code)) return 'intergovernmental';
  if (/^NGO/.test(code)) return 'ngo';
  if (/^MNC/.test(code) || /BUS$/.test(code)) return 'company';
  if (/GOV|LEG|JUD/.test(code)) return 'government';
  if (/MIL/.test(code)) return 'military';
  return null;
}

function dedupeRoles(roles: CatalogRole[]): CatalogRole[] {
  const seen = new Set<string>();
  return roles.filter((r) => {
    const k = `${r.code}|${r.role}|${r.from}|${r.to}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function dedupe(aliases: string[], name: string): string[] {
  const seen = new Set([normalizeName(name)]);
  const out: string[] = [];
  for (const a of aliases) {
    const n = normalizeName(a);
    if (!n || seen.has(n)) continue;
    seen.add(n);
    out.push(a);
  }
  return out;
}

/** The dictionaries list some actors twice (a place under two countries): same name and type become one entry. */
function mergeSameName(entries: CatalogEntry[]): CatalogEntry[] {
  const byKey = new Map<string, CatalogEntry>();
  const out: CatalogEntry[] = [];
  for (const e of entries) {
    const key = `${e.type}|${normalizeName(e.name)}|${e.type === 'PERSON' ? e.country ?? '' : ''}`;
    const prev = byKey.get(key);
    if (prev && e.type !== 'PERSON') {
      prev.aliases = dedupe([...prev.aliases, ...e.aliases], prev.name);
      if (e.roles) prev.roles = dedupeRoles([...(prev.roles ?? []), ...e.roles]);
      continue;
    }
    if (prev) {
      prev.aliases = dedupe([...prev.aliases, ...e.aliases], prev.name);
      if (e.roles) prev.roles = dedupeRoles([...(prev.roles ?? []), ...e.roles]);
      continue;
    }
    byKey.set(key, e);
    out.push(e);
  }
  return out;
}

function readDictionary(file: string): string {
  const buf = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
}

export function main(dir = sharedPath('data', 'phoenix-actor-dictionaries')): void {
  const files = ['Phoenix.Countries.actors.txt.gz', 'Phoenix.International.actors.txt.gz', 'Phoenix.MilNonState.actors.txt.gz'];
  const raw: RawEntry[] = [];
  for (const f of files) {
    const file = path.join(dir, f);
    if (!existsSync(file)) throw new Error(`${file}: Phoenix dictionary not found`);
    raw.push(...parseTabari(readDictionary(file), f));
  }
  const { entries, givenNames } = buildCatalog(raw, loadCues());
  const out: CatalogFile = {
    source: 'Phoenix/CAMEO actor dictionaries (openeventdata/petrarch2 @ 676801cd), converted by src/catalog/build.ts',
    license: 'MIT, Copyright (c) 2014 Open Event Data Alliance: see data/catalog/PHOENIX-LICENSE',
    entries,
  };
  writeFileSync(dataPath('catalog', 'phoenix.json.gz'), gzipSync(JSON.stringify(out), { level: 9 }));
  writeFileSync(dataPath('catalog', 'given-names.txt'), `# Given names: first words of the people listed in the Phoenix CountryInfo dictionary (MIT), generated by src/catalog/build.ts\n${givenNames.join('\n')}\n`);
  const byType = new Map<string, number>();
  for (const e of entries) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
  console.log(`catalog: ${entries.length} entries (${[...byType].map(([t, n]) => `${t} ${n}`).join(', ')}); ${givenNames.length} given names`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) main(process.argv[2]);
