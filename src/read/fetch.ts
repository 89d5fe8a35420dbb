// http(s) URL → raw input, politely and defensively: a clear User-Agent, a timeout for the whole
// exchange, a size limit counted on the decoded bytes (a gzip bomb stops at the limit), a
// redirect limit, retries with backoff on 429 and 5xx, and a check of the content type.
import { InputError } from '../model/errors.js';
import type { RawInput } from './index.js';

export interface FetchOptions {
  /** Milliseconds for one attempt, from request to last byte. */
  timeoutMs?: number;
  /** Most bytes a response body may have (after content decoding). */
  maxBytes?: number;
  maxRedirects?: number;
  /** Further attempts after a 429 or 5xx answer or a network error. */
  retries?: number;
  /** First backoff in milliseconds; doubled at each retry; a Retry-After header wins, up to 30 s. */
  backoffMs?: number;
  userAgent?: string;
}

export const DEFAULT_FETCH: Required<FetchOptions> = {
  timeoutMs: 20_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  retries: 2,
  backoffMs: 500,
  userAgent: 'actorgraph/0.1 (+https://github.com/actorgraph; article reader for offline analysis)',
};

/** Media types read as articles or feeds; anything else (images, PDFs, JSON) is refused. */
const ARTICLE_TYPES = /^(text\/html|application\/xhtml\+xml|text\/plain)$/;
const FEED_TYPES = /^(application\/(rss|atom|rdf)\+xml|application\/xml|text\/xml)$/;

export function isFeedMediaType(mediaType: string): boolean {
  return FEED_TYPES.test(mediaType);
}

export function isHttpUrl(spec: string): boolean {
  return /^https?:\/\/[^\s/]+/i.test(spec);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Fetches one URL. Throws InputError naming the URL and the problem. */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<RawInput> {
  const opts = { ...DEFAULT_FETCH, ...options };
  let current: URL;
  try { current = new URL(url); } catch { throw new InputError(url, 'not a valid URL'); }
  if (!/^https?:$/.test(current.protocol)) throw new InputError(url, `unsupported scheme ${current.protocol} (http and https only)`);

  for (let redirects = 0; ; redirects++) {
    const res = await fetchWithRetries(url, current, opts);
    if (res.status >= 300 && res.status < 400) {
      const location = res.headers.get('location');
      await res.body?.cancel().catch(() => undefined);
      if (!location) throw new InputError(url, `redirect ${res.status} without a Location header`);
      if (redirects >= opts.maxRedirects) throw new InputError(url, `more than ${opts.maxRedirects} redirects`);
      current = new URL(location, current);
      if (!/^https?:$/.test(current.protocol)) throw new InputError(url, `redirected to unsupported scheme ${current.protocol}`);
      continue;
    }
    if (res.status < 200 || res.status >= 300) {
      await res.body?.cancel().catch(() => undefined);
      throw new InputError(url, `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`);
    }
    const contentType = res.headers.get('content-type') ?? '';
    const mediaType = contentType.split(';')[0].trim().toLowerCase() || guessFromPath(current.pathname);
    if (!ARTICLE_TYPES.test(mediaType) && !FEED_TYPES.test(mediaType)) {
      await res.body?.cancel().catch(() => undefined);
      throw new InputError(url, `content type ${mediaType} is not an article (HTML, XHTML, plain text) or a feed`);
    }
    const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? null;
    const bytes = await readBody(url, res, opts);
    return { source: url, bytes, mediaType, charset, url: current.href, fetchedAt: new Date().toISOString() };
  }
}

function guessFromPath(p: string): string {
  if (/\.(rss|atom|xml)$/i.test(p)) return 'application/xml';
  if (/\.txt$/i.test(p)) return 'text/plain';
  return 'text/html';
}

async function fetchWithRetries(original: string, url: URL, opts: Required<FetchOptions>): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    let res: Response | null = null;
    let failure: string | null = null;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
    try {
      res = await fetch(url, { redirect: 'manual', signal: controller.signal, headers: { 'user-agent': opts.userAgent, accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.8,*/*;q=0.1' } });
    } catch (err) {
      failure = controller.signal.aborted ? `timed out after ${opts.timeoutMs} ms` : `cannot connect (${(err as Error & { cause?: Error }).cause?.message ?? (err as Error).message})`;
    } finally {
      clearTimeout(timer);
    }
    const retryable = failure !== null || (res !== null && (res.status === 429 || res.status >= 500));
    if (!retryable) return res!;
    if (attempt >= opts.retries) {
      if (res) return res;
      throw new InputError(original, failure!);
    }
    const retryAfter = Number(res?.headers.get('retry-after'));
    await res?.body?.cancel().catch(() => undefined);
    const wait = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter * 1000, 30_000) : opts.backoffMs * 2 ** attempt;
    await sleep(wait);
  }
}

/** Reads the body up to maxBytes, under the same timeout, stopping as soon as the limit is passed. */
async function readBody(url: string, res: Response, opts: Required<FetchOptions>): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > opts.maxBytes && !res.headers.get('content-encoding')) {
    await res.body?.cancel().catch(() => undefined);
    throw new InputError(url, `response of ${declared} bytes is larger than the limit of ${opts.maxBytes}`);
  }
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Buffer[] = [];
  let total = 0;
  // A server that sends its body slowly (or never finishes) is cut off at the same timeout.
  let expired = false;
  const timer = setTimeout(() => { expired = true; void reader.cancel().catch(() => undefined); }, opts.timeoutMs);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > opts.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new InputError(url, `response is larger than the limit of ${opts.maxBytes} bytes`);
      }
      chunks.push(Buffer.from(value));
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    if (expired) throw new InputError(url, `timed out after ${opts.timeoutMs} ms reading the response`);
    throw new InputError(url, `reading the response failed (${(err as Error & { cause?: Error }).cause?.message ?? (err as Error).message})`);
  } finally {
    clearTimeout(timer);
  }
  if (expired) throw new InputError(url, `timed out after ${opts.timeoutMs} ms reading the response`);
  return Buffer.concat(chunks);
}
