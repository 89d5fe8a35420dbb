// The JSON HTTP API over a Store, plus the web page's static files. One error handler turns
// HttpError (and InputError from deeper code) into `{ error }` JSON; anything else is a 500 that
// says nothing about internals.
import { Hono } from 'hono';
import type { Store, StoredFact } from '../store/types.js';
import { InputError } from '../model/errors.js';
import { HttpError, badParameter, notFound } from './errors.js';
import { Query, checkOrder } from './params.js';
import { actorsOf, documentsOf, profileGroups } from './views.js';
import { DEFAULT_COMMUNITY_FACTS } from '../graph/communities.js';
import { openApiDocument } from './openapi.js';
import { mountStatic } from './static.js';

/** About how many facts one actor page shows, spread over its groups (see profileGroups). */
const PROFILE_FACTS = 200;
/** Deepest page a paged route serves (offset paging walks what it skips). */
const MAX_OFFSET = 1_000_000;

export function createApp(store: Store): Hono {
  const app = new Hono();

  const actorParam = (ref: string, parameter = 'id') => {
    const actor = store.getActor(ref);
    if (!actor) throw notFound(`no actor "${ref}"`, parameter);
    return actor;
  };

  app.get('/api/stats', (c) => {
    new Query(c, []);
    return c.json(store.stats());
  });

  app.get('/api/actors', (c) => {
    const q = new Query(c, ['search', 'type', 'limit']);
    const actors = store.findActors({ search: q.string('search'), type: q.entityType('type'), limit: q.int('limit', { min: 1, max: 1000, fallback: 50 }) });
    return c.json({ actors });
  });

  app.get('/api/actors/:id', (c) => {
    new Query(c, []);
    const actor = actorParam(c.req.param('id'));
    // Every group of the actor's facts with its count, and the strongest few of each: a hub with
    // thousands of facts costs one small index walk per group, and a `next` link pages the rest.
    const groups = profileGroups(store, actor.id, PROFILE_FACTS);
    const shown = groups.flatMap((g) => g.facts);
    return c.json({
      actor,
      aliases: actor.aliases,
      groups,
      truncated: groups.some((g) => g.next !== null),
      actors: actorsOf(store, shown, [actor]),
      documents: documentsOf(store, shown),
    });
  });

  app.get('/api/actors/:id/neighbourhood', (c) => {
    const q = new Query(c, ['depth', 'asOf', 'limit']);
    const depth = q.int('depth', { min: 1, max: 3, fallback: 1 });
    const asOf = q.date('asOf');
    const limit = q.int('limit', { min: 1, max: 2000, fallback: 200 });
    const actor = actorParam(c.req.param('id'));
    const { nodes, edges } = store.neighbourhood(actor.id, { depth, asOf, limit });
    return c.json({ center: actor.id, asOf: asOf ?? null, depth, nodes, edges, documents: documentsOf(store, edges) });
  });

  app.get('/api/actors/:id/timeline', (c) => {
    const q = new Query(c, ['limit']);
    const limit = q.int('limit', { min: 1, max: 5000, fallback: 200 });
    const actor = actorParam(c.req.param('id'));
    // The best-supported facts put in time order here, rather than Store.timeline: that reads
    // every fact of the actor (thousands for a hub) and measured 120-540 ms a call on the
    // 1M-fact benchmark store, where this takes a few milliseconds.
    const found = store.facts({ actor: actor.id, limit: limit + 1 });
    const facts = found.slice(0, limit).sort((a, b) => timeOrder(a).localeCompare(timeOrder(b)));
    return c.json({ actor, facts, truncated: found.length > limit, actors: actorsOf(store, facts, [actor]), documents: documentsOf(store, facts) });
  });

  app.get('/api/facts', (c) => {
    const q = new Query(c, ['actor', 'side', 'type', 'asOf', 'from', 'to', 'limit', 'offset']);
    const ref = q.string('actor');
    const side = q.oneOf('side', ['subject', 'object']) as 'subject' | 'object' | undefined;
    if (side && !ref) throw badParameter('side', 'needs actor');
    const type = q.factType('type');
    const asOf = q.date('asOf');
    const from = q.date('from');
    const to = q.date('to');
    checkOrder(from, to);
    const limit = q.int('limit', { min: 1, max: 5000, fallback: 200 });
    const offset = q.int('offset', { min: 0, max: MAX_OFFSET, fallback: 0 });
    const actor = ref ? actorParam(ref, 'actor') : undefined;
    const facts = store.facts({ actor: actor?.id, side, type, asOf, from, to, limit, offset });
    return c.json({ facts, actors: actorsOf(store, facts), documents: documentsOf(store, facts) });
  });

  app.get('/api/path', (c) => {
    const q = new Query(c, ['from', 'to', 'asOf', 'maxDepth']);
    const fromRef = q.required('from');
    const toRef = q.required('to');
    const asOf = q.date('asOf');
    const maxDepth = q.int('maxDepth', { min: 1, max: 6, fallback: 4 });
    // Parameters are all checked before any lookup, so a 400 comes before a 404.
    const from = actorParam(fromRef, 'from');
    const to = actorParam(toRef, 'to');
    const path = store.path(from.id, to.id, { asOf, maxDepth });
    return c.json({ from: from.id, to: to.id, path, actors: actorsOf(store, path ?? [], [from, to]) });
  });

  app.get('/api/changes', (c) => {
    const q = new Query(c, ['from', 'to', 'limit']);
    const from = q.date('from');
    const to = q.date('to');
    if (!from) throw badParameter('from', 'required');
    if (!to) throw badParameter('to', 'required');
    checkOrder(from, to);
    const limit = q.int('limit', { min: 1, max: 5000, fallback: 100 });
    const { started, ended, events, counts } = store.changes(from, to, { limit });
    return c.json({ from, to, started, ended, events, counts, actors: actorsOf(store, [...started, ...ended, ...events]) });
  });

  app.get('/api/search', (c) => {
    const q = new Query(c, ['q', 'limit']);
    const text = q.required('q');
    const limit = q.int('limit', { min: 1, max: 500, fallback: 50 });
    const hits = store.searchEvidence(text, limit);
    return c.json({ q: text, hits, documents: documentsOf(store, hits.map((h) => ({ evidence: [h] }))) });
  });

  app.get('/api/documents', (c) => {
    const q = new Query(c, ['limit', 'offset']);
    const limit = q.int('limit', { min: 1, max: 1000, fallback: 100 });
    const offset = q.int('offset', { min: 0, max: MAX_OFFSET, fallback: 0 });
    const total = store.stats().documents;
    const documents = store.listDocuments({ limit, offset });
    return c.json({ total, offset, documents, next: offset + documents.length < total ? `/api/documents?limit=${limit}&offset=${offset + limit}` : null });
  });

  app.get('/api/documents/:id', (c) => {
    new Query(c, []);
    const id = c.req.param('id');
    const document = store.getDocument(id);
    if (!document) throw notFound(`no document "${id}"`, 'id');
    const facts = documentFacts(store, id);
    const evidence = facts.flatMap((f) => f.evidence.filter((e) => e.documentId === id).map((e) => ({ start: e.start, end: e.end, factId: f.id, type: f.type, subject: f.subject, object: f.object })));
    evidence.sort((a, b) => a.start - b.start || b.end - a.end);
    return c.json({ document, evidence, facts, actors: actorsOf(store, facts) });
  });

  app.get('/api/communities', (c) => {
    const q = new Query(c, ['actor', 'maxFacts', 'limit']);
    const ref = q.string('actor');
    const maxFacts = q.int('maxFacts', { min: 1, max: 200_000, fallback: DEFAULT_COMMUNITY_FACTS });
    const limit = q.int('limit', { min: 1, max: 1000, fallback: 100 });
    const actor = ref ? actorParam(ref, 'actor') : undefined;
    const found = store.communities({ actor: actor?.id, maxFacts });
    const communities = found.communities.slice(0, limit);
    const actors: Record<string, { id: string; name: string; type: string }> = {};
    for (const group of communities) {
      for (const id of group.members.slice(0, 50)) {
        const e = store.getActor(id);
        if (e) actors[id] = { id: e.id, name: e.name, type: e.type };
      }
    }
    return c.json({ communities, facts: found.facts, complete: found.complete, actors });
  });

  app.get('/api/contradictions', (c) => {
    const q = new Query(c, ['actor', 'limit', 'offset']);
    const ref = q.string('actor');
    const limit = q.int('limit', { min: 1, max: 1000, fallback: 100 });
    const offset = q.int('offset', { min: 0, max: MAX_OFFSET, fallback: 0 });
    const actor = ref ? actorParam(ref, 'actor') : undefined;
    const contradictions = store.contradictions({ actor: actor?.id, limit: limit + 1, offset });
    const more = contradictions.length > limit;
    const next = more ? `/api/contradictions?${actor ? `actor=${encodeURIComponent(actor.id)}&` : ''}limit=${limit}&offset=${offset + limit}` : null;
    return c.json({ total: actor ? null : store.stats().contradictions, offset, contradictions: contradictions.slice(0, limit), next });
  });

  app.get('/openapi.json', (c) => c.json(openApiDocument()));

  mountStatic(app);

  app.notFound((c) => c.json({ error: { status: 404, message: `no route ${c.req.method} ${c.req.path}` } }, 404));
  app.onError((err, c) => {
    if (err instanceof HttpError) {
      return c.json({ error: { status: err.status, message: err.message, ...(err.parameter ? { parameter: err.parameter } : {}) } }, err.status);
    }
    if (err instanceof InputError) return c.json({ error: { status: 400, message: err.message, parameter: err.input } }, 400);
    console.error(err);
    return c.json({ error: { status: 500, message: 'internal error' } }, 500);
  });
  return app;
}

/** The first moment of a fact, for time order; undated facts sort last. */
const timeOrder = (f: StoredFact) => f.time?.at ?? f.time?.start ?? f.time?.end ?? '\uffff';

const DOCUMENT_FACTS = 5000;

/** The facts with evidence in one document (evidence from other documents is kept on them). */
function documentFacts(store: Store, id: string): StoredFact[] {
  return store.facts({ document: id, limit: DOCUMENT_FACTS }).filter((f) => f.evidence.some((e) => e.documentId === id));
}
