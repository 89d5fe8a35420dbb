import { describe, expect, it } from 'vitest';
import { extractHtml } from './html.js';
import { decodeHtml } from './decode.js';
import { buildArticle } from './index.js';
import { InputError } from '../model/errors.js';
import { hasShared } from '../testing/shared.js';
import { scoreArticleBenchmark, scoreTrafilaturaEnglish, type Page } from './benchmarks.js';

const para = (s: string) => `<p>${s}</p>`;
const P1 = 'The armed group announced on Monday that it had split from its parent organisation after months of disputes over strategy and funding, according to a statement posted online.';
const P2 = 'Its new leader, a former commander in the eastern province, said the faction would continue to fight government forces but would not attack civilians, the statement added.';
const P3 = 'Analysts said the split weakens the movement at a moment when it faces growing pressure from the army and from a rival coalition in the north of the country.';

const page = `<!DOCTYPE html><html lang="en-GB"><head>
<meta charset="utf-8"><title>Faction splits from rebel movement - The Daily Planet</title>
<meta property="og:site_name" content="The Daily Planet">
<meta property="og:title" content="Faction splits from rebel movement">
<meta name="author" content="Jane Roe">
<link rel="canonical" href="https://planet.example/world/faction-splits">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Faction splits from rebel movement","datePublished":"2024-05-06T08:30:00Z"}</script>
<style>.x{color:red}</style></head><body>
<div id="cookie-banner"><p>We use cookies to improve your experience. By continuing to use this site you agree.</p><button>Accept</button></div>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article class="story">
<h1>Faction splits from rebel movement</h1>
<div class="byline">By Jane Roe | May 6, 2024</div>
<figure><img src="a.jpg"><figcaption>Fighters at a checkpoint in 2023. Photo: Agency</figcaption></figure>
<div class="story-body">${para(P1)}
<div class="ad-slot"><p>Advertisement</p></div>
${para(P2)}
<h2>What comes next</h2>
${para(P3)}
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
</div></article>
<section class="related-stories"><h3>Related stories</h3><ul><li><a href="/a">Floods displace thousands in the delta region</a></li><li><a href="/b">Election results delayed again as counting continues</a></li></ul></section>
<div class="newsletter-signup"><p>Sign up for our newsletter and get the best stories delivered to your inbox every morning.</p></div>
</main><footer><p>© 2024 The Daily Planet. All rights reserved.</p></footer></body></html>`;

describe('extractHtml on a page of our own', () => {
  const art = extractHtml(page, { url: 'https://planet.example/world/faction-splits?utm=x' });

  it('keeps the paragraphs and subheadings in reading order, headline first', () => {
    expect(art.text.split('\n').filter(Boolean)).toEqual(['Faction splits from rebel movement', P1, P2, 'What comes next', P3]);
  });

  it('drops captions, ads, share buttons, cookie banners, menus, related stories, newsletter boxes and footers', () => {
    for (const chrome of ['cookies', 'Home', 'Photo: Agency', 'Advertisement', 'Share on', 'Related stories', 'Floods displace', 'newsletter', '©', 'By Jane Roe']) expect(art.text).not.toContain(chrome);
    expect(art.removed.map((r) => r.reason)).toEqual(expect.arrayContaining(['advertisement', 'share']));
  });

  it('reads the metadata', () => {
    expect(art.title).toBe('Faction splits from rebel movement');
    expect(art.byline).toBe('Jane Roe');
    expect(art.published).toBe('2024-05-06');
    expect(art.siteName).toBe('The Daily Planet');
    expect(art.url).toBe('https://planet.example/world/faction-splits');
    expect(art.language).toBe('en');
  });
});

describe('publication date, in order of trust', () => {
  const body = `<body><article>${para(P1)}${para(P2)}</article></body>`;
  it('takes <meta> over JSON-LD over <time> over the URL', () => {
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-02-03"}</script>';
    const time = '<time datetime="2020-01-02T10:00:00+01:00">2 January</time>';
    expect(extractHtml(`<html><head><meta property="article:published_time" content="2022-08-02T10:00:00Z">${ld}</head>${body}</html>`).published).toBe('2022-08-02');
    expect(extractHtml(`<html><head>${ld}</head>${body.replace('<article>', '<article>' + time)}</html>`).published).toBe('2021-02-03');
    expect(extractHtml(`<html>${body.replace('<article>', '<article>' + time)}</html>`, { url: 'https://x.example/2019/05/06/story' }).published).toBe('2020-01-02');
    expect(extractHtml(`<html>${body}</html>`, { url: 'https://x.example/2019/05/06/story' }).published).toBe('2019-05-06');
  });

  it('reads a wire dateline when nothing else dates the page', () => {
    const wire = `<html><body><article>${para('KABUL, Aug 30, 2021 (Reuters) – ' + P1)}${para(P2)}</article></body></html>`;
    expect(extractHtml(wire).published).toBe('2021-08-30');
  });
});

