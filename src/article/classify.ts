// Chrome or body? A verdict for each block (a line of scraped text, or a paragraph/heading an
// HTML extractor kept), from its cues and its shape in the sequence. Shared by the plain-text
// cleaner and the HTML extractor's last pass.
import { matchCues, type CueSet, defaultCues } from './cues.js';
import { isDateOnly } from './dates.js';
import { wordCount } from './normal-form.js';

export interface Block {
  text: string;
  /** Marked as a heading by the markup (h1–h6): short and unpunctuated by nature. */
  heading: boolean;
  /**
   * Share of the text inside links, when the markup tells (HTML). Short lines without links in
   * an article's container are list items of the article (ingredients, results), not a menu.
   */
  linkShare?: number;
}

export interface Verdict {
  /** Why the block is chrome, or null when it is body text. */
  reason: string | null;
  /** The article's headline (kept, and the title). */
  headline: boolean;
  /** Before the first paragraph, inside the body, or after the last paragraph. */
  position: 'header' | 'body' | 'tail';
}

export interface ClassifyOptions {
  cues?: CueSet;
  /** Pick the first plausible line as the headline (plain text); HTML has its own title. */
  findHeadline?: boolean;
}

/** A call to action or a label is short; a line of this many words that only *contains* a cue is chrome. */
const CUE_LINE_MAX_WORDS = 15;
/** With two different cues, or after the article's end, longer lines with a cue are chrome too. */
const CUE_LINE_MAX_WORDS_STRONG = 40;
/** An e-mail address, a @handle or a web address: with a cue, a contact or follow-us line. */
const CONTACT = /[\w.+-]+@[\w-]+\.[\w.]+|(?:^|\s)@\w{2,}|https?:\/\/|\bwww\./u;
/** A paragraph of running text: enough words, ending like a sentence. */
const PARAGRAPH_MIN_WORDS = 10;
/** Running text long enough to end a chrome section (related stories, comments). */
const SECTION_END_MIN_WORDS = 20;
/** Short lines in a row, none a sentence: a menu, a tag list, a share bar. */
const SHORT_RUN_MAX_WORDS = 3;
const SHORT_RUN_MIN_LENGTH = 3;

