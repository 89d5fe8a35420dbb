// Documents built by hand from marked-up sentences, for the pattern tests and unit tests:
//   "[Hamas|ORG] sealed a pact with [Fatah|ORG] {in 2011|2011}. [It|=Hamas] ..."
// `[text|TYPE]` is a name mention (same text, same entity), `[text|=Name]` a pronoun or
// description resolved to the entity named Name, `{text|value}` a DATE time expression.
import { analyzeText } from '../analyze/index.js';
import { ENTITY_TYPES, type Entity, type EntityType, type Timex, type WorkingDocument } from '../model/types.js';

export function markedDocument(marked: string, published = '2022-08-02'): WorkingDocument {
  let text = '';
  const entities = new Map<string, Entity>();
  const timexes: Timex[] = [];
  const re = /\[([^\]|]+)\|([^\]]+)\]|\{([^}|]+)\|([^}]+)\}/g;
  let last = 0;
  const pending: Array<{ start: number; end: number; ref: string; kind: 'name' | 'pronoun' }> = [];
  for (let m = re.exec(marked); m; m = re.exec(marked)) {
    text += marked.slice(last, m.index);
    last = m.index + m[0].length;
    const start = text.length;
    if (m[1] !== undefined) {
      text += m[1];
      const tag = m[2];
      if (tag.startsWith('=')) pending.push({ start, end: text.length, ref: tag.slice(1), kind: 'pronoun' });
      else {
        if (!(ENTITY_TYPES as readonly string[]).includes(tag)) throw new Error(`unknown entity type ${tag} in "${marked}"`);
        let e = entities.get(m[1]);
        if (!e) {
          e = { id: `e${entities.size + 1}`, name: m[1], type: tag as EntityType, subtype: null, aliases: [], mentions: [] };
          entities.set(m[1], e);
        }
        e.mentions.push({ start, end: text.length, text: m[1], kind: 'name' });
      }
    } else {
      text += m[3];
      timexes.push({ start, end: text.length, text: m[3], type: 'DATE', value: m[4] });
    }
  }
  text += marked.slice(last);
  for (const p of pending) {
    const e = entities.get(p.ref);
    if (!e) throw new Error(`"${p.ref}" is referred to before it is named in "${marked}"`);
    e.mentions.push({ start: p.start, end: p.end, text: text.slice(p.start, p.end), kind: 'pronoun' });
  }
  const { sentences, tokens } = analyzeText(text);
  return {
    meta: { id: 'test', source: 'test', title: null, published, language: 'en', text, removed: [] },
    sentences,
    tokens,
    entities: [...entities.values()],
    timexes,
    facts: [],
    messages: [],
  };
}

/** "Name → Name" (or "Name → -") for each fact of a type, by entity name. */
export function factPairs(doc: WorkingDocument, type?: string): string[] {
  const name = (id: string | null) => (id ? doc.entities.find((e) => e.id === id)?.name ?? id : '-');
  return doc.facts.filter((f) => !type || f.type === type).map((f) => `${name(f.subject)} → ${name(f.object)}`);
}
