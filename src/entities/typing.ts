// Typing a candidate name from its own evidence, strongest first: the catalog, the shape of the
// name (an of-prefix or head noun: "University of ...", "... network", "... airport"), nationality
// words, a title before it, a known given name or Arabic name particles, the words around it.
import type { EntityType, Token } from '../model/types.js';
import type { Catalog, CatalogEntry } from '../catalog/index.js';
import { normalizeName } from '../catalog/normalize.js';
import type { Candidate } from './mentions.js';
import type { Lexicon } from './lexicon.js';

export interface Typed {
  type: EntityType;
  /** How sure: 3 catalog or shape, 2 title/given name/context, 1 default guess, 0 no idea (several capitalized words, one of them a common word, nothing else). */
  strength: number;
  entry: CatalogEntry | null;
  subtype: string | null;
}

const TYPE_ORDER: EntityType[] = ['GPE', 'ORG', 'PERSON', 'LOC', 'FAC', 'NORP', 'EVENT', 'LAW', 'PRODUCT'];
const PLACE_PREP_ALL = new Set(['in', 'at', 'to', 'from', 'near', 'across', 'throughout', 'of', 'into', 'toward', 'towards', 'around', 'outside', 'inside', 'host', 'hosts']);
const SPEECH = new Set(['said', 'says', 'told', 'added', 'explained', 'stated', 'wrote', 'argued', 'noted', 'insisted', 'claimed', 'recalled', 'warned', 'asked', 'replied', 'predicts', 'predicted']);
const PLACE_PREP = new Set(['in', 'near', 'from', 'across', 'throughout', 'outside', 'inside', 'around', 'towards', 'toward']);

/** Picks the catalog entry a candidate most likely names, before any document context. */
export function preferEntry(entries: CatalogEntry[], wantPerson: boolean): CatalogEntry | null {
  if (!entries.length) return null;
  if (wantPerson) return entries.find((e) => e.type === 'PERSON') ?? null;
  const country = entries.find((e) => e.subtype === 'country');
  if (country) return country;
  const counts = new Map<EntityType, number>();
  for (const e of entries) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || TYPE_ORDER.indexOf(a[0]) - TYPE_ORDER.indexOf(b[0]))[0][0];
  return entries.find((e) => e.type === best) ?? null;
}

function placeFollows(c: Candidate, tokens: Token[], catalog: Catalog): boolean {
  const comma = tokens[c.last];
  const after = tokens[c.last + 1];
  if (!comma || comma.text !== ',' || comma.sentence !== c.sentence || !after || !/^\p{Lu}/u.test(after.text)) return false;
  const two = tokens[c.last + 2];
  const names = [after.text, two && two.sentence === c.sentence ? `${after.text} ${two.text}` : ''];
  return names.some((n) => n && catalog.lookup(n).some((e) => e.type === 'GPE' && e.subtype !== 'country' ? true : e.type === 'GPE'));
}

