// Grouping name mentions into one entity per actor: the same name, the same catalog actor, an
// acronym defined in parentheses or matching the initials, a head-noun variant ("Taliban
// movement" ~ "Taliban"), and a person's surname or given name ("Bin Laden" ~ "Osama Bin Laden").
import type { EntityType, Token } from '../model/types.js';
import type { CatalogEntry } from '../catalog/index.js';
import { normalizeName } from '../catalog/normalize.js';
import type { Candidate } from './mentions.js';
import type { Typed } from './typing.js';
import type { Lexicon } from './lexicon.js';

export interface Cluster {
  members: number[];
  type: EntityType;
  subtype: string | null;
  entry: CatalogEntry | null;
  /** The member whose text is the entity's name. */
  head: number;
}

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Normal form for grouping: plural head nouns made singular ("Doha agreements" ~ "Doha agreement"). */
function groupKey(c: Candidate, t: Typed): string {
  const n = normalizeName(c.text);
  if (t.type === 'PERSON' || t.type === 'GPE' || t.type === 'NORP') return n;
  return n.replace(/(\w{3,})s$/, '$1');
}

function initials(name: string): string {
  return normalizeName(name).split(' ').filter((w) => !['of', 'the', 'and', 'for', 'in', 'de', 'al'].includes(w)).map((w) => w[0]).join('');
}

const PLACE_WORDS = new Set(['in', 'at', 'to', 'from', 'near', 'of', 'into', 'across', 'outside', 'inside', 'around', 'toward', 'towards', 'via', 'through']);

export function clusterCandidates(cands: Candidate[], typed: Typed[], lex: Lexicon, tokens: Token[]): Cluster[] {
  // A surname that is also a place ("Valeska Paris" ... "Paris claims") is the person, unless it
  // follows a place preposition ("in Paris").
  const surnames = new Set<string>();
  cands.forEach((c, i) => {
    const w = normalizeName(c.text).split(' ');
    if (typed[i].type === 'PERSON' && w.length >= 2 && typed[i].entry === null) surnames.add(w[w.length - 1]);
  });
  cands.forEach((c, i) => {
    if (c.last - c.first !== 1 || typed[i].type !== 'GPE' || !surnames.has(normalizeName(c.text))) return;
    const prev = c.first > 0 && tokens[c.first - 1].sentence === c.sentence ? tokens[c.first - 1].text.toLowerCase() : '';
    if (!PLACE_WORDS.has(prev)) typed[i] = { type: 'PERSON', strength: 1, entry: null, subtype: null };
  });
  const uf = new UnionFind(cands.length);
  const byKey = new Map<string, number>();
  const byEntry = new Map<string, number>();
  cands.forEach((c, i) => {
    const key = `${typed[i].type === 'PERSON' ? 'P' : typed[i].subtype === 'sports_team' ? 'T' : 'X'}|${groupKey(c, typed[i])}`;
    const k = byKey.get(key);
    if (k !== undefined) uf.union(i, k);
    else byKey.set(key, i);
    const e = typed[i].entry;
    if (e && (typed[i].strength >= 3 || e.type === typed[i].type)) {
      const j = byEntry.get(e.id);
      if (j !== undefined) uf.union(i, j);
      else byEntry.set(e.id, i);
    }
  });
  // Parenthesized definitions: "Islamic State of Khorasan Province (ISIS-K)".
  cands.forEach((c, i) => {
    if (c.definesFor !== null) uf.union(i, c.definesFor);
  });
  // Head-noun variants of an organization: "Taliban movement" ~ "Taliban", "Wagner Group" ~ "Wagner".
  cands.forEach((c, i) => {
    const words = normalizeName(c.text).split(' ');
    if (typed[i].type !== 'ORG' || words.length < 2 || !(c.headAdded || lex.lowercaseOrgHeads.has(words[words.length - 1]))) return;
    const base = words.slice(0, -1).join(' ');
    const j = cands.findIndex((d, k) => k !== i && typed[k].type === 'ORG' && !d.headAdded && normalizeName(d.text) === base);
    if (j >= 0) uf.union(i, j);
  });
  // Acronyms that spell the initials of a longer name of the document ("UN" ~ "United Nations").
  cands.forEach((c, i) => {
    // An acronym the catalog knows ("US") names that actor, whatever other names it happens to abbreviate.
    if (!c.acronym || typed[i].entry) return;
    const letters = normalizeName(c.text).replace(/ /g, '');
    const j = cands.findIndex((d, k) => k !== i && !d.acronym && d.last - d.first >= 2 && initials(d.text) === letters);
    if (j >= 0) uf.union(i, j);
  });
  // Person name parts: the longest person names first, then shorter names that are their end or start.
  const order = cands.map((_, i) => i).sort((a, b) => (cands[b].last - cands[b].first) - (cands[a].last - cands[a].first) || a - b);
  const personNames: Array<{ words: string[]; idx: number }> = [];
  for (const i of order) {
    const c = cands[i];
    const words = normalizeName(c.text).split(' ');
    const t = typed[i];
    const canBePerson = t.type === 'PERSON' || (t.strength < 3 && !c.acronym && !c.norp);
    if (canBePerson && personNames.length) {
      const matches = personNames.filter((p) => p.words.length > words.length && uf.find(p.idx) !== uf.find(i) && (endsWith(p.words, words) || (words.length === 1 && p.words[0] === words[0] && lex.givenNames.has(words[0]))));
      if (matches.length) {
        // Several people share the part: the one named most recently before this mention.
        const before = matches.filter((m) => cands[m.idx].start <= c.start);
        const pick = (before.length ? before : matches).sort((a, b) => cands[b.idx].start - cands[a.idx].start)[0];
        uf.union(i, pick.idx);
        continue;
      }
    }
    if (t.type === 'PERSON' && words.length >= 2) personNames.push({ words, idx: i });
  }

  const groups = new Map<number, number[]>();
  cands.forEach((_, i) => {
    const r = uf.find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });
  const clusters: Cluster[] = [];
  for (const members of groups.values()) clusters.push(summarize(members, cands, typed));
  clusters.sort((a, b) => cands[a.members[0]].start - cands[b.members[0]].start);
  return clusters;
}

