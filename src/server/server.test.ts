// The API over a real SQLite store holding the example article run through the real pipeline.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../store/index.js';
import { docA, docB, docC } from '../store/contract.js';
import { hubDoc } from '../store/fixtures.js';
import { extractText } from '../pipeline/index.js';
import { exampleArticle, hasShared } from '../testing/shared.js';
import { createApp, startServer } from './index.js';
import { openApiDocument } from './openapi.js';
import type { Hono } from 'hono';

// An article written for this test, so the API is exercised even without ../shared.
const OWN_ARTICLE = `Northern Front and Coastal Union sign a pact

The Northern Front, an armed group led by Commander Ilsa Varga since 2015, sealed an alliance with the Coastal Union in March 2019, according to a statement published in Marlow. The Northern Front attacked the port of Delmar on 4 May 2021. The Coastal Union was founded by Piet Osei in 2004. <script>alert("x")</script> and Tom & Jerry were not involved.
`;

function load(store: SqliteStore, text: string, source: string, published: string) {
  return store.ingest(extractText(text, { source, published }));
}

async function get(app: Hono, path: string): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await app.request(path);
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, body: type.includes('json') ? await res.json() : await res.text(), headers: res.headers };
}

describe('API on an article of our own', () => {
  let store: SqliteStore;
  let app: Hono;
  beforeAll(() => {
    store = openSqliteStore(':memory:');
    load(store, OWN_ARTICLE, 'own/northern-front.txt', '2021-06-01');
    app = createApp(store);
  });
  afterAll(() => store.close());

  it('answers stats, actor lists and documents', async () => {
    const stats = await get(app, '/api/stats');
    expect(stats.status).toBe(200);
    expect(stats.body.documents).toBe(1);
    expect(stats.body.entities).toBeGreaterThan(0);
    const docs = await get(app, '/api/documents');
    expect(docs.body.total).toBe(1);
    const doc = await get(app, `/api/documents/${docs.body.documents[0].id}`);
    expect(doc.body.document.text).toContain('<script>alert("x")</script>');
    for (const span of doc.body.evidence) expect(span.end).toBeGreaterThan(span.start);
  });

  it('refuses bad parameters with 400 naming the parameter', async () => {
    const cases: Array<[string, string]> = [
      ['/api/actors?limit=abc', 'limit'],
      ['/api/actors?limit=0', 'limit'],
      ['/api/actors?type=ALIEN', 'type'],
      ['/api/actors?serch=x', 'serch'],
      ['/api/facts?asOf=2021-02-30', 'asOf'],
      ['/api/facts?from=yesterday', 'from'],
      ['/api/facts?from=2022&to=2021', 'from'],
      ['/api/facts?type=hugged', 'type'],
      ['/api/changes?from=2020-01-01', 'to'],
      ['/api/search', 'q'],
      ['/api/search?q=a&q=b', 'q'],
      ['/api/path?from=x', 'to'],
      ['/api/stats?x=1', 'x'],
      ['/api/documents?offset=-1', 'offset'],
    ];
    for (const [path, parameter] of cases) {
      const res = await get(app, path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.parameter, path).toBe(parameter);
      expect(res.body.error.message, path).toContain(parameter);
    }
  });

  it('answers 404 JSON for unknown actors, documents and routes', async () => {
    for (const path of ['/api/actors/nobody-at-all', '/api/actors/nobody-at-all/neighbourhood', '/api/documents/abc', '/api/nothing', '/api/facts?actor=nobody-at-all']) {
      const res = await get(app, path);
      expect(res.status, path).toBe(404);
      expect(res.body.error.status).toBe(404);
    }
  });

  it('serves the page with a policy that allows only its own scripts, and the network library', async () => {
    const page = await get(app, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script type="module" src="/app.js">');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    for (const file of ['/app.js', '/dom.js', '/api.js', '/views.js', '/network.js', '/style.css', '/vendor/cytoscape.min.js']) {
      const res = await app.request(file);
      expect(res.status, file).toBe(200);
      expect((await res.text()).length, file).toBeGreaterThan(100);
    }
    // The page builds elements and text nodes; it never assigns markup.
    for (const file of ['app.js', 'dom.js', 'views.js', 'network.js']) {
      expect(readFileSync(new URL(`../web/${file}`, import.meta.url), 'utf8'), file).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    }
  });

  it('describes every route in /openapi.json, and only those', async () => {
    const doc = (await get(app, '/openapi.json')).body as ReturnType<typeof openApiDocument>;
    expect(doc.openapi).toBe('3.1.0');
    const served = new Set(app.routes.filter((r) => r.path.startsWith('/api/')).map((r) => r.path.replace(/:(\w+)/g, '{$1}')));
    expect(new Set(Object.keys(doc.paths))).toEqual(served);
    // Every query parameter a route accepts is documented: asking with each one is not a 400.
    for (const [path, item] of Object.entries(doc.paths)) {
      const params = ((item as any).get.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => p.name);
      const res = await app.request(`${path.replace('{id}', 'x')}?${params.map((p: string) => `${p}=%20`).join('&')}`);
      if (res.status === 400) {
        const body = await res.json() as any;
        expect(params, `${path}: ${body.error.message}`).toContain(body.error.parameter);
        expect(body.error.message).not.toMatch(/unknown parameter/);
      }
    }
  });

  it('listens on 127.0.0.1 and closes', async () => {
    const server = await startServer({ store, port: 0 });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/api/stats`);
    expect((await res.json() as any).documents).toBe(1);
    await server.close();
    await expect(fetch(`${server.url}/api/stats`)).rejects.toThrow();
  });
});

describe.skipIf(!hasShared)('API on the example article', () => {
  let store: SqliteStore;
  let app: Hono;
  beforeAll(() => {
    store = openSqliteStore(':memory:');
    load(store, readFileSync(exampleArticle, 'utf8'), exampleArticle, '2022-08-02');
    app = createApp(store);
  });
  afterAll(() => store.close());

  it('finds the Taliban and shows its profile with quoted, linked evidence', async () => {
    const found = await get(app, '/api/actors?search=taliban');
    expect(found.status).toBe(200);
    const taliban = found.body.actors[0];
    expect(taliban.name).toMatch(/Taliban/);
    const profile = await get(app, `/api/actors/${encodeURIComponent(taliban.id)}`);
    expect(profile.status).toBe(200);
    expect(profile.body.groups.length).toBeGreaterThan(0);
    const docs = (await get(app, '/api/documents')).body.documents;
    const text: string = (await get(app, `/api/documents/${docs[0].id}`)).body.document.text;
    for (const group of profile.body.groups) {
      for (const f of group.facts) {
        expect([f.subject, f.object]).toContain(taliban.id);
        expect(profile.body.actors[f.other ?? f.subject]).toBeDefined();
        for (const ev of f.evidence) {
          expect(profile.body.documents[ev.documentId].title).toBeTruthy();
          expect(text.slice(ev.start, ev.end)).toBe(ev.text);
        }
      }
    }
  });

  it('gives a neighbourhood that shrinks as of an early date, and a timeline in time order', async () => {
    const taliban = (await get(app, '/api/actors?search=taliban')).body.actors[0];
    const all = (await get(app, `/api/actors/${taliban.id}/neighbourhood?depth=2`)).body;
    expect(all.nodes.some((n: any) => n.id === taliban.id)).toBe(true);
    expect(all.edges.length).toBeGreaterThan(1);
    const early = (await get(app, `/api/actors/${taliban.id}/neighbourhood?depth=2&asOf=1990-01-01`)).body;
    expect(early.edges.length).toBeLessThan(all.edges.length);
    const timeline = (await get(app, `/api/actors/${taliban.id}/timeline`)).body.facts;
    const dates = timeline.map((f: any) => f.time?.at ?? f.time?.start ?? f.time?.end).filter(Boolean);
    expect(dates.length).toBeGreaterThan(0);
  });

  it('searches evidence and highlights it in the document', async () => {
    const hits = (await get(app, '/api/search?q=Kabul')).body;
    expect(hits.hits.length).toBeGreaterThan(0);
    const hit = hits.hits[0];
    expect(hit.text).toMatch(/Kabul/);
    const doc = (await get(app, `/api/documents/${hit.documentId}`)).body;
    const span = doc.evidence.find((e: any) => e.factId === hit.factId);
    expect(doc.document.text.slice(span.start, span.end)).toBe(hit.text);
  });

  it('answers facts, path, changes, communities and contradictions', async () => {
    const facts = (await get(app, '/api/facts?from=2001&to=2022')).body.facts;
    expect(facts.length).toBeGreaterThan(0);
    const [a, b] = (await get(app, '/api/actors?limit=2')).body.actors;
    const path = await get(app, `/api/path?from=${a.id}&to=${b.id}`);
    expect(path.status).toBe(200);
    const changes = await get(app, '/api/changes?from=2021-01-01&to=2022-12-31');
    expect(changes.body.events.length + changes.body.started.length).toBeGreaterThan(0);
    expect((await get(app, '/api/communities')).status).toBe(200);
    expect((await get(app, '/api/contradictions')).status).toBe(200);
  });
});

describe.skipIf(!hasShared)('ingesting again', () => {
  const routes = async (app: Hono, store: SqliteStore) => {
    const strip = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'ingestedAt' ? undefined : v)));
    const actors = (await get(app, '/api/actors?limit=1000')).body.actors;
    const out: Record<string, unknown> = { stats: store.stats(), actors };
    for (const a of actors) {
      out[`profile ${a.id}`] = (await get(app, `/api/actors/${encodeURIComponent(a.id)}`)).body;
      out[`hood ${a.id}`] = (await get(app, `/api/actors/${encodeURIComponent(a.id)}/neighbourhood?depth=2`)).body;
      out[`timeline ${a.id}`] = (await get(app, `/api/actors/${encodeURIComponent(a.id)}/timeline`)).body;
    }
    out.facts = (await get(app, '/api/facts?limit=5000')).body;
    out.documents = (await get(app, '/api/documents')).body;
    out.contradictions = (await get(app, '/api/contradictions')).body;
    out.communities = (await get(app, '/api/communities')).body;
    return strip(out);
  };

  it('the same article twice, or removed and added again, leaves identical API results', async () => {
    const text = readFileSync(exampleArticle, 'utf8');
    const store = openSqliteStore(':memory:');
    const app = createApp(store);
    const first = load(store, text, exampleArticle, '2022-08-02');
    const once = await routes(app, store);
    expect(load(store, text, exampleArticle, '2022-08-02').added).toBe(false);
    expect(await routes(app, store)).toEqual(once);
    expect(store.removeDocument(first.documentId)).toBe(true);
    expect(store.stats().facts).toBe(0);
    load(store, text, exampleArticle, '2022-08-02');
    expect(await routes(app, store)).toEqual(once);
    store.close();
  });
});

describe('the serve command', () => {
  it('refuses bad flags and a missing database before listening', async () => {
    const { serveCommand } = await import('../cli/commands/serve.js');
    await expect(serveCommand.run(['--port', 'eighty', '--db', ':memory:'])).rejects.toThrow(/--port eighty: not a port number/);
    await expect(serveCommand.run(['--port', '70000'])).rejects.toThrow(/not a port number/);
    await expect(serveCommand.run(['--db', '/nonexistent/folder/graph.db'])).rejects.toThrow(/no such database/);
    await expect(serveCommand.run(['graph.db'])).rejects.toThrow(/takes no arguments/);
  });

  it('says which port is taken', async () => {
    const { serveCommand } = await import('../cli/commands/serve.js');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'actorgraph-serve-'));
    const db = path.join(dir, 'g.db');
    const store = openSqliteStore(db);
    const busy = await startServer({ store, port: 0 });
    try {
      const port = new URL(busy.url).port;
      await expect(serveCommand.run(['--db', db, '--port', port])).rejects.toThrow(new RegExp(`--port ${port}: already in use`));
    } finally {
      await busy.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('paged routes on a store with a hub', () => {
  let store: SqliteStore;
  let app: Hono;
  beforeAll(() => {
    store = openSqliteStore(':memory:');
    for (const doc of [docA, docB, docC, hubDoc('api', 45)]) store.ingest(doc);
    app = createApp(store);
  });
  afterAll(() => store.close());

  it('shows every group of an actor with its count and pages the rest of a big group through next', async () => {
    const hub = store.getActor('Delta Council')!;
    const profile = (await get(app, `/api/actors/${encodeURIComponent(hub.id)}`)).body;
    expect(profile.truncated).toBe(true);
    expect(profile.groups).toHaveLength(1);
    const [group] = profile.groups;
    expect(group).toMatchObject({ type: 'supports', direction: 'out', count: 45 });
    expect(group.facts.length).toBeLessThan(45);
    const seen = group.facts.map((f: any) => f.id);
    for (let next = group.next; next;) {
      const page = (await get(app, next)).body;
      expect(page.facts.length).toBeGreaterThan(0);
      for (const f of page.facts) expect(profile.actors[f.object] ?? page.actors[f.object]).toBeDefined();
      seen.push(...page.facts.map((f: any) => f.id));
      const url = new URL(next, 'http://x');
      url.searchParams.set('offset', String(seen.length));
      next = seen.length < group.count ? url.pathname + url.search : null;
    }
    expect(new Set(seen).size).toBe(45);
    expect(new Set(seen)).toEqual(new Set(store.facts({ actor: hub.id }).map((f) => f.id)));
    // A symmetric relation is one group whichever end the actor is on.
    const taliban = store.getActor('Taliban')!;
    const talibanGroups = (await get(app, `/api/actors/${encodeURIComponent(taliban.id)}`)).body.groups;
    const allied = talibanGroups.filter((g: any) => g.type === 'allied_with');
    expect(allied).toHaveLength(1);
    expect(allied[0].count).toBe(store.facts({ actor: taliban.id, type: 'allied_with' }).length);
    expect(talibanGroups.find((g: any) => g.type === 'rival_of').next).toBeNull();
  });

  it('pages documents and contradictions, with totals and next links', async () => {
    const first = (await get(app, '/api/documents?limit=3')).body;
    expect(first.total).toBe(4);
    expect(first.documents).toHaveLength(3);
    const second = (await get(app, first.next)).body;
    expect(second.documents).toHaveLength(1);
    expect(second.next).toBeNull();
    expect([...first.documents, ...second.documents].map((d: any) => d.id)).toEqual(store.listDocuments().map((d) => d.id));
    const all = (await get(app, '/api/contradictions')).body;
    expect(all.total).toBe(all.contradictions.length);
    expect(all.total).toBeGreaterThan(1);
    const one = (await get(app, '/api/contradictions?limit=1')).body;
    expect(one.contradictions).toEqual(all.contradictions.slice(0, 1));
    expect((await get(app, one.next)).body.contradictions).toEqual(all.contradictions.slice(1, 2));
    const mine = (await get(app, '/api/contradictions?actor=Taliban')).body;
    expect(mine.contradictions.length).toBeGreaterThan(0);
    expect((await get(app, '/api/contradictions?actor=Delta%20Council')).body.contradictions).toEqual([]);
    for (const [path, parameter] of [['/api/contradictions?offset=x', 'offset'], ['/api/facts?side=subject', 'side'], ['/api/facts?actor=Taliban&side=left', 'side'], ['/api/communities?maxFacts=0', 'maxFacts']]) {
      const res = await get(app, path!);
      expect(res.status, path).toBe(400);
      expect(res.body.error.parameter, path).toBe(parameter);
    }
  });

  it('bounds communities and says so', async () => {
    const bounded = (await get(app, '/api/communities?maxFacts=3')).body;
    expect(bounded).toMatchObject({ facts: 3, complete: false });
    const around = (await get(app, '/api/communities?actor=Delta%20Council')).body;
    expect(around.complete).toBe(true);
    expect(around.communities[0].members).toContain(store.getActor('Delta Council')!.id);
  });
});
