import type { Command } from '../command.js';
import { DB_HELP, parseFlags } from '../command.js';
import { InputError } from '../../model/errors.js';
import { openExistingStore } from '../../store/index.js';

const options = { db: { type: 'string' }, json: { type: 'boolean' } } as const;

export const removeCommand: Command = {
  name: 'remove',
  summary: 'remove a document, its evidence, and the facts and actors only it supported',
  options,
  usage: `actorgraph remove <doc id|id prefix|source>... [--db FILE] [--json]

  A document is named by its id, a unique prefix of it, or the path or URL it was read from.
${DB_HELP}
  --json            print what was removed as JSON`,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, options);
    if (positionals.length === 0) throw new InputError('remove', 'give a document id (or its first 8+ characters) or the source it was read from');
    const store = openExistingStore(values.db);
    try {
      const before = store.stats();
      const missing: string[] = [];
      const removed: string[] = [];
      for (const ref of positionals) {
        const ids = store.findDocuments(ref);
        if (ids.length === 0 || !store.removeDocument(ref)) missing.push(ref);
        else removed.push(...ids);
      }
      const after = store.stats();
      if (values.json) process.stdout.write(JSON.stringify({ removed, missing, before, after }, null, 2) + '\n');
      else {
        for (const m of missing) process.stderr.write(`actorgraph remove: ${m}: no such document\n`);
        if (removed.length) {
          process.stdout.write(`Removed ${removed.length} document${removed.length === 1 ? '' : 's'}: ${before.entities - after.entities} actors and ${before.facts - after.facts} facts went with ${removed.length === 1 ? 'it' : 'them'}; ${after.documents} documents, ${after.entities} actors, ${after.facts} facts remain.\n`);
        }
      }
      return missing.length ? (removed.length ? 1 : 2) : 0;
    } finally {
      store.close();
    }
  },
};