function endsWith(long: string[], short: string[]): boolean {
  if (short.length >= long.length) return false;
  for (let i = 1; i <= short.length; i++) if (long[long.length - i] !== short[short.length - i]) return false;
  // "Al" alone is a particle, not a surname.
  return !(short.length === 1 && short[0].length <= 2);
}

/** The cluster's type, name and catalog entry: the strongest evidence wins, then the longest name. */
function summarize(members: number[], cands: Candidate[], typed: Typed[]): Cluster {
  const isPersonByName = members.some((i) => typed[i].type === 'PERSON' && typed[i].strength >= 2);
  // Head-noun variants ("Warhol collection") say what the variant is, not what the bare name is: they rank last.
  const variant = (i: number) => (cands[i].headAdded && members.some((j) => !cands[j].headAdded) ? 1 : 0);
  const ranked = [...members].sort((a, b) => variant(a) - variant(b) || typed[b].strength - typed[a].strength || (cands[b].last - cands[b].first) - (cands[a].last - cands[a].first) || a - b);
  let type = typed[ranked[0]].type;
  if (isPersonByName && typed[ranked[0]].strength < 3) type = 'PERSON';
  // A defined acronym takes its long form's type.
  // The name: the longest form that is neither an acronym nor a head-noun variant ("Taliban", not
  // "Taliban movement"), and among equally long forms the most frequent.
  let named = members.filter((i) => !cands[i].acronym && cands[i].definesFor === null);
  if (named.some((i) => !cands[i].headAdded)) named = named.filter((i) => !cands[i].headAdded);
  const freq = new Map<string, number>();
  for (const i of members) freq.set(cands[i].text, (freq.get(cands[i].text) ?? 0) + 1);
  const nameOf = (named.length ? named : members).sort((a, b) => (cands[b].last - cands[b].first) - (cands[a].last - cands[a].first) || (freq.get(cands[b].text)! - freq.get(cands[a].text)!) || a - b)[0];
  const withEntry = ranked.find((i) => typed[i].entry && typed[i].entry!.type === type);
  const entry = withEntry !== undefined ? typed[withEntry].entry : null;
  const subtype = ranked.map((i) => typed[i].subtype).find((s) => s) ?? entry?.subtype ?? null;
  return { members: [...members].sort((a, b) => cands[a].start - cands[b].start || a - b), type, subtype, entry, head: nameOf };
}
