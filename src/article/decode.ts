// Bytes → text, with a clear error for bytes that are not text.
import { InputError } from '../model/errors.js';

/**
 * The charset an HTML page declares in its first 4 KB: `<meta charset>` or
 * `<meta http-equiv="Content-Type" content="...; charset=...">`.
 */
export function sniffHtmlCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

/**
 * Decodes an HTML page: BOM, then the HTTP header's charset, then the page's own <meta>
 * declaration, then UTF-8; a page that declares nothing and is not UTF-8 is read as
 * windows-1252, the most common undeclared legacy encoding (every byte decodes).
 */
export function decodeHtml(source: string, bytes: Buffer, headerCharset: string | null = null): string {
  if (hasBom(bytes)) return decodeText(source, bytes, null);
  const declared = headerCharset ?? sniffHtmlCharset(bytes);
  if (declared) return decodeText(source, bytes, normalizeCharset(declared));
  try {
    return decodeText(source, bytes, 'utf-8');
  } catch (err) {
    if (err instanceof InputError && /^invalid/.test(err.problem)) return decodeText(source, bytes, 'windows-1252');
    throw err;
  }
}

function hasBom(b: Buffer): boolean {
  return (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) || (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
}

/** Names pages use that TextDecoder does not know under that spelling. */
function normalizeCharset(c: string): string {
  const k = c.toLowerCase().replace(/^["']|["']$/g, '');
  if (k === 'utf8') return 'utf-8';
  if (k === 'latin1' || k === 'latin-1') return 'iso-8859-1';
  return k;
}

/** Decodes bytes as text: BOM, then the declared charset, then UTF-8 (strict). */
export function decodeText(source: string, bytes: Buffer, declaredCharset: string | null = null): string {
  if (bytes.length === 0) throw new InputError(source, 'empty file');
  if (looksBinary(bytes)) throw new InputError(source, 'binary file, not text or HTML');
  let charset = (declaredCharset ?? 'utf-8').toLowerCase();
  let body: Uint8Array = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) { charset = 'utf-8'; body = bytes.subarray(3); }
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) { charset = 'utf-16le'; body = bytes.subarray(2); }
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) { charset = 'utf-16be'; body = bytes.subarray(2); }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new InputError(source, `unknown charset "${charset}"`);
  }
  try {
    return decoder.decode(body);
  } catch {
    throw new InputError(source, `invalid ${charset.toUpperCase()} (the bytes are not text in that encoding)`);
  }
}

/** NUL bytes in the first 8 KB mean binary (UTF-16 text starts with a BOM, handled before). */
function looksBinary(bytes: Buffer): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
