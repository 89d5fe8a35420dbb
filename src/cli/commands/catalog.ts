// `actorgraph catalog add|list|import`: the user's own actor catalog, kept beside the bundled one.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from '../command.js';
import { parseFlags } from '../command.js';
import { InputError } from '../../model/errors.js';
import { checkEntry, loadCatalog, normalizeName, parseCatalogFile, readUserCatalog, resetCatalogCache, userCatalogPath, type CatalogEntry } from '../../catalog/index.js';

function writeUserCatalog(file: string, entries: CatalogEntry[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  // Write beside, then rename: an interrupted write never loses the entries already stored.
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify({ source: 'actorgraph catalog (user)', entries }, null, 1) + '\n');
  renameSync(tmp, file);
  resetCatalogCache();
}

function merge(existing: CatalogEntry[], added: CatalogEntry[]): CatalogEntry[] {
  const byId = new Map(existing.map((e) => [e.id, e]));
  for (const e of added) byId.set(e.id, e);
  return [...byId.values()];
}

const options = {
  search: { type: 'string' }, type: { type: 'string' }, user: { type: 'boolean' }, limit: { type: 'string' },
  name: { type: 'string' }, alias: { type: 'string', multiple: true }, subtype: { type: 'string' }, country: { type: 'string' },
  id: { type: 'string' }, file: { type: 'string' },
} as const;

export const catalogCommand: Command = {
  name: 'catalog',
  summary: 'list known actors, add your own, import a catalog file',
  options,
  usage: `actorgraph catalog list [--search TEXT] [--type TYPE] [--user] [--limit N]
actorgraph catalog add --name NAME --type TYPE [--alias A]... [--subtype S] [--country ISO3] [--id ID]
actorgraph catalog import <file.json>

  The bundled catalog (data/catalog/, from the Phoenix actor dictionaries) is read-only; your
  entries go to the user catalog, $ACTORGRAPH_CATALOG or ~/.actorgraph/catalog.json, or --file.
  An entry with the id of a bundled one replaces it. A file to import is { "entries": [...] } or
  an array of { id, name, type, subtype?, aliases?, country?, roles?: [{ code, role?, from?, to? }] }.
  --file PATH  use this user catalog file instead of the default`,
  async run(argv) {
    const [sub, ...rest] = argv;
    const { values, positionals } = parseFlags(rest, options);
    if (values.file) process.env.ACTORGRAPH_CATALOG = path.resolve(values.file);
    const file = userCatalogPath();
    if (sub === 'list') {
      const limit = values.limit === undefined ? 50 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 0) throw new InputError(`--limit ${values.limit}`, 'not a whole number');
      const entries = values.user ? readUserCatalog(file) : loadCatalog().entries;
      const q = values.search ? normalizeName(values.search) : null;
      const shown = entries.filter((e) => (!values.type || e.type === values.type.toUpperCase()) && (!q || [e.name, ...e.aliases].some((n) => normalizeName(n).includes(q))));
      for (const e of shown.slice(0, limit || shown.length)) {
        process.stdout.write(`${e.id}\t${e.type}${e.subtype ? `/${e.subtype}` : ''}\t${e.name}${e.aliases.length ? `\t(${e.aliases.slice(0, 5).join('; ')}${e.aliases.length > 5 ? '; …' : ''})` : ''}\n`);
      }
      process.stderr.write(`${shown.length} actor(s)${limit && shown.length > limit ? `, first ${limit} shown` : ''}\n`);
      return 0;
    }
    if (sub === 'add') {
      if (!values.name) throw new InputError('catalog add', 'missing --name');
      if (!values.type) throw new InputError('catalog add', 'missing --type (PERSON, ORG, GPE, LOC, NORP, EVENT, LAW, FAC, PRODUCT)');
      const id = values.id ?? `user:${normalizeName(values.name).replace(/ /g, '-')}`;
      const entry = checkEntry({ id, name: values.name, type: values.type.toUpperCase(), subtype: values.subtype ?? null, aliases: values.alias ?? [], country: values.country ?? null }, 'catalog add');
      writeUserCatalog(file, merge(readUserCatalog(file), [entry]));
      process.stdout.write(`${entry.id}\t${entry.type}\t${entry.name}\n`);
      process.stderr.write(`saved to ${file}\n`);
      return 0;
    }
    if (sub === 'import') {
      const src = positionals[0];
      if (!src) throw new InputError('catalog import', 'no file given');
      if (!existsSync(src)) throw new InputError(src, 'no such file');
      const added = parseCatalogFile(readFileSync(src, 'utf8'), src);
      writeUserCatalog(file, merge(readUserCatalog(file), added));
      process.stderr.write(`imported ${added.length} actor(s) into ${file}\n`);
      return 0;
    }
    throw new InputError('catalog', sub ? `unknown subcommand "${sub}" (add, list, import)` : 'missing subcommand (add, list, import)');
  },
};
