// The publication date of an article that came without one, inferred from the text's own
// anchors: a "Published 3 March 2021" line, a wire dateline "KABUL, Aug 30 (Reuters) –", a full
// date near the top, or, weakest, the latest full date the article mentions.
import type { Timex } from '../model/types.js';
import { parseDay, formatDay, type Day } from './calendar.js';
import { key, type Lexicon } from './lexicon.js';

export interface PublishedGuess {
  value: string;
  from: string;
  confidence: number;
}

const FULL_DAY = /^\d{4}-\d{2}-\d{2}$/;
const CUE = /(?:published|updated|posted|released|date|dated|last modified)\b[^\n.]{0,25}$/i;

/**
 * `timexes` are those found with no anchor, so only explicit dates have full values.
 * `today` bounds the guess: an article cannot be published after it is read.
 */
export function inferPublished(text: string, timexes: Timex[], lex: Lexicon, today: Day): PublishedGuess | null {
  const latest = formatDay(today);
  // Dates and clock times on a known day ("12:05 PM EDT, March 4, 2019"), as days.
  const days = timexes
    .filter((t) => (t.type === 'DATE' || t.type === 'TIME') && FULL_DAY.test(t.value.slice(0, 10)) && t.value.slice(0, 10) <= latest)
    .map((t) => ({ ...t, value: t.value.slice(0, 10) }));

  // 1. A date introduced as the publication date.
  for (const t of days) {
    const before = text.slice(Math.max(0, t.start - 40), t.start);
    if (CUE.test(before)) {
      return { value: t.value, from: `"${before.trim().split(/\s+/).slice(-3).join(' ')} ${t.text}"`, confidence: 0.9 };
    }
  }

  // 2. A wire dateline at the start of a paragraph: "KABUL, Aug 30 (Reuters) -".
  const month = lex.alt.month;
  const dateline = new RegExp(`^[ \\t]*[\\p{Lu}][\\p{L} .'-]{1,40},\\s+(?<mo>${month})\\s+(?<d>[0-3]?\\d)(?:,\\s+(?<y>[12]\\d{3}))?\\s*(?:\\([^)\\n]{1,40}\\))?\\s*[-–—]`, 'imu');
  const m = dateline.exec(text);
  // The case-insensitive flag (for "AUG") also lets \p{Lu} match lower case: a place name is capitalized.
  if (m?.groups && /^\s*\p{Lu}/u.test(m[0])) {
    const mo = lex.months[key(m.groups.mo).replace(/\.$/, '')];
    const d = +m.groups.d;
    let y = m.groups.y ? +m.groups.y : null;
    // A dateline without a year takes the latest year the text names (not after today), else
    // this year; a day that would then lie in the future is last year's.
    if (y === null) {
      const years = timexes.map((t) => /^(\d{4})/.exec(t.value)?.[1]).filter((v): v is string => !!v).map(Number).filter((v) => v <= today.y);
      y = years.length ? Math.max(...years) : today.y;
      if (`${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` > latest) y -= 1;
    }
    const value = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    if (parseDay(value) && value <= latest) {
      return { value, from: `dateline "${m[0].trim()}"`, confidence: m.groups.y ? 0.85 : 0.6 };
    }
  }

  // 3. A full date near the top (a byline or date line under the title).
  const top = days.find((t) => t.start < 400);
  if (top) return { value: top.value, from: `"${top.text}" near the top`, confidence: 0.6 };

  // 4. The latest full date mentioned: the article is at least that recent.
  if (days.length) {
    const last = days.reduce((a, b) => (b.value > a.value ? b : a));
    return { value: last.value, from: `latest date mentioned, "${last.text}"`, confidence: 0.3 };
  }
  return null;
}
