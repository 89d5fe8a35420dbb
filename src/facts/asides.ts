// Asides: a phrase set off by a comma right after a name that describes that name, not the
// clause around it: an apposition ("X, a group led by Y,"), a participle phrase ("X, founded in
// 1987,", "X, led by Y,"), a "whose" phrase or a non-restrictive relative clause ("X, which Y
// has run since 2007"). The clause's subject is the name before the aside, and a date inside an
// aside belongs to the aside's own fact, never to the clause around it (and back).
import type { DocView } from './view.js';

export interface Aside {
  /** The opening comma. */
  open: number;
  /** One past the aside's last token: its closing comma, a hard stop or the sentence end. */
  end: number;
  /** Last token of the name the aside describes. */
  head: number;
  /** The aside ends at a comma, and the clause goes on after it. */
  closed: boolean;
}

const STOPS = new Set([',', ';', ':', '(', ')', '—', '–', '“', '”', '"', '.', '!', '?']);
const RELATIVE_OPENERS = new Set(['who', 'which', 'whom', 'whose']);
/** Past participles, regular and the common irregular endings ("led", "held", "built", "run"). */
const PARTICIPLE = /(?:ed|en|wn|ain|ld|lt|pt|ung|ught|ound|ade|un)$/;

/** A past participle with a prepositional phrase after it: "led by", "founded in", "based in". */
function participleWithAdjunct(view: DocView, k: number, s1: number): boolean {
  return view.tokens[k].pos === 'VERB' && PARTICIPLE.test(view.norm[k]) && k + 1 < s1 && view.tokens[k + 1].pos === 'ADP';
}

function asideAt(view: DocView, open: number, s0: number, s1: number): Aside | null {
  if (open - 1 < s0 || view.tokMention[open - 1] < 0 || open + 1 >= s1) return null;
  const first = open + 1;
  const word = view.norm[first];
  let kind: 'np' | 'participle' | 'relative';
  if (RELATIVE_OPENERS.has(word) && ['PRON', 'DET', 'SCONJ'].includes(view.tokens[first].pos)) kind = 'relative';
  else if (participleWithAdjunct(view, first, s1)) kind = 'participle';
  else if (['a', 'an', 'the'].includes(word) && view.tokens[first].pos === 'DET') kind = 'np';
  else return null;
  let end = segmentEnd(view, first, s1);
  // "who had founded Y in Bouaké, in central Ivory Coast, in 2002": a prepositional phrase
  // set off by commas, with no verb of its own, goes on with the aside.
  while (end + 1 < s1 && view.norm[end] === ',' && view.tokens[end + 1].pos === 'ADP') {
    const next = segmentEnd(view, end + 1, s1);
    let verbless = true;
    for (let k = end + 1; k < next; k++) if (['VERB', 'AUX'].includes(view.tokens[k].pos)) verbless = false;
    if (!verbless) break;
    end = next;
  }
  const closed = end < s1 && view.norm[end] === ',';
  if (kind === 'np') {
    for (let k = first; k < end; k++) {
      const t = view.tokens[k];
      // "X, the PLO and Hamas signed": a list or a finite clause, not a description of X.
      if (t.pos === 'AUX' || (t.pos === 'VERB' && !participleWithAdjunct(view, k, s1))) return null;
      if (['and', 'or'].includes(view.norm[k])) {
        let q = k + 1;
        while (q < end && ['DET', 'ADJ'].includes(view.tokens[q].pos)) q++;
        if (q < end && view.tokMention[q] >= 0) return null;
      }
    }
  }
  return { open, end, head: open - 1, closed };
}

/** The first comma or hard stop from `from`, or the sentence end. */
function segmentEnd(view: DocView, from: number, s1: number): number {
  let end = from;
  while (end < s1 && !STOPS.has(view.norm[end])) end++;
  return end;
}

/** The asides of the sentence spanning tokens [s0, s1), in text order, none inside another. */
export function asidesIn(view: DocView, s0: number, s1: number): Aside[] {
  const out: Aside[] = [];
  for (let k = s0 + 1; k < s1; k++) {
    if (view.norm[k] !== ',') continue;
    const a = asideAt(view, k, s0, s1);
    if (!a) continue;
    out.push(a);
    // Past the closing comma too: "X, led by Y, attacked" opens no second aside at Y.
    k = a.end;
  }
  return out;
}

/** The aside that holds token `tok` (its opening comma included), or null. */
export function asideHolding(asides: readonly Aside[], tok: number): Aside | null {
  return asides.find((a) => a.open <= tok && tok < a.end) ?? null;
}

/** For a comma that closes an aside, the last token of the name the aside describes, or -1. */
export function asideHeadBefore(view: DocView, close: number, s0: number, s1: number): number {
  const a = asidesIn(view, s0, s1).find((x) => x.closed && x.end === close);
  return a ? a.head : -1;
}
