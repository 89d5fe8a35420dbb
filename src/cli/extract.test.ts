import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../testing/cli.js';

const article = 'Rebels seize northern town\n\nThe Northern Front said on Monday that its fighters had captured the town of Dalo.\n';

describe('actorgraph extract', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ag-extract-'));
  });

  it('prints the JSON contract, with offsets that point into document.text', () => {
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, article);
    const res = runCli(['extract', file, '--published', '2024-03-05', '--json']);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.document.source).toBe(file);
    expect(out.document.published).toBe('2024-03-05');
    expect(out.document.id).toMatch(/^[0-9a-f]{64}$/);
    expect(out.document.text).toContain('captured the town of Dalo');
    for (const list of [out.timexes, out.entities.flatMap((e: any) => e.mentions), out.facts.flatMap((f: any) => f.evidence)]) {
      for (const s of list) expect(out.document.text.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('reads .gz and stdin, and --raw keeps the input exactly', () => {
    const gz = path.join(dir, 'b.txt.gz');
    writeFileSync(gz, gzipSync(article));
    const fromGz = JSON.parse(runCli(['extract', gz, '--raw', '--json']).stdout);
    expect(fromGz.document.text).toBe(article);
    const fromStdin = JSON.parse(runCli(['extract', '-', '--raw', '--json'], { input: article }).stdout);
    expect(fromStdin.document.text).toBe(article);
    expect(fromStdin.document.source).toBe('-');
  });

  it('prints one object per input in input order with --jsonl', () => {
    const d = path.join(dir, 'many');
    mkdirSync(d);
    writeFileSync(path.join(d, '1.txt'), 'First story about Kabul.\n');
    writeFileSync(path.join(d, '2.txt'), 'Second story about Doha.\n');
    const res = runCli(['extract', path.join(d, '2.txt'), path.join(d, '1.txt'), '--jsonl']);
    const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((o) => path.basename(o.document.source))).toEqual(['2.txt', '1.txt']);
  });

  it.each([
    ['a missing path', () => path.join(dir, 'nope.txt'), /nope\.txt: no such file or directory/],
    ['an empty file', () => { const f = path.join(dir, 'empty.txt'); writeFileSync(f, ''); return f; }, /empty\.txt: empty file/],
    ['a binary file', () => { const f = path.join(dir, 'bin.txt'); writeFileSync(f, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])); return f; }, /bin\.txt: binary file/],
    ['invalid UTF-8', () => { const f = path.join(dir, 'latin.txt'); writeFileSync(f, Buffer.from('Caf\xe9 in Bogot\xe1', 'latin1')); return f; }, /latin\.txt: invalid UTF-8/],
    ['a directory with no articles', () => { const d = path.join(dir, 'nothing'); mkdirSync(d); writeFileSync(path.join(d, 'x.png'), 'x'); return d; }, /nothing: directory holds no articles/],
  ])('gives one clear line and a non-zero exit for %s', (_name, make, message) => {
    const res = runCli(['extract', make(), '--json']);
    expect(res.status).not.toBe(0);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(message);
    expect(res.stdout).toBe('');
  });

  it('rejects a --published that is not a date, naming it', () => {
    for (const bad of ['yesterday', '2022-02-30', '22-08-02']) {
      const res = runCli(['extract', '-', '--published', bad], { input: article });
      expect(res.status).toBe(2);
      expect(res.stderr).toContain(`--published ${bad}`);
    }
  });

  it('goes on past a bad input and still prints the good ones', () => {
    const good = path.join(dir, 'good.txt');
    writeFileSync(good, article);
    const res = runCli(['extract', path.join(dir, 'missing.txt'), good, '--jsonl']);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/missing\.txt/);
    expect(res.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('answers --help with the usage', () => {
    const res = runCli(['extract', '--help']);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('--published');
  });

});
