// Matching a template inside one sentence: the cue words left to right from the anchor, the
// subject and object as entity mentions, found next to the cue or searched through the clause.
import type { EntityType } from '../model/types.js';
import type { Slot, Template } from './template.js';
import { inTimex, mentionAt, type DocView, type MentionRef } from './view.js';
import { isMediationCue } from './derived.js';
import { asideHeadBefore } from './asides.js';

export interface ArgConstraint {
  S: ReadonlySet<EntityType> | null;
  O: ReadonlySet<EntityType> | null;
  /** A place after "in"/"at" is where the fact happens, not its object (meetings, agreements). */
  placeIsWhere?: boolean;
  /** Events take no cue word from a name ("makes Call of Duty"). */
  kind?: string;
}

export interface Match {
  S: MentionRef[];
  O: MentionRef[];
  /** Token range of the cue words (anchor to last literal). */
  cueStart: number;
  cueEnd: number;
  /** Words matched by `@list` slots, by list name. */
  words: Map<string, string>;
}

const FILLER_POS = new Set(['DET', 'ADJ', 'ADV', 'AUX', 'PART', 'NUM']);
const POSSESSIVES = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your', 'whose']);
const BE_FORMS = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", "'re", 'get', 'got', 'gets', 'gotten']);
const RELATIVES = new Set(['who', 'which', 'that', 'whom']);
const PERSONAL = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'this', 'these', 'those']);
const HARD_STOPS = new Set([';', ':', '(', ')', '—', '–', '“', '”', '"', '.', '!', '?']);
const MAX_FILLERS = 3;
const LOCATIVE_PREPS = new Set(['in', 'at', 'near', 'inside', 'outside', 'across', 'throughout', 'during', 'within']);
const PLACE_TYPES = new Set(['GPE', 'LOC', 'FAC']);
/** Leftward, only contrast and condition words end the subject's clause ("X sued, but a judge refused"). */
const LEFT_STOPS = new Set(['but', 'yet', 'whereas', 'unless', 'although', 'though']);
/** Words that open another clause: a search for an argument does not cross them. */
const CLAUSE_OPENERS = new Set(['unless', 'if', 'because', 'although', 'though', 'whereas', 'while', 'but', 'yet', 'until', 'before', 'after', 'when', 'whether']);
/** Titles before a name, skipped like adjectives: "led by President Mahmoud Abbas". */
const TITLES = new Set(['president', 'prime', 'minister', 'king', 'queen', 'general', 'gen.', 'gen', 'colonel', 'col.', 'sheikh', 'emir', 'mullah', 'ayatollah', 'senator', 'sen.', 'governor', 'gov.', 'mayor', 'chancellor', 'secretary', 'foreign', 'defence', 'defense', 'dr', 'dr.', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'lt.', 'sir', 'lord', 'judge', 'chief', 'commander', 'leader', 'pope', 'prince', 'crown', 'vice', 'deputy', 'former', 'ousted', 'late']);
const GAP = 5;
const LEFT_WINDOW = 30;
const RIGHT_WINDOW = 15;

export function matchTemplate(view: DocView, t: Template, sentence: number, anchorTok: number, types: ArgConstraint): Match | null {
  const sent = view.doc.sentences[sentence];
  const s0 = sent.firstToken;
  const s1 = sent.endToken;
  const anchor = t.slots[t.anchor] as Extract<Slot, { kind: 'lit' }>;
  const words = new Map<string, string>();
  if (!litMatches(view, anchor, anchorTok, s0, s1, words)) return null;

  const right = matchRight(view, t.slots, t.anchor + 1, anchorTok + 1, s1, types, { S: [], O: [], words, last: anchorTok, fillers: 0 });
  if (!right) return null;
  // Slots before the anchor, right to left.
  let pos = anchorTok; // first token consumed so far
  const result: Match = { S: right.S, O: right.O, cueStart: anchorTok, cueEnd: right.last + 1, words: right.words };
  for (let i = t.anchor - 1; i >= 0; i--) {
    const slot = t.slots[i];
    if (slot.kind === 'lit') {
      if (pos - 1 >= s0 && litMatches(view, slot, pos - 1, s0, s1, result.words)) {
        pos--;
        result.cueStart = pos;
      } else if (!slot.optional) return null;
    } else if (slot.kind === 'arg') {
      const allowed = types[slot.role];
      const found = slot.search ? leftSearch(view, pos, s0, allowed) : leftAdjacent(view, pos, s0, allowed);
      if (!found.length) return null;
      result[slot.role] = found;
      pos = found[0].firstTok;
    }
  }
  return result;
}

interface RightState {
  S: MentionRef[];
  O: MentionRef[];
  words: Map<string, string>;
  /** Last token of the cue matched so far. */
  last: number;
  fillers: number;
}

