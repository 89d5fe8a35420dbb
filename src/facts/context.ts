// The country a title refers to when the text does not say it ("President X"): the nearest
// country-like place mentioned before, in this sentence or the few before it, else the place the
// document mentions most.
import { mentionAt, type DocView, type MentionRef } from './view.js';

const LOOKBACK = 3;

function isCountryLike(m: MentionRef): boolean {
  if (m.entity.type !== 'GPE') return false;
  const sub = m.entity.subtype?.toLowerCase() ?? '';
  return !sub || sub.includes('country') || sub.includes('state');
}

export function countryInContext(view: DocView, sentence: number, exclude: ReadonlySet<string>): MentionRef | null {
  const doc = view.doc;
  // Entities with a subtype that says "city" are never the country of a title.
  for (let s = sentence; s >= 0 && s >= sentence - LOOKBACK; s--) {
    const sent = doc.sentences[s];
    let best: MentionRef | null = null;
    for (let i = sent.firstToken; i < sent.endToken; i++) {
      const m = mentionAt(view, i);
      if (!m || exclude.has(m.entity.id) || !isCountryLike(m)) continue;
      // Prefer the entity mentioned most in the document: a capital named nearby loses to its country.
      if (!best || m.entity.mentions.length > best.entity.mentions.length) best = m;
      i = m.endTok - 1;
    }
    if (best) return best;
  }
  let top: MentionRef | null = null;
  for (const m of view.mentions) if (isCountryLike(m) && !exclude.has(m.entity.id) && (!top || m.entity.mentions.length > top.entity.mentions.length)) top = m;
  return top;
}
