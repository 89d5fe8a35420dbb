import type { Command } from '../command.js';
import { DB_HELP, parseFlags, UsageError } from '../command.js';
import { InputError } from '../../model/errors.js';
import { ENTITY_TYPES } from '../../model/types.js';
import { openExistingStore } from '../../store/index.js';
import { formatActorLine } from '../format.js';

export function parseLimit(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InputError(`--limit ${value}`, 'not a positive whole number');
  return n;
}

const options = {
  type: { type: 'string' }, search: { type: 'string' }, limit: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' },
} as const;

export const actorsCommand: Command = {
  name: 'actors',
  summary: 'list the stored actors, most documented first',
  options,
  usage: `actorgraph actors [--type T] [--search TEXT] [--limit N] [--db FILE] [--json]

  --type T       only actors of this type (${ENTITY_TYPES.join(', ')})
  --search TEXT  only actors with a name or alias containing TEXT
  --limit N      at most N actors (default 100)
${DB_HELP}
  --json            print the actors as JSON`,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, options);
    if (positionals.length) throw new UsageError(positionals[0]!, 'actors takes no arguments (use --search TEXT to find actors by name)');
    const type = values.type?.toUpperCase();
    if (type && !(ENTITY_TYPES as readonly string[]).includes(type)) throw new InputError(`--type ${values.type}`, `not an actor type (${ENTITY_TYPES.join(', ')})`);
    const store = openExistingStore(values.db);
    try {
      const actors = store.findActors({ type, search: values.search, limit: parseLimit(values.limit, 100) });
      if (values.json) process.stdout.write(JSON.stringify(actors, null, 2) + '\n');
      else if (actors.length === 0) process.stdout.write('No actors found.\n');
      else process.stdout.write(actors.map(formatActorLine).join('\n') + '\n');
      return 0;
    } finally {
      store.close();
    }
  },
};
