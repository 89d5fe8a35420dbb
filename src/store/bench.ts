// `npm run bench` (store): ingest speed through the real pipeline, peak memory, and query latency
// on a synthetic store of 100k actors and 1M facts. Sizes can be lowered with
// ACTORGRAPH_BENCH_ACTORS / ACTORGRAPH_BENCH_FACTS for a quick run.
import { mkdtempSync, readFileSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractText } from '../pipeline/index.js';
import { exampleArticle, hasShared } from '../testing/shared.js';
import { packageRoot } from '../model/paths.js';
import { openSqliteStore } from './sqlite.js';
import { generateSyntheticStore } from './synthetic.js';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function latency(label: string, runs: number, fn: (i: number) => void, log: (line: string) => void): void {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  log(`  ${label.padEnd(44)} p50 ${percentile(times, 50).toFixed(2)} ms   p95 ${percentile(times, 95).toFixed(2)} ms   max ${times[times.length - 1]!.toFixed(2)} ms  (${runs} runs)`);
}

export async function runBench(log: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ag-store-bench-'));
  try {
    // 1. Ingest: the example article, varied a little so each copy is a new document.
    const base = readFileSync(hasShared ? exampleArticle : path.join(packageRoot, 'examples', 'wagner-mutiny.txt'), 'utf8');
    const words = base.split(/\s+/).filter(Boolean).length;
    const store = openSqliteStore(path.join(dir, 'ingest.db'));
    const copies = 20;
    let pipelineMs = 0;
    let storeMs = 0;
    for (let i = 0; i < copies; i++) {
      const text = base.replace(/\n/, `\n(Update ${i + 1}: this report was revised.)\n`);
      let t = performance.now();
      const doc = extractText(text, { source: `bench-${i}.txt`, published: '2022-08-02' });
      pipelineMs += performance.now() - t;
      t = performance.now();
      store.ingest(doc);
      storeMs += performance.now() - t;
    }
    const stats = store.stats();
    store.close();
    log(`ingest (${copies} variants of a ${words}-word article → ${stats.entities} actors, ${stats.facts} facts, ${stats.evidence} evidence rows)`);
    log(`  store only:          ${(copies / (storeMs / 1000)).toFixed(1)} documents/s, ${((copies * words) / (storeMs / 1000)).toFixed(0)} words/s (${(storeMs / copies).toFixed(1)} ms/document)`);
    log(`  pipeline + store:    ${(copies / ((pipelineMs + storeMs) / 1000)).toFixed(1)} documents/s, ${((copies * words) / ((pipelineMs + storeMs) / 1000)).toFixed(0)} words/s`);

    // 2. A big synthetic store and the queries the HTTP API makes (target: p95 under 50 ms).
    const actors = Number(process.env.ACTORGRAPH_BENCH_ACTORS ?? 100_000);
    const facts = Number(process.env.ACTORGRAPH_BENCH_FACTS ?? 1_000_000);
    const file = path.join(dir, 'synthetic.db');
    const summary = generateSyntheticStore(file, { actors, facts });
    log(`synthetic store: ${summary.actors} actors, ${summary.facts} facts, ${summary.documents} documents written in ${summary.seconds.toFixed(1)} s, ${(statSync(file).size / 1e6).toFixed(0)} MB`);
    const big = openSqliteStore(file);
    const ids = (big.db.prepare('SELECT id FROM entities ORDER BY random() LIMIT 300').all() as Array<{ id: string }>).map((r) => r.id);
    const hubs = summary.sampleActors;
    latency('getActor + facts(actor, limit 200), random', ids.length, (i) => { big.getActor(ids[i]!); big.facts({ actor: ids[i]!, limit: 200 }); }, log);
    latency('getActor + facts(actor, limit 200), hubs', hubs.length * 5, (i) => { const id = hubs[i % hubs.length]!; big.getActor(id); big.facts({ actor: id, limit: 200 }); }, log);
    latency('neighbourhood depth 1 (limit 200), random', ids.length, (i) => { big.neighbourhood(ids[i]!, { depth: 1 }); }, log);
    latency('neighbourhood depth 1 (limit 200), hubs', hubs.length * 5, (i) => { big.neighbourhood(hubs[i % hubs.length]!, { depth: 1 }); }, log);
    latency('facts as-of a date (limit 200)', 100, (i) => { big.facts({ asOf: `${1990 + (i % 35)}-06-15`, limit: 200 }); }, log);
    latency('facts as-of a date, page 6 (offset 1000)', 100, (i) => { big.facts({ asOf: `${1990 + (i % 35)}-06-15`, limit: 200, offset: 1000 }); }, log);
    latency('facts between dates, a quarter (limit 200)', 100, (i) => { big.facts({ from: `${1990 + (i % 35)}-01-01`, to: `${1990 + (i % 35)}-03-31`, limit: 200 }); }, log);
    latency('facts from a date on (limit 200)', 100, (i) => { big.facts({ from: `${1980 + (i % 50)}`, limit: 200 }); }, log);
    latency('facts up to a date (limit 200)', 100, (i) => { big.facts({ to: `${1970 + (i % 50)}`, limit: 200 }); }, log);
    // In a mostly dated store few facts hold before the first start, and the rank walk alone
    // would read most of the table to fill a page (here the undated relations, a fifth, still hold).
    latency('facts as-of a date before any start', 100, (i) => { big.facts({ asOf: `${1900 + (i % 80)}-06-15`, limit: 200 }); }, log);
    const types = (big.db.prepare('SELECT DISTINCT type FROM facts').all() as Array<{ type: string }>).map((r) => r.type);
    latency('facts of a type (limit 200)', 100, (i) => { big.facts({ type: types[i % types.length]!, limit: 200 }); }, log);
    latency('facts of a type as-of a date (limit 200)', 100, (i) => { big.facts({ type: types[i % types.length]!, asOf: `${1990 + (i % 35)}-06-15`, limit: 200 }); }, log);
    latency('facts as-of a date for an actor', ids.length, (i) => { big.facts({ actor: ids[i]!, asOf: `${1990 + (i % 35)}-06-15`, limit: 200 }); }, log);
    latency('timeline(actor), random', ids.length, (i) => { big.timeline(ids[i]!); }, log);
    latency('timeline(actor), hubs (thousands of facts)', hubs.length * 3, (i) => { big.timeline(hubs[i % hubs.length]!); }, log);
    latency('timeline(actor, limit 500), hubs', hubs.length * 3, (i) => { big.timeline(hubs[i % hubs.length]!, { limit: 500 }); }, log);
    latency('full-text search over evidence (limit 50)', 100, (i) => { big.searchEvidence(i % 2 ? 'pact' : 'clashed', 50); }, log);
    latency('factGroups(actor, top 3): actor page, hubs', hubs.length * 5, (i) => { big.factGroups(hubs[i % hubs.length]!, { top: 3 }); }, log);
    latency('factGroups(actor, top 3): actor page, random', ids.length, (i) => { big.factGroups(ids[i]!, { top: 3 }); }, log);
    latency('stats() (counts kept by triggers)', 100, () => { big.stats(); }, log);
    const documents = summary.documents;
    latency('listDocuments(200 per page), any page', 100, (i) => { big.listDocuments({ limit: 200, offset: (i * 7919) % documents }); }, log);
    const contradictions = big.stats().contradictions;
    latency(`contradictions(100 per page) of ${contradictions}`, 100, (i) => { big.contradictions({ limit: 100, offset: (i * 997) % Math.max(1, contradictions) }); }, log);
    latency('contradictions(actor), hubs', hubs.length * 5, (i) => { big.contradictions({ actor: hubs[i % hubs.length]!, limit: 100 }); }, log);
    latency('findActors(search, limit 50)', 100, (i) => { big.findActors({ search: ['ka', 'dor', 'ran front', 'zan'][i % 4]!, limit: 50 }); }, log);
    for (const maxFacts of [5_000, 20_000]) {
      latency(`communities(best ${maxFacts.toLocaleString('en')} facts)`, 3, () => { big.communities({ maxFacts }); }, log);
    }
    latency('communities(hub, 2 hops, 20,000 facts)', 3, () => { big.communities({ actor: hubs[0]!, maxFacts: 20_000 }); }, log);
    big.close();
    const usage = process.resourceUsage();
    log(`peak memory (maxRSS): ${(usage.maxRSS / 1024).toFixed(0)} MB; heap used now ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
