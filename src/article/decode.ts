// Bytes → text, with a clear error for bytes that are not text.
import { InputError } from '../model/errors.js';

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
