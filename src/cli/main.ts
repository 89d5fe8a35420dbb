// The `actorgraph` command: a thin edge over the pipeline and the store.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../model/errors.js';
import { packageRoot } from '../model/paths.js';
import { closest, UsageError, type Command } from './command.js';
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

/** The commands by what a user wants to do, in the order they are met. */
const groups: Array<[string, Command[]]> = [
  ['Read articles', [extractCommand, ingestCommand, demoCommand]],
  ['Explore the graph', [actorsCommand, showCommand, factsCommand, timelineCommand]],
  ['Correct it', [mergeCommand, splitCommand, removeCommand]],
  ['Share it', [serveCommand, exportCommand]],
  ['Known actors', [catalogCommand]],
];

export const commands: Command[] = groups.flatMap(([, list]) => list);

export function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `actorgraph reads news articles and builds a temporal knowledge graph of the actors in them
(people, armed groups, governments, companies, states) and what holds between them: who leads,
founded, split from, allied with, fought or supported whom, and when, each fact with the
sentence that says so.

Usage: actorgraph <command> [options]     actorgraph <command> --help for a command's options

${groups.map(([title, list]) => `${title}:\n${list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}`).join('\n')}

Inputs (extract, ingest, demo): text and HTML files (optionally .gz), folders of them, - for
standard input, http(s) URLs, files listing URLs, RSS/Atom feeds, WARC archives.

The database: ingest, demo and the commands that explore, correct and share the graph use
--db FILE, else $ACTORGRAPH_DB, else actorgraph.db in the current folder (an SQLite file).
extract stores nothing.

Example session:
  actorgraph extract story.txt --published 2024-03-05   what one article says; nothing stored
  actorgraph ingest news/ https://example.org/rss.xml   store a folder of articles and a feed
  actorgraph actors --type PERSON                       who is in the graph
  actorgraph show "Northern Front"                      one actor: names, relations, sources
  actorgraph facts --type allied_with --as-of 2020-01-01
  actorgraph timeline "Northern Front"
  actorgraph serve                                      browse it on http://127.0.0.1:8080

  npm start                        the demo on the bundled example articles
  npm start -- ~/news              the demo on your own articles`;
}

function version(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

const stderr = (line: string) => process.stderr.write(line + '\n');

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    const about = rest[0] ? commands.find((c) => c.name === rest[0]) : undefined;
    process.stdout.write((about ? about.usage : help()) + '\n');
    return 0;
  }
  if (!name) {
    process.stderr.write(help() + '\n');
    return 2;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`actorgraph ${version()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const near = closest(name.replace(/^-+/, ''), commands.map((c) => c.name));
    const what = name.startsWith('-') ? `unknown option ${name}` : `unknown command "${name}"`;
    stderr(`actorgraph: ${what}${near ? ` (did you mean ${near}?)` : ''}; actorgraph --help lists the commands`);
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
      // "actorgraph show: give one actor", not "actorgraph show: show: give one actor".
      const message = err.input === name ? err.problem : err.message;
      stderr(`actorgraph ${name}: ${message}${err instanceof UsageError ? `; actorgraph ${name} --help lists the options` : ''}`);
      return 2;
    }
    throw err;
  }
}
