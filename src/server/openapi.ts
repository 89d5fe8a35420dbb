// The API's OpenAPI 3.1 description, served at /openapi.json. A test checks that every route the
// app answers is described here and every path described here is answered.
const str = { type: 'string' } as const;
const date = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD' } as const;
const int = (min: number, max: number, dflt: number) => ({ type: 'integer', minimum: min, maximum: max, default: dflt });

const q = (name: string, schema: object, description: string, required = false) => ({ name, in: 'query', required, schema, description });
const idParam = (description: string) => ({ name: 'id', in: 'path', required: true, schema: str, description });

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ok = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } });
const errors = { 400: { description: 'A bad parameter (named in error.parameter)', content: { 'application/json': { schema: ref('Error') } } }, 404: { description: 'Unknown actor, document or route', content: { 'application/json': { schema: ref('Error') } } } };
const obj = (properties: Record<string, object>, required: string[] = Object.keys(properties)) => ({ type: 'object', properties, required });
const map = (schema: object) => ({ type: 'object', additionalProperties: schema });
const arr = (items: object) => ({ type: 'array', items });
const nullable = (schema: object) => ({ oneOf: [schema, { type: 'null' }] });

const actorRef = 'the actor\'s id, exact name or alias';
const count = { type: 'integer', minimum: 0 } as const;

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'actorgraph API',
      version: '0.1.0',
      description: 'Read-only JSON API over the actor graph: actors, their relations and events in time, the evidence sentences and the documents they come from.',
    },
    paths: {
      '/api/stats': { get: { summary: 'Counts of documents, actors, facts and evidence', responses: { 200: ok('Counts', obj({ documents: count, entities: count, facts: count, evidence: count, contradictions: count })), ...errors } } },
      '/api/actors': { get: {
        summary: 'Find actors by name or alias', parameters: [q('search', str, 'text in a name or alias'), q('type', { enum: ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'EVENT', 'LAW', 'FAC', 'PRODUCT'] }, 'entity type'), q('limit', int(1, 1000, 50), 'most actors returned')],
        responses: { 200: ok('Actors, best known first', obj({ actors: arr(ref('Actor')) })), ...errors } } },
      '/api/actors/{id}': { get: {
        summary: 'An actor\'s profile: aliases, and every group of its relations and events (by type and direction) with its count and its strongest facts, about 200 facts in all; `next` pages through the rest of a group',
        parameters: [idParam(actorRef)],
        responses: { 200: ok('Profile', obj({ actor: ref('Actor'), aliases: arr(str), groups: arr(obj({ kind: str, type: str, direction: { enum: ['out', 'in'] }, count: { type: 'integer', description: 'all the actor\'s facts in the group' }, facts: arr(ref('Fact')), next: nullable({ type: 'string', description: '/api/facts route listing the rest of the group' }) })), truncated: { type: 'boolean', description: 'some group has more facts than shown' }, actors: map(ref('ActorRef')), documents: map(ref('DocumentRef')) })), ...errors } } },
      '/api/actors/{id}/neighbourhood': { get: {
        summary: 'Actors and facts around an actor, optionally as of a date', parameters: [idParam(actorRef), q('depth', int(1, 3, 1), 'hops'), q('asOf', date, 'only facts that held or happened on that date'), q('limit', int(1, 2000, 200), 'most facts')],
        responses: { 200: ok('Neighbourhood', obj({ center: str, asOf: nullable(str), depth: { type: 'integer' }, nodes: arr(ref('Actor')), edges: arr(ref('Fact')), documents: map(ref('DocumentRef')) })), ...errors } } },
      '/api/actors/{id}/timeline': { get: {
        summary: 'An actor\'s best-supported facts (events, relations with their start and end) in time order, undated last', parameters: [idParam(actorRef), q('limit', int(1, 5000, 200), 'most facts')],
        responses: { 200: ok('Timeline', obj({ actor: ref('Actor'), facts: arr(ref('Fact')), truncated: { type: 'boolean' }, actors: map(ref('ActorRef')), documents: map(ref('DocumentRef')) })), ...errors } } },
      '/api/facts': { get: {
        summary: 'Facts filtered by actor, type and time, best supported first',
        parameters: [q('actor', str, actorRef), q('side', { enum: ['subject', 'object'] }, 'with actor: only facts where the actor is the subject, or the object'), q('type', str, 'relation, PLOVER event or life event type'), q('asOf', date, 'held or happened on that date'), q('from', date, 'on or after'), q('to', date, 'on or before'), q('limit', int(1, 5000, 200), 'most facts'), q('offset', int(0, 1_000_000, 0), 'skip this many (paging)')],
        responses: { 200: ok('Facts', obj({ facts: arr(ref('Fact')), actors: map(ref('ActorRef')), documents: map(ref('DocumentRef')) })), ...errors } } },
      '/api/path': { get: {
        summary: 'The shortest chain of facts linking two actors', parameters: [q('from', str, actorRef, true), q('to', str, actorRef, true), q('asOf', date, 'only facts that held then'), q('maxDepth', int(1, 6, 4), 'most hops')],
        responses: { 200: ok('Path (null when none)', obj({ from: str, to: str, path: nullable(arr(ref('Fact'))), actors: map(ref('ActorRef')) })), ...errors } } },
      '/api/changes': { get: {
        summary: 'What started, ended or happened between two dates', parameters: [q('from', date, 'first date', true), q('to', date, 'last date', true), q('limit', int(1, 5000, 100), 'most facts per list, the first by date (counts give them all)')],
        responses: { 200: ok('Changes', obj({ from: str, to: str, started: arr(ref('Fact')), ended: arr(ref('Fact')), events: arr(ref('Fact')), counts: obj({ started: { type: 'integer' }, ended: { type: 'integer' }, events: { type: 'integer' } }), actors: map(ref('ActorRef')) })), ...errors } } },
      '/api/search': { get: {
        summary: 'Full-text search over evidence sentences', parameters: [q('q', str, 'words to find', true), q('limit', int(1, 500, 50), 'most hits')],
        responses: { 200: ok('Hits', obj({ q: str, hits: arr({ allOf: [ref('Evidence'), obj({ factId: str })] }), documents: map(ref('DocumentRef')) })), ...errors } } },
      '/api/documents': { get: {
        summary: 'Stored documents by publication date (undated last), a page at a time', parameters: [q('limit', int(1, 1000, 100), 'page size'), q('offset', int(0, 1_000_000, 0), 'documents to skip')],
        responses: { 200: ok('Documents', obj({ total: count, offset: count, documents: arr(ref('Document')), next: nullable({ type: 'string', description: 'route of the next page' }) })), ...errors } } },
      '/api/documents/{id}': { get: {
        summary: 'A document\'s text with the evidence spans to highlight', parameters: [idParam('document id (sha256 of its text)')],
        responses: { 200: ok('Document', obj({ document: { allOf: [ref('Document'), obj({ text: str })] }, evidence: arr(obj({ start: { type: 'integer' }, end: { type: 'integer' }, factId: str, type: str, subject: str, object: nullable(str) })), facts: arr(ref('Fact')), actors: map(ref('ActorRef')) })), ...errors } } },
      '/api/communities': { get: {
        summary: 'Groups of actors more linked to each other than to the rest, over the best-supported facts (of the store, or of an actor\'s two-hop neighbourhood), at most maxFacts of them',
        parameters: [q('actor', str, actorRef), q('maxFacts', int(1, 200_000, 20_000), 'most facts read (bounds the work)'), q('limit', int(1, 1000, 100), 'most groups')],
        responses: { 200: ok('Communities', obj({ communities: arr(obj({ id: { type: 'integer' }, members: arr(str) })), facts: { type: 'integer', description: 'facts read' }, complete: { type: 'boolean', description: 'false when facts were left out by maxFacts' }, actors: map(ref('ActorRef')) })), ...errors } } },
      '/api/contradictions': { get: {
        summary: 'Facts that cannot all be true (kept at ingest), a page at a time', parameters: [q('actor', str, `only those touching an actor: ${actorRef}`), q('limit', int(1, 1000, 100), 'page size'), q('offset', int(0, 1_000_000, 0), 'contradictions to skip')],
        responses: { 200: ok('Contradictions', obj({ total: nullable({ type: 'integer' }), offset: count, contradictions: arr(obj({ kind: { enum: ['allied_and_rival', 'asserted_and_negated', 'two_leaders'] }, facts: arr(str), note: str })), next: nullable(str) })), ...errors } } },
    },
    components: {
      schemas: {
        Error: obj({ error: obj({ status: { type: 'integer' }, message: str, parameter: str }, ['status', 'message']) }),
        Actor: obj({ id: str, name: str, type: str, subtype: nullable(str), catalogId: nullable(str), aliases: arr(str), mentionCount: { type: 'integer' }, documentCount: { type: 'integer' } }),
        ActorRef: obj({ id: str, name: str, type: str, subtype: nullable(str) }),
        Document: obj({ id: str, source: str, title: nullable(str), published: nullable(str), url: nullable(str), language: str, ingestedAt: str }),
        DocumentRef: obj({ id: str, title: nullable(str), source: str, published: nullable(str), url: nullable(str) }),
        Evidence: obj({ documentId: str, start: { type: 'integer' }, end: { type: 'integer' }, text: str }),
        Time: obj({ at: str, start: str, end: str, text: str }, []),
        Fact: obj({
          id: str, kind: { enum: ['relation', 'event', 'life'] }, type: str, mode: nullable(str), subject: str, object: nullable(str), place: nullable(str), mediator: nullable(str), role: nullable(str),
          time: nullable(ref('Time')), modality: { enum: ['asserted', 'negated', 'hedged', 'predicted', 'hypothetical'] }, attribution: nullable(obj({ speaker: str, cue: str })),
          confidence: { type: 'number' }, sources: { type: 'integer', description: 'documents that state it' },
          evidence: { ...arr(ref('Evidence')), description: 'the sentences that state it: at most 10 (by document, then position), all of them on a document\'s own page' },
        }, ['id', 'kind', 'type', 'subject', 'object', 'modality', 'confidence', 'sources', 'evidence']),
      },
    },
  };
}