function matchRight(view: DocView, slots: Slot[], i: number, pos: number, s1: number, types: ArgConstraint, st: RightState): RightState | null {
  if (i >= slots.length) return st;
  const slot = slots[i];
  if (slot.kind === 'gap') {
    for (let k = 0; k <= GAP && pos + k <= s1; k++) {
      if (k > 0 && HARD_STOPS.has(view.norm[pos + k - 1])) break;
      const r = matchRight(view, slots, i + 1, pos + k, s1, types, st);
      if (r) return r;
    }
    return null;
  }
  if (slot.kind === 'arg') {
    const allowed = types[slot.role];
    const isLast = i === slots.length - 1;
    const found = slot.search ? rightSearch(view, pos, s1, allowed, !!types.placeIsWhere) : rightAdjacent(view, pos, s1, allowed, isLast);
    if (!found.length) return null;
    const next = { ...st, [slot.role]: found, fillers: 0 };
    return matchRight(view, slots, i + 1, found[found.length - 1].endTok, s1, types, next);
  }
  // A literal: here, or after a few filler tokens.
  let p = pos;
  for (let f = 0; f <= MAX_FILLERS && p < s1; f++, p++) {
    // "a 30-day state of siege", "the night-time curfew": a hyphenated modifier counts once.
    if (hyphenPart(view, p) && p > pos && hyphenPart(view, p - 1)) f--;
    const words = new Map(st.words);
    const inName = types.kind === 'event' && view.tokens[p].pos === 'PROPN' && /^[A-Z][a-z]/.test(view.tokens[p].text);
    if (!inName && litMatches(view, slot, p, 0, s1, words)) {
      const r = matchRight(view, slots, i + 1, p + 1, s1, types, { ...st, words, last: p });
      if (r) return r;
    }
    // "staged mass demonstrations", "opened a landmark hearing": a noun modifying the cue noun.
    const compound = view.tokens[p].pos === 'NOUN' && view.tokMention[p] < 0 && slot.pos !== 'VERB' && litMatches(view, slot, p + 1, 0, s1, new Map()) && view.tokens[p + 1].pos === 'NOUN';
    if (!isFiller(view, p) && !compound && !hyphenModifier(view, p)) break;
  }
  if (slot.optional) return matchRight(view, slots, i + 1, pos, s1, types, st);
  return null;
}

function litMatches(view: DocView, slot: Extract<Slot, { kind: 'lit' }>, tok: number, s0: number, s1: number, words: Map<string, string>): boolean {
  if (tok < s0 || tok >= s1) return false;
  const hit = slot.any ? view.norm[tok] : slot.words.has(view.lemma[tok]) ? view.lemma[tok] : slot.words.has(view.norm[tok]) ? view.norm[tok] : null;
  if (hit === null) return false;
  // A wildcard word is a common word, never part of a name.
  if (slot.any && view.tokMention[tok] >= 0) return false;
  const pos = view.tokens[tok].pos;
  if (slot.pos && pos !== slot.pos && !(slot.pos === 'VERB' && (pos === 'AUX' || taggedNounVerb(view, tok, s0)))) return false;
  if (slot.voice) {
    // "foreign-occupied Afghanistan", "the captured city": a participle used as an adjective.
    const before = tok - 1 >= s0 ? view.tokens[tok - 1] : null;
    if (slot.voice === 'active' && before && (before.text === '-' || before.pos === 'DET' || before.end === view.tokens[tok].start)) return false;
    const passive = isPassive(view, tok, s0, s1);
    if ((slot.voice === 'passive') !== passive) return false;
  }
  if (slot.list) words.set(slot.list, view.tokens[tok].text);
  return true;
}

/**
 * The tagger often reads a present-tense verb right after a name as a plural noun ("Hamas
 * harbors Islamic Jihad", "Serbia attacks Kosovo"): an -s noun between a mention and a mention
 * or determiner is taken as a verb.
 */
function taggedNounVerb(view: DocView, tok: number, s0: number): boolean {
  if (view.tokens[tok].pos !== 'NOUN' || !view.norm[tok].endsWith('s')) return false;
  const before = tok - 1 >= s0 && (view.tokMention[tok - 1] >= 0 || view.tokens[tok - 1].pos === 'PRON');
  const next = tok + 1 < view.tokens.length ? view.tokens[tok + 1] : null;
  const after = !!next && (view.tokMention[tok + 1] >= 0 || next.pos === 'DET' || next.pos === 'ADP');
  return before && after;
}

/** A participle with a form of "be"/"get" before it, or followed by "by". */
export function isPassive(view: DocView, tok: number, s0: number, s1: number): boolean {
  // "is investigating": a progressive, not a passive.
  if (view.norm[tok].endsWith('ing')) return false;
  if (tok + 1 < s1 && view.norm[tok + 1] === 'by') return true;
  // "Okafor, shot in June 2014 in Lagos, ...": a participle opening an apposition to a
  // name is a reduced passive relative.
  if (tok - 2 >= s0 && view.norm[tok - 1] === ',' && view.tokMention[tok - 2] >= 0 && /(?:ed|en|wn|ain)$/.test(view.norm[tok]) && tok + 1 < s1 && ['ADP', 'PUNCT'].includes(view.tokens[tok + 1].pos)) return true;
  // A participle after its noun, with the agent after a short adjunct: "a company established
  // in 1929 by X".
  if (/(ed|en)$/.test(view.norm[tok]) && tok - 1 >= s0 && view.tokens[tok - 1].pos === 'NOUN') {
    for (let k = tok + 2; k < s1 && k <= tok + 5; k++) {
      if (view.norm[k] === 'by') return true;
      if (view.tokens[k].pos === 'VERB' || view.tokens[k].pos === 'PUNCT') break;
    }
  }
  for (let i = tok - 1; i >= s0 && i >= tok - 4; i--) {
    const pos = view.tokens[i].pos;
    if (BE_FORMS.has(view.norm[i]) && (pos === 'AUX' || pos === 'VERB')) return view.norm[tok].endsWith('ed') || view.norm[tok].endsWith('en') || view.tokens[tok].pos === 'VERB';
    if (pos !== 'ADV' && pos !== 'PART') return false;
  }
  return false;
}

/** The token is a hyphen written solid with its neighbours, or a word joined to one ("30-day"). */
function hyphenPart(view: DocView, tok: number): boolean {
  const t = view.tokens;
  const joined = (a: number, b: number) => a >= 0 && b < t.length && t[a].end === t[b].start;
  if (view.norm[tok] === '-') return joined(tok - 1, tok) && joined(tok, tok + 1);
  return (tok + 1 < t.length && view.norm[tok + 1] === '-' && joined(tok, tok + 1) && joined(tok + 1, tok + 2)) || (tok > 0 && view.norm[tok - 1] === '-' && joined(tok - 1, tok) && joined(tok - 2, tok - 1));
}

