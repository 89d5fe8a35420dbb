import path from 'node:path';
import type { Command } from '../command.js';
import { parseFlags } from '../command.js';
import { packageRoot } from '../../model/paths.js';
import { dbPath, openStore } from '../../store/index.js';
import { ingestSources } from './ingest.js';
import { clip, formatFact, nameLookup } from '../format.js';
import { formatTimeline, timelineEntries } from './timeline.js';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'ingest the bundled example articles (or yours) and show what the graph holds',
  usage: `actorgraph demo [paths...] [--db FILE]

  Ingests the paths (default: the examples/ folder shipped with actorgraph) into the database
  (default: $ACTORGRAPH_DB, else ./actorgraph.db) and prints the actors by type, the strongest
  relations and a dated timeline. This is what \`npm start\` runs.`,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, { db: { type: 'string' } });
    const inputs = positionals.length ? positionals : [path.join(packageRoot, 'examples')];
    const store = openStore(values.db);
    try {
      const s = await ingestSources(store, inputs, { quiet: true });
      const stats = store.stats();
      const out: string[] = [];
      out.push(`actorgraph demo: ${s.stored} new, ${s.unchanged} already stored${s.failed ? `, ${s.failed} failed` : ''}; ${dbPath(values.db)} holds ${stats.documents} documents, ${stats.entities} actors, ${stats.facts} facts.`);
      out.push('', 'Actors by type:');
      const actors = store.findActors({ limit: 10_000 });
      const byType = new Map<string, string[]>();
      for (const a of actors) byType.set(a.type, [...(byType.get(a.type) ?? []), a.documentCount > 1 ? `${a.name} (${a.documentCount} docs)` : a.name]);
      for (const [type, names] of [...byType].sort((a, b) => b[1].length - a[1].length)) {
        out.push(`  ${type.padEnd(8)} ${clip(names.join(', '), 200)}`);
      }
      if (actors.length === 0) out.push('  none found yet');
      const nameOf = nameLookup((id) => store.getActor(id));
      const relations = store.facts({ limit: 2000 }).filter((f) => f.kind === 'relation' && f.modality !== 'negated').slice(0, 12);
      out.push('', 'Strongest relations:');
      for (const f of relations) out.push(`  ${formatFact(f, nameOf)}`);
      if (relations.length === 0) out.push('  none found yet');
      const dated = timelineEntries(store.facts({ limit: 5000 }).filter((f) => f.time && (f.time.at || f.time.start || f.time.end)));
      out.push('', 'Timeline:');
      out.push(...formatTimeline(dated.slice(0, 30), nameOf));
      if (dated.length === 0) out.push('  no dated facts yet');
      const contradictions = store.contradictions();
      if (contradictions.length) {
        out.push('', 'Contradictions to check:');
        for (const c of contradictions.slice(0, 10)) out.push(`  ${c.note}`);
      }
      out.push('', `Explore: actorgraph actors --db ${dbPath(values.db)} · actorgraph show "<actor>" · actorgraph facts --as-of 2020-01-01`);
      process.stdout.write(out.join('\n') + '\n');
      return s.failed > 0 ? 1 : 0;
    } finally {
      store.close();
    }
  },
};
