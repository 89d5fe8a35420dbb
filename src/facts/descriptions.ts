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
  out.push(...partFacts(view));
  for (const person of doc.entities) {
    if (person.type !== 'PERSON') continue;
    for (const d of person.mentions) {
      if (d.kind !== 'nominal') continue;
      const last = d.text.toLowerCase().split(/\s+/).pop() ?? '';
      const singular = leader.has(last) || role.has(last) ? last : last.replace(/s$/, '');
      const type = leader.has(singular) ? 'leader_of' : role.has(singular) ? 'member_of' : null;
      if (!type) continue;
      // The group named inside the description, right before its head ("the Al Qaeda leader"),
      // or right after it ("both leaders of Al Qaeda", "both heads of the group Al Qaeda").
      let inner = names.find(({ m }) => m.start >= d.start && m.end <= d.end && /^\s*\S+$/.test(d.text.slice(m.end - d.start)));
      const of = /^\s+of\s+/i.exec(doc.meta.text.slice(d.end, d.end + 12));
      if (!inner && of) {
        // The group's mention may begin at "the" ("the group Al Qaeda") or after it.
        const at = d.end + of[0].length;
        const after = /^the\s+/i.exec(doc.meta.text.slice(at, at + 5));
        const starts = new Set([at, at + (after ? after[0].length : 0)]);
        const e = doc.entities.find((x) => x !== person && OBJECT_TYPES.has(x.type) && x.mentions.some((m) => starts.has(m.start) && m.kind !== 'pronoun'));
        if (e) inner = { entity: e, m: e.mentions[0] };
      }
      if (!inner) continue;
      const s = sentenceAt(doc, d.start);
      if (s < 0) continue;
      const sent = doc.sentences[s];
      out.push({
        id: '', kind: 'relation', type, subject: person.id, object: inner.entity.id,
        time: null, modality: 'asserted', attribution: null, confidence: CONFIDENCE,
        mode: null, place: null, role: singular, mediator: null,
        evidence: [span(doc.meta.text, sent.start, sent.end)],
      });
    }
  }
  return out;
}

/**
 * "a faction of the Taliban", resolved by the entity stage to a group named before, is part of
 * the Taliban; "its Yemeni franchise of X" an affiliate. The head word decides (lists.json
 * `faction`, `affiliate`), the group is the one named right after "of"/"within".
 */
function partFacts(view: DocView): Fact[] {
  const doc = view.doc;
  const lists = loadRules().lists;
  const faction = new Set(lists.faction ?? []);
  const affiliate = new Set(lists.affiliate ?? []);
  const out: Fact[] = [];
  for (const part of doc.entities) {
    if (part.type !== 'ORG') continue;
    for (const d of part.mentions) {
      if (d.kind !== 'nominal') continue;
      const head = d.text.toLowerCase().split(/\s+/).pop() ?? '';
      const type = faction.has(head) ? 'part_of' : affiliate.has(head) ? 'affiliate_of' : null;
      if (!type) continue;
      const rest = /^\s+(?:of|within)\s+(?:the\s+)?/i.exec(doc.meta.text.slice(d.end, d.end + 20));
      if (!rest) continue;
      const at = d.end + rest[0].length;
      const whole = doc.entities.find((e) => e !== part && e.type === 'ORG' && e.mentions.some((m) => m.start === at && m.kind !== 'pronoun'));
      if (!whole) continue;
      const s = sentenceAt(doc, d.start);
      if (s < 0) continue;
      const sent = doc.sentences[s];
      out.push({
        id: '', kind: 'relation', type, subject: part.id, object: whole.id,
        time: null, modality: 'asserted', attribution: null, confidence: CONFIDENCE,
        mode: null, place: null, role: null, mediator: null,
        evidence: [span(doc.meta.text, sent.start, sent.end)],
      });
    }
  }
  return out;
}
