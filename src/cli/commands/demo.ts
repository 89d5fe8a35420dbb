import path from 'node:path';
import type { Command } from '../command.js';
import { DB_HELP, parseFlags } from '../command.js';
import { packageRoot } from '../../model/paths.js';
import { dbPath, openStore } from '../../store/index.js';
import type { Store } from '../../store/types.js';
import { ingestSources, stopOnSignal } from './ingest.js';
import { clip, count, formatFact, nameLookup } from '../format.js';
import { formatTimeline, timelineEntries } from './timeline.js';
import { INPUTS_HELP, inputOptions, readOptionsFrom } from '../inputs.js';

/** What each actor type holds, in words, for a reader who has not seen the ontology. */
const TYPE_WORDS: Record<string, string> = {
  PERSON: 'people', ORG: 'organisations, armed groups, companies', GPE: 'states, countries, cities', LOC: 'places',
  NORP: 'nationalities, religious and political groups', EVENT: 'named events', LAW: 'laws and treaties', FAC: 'buildings and sites', PRODUCT: 'products',
};

/** Names as lines of at most `width` characters, indented; the rest counted, not listed. */
function wrapNames(names: string[], indent: string, width = 100, most = 40): string[] {
  const shown = names.slice(0, most);
  if (names.length > most) shown.push(`and ${names.length - most} more`);
  const lines: string[] = [];
  let line = '';
  for (const [i, name] of shown.entries()) {
    const piece = name + (i < shown.length - 1 ? ',' : '');
    if (line && line.length + 1 + piece.length > width) { lines.push(indent + line); line = piece; }
    else line = line ? `${line} ${piece}` : piece;
  }
  if (line) lines.push(indent + line);
  return lines;
}

/** The readable overview of what a store holds: actors by type, strongest relations, dated timeline. */
export function overview(store: Store): string[] {
  const out: string[] = [];
  const actors = store.findActors({ limit: 100_000 });
  out.push(`Actors by type (${actors.length}):`);
  const byType = new Map<string, string[]>();
  for (const a of actors) byType.set(a.type, [...(byType.get(a.type) ?? []), a.documentCount > 1 ? `${a.name} (${a.documentCount} docs)` : a.name]);
  for (const [type, names] of [...byType].sort((a, b) => b[1].length - a[1].length)) {
    out.push(`  ${type} — ${TYPE_WORDS[type] ?? type.toLowerCase()} (${names.length})`);
    out.push(...wrapNames(names, '    '));
  }
  if (actors.length === 0) out.push('  none found yet');
  const nameOf = nameLookup((id) => store.getActor(id));
  const relations = store.facts({ limit: 2000 }).filter((f) => f.kind === 'relation' && f.modality !== 'negated').slice(0, 12);
  out.push('', 'Strongest relations (most sources, then confidence):');
  for (const f of relations) out.push(`  ${formatFact(f, nameOf)}`);
  if (relations.length === 0) out.push('  none found yet');
  const dated = timelineEntries(store.facts({ limit: 5000 }).filter((f) => f.time && (f.time.at || f.time.start || f.time.end)));
  out.push('', `Timeline (${dated.length > 30 ? `the first 30 of ${dated.length} dated entries` : count(dated.length, 'dated entry', 'dated entries')}):`);
  out.push(...formatTimeline(dated.slice(0, 30), nameOf));
  if (dated.length === 0) out.push('  no dated facts yet');
  const contradictions = store.contradictions();
  if (contradictions.length) {
    out.push('', 'Contradictions to check:');
    for (const c of contradictions.slice(0, 10)) out.push(`  ${clip(c.note, 200)}`);
  }
  return out;
}

/**
 * `npm start` runs the demo in the package folder, whatever folder the user typed it in (say
 * `npm --prefix ~/actorgraph start -- news/`): relative paths are the user's, from INIT_CWD, the
 * folder npm was started in. Run any other way, paths are taken as they are.
 */
function fromUserFolder(p: string): string {
  const userFolder = process.env.npm_lifecycle_event === 'start' ? process.env.INIT_CWD : undefined;
  if (!userFolder || p === '-' || path.isAbsolute(p) || /^https?:\/\//i.test(p)) return p;
  return path.resolve(userFolder, p);
}

const options = { db: { type: 'string' }, ...inputOptions } as const;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'ingest the bundled example articles (or yours) and show what the graph holds',
  options,
  usage: `actorgraph demo [inputs...] [--db FILE] [--include GLOB]... [--timeout SECONDS] [--max-bytes SIZE]

  Ingests the inputs (default: the examples/ folder shipped with actorgraph) into the database and
  prints the actors by type, the strongest relations and a dated timeline of what it holds.
  This is what \`npm start\` runs: \`npm start -- ~/news\` runs it on your own articles.

${INPUTS_HELP}

${DB_HELP}`,
  async run(argv) {
    const { values, positionals: given } = parseFlags(argv, options);
    const read = readOptionsFrom(values);
    const positionals = given.map(fromUserFolder);
    const db = fromUserFolder(dbPath(values.db));
    const inputs = positionals.length ? positionals : [path.join(packageRoot, 'examples')];
    const store = openStore(db);
    const signals = stopOnSignal();
    try {
      const s = await ingestSources(store, inputs, { read, stop: signals.stop });
      const stats = store.stats();
      const from = positionals.length ? positionals.join(', ') : 'the bundled examples';
      const out = [`actorgraph demo: ${s.interrupted ? `stopped at input ${s.progress.current} of ${s.progress.total}: ` : ''}${s.progress.summary()} from ${from}; ${db} holds ${count(stats.documents, 'document')}, ${count(stats.entities, 'actor')}, ${count(stats.facts, 'fact')}.`, ''];
      out.push(...overview(store));
      out.push('', `Explore: actorgraph actors --db ${db} · actorgraph show "<actor>" · actorgraph facts --as-of 2020-01-01 · actorgraph serve`);
      process.stdout.write(out.join('\n') + '\n');
      if (s.interrupted) return 130;
      return s.failed === 0 ? 0 : s.stored + s.unchanged > 0 ? 1 : 2;
    } finally {
      signals.release();
      store.close();
    }
  },
};