export function typeCandidate(c: Candidate, tokens: Token[], lex: Lexicon, catalog: Catalog, sports = false): Typed {
  const prevTok = c.first > 0 && tokens[c.first - 1].sentence === c.sentence ? tokens[c.first - 1] : undefined;
  const words = normalizeName(c.text).split(' ');
  const lastWord = words[words.length - 1];
  const subtypeFromHead = (w: string) => (['university', 'college', 'school', 'academy', 'institute'].includes(w) ? 'university' : ['ministry', 'government', 'cabinet', 'parliament', 'senate', 'congress', 'administration'].includes(w) ? 'government' : ['army', 'navy', 'forces', 'force', 'corps', 'police'].includes(w) ? 'military' : ['city', 'town', 'village'].includes(w) ? 'city' : null);
  if (c.shapeType && !c.headAdded) return { type: c.shapeType, strength: 3, entry: preferEntry(c.catalog.filter((e) => e.type === c.shapeType), false), subtype: subtypeFromHead(words[0]) };
  // A nationality word is a NORP even where the catalog lists it among a country's aliases ("Saudi", "Afghan").
  if (c.norp) return { type: 'NORP', strength: 3, entry: null, subtype: null };
  const entry0 = preferEntry(c.catalog, !!c.title);
  // A country's demonym listed among its aliases ("Gabonese") is a nationality word.
  if (entry0?.subtype === 'country' && words.length === 1 && normalizeName(entry0.name) !== words[0] && /(ese|ian|an|i|ish|ic)s?$/.test(words[0]) && !entry0.aliases.some((a) => normalizeName(a) === words[0] && a.length <= 3)) return { type: 'NORP', strength: 3, entry: null, subtype: null };
  const entry = entry0;
  // Sports reporting names teams by their country or city: "Sweden defeated South Korea".
  if (sports && entry?.type === 'GPE' && !(prevTok && PLACE_PREP_ALL.has(prevTok.text.toLowerCase()))) return { type: 'ORG', strength: 3, entry: null, subtype: 'sports_team' };
  if (entry && !(c.headAdded && c.shapeType && c.shapeType !== entry.type)) return { type: entry.type, strength: 3, entry, subtype: entry.subtype ?? null };
  if (c.shapeType) return { type: c.shapeType, strength: 3, entry: null, subtype: subtypeFromHead(lastWord) };
  if (c.norp) return { type: 'NORP', strength: 3, entry: null, subtype: null };
  // A vehicle or device class word leading the name: "Space Shuttle Atlantis", "Shuttle Discovery".
  if (words.length >= 2 && words.slice(0, -1).some((w) => lex.heads.get(w) === 'PRODUCT') && !lex.heads.has(lastWord)) return { type: 'PRODUCT', strength: 2, entry: null, subtype: null };
  if (words.length >= 2) {
    let head = lex.heads.get(lastWord);
    // "Irving Independent School District": an organization word inside makes the whole an organization.
    if ((head === 'GPE' || head === 'LOC') && words.slice(0, -1).some((w) => lex.heads.get(w) === 'ORG')) head = 'ORG';
    if (head) return { type: head, strength: 3, entry: null, subtype: subtypeFromHead(lastWord) };
  }
  // "Mountain View, California": a name followed by a comma and a known place is a place in it.
  if (placeFollows(c, tokens, catalog)) return { type: 'GPE', strength: 2, entry: null, subtype: 'place' };
  if (words.length >= 2 && (lex.compass.has(words[0]) || lex.compass.has(lastWord))) return { type: 'GPE', strength: 2, entry: null, subtype: null };
  if (c.title) return { type: 'PERSON', strength: 2, entry: null, subtype: null };
  // A person noun right before the name ("designer Halston", "the Italian researcher Riccardo Valle") or a speech verb ("said Jane Roe").
  if (prevTok && prevTok.text === prevTok.text.toLowerCase() && (lex.nominals.get(prevTok.text) === 'PERSON' || SPEECH.has(prevTok.text)) && !c.acronym) return { type: 'PERSON', strength: 2, entry: null, subtype: null };
  // Acronyms are mostly organizations; with a digit ("IE6", "39A") they are models or codes, not actors.
  if (c.acronym && /\d/.test(c.text)) return { type: 'PRODUCT', strength: 1, entry: null, subtype: null };
  if (c.acronym) return { type: 'ORG', strength: 1, entry: null, subtype: null };
  // A head noun anywhere ("Fan Expo Canada") or a known place inside makes it no person's name.
  if (words.length >= 2 && (words.some((w) => lex.heads.has(w)) || words.slice(1).some((w) => catalog.lookup(w).some((e) => e.subtype === 'country')))) return { type: 'ORG', strength: 1, entry: null, subtype: null };
  if (words.length >= 2 && lex.givenNames.has(words[0])) return { type: 'PERSON', strength: 2, entry: null, subtype: null };
  if (words.length >= 2 && words.slice(0, -1).some((w) => lex.particles.has(w)) && !lex.particles.has(words[0])) return { type: 'PERSON', strength: 2, entry: null, subtype: null };
  if (words.length >= 2 && (words[0] === 'abu' || words.includes('bin') || words.includes('ibn'))) return { type: 'PERSON', strength: 2, entry: null, subtype: null };
  const next = tokens[c.last]?.sentence === c.sentence ? tokens[c.last] : undefined;
  const after = next?.text === ',' ? tokens[c.last + 1] : next;
  const prev = c.first > 0 && tokens[c.first - 1].sentence === c.sentence ? tokens[c.first - 1] : undefined;
  if (after && (SPEECH.has(after.text.toLowerCase()) || (next?.text === ',' && /^(who|whose|aged)$/i.test(after.text)))) return { type: 'PERSON', strength: 2, entry: null, subtype: null };
  if (words.length === 1 && prev && PLACE_PREP.has(prev.text.toLowerCase())) return { type: 'GPE', strength: 1, entry: null, subtype: null };

  if (words.length === 1 && lex.givenNames.has(words[0]) && !c.acronym) return { type: 'PERSON', strength: 1, entry: null, subtype: null };
  // Two or three plain words with no other cue: a person when the last looks like a surname after a given-name-like first word.
  if (words.length >= 2 && words.length <= 3 && /^[\p{L} '’.-]+$/u.test(c.text) && !lex.common.has(words[0]) && !lex.common.has(lastWord) && !c.headline) return { type: 'PERSON', strength: 1, entry: null, subtype: null };
  return { type: 'ORG', strength: words.length >= 2 ? 0 : 1, entry: null, subtype: null };
}
