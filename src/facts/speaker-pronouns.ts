// First-person pronouns inside a direct quote are its speaker: "“I met Putin twice,” Trump said"
// is Trump meeting Putin; "“We will respond,” Hamas spokesman Abu Obaida said" is Hamas
// responding (the body the speaker is named with), or the speaker when a body speaks itself.
// They become mentions of the fact view only (the entity stage does not know speakers).
import type { Region } from './attribution.js';
import { mentionAt, type DocView, type MentionRef } from './view.js';

const SINGULAR = new Set(['i', 'me', 'my', 'myself']);
const PLURAL = new Set(['we', 'us', 'our', 'ourselves']);
const BODY_TYPES = new Set(['ORG', 'GPE']);

/** The body named right before the speaker's name in the speaker phrase: "Hamas spokesman X", "Israel's foreign minister X". */
function bodyOf(view: DocView, region: Region, speakerId: string): string | null {
  const near: MentionRef[] = [];
  for (let k = Math.max(0, region.first - 10); k < Math.min(view.tokens.length, region.end + 10); k++) {
    if (k >= region.first && k < region.end) continue;
    const m = mentionAt(view, k);
    if (m && m.entity.id === speakerId && m.firstTok === k) near.push(m);
  }
  for (const m of near) {
    let k = m.firstTok - 1;
    while (k >= 0 && k > m.firstTok - 5 && view.tokMention[k] < 0 && (['NOUN', 'ADJ', 'DET'].includes(view.tokens[k].pos) || ["'s", '’s'].includes(view.norm[k]))) k--;
    const body = k >= 0 && k < m.firstTok - 1 ? mentionAt(view, k) : null;
    if (body && BODY_TYPES.has(body.entity.type)) return body.entity.id;
  }
  return null;
}

export function addSpeakerPronouns(view: DocView, regions: readonly Region[]): void {
  for (const r of regions) {
    if (!r.direct) continue;
    const speaker = view.entityById.get(r.attribution.speaker);
    if (!speaker) continue;
    const person = speaker.type === 'PERSON';
    let we: string | null | undefined;
    for (let k = r.first; k < r.end; k++) {
      if (view.tokMention[k] >= 0 || view.tokens[k].pos !== 'PRON') continue;
      const n = view.norm[k];
      let id: string | null = null;
      if (SINGULAR.has(n) && person) id = speaker.id;
      else if (PLURAL.has(n)) {
        if (we === undefined) we = person ? bodyOf(view, r, speaker.id) : speaker.id;
        id = we;
      }
      const entity = id ? view.entityById.get(id) : undefined;
      if (!entity) continue;
      const t = view.tokens[k];
      view.tokMention[k] = view.mentions.length;
      view.mentions.push({ entity, start: t.start, end: t.end, firstTok: k, endTok: k + 1, kind: 'pronoun' });
    }
  }
}
