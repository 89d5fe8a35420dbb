// What a rule may ask about the words around a match: the part of speech of a word, and whether
// the sentence speaks of the past or the future (which decides "Friday" or "June" with no year).
import type { Token, WorkingDocument } from '../model/types.js';
import type { Lexicon } from './lexicon.js';
import type { Day } from './calendar.js';

export type Tense = 'past' | 'future' | 'unknown';

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

const PRESENT_FORMS = new Set(['is', 'are', 'am', "'s", "'re", "'m", 'has', 'have', 'does', 'do']);

export function buildContext(doc: WorkingDocument, lex: Lexicon, anchor: Day | null): TimeContext {
  const { tokens, sentences } = doc;
  const tokenAt = new Map<number, Token>();
  for (const t of tokens) tokenAt.set(t.start, t);
  const futureRe = new RegExp(`(?<![\\p{L}'])${lexAlt(lex.futureCues)}(?![\\p{L}])`, 'iu');
  const pastAux = new Set(lex.pastAuxiliaries.map((w) => w.toLowerCase()));
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

  function sentenceTense(index: number): Tense {
    const cached = tenseCache.get(index);
    if (cached) return cached;
    const s = sentences[index];
    let tense: Tense = 'unknown';
    if (futureRe.test(doc.meta.text.slice(s.start, s.end))) tense = 'future';
    else {
      for (let i = s.firstToken; i < s.endToken; i++) {
        const t = tokens[i];
        if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
        const w = t.norm;
        if (pastAux.has(w)) { tense = 'past'; break; }
        if (PRESENT_FORMS.has(w) || w === t.lemma || w.endsWith('ing') || w === t.lemma + 's' || w === t.lemma + 'es') continue;
        // A verb form that is neither the lemma nor its -s/-ing form: a past tense or participle.
        tense = 'past';
        break;
      }
    }
    tenseCache.set(index, tense);
    return tense;
  }

  return {
    text: doc.meta.text,
    lex,
    anchor,
    posAt: (offset) => tokenAt.get(offset)?.pos,
    tenseAt(offset) {
      const i = sentenceIndex(offset);
      return i < 0 ? 'unknown' : sentenceTense(i);
    },
  };
}

function lexAlt(words: string[]): string {
  const list = [...words].sort((a, b) => b.length - a.length);
  return `(?:${list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})`;
}
