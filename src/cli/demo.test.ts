// `npm start` (the demo on the bundled examples) and `npm start -- <files or dirs>` (the demo on
// the user's own articles), run through npm as a user runs them. `--ignore-scripts` skips only
// the `prestart` build, which `npm test` has just done.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packageRoot } from '../model/paths.js';

/** `npm start`, typed in `cwd` (the package folder unless given; npm --prefix finds the package). */
function npmStart(args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}) {
  const res = spawnSync('npm', ['--prefix', packageRoot, 'start', '--silent', '--ignore-scripts', ...(args.length ? ['--', ...args] : [])], {
    cwd: opts.cwd ?? packageRoot, env: { ...process.env, ...opts.env }, encoding: 'utf8',
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** The lines of one section of the demo's report, up to the next blank line. */
function section(stdout: string, title: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith(title));
  expect(start, `section "${title}" in\n${stdout}`).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

const mine = {
  'alliance.txt': `Two rebel groups join forces\n\nThe Northern Front and the River Brigades formed an alliance in March 2019, their leaders said.\n` +
    `Amadou Keita, the commander of the Northern Front, has led the group since 2015.\n`,
  'ceasefire.html': `<html><head><title>Ceasefire in Dalo</title></head><body><article><h1>Ceasefire in Dalo</h1>` +
    `<p>The army and the Northern Front agreed a ceasefire in Dalo on 12 June 2021, officials said.</p>` +
    `<p>The River Brigades attacked an army post near Kessa in 2020, killing four soldiers.</p></article></body></html>`,
};

describe('npm start', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ag-demo-'));
    mkdirSync(path.join(dir, 'news'));
    for (const [name, text] of Object.entries(mine)) writeFileSync(path.join(dir, 'news', name), text);
  });

  it('runs the demo on the user\'s own articles: actors by type, strongest relations, dated timeline', () => {
    // Typed in the user's folder, with paths relative to it: npm runs the script in the package
    // folder, and the demo still finds the articles and puts the database where the user said.
    const res = npmStart(['news', '--db', 'mine.db'], { cwd: dir });
    expect(existsSync(path.join(dir, 'mine.db'))).toBe(true);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(new RegExp(`^actorgraph demo: stored 2 of 2 documents in [\\d.]+ s from ${path.join(dir, 'news').replace(/[.\\]/g, '\\$&')}; `));
    const actors = section(res.stdout, 'Actors by type').join('\n');
    expect(actors).toMatch(/ORG — organisations[^\n]*\n {4}[^\n]*Northern Front \(2 docs\)/);
    expect(actors).toMatch(/PERSON — people \(\d+\)\n {4}[^\n]*Amadou Keita/);
    const relations = section(res.stdout, 'Strongest relations');
    expect(relations.some((l) => /Amadou Keita —leader_of→ Northern Front/.test(l))).toBe(true);
    const dates = section(res.stdout, 'Timeline').map((l) => /^ {2}(\d{4}(?:-\d\d){0,2}) /.exec(l)?.[1]).filter(Boolean) as string[];
    expect(dates.length).toBeGreaterThanOrEqual(2);
    expect(dates).toEqual([...dates].sort());
  });

  it('with no arguments ingests the bundled examples once and reports them', () => {
    const env = { ACTORGRAPH_DB: path.join(dir, 'bundled.db') };
    const first = npmStart([], { env });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^actorgraph demo: stored 3 of 3 documents in [\d.]+ s from the bundled examples; /);
    for (const title of ['Actors by type', 'Strongest relations', 'Timeline']) expect(section(first.stdout, title).length).toBeGreaterThan(0);
    const again = npmStart([], { env });
    expect(again.stdout).toMatch(/^actorgraph demo: stored 0 of 3 documents \(3 already stored\)/);
  });
});
