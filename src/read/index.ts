// Sources → raw inputs: bytes with what is known of them (media type, charset, URL, fetch time).
// Knows files, directories (recursive, with include patterns), `.gz`, stdin, http(s) URLs, files
// listing one URL per line, RSS/Atom feeds (every item) and WARC archives. Nothing here
// interprets an article's content; containers (feeds, lists, archives) are opened into articles.
import { readFileSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../model/errors.js';
import { decodeText } from '../article/decode.js';
import { fetchUrl, isFeedMediaType, isHttpUrl, type FetchOptions } from './fetch.js';
import { looksLikeFeed, parseFeed, type FeedItem } from './feed.js';
import { isWarc, readWarc } from './warc.js';

export interface RawInput {
  /** The path, URL or `-` the input came from; `document.source`. */
  source: string;
  bytes: Buffer;
  /** `text/plain`, `text/html`, ... from the file name or the server. */
  mediaType: string;
  /** Charset declared outside the content (an HTTP header), if any. */
  charset: string | null;
  url: string | null;
  fetchedAt: string | null;
  /** Title given by the source outside the content (a feed item's title). */
  title?: string | null;
  /** Publication date given outside the content (a feed item's date), YYYY-MM-DD. */
  published?: string | null;
}

const ARTICLE_FILE = /\.(txt|text|html?|xhtml|warc|rss|atom)(\.gz)?$/i;
/** The most a single input may decompress to: a gzip bomb stops here. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export function mediaTypeOf(name: string): string {
  const base = name.replace(/\.gz$/i, '');
  if (/\.(rss|atom|xml)$/i.test(base)) return 'application/xml';
  return /\.(html?|xhtml)$/i.test(base) ? 'text/html' : 'text/plain';
}

/** `*.html`, `news/**`, `2024-??-*.txt` → a test on the path relative to the directory given. */
export function includeMatcher(patterns: string[]): (relative: string) => boolean {
  const tests = patterns.map((p) => {
    const re = new RegExp(`^${globSource(p)}$`, 'i');
    // A pattern without a slash matches the file name in any folder, as in .gitignore.
    return p.includes('/') ? (rel: string) => re.test(rel) : (rel: string) => re.test(rel.slice(rel.lastIndexOf('/') + 1));
  });
  return (rel) => tests.some((t) => t(rel));
}

function globSource(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (glob.startsWith('**/', i)) { out += '(?:.*/)?'; i += 2; }
    else if (glob.startsWith('**', i)) { out += '.*'; i += 1; }
    else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}

/** The problem of a failed file-system call, in words: "permission denied" rather than "EACCES: ...". */
export function fileProblem(err: unknown): string {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ENOTDIR': return 'no such file (a part of the path is a file, not a directory)';
    case 'EISDIR': return 'is a directory';
    case 'ELOOP': return 'too many levels of symbolic links';
    case 'ENAMETOOLONG': return 'file name too long';
    default: return `cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
  }
}

/**
 * Lists the article files a path names: the file itself, or the article files below a directory.
 * A subdirectory that cannot be listed goes into `problems` and the rest is still listed.
 */
export function expandPath(p: string, include: string[] = [], problems: InputError[] = []): string[] {
  let st;
  try {
    st = statSync(p);
  } catch (err) {
    throw new InputError(p, fileProblem(err));
  }
  if (st.isFile()) return [p];
  if (!st.isDirectory()) throw new InputError(p, 'not a file or directory');
  const found: string[] = [];
  const wanted = include.length ? includeMatcher(include) : (rel: string) => ARTICLE_FILE.test(rel);
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      if (dir === p) throw new InputError(p, fileProblem(err));
      problems.push(new InputError(dir, fileProblem(err)));
      return;
    }
    for (const ent of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (ent.name.startsWith('.')) continue;
      const full = path.join(dir, ent.name);
      if (ent.isDirectory()) walk(full);
      else if (ent.isFile() && wanted(path.relative(p, full).split(path.sep).join('/'))) found.push(full);
    }
  };
  walk(p);
  if (found.length === 0 && problems.length === 0) throw new InputError(p, include.length ? `no file matches ${include.join(', ')}` : 'directory holds no articles (.txt, .html, .htm, .warc, .rss, .atom, optionally .gz)');
  return found;
}

export function gunzip(source: string, bytes: Buffer): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_INPUT_BYTES });
  } catch (err) {
    const tooBig = (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || /maxOutputLength|buffer/i.test((err as Error).message);
    throw new InputError(source, tooBig ? `decompresses to more than ${MAX_INPUT_BYTES / 1024 / 1024} MB` : 'not a valid gzip file');
  }
}

/** Reads one file (decompressing `.gz`). */
export function readFile(file: string): RawInput {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_INPUT_BYTES) throw new InputError(file, `file of ${size} bytes is larger than the limit of ${MAX_INPUT_BYTES}`);
    bytes = readFileSync(file);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(file, fileProblem(err));
  }
  if (/\.gz$/i.test(file) || (bytes[0] === 0x1f && bytes[1] === 0x8b)) bytes = gunzip(file, bytes);
  return { source: file, bytes, mediaType: mediaTypeOf(file), charset: null, url: null, fetchedAt: null };
}

export async function readStdin(): Promise<RawInput> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    if (total > MAX_INPUT_BYTES) throw new InputError('-', `standard input is larger than the limit of ${MAX_INPUT_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  let bytes: Buffer = Buffer.concat(chunks);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzip('-', bytes);
  const head = bytes.subarray(0, 512).toString('latin1');
  const mediaType = /<(!doctype html|html|head|body|article|p)[\s>]/i.test(head) ? 'text/html' : 'text/plain';
  return { source: '-', bytes, mediaType, charset: null, url: null, fetchedAt: null };
}

export type ReadResult = { ok: true; input: RawInput } | { ok: false; error: InputError };

export interface ReadOptions {
  /** Patterns for the files to take from directories (`*.html`, `2024/**`); default: article files. */
  include?: string[];
  fetch?: FetchOptions;
}

const fail = (err: unknown): ReadResult => {
  if (err instanceof InputError) return { ok: false, error: err };
  throw err;
};

/** One input a spec names once directories are expanded: a file, a URL or `-`, or why it cannot be read. */
export type SourceEntry = { ok: true; spec: string } | { ok: false; error: InputError };

/**
 * The inputs the specs name, in order, directories expanded into their article files: what a
 * batch will read, known before reading it (so progress can say "12 of 40"). A container (a feed,
 * a URL list, an archive) is one entry here and opens into its articles when read.
 */
export function listSources(specs: string[], options: ReadOptions = {}): SourceEntry[] {
  const entries: SourceEntry[] = [];
  for (const spec of specs) {
    if (spec === '-' || isHttpUrl(spec)) { entries.push({ ok: true, spec }); continue; }
    try {
      const problems: InputError[] = [];
      for (const file of expandPath(spec, options.include, problems)) entries.push({ ok: true, spec: file });
      for (const error of problems) entries.push({ ok: false, error });
    } catch (err) {
      entries.push(fail(err) as SourceEntry);
    }
  }
  return entries;
}

/** Reads one entry of `listSources`: `-`, a URL or a file, opened into the articles it holds. */
export async function* readSource(spec: string, options: ReadOptions = {}): AsyncGenerator<ReadResult> {
  let input: RawInput;
  const local = !isHttpUrl(spec);
  try {
    input = spec === '-' ? await readStdin() : local ? readFile(spec) : await fetchUrl(spec, options.fetch);
  } catch (err) {
    yield fail(err);
    return;
  }
  yield* open(input, options, local);
}

/**
 * Every input the specs name, in order. A bad spec, file, URL, feed item or archive record
 * yields an error in its place and the rest goes on, so a batch is never stopped by one bad input.
 */
export async function* readSources(specs: string[], options: ReadOptions = {}): AsyncGenerator<ReadResult> {
  for (const entry of listSources(specs, options)) {
    if (!entry.ok) { yield entry; continue; }
    yield* readSource(entry.spec, options);
  }
}

/** A URL list, a feed or an archive is opened into the articles it names; an article is itself. */
async function* open(input: RawInput, options: ReadOptions, mayList: boolean): AsyncGenerator<ReadResult> {
  if (isWarc(input.bytes)) {
    yield* readWarc(input.source, input.bytes);
    return;
  }
  const head = input.bytes.subarray(0, 2048).toString('utf8');
  if (isFeedMediaType(input.mediaType) || looksLikeFeed(head)) {
    yield* openFeed(input, options);
    return;
  }
  if (mayList && input.mediaType === 'text/plain') {
    const urls = urlList(input.bytes);
    if (urls) {
      for (const url of urls) {
        let page: RawInput;
        try { page = await fetchUrl(url, options.fetch); } catch (err) { yield fail(err); continue; }
        yield* open(page, options, false);
      }
      return;
    }
  }
  yield { ok: true, input };
}

/** The URLs of a file that holds nothing else (blank lines and `#` comments aside). */
export function urlList(bytes: Buffer): string[] | null {
  if (bytes.length > 4 * 1024 * 1024) return null;
  const lines = bytes.toString('utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  if (lines.length === 0 || !lines.every((l) => /^https?:\/\/\S+$/i.test(l))) return null;
  return lines;
}

async function* openFeed(input: RawInput, options: ReadOptions): AsyncGenerator<ReadResult> {
  let items: FeedItem[];
  try {
    items = parseFeed(input.source, decodeText(input.source, input.bytes, input.charset));
  } catch (err) {
    yield fail(err);
    return;
  }
  if (items.length === 0) { yield fail(new InputError(input.source, 'feed has no items')); return; }
  for (const item of items) {
    const label = `${input.source}#item-${item.index}`;
    const meta = { title: item.title, published: item.published };
    if (item.link) {
      try {
        const page = await fetchUrl(item.link, options.fetch);
        yield { ok: true, input: { ...page, ...meta } };
        continue;
      } catch (err) {
        // The feed's own copy of the article, when it has one, stands in for an unreachable page.
        if (!item.content) { yield fail(err); continue; }
      }
    }
    if (item.content) {
      yield { ok: true, input: { source: item.link ?? label, bytes: Buffer.from(item.content, 'utf8'), mediaType: 'text/html', charset: 'utf-8', url: item.link, fetchedAt: input.fetchedAt, ...meta } };
      continue;
    }
    yield fail(new InputError(label, 'feed item has neither a link nor content'));
  }
}
