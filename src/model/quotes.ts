// Direct quotes in a text: “…”, «…» and straight "…" pairs, paired within one paragraph (a
// line). Both the entity stage (a pronoun outside a quote rarely refers to a name inside it) and
// the facts stage (who says what) read them.

/** Character ranges [start, end) of the quotes of `text`, quote marks included, in text order. */
export function quoteSpans(text: string, minLength = 12): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const lineRe = /[^\n]+/g;
  for (let line = lineRe.exec(text); line; line = lineRe.exec(text)) {
    const opens: number[] = [];
    const base = line.index;
    const s = line[0];
    for (let k = 0; k < s.length; k++) {
      const ch = s[k];
      if (ch === '“' || ch === '«' || (ch === '"' && !opens.length)) opens.push(base + k);
      else if ((ch === '”' || ch === '»' || ch === '"') && opens.length) {
        const qs = opens.pop()!;
        const qe = base + k + 1;
        if (qe - qs >= minLength) out.push([qs, qe]);
      }
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** True when offset `at` lies inside one of `spans`. */
export function insideQuote(spans: ReadonlyArray<[number, number]>, at: number): boolean {
  return spans.some(([a, b]) => a <= at && at < b);
}
