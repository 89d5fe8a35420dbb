import type { Command } from '../command.js';
import { DB_HELP, parseFlags } from '../command.js';
import { InputError } from '../../model/errors.js';
import { openExistingStore, type SqliteStore } from '../../store/index.js';
import type { StoredEntity, StoredFact } from '../../store/types.js';
import { clip, formatActorLine, formatFact, nameLookup } from '../format.js';

/** An actor by id, name or alias, or an input error naming what was asked for. */
export function requireActor(store: SqliteStore, ref: string): StoredEntity {
  const a = store.getActor(ref);
  if (!a) throw new InputError(ref, 'no such actor (try: actorgraph actors --search ' + JSON.stringify(ref) + ')');
  return a;
}

/** A fact with its evidence sentences and where each comes from, for a terminal. */
export function formatFactWithEvidence(store: SqliteStore, f: StoredFact, nameOf: (id: string | null | undefined) => string): string[] {
  const lines = [formatFact(f, nameOf)];
  for (const e of f.evidence) {
    const doc = store.getDocument(e.documentId);
    lines.push(`    “${clip(e.text)}”`);
    lines.push(`      — ${doc?.source ?? e.documentId}${doc?.published ? ', ' + doc.published : ''}`);
  }
  return lines;
}

const options = { db: { type: 'string' }, json: { type: 'boolean' } } as const;

export const showCommand: Command = {
  name: 'show',
  summary: 'an actor: names, type, and every relation and event with time, source and sentence',
  options,
  usage: `actorgraph show <actor> [--db FILE] [--json]

  <actor> is an actor id, name or alias (case-insensitive).
${DB_HELP}
  --json            print the actor with its facts as JSON`,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, options);
    if (positionals.length !== 1) throw new InputError('show', 'give one actor (an id, name or alias)');
    const store = openExistingStore(values.db);
    try {
      const actor = requireActor(store, positionals[0]!);
      const facts = store.timeline(actor.id);
      const nameOf = nameLookup((id) => store.getActor(id));
      if (values.json) {
        const ids = new Set(facts.flatMap((f) => [f.subject, f.object, f.place, f.mediator, f.attribution?.speaker].filter((x): x is string => !!x)));
        const related = [...ids].filter((id) => id !== actor.id).map((id) => store.getActor(id)).filter(Boolean);
        process.stdout.write(JSON.stringify({ actor, facts, related }, null, 2) + '\n');
        return 0;
      }
      const out = [formatActorLine(actor)];
      if (actor.aliases.length) out.push(`  Also called: ${actor.aliases.join(', ')}`);
      const relations = facts.filter((f) => f.kind === 'relation');
      const events = facts.filter((f) => f.kind !== 'relation');
      out.push('', `Relations (${relations.length}):`);
      for (const f of relations) out.push(...formatFactWithEvidence(store, f, nameOf).map((l) => '  ' + l));
      out.push('', `Events (${events.length}):`);
      for (const f of events) out.push(...formatFactWithEvidence(store, f, nameOf).map((l) => '  ' + l));
      process.stdout.write(out.join('\n') + '\n');
      return 0;
    } finally {
      store.close();
    }
  },
};
