// What every CLI command is: a name, a line of help, a usage text and a run function.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../model/errors.js';

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the exit code. Throws InputError for bad input (one line on stderr, exit 2). */
  run(argv: string[]): Promise<number>;
}

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses flags strictly; an unknown flag is an input error that names it. */
export function parseFlags<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new InputError('command line', (err as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
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