/** A part of a hyphenated modifier that a word follows ("30-day", "day-old", "night-time" before a noun). */
function hyphenModifier(view: DocView, tok: number): boolean {
  if (!hyphenPart(view, tok) || view.tokMention[tok] >= 0) return false;
  let k = tok;
  while (k + 1 < view.tokens.length && hyphenPart(view, k + 1) && view.tokens[k].end === view.tokens[k + 1].start) k++;
  return k + 1 < view.tokens.length && /^[A-Za-z]/.test(view.tokens[k + 1].text);
}

function isFiller(view: DocView, tok: number): boolean {
  if (view.tokMention[tok] >= 0) return false;
  const pos = view.tokens[tok].pos;
  if ((pos === 'PROPN' || pos === 'NOUN') && TITLES.has(view.norm[tok])) return true;
  if (FILLER_POS.has(pos)) return true;
  // A participle used as an adjective after a determiner: "a noted French sculptor".
  if (pos === 'VERB' && tok > 0 && view.tokens[tok - 1].pos === 'DET' && /(ed|en)$/.test(view.norm[tok])) return true;
  if (pos === 'PRON' && POSSESSIVES.has(view.norm[tok])) return true;
  // "lifted on Friday the blockade": a date between the words of a cue.
  if (inTimex(view, tok)) return true;
  // "the Sudanese government must": the group noun a name modifies.
  if (pos === 'NOUN' && GROUP_HEADS.has(view.norm[tok]) && tok > 0 && view.tokMention[tok - 1] >= 0) return true;
  return view.norm[tok] === 'so-called';
}

function typeOk(m: MentionRef, allowed: ReadonlySet<EntityType> | null): boolean {
  return !allowed || allowed.has(m.entity.type);
}

/** The mention that ends right before `pos` (a name, or a pronoun resolved by the entity stage). */
function leftAdjacent(view: DocView, pos: number, s0: number, allowed: ReadonlySet<EntityType> | null): MentionRef[] {
  // A parenthesis between the name and the cue is an aside: "X (born 1950) is an actor".
  // The tokenizer may keep "(;" or "(," as one token.
  // Several asides in a row: "X ( Japanese name ) ( 1911 – 1945 ) was".
  for (let n = 0; n < 3 && pos - 1 >= s0 && view.norm[pos - 1] === ')'; n++) {
    let k = pos - 2;
    while (k >= s0 && !view.norm[k].startsWith('(') && k > pos - 25) k--;
    if (k >= s0 && view.norm[k].startsWith('(')) pos = k;
    else break;
  }
  // "American political writer X": a couple of adjectives between the name and the cue word.
  for (let k = 0; k < 2 && pos - 1 >= s0 && view.tokMention[pos - 1] < 0 && view.tokens[pos - 1].pos === 'ADJ'; k++) pos--;
  const m = pos - 1 >= s0 ? mentionAt(view, pos - 1) : null;
  if (!m || !typeOk(m, allowed)) return [];
  return withLeftConjuncts(view, m, s0, allowed);
}

/** The mention that starts at `pos`, after a few determiners or adjectives. */
function rightAdjacent(view: DocView, pos: number, s1: number, allowed: ReadonlySet<EntityType> | null, coordinate: boolean): MentionRef[] {
  let p = pos;
  for (let f = 0; f <= MAX_FILLERS && p < s1; f++, p++) {
    const m = mentionAt(view, p);
    if (m) {
      if (!typeOk(m, allowed)) return [];
      return coordinate ? withRightConjuncts(view, m, s1, allowed) : [m];
    }
    if (!isFiller(view, p)) return [];
  }
  return [];
}

/** The first mention of a fitting type a few tokens to the right, inside the clause. */
export function rightSearch(view: DocView, pos: number, s1: number, allowed: ReadonlySet<EntityType> | null, placeIsWhere: boolean): MentionRef[] {
  for (let p = pos; p < s1 && p < pos + RIGHT_WINDOW; p++) {
    const m = mentionAt(view, p);
    // "sent his troops to X": a possessive pronoun is the owner of the object, not the object.
    if (m && m.kind === 'pronoun' && POSSESSIVES.has(view.norm[m.firstTok])) {
      p = m.endTok - 1;
      continue;
    }
    if (m) {
      // "signed an agreement in Cairo": a place after a locative preposition is where, not whom.
      const prep = npStart(view, m, pos) - 1;
      // The preposition may stand before `pos` when a gap ("…") has consumed it.
      const afterLocative = prep >= Math.max(0, pos - GAP - 1) && LOCATIVE_PREPS.has(view.norm[prep]) && PLACE_TYPES.has(m.entity.type);
      const locative = placeIsWhere && afterLocative;
      // "staged rallies in Gaza against X": the place is where; the one they act against is whom.
      if (afterLocative && !locative) {
        const against = mentionAfterAgainst(view, m.endTok, Math.min(s1, pos + RIGHT_WINDOW + 6), allowed);
        if (against) return withRightConjuncts(view, against, s1, allowed);
      }
      if (typeOk(m, allowed) && !locative) return withRightConjuncts(view, m, s1, allowed);
      p = m.endTok - 1;
      continue;
    }
    const tok = view.tokens[p];
    if (HARD_STOPS.has(view.norm[p]) || LEFT_STOPS.has(view.norm[p])) return [];
    if (view.norm[p] === ',' && reportingClauseAfter(view, p + 1, s1)) return [];
    // "signed a deal after talks hosted by X": another clause or an adjunct of time or cause.
    if (p > pos && CLAUSE_OPENERS.has(view.norm[p])) return [];
    // "insisted that the council withdraw": a complementizer right after the cue does not end the clause.
    if (RELATIVES.has(view.norm[p]) && tok.pos === 'PRON' && !(p === pos && view.norm[p] === 'that')) return [];
    // A finite verb opens a new clause; an infinitive or gerund continues this one ("threatened
    // to cut off electricity to X"), and a verb after a determiner is a noun the tagger missed.
    const infinitive = view.norm[p - 1] === 'to' || (p - 2 >= pos && view.norm[p - 2] === 'to' && ['be', 'have'].includes(view.norm[p - 1]));
    // "the demonstration staged by students": a participle with its agent, not a new clause.
    const reduced = p + 1 < s1 && view.norm[p + 1] === 'by' && /ed$|en$/.test(view.norm[p]);
    // "detained 20 suspected ISIS members": a participle before a noun or name is an adjective.
    const attributive = /ed$/.test(view.norm[p]) && p + 1 < s1 && (view.tokMention[p + 1] >= 0 || view.tokens[p + 1].pos === 'NOUN') && ['NUM', 'DET', 'ADJ'].includes(view.tokens[p - 1]?.pos ?? '');
    // "a ceasefire brokered by Saudi Arabia": the one named after is a mediator, not a party.
    if (reduced && isMediationCue(view, p)) return [];
    if (tok.pos === 'VERB' && p > pos && !['DET', 'ADV', 'ADJ'].includes(view.tokens[p - 1].pos) && !infinitive && !reduced && !attributive && !view.norm[p].endsWith('ing')) return [];
  }
  return [];
}

