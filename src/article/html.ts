// HTML page → article body, title and metadata.
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { Article } from './index.js';

export function extractHtml(html: string, opts: { url?: string | null } = {}): Article {
  const { document } = parseHTML(html);
  const parsed = new Readability(document as unknown as Document).parse();
  const text = (parsed?.textContent ?? '').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  return { title: parsed?.title ?? null, published: parsed?.publishedTime ?? null, language: 'en', text: text ? text + '\n' : '', removed: [], byline: parsed?.byline ?? null, siteName: parsed?.siteName ?? null, url: opts.url ?? null };
}
