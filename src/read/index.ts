// Sources → raw inputs: bytes with what is known of them (media type, charset, URL, fetch time).
// Knows files, directories (recursive), `.gz` and stdin. Nothing here interprets the content.
import { readFileSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../model/errors.js';

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
}

const ARTICLE_FILE = /\.(txt|text|html?|xhtml)(\.gz)?$/i;
/** The most a single input may decompress to: a gzip bomb stops here. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export function mediaTypeOf(name: string): string {
  const base = name.replace(/\.gz$/i, '');
  return /\.(html?|xhtml)$/i.test(base) ? 'text/html' : 'text/plain';
}

/** Lists the article files a path names: the file itself, or the article files below a directory. */
export function expandPath(p: string): string[] {
  let st;
  try {
    st = statSync(p);
  } catch (err) {
    throw new InputError(p, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : `cannot read (${(err as Error).message})`);
  }
  if (st.isFile()) return [p];
  if (!st.isDirectory()) throw new InputError(p, 'not a file or directory');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const ent of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (ent.name.startsWith('.')) continue;
      const full = path.join(dir, ent.name);
      if (ent.isDirectory()) walk(full);
      else if (ent.isFile() && ARTICLE_FILE.test(ent.name)) found.push(full);
    }
  };
  walk(p);
  if (found.length === 0) throw new InputError(p, 'directory holds no articles (.txt, .html, .htm, optionally .gz)');
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
    bytes = readFileSync(file);
  } catch (err) {
    throw new InputError(file, `cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (/\.gz$/i.test(file) || (bytes[0] === 0x1f && bytes[1] === 0x8b)) bytes = gunzip(file, bytes);
  return { source: file, bytes, mediaType: mediaTypeOf(file), charset: null, url: null, fetchedAt: null };
}

export async function readStdin(): Promise<RawInput> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  let bytes: Buffer = Buffer.concat(chunks);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzip('-', bytes);
  const head = bytes.subarray(0, 512).toString('latin1');
  const mediaType = /<(!doctype html|html|head|body|article|p)[\s>]/i.test(head) ? 'text/html' : 'text/plain';
  return { source: '-', bytes, mediaType, charset: null, url: null, fetchedAt: null };
}

export type ReadResult = { ok: true; input: RawInput } | { ok: false; error: InputError };

/**
 * Every input the specs name, in order. A bad spec or file yields an error in its place and the
 * rest goes on, so a batch is never stopped by one bad input.
 */
export async function* readSources(specs: string[]): AsyncGenerator<ReadResult> {
  for (const spec of specs) {
    if (spec === '-') {
      yield { ok: true, input: await readStdin() };
      continue;
    }
    let files: string[];
    try {
      files = expandPath(spec);
    } catch (err) {
      if (err instanceof InputError) { yield { ok: false, error: err }; continue; }
      throw err;
    }
    for (const file of files) {
      try {
        yield { ok: true, input: readFile(file) };
      } catch (err) {
        if (err instanceof InputError) yield { ok: false, error: err };
        else throw err;
      }
    }
  }
}
