// The store's CLI commands, run as a user runs them (`npm test` builds first), through the real
// pipeline, on articles written for this test and on the shared example article.
import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../testing/cli.js';
import { exampleArticle, hasShared } from '../testing/shared.js';

const article1 = `Rebel alliance announced in the north

The Northern Front and the River Brigades announced an alliance on Monday in the town of Dalo, according to a statement from the Northern Front.
General Amadou Keita, the commander of the Northern Front, said the two groups would fight the army together.
`;
const article2 = `Army retakes Dalo

The army said on Friday it had retaken Dalo from the Northern Front after two days of fighting.
Amadou Keita, who leads the Northern Front, denied that his fighters had left the town.
`;

describe('actorgraph ingest and the query commands', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ag-cli-'));
    db = path.join(dir, 'graph.db');
    mkdirSync(path.join(dir, 'news'));
    writeFileSync(path.join(dir, 'news', 'one.txt'), article1);
    writeFileSync(path.join(dir, 'news', 'two.txt'), article2);
  });

  it('stores a folder of articles, skips them the second time, and reports a bad input without stopping', () => {
    const first = runCli(['ingest', path.join(dir, 'news'), '--db', db, '--published', '2024-03-08']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^stored 2 of 2 documents in [\d.]+ s; .*graph\.db holds 2 documents/);
    const again = runCli(['ingest', path.join(dir, 'news'), path.join(dir, 'missing.txt'), '--db', db, '--json']);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/missing\.txt: no such file or directory/);
    const out = JSON.parse(again.stdout);
    expect(out).toMatchObject({ stored: 0, unchanged: 2, failed: 1 });
    expect(out.graph.documents).toBe(2);
  });

  it('lists, shows and times actors; lists facts; every query has --json', () => {
    const actors = JSON.parse(runCli(['actors', '--db', db, '--json']).stdout);
    expect(Array.isArray(actors)).toBe(true);
    const docs = (a: { documentCount: number }) => a.documentCount;
    expect(actors.length).toBeGreaterThan(0);
    // Sorted by how many documents name them.
    expect(actors.map(docs)).toEqual([...actors.map(docs)].sort((x: number, y: number) => y - x));
    const top = actors[0];
    const shown = runCli(['show', top.name, '--db', db]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain(top.name);
    expect(shown.stdout).toMatch(/Relations \(\d+\):/);
    const shownJson = JSON.parse(runCli(['show', top.id, '--db', db, '--json']).stdout);
    expect(shownJson.actor.id).toBe(top.id);
    const facts = JSON.parse(runCli(['facts', '--db', db, '--json']).stdout);
    expect(Array.isArray(facts)).toBe(true);
    // Paging: --offset skips the strongest, so two pages of one make the first two.
    const page = (offset: number) => JSON.parse(runCli(['facts', '--db', db, '--json', '--limit', '1', '--offset', String(offset)]).stdout);
    expect([...page(0), ...page(1)].map((f: { id: string }) => f.id)).toEqual(facts.slice(0, 2).map((f: { id: string }) => f.id));
    for (const f of facts) for (const e of f.evidence) expect(article1 + article2).toContain(e.text);
    expect(runCli(['timeline', top.name, '--db', db]).stdout).toContain(top.name);
    expect(JSON.parse(runCli(['facts', '--db', db, '--as-of', '1990-01-01', '--json']).stdout).every((f: { kind: string }) => f.kind === 'relation')).toBe(true);
  });

  it('gives one clear line for bad input', () => {
    const cases: Array<[string[], RegExp]> = [
      [['show', 'Nobody At All', '--db', db], /Nobody At All: no such actor/],
      [['facts', '--as-of', 'yesterday', '--db', db], /--as-of yesterday: not a date/],
      [['facts', '--type', 'likes', '--db', db], /--type likes: not a fact type/],
      [['facts', '--offset', 'ten', '--db', db], /--offset ten: not a whole number/],
      [['actors', '--type', 'ANIMAL', '--db', db], /--type ANIMAL: not an actor type/],
      [['actors', '--db', path.join(dir, 'none.db')], /none\.db: no such database/],
      [['split', 'Nobody', '--db', db], /--alias NAME is required/],
      [['remove', 'no-such-doc', '--db', db], /no-such-doc: no such document/],
    ];
    for (const [args, message] of cases) {
      const res = runCli(args);
      expect(res.status, args.join(' ')).not.toBe(0);
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
      expect(res.stderr).toMatch(message);
    }
  });

  it('refuses a database file that is not ours and leaves it untouched', () => {
    const notes = path.join(dir, 'notes.txt');
    writeFileSync(notes, 'shopping list: bread, milk\n');
    const res = runCli(['ingest', path.join(dir, 'news'), '--db', notes]);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/notes\.txt: not an actorgraph database/);
    expect(readFileSync(notes, 'utf8')).toBe('shopping list: bread, milk\n');
  });

  it('removes a document by its source, and honours ACTORGRAPH_DB', () => {
    const env = { ACTORGRAPH_DB: db };
    const before = JSON.parse(runCli(['ingest', path.join(dir, 'news'), '--json'], { env }).stdout).graph;
    const res = runCli(['remove', path.join(dir, 'news', 'two.txt')], { env });
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/^Removed 1 document/);
    const after = JSON.parse(runCli(['ingest', path.join(dir, 'news', 'one.txt'), '--json'], { env }).stdout).graph;
    expect(after.documents).toBe(before.documents - 1);
    expect(after.facts).toBeLessThanOrEqual(before.facts);
  });

  it.skipIf(!hasShared)('stores the example article end to end and merges an analyst correction', () => {
    const exDb = path.join(dir, 'example.db');
    expect(runCli(['ingest', exampleArticle, '--published', '2022-08-02', '--db', exDb]).status).toBe(0);
    const actors = JSON.parse(runCli(['actors', '--db', exDb, '--json', '--limit', '1000']).stdout) as Array<{ id: string; name: string; type: string }>;
    expect(actors.length).toBeGreaterThan(3);
    const [a, b] = actors;
    const merged = runCli(['merge', a!.id, b!.id, '--db', exDb, '--json']);
    expect(merged.status).toBe(0);
    const m = JSON.parse(merged.stdout);
    expect(m.id).toBe(a!.id);
    expect([m.name, ...m.aliases]).toEqual(expect.arrayContaining([a!.name, b!.name]));
    // The correction survives removing and re-ingesting the article.
    expect(runCli(['remove', exampleArticle, '--db', exDb]).status).toBe(0);
    expect(runCli(['ingest', exampleArticle, '--published', '2022-08-02', '--db', exDb]).status).toBe(0);
    const after = JSON.parse(runCli(['show', b!.name, '--db', exDb, '--json']).stdout).actor as { name: string; aliases: string[] };
    expect([after.name, ...after.aliases]).toEqual(expect.arrayContaining([a!.name, b!.name]));
  });
});
