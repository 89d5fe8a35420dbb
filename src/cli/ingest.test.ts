// `actorgraph ingest` as a user runs it on many files: progress and summary, bad inputs that are
// reported and skipped without touching what is stored, and a batch stopped or killed half-way.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../testing/cli.js';
import { packageRoot } from '../model/paths.js';
import { openSqliteStore } from '../store/index.js';
import { BatchProgress } from './progress.js';

const places = ['Dalo', 'Kessa', 'Morin', 'Tavel', 'Ruma'];
const leaders = ['Amadou Keita', 'Lina Haddad', 'Pavel Orlov', 'Grace Mwangi', 'Tomas Ferreira'];

/** A short news item of our own, different for each i (so each is a new document). */
function bulletin(i: number): string {
  const place = places[i % places.length];
  const leader = leaders[(i * 3) % leaders.length];
  return `Council of ${place} meets (bulletin ${i})\n\n` +
    `${leader}, the leader of the Northern Front, met the council of ${place} on Monday, bulletin ${i} reported.\n` +
    `The Northern Front said its fighters had left the road to ${place} after ${i % 7 + 2} days of talks.\n`;
}

function writeBatch(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(path.join(dir, `n${String(i).padStart(3, '0')}.txt`), bulletin(i));
}

/** What a database holds, to compare before and after. */
function contents(db: string) {
  const store = openSqliteStore(db);
  try {
    return { stats: store.stats(), documents: store.listDocuments().map((d) => d.id).sort() };
  } finally {
    store.close();
  }
}

const stderrLines = (s: string) => s.trim().split('\n').filter(Boolean);

describe('actorgraph ingest of many inputs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ag-ingest-'));
  });

  it('prints progress and a summary, goes on past a bad file, and is quiet with --quiet', () => {
    const batch = path.join(dir, 'batch');
    writeBatch(batch, 30);
    // Sorted between n009.txt and n010.txt: the tenth input.
    writeFileSync(path.join(batch, 'n009b.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const db = path.join(dir, 'batch.db');
    const res = runCli(['ingest', batch, '--db', db]);
    expect(res.status).toBe(1);
    const lines = stderrLines(res.stderr);
    expect(lines[0]).toBe(`actorgraph: ${path.join(batch, 'n009b.txt')}: binary file, not text or HTML`);
    expect(lines).toContainEqual(expect.stringMatching(/^ingest: 25\/31 inputs, 24 stored, 0 already stored, 1 failed, [\d.]+ s$/));
    expect(res.stdout).toMatch(new RegExp(`^stored 30 of 31 documents \\(1 failed\\) in [\\d.]+ s; ${db.replace(/[.\\]/g, '\\$&')} holds 30 documents, \\d+ actors?, \\d+ facts?\\.\\n$`));
    expect(contents(db).stats.documents).toBe(30);

    // Again: everything is already stored; --json keeps stdout for the JSON, the summary goes to stderr.
    const again = runCli(['ingest', batch, '--db', db, '--json']);
    expect(again.status).toBe(1);
    const out = JSON.parse(again.stdout);
    expect(out).toMatchObject({ stored: 0, unchanged: 30, failed: 1, graph: { documents: 30 } });
    expect(out.documents).toHaveLength(30);
    expect(again.stderr).toMatch(/^stored 0 of 31 documents \(30 already stored, 1 failed\) in [\d.]+ s; /m);

    const quiet = runCli(['ingest', batch, '--db', db, '--quiet']);
    expect(quiet.status).toBe(1);
    expect(quiet.stdout).toBe('');
    expect(stderrLines(quiet.stderr)).toEqual([`actorgraph: ${path.join(batch, 'n009b.txt')}: binary file, not text or HTML`]);
  });

  it('reads only the files --include names, and says so when none match', () => {
    const mixed = path.join(dir, 'mixed');
    mkdirSync(path.join(mixed, '2023'), { recursive: true });
    mkdirSync(path.join(mixed, '2024'), { recursive: true });
    writeFileSync(path.join(mixed, '2023', 'a.txt'), bulletin(101));
    writeFileSync(path.join(mixed, '2024', 'b.txt'), bulletin(102));
    writeFileSync(path.join(mixed, '2024', 'c.story'), bulletin(103));
    const sources = (args: string[]) => (JSON.parse(runCli(['ingest', mixed, '--db', path.join(dir, 'mixed.db'), '--json', '--quiet', ...args]).stdout).documents as Array<{ source: string }>)
      .map((d) => path.relative(mixed, d.source));
    expect(sources(['--include', '2024/**'])).toEqual([path.join('2024', 'b.txt'), path.join('2024', 'c.story')]);
    expect(sources(['--include', '*.story', '--include', 'a.*'])).toEqual([path.join('2023', 'a.txt'), path.join('2024', 'c.story')]);
    const none = runCli(['ingest', mixed, '--db', path.join(dir, 'mixed.db'), '--include', '*.pdf']);
    expect(none.status).toBe(2);
    expect(stderrLines(none.stderr)).toEqual([`actorgraph: ${mixed}: no file matches *.pdf`]);
  });
});

