// Dates as pages write them (meta tags, JSON-LD, <time>, bylines, datelines, URLs) → YYYY-MM-DD.
// Month names come from data/article/months.json, so a language is added there, not here.
import { readFileSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import { normalForm } from './normal-form.js';

interface MonthData { months: Record<string, string[][]>; weekdays: string[]; dateWords: string[] }

let monthIndex: Map<string, number> | null = null;
let extraWords: Set<string> | null = null;

function load(): { months: Map<string, number>; words: Set<string> } {
  if (!monthIndex || !extraWords) {
    const data = JSON.parse(readFileSync(dataPath('article', 'months.json'), 'utf8')) as MonthData;
    monthIndex = new Map();
    for (const names of Object.values(data.months)) {
      names.forEach((forms, i) => forms.forEach((f) => { if (!monthIndex!.has(f)) monthIndex!.set(f, i + 1); }));
    }
    extraWords = new Set([...data.weekdays, ...data.dateWords.flatMap((w) => w.split(' '))]);
  }
  return { months: monthIndex, words: extraWords };
}

function iso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const ISO_RE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/;

/**
 * Reads the first date in `s`: ISO 8601 (with time and zone, converted to the date in that zone
 * as written), "August 2, 2022", "2 Aug 2022", "2 de agosto de 2022", "2022/08/02", "02.08.2022"
 * (day first), or "08/02/2022" only when the day cannot be the month. Null when there is none.
 */
export function parseDate(s: string): string | null {
  const isoM = ISO_RE.exec(s);
  if (isoM) return iso(Number(isoM[1]), Number(isoM[2]), Number(isoM[3]));
  const { months } = load();
  const norm = normalForm(s);
  const words = norm.split(' ');
  for (let i = 0; i < words.length; i++) {
    const month = months.get(words[i]);
    if (!month) continue;
    // Day before the month ("2 de agosto de 2022", "2 August 2022") or after ("August 2, 2022").
    const before = words[i - 1] === 'de' ? words[i - 2] : words[i - 1];
    const after = words[i + 1];
    const yearAfter = (k: number) => { for (let j = k; j < Math.min(words.length, k + 3); j++) if (/^\d{4}$/.test(words[j])) return Number(words[j]); return null; };
    if (before && /^\d{1,2}$/.test(before)) {
      const y = yearAfter(i + 1);
      if (y) { const r = iso(y, month, Number(before)); if (r) return r; }
    }
    if (after && /^\d{1,2}(st|nd|rd|th)?$/.test(after)) {
      const y = yearAfter(i + 2);
      if (y) { const r = iso(y, month, parseInt(after, 10)); if (r) return r; }
    }
  }
  const ymd = /(?<!\d)(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/.exec(s);
  if (ymd) return iso(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  const dmy = /(?<!\d)(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?!\d)/.exec(s);
  if (dmy) {
    const [a, b, y] = [Number(dmy[1]), Number(dmy[3]), Number(dmy[4])];
    // Dots are day-first everywhere; slashes are ambiguous unless one part exceeds 12.
    if (dmy[2] === '.' || a > 12) return iso(y, b, a);
    if (b > 12) return iso(y, a, b);
  }
  return null;
}

/**
 * True when the line says nothing but a date (and perhaps a time, a weekday, "Published",
 * "Updated"): such a line is page chrome, and its date may be the publication date.
 */
export function isDateOnly(line: string): boolean {
  if (!parseDate(line)) return false;
  const { months, words } = load();
  const rest = normalForm(line).split(' ').filter((w) => w && !/^\d+(st|nd|rd|th|h)?$/.test(w) && !months.has(w) && !words.has(w) && !/^(am|pm|gmt|utc|cet|cest|est|edt|pst|pdt|bst|ist|h|hs|hrs)$/.test(w));
  return rest.length === 0;
}

/** A date in a URL path: /2022/08/02/ or /2022-08-02 or /20220802/. */
export function dateFromUrl(url: string): string | null {
  let p: string;
  try { p = new URL(url).pathname; } catch { return null; }
  const m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)/.exec(p) ?? /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/.exec(p);
  return m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}
