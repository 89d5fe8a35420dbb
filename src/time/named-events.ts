// Which time expressions name a well-known event ("9/11", "the October 7 attack") and what kind
// of event that is (the `type` of its entry in data/time/events.json, a PLOVER type). The facts
// stage dates a later "the attacks" by it; the time stage itself only needs the value.
import type { Timex } from '../model/types.js';
import { loadLexicon } from './lexicon.js';
import { B, E } from './rules/kit.js';

export interface NamedEvent {
  timex: Timex;
  /** The kind of event (`ASSAULT`), or null when the entry does not say. */
  type: string | null;
}

/** The timexes of `timexes` that the event table recognizes in `text`, with the event's type. */
export function namedEvents(text: string, timexes: readonly Timex[], language = 'en'): NamedEvent[] {
  const lex = loadLexicon(language) ?? loadLexicon('en');
  if (!lex || !timexes.length) return [];
  const byStart = new Map(timexes.map((t) => [t.start, t]));
  const out: NamedEvent[] = [];
  for (const ev of lex.events) {
    const re = new RegExp(`${B}(?:${ev.pattern})${E}`, 'giud');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!m[0].length) {
        re.lastIndex++;
        continue;
      }
      const span = ((m as any).indices?.groups?.t as [number, number] | undefined) ?? [m.index, m.index + m[0].length];
      const t = byStart.get(span[0]);
      // Only where the time stage kept this reading (the same extent, not a longer date around it).
      if (t && t.end === span[1] && !out.some((x) => x.timex === t)) out.push({ timex: t, type: ev.type ?? null });
    }
  }
  return out.sort((a, b) => a.timex.start - b.timex.start);
}