describe('bad inputs to ingest: one clear line, a non-zero exit, nothing stored changed', () => {
  let dir: string;
  let db: string;
  let before: ReturnType<typeof contents>;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ag-bad-'));
    db = path.join(dir, 'graph.db');
    writeFileSync(path.join(dir, 'good.txt'), bulletin(1));
    expect(runCli(['ingest', path.join(dir, 'good.txt'), '--db', db, '--quiet']).status).toBe(0);
    before = contents(db);
  });

  const file = (name: string, content: string | Buffer) => () => { const f = path.join(dir, name); writeFileSync(f, content); return f; };
  const cases: Array<[string, () => string, string]> = [
    ['a missing path', () => path.join(dir, 'gone.txt'), 'no such file or directory'],
    ['a path through a file', () => path.join(file('plain.txt', bulletin(2))(), 'child.txt'), 'no such file (a part of the path is a file, not a directory)'],
    ['a directory with no articles', () => { const d = path.join(dir, 'pictures'); mkdirSync(d); writeFileSync(path.join(d, 'photo.jpg'), 'x'); return d; }, 'directory holds no articles (.txt, .html, .htm, .warc, .rss, .atom, optionally .gz)'],
    ['a binary file', file('image.txt', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1])), 'binary file, not text or HTML'],
    ['an empty file', file('nothing.txt', ''), 'empty file'],
    ['invalid UTF-8', file('latin1.txt', Buffer.from('The mayor of S\xe3o Tom\xe9 met the council of Dalo on Monday.\n', 'latin1')), 'invalid UTF-8 (the bytes are not text in that encoding)'],
  ];
  // Root reads any file whatever its mode: the permission cases run for a user only.
  const unreadable: typeof cases = [
    ['an unreadable file', () => { const f = file('locked.txt', bulletin(3))(); chmodSync(f, 0o000); return f; }, 'permission denied'],
    ['an unreadable directory', () => { const d = path.join(dir, 'locked'); mkdirSync(d); writeFileSync(path.join(d, 'x.txt'), bulletin(4)); chmodSync(d, 0o000); return d; }, 'permission denied'],
  ];

  const check = (make: () => string, problem: string) => {
    const input = make();
    const res = runCli(['ingest', input, '--db', db]);
    expect(res.status).toBe(2);
    expect(stderrLines(res.stderr)).toEqual([`actorgraph: ${input}: ${problem}`]);
    expect(res.stdout).toMatch(/^stored 0 of 1 document \(1 failed\)/);
    expect(contents(db)).toEqual(before);
  };
  it.each(cases)('%s', (_name, make, problem) => check(make, problem));
  it.skipIf(process.getuid?.() === 0).each(unreadable)('%s', (_name, make, problem) => check(make, problem));

  it('a --published that is not a date', () => {
    const res = runCli(['ingest', path.join(dir, 'good.txt'), '--db', db, '--published', '2024-13-01']);
    expect(res.status).toBe(2);
    expect(stderrLines(res.stderr)).toEqual(['actorgraph ingest: --published 2024-13-01: not a real date']);
    expect(contents(db)).toEqual(before);
  });

  it('a database file that is not ours is left as it was', () => {
    const notes = path.join(dir, 'notes.db');
    writeFileSync(notes, 'remember: buy bread\n');
    const res = runCli(['ingest', path.join(dir, 'good.txt'), '--db', notes]);
    expect(res.status).toBe(2);
    expect(stderrLines(res.stderr)).toEqual([`actorgraph ingest: ${notes}: not an actorgraph database (not an SQLite file); it was left untouched`]);
    expect(readFileSync(notes, 'utf8')).toBe('remember: buy bread\n');
  });

  it('creates no database when nothing could be stored', () => {
    const fresh = path.join(dir, 'fresh.db');
    const res = runCli(['ingest', path.join(dir, 'gone.txt'), '--db', fresh]);
    expect(res.status).toBe(2);
    expect(res.stdout).toContain('nothing written');
    expect(existsSync(fresh)).toBe(false);
  });
});

