// Markup nested tens of thousands deep (broken generators, or an attack) makes parsing quadratic.
// Before parsing, tags past a nesting limit are dropped: their text stays, in order, inside the
// deepest element kept. Elements that close implicitly (p, li, td...) and void elements do not
// count, so ordinary pages pass through unchanged.

export const MAX_NESTING = 1000;

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*?(\/?)>/g;
/** Void elements and those whose end tag is optional: they do not nest in practice. */
const FLAT = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp', 'html', 'head', 'body']);
/** Raw-text elements: what is inside them is not markup. */
const RAW = /<(script|style|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/** The markup with tags beyond `max` levels removed, or the same string when none are that deep. */
export function limitNesting(html: string, max = MAX_NESTING): string {
  // Cheap test first: a page cannot nest deeper than it has tags.
  let opens = 0;
  for (let i = html.indexOf('<'); i >= 0 && opens <= max; i = html.indexOf('<', i + 1)) opens++;
  if (opens <= max) return html;
  const raw: string[] = [];
  const masked = html.replace(RAW, (m) => { raw.push(m); return `\u0000${raw.length - 1}\u0000`; });
  let depth = 0;
  let deep = false;
  const out = masked.replace(TAG, (m, close: string, name: string, selfClose: string) => {
    const tag = name.toLowerCase();
    if (FLAT.has(tag) || selfClose) return m;
    if (close) {
      const drop = depth > max;
      depth = Math.max(0, depth - 1);
      return drop ? '' : m;
    }
    depth++;
    if (depth > max) { deep = true; return ''; }
    return m;
  });
  if (!deep) return html;
  return out.replace(/\u0000(\d+)\u0000/g, (_, k: string) => raw[Number(k)]);
}
