// Templates: the small pattern language of data/facts/*.json (see data/facts/README.md).
//
//   "S* seal|sign|conclude pact|alliance with O"
//
// - `S` / `O`: the subject / object, an entity mention right at that place (determiners and
//   adjectives may come first: "founded the Taliban movement").
// - `S*` / `O*`: searched: a leading `S*` is the subject of the clause, found by walking left
//   from the cue (relative pronouns lead to their antecedent, mentions inside prepositional
//   phrases or right after a verb are skipped); a trailing `O*` is the first mention of a fitting
//   type within a few tokens to the right, inside the clause.
// - `a|b|c`: one token whose lemma or lower-cased form is one of the words; `?` makes it optional;
//   `:VERB` / `:NOUN` restricts the part of speech; `:active` / `:passive` the voice of a verb.
// - `@list`: a word from a named list in data/facts/lists.json (e.g. `@role`); the word matched
//   is kept (a pattern's `role: "@role"` puts it on the fact).
// - `…`: up to five tokens of anything inside the clause.
// - `*:NOUN`: any one word with that part of speech ("is an American jurist"); never the anchor.
// Between two words of a template, a few determiners, adjectives, adverbs, auxiliaries, numbers
// and possessives may occur ("sealed a new pact", "has long been allied").

export type Slot =
  | { kind: 'arg'; role: 'S' | 'O'; search: boolean }
  | { kind: 'lit'; words: Set<string>; list: string | null; optional: boolean; pos: string | null; voice: 'active' | 'passive' | null; any?: boolean }
  | { kind: 'gap' };

export interface Template {
  source: string;
  slots: Slot[];
  /** Index of the first required literal: matching starts there. */
  anchor: number;
}

export function parseTemplate(source: string, lists: Record<string, string[]>): Template {
  const slots: Slot[] = [];
  for (const part of source.trim().split(/\s+/)) {
    const m = /^([SO])(\*?)$/.exec(part);
    if (m) {
      slots.push({ kind: 'arg', role: m[1] as 'S' | 'O', search: m[2] === '*' });
      continue;
    }
    if (part === '…' || part === '...') {
      slots.push({ kind: 'gap' });
      continue;
    }
    let body = part;
    let optional = false;
    if (body.endsWith('?') && body.length > 1) {
      optional = true;
      body = body.slice(0, -1);
    }
    const [wordsPart, ...modifiers] = body.split(':');
    let pos: string | null = null;
    let voice: 'active' | 'passive' | null = null;
    for (const mod of modifiers) {
      if (mod === 'active' || mod === 'passive') voice = mod;
      else if (/^[A-Z]+$/.test(mod)) pos = mod;
      else throw new Error(`template "${source}": unknown modifier ":${mod}"`);
    }
    let list: string | null = null;
    let words: string[];
    if (wordsPart.startsWith('@')) {
      list = wordsPart.slice(1);
      const entries = lists[list];
      if (!entries) throw new Error(`template "${source}": no word list "${list}"`);
      words = entries;
    } else {
      words = wordsPart.split('|');
    }
    const any = wordsPart === '*';
    if (any && !pos) throw new Error(`template "${source}": "*" needs a part of speech ("*:NOUN")`);
    slots.push({ kind: 'lit', words: new Set(words.map((w) => w.toLowerCase())), list, optional, pos, voice, any });
  }
  const anchor = slots.findIndex((s) => s.kind === 'lit' && !s.optional && !s.any);
  if (anchor < 0) throw new Error(`template "${source}": needs at least one required word`);
  const roles = slots.filter((s) => s.kind === 'arg').map((s) => (s as { role: string }).role);
  if (roles.filter((r) => r === 'S').length > 1 || roles.filter((r) => r === 'O').length > 1) {
    throw new Error(`template "${source}": S and O may each occur once`);
  }
  for (let i = 0; i < anchor; i++) {
    const s = slots[i];
    if (s.kind === 'gap') throw new Error(`template "${source}": "…" cannot come before the first word`);
  }
  return { source, slots, anchor };
}