/** The first mention after "against" before `end`, in the same clause. */
function mentionAfterAgainst(view: DocView, from: number, end: number, allowed: ReadonlySet<EntityType> | null): MentionRef | null {
  for (let p = from; p < end; p++) {
    if (HARD_STOPS.has(view.norm[p]) || view.norm[p] === ',' || (view.tokens[p].pos === 'VERB' && !view.norm[p].endsWith('ing'))) return null;
    if (view.norm[p] !== 'against') continue;
    for (let q = p + 1; q < end && q <= p + 5; q++) {
      const m = mentionAt(view, q);
      if (m) return typeOk(m, allowed) ? m : null;
      if (!isFiller(view, q) && view.tokens[q].pos !== 'NOUN') return null;
    }
    return null;
  }
  return null;
}

/**
 * The subject of the clause that holds the cue at `pos`: walk left over the verb chain ("had",
 * "is likely to continue to"), then to the first mention that is not inside a prepositional
 * phrase, not the object of an earlier verb and not a possessor; a relative pronoun leads to its
 * antecedent ("Omar, who had founded ...").
 */
export function leftSearch(view: DocView, pos: number, s0: number, allowed: ReadonlySet<EntityType> | null): MentionRef[] {
  // A mention inside the subject's own prepositional phrase ("a delegation of Chilean ministers",
  // "rebels in the Ivory Coast"), used when no better subject stands before the cue.
  let inSubjectPhrase: MentionRef | null = null;
  let sawVerb = false;
  // Still in the cue's own verb chain: "is expected to", "has vowed to" share the cue's subject.
  let inChain = true;
  for (let i = pos - 1, steps = 0; i >= s0 && steps < LEFT_WINDOW; i--, steps++) {
    const chainWord = ['AUX', 'ADV', 'PART'].includes(view.tokens[i].pos) || (view.tokens[i].pos === 'VERB' && view.norm[i + 1] === 'to');
    inChain &&= chainWord && view.tokMention[i] < 0;
    const m = mentionAt(view, i);
    if (m) {
      i = m.firstTok;
      if (m.kind !== 'pronoun' && (inPrepPhrase(view, m, s0) || isPossessor(view, m)) && !quantityOf(view, m, s0)) {
        // "Sudan's government lifted ...": the possessor stands for the body it owns.
        if (!sawVerb && typeOk(m, allowed) && (isPossessor(view, m) || subjectPhrasePrep(view, m, s0))) inSubjectPhrase ??= m;
        continue;
      }
      // "Ukraine said Russian forces shelled X": after a reporting verb, the subject of its clause.
      if (m.kind !== 'pronoun' && afterVerb(view, m, s0) && !afterSpeechVerb(view, m, s0)) continue;
      if (typeOk(m, allowed)) return withLeftConjuncts(view, m, s0, allowed);
      // "US Predator attacks have killed": a named weapon or operation stands for who wields it.
      const wielder = INSTRUMENT_TYPES.has(m.entity.type) ? mentionAt(view, m.firstTok - 1) : null;
      if (wielder && typeOk(wielder, allowed)) return [wielder];
      // A name of the wrong type used as a modifier is not the subject: "X was a Texas-based
      // company founded by Y", "an Iranian cleric leading the party".
      if (isModifier(view, m)) continue;
      return [];
    }
    const norm = view.norm[i];
    const tok = view.tokens[i];
    if (norm === ')') {
      const open = asideStart(view, i, s0);
      if (open >= 0) {
        i = open;
        continue;
      }
    }
    if (LEFT_STOPS.has(norm) && ELIDING.has(norm) && !sawVerb && verbChainOnly(view, i + 1, pos)) {
      // "Benin opened its borders, but was refusing X": the clause shares the first one's subject.
      const sentence = view.tokens[i].sentence;
      const shared = mainSubject(view, sentence, new Set(), allowed);
      if (shared.length && shared[0].endTok <= i) return shared;
      break;
    }
    if (HARD_STOPS.has(norm) || LEFT_STOPS.has(norm)) break;
    // "X bought Y after regulators relented": the clause opened by "after" has its own subject.
    if (CLAUSE_OPENERS.has(norm) && !sawVerb && ownSubjectBetween(view, i + 1, pos)) break;
    if (norm === ',' && !sawVerb) {
      // "Qatar, a close partner of the bloc, has declined": skip the apposition to its head.
      // "the Authority, led by President X, is to resume": a participle, "whose" or relative aside too.
      let head = appositionHead(view, i, s0);
      if (head < 0) head = asideHeadBefore(view, i, s0, view.doc.sentences[view.tokens[i].sentence].endToken);
      if (head >= 0) {
        i = head + 1;
        continue;
      }
    }
    if (RELATIVES.has(norm) && (tok.pos === 'PRON' || tok.pos === 'DET' || tok.pos === 'SCONJ')) {
      let j = i - 1;
      if (j >= s0 && view.norm[j] === ',') j--;
      // "those who are closer to X ..., like Y": the class is named by its example.
      if (j >= s0 && view.tokMention[j] < 0 && exemplifiable(view, j)) {
        const example = exemplarAfter(view, i, allowed);
        if (example.length) return example;
      }
      const ante = j >= s0 ? antecedentAt(view, j, s0, i) : null;
      // The antecedent alone: in "the alliance of X and Y, who died", only Y died.
      if (ante && typeOk(ante, allowed)) return [ante];
      // "the operation that killed X, ordered by Y": who carried out the operation.
      if (!ante && j >= s0 && OPERATION_NOUNS.has(view.lemma[j])) return agentOfOperation(view, j, pos, s0, allowed);
      if (norm !== 'that') return [];
      continue;
    }
    if (tok.pos === 'PRON' && PERSONAL.has(norm)) {
      const speaker = speakerOfPronoun(view, i, s0, allowed);
      return speaker.length ? speaker : topicOfPronoun(view, i, s0, allowed);
    }
    if (tok.pos === 'VERB' && !inChain) {
      sawVerb = true;
      inSubjectPhrase = null;
    }
  }
  if (inSubjectPhrase && !verbBefore(view, inSubjectPhrase.firstTok, s0)) return [inSubjectPhrase];
  return [];
}

