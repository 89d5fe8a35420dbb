import type { Command } from '../command.js';
import { DB_HELP, parseDateFlag, parseFlags, UsageError } from '../command.js';
import { InputError } from '../../model/errors.js';
import { EVENT_TYPES, LIFE_TYPES, RELATION_TYPES } from '../../model/types.js';
import { openExistingStore } from '../../store/index.js';
import { formatFactWithEvidence, requireActor } from './show.js';
import { parseLimit } from './actors.js';
import { nameLookup } from '../format.js';

function parseOffset(value: string | undefined): number {
  if (value === undefined) return 0;
  if (!/^\d+$/.test(value)) throw new InputError(`--offset ${value}`, 'not a whole number (0 or more)');
  return Number(value);
}

const FACT_TYPES: readonly string[] = [...RELATION_TYPES, ...EVENT_TYPES, ...LIFE_TYPES];

const options = {
  actor: { type: 'string' }, type: { type: 'string' }, 'as-of': { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, search: { type: 'string' },
  limit: { type: 'string' }, offset: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' },
} as const;

export const factsCommand: Command = {
  name: 'facts',
  summary: 'list stored facts, by actor, type and date',
  options,
  usage: `actorgraph facts [--actor A] [--type T] [--as-of DATE] [--from DATE] [--to DATE] [--search TEXT] [--limit N] [--offset N] [--db FILE] [--json]

  --actor A     facts about this actor (id, name or alias)
  --type T      one fact type (allied_with, leader_of, ASSAULT, ...)
  --as-of DATE  relations that held on DATE (undated ones count as holding) and events on DATE
  --from/--to   relations that held and events that happened in that span
  --search TEXT facts whose evidence sentence holds all these words
  --limit N     at most N facts (default 200), strongest first
  --offset N    skip the N strongest first (the next page: --offset 200)
${DB_HELP}
  --json            print the facts as JSON`,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, options);
    if (positionals.length) throw new UsageError(positionals[0]!, "facts takes no arguments (use --actor A for one actor's facts, --search TEXT for words in the evidence)");
    if (values.type && !FACT_TYPES.includes(values.type)) throw new InputError(`--type ${values.type}`, `not a fact type (${FACT_TYPES.join(', ')})`);
    const asOf = parseDateFlag('as-of', values['as-of']);
    const from = parseDateFlag('from', values.from);
    const to = parseDateFlag('to', values.to);
    const store = openExistingStore(values.db);
    try {
      const actor = values.actor ? requireActor(store, values.actor).id : undefined;
      const facts = store.facts({ actor, type: values.type, asOf: asOf ?? undefined, from: from ?? undefined, to: to ?? undefined, search: values.search, limit: parseLimit(values.limit, 200), offset: parseOffset(values.offset) });
      if (values.json) { process.stdout.write(JSON.stringify(facts, null, 2) + '\n'); return 0; }
      if (facts.length === 0) { process.stdout.write('No facts found.\n'); return 0; }
      const nameOf = nameLookup((id) => store.getActor(id));
      process.stdout.write(facts.flatMap((f) => formatFactWithEvidence(store, f, nameOf)).join('\n') + '\n');
      return 0;
    } finally {
      store.close();
    }
  },
};
