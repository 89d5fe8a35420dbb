// The article stage: raw input → title, publication date, language and the cleaned body text,
// with the page chrome that was removed recorded in `removed`.
import { createHash } from 'node:crypto';
import type { DocumentMeta } from '../model/types.js';
import type { RawInput } from '../read/index.js';
import { InputError } from '../model/errors.js';
import { decodeHtml, decodeText } from './decode.js';
import { cleanPlainText } from './plain-text.js';
import { extractHtml } from './html.js';

export interface ArticleOptions {
  /** Keep the input text exactly as given: no chrome removal, offsets into the input. */
  raw?: boolean;
  /** Publication date given by the user (YYYY-MM-DD); overrides anything found in the input. */
  published?: string | null;
}

/** What the article stage finds: the document before it is identified by its hash and source. */
export type Article = Omit<DocumentMeta, 'id' | 'source'>;

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** HTML beyond this is not a news page but a dump; parsing it would take seconds and gigabytes. */
export const MAX_HTML_CHARS = 16_000_000;

export function buildArticle(input: RawInput, options: ArticleOptions = {}): DocumentMeta {
  // A .txt that holds a saved web page is still a web page.
  const html = input.mediaType === 'text/html' || input.mediaType === 'application/xhtml+xml'
    || (input.mediaType === 'text/plain' && /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype html|html)[\s>]/i.test(input.bytes.subarray(0, 1024).toString('latin1')));
  const decoded = html ? decodeHtml(input.source, input.bytes, input.charset) : decodeText(input.source, input.bytes, input.charset);
  if (html && !options.raw && decoded.length > MAX_HTML_CHARS) {
    throw new InputError(input.source, `page of ${(decoded.length / 1e6).toFixed(1)} million characters is larger than the limit of ${MAX_HTML_CHARS / 1e6} million for HTML`);
  }
  let article: Article;
  if (options.raw) article = { title: null, published: null, language: 'en', text: decoded, removed: [] };
  else if (html) article = extractHtml(decoded, { url: input.url });
  else article = cleanPlainText(decoded);
  if (!article.text.trim()) throw new InputError(input.source, options.raw ? 'empty text' : 'no article text found');
  return {
    id: sha256(article.text),
    source: input.source,
    title: article.title ?? input.title ?? null,
    published: options.published ?? article.published ?? input.published ?? null,
    language: article.language,
    text: article.text,
    removed: article.removed,
    byline: article.byline ?? null,
    siteName: article.siteName ?? null,
    url: article.url ?? input.url,
  };
}
