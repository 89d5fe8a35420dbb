// HTML page → article body, title and metadata.
//
// 1. The page becomes text blocks in reading order (html-blocks.ts).
// 2. Each block is scored: running text (long, punctuated, few links) is good; link text and
//    text inside elements named for chrome (share, related, comments, newsletter...) are bad.
// 3. The article is the element whose blocks give the highest good − bad: the smallest region
//    that holds the prose and as little chrome as possible.
// 4. Inside it, blocks that are chrome by their markup (captions, link lists, chrome-named
//    containers) or by their words (the cue lists shared with plain text) are dropped and recorded.
import { parseHTML } from 'linkedom';
import type { Removed } from '../model/types.js';
import type { Article } from './index.js';
import { collectBlocks, type HtmlBlock } from './html-blocks.js';
import { limitNesting } from './html-depth.js';
import { readPageMeta } from './html-meta.js';
import { classifyBlocks } from './classify.js';
import { detectLanguage } from './language.js';
import { splitTitleSuffix } from './plain-text.js';
import { parseDate } from './dates.js';
import { normalForm } from './normal-form.js';

/** class/id words of containers that hold page chrome rather than the article. */
const CHROME_NAME = /(?:^|[-_\s])(comments?|commentlist|disqus|share|sharing|sharebar|social|socials|related|recommend(?:ed|ations)?|newsletter|subscribe|subscription|signup|promo|promotion|advert|advertisement|adv|ads|ad|adslot|dfp|sponsor(?:ed)?|cookie|cookies|consent|gdpr|banner|breadcrumbs?|navbar|navigation|nav|menu|footer|masthead|sidebar|widget|popup|modal|overlay|toolbar|tags|tag-list|taglist|byline|author-info|dateline|timestamp|caption|credits?|paywall|outbrain|taboola|trending|most-popular|mostpopular|read-more|readmore|more-stories|skip|sr-only|visually-hidden|print-only|hidden|jump-link|newsletters|rail|inline-related|article-meta|post-meta|entry-meta|meta|utility|tools|print|email|whatsapp|facebook|twitter)(?=$|[-_\s\d])/i;
/** Roles and tags of chrome containers. */
const CHROME_ROLE = /^(navigation|banner|contentinfo|complementary|search|dialog|alert|menu|menubar|toolbar)$/i;
/** class/id words of the article's own container. */
const CONTENT_NAME = /(?:^|[-_\s])(article|articlebody|article-body|story|story-body|storybody|entry|entry-content|post|post-content|post-body|content|body|text|main|blog|news|prose)(?=$|[-_\s\d])/i;

