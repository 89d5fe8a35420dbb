import type { Command } from '../command.js';
import { parseDateFlag, parseFlags } from '../command.js';
import { readSources } from '../../read/index.js';
import { runPipeline } from '../../pipeline/index.js';
import { InputError } from '../../model/errors.js';
import { dbPath, openStore } from '../../store/index.js';
import type { IngestOutcome, Store } from '../../store/types.js';

export interface IngestSummary {
  stored: number;
  unchanged: number;
  failed: number;
  outcomes: Array<IngestOutcome & { source: string }>;
}

/**
 * Runs the pipeline over every input and stores each document in its own transaction. A bad input
 * is reported on stderr and skipped; progress goes to stderr every 25 documents.
 */
export async function ingestSources(store: Store, specs: string[], opts: { published?: string | null; raw?: boolean; quiet?: boolean } = {}): Promise<IngestSummary> {
  const summary: IngestSummary = { stored: 0, unchanged: 0, failed: 0, outcomes: [] };
  const started = Date.now();
  let seen = 0;
  for await (const read of readSources(specs)) {
    if (!opts.quiet && seen > 0 && seen % 25 === 0) {
      const rate = seen / Math.max(0.001, (Date.now() - started) / 1000);
      process.stderr.write(`… ${seen} inputs read, ${summary.stored} stored (${rate.toFixed(1)} documents/s)\n`);
    }
    seen++;
    if (!read.ok) { process.stderr.write(`actorgraph: ${read.error.message}\n`); summary.failed++; continue; }
    let doc;
    try {
      doc = runPipeline(read.input, { raw: opts.raw, published: opts.published ?? null });
    } catch (err) {
      // One article that trips a stage must not stop a batch of thousands: report it and go on.
      // (A failure of the database itself, below, does stop the batch.)
      const why = err instanceof InputError ? err.message : `${read.input.source}: could not be processed (${(err as Error).message})`;
      process.stderr.write(`actorgraph: ${why}\n`);
      summary.failed++;
      continue;
    }
    const outcome = store.ingest(doc);
    summary.outcomes.push({ ...outcome, source: read.input.source });
    if (outcome.added) summary.stored++; else summary.unchanged++;
  }
  return summary;
}

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'extract articles and store them in the graph database',
  usage: `actorgraph ingest <file|dir|->... [--db FILE] [--published YYYY-MM-DD] [--raw] [--json]

  Reads .txt, .html, .htm (each optionally .gz), directories of them, and - for stdin, runs the
  pipeline on each and stores it (one transaction per document; the same text again is skipped).
  --db FILE         the database (default: $ACTORGRAPH_DB, else ./actorgraph.db)
  --published DATE  the publication date, when the articles do not say it
  --raw             keep the input text exactly (no chrome removal)
  --json            print what was stored as JSON
Goes on past a bad input (reported on stderr); exits 1 if any input failed.`,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, {
      db: { type: 'string' },
      published: { type: 'string' },
      raw: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (positionals.length === 0) throw new InputError('ingest', 'no input given (a file, a directory or - for stdin)');
    const published = parseDateFlag('published', values.published);
    const store = openStore(values.db);
    try {
      const s = await ingestSources(store, positionals, { published, raw: values.raw });
      const stats = store.stats();
      if (values.json) {
        process.stdout.write(JSON.stringify({ db: dbPath(values.db), stored: s.stored, unchanged: s.unchanged, failed: s.failed, documents: s.outcomes, graph: stats }, null, 2) + '\n');
      } else {
        const parts = [`${s.stored} new document${s.stored === 1 ? '' : 's'} stored`];
        if (s.unchanged) parts.push(`${s.unchanged} already stored`);
        if (s.failed) parts.push(`${s.failed} failed`);
        process.stdout.write(`${parts.join(', ')} in ${dbPath(values.db)}; the graph holds ${stats.documents} documents, ${stats.entities} actors, ${stats.facts} facts.\n`);
      }
      return s.failed > 0 ? 1 : 0;
    } finally {
      store.close();
    }
  },
};
