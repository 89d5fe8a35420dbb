// Relations said by a description that stands for a named person: "the Hamas leader" (resolved
// by the entity stage to a person named elsewhere) says that person leads Hamas, "the Kremlin
// spokesman" that he works for it. The head word decides: a leader word (lists.json `leader`)
// gives leader_of, a role word (`role`) gives member_of with that role.
import type { Fact } from '../model/types.js';
import { span } from '../model/spans.js';
import { loadRules } from './rules.js';
import { sentenceAt, type DocView } from './view.js';

const OBJECT_TYPES = new Set(['ORG', 'GPE']);
const CONFIDENCE = 0.7;

export function descriptionFacts(view: DocView): Fact[] {
  const doc = view.doc;
  const lists = loadRules().lists;
  const leader = new Set(lists.leader ?? []);
  const role = new Set(lists.role ?? []);
  const names = doc.entities.flatMap((e) => (OBJECT_TYPES.has(e.type) ? e.mentions.filter((m) => m.kind !== 'pronoun' && m.kind !== 'nominal').map((m) => ({ entity: e, m })) : []));
  const out: Fact[] = [];
  for (const person of doc.entities) {
    if (person.type !== 'PERSON') continue;
    for (const d of person.mentions) {
      if (d.kind !== 'nominal') continue;
      const head = d.text.toLowerCase().split(/\s+/).pop() ?? '';
      const type = leader.has(head) ? 'leader_of' : role.has(head) ? 'member_of' : null;
      if (!type) continue;
      // The group named inside the description, right before its head: "the Al Qaeda leader".
      const inner = names.find(({ m }) => m.start >= d.start && m.end <= d.end && /^\s*\S+$/.test(d.text.slice(m.end - d.start)));
      if (!inner) continue;
      const s = sentenceAt(doc, d.start);
      if (s < 0) continue;
      const sent = doc.sentences[s];
      out.push({
        id: '', kind: 'relation', type, subject: person.id, object: inner.entity.id,
        time: null, modality: 'asserted', attribution: null, confidence: CONFIDENCE,
        mode: null, place: null, role: head, mediator: null,
        evidence: [span(doc.meta.text, sent.start, sent.end)],
      });
    }
  }
  return out;
}
