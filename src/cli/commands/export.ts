import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from '../command.js';
import { parseFlags } from '../command.js';
import { InputError } from '../../model/errors.js';
import { dbPath, openStore } from '../../store/index.js';
import { EXPORT_FORMATS, MULTI_FILE_FORMATS, exportSnapshot, parseExportFormat, type ExportFile } from '../../export/index.js';

const options = {
  format: { type: 'string' },
  out: { type: 'string' },
  db: { type: 'string' },
} as const;

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the graph as JSON, GraphML, GEXF, CSV, Neo4j CSV, JSON-LD, PLOVER events or STIX 2.1',
  options,
  usage: `actorgraph export --format ${EXPORT_FORMATS.join('|')} [--out FILE] [--db FILE]

  --format    json     the whole graph (documents, actors, facts with evidence)
              graphml  for yEd, Gephi, networkx, igraph
              gexf     for Gephi, with time intervals (use its timeline)
              csv      nodes.csv + edges.csv
              neo4j    actors.csv + relationships.csv for neo4j-admin database import
              jsonld   JSON-LD with schema.org types
              plover   PLOVER/POLECAT-style event records
              stix     a STIX 2.1 bundle for OpenCTI and MISP
  --out FILE  where to write (default: standard output). csv and neo4j write two files: give a
              directory (existing, or ending in /) or a prefix (out/graph → out/graph-nodes.csv)
  --db FILE   the database (default: $ACTORGRAPH_DB or ./actorgraph.db)`,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, options);
    if (positionals.length) throw new InputError(positionals[0]!, 'export takes no arguments (did you mean --out?)');
    if (!values.format) throw new InputError('--format', `required (one of ${EXPORT_FORMATS.join(', ')})`);
    const format = parseExportFormat(values.format);
    const multi = MULTI_FILE_FORMATS.has(format);
    if (multi && !values.out) throw new InputError('--out', `${format} writes two files: give a directory or a prefix`);
    const file = dbPath(values.db);
    if (!existsSync(file)) throw new InputError(file, 'no such database (ingest articles first, or give --db)');
    const store = openStore(file);
    let files: ExportFile[];
    try {
      files = exportSnapshot(store.snapshot(), format);
    } finally {
      store.close();
    }
    if (!values.out) {
      process.stdout.write(files[0]!.text);
      return 0;
    }
    for (const f of files) {
      const target = multi ? multiFileTarget(values.out, f.name) : values.out;
      const dir = path.dirname(path.resolve(target));
      if (!existsSync(dir)) throw new InputError(`--out ${values.out}`, `folder ${dir} does not exist`);
      try {
        writeFileSync(target, f.text);
      } catch (err) {
        throw new InputError(`--out ${values.out}`, `cannot write ${target} (${(err as Error).message})`);
      }
      process.stderr.write(`actorgraph: wrote ${target}\n`);
    }
    if (format === 'neo4j') {
      const [nodes, rels] = files.map((f) => multiFileTarget(values.out!, f.name));
      process.stderr.write(`  import with: neo4j-admin database import full --nodes=${nodes} --relationships=${rels} <database>\n`);
    }
    return 0;
  },
};

/** `out/` or an existing directory → out/nodes.csv; anything else is a prefix: out/graph → out/graph-nodes.csv. */
function multiFileTarget(out: string, name: string): string {
  const isDir = out.endsWith('/') || out.endsWith(path.sep) || (existsSync(out) && statSync(out).isDirectory());
  return isDir ? path.join(out, name) : `${out.replace(/\.csv$/i, '')}-${name}`;
}