/** Heads of a class of actors that an example may name: "those", "others", "groups", "factions". */
const CLASS_PRONOUNS = new Set(['those', 'ones', 'others']);
/** Words that open an example after a comma: ", like Y", ", including Y", ", notably Y". */
const EXAMPLE_OPENERS = new Set(['like', 'including', 'notably', 'especially', 'particularly', 'namely']);
/** Heads between the example word and the named group: "like the members of Y", "such as fighters from Y". */
const EXAMPLE_HEADS = new Set(['members', 'member', 'fighters', 'militants', 'leaders', 'commanders', 'followers', 'supporters', 'ranks', 'likes', 'hardliners', 'faction', 'factions', 'wing']);

/** The token at `j` heads a class of people or groups: "those", or a plural common noun. */
function exemplifiable(view: DocView, j: number): boolean {
  const t = view.tokens[j];
  if (CLASS_PRONOUNS.has(view.norm[j])) return true;
  // The tagger may read a capitalized plural opening the sentence as a name ("Militias that ...").
  return (t.pos === 'NOUN' || t.pos === 'PROPN') && /[^s]s$/.test(view.norm[j]);
}

/**
 * The actor that exemplifies the class a relative clause describes, named after the clause:
 * "those who are closer to X and want ..., like (the members of) Y", "groups that back X, such
 * as Y". The search ends at a hard stop or at the next class ("..., and those who ..."), so
 * each class keeps its own example.
 */
function exemplarAfter(view: DocView, rel: number, allowed: ReadonlySet<EntityType> | null): MentionRef[] {
  const end = view.doc.sentences[view.tokens[rel].sentence].endToken;
  for (let p = rel + 1; p < end && p < rel + 40; p++) {
    const norm = view.norm[p];
    if (HARD_STOPS.has(norm) && norm !== '”' && norm !== '"') return [];
    if (CLASS_PRONOUNS.has(norm) || (RELATIVES.has(norm) && view.tokens[p].pos === 'PRON' && view.norm[p - 1] === ',')) return [];
    let q = -1;
    if (norm === 'such' && view.norm[p + 1] === 'as') q = p + 2;
    else if (EXAMPLE_OPENERS.has(norm) && view.norm[p - 1] === ',') q = p + 1;
    if (q < 0) continue;
    for (let k = 0; k < 5 && q < end; k++, q++) {
      const m = mentionAt(view, q);
      if (m) return typeOk(m, allowed) ? withRightConjuncts(view, m, end, allowed) : [];
      if (!(isFiller(view, q) || EXAMPLE_HEADS.has(view.norm[q]) || view.norm[q] === 'of' || view.norm[q] === 'from')) return [];
    }
    return [];
  }
  return [];
}

/**
 * The antecedent of a relative pronoun whose noun phrase ends at `j`: the mention there, or, for
 * "a wing of the movement that ..." where the description itself was resolved, that head; for
 * a second relative clause ("a faction of X that enjoys autonomy, which is led by Y"), the
 * antecedent of the first.
 */
function antecedentAt(view: DocView, j: number, s0: number, rel: number): MentionRef | null {
  const m = mentionAt(view, j);
  if (m) {
    let p = m.firstTok - 1;
    while (p >= s0 && view.tokens[p].pos === 'DET') p--;
    const head = p - 1 >= s0 && view.norm[p] === 'of' ? mentionAt(view, p - 1) : null;
    return head && head.kind === 'nominal' ? head : m;
  }
  // A stacked relative: back over the previous clause to its own relative pronoun.
  for (let k = j; k >= s0 && k > rel - 12; k--) {
    if (HARD_STOPS.has(view.norm[k]) || view.tokMention[k] >= 0) return null;
    if (view.norm[k] === 'that' || view.norm[k] === 'who' || view.norm[k] === 'which') return k - 1 >= s0 ? antecedentAt(view, k - 1, s0, k) : null;
  }
  return null;
}

const SUBJECT_PHRASE_PREPS = new Set(['of', 'in', 'from', 'throughout', 'across']);

function subjectPhrasePrep(view: DocView, m: MentionRef, s0: number): boolean {
  const i = npStart(view, m, s0) - 1;
  return i >= s0 && SUBJECT_PHRASE_PREPS.has(view.norm[i]);
}

function verbBefore(view: DocView, tok: number, s0: number): boolean {
  for (let i = s0; i < tok; i++) if (view.tokens[i].pos === 'VERB') return true;
  return false;
}

