// Runs every rule over the text and keeps the best non-overlapping proposals: the longest wins,
// and among equals the rule listed first (events before general dates).
import type { Timex, WorkingDocument } from '../model/types.js';
import { addDays, addMonths, formatDay, formatYear, type Day } from './calendar.js';
import { buildContext } from './context.js';
import type { Lexicon } from './lexicon.js';
import { rulesFor, type Found } from './rules.js';

interface Proposal extends Found {
  rank: number;
}

export function findTimexes(doc: WorkingDocument, lex: Lexicon, anchor: Day | null): Timex[] {
  const text = doc.meta.text;
  const ctx = buildContext(doc, lex, anchor);
  const proposals: Proposal[] = [];
  rulesFor(lex).forEach((rule, rank) => {
    const re = rule.re;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const out = rule.apply(m, ctx);
      if (!out) continue;
      for (const f of Array.isArray(out) ? out : [out]) {
        if (f.end > f.start && f.value && !insideAddress(text, f.start, f.end)) proposals.push({ ...f, rank });
      }
    }
  });
  proposals.sort((a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank || a.start - b.start);
  const taken = new Uint8Array(text.length);
  const kept: Proposal[] = [];
  for (const p of proposals) {
    let free = true;
    for (let i = p.start; i < p.end; i++) if (taken[i]) { free = false; break; }
    if (!free) continue;
    taken.fill(1, p.start, p.end);
    kept.push(p);
  }
  kept.sort((a, b) => a.start - b.start);
  lendRangeYears(kept, text, lex);
  mergeDayAndTime(kept, text);
  const resolved = resolveAnaphoric(kept, text, anchor);
  return resolved.map((p) => trimmed({ start: p.start, end: p.end, text: text.slice(p.start, p.end), type: p.type, value: p.value }));
}

/** Drops whitespace and a trailing comma the patterns may have taken in at either end. */
function trimmed(t: Timex): Timex {
  const lead = t.text.length - t.text.trimStart().length;
  const body = t.text.trim().replace(/[,;]$/, '');
  return { ...t, start: t.start + lead, end: t.start + lead + body.length, text: body };
}

/** "from March to May 2013", "between June 3 and July 9, 2019": the first end takes the second's year. */
function lendRangeYears(kept: Proposal[], text: string, lex: Lexicon): void {
  const connector = new RegExp(`^\\s*${lex.alt.rangeConnector}\\s*$`, 'iu');
  for (let i = 0; i + 1 < kept.length; i++) {
    const [a, b] = [kept[i], kept[i + 1]];
    if (!a.yearless || b.yearless || !/^\d{4}-\d{2}/.test(b.value) || !/\d{4}/.test(text.slice(b.start, b.end))) continue;
    if (!connector.test(text.slice(a.end, b.start))) continue;
    const month = a.value.slice(5, 7);
    // The first end cannot come after the second: "November to February 2014" spans two years.
    const year = Number(b.value.slice(0, 4)) - (month > b.value.slice(5, 7) ? 1 : 0);
    a.value = formatYear(year) + a.value.slice(4);
  }
}

/**
 * "the following year", "that month": counted from the last date the text named with its year
 * (within the same stretch of text), else from the publication date.
 */
function resolveAnaphoric(kept: Proposal[], text: string, anchor: Day | null): Proposal[] {
  let reference: { value: string; end: number } | null = null;
  const out: Proposal[] = [];
  for (const p of kept) {
    if (p.relative) {
      const near = reference && p.start - reference.end < 600 ? reference.value : null;
      const rel = p.relative;
      const base = near ?? (anchor && !rel.onlyNearDate ? `${formatYear(anchor.y)}-${String(anchor.m).padStart(2, '0')}` : null);
      const value = base ? shiftValue(base, rel.unit, rel.shift) : null;
      if (value) p.value = value;
      else if (rel.onlyNearDate) {
        // No date to count from: "two years later" is then the duration "two years".
        p.type = 'DURATION';
        p.value = rel.duration ?? p.value;
        p.end = rel.durationEnd ?? p.end;
        out.push(p);
        continue;
      }
      // "September of that year": one expression, the month in the year just found.
      const prev = out[out.length - 1];
      if (prev?.yearless && rel.unit === 'Y' && /^\d{4}$/.test(p.value) && /^\s+of\s+$/i.test(text.slice(prev.end, p.start))) {
        prev.value = p.value + prev.value.slice(4);
        prev.end = p.end;
        prev.yearless = false;
        reference = { value: prev.value, end: prev.end };
        continue;
      }
      if (/^\d{4}/.test(p.value)) reference = { value: p.value, end: p.end };
      out.push(p);
      continue;
    }
    if (p.type === 'DATE' && /^\d{4}/.test(p.value) && /\d{4}|['’]\d{2}/.test(text.slice(p.start, p.end))) {
      reference = { value: p.value, end: p.end };
    }
    out.push(p);
  }
  return out;
}

/** "16:15 UTC, June 1st" and "June 1, 2009, 16:15": a clock time and the day just beside it are one TIME. */
function mergeDayAndTime(kept: Proposal[], text: string): void {
  for (let i = 0; i + 1 < kept.length; i++) {
    const [a, b] = [kept[i], kept[i + 1]];
    if (!/^,?\s{1,3}$/.test(text.slice(a.end, b.start))) continue;
    const [time, day] = a.type === 'TIME' ? [a, b] : [b, a];
    const clock = /T(\d{2}:\d{2})$/.exec(time.value);
    if (time.type !== 'TIME' || day.type !== 'DATE' || !clock || !/^\d{4}-\d{2}-\d{2}$/.test(day.value)) continue;
    a.value = `${day.value}T${clock[1]}`;
    a.type = 'TIME';
    a.end = b.end;
    a.yearless = false;
    kept.splice(i + 1, 1);
  }
}

const ADDRESS = /^(?:https?:|ftp:|www\.)|:\/\/|@\S*\.|\.(?:com|org|net|html?|php|aspx?|pdf|jpe?g|png)(?:[/?#]|$)/i;

/** "…/2019/03/04/story.html", "name2019@mail.com": digits inside an address are not dates. */
function insideAddress(text: string, start: number, end: number): boolean {
  let a = start;
  let b = end;
  while (a > 0 && start - a < 200 && !/\s/.test(text[a - 1])) a--;
  while (b < text.length && b - end < 200 && !/\s/.test(text[b])) b++;
  if (a === start && b === end) return false;
  return ADDRESS.test(text.slice(a, b));
}

/** A date value moved by whole units, at the coarser of its own and the unit's granularity; null when the value is too coarse. */
function shiftValue(base: string, unit: 'Y' | 'M' | 'W' | 'D', n: number): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(base);
  if (!m) return null;
  const y = Number(m[1]);
  if (unit === 'Y') return formatYear(y + n);
  if (!m[2]) return null;
  if (unit === 'M') {
    const t = addMonths({ y, m: Number(m[2]), d: 1 }, n);
    return `${formatYear(t.y)}-${String(t.m).padStart(2, '0')}`;
  }
  if (!m[3]) return null;
  return formatDay(addDays({ y, m: Number(m[2]), d: Number(m[3]) }, unit === 'W' ? 7 * n : n));
}
