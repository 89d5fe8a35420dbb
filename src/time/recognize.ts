// Runs every rule over the text and keeps the best non-overlapping proposals: the longest wins,
// and among equals the rule listed first (events before general dates).
import type { Timex, WorkingDocument } from '../model/types.js';
import type { Day } from './calendar.js';
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
        if (f.end > f.start && f.value) proposals.push({ ...f, rank });
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
  return kept.map((p) => trimmed({ start: p.start, end: p.end, text: text.slice(p.start, p.end), type: p.type, value: p.value }));
}

/** Drops whitespace and a trailing comma the patterns may have taken in at either end. */
function trimmed(t: Timex): Timex {
  const lead = t.text.length - t.text.trimStart().length;
  const body = t.text.trim().replace(/[,;]$/, '');
  return { ...t, start: t.start + lead, end: t.start + lead + body.length, text: body };
}
