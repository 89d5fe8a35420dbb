// The flags and help text shared by the commands that read articles (extract, ingest, demo):
// which inputs are read, which files a directory gives, and the limits of fetching a page.
import { MAX_INPUT_BYTES, type ReadOptions } from '../read/index.js';
import { DEFAULT_FETCH } from '../read/fetch.js';
import { parseBytesFlag, parseSecondsFlag } from './command.js';

export const inputOptions = {
  include: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  'max-bytes': { type: 'string' },
} as const;

export interface InputFlagValues {
  include?: string[];
  timeout?: string;
  'max-bytes'?: string;
}

export function readOptionsFrom(values: InputFlagValues): ReadOptions {
  const timeoutMs = parseSecondsFlag('timeout', values.timeout);
  const maxBytes = parseBytesFlag('max-bytes', values['max-bytes']);
  return {
    include: values.include ?? [],
    fetch: { ...(timeoutMs !== undefined && { timeoutMs }), ...(maxBytes !== undefined && { maxBytes }) },
  };
}

const mb = (n: number) => `${n / 1024 / 1024} MB`;

/** What the inputs may be and the flags about them, for a command's --help. */
export const INPUTS_HELP = `Inputs, any number, in any mix:
  FILE              .txt, .html, .htm, .xhtml (each optionally .gz)
  DIR               every article file below it, sorted (.txt, .html, .htm, .xhtml, .warc, .rss,
                    .atom, each optionally .gz); hidden files and folders are skipped
  -                 standard input (text or HTML; gzip is recognised)
  http(s)://URL     the page, fetched (HTML, XHTML or plain text)
  a list of URLs    a text file holding only URLs, one per line (# comments): each page is fetched
  a feed            an RSS or Atom feed (file or URL): every item's page, or the item's own text
                    when its page cannot be fetched
  a WARC archive    .warc or .warc.gz: every archived HTML or text response
  --include GLOB    the files to take from directories instead of the article files (repeatable):
                    '*.html', 'news/**', '2024-??-*.txt'; a glob without / matches file names
                    in any folder (quote it, so the shell does not expand it)
  --timeout SECONDS
                    the longest wait for a fetched page, request and body each (default ${DEFAULT_FETCH.timeoutMs / 1000})
  --max-bytes SIZE  the largest fetched page, after decompression: 500000, 500K, 2MB (default ${mb(DEFAULT_FETCH.maxBytes)});
                    local files and standard input may be up to ${mb(MAX_INPUT_BYTES)}`;
