// What a rule may ask about the words around a match: the part of speech of a word, and whether
// the sentence speaks of the past or the future (which decides "Friday" or "June" with no year).
import type { Token, WorkingDocument } from '../model/types.js';
import type { Lexicon } from './lexicon.js';
import type { Day } from './calendar.js';

/** `present`: a finite present-tense verb governs the expression ("arrives on Tuesday"). */
export type Tense = 'past' | 'future' | 'present' | 'unknown';

export interface TimeContext {
  text: string;
  lex: Lexicon;
  /** The date relative expressions are resolved against (the publication date), if known. */
  anchor: Day | null;
  /** Universal POS of the token that starts at `offset`, when the analyze stage made one. */
  posAt(offset: number): string | undefined;
  /** The tense of the sentence around `offset`. */
  tenseAt(offset: number): Tense;
}

/** Words after which a bare verb is an infinitive or governed by an auxiliary, not a finite present. */
const NOT_FINITE_BEFORE = new Set(['to', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'shall', 'do', 'does', 'did', 'not', "n't", "'ll", "'d", 'let', 'help', 'make']);
const PRESENT_FORMS = new Set(['is', 'are', 'am', "'s", "'re", "'m", 'has', 'have', 'does', 'do']);

export function buildContext(doc: WorkingDocument, lex: Lexicon, anchor: Day | null): TimeContext {
  const { tokens, sentences } = doc;
  const tokenAt = new Map<number, Token>();
  for (const t of tokens) tokenAt.set(t.start, t);
  const futureRe = new RegExp(`(?<![\\p{L}'])${lexAlt(lex.futureCues)}(?![\\p{L}])`, 'iu');
  const pastAux = new Set(lex.pastAuxiliaries.map((w) => w.toLowerCase()));
  const perfect = new Set(lex.perfectAuxiliaries.map((w) => w.toLowerCase()));
  const tenseCache = new Map<number, Tense>();

  function sentenceIndex(offset: number): number {
    // Binary search over sentence starts.
    let lo = 0;
    let hi = sentences.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Past, if the verb form is neither the lemma nor its -s/-ing form (a past tense or participle). */
  function verbTense(t: Token): Tense | null {
    if (t.pos !== 'VERB' && t.pos !== 'AUX') return null;
    const w = t.norm;
    if (w === 'will' || w === "'ll" || w === 'shall' || w === 'wo') return 'future';
    if (pastAux.has(w)) return 'past';
    if (w === 'is' || w === 'are' || w === 'am' || (t.pos === 'VERB' && w !== t.lemma && (w === t.lemma + 's' || w === t.lemma + 'es'))) return 'present';
    if (PRESENT_FORMS.has(w) || w === t.lemma || w.endsWith('ing') || w === t.lemma + 's' || w === t.lemma + 'es') return 'unknown';
    return 'past';
  }

  function sentenceFuture(index: number): boolean {
    const s = sentences[index];
    return futureRe.test(doc.meta.text.slice(s.start, s.end));
  }

  /**
   * The tense of the verb nearest before the offset in its sentence (after it when none is
   * before): in "Microsoft said the program will run through June" the clause of "June" counts,
   * not the reporting verb. A future cue anywhere in the sentence decides when the verb does not.
   */
  /** The tense token i shows in its clause, or null when it is not a verb. */
  function clauseTense(i: number, first: number): Tense | null {
    let t = verbTense(tokens[i]);
    if (t === null) return null;
    // "to be published", "will be held": a participle after a bare "be" is passive, not past;
    // "has been scheduled", "have agreed": the present perfect says nothing of the date's side.
    if (t === 'past' && i > first && tokens[i - 1].norm === 'be') t = 'unknown';
    if ((t === 'past' || tokens[i].norm === 'been') && tokens.slice(Math.max(first, i - 2), i).some((x) => perfect.has(x.norm))) t = 'unknown';
    // A bare verb form that is not an infinitive or after an auxiliary is a plural present ("protests continue").
    if (t === 'unknown' && tokens[i].pos === 'VERB' && tokens[i].norm === tokens[i].lemma && i > first && !NOT_FINITE_BEFORE.has(tokens[i - 1].norm) && tokens[i - 1].pos !== 'AUX' && tokens[i - 1].pos !== 'PART') t = 'present';
    // "will have been", "would have": the modal a few words back decides.
    const prev = tokens.slice(Math.max(first, i - 3), i).map((x) => x.norm);
    return prev.includes('will') || prev.includes("'ll") || prev.includes('shall') ? 'future' : t;
  }

  /**
   * The tense of the verb nearest before the offset in its sentence, else of the first verb after
   * it ("On Sunday, the ministers agreed"): in "Microsoft said the program will run through June"
   * the clause of "June" counts, not the reporting verb. A future cue anywhere in the sentence
   * decides when the verb does not.
   */
  function tenseNear(index: number, offset: number): Tense {
    const s = sentences[index];
    let tense: Tense | null = null;
    for (let i = s.endToken - 1; i >= s.firstToken && tense === null; i--) {
      if (tokens[i].start < offset) tense = clauseTense(i, s.firstToken);
    }
    for (let i = s.firstToken; i < s.endToken && tense === null; i++) {
      if (tokens[i].start < offset) continue;
      tense = clauseTense(i, s.firstToken);
      // "Friday's attack is the third": a present verb after the expression says nothing of it.
      if (tense === 'present') tense = 'unknown';
    }
    let future = tenseCache.get(index);
    if (!future) tenseCache.set(index, (future = sentenceFuture(index) ? 'future' : 'unknown'));
    if (tense === null || tense === 'unknown') return future;
    return tense === 'present' && future === 'future' ? 'future' : tense;
  }

  return {
    text: doc.meta.text,
    lex,
    anchor,
    posAt: (offset) => tokenAt.get(offset)?.pos,
    tenseAt(offset) {
      const i = sentenceIndex(offset);
      return i < 0 ? 'unknown' : tenseNear(i, offset);
    },
  };
}

function lexAlt(words: string[]): string {
  const list = [...words].sort((a, b) => b.length - a.length);
  return `(?:${list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})`;
}
