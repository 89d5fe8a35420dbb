// An HTML document → its text blocks in reading order (paragraphs, headings, list items, lines
// split by <br>), each with what the extractor needs to judge it: its length, how much of it is
// link text, the elements above it, and whether it sits in a figure caption or a heading.

export interface HtmlBlock {
  text: string;
  /** Characters of the text inside <a> elements. */
  linkChars: number;
  /** Tag of the nearest block element (P, LI, H2, DIV...). */
  tag: string;
  heading: boolean;
  /** Inside <figure>/<figcaption>/<caption>: a caption or a credit, not the article's prose. */
  caption: boolean;
  /** Inside <pre>: text kept as one block. */
  /** The block elements above the text, nearest last (body first). */
  ancestors: Element[];
}

/** Never content: scripts, styles, embedded media, forms' controls, navigation and asides. */
const DROP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA', 'OPTION', 'LABEL', 'CANVAS', 'OBJECT', 'EMBED', 'NAV', 'ASIDE', 'FOOTER', 'LINK', 'META', 'AUDIO', 'VIDEO', 'MAP', 'DIALOG', 'MENU', 'MATH', 'PICTURE', 'IMG', 'SOURCE', 'TITLE']);
const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'DL', 'DD', 'DT', 'FIGURE', 'FIGCAPTION', 'CAPTION', 'HEADER', 'ADDRESS', 'HR', 'CENTER', 'DETAILS', 'SUMMARY', 'BODY', 'HTML', 'FORM', 'FIELDSET', 'HGROUP']);
const HEADING = /^H[1-6]$/;
const CAPTION = new Set(['FIGURE', 'FIGCAPTION', 'CAPTION']);
/** Markup depth beyond which a page is not an article but an attack or a broken generator. */
export const MAX_DEPTH = 400;

function hidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return !!style && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

export function collectBlocks(root: Element): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  const stack: Element[] = [];
  let parts: string[] = [];
  let linkChars = 0;
  let caption = 0;
  let inLink = 0;

  const flush = () => {
    const text = parts.join('').replace(/\s+/g, ' ').trim();
    if (text) {
      const owner = stack[stack.length - 1];
      const tag = owner?.tagName ?? 'BODY';
      blocks.push({ text, linkChars: Math.min(linkChars, text.length), tag, heading: HEADING.test(tag), caption: caption > 0, ancestors: stack.slice() });
    }
    parts = [];
    linkChars = 0;
  };

  // Iterative walk: deeply nested markup must not overflow the call stack.
  type Frame = { node: Node; exit: boolean; pushed?: boolean };
  const todo: Frame[] = [{ node: root, exit: false }];
  while (todo.length) {
    const { node, exit, pushed } = todo.pop()!;
    if (node.nodeType === 3) {
      const t = node.nodeValue ?? '';
      parts.push(t);
      if (inLink) linkChars += t.replace(/\s+/g, ' ').trim().length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (exit) {
      if (tag === 'A') inLink--;
      if (pushed) { flush(); stack.pop(); if (CAPTION.has(tag)) caption--; }
      continue;
    }
    if (DROP.has(tag) || hidden(el)) continue;
    if (tag === 'BR') { flush(); continue; }
    // Past MAX_DEPTH block elements count as inline: the text stays, the depth stops growing.
    const push = BLOCK.has(tag) && stack.length < MAX_DEPTH;
    if (push) {
      flush();
      stack.push(el);
      if (CAPTION.has(tag)) caption++;
    } else if (tag === 'A') inLink++;
    else if (tag === 'TD' || tag === 'TH') parts.push(' ');
    todo.push({ node: el, exit: true, pushed: push });
    const kids = el.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) todo.push({ node: kids[i], exit: false });
  }
  flush();
  return blocks;
}
