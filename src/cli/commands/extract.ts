import type { Command } from '../command.js';
import { parseDateFlag, parseFlags } from '../command.js';
import { readSources } from '../../read/index.js';
import { runPipeline, toExtractResult } from '../../pipeline/index.js';
import { InputError } from '../../model/errors.js';
import { formatSummary } from '../format.js';
import { INPUTS_HELP, inputOptions, readOptionsFrom } from '../inputs.js';

const options = {
  published: { type: 'string' },
  raw: { type: 'boolean' },
  json: { type: 'boolean' },
  jsonl: { type: 'boolean' },
  ...inputOptions,
} as const;

export const extractCommand: Command = {
  name: 'extract',
  summary: 'run the pipeline on articles and print what it finds, without storing',
  options,
  usage: `actorgraph extract <inputs>... [--published YYYY-MM-DD] [--include GLOB]... [--timeout SECONDS] [--max-bytes SIZE] [--raw] [--json|--jsonl]

  Prints the actors, dates and facts each article gives; stores nothing (see ingest for that).

${INPUTS_HELP}

  --published DATE  the publication date, against which "last Sunday" is resolved
  --raw             keep the input text exactly (no removal of page chrome): offsets point into the input
  --json            print one document as JSON (the contract in ONTOLOGY.md)
  --jsonl           print one JSON object per line, one per article, in input order
Without --json/--jsonl it prints a readable summary. A bad input is reported on stderr and the rest
goes on; exit status 1 if some input failed, 2 if none could be read.

Examples:
  actorgraph extract article.txt --published 2024-03-05
  actorgraph extract https://example.org/news/story.html --json
  curl -s https://example.org/story | actorgraph extract - --jsonl
  actorgraph extract archive/ --include '2024-*.html' --jsonl > facts.jsonl`,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, options);
    if (positionals.length === 0) throw new InputError('extract', 'no input given (a file, a directory, a URL or - for stdin; see actorgraph extract --help)');
    const published = parseDateFlag('published', values.published);
    const read = readOptionsFrom(values);
    let failures = 0;
    let done = 0;
    const results = [];
    for await (const r of readSources(positionals, read)) {
      if (!r.ok) { process.stderr.write(`actorgraph: ${r.error.message}\n`); failures++; continue; }
      try {
        const doc = runPipeline(r.input, { raw: values.raw, published });
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
