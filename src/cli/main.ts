// The `actorgraph` command: a thin edge over the pipeline and the store.
import { InputError } from '../model/errors.js';
import type { Command } from './command.js';
import { extractCommand } from './commands/extract.js';
import { catalogCommand } from './commands/catalog.js';
import { ingestCommand } from './commands/ingest.js';
import { actorsCommand } from './commands/actors.js';
import { showCommand } from './commands/show.js';
import { factsCommand } from './commands/facts.js';
import { timelineCommand } from './commands/timeline.js';
import { removeCommand } from './commands/remove.js';
import { mergeCommand } from './commands/merge.js';
import { splitCommand } from './commands/split.js';
import { demoCommand } from './commands/demo.js';
import { serveCommand } from './commands/serve.js';
import { exportCommand } from './commands/export.js';

export const commands: Command[] = [extractCommand, serveCommand, exportCommand, ingestCommand, actorsCommand, showCommand, factsCommand, timelineCommand, removeCommand, mergeCommand, splitCommand, demoCommand, catalogCommand];

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'actorgraph: news articles → a temporal knowledge graph of actors',
    '',
    'Usage: actorgraph <command> [options]   (actorgraph <command> --help for its options)',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help() + '\n');
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`actorgraph: unknown command "${name}"\n\n${help()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.usage + '\n');
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof InputError) {
      process.stderr.write(`actorgraph ${name}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
