// "The first", "the second", "the former", "the latter" standing alone refer to the members of the
// last pair the text named: "Bin Laden and Al Zawahiri ... The first was killed in 2011, the
// second in 2022". They become mentions of those entities, so the fact rules see them as names.
import type { Entity, WorkingDocument } from '../model/types.js';

const ORDINALS: Record<string, 0 | 1> = { first: 0, former: 0, second: 1, latter: 1 };
/** Sentences back (the current one included) where the pair may be named. */
const LOOKBACK = 3;
/** After the ordinal: a noun phrase goes on ("the first time"), or a different sense ("the first of May", "the first to arrive"). */
const NOT_ALONE = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);

interface Named {
  entity: Entity;
  start: number;
  end: number;
}

export function resolveOrdinals(doc: WorkingDocument): void {
  const text = doc.meta.text;
  const names: Named[] = [];
  for (const e of doc.entities) for (const m of e.mentions) if ((m.kind ?? 'name') === 'name') names.push({ entity: e, start: m.start, end: m.end });
  names.sort((a, b) => a.start - b.start);
  const pairs: Array<[Named, Named]> = [];
  for (let i = 0; i + 1 < names.length; i++) {
    const [a, b] = [names[i], names[i + 1]];
    if (a.entity === b.entity || a.entity.type !== b.entity.type) continue;
    if (/^,?\s+and\s+$/.test(text.slice(a.end, b.start))) pairs.push([a, b]);
  }
  if (!pairs.length) return;
  const tokens = doc.tokens;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const which = ORDINALS[tokens[i + 1].norm.toLowerCase()];
    if (which === undefined || tokens[i].norm.toLowerCase() !== 'the') continue;
    // Alone: the phrase ends there, before a verb, punctuation or a role ("The first died", "the
    // latter, in Gaza", "successor to the first as minister"), not "the first in a series", "the
    // first, second and third".
    const next = tokens[i + 2];
    if (next && next.sentence === tokens[i].sentence) {
      const linked = next.pos === 'ADP' && ['as', 'with', 'by', 'after', 'before'].includes(next.norm.toLowerCase());
      if (NOT_ALONE.has(next.pos) || !(linked || ['PUNCT', 'VERB', 'AUX', 'ADV'].includes(next.pos))) continue;
      const after = tokens[i + 3]?.norm.toLowerCase() ?? '';
      if (next.text === ',' && (after in ORDINALS || ['third', 'fourth', 'and', 'or'].includes(after))) continue;
    }
    const sentence = tokens[i].sentence;
    const firstAllowed = doc.sentences[Math.max(0, sentence - LOOKBACK)].start;
    let pair: [Named, Named] | null = null;
    for (const p of pairs) if (p[1].end <= tokens[i].start && p[0].start >= firstAllowed) pair = p;
    if (!pair) continue;
    const start = tokens[i].start;
    const end = tokens[i + 1].end;
    const entity = pair[which].entity;
    if (doc.entities.some((e) => e.mentions.some((m) => m.start < end && start < m.end))) continue;
    entity.mentions.push({ start, end, text: text.slice(start, end), kind: 'nominal' });
    entity.mentions.sort((a, b) => a.start - b.start);
  }
}
