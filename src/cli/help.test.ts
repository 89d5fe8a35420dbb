// The command line as a user first meets it: the overview, each command's help, and one clear
// line for a command or flag that does not exist.
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/cli.js';
import { commands } from './main.js';
import { closest, parseBytesFlag, parseSecondsFlag } from './command.js';

describe('actorgraph --help', () => {
  it('says what the tool does, lists every command, where the database is, and shows a session', () => {
    const res = runCli(['--help']);
    expect(res.status).toBe(0);
    expect(res.stderr).toBe('');
    expect(res.stdout).toMatch(/knowledge graph/);
    for (const c of commands) expect(res.stdout).toMatch(new RegExp(`^  ${c.name} +\\S`, 'm'));
    expect(res.stdout).toContain('--db FILE');
    expect(res.stdout).toContain('$ACTORGRAPH_DB');
    expect(res.stdout).toContain('actorgraph.db');
    expect(res.stdout).toMatch(/Example session:\n( {2}actorgraph .*\n)+/);
  });

  it('answers "help <command>" like "<command> --help"', () => {
    const res = runCli(['help', 'facts']);
    expect(res.status).toBe(0);
    expect(res.stdout).toBe(runCli(['facts', '--help']).stdout);
  });

  it('prints the overview on stderr with a non-zero exit when no command is given', () => {
    const res = runCli([]);
    expect(res.status).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('Usage: actorgraph <command>');
  });

  it.each(commands.map((c) => c.name))('answers "%s --help" with a usage that names every flag', (name) => {
    const command = commands.find((c) => c.name === name)!;
    const res = runCli([name, '--help']);
    expect(res.status).toBe(0);
    expect(res.stdout.trim()).toBe(command.usage.trim());
    expect(command.usage).toMatch(new RegExp(`^actorgraph ${name}\\b`));
    for (const flag of Object.keys(command.options)) expect(command.usage, `--${flag} in ${name} --help`).toContain(`--${flag}`);
  });

  it('the commands that read articles document every kind of input, with examples', () => {
    for (const name of ['extract', 'ingest']) {
      const usage = runCli([name, '--help']).stdout;
      for (const kind of ['.gz', 'http(s)://URL', 'list of URLs', 'RSS or Atom', 'WARC', '--include GLOB', '--timeout SECONDS', '--max-bytes SIZE', 'Examples:']) {
        expect(usage, `${name}: ${kind}`).toContain(kind);
      }
    }
  });
});

describe('a command or flag that does not exist', () => {
  const oneLine = (stderr: string) => expect(stderr.trim().split('\n')).toHaveLength(1);

  it('names an unknown command in one line, suggesting the near one', () => {
    const res = runCli(['ingset', 'x.txt']);
    expect(res.status).toBe(2);
    oneLine(res.stderr);
    expect(res.stderr).toMatch(/unknown command "ingset" \(did you mean ingest\?\)/);
    const far = runCli(['summarise']);
    expect(far.status).toBe(2);
    oneLine(far.stderr);
    expect(far.stderr).not.toContain('did you mean');
  });

  it('names an unknown flag, a flag without its value and a value given to a switch', () => {
    const cases: Array<[string[], RegExp]> = [
      [['extract', '-', '--publshed', '2024-01-01'], /^actorgraph extract: --publshed: unknown option \(did you mean --published\?\); actorgraph extract --help lists the options$/],
      [['ingest', 'news', '--colour'], /^actorgraph ingest: --colour: unknown option;/],
      [['actors', '--limit'], /^actorgraph actors: --limit: needs a value;/],
      [['facts', '--json=yes'], /^actorgraph facts: --json: takes no value;/],
      [['--verbose'], /^actorgraph: unknown option --verbose;/],
      [['actors', 'Keita'], /^actorgraph actors: Keita: actors takes no arguments \(use --search TEXT to find actors by name\);/],
      [['show', 'Keita', 'Haddad'], /^actorgraph show: give one actor \(an id, name or alias\)$/],
    ];
    for (const [args, message] of cases) {
      const res = runCli(args, { input: '' });
      expect(res.status, args.join(' ')).toBe(2);
      oneLine(res.stderr);
      expect(res.stderr.trim()).toMatch(message);
      expect(res.stdout).toBe('');
    }
  });

  it('refuses a fetch limit that is not one, naming the flag', () => {
    for (const [flag, value, message] of [['--timeout', 'soon', /--timeout soon: not a number of seconds/], ['--timeout', '-3', /--timeout: needs a value; one that starts with - is written --timeout=-VALUE/], ['--timeout=-3', undefined, /--timeout -3: not a number of seconds/], ['--max-bytes', '5XB', /--max-bytes 5XB: not a size/]] as const) {
      const res = runCli(['extract', '-', flag, ...(value === undefined ? [] : [value])], { input: 'Text.' });
      expect(res.status).toBe(2);
      oneLine(res.stderr);
      expect(res.stderr).toMatch(message);
    }
  });
});

describe('flag values', () => {
  it('reads sizes with K, M, G suffixes and seconds with fractions', () => {
    expect(parseBytesFlag('max-bytes', '1048576')).toBe(1048576);
    expect(parseBytesFlag('max-bytes', '500K')).toBe(500 * 1024);
    expect(parseBytesFlag('max-bytes', '20MB')).toBe(20 * 1024 * 1024);
    expect(parseBytesFlag('max-bytes', '1.5g')).toBe(1.5 * 1024 ** 3);
    expect(() => parseBytesFlag('max-bytes', '0')).toThrow(/not a size/);
    expect(() => parseBytesFlag('max-bytes', 'MB')).toThrow(/not a size/);
    expect(parseSecondsFlag('timeout', '2.5')).toBe(2500);
    expect(() => parseSecondsFlag('timeout', '0')).toThrow(/not a number of seconds/);
    expect(parseSecondsFlag('timeout', undefined)).toBeUndefined();
  });

  it('suggests a name one or two typos away, or a prefix, and nothing for a far one', () => {
    expect(closest('pubished', ['published', 'raw'])).toBe('published');
    expect(closest('pub', ['published', 'raw'])).toBe('published');
    expect(closest('timeline', ['timeout', 'include'])).toBeNull();
    expect(closest('xyz', ['db', 'json'])).toBeNull();
  });
});
