// Arguments a sentence leaves implicit and the discourse supplies: "The protection offered by
// Omar was decisive" protects whoever the sentence before was about.
import type { EntityType } from '../model/types.js';
import { mentionAt, type DocView, type MentionRef } from './view.js';

/**
 * The entity the previous sentence is most about: the one of a fitting type it mentions most
 * often (names, descriptions and pronouns alike), the earliest on a tie; none when that sentence
 * mentions no fitting entity other than those excluded.
 */
export function previousTopic(view: DocView, sentence: number, exclude: ReadonlySet<string>, allowed: ReadonlySet<EntityType> | null): MentionRef | null {
  if (sentence <= 0) return null;
  const sent = view.doc.sentences[sentence - 1];
  const counts = new Map<string, { first: MentionRef; n: number }>();
  for (let i = sent.firstToken; i < sent.endToken; i++) {
    const m = mentionAt(view, i);
    if (!m) continue;
    i = m.endTok - 1;
    if (exclude.has(m.entity.id) || (allowed && !allowed.has(m.entity.type))) continue;
    const c = counts.get(m.entity.id);
    if (c) c.n++;
    else counts.set(m.entity.id, { first: m, n: 1 });
  }
  let best: { first: MentionRef; n: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.first ?? null;
}
