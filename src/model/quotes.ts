// Direct quotes in a text: “…”, «…» and straight "…" pairs, paired within one paragraph (a
// line), or over several when each paragraph opens with a quote mark and only the last closes. Both the entity stage (a pronoun outside a quote rarely refers to a name inside it) and
// the facts stage (who says what) read them.

/** Character ranges [start, end) of the quotes of `text`, quote marks included, in text order. */
export function quoteSpans(text: string, minLength = 12): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const lineRe = /[^\n]+/g;
  // A quote left open at the end of a paragraph goes on when the next paragraph opens with a
  // quote mark (the news convention for a quote over several paragraphs).
  let carried: number | null = null;
  for (let line = lineRe.exec(text); line; line = lineRe.exec(text)) {
    const opens: number[] = [];
    const base = line.index;
    const s = line[0];
    if (!s.trim()) continue;
    const lead = s.length - s.trimStart().length;
    let from = 0;
    if (carried !== null && ['“', '«', '"'].includes(s[lead])) {
      opens.push(carried);
      from = lead + 1;
    }
    carried = null;
    for (let k = from; k < s.length; k++) {
      const ch = s[k];
      if (ch === '“' || ch === '«' || (ch === '"' && !opens.length)) opens.push(base + k);
      else if ((ch === '”' || ch === '»' || ch === '"') && opens.length) {
        const qs = opens.pop()!;
        const qe = base + k + 1;
        if (qe - qs >= minLength) out.push([qs, qe]);
      }
    }
    if (opens.length) carried = opens[0];
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** True when offset `at` lies inside one of `spans`. */
export function insideQuote(spans: ReadonlyArray<[number, number]>, at: number): boolean {
  return spans.some(([a, b]) => a <= at && at < b);
}
