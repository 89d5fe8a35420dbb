import type { Span } from './types.js';

/** A span of `text` from `start` to `end`, carrying its own text so it can be checked. */
export function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** True when the span's offsets are valid for `text` and its text is what they cover. */
export function spanIsValid(text: string, s: Span): boolean {
  return Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end && text.slice(s.start, s.end) === s.text;
}
