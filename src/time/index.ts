// The time stage: every time expression in the text, normalized (TIMEX3) against the
// publication date, which it infers from the text when the input gave none.
import type { WorkingDocument } from '../model/types.js';
import { parseDay, type Day } from './calendar.js';
import { loadLexicon } from './lexicon.js';
import { inferPublished } from './published.js';
import { findTimexes } from './recognize.js';

export { findTimexes } from './recognize.js';
export { inferPublished } from './published.js';
export { calendarValue } from './values.js';
export { namedEvents, type NamedEvent } from './named-events.js';

export interface TimeOptions {
  /** The day the article is read: an inferred publication date is never after it. */
  today?: Day;
}

export function recognizeTime(doc: WorkingDocument, options: TimeOptions = {}): void {
  // "en-GB" → "en"; anything that is not a language code (it may come from a page's lang attribute) → none.
  const language = (doc.meta.language || 'en').split(/[-_]/)[0].toLowerCase();
  let lex = /^[a-z]{2,3}$/.test(language) ? loadLexicon(language) : null;
  if (!lex) {
    lex = loadLexicon('en')!;
    doc.messages.push({ severity: 'info', stage: 'time', rule: 'no-language-data', text: `no time rules for language "${language}" in data/time; English rules used` });
  }
  const now = new Date();
  const today = options.today ?? { y: now.getUTCFullYear(), m: now.getUTCMonth() + 1, d: now.getUTCDate() };

  let anchor: Day | null = null;
  if (doc.meta.published) {
    anchor = parseDay(doc.meta.published.slice(0, 10));
    if (!anchor) {
      doc.messages.push({ severity: 'warning', stage: 'time', rule: 'bad-published', text: `publication date "${doc.meta.published}" is not a calendar day; relative dates left unresolved` });
    } else if (doc.meta.published.slice(0, 10) > `${today.y}-${String(today.m).padStart(2, '0')}-${String(today.d).padStart(2, '0')}`) {
      doc.messages.push({ severity: 'warning', stage: 'time', rule: 'future-published', text: `publication date ${doc.meta.published} is in the future; relative dates resolved against it as given` });
    }
  } else {
    const guess = inferPublished(doc.meta.text, findTimexes(doc, lex, null), lex, today);
    if (guess) {
      doc.meta.published = guess.value;
      doc.publishedEvidence = { from: guess.from, confidence: guess.confidence };
      doc.messages.push({ severity: 'info', stage: 'time', rule: 'published-inferred', text: `publication date ${guess.value} inferred from ${guess.from} (confidence ${guess.confidence})` });
      anchor = parseDay(guess.value);
    }
  }
  doc.timexes = findTimexes(doc, lex, anchor);
}