const TERMINAL = /[.!?…。؟](?:["'”’»)\]]*)$/u;
const SEPARATORS = /\s[|·•]\s|\s[|·•]$|^[|·•]\s/u;
const HAS_WORD = /[\p{L}\p{N}]/u;

interface Shape {
  words: number;
  terminal: boolean;
  /** The block's own verdict from cues and form, before its neighbours are looked at. */
  own: string | null;
  opensSection: boolean;
  cueContained: number;
}

function shapeOf(block: Block, cues: CueSet): Shape {
  const text = block.text.trim();
  const words = wordCount(text);
  const terminal = TERMINAL.test(text);
  const shape: Shape = { words, terminal, own: null, opensSection: false, cueContained: 0 };
  if (!HAS_WORD.test(text)) { shape.own = 'separator'; return shape; }
  // Contained cues only decide lines up to CUE_LINE_MAX_WORDS_STRONG words: longer ones are not searched.
  const hits = matchCues(text, cues, { contains: words <= CUE_LINE_MAX_WORDS_STRONG });
  const line = hits.find((h) => h.kind === 'line');
  if (line) { shape.own = line.reason; shape.opensSection = line.opensSection; return shape; }
  // The longest phrase is the most specific: "your email address will not be published" is a
  // comment form, though "your email address" alone would be a newsletter box.
  const contained = hits.filter((h) => h.kind === 'contains').sort((a, b) => b.cue.length - a.cue.length);
  shape.cueContained = new Set(contained.map((h) => h.cue)).size;
  if (shape.cueContained > 0 && CONTACT.test(text)) shape.cueContained++;
  if (contained.length && words <= CUE_LINE_MAX_WORDS) { shape.own = contained[0].reason; return shape; }
  if (shape.cueContained >= 2 && words <= CUE_LINE_MAX_WORDS_STRONG) { shape.own = contained[0].reason; return shape; }
  if (words <= 12 && isDateOnly(text)) { shape.own = 'dateline'; return shape; }
  // "Technology | 13 October 2023", "Home | World | Politics": labels between separators.
  if (SEPARATORS.test(text)) {
    const parts = text.split(/\s*[|·•]\s*/).filter((p) => HAS_WORD.test(p));
    if (parts.length >= 2 && parts.every((p) => wordCount(p) <= 4)) {
      if (parts.some((p) => isDateOnly(p))) shape.own = 'dateline';
      else if (parts.length >= 3) shape.own = 'navigation';
    }
  }
  return shape;
}

/** Plain text cannot tell a menu from a list; HTML can: menu items are links. */
function menuLike(b: Block): boolean {
  return b.linkShare === undefined || b.linkShare > 0.3;
}

export function classifyBlocks(blocks: Block[], options: ClassifyOptions = {}): Verdict[] {
  const cues = options.cues ?? defaultCues();
  const shapes = blocks.map((b) => shapeOf(b, cues));
  const verdicts: Verdict[] = shapes.map((s) => ({ reason: s.own, headline: false, position: 'body' }));
  const isParagraph = (i: number) => !shapes[i].own && shapes[i].words >= PARAGRAPH_MIN_WORDS && shapes[i].terminal;

  let firstParagraph = shapes.findIndex((_, i) => isParagraph(i));
  let lastParagraph = -1;
  for (let i = shapes.length - 1; i >= 0; i--) if (isParagraph(i)) { lastParagraph = i; break; }
  if (firstParagraph < 0) { firstParagraph = shapes.length; lastParagraph = shapes.length; }

  // The headline: the first block that is not chrome and has a few words (or the first paragraph).
  let headline = -1;
  if (options.findHeadline) {
    for (let i = 0; i <= Math.min(firstParagraph, shapes.length - 1); i++) {
      if (shapes[i].own) continue;
      if (shapes[i].words >= 3 || i === firstParagraph) { headline = i; break; }
    }
    if (headline < 0) headline = shapes.findIndex((s) => !s.own);
    if (headline >= 0) verdicts[headline].headline = true;
  }

  for (let i = 0; i < shapes.length; i++) {
    verdicts[i].position = i < firstParagraph ? 'header' : i > lastParagraph ? 'tail' : 'body';
  }

  // Before the headline: site name, section label, menu. Nothing of the article comes first.
  for (let i = 0; i < headline; i++) if (!verdicts[i].reason) verdicts[i].reason = 'header';

  // Sections opened by a chrome heading ("Related articles", "Comments") take the short lines
  // after them (story titles, comment metadata) up to running text; after the article's last
  // paragraph, a comments section runs to the end of the page.
  let section: string | null = null;
  for (let i = 0; i < shapes.length; i++) {
    const s = shapes[i];
    if (s.opensSection) { section = s.own; continue; }
    if (!section || i === headline) continue;
    const runningText = s.words >= SECTION_END_MIN_WORDS && s.terminal && !s.own;
    if (runningText && !(section === 'comments' && verdicts[i].position === 'tail')) { section = null; continue; }
    if (!verdicts[i].reason) verdicts[i].reason = section;
  }

  // After the last paragraph, once the page's furniture has begun (the first line a cue marks
  // as chrome), short unpunctuated lines belong to it. Before that they are the article's own
  // closing lines (a list of dates, a credit, a link) and stay.
  let furniture = -1;
  for (let i = lastParagraph + 1; i < shapes.length; i++) if (shapes[i].own && shapes[i].own !== 'separator') { furniture = i; break; }
  for (let i = furniture < 0 ? shapes.length : furniture + 1; i < shapes.length; i++) {
    const s = shapes[i];
    if (verdicts[i].reason || i === headline || blocks[i].heading) continue;
    if (s.cueContained > 0 && s.words <= CUE_LINE_MAX_WORDS_STRONG) verdicts[i].reason = 'boilerplate';
    else if (!s.terminal && s.words <= 8 && menuLike(blocks[i])) verdicts[i].reason = 'boilerplate';
  }

  // Runs of very short unpunctuated lines: menus, tag lists, share bars. Inside the article a
  // run needs a chrome line among it ("Share", "Facebook", "Twitter"); a bare run there is a list.
  let runStart = -1;
  let runHasChrome = false;
  const closeRun = (end: number) => {
    const outside = runStart >= 0 && (verdicts[runStart].position !== 'body' || verdicts[end - 1].position !== 'body');
    if (runStart >= 0 && end - runStart >= SHORT_RUN_MIN_LENGTH && (runHasChrome || outside)) {
      for (let k = runStart; k < end; k++) if (!verdicts[k].reason && k !== headline) verdicts[k].reason = 'navigation';
    }
    runStart = -1;
    runHasChrome = false;
  };
  for (let i = 0; i < shapes.length; i++) {
    const s = shapes[i];
    const short = !blocks[i].heading && i !== headline && s.words <= SHORT_RUN_MAX_WORDS && !s.terminal && menuLike(blocks[i]);
    // Chrome already found inside a run does not break it.
    if (short || (runStart >= 0 && verdicts[i].reason)) {
      if (runStart < 0) runStart = i;
      if (verdicts[i].reason && verdicts[i].reason !== 'separator') runHasChrome = true;
      continue;
    }
    closeRun(i);
  }
  closeRun(shapes.length);
  return verdicts;
}
