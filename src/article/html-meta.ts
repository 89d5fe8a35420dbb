// An HTML page's metadata: title, byline, publication date, site name, canonical URL, language.
// Each field is read from the most trusted place that has it: <meta> tags, then JSON-LD, then
// the markup (<time>, rel=author, <h1>), then the URL.
import { dateFromUrl, parseDate } from './dates.js';

export interface PageMeta {
  title: string | null;
  /** The <title> text as written (often "Headline - Site"), for matching the headline in the body. */
  documentTitle: string | null;
  byline: string | null;
  published: string | null;
  /** Where `published` came from: `meta`, `json-ld`, `time`, `url` (the dateline is read later). */
  publishedFrom: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  language: string | null;
}

type El = Element;

const clean = (s: string | null | undefined): string | null => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t ? t : null;
};

/** The page's <meta> tags by name/property (first non-empty value wins), read in one pass. */
const metaTables = new WeakMap<Document, Map<string, string>>();
function metaContent(doc: Document, names: string[]): string | null {
  let table = metaTables.get(doc);
  if (!table) {
    table = new Map();
    for (const el of Array.from(doc.querySelectorAll('meta')) as El[]) {
      const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? el.getAttribute('http-equiv') ?? '').toLowerCase();
      const v = clean(el.getAttribute('content'));
      if (key && v && !table.has(key)) table.set(key, v);
    }
    metaTables.set(doc, table);
  }
  for (const name of names) {
    const v = table.get(name);
    if (v) return v;
  }
  return null;
}

/** Every JSON-LD object of the page, @graph arrays flattened. Broken JSON-LD is skipped. */
export function jsonLdObjects(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 6 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) { for (const x of v) visit(x, depth + 1); return; }
    const o = v as Record<string, unknown>;
    out.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
    if (o.mainEntity) visit(o.mainEntity, depth + 1);
  };
  for (const el of Array.from(doc.querySelectorAll('script[type="application/ld+json"]')) as El[]) {
    try { visit(JSON.parse(el.textContent ?? ''), 0); } catch { /* a page's broken JSON-LD is its own problem */ }
  }
  return out;
}

const ARTICLE_TYPES = /article|posting|report|blog|news/i;

function ldName(v: unknown): string | null {
  if (!v) return null;
  if (typeof v === 'string') return clean(v);
  if (Array.isArray(v)) {
    const names = v.map(ldName).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : null;
  }
  if (typeof v === 'object') return clean(String((v as Record<string, unknown>).name ?? ''));
  return null;
}

export function readPageMeta(doc: Document, url: string | null): PageMeta {
  const ld = jsonLdObjects(doc);
  const types = (o: Record<string, unknown>) => [o['@type']].flat().map(String).join(' ');
  const article = ld.find((o) => ARTICLE_TYPES.test(types(o))) ?? ld.find((o) => o.datePublished || o.headline) ?? null;

  const documentTitle = clean(doc.querySelector('title')?.textContent);
  const h1s = Array.from(doc.querySelectorAll('h1')) as El[];
  const title = metaContent(doc, ['og:title', 'twitter:title']) ?? clean(article?.headline as string) ?? clean(h1s[0]?.textContent) ?? documentTitle;

  let published: string | null = null;
  let publishedFrom: string | null = null;
  const metaDate = metaContent(doc, ['article:published_time', 'og:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'publish-date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'article.published', 'published_time']);
  if (metaDate) { published = parseDate(metaDate); publishedFrom = published ? 'meta' : null; }
  if (!published && article?.datePublished) { published = parseDate(String(article.datePublished)); publishedFrom = published ? 'json-ld' : null; }
  if (!published) {
    const times = Array.from(doc.querySelectorAll('time[datetime], [itemprop="datePublished"]')) as El[];
    for (const t of times) {
      const d = parseDate(t.getAttribute('datetime') ?? t.getAttribute('content') ?? t.textContent ?? '');
      if (d) { published = d; publishedFrom = 'time'; break; }
    }
  }
  if (!published && url) { published = dateFromUrl(url); publishedFrom = published ? 'url' : null; }

  const byline = metaContent(doc, ['author', 'article:author', 'dc.creator', 'byl', 'parsely-author', 'sailthru.author'])
    ?? ldName(article?.author)
    ?? clean((doc.querySelector('[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"]') as El | null)?.textContent);

  const siteName = metaContent(doc, ['og:site_name', 'application-name', 'twitter:site']) ?? ldName(article?.publisher);
  const canonical = (doc.querySelector('link[rel="canonical"]') as El | null)?.getAttribute('href') ?? metaContent(doc, ['og:url']);
  let canonicalUrl: string | null = null;
  if (canonical) { try { canonicalUrl = new URL(canonical, url ?? undefined).href; } catch { canonicalUrl = null; } }

  const langAttr = doc.documentElement?.getAttribute('lang') ?? metaContent(doc, ['content-language', 'og:locale', 'language', 'dc.language']);
  const language = langAttr ? (/^([a-z]{2,3})\b/i.exec(langAttr.trim())?.[1].toLowerCase() ?? null) : null;

  // article:author is often a profile URL, not a name.
  const goodByline = byline && byline.length <= 200 && !/^https?:\/\//i.test(byline) ? byline : null;
  return { title: title && byline && title === byline ? documentTitle : title, documentTitle, byline: goodByline, published, publishedFrom, siteName, canonicalUrl, language };
}
