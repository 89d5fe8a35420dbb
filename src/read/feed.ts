// RSS 2.0, RSS 1.0 (RDF) and Atom feeds → their items: link, title, date and any inline content.
// A broken item is reported on its own; the other items go on.
import { DOMParser } from 'linkedom';
import { InputError } from '../model/errors.js';
import { parseDate } from '../article/dates.js';

export interface FeedItem {
  /** 1-based position in the feed, for messages. */
  index: number;
  link: string | null;
  title: string | null;
  published: string | null;
  /** HTML of the item's full content or summary, when the feed carries it. */
  content: string | null;
}

/** True when the text's root element is a feed (<rss>, <feed>, <rdf:RDF>). */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2048).replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '').trimStart();
  return /^<(rss|feed|rdf:RDF)[\s>]/i.test(head);
}

const textOf = (el: Element | undefined): string | null => {
  const t = el?.textContent?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
};

export function parseFeed(source: string, xml: string): FeedItem[] {
  if (!looksLikeFeed(xml)) throw new InputError(source, 'not an RSS or Atom feed');
  let doc: Document;
  try {
    doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
  } catch (err) {
    throw new InputError(source, `feed is not well-formed XML (${(err as Error).message})`);
  }
  const atom = Array.from(doc.getElementsByTagName('entry')) as Element[];
  const rss = Array.from(doc.getElementsByTagName('item')) as Element[];
  const items = atom.length ? atom : rss;
  return items.map((el, i) => {
    const kids = Array.from(el.children) as Element[];
    const child = (...names: string[]) => kids.find((k) => names.includes(k.tagName.toLowerCase()));
    let link: string | null = null;
    if (atom.length) {
      const links = kids.filter((k) => k.tagName.toLowerCase() === 'link');
      const alt = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
      link = alt?.getAttribute('href') ?? null;
    } else {
      link = textOf(child('link')) ?? (child('guid')?.getAttribute('ispermalink') !== 'false' ? textOf(child('guid')) : null);
    }
    const date = textOf(child('pubdate', 'published', 'updated', 'dc:date', 'issued'));
    const content = child('content:encoded', 'content')?.textContent ?? child('description', 'summary')?.textContent ?? null;
    return {
      index: i + 1,
      link: link && /^https?:\/\//i.test(link.trim()) ? link.trim() : null,
      title: textOf(child('title')),
      published: date ? parseDate(date) : null,
      content: content && content.trim() ? content : null,
    };
  });
}
