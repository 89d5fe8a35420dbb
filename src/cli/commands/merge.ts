import type { Command } from '../command.js';
import { DB_HELP, parseFlags } from '../command.js';
import { InputError } from '../../model/errors.js';
import { openExistingStore } from '../../store/index.js';
import { formatActorLine } from '../format.js';

const options = { db: { type: 'string' }, json: { type: 'boolean' } } as const;

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'correct the graph: B is the same actor as A (kept for later ingests too)',
  options,
  usage: `actorgraph merge <A> <B> [--db FILE] [--json]

  Folds actor B (id, name or alias) into A, with its names, documents and facts. The correction is
  stored as a rule: articles ingested later that name B resolve to A.
${DB_HELP}
  --json            print the merged actor as JSON`,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, options);
    if (positionals.length !== 2) throw new InputError('merge', 'give two actors: the one to keep, then the one to fold into it');
    const store = openExistingStore(values.db);
    try {
      const merged = store.mergeActors(positionals[0]!, positionals[1]!);
      process.stdout.write(values.json ? JSON.stringify(merged, null, 2) + '\n' : `Merged into: ${formatActorLine(merged)}\n`);
      return 0;
    } finally {
      store.close();
    }
  },
};
