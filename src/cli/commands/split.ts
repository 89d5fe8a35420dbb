import type { Command } from '../command.js';
import { DB_HELP, parseFlags } from '../command.js';
import { InputError } from '../../model/errors.js';
import { openExistingStore } from '../../store/index.js';
import { formatActorLine } from '../format.js';

const options = { alias: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' } } as const;

export const splitCommand: Command = {
  name: 'split',
  summary: 'correct the graph: the mentions named NAME are a different actor (kept for later ingests too)',
  options,
  usage: `actorgraph split <A> --alias NAME [--db FILE] [--json]

  Moves every document's entity called NAME out of actor A into a new actor. The correction is
  stored as a rule: articles ingested later that call someone NAME do not resolve to A.
  --alias NAME      the name whose mentions become the new actor (required)
${DB_HELP}
  --json            print the new actor as JSON`,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, options);
    if (positionals.length !== 1) throw new InputError('split', 'give one actor, and --alias NAME for the name to split off');
    if (!values.alias) throw new InputError('split', '--alias NAME is required');
    const store = openExistingStore(values.db);
    try {
      const created = store.splitActor(positionals[0]!, values.alias);
      process.stdout.write(values.json ? JSON.stringify(created, null, 2) + '\n' : `Split off: ${formatActorLine(created)}\n`);
      return 0;
    } finally {
      store.close();
    }
  },
};
