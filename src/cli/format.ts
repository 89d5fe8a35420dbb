// Readable terminal layout of one extracted document.
import type { FactTime, WorkingDocument } from '../model/types.js';
import type { StoredEntity, StoredFact } from '../store/types.js';

export function formatSummary(doc: WorkingDocument): string {
  const names = new Map(doc.entities.map((e) => [e.id, e.name]));
  const out: string[] = [];
  out.push(`${doc.meta.title ?? doc.meta.source}  (${doc.meta.source}${doc.meta.published ? ', ' + doc.meta.published : ''})`);
  out.push(`  ${doc.meta.text.length} characters, ${doc.sentences.length} sentences, ${doc.meta.removed.length} lines of page chrome removed`);
  const byType = new Map<string, string[]>();
  for (const e of doc.entities) byType.set(e.type, [...(byType.get(e.type) ?? []), e.name]);
  out.push('  Actors:');
  for (const [type, list] of [...byType].sort()) out.push(`    ${type.padEnd(8)} ${list.join(', ')}`);
  out.push('  Facts:');
  for (const f of [...doc.facts].sort((a, b) => b.confidence - a.confidence)) {
    const when = f.time ? ` [${f.time.at ?? `${f.time.start ?? '…'}–${f.time.end ?? ''}`}]` : '';
    const mod = f.modality !== 'asserted' ? ` (${f.modality})` : '';
    const who = f.attribution ? ` according to ${names.get(f.attribution.speaker)}` : '';
    out.push(`    ${names.get(f.subject)} —${f.type}${f.mode ? '/' + f.mode : ''}→ ${f.object ? names.get(f.object) : '∅'}${when}${mod}${who}`);
  }
  return out.join('\n');
}

// ---------------------------------------------------------------- the stored graph


/** "1996–", "1994–2013", "2011-05-02", "" for undated. */
export function formatTime(t: FactTime | null): string {
  if (!t) return '';
  if (t.at) return t.at;
  if (t.start || t.end) return `${t.start ?? '…'}–${t.end ?? ''}`;
  return '';
}

export type NameOf = (id: string | null | undefined) => string;

/** One line for a fact: "Taliban —allied_with→ Al Qaeda [1996–] (hedged; according to X) ×2 0.84". */
export function formatFact(f: StoredFact, nameOf: NameOf): string {
  const when = formatTime(f.time);
  const qualifiers = [
    f.modality !== 'asserted' ? f.modality : '',
    f.attribution ? `according to ${nameOf(f.attribution.speaker)}` : '',
    f.role ? `as ${f.role}` : '',
    f.place ? `in ${nameOf(f.place)}` : '',
    f.mediator ? `via ${nameOf(f.mediator)}` : '',
  ].filter(Boolean);
  const arrow = f.object ? ` —${f.type}${f.mode ? '/' + f.mode : ''}→ ${nameOf(f.object)}` : ` ${f.type}`;
  return `${nameOf(f.subject)}${arrow}${when ? ` [${when}]` : ''}${qualifiers.length ? ` (${qualifiers.join('; ')})` : ''}` +
    `  ${f.sources} source${f.sources === 1 ? '' : 's'}, confidence ${f.confidence.toFixed(2)}`;
}

export function formatActorLine(a: StoredEntity): string {
  const aka = a.aliases.length ? `  aka ${a.aliases.slice(0, 4).join(', ')}${a.aliases.length > 4 ? ', …' : ''}` : '';
  return `${a.name} (${a.type}${a.subtype ? '/' + a.subtype : ''})  ${a.documentCount} doc${a.documentCount === 1 ? '' : 's'}, ${a.mentionCount} mentions  [${a.id}]${aka}`;
}

/** Shortens a sentence for a terminal line, keeping its start. */
export function clip(text: string, width = 160): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= width ? one : one.slice(0, width - 1) + '…';
}

/** Actor names by id, looked up once each. */
export function nameLookup(getActor: (id: string) => StoredEntity | null): NameOf {
  const cache = new Map<string, string>();
  return (id) => {
    if (!id) return '∅';
    let n = cache.get(id);
    if (n === undefined) { n = getActor(id)?.name ?? id; cache.set(id, n); }
    return n;
  };
}

/** "1 document", "3 documents". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
