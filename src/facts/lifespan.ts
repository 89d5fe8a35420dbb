// A person's roles end when the person dies: a leadership or membership with no end of its own
// ends at the date of a death the document states ("X, the group's leader, ... X was killed in
// May 2011"). Only asserted deaths with a date count.
import type { Fact } from '../model/types.js';

const ENDED_BY_DEATH = new Set(['leader_of', 'member_of']);

export function endAtDeath(facts: Fact[]): void {
  const death = new Map<string, string>();
  for (const f of facts) if (f.type === 'died' && f.modality === 'asserted' && f.time?.at) death.set(f.subject, f.time.at);
  for (const f of facts) {
    const at = death.get(f.subject);
    if (!at || !ENDED_BY_DEATH.has(f.type) || f.modality === 'negated' || f.time?.end) continue;
    // A start after the death would make no sense; such a fact keeps its own time.
    if (f.time?.start && f.time.start > at) continue;
    f.time = { ...(f.time ?? {}), end: at };
  }
}
