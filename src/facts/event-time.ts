// Times a fact's own sentence does not give: an event noun that refers back to an event already
// named with its date ("Before 9/11 ... after the attacks he directed"), and a sentence that
// goes on with the previous sentence's episode ("On Monday X attacked Y. Then Z ..."). The
// words are data (data/facts/time.json); the dates are always the time stage's values.
import { readFileSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import type { Fact, FactKind, FactTime, Timex } from '../model/types.js';
import { calendarValue, namedEvents } from '../time/index.js';
import { sentenceAt, tokenRange, type DocView, type MentionRef } from './view.js';

interface TimeLexicon {
  notAt: Set<string>;
  lightVerbs: Set<string>;
  definite: Set<string>;
  lookback: number;
  continuation: string[][];
  background: Set<string>;
}

let lexicon: TimeLexicon | null = null;
export function timeLexicon(): TimeLexicon {
  if (!lexicon) {
    const raw = JSON.parse(readFileSync(dataPath('facts', 'time.json'), 'utf8'));
    lexicon = {
      notAt: new Set(raw.notAt),
      lightVerbs: new Set(raw.lightVerbs ?? []),
      definite: new Set(raw.definite),
      lookback: raw.lookback ?? 2,
      continuation: (raw.continuation as string[]).map((p) => p.split(/\s+/)),
      background: new Set(raw.background),
    };
  }
  return lexicon;
}

let nounTypes: Map<string, Set<string>> | null = null;
/** Event nouns of data/facts/events.json (the head word of "drone strike") → their PLOVER types. */
function eventNounTypes(): Map<string, Set<string>> {
  if (!nounTypes) {
    nounTypes = new Map();
    const raw = JSON.parse(readFileSync(dataPath('facts', 'events.json'), 'utf8'));
    for (const e of raw.entries as Array<{ type: string; nouns?: string[] }>) {
      for (const n of e.nouns ?? []) {
        const head = n.toLowerCase().split(/\s+/).pop()!;
        let set = nounTypes.get(head);
        if (!set) nounTypes.set(head, (set = new Set()));
        set.add(e.type);
      }
    }
  }
  return nounTypes;
}

/** The PLOVER types of the event noun at `tok` ("raid", "apology"), if it is one. */
export function typesOfNoun(view: DocView, tok: number): Set<string> | undefined {
  const map = eventNounTypes();
  return map.get(view.lemma[tok]) ?? map.get(view.norm[tok]);
}

/** An event the text names with its date: "9/11", "the attacks of September 11, 2001", "the 2015 bombings". */
interface EventReference {
  sentence: number;
  /** Token where the reference starts; a referring noun must come after it. */
  tok: number;
  types: ReadonlySet<string>;
  value: string;
  text: string;
}

const references = new WeakMap<DocView, EventReference[]>();
/** Event types whose "the X" after a dated one of the same actors is that one episode (an attack, a seizure), unlike "the allegations". */
const EPISODIC = new Set(['ASSAULT', 'COERCE', 'MOBILIZE']);

function eventReferences(view: DocView): EventReference[] {
  let refs = references.get(view);
  if (refs) return refs;
  refs = [];
  const doc = view.doc;
  const published = doc.meta.published?.slice(0, 10) ?? null;
  const add = (t: Timex, types: ReadonlySet<string>) => {
    const value = calendarValue(t.value, published);
    const s = sentenceAt(doc, t.start);
    if (!value || s < 0) return;
    refs!.push({ sentence: s, tok: tokenRange(view.tokens, t.start, t.end)[0], types, value, text: t.text });
  };
  const named = new Set<Timex>();
  for (const ev of namedEvents(doc.meta.text, doc.timexes, doc.meta.language || 'en')) {
    named.add(ev.timex);
    if (ev.type) add(ev.timex, new Set([ev.type]));
  }
  for (const t of doc.timexes) {
    if (named.has(t) || t.type !== 'DATE') continue;
    const [first, end] = tokenRange(view.tokens, t.start, t.end);
    // "the attacks of September 11, 2001": the event noun governs the date.
    let k = first - 1;
    if (k >= 0 && view.norm[k] === 'the') k--;
    if (k >= 1 && view.norm[k] === 'of' && view.tokens[k - 1].pos === 'NOUN') {
      const types = typesOfNoun(view, k - 1);
      if (types) add(t, types);
      continue;
    }
    // "the 2015 Paris attacks": the date modifies the noun, a name or adjective between them.
    for (let j = end; j < end + 3 && j < view.tokens.length; j++) {
      const types = view.tokens[j].pos === 'NOUN' ? typesOfNoun(view, j) : undefined;
      if (types) {
        add(t, types);
        break;
      }
      if (view.tokMention[j] < 0 && view.tokens[j].pos !== 'ADJ') break;
    }
  }
  refs.sort((a, b) => a.tok - b.tok);
  references.set(view, refs);
  return refs;
}

/**
 * The date of an event whose cue is a definite event noun ("the attacks", "those bombings") with
 * no date in its sentence: that of the last event of the same type the text named with its date,
 * in this sentence before the noun or in the few sentences before, or told there as a dated
 * event with one of the same actors.
 */
export function referencedTime(view: DocView, sentence: number, type: string, cueStart: number, cueEnd: number, participants: readonly string[] = [], earlier: readonly Fact[] = []): FactTime | null {
  const lex = timeLexicon();
  let noun = -1;
  for (let k = cueStart; k < cueEnd; k++) if (view.tokens[k].pos === 'NOUN' && typesOfNoun(view, k)?.has(type)) { noun = k; break; }
  if (noun < 0) return null;
  let j = noun - 1;
  const s0 = view.doc.sentences[sentence].firstToken;
  while (j >= s0 && j > noun - 4 && (view.tokens[j].pos === 'ADJ' || view.tokMention[j] >= 0)) j--;
  if (j < s0 || !lex.definite.has(view.norm[j])) return null;
  let best: { tok: number; at: string; text?: string } | null = null;
  for (const r of eventReferences(view)) {
    if (!r.types.has(type) || r.sentence < sentence - lex.lookback || r.tok >= j) continue;
    best = { tok: r.tok, at: r.value, text: r.text };
  }
  // Or a dated event of that type told just before with one of the same actors: "X attacked Y
  // on Monday. ... the bombing of Z by X".
  const doc = view.doc;
  for (const f of earlier) {
    if (!EPISODIC.has(type) || f.type !== type || !f.time?.at || f.modality !== 'asserted') continue;
    if (!participants.includes(f.subject) && !(f.object && participants.includes(f.object))) continue;
    const fs = sentenceAt(doc, f.evidence[0].start);
    if (fs < sentence - lex.lookback || fs >= sentence) continue;
    const tok = doc.sentences[fs].firstToken;
    if (!best || tok > best.tok) best = { tok, at: f.time.at };
  }
  return best ? { at: best.at, ...(best.text ? { text: best.text } : {}) } : null;
}

function startsWith(view: DocView, at: number, end: number, phrase: string[]): boolean {
  return at + phrase.length <= end && phrase.every((w, k) => view.norm[at + k] === w);
}

/** The point dates a sentence gives its events: DATE/TIME values not after "before", "since"... */
export function pointDates(view: DocView, sentence: number): string[] {
  const lex = timeLexicon();
  const published = view.doc.meta.published?.slice(0, 10) ?? null;
  const out: string[] = [];
  for (const t of view.sentenceTimexes[sentence]) {
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    const v = calendarValue(t.value.split('/')[0], published);
    if (!v) continue;
    const [first] = tokenRange(view.tokens, t.start, t.end);
    if (first > 0 && lex.notAt.has(view.norm[first - 1])) continue;
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/**
 * The date of an event or life event carried over from the previous sentence, only where the
 * sentence clearly goes on with the same episode: it opens with "then", "that day", "hours
 * later"..., or its subject is a pronoun for an actor of a dated event there. Never into a
 * background clause ("he had survived"), never when the sentence has dates of its own.
 */
export function continuedTime(view: DocView, sentence: number, kind: FactKind, cueStart: number, subjects: MentionRef[], subjectEnd: number, earlier: readonly Fact[]): FactTime | null {
  if (kind === 'relation' || sentence === 0) return null;
  const lex = timeLexicon();
  const doc = view.doc;
  const sent = doc.sentences[sentence];
  if (view.sentenceTimexes[sentence].some((t) => /^\d/.test(t.value))) return null;
  const chainStart = subjectEnd >= 0 && subjectEnd <= cueStart ? subjectEnd : Math.max(sent.firstToken, cueStart - 4);
  for (let i = chainStart; i < cueStart; i++) if (lex.background.has(view.norm[i]) && view.tokens[i].pos !== 'PART') return null;
  // A continuation phrase at the start (after "and"/"but") or right before the cue ("Y then attacked").
  let open = sent.firstToken;
  while (open < sent.endToken && ['and', 'but', ','].includes(view.norm[open])) open++;
  // "then-President Bush" is a title of the time, not the next step of the story.
  const adjectival = (k: number) => view.tokens[k + 1]?.text === '-' || /^then-/i.test(view.tokens[k].text);
  const continues = lex.continuation.some((p) => (startsWith(view, open, sent.endToken, p) && !(p.length === 1 && adjectival(open))) || (p.length === 1 && cueStart - 1 > open && view.norm[cueStart - 1] === p[0]));
  const previous = sentence - 1;
  if (continues) {
    const dates = pointDates(view, previous);
    if (dates.length === 1) return { at: dates[0] };
    const fromFacts = datesOfFactsIn(doc, previous, earlier, null);
    return fromFacts.length === 1 ? { at: fromFacts[0] } : null;
  }
  const pronoun = subjects.find((m) => m.kind === 'pronoun');
  if (!pronoun || !pastVerb(view, cueStart)) return null;
  const fromFacts = datesOfFactsIn(doc, previous, earlier, pronoun.entity.id);
  return fromFacts.length === 1 ? { at: fromFacts[0] } : null;
}

/** A verb in a past form ("attacked", "fled"), not a present, a gerund or an infinitive. */
function pastVerb(view: DocView, tok: number): boolean {
  const t = view.tokens[tok];
  if (t.pos !== 'VERB' || view.norm[tok] === view.lemma[tok]) return false;
  if (/(?:ing|s)$/.test(view.norm[tok]) || view.norm[tok - 1] === 'to') return false;
  return true;
}

/** Distinct `at` dates of the events and life events of a sentence (with the entity among their actors). */
function datesOfFactsIn(doc: DocView['doc'], sentence: number, facts: readonly Fact[], entity: string | null): string[] {
  const out: string[] = [];
  for (const f of facts) {
    if (f.kind === 'relation' || !f.time?.at || f.modality !== 'asserted') continue;
    if (sentenceAt(doc, f.evidence[0].start) !== sentence) continue;
    if (entity && f.subject !== entity && f.object !== entity) continue;
    if (!out.includes(f.time.at)) out.push(f.time.at);
  }
  return out;
}

/**
 * A killing and the death it caused are one episode: an assault on a person with no date (or
 * place) of its own, said in a sentence with a killing verb that also states that person's death,
 * takes the death's date and place ("Both leaders were killed by US forces. The first, in May
 * 2011 in Pakistan."). Runs on merged facts.
 */
export function shareDeathEpisodes(doc: DocView['doc'], facts: Fact[], killing: (lemma: string) => boolean): void {
  const deaths = facts.filter((f) => f.type === 'died' && f.modality === 'asserted' && (f.time?.at || f.place));
  if (!deaths.length) return;
  const killingSentence = (start: number) => {
    const s = sentenceAt(doc, start);
    if (s < 0) return false;
    const sent = doc.sentences[s];
    for (let i = sent.firstToken; i < sent.endToken; i++) if (doc.tokens[i].pos === 'VERB' && killing(doc.tokens[i].lemma.toLowerCase())) return true;
    return false;
  };
  for (const f of facts) {
    if (f.type !== 'ASSAULT' || !f.object || f.modality !== 'asserted' || (f.time?.at && f.place)) continue;
    const death = deaths.find((d) => d.subject === f.object && d.evidence.some((e) => f.evidence.some((x) => x.start === e.start) && killingSentence(e.start)));
    if (!death) continue;
    if (!f.time?.at && death.time?.at) f.time = { ...(f.time ?? {}), at: death.time.at };
    if (!f.place && death.place) f.place = death.place;
  }
}
