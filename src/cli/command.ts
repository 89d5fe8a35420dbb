// What every CLI command is: a name, a line of help, a usage text, its flags and a run function.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../model/errors.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** The flags it accepts (each one is described in `usage`; a test holds every command to it). */
  options: Options;
  /** Returns the exit code. Throws InputError for bad input (one line on stderr, exit 2). */
  run(argv: string[]): Promise<number>;
}

/** A command line the command cannot parse: main adds where to find the right options. */
export class UsageError extends InputError {}

/** The lines every command that opens the database shares in its help. */
export const DB_HELP = '  --db FILE         the database (default: $ACTORGRAPH_DB, else ./actorgraph.db in this folder)';

/** Parses flags strictly; an unknown flag, or one missing its value, is a usage error naming it. */
export function parseFlags<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw flagError(err as Error & { code?: string }, options);
  }
}

function flagError(err: Error & { code?: string }, options: Options): InputError {
  const flag = /'(-[^' ]+)/.exec(err.message)?.[1] ?? 'command line';
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const near = closest(flag.replace(/^-+/, '').replace(/=.*$/, ''), Object.keys(options));
    return new UsageError(flag, `unknown option${near ? ` (did you mean --${near}?)` : ''}`);
  }
  if (/argument missing/.test(err.message)) return new UsageError(flag, 'needs a value');
  if (/does not take an argument/.test(err.message)) return new UsageError(flag, 'takes no value');
  if (/ambiguous/.test(err.message)) return new UsageError(flag, `needs a value; one that starts with - is written ${flag}=-VALUE`);
  return new UsageError(flag, err.message.split('\n')[0]!.replace(/^TypeError \[[A-Z_]+\]: /, ''));
}

/** The name nearest to a mistyped one (a typo or two away), if any. */
export function closest(typed: string, names: string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(typed.length / 3)) + 1;
  for (const name of names) {
    const d = name.startsWith(typed) && typed.length >= 3 ? 1 : editDistance(typed.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) { best = name; bestDistance = d; }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** Parses a YYYY-MM-DD (or YYYY-MM, YYYY) date flag; anything else is an input error. */
export function parseDateFlag(flag: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) throw new InputError(`--${flag} ${value}`, 'not a date (expected YYYY-MM-DD)');
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new InputError(`--${flag} ${value}`, 'not a real date');
  }
  return value;
}

/** `20`, `2.5` → milliseconds; a duration flag given in seconds. */
export function parseSecondsFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const s = Number(value);
  if (value.trim() === '' || !Number.isFinite(s) || s <= 0) throw new InputError(`--${flag} ${value}`, 'not a number of seconds (e.g. 20 or 2.5)');
  return Math.round(s * 1000);
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** `1048576`, `500k`, `20MB`, `1.5G` → bytes (K, M, G are powers of 1024). */
export function parseBytesFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  const bytes = m && unit ? Math.floor(Number(m[1]) * unit) : NaN;
  if (!(bytes >= 1)) throw new InputError(`--${flag} ${value}`, 'not a size (e.g. 500000, 500K, 20MB)');
  return bytes;
}
