// Plain text that still carries page chrome → body text and the removed lines.
//
// The page was flattened to lines by whoever scraped it: one paragraph, heading or chrome item
// per line. Each line is classified by cues (data/article/cues, any language) and by its shape
// (length, final punctuation, place on the page, neighbours); every removed line is recorded in
// `removed` with its reason. The headline stays the first line of the text.
import type { Removed } from '../model/types.js';
import type { Article } from './index.js';
import { matchCues, type CueSet, defaultCues } from './cues.js';
import { isDateOnly, parseDate } from './dates.js';
import { detectLanguage } from './language.js';
import { wordCount } from './normal-form.js';
import { classifyBlocks, type Block } from './classify.js';

/** Splits raw text into logical lines: one paragraph each, hard-wrapped paragraphs rejoined. */
export function logicalLines(input: string): string[] {
  const physical = input.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n').split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
  const hardWrapped = looksHardWrapped(physical);
  const maxLen = physical.reduce((m, l) => Math.max(m, l.length), 0);
  const out: string[] = [];
  let joinNext = false;
  for (const line of physical) {
    if (!line) { joinNext = false; out.push(''); continue; }
    if (joinNext && out.length) out[out.length - 1] += ' ' + line;
    else out.push(line);
    // A line broken for width, not for meaning: the paragraph goes on on the next line.
    joinNext = hardWrapped
      ? line.length >= maxLen - 25
      : false;
  }
  // Without hard wrapping, still rejoin a line that stops mid-sentence before a lower-case start.
  const merged: string[] = [];
  for (const line of out) {
    const prev = merged[merged.length - 1];
    if (prev && line && prev.length >= 30 && !/[.!?…:;"”»)\]]$/.test(prev) && /^\p{Ll}/u.test(line)) merged[merged.length - 1] = prev + ' ' + line;
    else merged.push(line);
  }
  return merged.filter((l) => l.length > 0);
}

/** Most long lines end near the same column, in blocks of several lines: the text was wrapped for width. */
function looksHardWrapped(lines: string[]): boolean {
  const long = lines.filter((l) => l.length >= 40);
  if (long.length < 6) return false;
  const maxLen = long.reduce((m, l) => Math.max(m, l.length), 0);
  if (maxLen > 100) return false;
  const nearMax = long.filter((l) => l.length >= maxLen - 15).length;
  let inBlock = 0;
  for (let i = 0; i + 1 < lines.length; i++) if (lines[i].length >= 40 && lines[i + 1].length > 0) inBlock++;
  // Lines broken for width mostly end mid-sentence; one-sentence lines of similar length do not.
  const midSentence = long.filter((l) => !/[.!?…"”»)]$/.test(l)).length;
  return nearMax / long.length >= 0.6 && inBlock / long.length >= 0.5 && midSentence / long.length >= 0.5;
}

/** " | Section" or " | Site name" at the end of a headline: 1 to 3 words after a pipe. */
const TITLE_SUFFIX = /\s+[|｜]\s+[^|｜]{1,40}$/u;

export function splitTitleSuffix(headline: string): { title: string; suffix: string | null } {
  const m = TITLE_SUFFIX.exec(headline);
  if (!m) return { title: headline, suffix: null };
  const rest = headline.slice(0, m.index);
  if (wordCount(m[0]) > 3 || wordCount(rest) < 3) return { title: headline, suffix: null };
  return { title: rest, suffix: m[0].trim() };
}

export function cleanPlainText(input: string, cues: CueSet = defaultCues()): Article {
  const lines = logicalLines(input);
  const blocks: Block[] = lines.map((text) => ({ text, heading: false }));
  const verdicts = classifyBlocks(blocks, { cues, findHeadline: true });
  const removed: Removed[] = [];
  const kept: string[] = [];
  let title: string | null = null;
  let published: string | null = null;
  verdicts.forEach((v, i) => {
    let text = lines[i];
    if (v.reason) {
      removed.push({ text, reason: v.reason });
      if (!published && (v.reason === 'dateline' || v.reason === 'byline') && v.position === 'header') published = datelineDate(text);
      return;
    }
    if (v.headline) {
      const { title: t, suffix } = splitTitleSuffix(text);
      if (suffix) { removed.push({ text: suffix, reason: 'section' }); text = t; }
      if (wordCount(t) <= 30) title = t;
    }
    kept.push(text);
  });
  const text = kept.join('\n\n');
  return { title, published, language: detectLanguage(text), text: text ? text + '\n' : '', removed };
}

/** The date a header line gives ("Published June 25, 2023", "Technology | 13 October 2023"). */
function datelineDate(line: string): string | null {
  for (const part of line.split(/\s*[|·•]\s*/)) if (isDateOnly(part)) return parseDate(part);
  return parseDate(line);
}

export { matchCues };
