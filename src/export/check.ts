// Readers the export tests use to parse the output back: a strict XML well-formedness check
// and an RFC 4180 CSV reader. Plain functions that throw, so scripts can use them too.

/**
 * Strict XML 1.0 well-formedness (linkedom's parser forgives errors, so it cannot judge that):
 * one root, balanced tags, quoted attributes without `<` or bare `&`, no duplicate attributes,
 * no bare `&` or `<` in text, no characters XML forbids.
 */
export function assertWellFormedXml(xml: string): void {
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(xml)) throw new Error('a character XML forbids');
  let rest = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  while (rest.length) {
    const lt = rest.indexOf('<');
    const text = lt === -1 ? rest : rest.slice(0, lt);
    if (entity.test(text)) throw new Error(`bare & in text: ${text.slice(0, 60)}`);
    if (stack.length === 0 && text.trim()) throw new Error(`text outside the root: ${text.slice(0, 60)}`);
    if (lt === -1) break;
    rest = rest.slice(lt);
    if (rest.startsWith('<!--')) { rest = rest.slice(rest.indexOf('-->') + 3); continue; }
    const m = /^<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(rest);
    if (!m) throw new Error(`malformed tag: ${rest.slice(0, 80)}`);
    const [all, close, name, attrs, selfClose] = m;
    const names = [...attrs!.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*("[^"]*"|'[^']*')/g)].map((a) => {
      if (entity.test(a[2]!)) throw new Error(`bare & in attribute ${a[1]}`);
      return a[1];
    });
    if (new Set(names).size !== names.length) throw new Error(`duplicate attribute in <${name}>`);
    if (close) {
      if (stack.pop() !== name) throw new Error(`</${name}> closes the wrong element`);
    } else if (!selfClose) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
    rest = rest.slice(all!.length);
  }
  if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
}

/** RFC 4180 reader: quoted cells may hold commas, quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}
