import type { Command } from '../command.js';
import { DB_HELP, parseFlags } from '../command.js';
import { InputError } from '../../model/errors.js';
import { openExistingStore } from '../../store/index.js';
import type { StoredFact } from '../../store/types.js';
import { clip, formatFact, nameLookup, type NameOf } from '../format.js';
import { requireActor } from './show.js';

export interface TimelineEntry {
  date: string | null;
  what: 'started' | 'ended' | 'happened' | 'holds';
  fact: StoredFact;
}

/** A relation with a start and an end gives two entries; events one; undated facts come last. */
export function timelineEntries(facts: StoredFact[]): TimelineEntry[] {
  const dated: TimelineEntry[] = [];
  const undated: TimelineEntry[] = [];
  for (const f of facts) {
    const t = f.time;
    if (f.kind !== 'relation') { (t?.at || t?.start ? dated : undated).push({ date: t?.at ?? t?.start ?? null, what: 'happened', fact: f }); continue; }
    if (t?.at) { dated.push({ date: t.at, what: 'started', fact: f }); continue; }
    if (t?.start) dated.push({ date: t.start, what: 'started', fact: f });
    if (t?.end) dated.push({ date: t.end, what: 'ended', fact: f });
    if (!t?.start && !t?.end) undated.push({ date: null, what: 'holds', fact: f });
  }
  dated.sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
  return [...dated, ...undated];
}

export function formatTimeline(entries: TimelineEntry[], nameOf: NameOf): string[] {
  return entries.map((e) => {
    const when = (e.date ?? 'undated').padEnd(10);
    const sentence = e.fact.evidence[0] ? `\n${' '.repeat(14)}“${clip(e.fact.evidence[0].text, 120)}”` : '';
    return `  ${when}  ${e.what === 'happened' || e.what === 'holds' ? '' : e.what + ': '}${formatFact(e.fact, nameOf)}${sentence}`;
  });
}

const options = { db: { type: 'string' }, json: { type: 'boolean' } } as const;

export const timelineCommand: Command = {
  name: 'timeline',
  summary: "an actor's events and relation starts and ends, in time order",
  options,
  usage: `actorgraph timeline <actor> [--db FILE] [--json]

  <actor> is an actor id, name or alias (case-insensitive); undated facts come last.
${DB_HELP}
  --json            print the entries as JSON`,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, options);
    if (positionals.length !== 1) throw new InputError('timeline', 'give one actor (an id, name or alias)');
    const store = openExistingStore(values.db);
    try {
      const actor = requireActor(store, positionals[0]!);
      const entries = timelineEntries(store.timeline(actor.id));
      if (values.json) {
        process.stdout.write(JSON.stringify({ actor, entries: entries.map((e) => ({ date: e.date, what: e.what, fact: e.fact })) }, null, 2) + '\n');
        return 0;
      }
      const nameOf = nameLookup((id) => store.getActor(id));
      process.stdout.write([`${actor.name} (${actor.type})`, ...(entries.length ? formatTimeline(entries, nameOf) : ['  nothing stored about this actor yet'])].join('\n') + '\n');
      return 0;
    } finally {
      store.close();
    }
  },
};