const SPEECH = new Set(['say', 'said', 'says', 'announce', 'announced', 'announces', 'claim', 'claimed', 'claims', 'declare', 'declared', 'insist', 'insisted', 'warn', 'warned', 'state', 'stated', 'add', 'added', 'tell', 'told', 'report', 'reported', 'believe', 'believes', 'think', 'thinks', 'confirm', 'confirmed', 'confirms']);

/**
 * An unresolved "it"/"they" right after a reporting verb is most often its subject: "Syria says
 * it is willing to withdraw", "Hamas said they would respond".
 */
function speakerOfPronoun(view: DocView, pron: number, s0: number, allowed: ReadonlySet<EntityType> | null): MentionRef[] {
  let j = pron - 1;
  if (j >= s0 && view.norm[j] === 'that') j--;
  // "Syria said on Tuesday it would ...": a date between the verb and the pronoun.
  for (let k = 0; k < 4 && j >= s0 && (inTimex(view, j) || view.norm[j] === 'on'); k++) j--;
  if (j < s0 || !SPEECH.has(view.norm[j])) return [];
  j--;
  while (j >= s0 && ['AUX', 'ADV', 'PART'].includes(view.tokens[j].pos)) j--;
  // "Palestinian leaders said they": the name that modifies the speaking group.
  for (let k = 0; k < 2 && j >= s0 && view.tokMention[j] < 0 && view.tokens[j].pos === 'NOUN'; k++) j--;
  // "The Jubilee (Unity) party has said it": an aside between the name and its head noun.
  if (j >= s0 && view.norm[j] === ')') {
    const open = asideStart(view, j, s0);
    if (open > s0) j = open - 1;
  }
  const m = j >= s0 ? mentionAt(view, j) : null;
  return m && typeOk(m, allowed) ? [m] : [];
}

/** Groups and states, the referents an unresolved "it" or "they" may continue. */
const TOPIC_TYPES: Record<string, ReadonlySet<EntityType>> = {
  it: new Set(['ORG', 'GPE']),
  they: new Set(['ORG', 'NORP']),
};
const EXPLETIVE_NEXT = new Set(['is', 'was', "'s", 'seems', 'seemed', 'appears', 'appeared', 'remains', 'would', 'might', 'may', 'could', 'can']);

/**
 * An "it" or "they" the entity stage left unresolved, as the subject of its clause, continues
 * the topic of the sentence before: the main subject there when it is a group or a state ("The
 * group was formed in 2006. Since 2009 it has had its own branch in Yemen"), when nothing named
 * and no verb comes before it in its sentence. An "it" before a
 * form of "be" or a modal is most often expletive ("it is likely that") and is left alone.
 */
function topicOfPronoun(view: DocView, pron: number, s0: number, allowed: ReadonlySet<EntityType> | null): MentionRef[] {
  const kinds = TOPIC_TYPES[view.norm[pron]];
  if (!kinds) return [];
  let next = pron + 1;
  while (next < view.tokens.length && view.tokens[next].pos === 'ADV') next++;
  if (next >= view.tokens.length || !['VERB', 'AUX'].includes(view.tokens[next].pos)) return [];
  if (view.norm[pron] === 'it' && EXPLETIVE_NEXT.has(view.norm[next])) return [];
  const sentence = view.tokens[pron].sentence;
  if (sentence === 0) return [];
  // Only the subject of the main clause: no verb before it ("Afghanistan, where they call ..." is not).
  for (let i = s0; i < pron; i++) if (['VERB', 'AUX'].includes(view.tokens[i].pos) || view.tokMention[i] >= 0) return [];
  const types = new Set([...kinds].filter((t) => !allowed || allowed.has(t)));
  if (!types.size) return [];
  const prev = mainSubject(view, sentence - 1, new Set(), types);
  return prev.length ? [prev[0]] : [];
}


/**
 * For the comma at `close` that ends an apposition (", a close partner of the bloc,"), the last
 * token of the name it describes, or -1: the apposition opens with a determiner right after a
 * comma that follows a name, and holds no verb.
 */
function appositionHead(view: DocView, close: number, s0: number): number {
  for (let k = close - 1; k > s0 && k >= close - 14; k--) {
    const norm = view.norm[k];
    if (HARD_STOPS.has(norm) || view.tokens[k].pos === 'VERB' || RELATIVES.has(norm)) return -1;
    if (norm !== ',') continue;
    const det = view.tokens[k + 1];
    if (!det || det.pos !== 'DET' || !['a', 'an', 'the'].includes(view.norm[k + 1])) return -1;
    return view.tokMention[k - 1] >= 0 ? k - 1 : -1;
  }
  return -1;
}

/** Heads that only count or group the people named in their "of" phrase: "Thousands of Nigerians". */
const QUANTITY_HEADS = new Set(['thousands', 'hundreds', 'dozens', 'tens', 'millions', 'scores', 'group', 'groups', 'members', 'member', 'number', 'crowd', 'crowds', 'band', 'delegation', 'some', 'many', 'most', 'all', 'supporters', 'activists', 'representatives', 'leaders', 'officials']);

/** The mention is the "of" complement of a quantity or group head ("a delegation of Chilean ministers"). */
function quantityOf(view: DocView, m: MentionRef, s0: number): boolean {
  const prep = npStart(view, m, s0) - 1;
  return prep - 1 >= s0 && view.norm[prep] === 'of' && QUANTITY_HEADS.has(view.norm[prep - 1]);
}

/** A common noun (or pronoun) right before the verb chain that ends at `cue`: the clause's own subject. */
function ownSubjectBetween(view: DocView, from: number, cue: number): boolean {
  // An infinitive or a gerund ("after two months to permit") has no subject of its own.
  if (view.norm[cue - 1] === 'to' || view.norm[cue].endsWith('ing')) return false;
  let k = cue - 1;
  while (k >= from && ['AUX', 'ADV', 'PART'].includes(view.tokens[k].pos)) k--;
  return k >= from && view.tokMention[k] < 0 && ['NOUN', 'PRON'].includes(view.tokens[k].pos) && !TITLES.has(view.norm[k]);
}

