// Pieces every export format shares: which facts become edges, how partial dates become
// calendar bounds, and escaping for the text formats.
import type { GraphSnapshot, StoredEntity, StoredFact } from '../store/types.js';
import { SYMMETRIC_TYPES } from '../model/types.js';

export interface ExportFile {
  /** Suggested file name (for formats that write several files) or the format's extension. */
  name: string;
  text: string;
}

export interface ExportOptions {
  /** Timestamp written where a format wants one (STIX created/modified, GEXF meta); fixed in tests. */
  now?: Date;
}

/** A fact that links two actors present in the snapshot: what the graph formats draw as an edge. */
export function edgeFacts(snapshot: GraphSnapshot): StoredFact[] {
  const ids = new Set(snapshot.entities.map((e) => e.id));
  return snapshot.facts.filter((f) => f.object !== null && ids.has(f.subject) && ids.has(f.object));
}

export function isSymmetric(type: string): boolean {
  return SYMMETRIC_TYPES.has(type);
}

export function entityIndex(snapshot: GraphSnapshot): Map<string, StoredEntity> {
  return new Map(snapshot.entities.map((e) => [e.id, e]));
}

const DATE = /^(\d{2}|\d{3}|\d{4}|\d{4}-\d{2}|\d{4}-\d{2}-\d{2})(?:T.*)?$/;

/**
 * The first calendar day of a TIMEX-style value: `2011` → 2011-01-01, `2011-05` → 2011-05-01,
 * `201` (the 2010s) → 2010-01-01, `19` (the 1900s) → 1900-01-01. Null for anything else.
 */
export function firstDay(value: string | undefined | null): string | null {
  const m = value ? DATE.exec(value) : null;
  if (!m) return null;
  const v = m[1]!;
  switch (v.length) {
    case 2: return `${v}00-01-01`;
    case 3: return `${v}0-01-01`;
    case 4: return `${v}-01-01`;
    case 7: return `${v}-01`;
    default: return v;
  }
}

/** The last calendar day of a TIMEX-style value: `2011` → 2011-12-31, `2020-02` → 2020-02-29. */
export function lastDay(value: string | undefined | null): string | null {
  const m = value ? DATE.exec(value) : null;
  if (!m) return null;
  const v = m[1]!;
  switch (v.length) {
    case 2: return `${v}99-12-31`;
    case 3: return `${v}9-12-31`;
    case 4: return `${v}-12-31`;
    case 7: {
      const [y, mo] = v.split('-').map(Number) as [number, number];
      const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
      return `${v}-${String(days).padStart(2, '0')}`;
    }
    default: return v;
  }
}

/** The calendar interval a fact covers: an event its `at` period, a relation its start..end. */
export function factInterval(f: StoredFact): { start: string | null; end: string | null } {
  const t = f.time;
  if (!t) return { start: null, end: null };
  if (t.at) return { start: firstDay(t.at), end: lastDay(t.at) };
  return { start: firstDay(t.start), end: lastDay(t.end) };
}

/** Characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlEscape(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** First evidence sentence of a fact, the one quoted where a format has room for a single one. */
export function firstEvidence(f: StoredFact): { text: string; documentId: string } | null {
  const e = f.evidence[0];
  return e ? { text: e.text, documentId: e.documentId } : null;
}
