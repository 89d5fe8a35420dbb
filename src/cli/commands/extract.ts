import type { Command } from '../command.js';
import { parseDateFlag, parseFlags } from '../command.js';
import { readSources } from '../../read/index.js';
import { runPipeline, toExtractResult } from '../../pipeline/index.js';
import { InputError } from '../../model/errors.js';
import { formatSummary } from '../format.js';

export const extractCommand: Command = {
  name: 'extract',
  summary: 'run the pipeline on articles and print what it finds, without storing',
  usage: `actorgraph extract <file|dir|->... [--published YYYY-MM-DD] [--raw] [--json|--jsonl]

  Reads .txt, .html, .htm (each optionally .gz), directories of them, and - for stdin.
  --published DATE  the publication date, against which "last Sunday" is resolved
  --raw             keep the input text exactly (no chrome removal): offsets point into the input
  --json            print one document as JSON (the contract in ONTOLOGY.md)
  --jsonl           print one JSON object per line, one per input, in input order
Without --json/--jsonl it prints a readable summary.`,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, {
      published: { type: 'string' },
      raw: { type: 'boolean' },
      json: { type: 'boolean' },
      jsonl: { type: 'boolean' },
    });
    if (positionals.length === 0) throw new InputError('extract', 'no input given (a file, a directory or - for stdin)');
    const published = parseDateFlag('published', values.published);
    let failures = 0;
    let done = 0;
    const results = [];
    for await (const read of readSources(positionals)) {
      if (!read.ok) { process.stderr.write(`actorgraph: ${read.error.message}\n`); failures++; continue; }
      try {
        const doc = runPipeline(read.input, { raw: values.raw, published });
        const result = toExtractResult(doc);
        done++;
        if (values.jsonl) process.stdout.write(JSON.stringify(result) + '\n');
        else if (values.json) results.push(result);
        else process.stdout.write(formatSummary(doc) + '\n');
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        process.stderr.write(`actorgraph: ${err.message}\n`);
        failures++;
      }
    }
    if (values.json) {
      if (results.length > 1) throw new InputError('--json', `${results.length} documents: use --jsonl for more than one`);
      if (results.length === 1) process.stdout.write(JSON.stringify(results[0], null, 2) + '\n');
    }
    return failures > 0 ? (done > 0 ? 1 : 2) : 0;
  },
};
