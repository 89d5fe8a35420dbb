// Readable terminal layout of one extracted document.
import type { WorkingDocument } from '../model/types.js';

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
