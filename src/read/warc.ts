// WARC files (ISO 28500; .warc or .warc.gz) → the HTML and text responses they archive, each with
// its target URI, capture date and the HTTP response's content type and charset.
import { gunzipSync, inflateSync } from 'node:zlib';
import { InputError } from '../model/errors.js';
import { MAX_INPUT_BYTES, type RawInput } from './index.js';

export interface WarcRecordResult { ok: true; input: RawInput }
export interface WarcRecordError { ok: false; error: InputError }

const CRLF2 = Buffer.from('\r\n\r\n');

function parseHeaders(block: string): Map<string, string> {
  const h = new Map<string, string>();
  for (const line of block.split(/\r?\n/).slice(1)) {
    const i = line.indexOf(':');
    if (i > 0) h.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return h;
}

export function isWarc(bytes: Buffer): boolean {
  return bytes.subarray(0, 8).toString('latin1').startsWith('WARC/');
}

/** Every `response` record with an article media type; other records are skipped. */
export function* readWarc(source: string, bytes: Buffer): Generator<WarcRecordResult | WarcRecordError> {
  let pos = 0;
  let n = 0;
  while (pos < bytes.length) {
    while (pos < bytes.length && (bytes[pos] === 0x0d || bytes[pos] === 0x0a)) pos++;
    if (pos >= bytes.length) break;
    n++;
    const headEnd = bytes.indexOf(CRLF2, pos);
    if (headEnd < 0 || !bytes.subarray(pos, pos + 5).toString('latin1').startsWith('WARC/')) {
      yield { ok: false, error: new InputError(`${source}#record-${n}`, 'not a WARC record header (file truncated or corrupt)') };
      return;
    }
    const headers = parseHeaders(bytes.subarray(pos, headEnd).toString('utf8'));
    const length = Number(headers.get('content-length'));
    const start = headEnd + 4;
    if (!Number.isFinite(length) || length < 0 || start + length > bytes.length) {
      yield { ok: false, error: new InputError(`${source}#record-${n}`, 'record length missing or beyond the end of the file') };
      return;
    }
    const block = bytes.subarray(start, start + length);
    pos = start + length;
    const uri = (headers.get('warc-target-uri') ?? '').replace(/^<|>$/g, '');
    if (headers.get('warc-type') !== 'response' || !/application\/http/i.test(headers.get('content-type') ?? '')) continue;
    const label = uri || `${source}#record-${n}`;
    try {
      const input = httpResponseToInput(label, block);
      if (input) yield { ok: true, input: { ...input, url: uri || null, fetchedAt: headers.get('warc-date') ?? null } };
    } catch (err) {
      if (err instanceof InputError) yield { ok: false, error: err };
      else throw err;
    }
  }
}

/** An archived HTTP response → raw input, or null when it is not an article (image, script...). */
function httpResponseToInput(source: string, block: Buffer): RawInput | null {
  const headEnd = block.indexOf(CRLF2);
  if (headEnd < 0) throw new InputError(source, 'archived HTTP response without headers');
  const status = /^HTTP\/[\d.]+\s+(\d{3})/.exec(block.subarray(0, 64).toString('latin1'));
  if (!status || status[1][0] !== '2') return null;
  const headers = parseHeaders(block.subarray(0, headEnd).toString('latin1'));
  const contentType = headers.get('content-type') ?? 'text/html';
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  if (!/^(text\/html|application\/xhtml\+xml|text\/plain)$/.test(mediaType)) return null;
  let body: Buffer = block.subarray(headEnd + 4);
  if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) body = dechunk(source, body);
  const encoding = (headers.get('content-encoding') ?? '').toLowerCase();
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') body = gunzipSync(body, { maxOutputLength: MAX_INPUT_BYTES });
    else if (encoding === 'deflate') body = inflateSync(body, { maxOutputLength: MAX_INPUT_BYTES });
  } catch {
    throw new InputError(source, `archived body is not valid ${encoding} or decompresses beyond the size limit`);
  }
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? null;
  return { source, bytes: body, mediaType, charset, url: null, fetchedAt: null };
}

function dechunk(source: string, body: Buffer): Buffer {
  const out: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', pos);
    if (lineEnd < 0) throw new InputError(source, 'broken chunked encoding in the archived response');
    const size = parseInt(body.subarray(pos, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size)) throw new InputError(source, 'broken chunked encoding in the archived response');
    if (size === 0) break;
    out.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    pos = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(out);
}