/** Starts `actorgraph ingest`, waits for the first progress line, then signals it; resolves with its output. */
function ingestUntilProgress(args: string[], signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(packageRoot, 'bin', 'actorgraph.js'), 'ingest', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
      if (!sent && /^ingest: \d+\//m.test(stderr)) { sent = true; child.kill(signal); }
    });
    child.on('error', reject);
    child.on('exit', (code, sig) => resolve({ code, signal: sig, stdout, stderr }));
  });
}

describe('a batch stopped half-way keeps every document stored before', () => {
  const N = 200;
  let dir: string;
  let batch: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ag-kill-'));
    batch = path.join(dir, 'batch');
    writeBatch(batch, N);
  });

  it('killed with SIGKILL: the database opens, whole, and the next run stores only the rest', async () => {
    const db = path.join(dir, 'killed.db');
    const run = await ingestUntilProgress([batch, '--db', db], 'SIGKILL');
    expect(run.signal).toBe('SIGKILL');
    const store = openSqliteStore(db);
    let kept: number;
    try {
      expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
      kept = store.stats().documents;
    } finally {
      store.close();
    }
    // At least the 25 documents of the first progress line, and the kill came before the end.
    expect(kept).toBeGreaterThanOrEqual(25);
    expect(kept).toBeLessThan(N);
    const rest = runCli(['ingest', batch, '--db', db]);
    expect(rest.status).toBe(0);
    expect(rest.stdout).toMatch(new RegExp(`^stored ${N - kept} of ${N} documents \\(${kept} already stored\\)`));
    // Each kept document was whole: the graph is the one a single uninterrupted run builds.
    const whole = path.join(dir, 'whole.db');
    expect(runCli(['ingest', batch, '--db', whole, '--quiet']).status).toBe(0);
    expect(contents(db)).toEqual(contents(whole));
  });

  it('stopped with Ctrl-C (SIGINT): it finishes the document in hand, says so and exits 130', async () => {
    const db = path.join(dir, 'stopped.db');
    const run = await ingestUntilProgress([batch, '--db', db], 'SIGINT');
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('stopping after the document in hand');
    const m = new RegExp(`^stopped at input (\\d+) of ${N}: stored (\\d+) of \\2 documents in [\\d.]+ s; .* holds \\2 documents`).exec(run.stdout);
    expect(m, run.stdout).not.toBeNull();
    expect(Number(m![2])).toBeLessThan(N);
    expect(contents(db).stats.documents).toBe(Number(m![2]));
  });
});

describe('progress lines', () => {
  it('come every so many documents or after so many seconds, whichever is first', () => {
    let clock = 0;
    const lines: string[] = [];
    const p = new BatchProgress(10, { write: (l) => lines.push(l), everyDocuments: 4, everyMs: 5000, now: () => clock });
    for (let i = 0; i < 3; i++) { p.beginInput(); clock += 100; p.record('stored'); }
    expect(lines).toEqual([]);
    p.beginInput(); clock += 100; p.record('unchanged');
    expect(lines).toEqual(['ingest: 4/10 inputs, 3 stored, 1 already stored, 0 failed, 0.4 s']);
    p.beginInput(); clock += 6000; p.record('failed');
    expect(lines.at(-1)).toBe('ingest: 5/10 inputs, 3 stored, 1 already stored, 1 failed, 6.4 s');
    expect(p.summary()).toBe('stored 3 of 5 documents (1 already stored, 1 failed) in 6.4 s');
  });
});