/** Conjunctions after which a clause may leave its subject unsaid: "…, but was still refusing X". */
const ELIDING = new Set(['but', 'yet']);

/** Only auxiliaries, adverbs and particles between `from` and `to`: a verb chain with no subject. */
function verbChainOnly(view: DocView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!['AUX', 'ADV', 'PART'].includes(view.tokens[k].pos)) return false;
  return true;
}

/** Named things that act only through someone: "the Predator attacks", "a Hellfire missile". */
const INSTRUMENT_TYPES = new Set(['EVENT', 'PRODUCT']);
/** Nouns of an armed action whose agent may be named apart from it. */
const OPERATION_NOUNS = new Set(['operation', 'strike', 'airstrike', 'raid', 'attack', 'mission', 'bombing', 'ambush', 'offensive', 'assault', 'assassination']);
/** Participles that name who is behind an operation: "ordered by", "carried out by". */
const AGENT_PARTICIPLES = new Set(['ordered', 'launched', 'authorized', 'authorised', 'approved', 'conducted', 'directed', 'planned', 'led', 'carried', 'executed', 'mounted', 'staged']);

/**
 * The agent of an operation noun at `noun` whose relative clause holds the cue at `cue`: a name
 * before the noun ("the US operation that killed X", "Israel's raid that ..."), else one after "ordered|
 * carried out|launched by" later in the sentence ("the operation that killed X, ordered by Y").
 */
function agentOfOperation(view: DocView, noun: number, cue: number, s0: number, allowed: ReadonlySet<EntityType> | null): MentionRef[] {
  for (let k = noun - 1; k >= s0 && k >= noun - 5; k--) {
    const m = mentionAt(view, k);
    if (m) return typeOk(m, allowed) ? [m] : [];
    const pos = view.tokens[k].pos;
    if (!['DET', 'ADJ', 'NOUN', 'PART'].includes(pos) && view.norm[k] !== "'s") break;
  }
  const end = view.doc.sentences[view.tokens[cue].sentence].endToken;
  for (let k = cue + 1; k + 1 < end; k++) {
    if (!AGENT_PARTICIPLES.has(view.norm[k])) continue;
    let b = k + 1;
    if (view.norm[b] === 'out') b++;
    if (view.norm[b] !== 'by') continue;
    for (let p = b + 1; p < end && p <= b + 4; p++) {
      const m = mentionAt(view, p);
      if (m) return typeOk(m, allowed) ? [m] : [];
      if (!isFiller(view, p)) break;
    }
  }
  return [];
}

/** The "(" that opens the short aside closed at `close` ("(PKK)", "(Party of God)"), or -1. */
function asideStart(view: DocView, close: number, s0: number): number {
  for (let k = close - 1; k >= s0 && k >= close - 8; k--) {
    if (view.norm[k] === '(') return k;
    if (HARD_STOPS.has(view.norm[k])) return -1;
  }
  return -1;
}

/** The mention opens a trailing reporting clause: ", APS news agency said", ", a US official told X". */
function inReportingClause(view: DocView, m: MentionRef, s0: number, s1: number): boolean {
  const start = npStart(view, m, s0);
  if (start - 1 < s0 || view.norm[start - 1] !== ',' || !reportingClauseAfter(view, start, s1)) return false;
  // Only at the end of the sentence: the reporting verb is followed by little more than a date.
  let v = start;
  while (v < s1 && !SPEECH.has(view.norm[v]) && !SPEECH.has(view.lemma[v])) v++;
  for (let k = v + 1; k < s1; k++) if (view.tokens[k].pos === 'VERB' || k > v + 6) return false;
  return true;
}

/** ", a senior official said", ", police sources told AFP": a reporting clause, not more of this one. */
function reportingClauseAfter(view: DocView, from: number, s1: number): boolean {
  for (let p = from; p < s1 && p < from + 8; p++) {
    if (HARD_STOPS.has(view.norm[p]) || view.norm[p] === ',') return false;
    if (SPEECH.has(view.norm[p]) || SPEECH.has(view.lemma[p])) return p > from;
    if (view.tokens[p].pos === 'VERB') return false;
  }
  return false;
}

/** Start of the noun phrase that ends with the mention (determiners, adjectives, nouns before it). */
function npStart(view: DocView, m: MentionRef, s0: number): number {
  let i = m.firstTok;
  while (i - 1 >= s0 && view.tokMention[i - 1] < 0) {
    const pos = view.tokens[i - 1].pos;
    if (pos === 'DET' || pos === 'ADJ' || (pos === 'PRON' && POSSESSIVES.has(view.norm[i - 1]))) i--;
    else break;
  }
  return i;
}

function inPrepPhrase(view: DocView, m: MentionRef, s0: number): boolean {
  const i = npStart(view, m, s0) - 1;
  return i >= s0 && view.tokens[i].pos === 'ADP' && !['like', 'as'].includes(view.norm[i]) && !CLAUSE_OPENERS.has(view.norm[i]);
}

function afterSpeechVerb(view: DocView, m: MentionRef, s0: number): boolean {
  const i = npStart(view, m, s0) - 1;
  return i >= s0 && (SPEECH.has(view.norm[i]) || SPEECH.has(view.lemma[i]));
}

function afterVerb(view: DocView, m: MentionRef, s0: number): boolean {
  const i = npStart(view, m, s0) - 1;
  if (i < s0 || view.tokens[i].pos !== 'VERB') return false;
  // "Farah said the Shabaab had attacked X": after a reporting verb with no "that", a name
  // followed by a verb is the subject of what was said, not the verb's object.
  if (SPEECH.has(view.norm[i]) && !['tell', 'told', 'tells'].includes(view.norm[i]) && m.endTok < view.tokens.length && ['AUX', 'VERB'].includes(view.tokens[m.endTok].pos)) return false;
  return true;
}