describe('hard pages', () => {
  it('reads a fragment without <html> and a page whose content the parser puts in <head>', () => {
    expect(extractHtml(`<meta charset="utf-8"><div>${para(P1)}${para(P2)}</div>`).text).toContain(P2);
    expect(extractHtml(`<!DOCTYPE html><html><meta http-equiv="x" content="y"><head><title>T</title></head><body><div class="post">${para(P1)}${para(P2)}</div></body></html>`).text).toContain(P1);
  });

  it('survives markup nested 200,000 deep and keeps the text', () => {
    const deep = '<div><span>'.repeat(100_000) + para(P1) + para(P2) + '</span></div>'.repeat(100_000);
    const art = extractHtml(`<html><body>${deep}</body></html>`);
    expect(art.text).toContain(P1);
    expect(art.text).toContain(P2);
  });

  it('keeps captions when they are the story (a slideshow), drops them when they illustrate prose', () => {
    const slide = (t: string) => `<figure><img src="x.jpg"><figcaption><p>${t}</p></figcaption></figure>`;
    const show = extractHtml(`<html><body><h1>Ten costumes</h1><div class="slides">${slide(P1)}${slide(P2)}${slide(P3)}</div></body></html>`);
    expect(show.text).toContain(P3);
    const story = extractHtml(`<html><body><article>${slide('Fighters at a checkpoint near the border town last year, in a photo released by the group. Photo: Agency')}${para(P1)}${para(P2)}${para(P3)}</article></body></html>`);
    expect(story.text).not.toContain('Photo: Agency');
  });

  it('finds no article in a page of links only', () => {
    const links = `<html><body><ul>${Array.from({ length: 50 }, (_, i) => `<li><a href="/${i}">Story number ${i}</a></li>`).join('')}</ul></body></html>`;
    expect(() => buildArticle({ source: 'links.html', bytes: Buffer.from(links), mediaType: 'text/html', charset: null, url: null, fetchedAt: null })).toThrow(InputError);
  });

  it('truncated HTML still gives the paragraphs before the cut', () => {
    const cut = page.slice(0, page.indexOf(P3) + 40);
    expect(extractHtml(cut).text).toContain(P2);
  });
});

describe('charsets', () => {
  const latin1 = Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-1"></head><body><p>'), Buffer.from([0x50, 0x61, 0x72, 0xed, 0x73]), Buffer.from('</p></body></html>')]);
  it('honours the BOM, then the HTTP header, then <meta>', () => {
    expect(decodeHtml('x', latin1)).toContain('París');
    expect(decodeHtml('x', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>París</p>')]), 'iso-8859-1')).toContain('París');
    expect(decodeHtml('x', Buffer.from('<meta charset="iso-8859-1"><p>Par\u00eds</p>', 'utf8'), 'utf-8')).toContain('París');
  });
  it('gives a clear error for an unknown charset and for bytes invalid in the declared one', () => {
    expect(() => decodeHtml('page.html', Buffer.from('<meta charset="klingon-8"><p>x</p>'))).toThrow(/page\.html: unknown charset "klingon-8"/);
    expect(() => decodeHtml('page.html', Buffer.from([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0xfd]), 'utf-8')).toThrow(/page\.html: invalid UTF-8/);
  });
  it('rejects an image served as HTML', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(() => buildArticle({ source: 'img.html', bytes: png, mediaType: 'text/html', charset: null, url: null, fetchedAt: null })).toThrow(/img\.html: binary/);
  });
});

/** The body without the headline line, as the benchmarks' ground truth has it. */
const bodyOnly = (p: Page) => {
  const a = extractHtml(p.html, { url: p.url });
  return a.title && a.text.startsWith(a.title + '\n') ? a.text.slice(a.title.length).trim() : a.text.trim();
};

describe('public benchmarks (floors)', () => {
  it.skipIf(!hasShared)('article-extraction-benchmark: F1 at least 0.960 (trafilatura 0.958, Readability.js 0.947)', () => {
    const s = scoreArticleBenchmark(bodyOnly);
    expect(s.docs).toBe(181);
    expect(s.f1).toBeGreaterThanOrEqual(0.96);
  });
  it.skipIf(!hasShared)('trafilatura evaluation data, English pages: F1 at least 0.90', () => {
    const s = scoreTrafilaturaEnglish((p) => extractHtml(p.html, { url: p.url }).text);
    expect(s.docs).toBe(138);
    expect(s.f1).toBeGreaterThanOrEqual(0.9);
  });
});

describe('size guard', () => {
  it('refuses a 50 MB page with a clear error instead of parsing it', () => {
    const huge = Buffer.from(`<html><body>${'<p>filler text for a very large page</p>'.repeat(1_300_000)}</body></html>`);
    expect(huge.length).toBeGreaterThan(50_000_000);
    expect(() => buildArticle({ source: 'huge.html', bytes: huge, mediaType: 'text/html', charset: null, url: null, fetchedAt: null })).toThrow(/huge\.html: page of \d+\.\d million characters is larger than the limit/);
  });
});
