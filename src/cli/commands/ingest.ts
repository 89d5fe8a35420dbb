import { existsSync } from 'node:fs';
import type { Command } from '../command.js';
import { DB_HELP, parseDateFlag, parseFlags } from '../command.js';
import { listSources, readSource, type ReadOptions } from '../../read/index.js';
import { runPipeline } from '../../pipeline/index.js';
import { InputError } from '../../model/errors.js';
import { dbPath, openStore } from '../../store/index.js';
import type { IngestOutcome, Store } from '../../store/types.js';
import { BatchProgress } from '../progress.js';
import { count } from '../format.js';
import { INPUTS_HELP, inputOptions, readOptionsFrom } from '../inputs.js';

export interface IngestSummary {
  stored: number;
  unchanged: number;
  failed: number;
  outcomes: Array<IngestOutcome & { source: string }>;
  /** True when the batch stopped early on request (Ctrl-C): what was stored before stays. */
  interrupted: boolean;
  progress: BatchProgress;
}

export interface IngestOptions {
  published?: string | null;
  raw?: boolean;
  read?: ReadOptions;
  /** Progress lines on stderr (default); false for none. */
  progress?: boolean;
  /** Checked between documents: set it to stop after the document in hand. */
  stop?: { requested: boolean };
}

const report = (message: string) => process.stderr.write(`actorgraph: ${message}\n`);
/** Lets the event loop turn, so a Ctrl-C arrives between documents (the pipeline is synchronous). */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs the pipeline over every input and stores each document in its own transaction, so a batch
 * killed half-way keeps every document stored before. A bad input is reported on stderr and
 * skipped. `store` may be a function: the database is then opened at the first document to store,
 * so a batch of bad inputs creates nothing.
 */
export async function ingestSources(store: Store | (() => Store), specs: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const getStore = typeof store === 'function' ? store : () => store;
  const entries = listSources(specs, opts.read);
  const progress = new BatchProgress(entries.length, { write: opts.progress === false ? null : (line) => process.stderr.write(line + '\n') });
  const summary: IngestSummary = { stored: 0, unchanged: 0, failed: 0, outcomes: [], interrupted: false, progress };
  const failed = (message: string) => { report(message); progress.record('failed'); summary.failed++; };
  outer: for (const entry of entries) {
    progress.beginInput();
    if (!entry.ok) { failed(entry.error.message); continue; }
    for await (const read of readSource(entry.spec, opts.read)) {
      if (!read.ok) failed(read.error.message);
      else {
        let doc;
        try {
          doc = runPipeline(read.input, { raw: opts.raw, published: opts.published ?? null });
        } catch (err) {
          // One article that trips a stage must not stop a batch of thousands: report it and go on.
          // (A failure of the database itself, below, does stop the batch.)
          failed(err instanceof InputError ? err.message : `${read.input.source}: could not be processed (${(err as Error).message})`);
          continue;
        }
        const outcome = getStore().ingest(doc);
        summary.outcomes.push({ ...outcome, source: read.input.source });
        if (outcome.added) summary.stored++; else summary.unchanged++;
        progress.record(outcome.added ? 'stored' : 'unchanged');
      }
      await turn();
      if (opts.stop?.requested) { summary.interrupted = true; break outer; }
    }
  }
  return summary;
}

/** Until `release`, the first Ctrl-C (or SIGTERM) asks the batch to stop after its document; a second one ends at once. */
export function stopOnSignal(): { stop: { requested: boolean }; release(): void } {
  const stop = { requested: false };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.requested) process.exit(signal === 'SIGINT' ? 130 : 143);
    stop.requested = true;
    process.stderr.write('actorgraph: stopping after the document in hand (press Ctrl-C again to stop at once)\n');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { stop, release: () => { process.off('SIGINT', onSignal); process.off('SIGTERM', onSignal); } };
}

const options = {
  db: { type: 'string' },
  published: { type: 'string' },
  raw: { type: 'boolean' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  ...inputOptions,
} as const;

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'extract articles and store them in the graph database',
  options,
  usage: `actorgraph ingest <inputs>... [--db FILE] [--published YYYY-MM-DD] [--include GLOB]... [--timeout SECONDS] [--max-bytes SIZE] [--raw] [--json] [--quiet]

  Runs the pipeline on every article the inputs hold and stores it: one transaction per document,
  so a batch that is stopped keeps what it stored; the same text again is skipped ("already
  stored"). A bad input is reported on stderr and the batch goes on.

${INPUTS_HELP}

${DB_HELP}
  --published DATE  the publication date, for articles that do not give theirs
  --raw             keep the input text exactly (no removal of page chrome)
  --json            print what was stored as JSON on stdout
  --quiet, -q       no progress lines and no summary; errors are still reported

Progress goes to stderr every 25 documents or 5 seconds ("ingest: 12/40 inputs, 10 stored, 1
already stored, 1 failed, 4.2 s"), then the summary ("stored 37 of 40 documents (2 already stored,
1 failed) in 12.3 s"), on stdout (on stderr with --json). Ctrl-C stops after the document in hand.
Exit status: 0 all stored, 1 some input failed, 2 nothing could be read or bad flags, 130 stopped.

Examples:
  actorgraph ingest news/                              every article file below news/
  actorgraph ingest news/ --include '*.html' --db wars.db
  actorgraph ingest https://example.org/feed.xml       every item of a feed
  actorgraph ingest urls.txt --timeout 10 --max-bytes 5MB
  actorgraph ingest crawl.warc.gz --json > stored.json`,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, options);
    if (positionals.length === 0) throw new InputError('ingest', 'no input given (a file, a directory, a URL or - for stdin; see actorgraph ingest --help)');
    const published = parseDateFlag('published', values.published);
    const read = readOptionsFrom(values);
    const file = dbPath(values.db);
    // An existing file is checked (is it ours?) before any work; a new one is only created when
    // there is a first document to store.
    let store = existsSync(file) ? openStore(values.db) : null;
    const signals = stopOnSignal();
    try {
      const s = await ingestSources(() => (store ??= openStore(values.db)), positionals, { published, raw: values.raw, read, progress: !values.quiet, stop: signals.stop });
      const stats = store?.stats() ?? { documents: 0, entities: 0, facts: 0, evidence: 0 };
      const summary = `${s.interrupted ? `stopped at input ${s.progress.current} of ${s.progress.total}: ` : ''}${s.progress.summary()}; ${store ? `${file} holds ${count(stats.documents, 'document')}, ${count(stats.entities, 'actor')}, ${count(stats.facts, 'fact')}` : `nothing written (${file} not created)`}.`;
      if (values.json) {
        process.stdout.write(JSON.stringify({ db: file, stored: s.stored, unchanged: s.unchanged, failed: s.failed, documents: s.outcomes, graph: stats }, null, 2) + '\n');
        if (!values.quiet) process.stderr.write(summary + '\n');
      } else if (!values.quiet) {
        process.stdout.write(summary + '\n');
      }
      if (s.interrupted) return 130;
      if (s.failed === 0) return 0;
      return s.stored + s.unchanged > 0 ? 1 : 2;
    } finally {
      signals.release();
      store?.close();
    }
  },
};