/** A mention followed by a hyphen or a common noun or adjective modifies that noun. */
function isModifier(view: DocView, m: MentionRef): boolean {
  if (m.endTok >= view.tokens.length || view.tokMention[m.endTok] >= 0) return false;
  const next = view.tokens[m.endTok];
  return next.text === '-' || ((next.pos === 'NOUN' || next.pos === 'ADJ') && next.text === next.text.toLowerCase());
}

function isPossessor(view: DocView, m: MentionRef): boolean {
  const n = view.norm[m.endTok];
  return m.endTok < view.tokens.length && (n === "'s" || n === '’s' || n === "'");
}

/** Group nouns a name may modify inside a conjunct: "Israeli troops and Hezbollah fighters". */
const GROUP_HEADS = new Set(['troops', 'forces', 'military', 'army', 'police', 'government', 'officials', 'authorities', 'rebels', 'militants', 'fighters', 'soldiers', 'leaders', 'diplomats', 'negotiators', 'delegation', 'delegations', 'side', 'sides', 'guerrillas', 'guerrilla', 'militia', 'militias', 'gunmen', 'protesters', 'demonstrators', 'students', 'workers', 'farmers', 'administration', 'parliament', 'ministry', 'navy', 'warships', 'envoys', 'ministers', 'president', 'premier']);

// Coordination: "X and Y", "X, Y and Z". A comma alone joins two mentions only when the chain
// also has an "and" ("In Kenya, Fred ..." is no list).
function withLeftConjuncts(view: DocView, m: MentionRef, s0: number, allowed: ReadonlySet<EntityType> | null): MentionRef[] {
  const out = [m];
  let cur = m;
  let sawAnd = false;
  let committed = 1;
  for (;;) {
    let i = cur.firstTok - 1;
    // "Israel and the Palestinians": determiners and adjectives of the later conjunct; "X and
    // Bulgarian President Y": its title and the nationality before it.
    while (i >= s0 && view.tokMention[i] < 0 && (['DET', 'ADJ'].includes(view.tokens[i].pos) || TITLES.has(view.norm[i]))) i--;
    const modifier = i >= s0 ? mentionAt(view, i) : null;
    if (modifier && modifier.entity.type === 'NORP' && i + 1 < cur.firstTok && TITLES.has(view.norm[i + 1])) i = modifier.firstTok - 1;
    if (i < s0) break;
    let isAnd = view.norm[i] === 'and' || view.norm[i] === '&';
    if (!isAnd && view.norm[i] !== ',') break;
    i--;
    if (isAnd && i >= s0 && view.norm[i] === ',') i--;
    // "the Sudanese government and the SPLM", "Sudan's army and the RSF": a group noun after the earlier name.
    if (i - 1 >= s0 && GROUP_HEADS.has(view.norm[i]) && view.tokMention[i] < 0) {
      i--;
      if (i - 1 >= s0 && (view.norm[i] === "'s" || view.norm[i] === '’s')) i--;
    }
    const prev = i >= s0 ? mentionAt(view, i) : null;
    if (!prev || !typeOk(prev, allowed) || prev.entity === cur.entity) break;
    out.unshift(prev);
    cur = prev;
    if (isAnd) sawAnd = true;
    if (sawAnd) committed = out.length;
    isAnd = false;
  }
  return out.slice(out.length - committed);
}

function withRightConjuncts(view: DocView, m: MentionRef, s1: number, allowed: ReadonlySet<EntityType> | null): MentionRef[] {
  const out = [m];
  let cur = m;
  let committed = 1;
  for (;;) {
    let i = cur.endTok;
    // "Israeli troops and Hezbollah fighters": a group noun after the name.
    if (i < s1 && GROUP_HEADS.has(view.norm[i]) && view.tokMention[i] < 0) i++;
    if (i >= s1) break;
    let isAnd = view.norm[i] === 'and' || view.norm[i] === '&';
    if (!isAnd && view.norm[i] !== ',') break;
    i++;
    if (!isAnd && i < s1 && view.norm[i] === 'and') {
      isAnd = true;
      i++;
    }
    while (i < s1 && isFiller(view, i) && view.tokens[i].pos !== 'AUX') i++;
    const next = i < s1 ? mentionAt(view, i) : null;
    if (!next || next.firstTok !== i || !typeOk(next, allowed) || next.entity === cur.entity) break;
    out.push(next);
    cur = next;
    if (isAnd) committed = out.length;
  }
  return out.slice(0, committed);
}

/**
 * The main subject of a sentence, for nominal cues with no agent of their own ("With the capture
 * of Kabul, the Taliban gained ..."): the first mention that is not in a prepositional phrase.
 */
export function mainSubject(view: DocView, sentence: number, exclude: ReadonlySet<string>, allowed: ReadonlySet<EntityType> | null): MentionRef[] {
  const sent = view.doc.sentences[sentence];
  for (let i = sent.firstToken; i < sent.endToken; i++) {
    const m = mentionAt(view, i);
    if (!m) continue;
    i = m.endTok - 1;
    if (exclude.has(m.entity.id) || !typeOk(m, allowed)) continue;
    if (inPrepPhrase(view, m, sent.firstToken) || isPossessor(view, m) || afterVerb(view, m, sent.firstToken)) continue;
    // "..., APS news agency said": the source of the report is not the subject of its events.
    if (inReportingClause(view, m, sent.firstToken, sent.endToken)) continue;
    // "French President Jacques Chirac": the nationality modifies the person named after it.
    if (m.entity.type === 'NORP' || m.entity.type === 'GPE') {
      let k = m.endTok;
      while (k < sent.endToken && k < m.endTok + 4 && view.tokMention[k] < 0 && TITLES.has(view.norm[k])) k++;
      const head = k > m.endTok ? mentionAt(view, k) : null;
      if (head && head.entity.type === 'PERSON' && !exclude.has(head.entity.id) && typeOk(head, allowed)) return [head];
    }
    return [m];
  }
  return [];
}
