// API latency over HTTP on 127.0.0.1 against a large store: 100,000 actors and 1,000,000 facts
// made by the store's synthetic generator (cached under .bench/, git-ignored). Requests run one
// at a time (latency, not throughput), for a fixed number of actors and at most a minute.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageRoot } from '../model/paths.js';
import { openStore } from '../store/index.js';
import type { StoredEntity } from '../store/types.js';
import { startServer } from './index.js';

const ACTORS = 100_000;
const FACTS = 1_000_000;
const SAMPLE = 150;
const TIME_BUDGET_MS = 60_000;

type Generator = (file: string, opts: { actors: number; facts: number }) => { sampleActors?: string[] } | Promise<{ sampleActors?: string[] }>;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** A deterministic pseudo-random sequence, so runs compare. */
function lcg(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

export async function runBench(log: (line: string) => void): Promise<void> {
  let generate: Generator | undefined;
  try {
    // Through a variable: the generator is the store's module and may not be built yet.
    const generator = '../store/synthetic.js';
    generate = ((await import(generator)) as { generateSyntheticStore?: Generator }).generateSyntheticStore;
  } catch {
    generate = undefined;
  }
  const dir = path.join(packageRoot, '.bench');
  const file = path.join(dir, `server-${ACTORS}-${FACTS}.db`);
  if (!existsSync(file)) {
    if (!generate) { log('server bench skipped: src/store/synthetic.ts (generateSyntheticStore) is not available'); return; }
    mkdirSync(dir, { recursive: true });
    const t0 = performance.now();
    // Written under another name and renamed when complete: an interrupted run leaves no
    // half-made store for the next run to trust.
    const partial = `${file}.partial`;
    const summary = await generate(partial, { actors: ACTORS, facts: FACTS });
    writeFileSync(`${file}.hubs.json`, JSON.stringify(summary?.sampleActors ?? []));
    renameSync(partial, file);
    log(`generated ${file} (${ACTORS.toLocaleString('en')} actors, ${FACTS.toLocaleString('en')} facts) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const store = openStore(file);
  const stats = store.stats();
  log(`store: ${stats.entities.toLocaleString('en')} actors, ${stats.facts.toLocaleString('en')} facts, ${stats.evidence.toLocaleString('en')} evidence rows`);

  // Two samples, reported apart: the heaviest pages (the generator's hubs and the best-documented
  // actors) and actors drawn at random (through the SQLite handle when the store has one,
  // else through name searches on random letter pairs, which lean towards known actors).
  const random = lcg(42);
  const hubs = existsSync(`${file}.hubs.json`) ? (JSON.parse(readFileSync(`${file}.hubs.json`, 'utf8')) as string[]) : [];
  const heavy = new Map<string, StoredEntity>();
  for (const a of [...hubs.map((id) => store.getActor(id)).filter((x): x is StoredEntity => !!x), ...store.findActors({ limit: 1000 }).filter((_, i) => i % 20 === 0)]) {
    if (heavy.size < SAMPLE / 3) heavy.set(a.id, a);
  }
  const ordinary = new Map<string, StoredEntity>();
  const db = (store as unknown as { db?: { prepare(sql: string): { all(...args: unknown[]): Array<{ id: string }> } } }).db;
  if (db) {
    for (const { id } of db.prepare('SELECT id FROM entities ORDER BY random() LIMIT ?').all(SAMPLE - heavy.size)) {
      const a = store.getActor(id);
      if (a) ordinary.set(a.id, a);
    }
  }
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let tries = 0; ordinary.size < SAMPLE - heavy.size && tries < 500; tries++) {
    const q = letters[Math.floor(random() * 26)]! + letters[Math.floor(random() * 26)]!;
    const found = store.findActors({ search: q, limit: 20 });
    const pick = found[Math.floor(random() * found.length)];
    if (pick) ordinary.set(pick.id, pick);
  }
  const samples: Array<[string, StoredEntity[]]> = [['heaviest actors', [...heavy.values()]], ['random actors', [...ordinary.values()]]];
  const asOf = () => `${1990 + Math.floor(random() * 35)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-15`;

  const server = await startServer({ store, port: 0 });
  const routes: Record<string, (a: StoredEntity) => string> = {
    'actor page      /api/actors/:id': (a) => `/api/actors/${encodeURIComponent(a.id)}`,
    'neighbourhood   /api/actors/:id/neighbourhood': (a) => `/api/actors/${encodeURIComponent(a.id)}/neighbourhood`,
    'as-of hood      /neighbourhood?asOf=': (a) => `/api/actors/${encodeURIComponent(a.id)}/neighbourhood?asOf=${asOf()}`,
    'as-of facts     /api/facts?actor=&asOf=': (a) => `/api/facts?actor=${encodeURIComponent(a.id)}&asOf=${asOf()}`,
    'timeline        /api/actors/:id/timeline': (a) => `/api/actors/${encodeURIComponent(a.id)}/timeline`,
  };
  const fetchOne = async (url: string) => {
    const t = performance.now();
    const res = await fetch(server.url + url);
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
    return { ms: performance.now() - t, size: body.byteLength };
  };
  try {
    for (const a of [...heavy.values()].slice(0, 5)) for (const make of Object.values(routes)) await fetchOne(make(a)); // warm-up
    const started = performance.now();
    for (const [label, actors] of samples) {
      const times: Record<string, number[]> = Object.fromEntries(Object.keys(routes).map((k) => [k, []]));
      const bytes: Record<string, number> = Object.fromEntries(Object.keys(routes).map((k) => [k, 0]));
      let done = 0;
      for (const a of actors) {
        if (performance.now() - started > TIME_BUDGET_MS) { log(`time budget reached after ${done} ${label}`); break; }
        // Each actor's first request reads its pages from disk: start each actor on another route,
        // so that cost falls on every route in turn, not always on the first.
        const entries = Object.entries(routes);
        const order = [...entries.slice(done % entries.length), ...entries.slice(0, done % entries.length)];
        for (const [name, make] of order) {
          const { ms, size } = await fetchOne(make(a));
          times[name]!.push(ms);
          bytes[name]! += size;
        }
        done++;
      }
      log(`${label}: ${done} actors × ${Object.keys(routes).length} routes, sequential HTTP on 127.0.0.1 (target p95 < 50 ms)`);
      for (const [name, list] of Object.entries(times)) {
        const sorted = [...list].sort((x, y) => x - y);
        if (!sorted.length) continue;
        log(`  ${name.padEnd(48)} p50 ${percentile(sorted, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(sorted, 95).toFixed(1).padStart(6)} ms   max ${sorted[sorted.length - 1]!.toFixed(1).padStart(6)} ms   avg body ${(bytes[name]! / sorted.length / 1024).toFixed(1)} KiB`);
      }
    }
    // Routes over the whole store: each must stay bounded however big the store grows.
    const total = stats.documents;
    const storeRoutes: Record<string, (i: number) => string> = {
      'stats           /api/stats': () => '/api/stats',
      'documents p. 1  /api/documents?limit=200': () => '/api/documents?limit=200',
      'documents deep  /api/documents?offset=…': (i) => `/api/documents?limit=200&offset=${Math.max(0, total - 200 - ((i * 7919) % Math.max(1, Math.min(total, 100_000))))}`,
      'contradictions  /api/contradictions': (i) => `/api/contradictions?limit=100&offset=${(i * 100) % 10_000}`,
      'contradictions  ?actor= (heaviest)': (i) => `/api/contradictions?actor=${encodeURIComponent([...heavy.keys()][i % heavy.size]!)}&limit=100`,
      'changes 5 years /api/changes (the page default)': () => '/api/changes?from=2021-01-01&to=2026-12-31&limit=100',
      'changes 1 month /api/changes': (i) => `/api/changes?from=${1990 + (i % 35)}-03-01&to=${1990 + (i % 35)}-03-31&limit=100`,
      'search          /api/search?q=': (i) => `/api/search?q=${['pact', 'clashed', 'backed', 'joined'][i % 4]}`,
      'actor search    /api/actors?search=': (i) => `/api/actors?search=${['ka', 'dor', 'ran front', 'zan'][i % 4]}&limit=50`,
    };
    log('whole-store routes: 40 requests each, sequential (target p95 < 50 ms)');
    for (const [name, make] of Object.entries(storeRoutes)) {
      const list: number[] = [];
      let size = 0;
      for (let i = 0; i < 40; i++) { const r = await fetchOne(make(i)); list.push(r.ms); size += r.size; }
      list.sort((x, y) => x - y);
      log(`  ${name.padEnd(48)} p50 ${percentile(list, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(list, 95).toFixed(1).padStart(6)} ms   max ${list[list.length - 1]!.toFixed(1).padStart(6)} ms   avg body ${(size / list.length / 1024).toFixed(1)} KiB`);
    }
    // Communities read up to maxFacts facts (default 20,000) and cost about a second per 50,000:
    // reported apart, they are an analysis to start, not a page to browse.
    for (const [label, url] of [['communities (store, 20,000 best facts)', '/api/communities'], ['communities (heaviest actor, 2 hops)', `/api/communities?actor=${encodeURIComponent([...heavy.keys()][0] ?? '')}`]] as const) {
      const t = performance.now();
      const res = await fetch(server.url + url);
      const body = (await res.json()) as { communities: unknown[]; facts: number; complete: boolean };
      log(`  ${label.padEnd(48)} ${(performance.now() - t).toFixed(0)} ms for ${body.facts} facts → ${body.communities.length} groups${body.complete ? '' : ' (bounded)'}`);
    }
    log(`  resident memory ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
  } finally {
    await server.close();
    store.close();
  }
}