const TERMINAL = /[.!?…"”’)»:]$/u;

/** Below this share of its parent's prose, a container is a piece of the article, not all of it. */
const CLIMB_SHARE = 0.34;

interface Region { good: number; bad: number; local: number; chars: number; links: number }
/** Blocks that are a paragraph themselves: the container is the element above them. */
const LEAF_BLOCK = new Set(['P', 'LI', 'BLOCKQUOTE', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'DD', 'DT', 'TR', 'ADDRESS', 'FIGCAPTION']);

function nameOf(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

function isChromeElement(el: Element): boolean {
  const tag = el.tagName;
  // Quotations (embedded posts included) are the article quoting someone, whatever their class.
  if (tag === 'BODY' || tag === 'HTML' || tag === 'MAIN' || tag === 'ARTICLE' || tag === 'BLOCKQUOTE') return false;
  if (CHROME_ROLE.test(el.getAttribute('role') ?? '')) return true;
  if (tag === 'HEADER') return true;
  const name = nameOf(el);
  return !!name.trim() && CHROME_NAME.test(name) && !/articlebody|article-body|story-body|post-body|entry-content/i.test(name);
}

/** How much running text a block carries: prose is long and ends like a sentence. */
function proseWeight(b: HtmlBlock, captionsAreProse = false): number {
  const len = b.text.length;
  if ((b.caption && !captionsAreProse) || b.heading) return 0;
  if (b.linkChars / len > 0.5) return 0;
  // Only the words outside links count: a linked lead-in followed by a sentence is still prose.
  const own = len - b.linkChars;
  if (own >= 80 || (own >= 30 && TERMINAL.test(b.text))) return own;
  return 0;
}

export interface HtmlOptions {
  url?: string | null;
}

export function extractHtml(html: string, opts: HtmlOptions = {}): Article {
  html = limitNesting(html);
  let { document } = parseHTML(html);
  // A page that does not start with <html> (a fragment, or markup after a stray tag) makes the
  // parser take its first element as the root: parse it again inside an <html> element.
  if (document.documentElement?.tagName !== 'HTML') ({ document } = parseHTML(`<!DOCTYPE html><html>${html.replace(/^\s*<!doctype[^>]*>/i, '')}</html>`));
  const meta = readPageMeta(document as unknown as Document, opts.url ?? null);
  // From the root element, not <body>: broken pages put their content where a parser puts it
  // (inside <head> after a stray <meta>, for one); <head>'s own elements are dropped by tag.
  const body = (document.documentElement ?? document.body) as unknown as Element | null;
  const blocks = body ? collectBlocks(body) : [];
  // A slideshow tells its story in captions: when captions hold more prose than the rest of
  // the page, they are the article.
  const captionProse = blocks.reduce((n, b) => n + (b.caption ? proseWeight(b, true) : 0), 0);
  const otherProse = blocks.reduce((n, b) => n + proseWeight(b), 0);
  const captionsAreProse = captionProse > otherProse;

  // Elements named for chrome, unless they hold most of the page's prose (a wrapper with an
  // unlucky class like "has-sidebar" or "content-with-ads").
  const raw = new Map<Element, number>();
  let totalProse = 0;
  for (const b of blocks) {
    const w = proseWeight(b, captionsAreProse);
    totalProse += w;
    if (w) for (const a of b.ancestors) raw.set(a, (raw.get(a) ?? 0) + w);
  }
  const chromeCache = new Map<Element, boolean>();
  const chromeAncestor = (b: HtmlBlock): Element | null => {
    for (const a of b.ancestors) {
      let c = chromeCache.get(a);
      if (c === undefined) { c = isChromeElement(a) && (raw.get(a) ?? 0) < 0.5 * totalProse; chromeCache.set(a, c); }
      if (c) return a;
    }
    return null;
  };

  // Per element: the prose and chrome below it, and a local score that credits prose to the
  // element holding the paragraph, less to its parent and little above: the article is the
  // container its paragraphs sit in, not the page wrapper that also holds teasers and menus.
  const regions = new Map<Element, Region>();
  const region = (a: Element) => { let r = regions.get(a); if (!r) { r = { good: 0, bad: 0, local: 0, chars: 0, links: 0 }; regions.set(a, r); } return r; };
  const blockChrome = blocks.map((b) => chromeAncestor(b));
  blocks.forEach((b, i) => {
    const good = blockChrome[i] ? 0 : proseWeight(b, captionsAreProse);
    // Link text is the mark of menus and link lists; other text in chrome-named boxes (an
    // embedded tweet, a "more on this" box) costs less, so that it does not split the article.
    const bad = b.linkChars + (blockChrome[i] ? 0.25 * (b.text.length - b.linkChars) : 0);
    for (const a of b.ancestors) {
      const r = region(a);
      r.good += good;
      r.bad += bad;
      r.chars += b.text.length;
      r.links += b.linkChars;
    }
    if (!good) return;
    const n = b.ancestors.length;
    let level = LEAF_BLOCK.has(b.tag) ? n - 2 : n - 1;
    for (const divider of [1, 2, 6]) {
      if (level < 0) break;
      region(b.ancestors[level]).local += good / divider;
      level--;
    }
  });
  const scoreOf = (el: Element, r: Region) => {
    const bonus = CONTENT_NAME.test(nameOf(el)) || el.tagName === 'ARTICLE' || el.getAttribute('itemprop') === 'articleBody' ? 1.1 : 1;
    return r.local * (1 - r.links / Math.max(1, r.chars)) * bonus;
  };
  let top: Element | null = null;
  let best = 0;
  for (const [el, r] of regions) {
    const score = scoreOf(el, r);
    if (score > best) { best = score; top = el; }
  }
  // A container holding a small share of its parent's prose is one piece of an article split
  // into boxes (one per paragraph, or one per section): the article is further up.
  for (let climbed = true; top && climbed;) {
    climbed = false;
    const mine = regions.get(top)!.good;
    let a: Element | null = top.parentElement;
    // Boxes are often nested a few deep (card > card-content > p): look a few levels up.
    for (let level = 0; a && level < 4; level++, a = a.parentElement) {
      const up = regions.get(a);
      if (!up || up.links / Math.max(1, up.chars) > 0.5) break;
      if (mine < CLIMB_SHARE * up.good) { top = a; best = Math.max(best, scoreOf(a, up)); climbed = true; break; }
    }
  }
  // The article may be split over sibling containers (text, ad slot, more text). They are
  // siblings of the outermost wrapper of the chosen container's prose (a section > div > p).
  const roots: Element[] = top ? [top] : [];
  let wrapper = top;
  while (wrapper && wrapper.parentElement && regions.get(wrapper.parentElement)?.good === regions.get(wrapper)!.good && wrapper.parentElement.tagName !== 'BODY') wrapper = wrapper.parentElement;
  const parent = wrapper?.parentElement;
  if (top && wrapper && parent) {
    const topGood = regions.get(top)!.good;
    for (const sib of Array.from(parent.children) as Element[]) {
      if (sib === wrapper) continue;
      const r = regions.get(sib);
      if (!r || r.good === 0 || chromeCache.get(sib)) continue;
      if (scoreOf(sib, r) >= 0.2 * best || (r.good >= 0.25 * topGood && r.links / Math.max(1, r.chars) < 0.25)) roots.push(sib);
    }
  }

  const removed: Removed[] = [];
  const inRoot = blocks.map((b) => (roots.length ? roots.some((r) => b.ancestors.includes(r)) : true));
  const candidates: Array<{ block: HtmlBlock; index: number }> = [];
  blocks.forEach((b, i) => {
    if (!inRoot[i]) return;
    const why = markupReason(b, blockChrome[i], captionsAreProse);
    if (why) { removed.push({ text: b.text, reason: why }); return; }
    candidates.push({ block: b, index: i });
  });

  // The headline is written once, first; a copy of it in the body (the page's <h1>) is dropped.
  const { title: cleanTitle } = splitTitleSuffix(meta.title ?? '');
  const title = cleanTitle ? stripSiteSuffix(cleanTitle, meta.siteName) : null;
  const titleNorm = title ? normalForm(title) : '';

  const verdicts = classifyBlocks(candidates.map(({ block }) => ({ text: block.text, heading: block.heading, linkShare: block.linkChars / block.text.length })), {});
  const kept: string[] = [];
  candidates.forEach(({ block }, k) => {
    const v = verdicts[k];
    if (v.reason) { removed.push({ text: block.text, reason: v.reason }); return; }
    if (titleNorm && normalForm(block.text) === titleNorm) { removed.push({ text: block.text, reason: 'title' }); return; }
    kept.push(block.text);
  });

  let published = meta.published;
  if (!published && kept.length) published = datelineDate(kept[0]);
  const bodyText = kept.join('\n\n');
  const text = bodyText ? (title ? `${title}\n\n${bodyText}\n` : `${bodyText}\n`) : '';
  return {
    title,
    published,
    language: meta.language ?? detectLanguage(bodyText),
    text,
    removed,
    byline: meta.byline,
    siteName: meta.siteName,
    url: meta.canonicalUrl ?? opts.url ?? null,
  };
}

/** Chrome by markup: captions, link lists, blocks inside chrome-named containers. */
function markupReason(b: HtmlBlock, chrome: Element | null, captionsAreProse: boolean): string | null {
  if (chrome) return chromeReason(chrome);
  if (b.caption && !captionsAreProse) return 'caption';
  // Inside a quotation, links are the quoted post's own (an embedded tweet's t.co link).
  if (b.linkChars / b.text.length > 0.5 && !b.heading && b.text.length - b.linkChars < 80 && !b.ancestors.some((a) => a.tagName === 'BLOCKQUOTE')) return 'links';
  return null;
}

function chromeReason(el: Element): string {
  const name = `${nameOf(el)} ${el.getAttribute('role') ?? ''} ${el.tagName}`.toLowerCase();
  const reasons: Array<[RegExp, string]> = [
    [/comment|disqus/, 'comments'], [/share|social|facebook|twitter|whatsapp|email|print/, 'share'],
    [/related|recommend|more-stories|read-?more|trending|popular|outbrain|taboola/, 'related'],
    [/newsletter|subscri|signup|paywall/, 'subscription'], [/advert|\bads?\b|adv|dfp|sponsor|promo/, 'advertisement'],
    [/cookie|consent|gdpr/, 'cookies'], [/caption|credit/, 'caption'], [/byline|author|dateline|timestamp|meta/, 'byline'],
  ];
  for (const [re, reason] of reasons) if (re.test(name)) return reason;
  return 'navigation';
}

/** "Headline - Site Name": drop the site's name when the page names its site. */
function stripSiteSuffix(title: string, siteName: string | null): string {
  if (!siteName) return title;
  const m = /^(.{10,}?)\s+[-–—|:·•]\s+(.{2,60})$/u.exec(title);
  if (m && normalForm(m[2]) === normalForm(siteName)) return m[1];
  return title;
}

/** "KABUL, Aug 30, 2021 (Reuters) –" at the start of the first paragraph. */
function datelineDate(first: string): string | null {
  const m = /^[\p{Lu}][\p{Lu}\p{M} .'’-]{1,40},\s+([^–—-]{3,40}?)\s*(?:\([^)]{2,30}\))?\s*[–—-]/u.exec(first);
  return m ? parseDate(m[1]) : null;
}
