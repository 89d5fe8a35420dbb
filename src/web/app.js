// The analyst's page: a hash router over a few views (home, search, actor, document, documents,
// changes, contradictions). Every view loads only what it shows (one actor's neighbourhood,
// never the whole graph), so the page stays quick on stores of any size.
import { h, append, clear, debounce } from './dom.js';
import { api, enc } from './api.js';
import {
  actorLink, entityColour, errorBox, evidenceList, factLine, groupHeading, loading, qualifiers, timeKey, timeText,
  typeBadge, typeColour,
} from './views.js';
import { createNetwork } from './network.js';

const main = document.getElementById('main');
let cleanup = null;

function parseRoute() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
}

async function route() {
  cleanup?.();
  cleanup = null;
  const { parts, params } = parseRoute();
  clear(main);
  const view = h('div', { class: 'view' });
  const waiting = loading();
  main.append(waiting, view);
  try {
    if (parts.length === 0) await homeView(view);
    else if (parts[0] === 'search') await searchView(view, params.get('q') ?? '');
    else if (parts[0] === 'actor' && parts[1]) await actorView(view, parts[1]);
    else if (parts[0] === 'document' && parts[1]) await documentView(view, parts[1], params.get('fact'));
    else if (parts[0] === 'documents') await documentsView(view, params);
    else if (parts[0] === 'changes') await changesView(view, params);
    else if (parts[0] === 'contradictions') await contradictionsView(view, params);
    else append(view, [h('h1', {}, 'Not found'), h('p', {}, 'No such page. '), h('a', { href: '#/' }, 'Back to the start')]);
  } catch (err) {
    append(view, errorBox(err));
  } finally {
    waiting.remove();
  }
}

// ---------- home ----------

async function homeView(view) {
  document.title = 'actorgraph';
  const [stats, top] = await Promise.all([api('/api/stats'), api('/api/actors', { limit: 24 })]);
  // Listing documents reads every document's row (seconds at 100,000 documents, and the server
  // answers nothing else meanwhile): the home page lists them only for a small store.
  const docsCard = h('section', { class: 'card', id: 'latest-documents' }, h('h2', {}, 'Documents'), loading());
  if (stats.documents > 2000) {
    clear(docsCard);
    append(docsCard, [h('h2', {}, 'Documents'), h('p', {}, h('a', { href: '#/documents' }, `Browse all ${stats.documents.toLocaleString('en')} documents →`))]);
  } else api('/api/documents', { limit: 8 }).then((docs) => {
    clear(docsCard);
    append(docsCard, [h('h2', {}, 'Documents'), documentList(docs.documents), h('p', {}, h('a', { href: '#/documents' }, `All ${docs.total.toLocaleString('en')} documents →`))]);
  }).catch((err) => append(docsCard, errorBox(err)));
  append(view, [
    h('section', { class: 'hero' },
      h('h1', {}, 'Who did what with whom, and when'),
      h('p', { class: 'lede' }, 'Actors, their alliances, rivalries, leaders and attacks, extracted from the articles you ingested — every link with the sentence that says so.'),
      h('div', { class: 'stat-cards' },
        statCard(stats.entities, 'actors'), statCard(stats.facts, 'relations & events'), statCard(stats.documents, 'documents'), statCard(stats.evidence, 'evidence sentences'))),
    h('div', { class: 'columns' },
      h('section', { class: 'card' }, h('h2', {}, 'Most documented actors'), actorTable(top.actors)),
      docsCard),
  ]);
}

const statCard = (n, label) => h('div', { class: 'stat-card' }, h('strong', {}, n.toLocaleString('en')), h('span', {}, label));

function actorTable(actors) {
  if (!actors.length) return h('p', { class: 'muted' }, 'No actors yet. Ingest articles with `actorgraph ingest`.');
  return h('table', { class: 'list' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Actor'), h('th', {}, 'Type'), h('th', { class: 'num' }, 'Documents'), h('th', { class: 'num' }, 'Mentions'))),
    h('tbody', {}, actors.map((a) => h('tr', {},
      h('td', {}, h('a', { href: `#/actor/${enc(a.id)}`, class: 'actor-link' }, h('span', { class: 'dot', style: `background:${entityColour(a.type)}` }), a.name),
        a.aliases.length ? h('div', { class: 'aliases' }, a.aliases.slice(0, 4).join(' · ')) : null),
      h('td', {}, h('span', { class: 'entity-type' }, a.type), a.subtype ? h('span', { class: 'muted' }, ` ${a.subtype}`) : null),
      h('td', { class: 'num' }, a.documentCount), h('td', { class: 'num' }, a.mentionCount)))));
}

function documentList(documents) {
  if (!documents.length) return h('p', { class: 'muted' }, 'No documents yet.');
  return h('ul', { class: 'doc-list' }, documents.map((d) => h('li', {},
    h('a', { href: `#/document/${enc(d.id)}` }, d.title ?? d.source),
    h('span', { class: 'muted' }, ` · ${d.published ?? 'undated'} · ${d.source}`))));
}

// ---------- search ----------

async function searchView(view, q) {
  document.title = `${q} — actorgraph`;
  document.getElementById('search').value = q;
  append(view, h('h1', {}, 'Search: ', h('span', { class: 'query' }, q)));
  if (!q.trim()) return append(view, h('p', {}, 'Type a name or some words.'));
  const [actors, evidence] = await Promise.all([
    api('/api/actors', { search: q, limit: 50 }),
    api('/api/search', { q, limit: 50 }).catch((err) => ({ hits: [], documents: {}, error: err })),
  ]);
  append(view, h('div', { class: 'columns' },
    h('section', { class: 'card', id: 'actor-results' }, h('h2', {}, `Actors (${actors.actors.length})`), actorTable(actors.actors)),
    h('section', { class: 'card', id: 'evidence-results' }, h('h2', {}, `Evidence (${sentences(evidence.hits).length} sentences)`),
      evidence.error ? errorBox(evidence.error) : null,
      evidence.hits.length === 0 ? h('p', { class: 'muted' }, 'No evidence sentence contains these words.') : null,
      sentences(evidence.hits).map(({ hit, facts }) => {
        const d = evidence.documents[hit.documentId];
        return h('figure', { class: 'quote' }, h('blockquote', {}, hit.text),
          h('figcaption', {}, h('a', { href: `#/document/${enc(hit.documentId)}?fact=${enc(hit.factId)}`, class: 'source-link' }, '↗ ', d?.title ?? d?.source ?? 'document'),
            d?.published ? h('span', { class: 'muted' }, ` · ${d.published}`) : null,
            facts > 1 ? h('span', { class: 'muted' }, ` · evidence for ${facts} facts`) : null));
      }))));
  if (actors.actors.length === 1 && evidence.hits.length === 0) location.hash = `#/actor/${enc(actors.actors[0].id)}`;
}

/** One entry per sentence: a sentence that supports several facts is shown once. */
function sentences(hits) {
  const seen = new Map();
  for (const hit of hits) {
    const key = `${hit.documentId}:${hit.start}:${hit.end}`;
    const entry = seen.get(key);
    if (entry) entry.facts++;
    else seen.set(key, { hit, facts: 1 });
  }
  return [...seen.values()];
}

// ---------- actor ----------

async function actorView(view, id) {
  const profile = await api(`/api/actors/${enc(id)}`);
  const { actor } = profile;
  document.title = `${actor.name} — actorgraph`;
  // Group counts, not the facts shown: a hub's page shows the strongest few of each group.
  const relationCount = profile.groups.filter((g) => g.kind === 'relation').reduce((n, g) => n + g.count, 0);
  const eventCount = profile.groups.filter((g) => g.kind !== 'relation').reduce((n, g) => n + g.count, 0);
  append(view, h('header', { class: 'actor-header' },
    h('div', { class: 'actor-title' },
      h('span', { class: 'big-dot', style: `background:${entityColour(actor.type)}` }),
      h('div', {},
        h('h1', { id: 'actor-name' }, actor.name),
        h('div', { class: 'actor-meta' },
          h('span', { class: 'entity-type' }, actor.type), actor.subtype ? h('span', { class: 'chip' }, actor.subtype) : null,
          h('span', { class: 'muted' }, `${actor.documentCount} document${actor.documentCount === 1 ? '' : 's'} · ${actor.mentionCount} mentions · ${relationCount} relations · ${eventCount} events`)),
        profile.aliases.length ? h('div', { class: 'aliases' }, 'Also: ', profile.aliases.join(' · ')) : null))));

  const networkCard = h('section', { class: 'card network-card' });
  const detail = h('div', { class: 'edge-detail', id: 'edge-detail' }, h('p', { class: 'muted' }, 'Click a link in the network to read its evidence; click an actor to open it.'));
  const timelineCard = h('section', { class: 'card', id: 'timeline' }, h('h2', {}, 'Timeline'), loading());
  const relationsCard = h('section', { class: 'card relations', id: 'relations' }, h('h2', {}, 'Relations and events'), relationGroups(profile));
  // Shown only when some statement about this actor contradicts another.
  const contradictionsCard = h('section', { class: 'card', id: 'actor-contradictions', hidden: true });
  append(view, h('div', { class: 'actor-grid' },
    h('div', { class: 'actor-left' }, networkCard, detail, pathCard(actor), timelineCard),
    h('div', { class: 'actor-right' }, contradictionsCard, relationsCard)));

  // Clicking a date in the timeline shows the network as of that date.
  const network = {};
  await Promise.all([
    networkPanel(networkCard, detail, actor, network).catch((err) => append(networkCard, errorBox(err))),
    api(`/api/actors/${enc(actor.id)}/timeline`).then((t) => { clear(timelineCard); append(timelineCard, [h('h2', {}, 'Timeline'), timeline(t, actor.id, network)]); })
      .catch((err) => append(timelineCard, errorBox(err))),
    api('/api/contradictions', { actor: actor.id, limit: 10 }).then((c) => {
      if (!c.contradictions.length) return;
      append(contradictionsCard, [h('h2', {}, 'Contradictions to check'),
        h('ul', { class: 'facts compact' }, c.contradictions.map((x) => h('li', { class: 'fact' }, h('span', { class: 'chip modality hedged' }, x.kind), ' ', x.note))),
        c.next ? h('p', {}, h('a', { href: `#/contradictions?actor=${enc(actor.id)}`, id: 'actor-contradictions-more' }, 'All of this actor’s contradictions →')) : null]);
      contradictionsCard.hidden = false;
    }).catch((err) => { append(contradictionsCard, errorBox(err)); contradictionsCard.hidden = false; }),
  ]);
}

function relationGroups(profile) {
  if (!profile.groups.length) return h('p', { class: 'muted' }, 'No relation or event with this actor yet.');
  return h('div', {}, profile.truncated ? h('p', { class: 'muted', id: 'groups-note' }, 'The strongest facts of each group; “more” lists the rest, best supported first.') : null,
    profile.groups.map((g) => {
      const list = h('ul', { class: 'facts' }, g.facts.map((f) => factItem(f, profile.actors, profile.documents)));
      return h('details', { class: 'group', open: true, dataset: { type: g.type, count: String(g.count) } },
        h('summary', {}, h('span', { class: 'swatch', style: `background:${typeColour(g.type)}` }), groupHeading(g.type, g.direction),
          h('span', { class: 'count', title: `${g.count} in all` }, g.count), h('span', { class: 'muted kind' }, g.kind === 'relation' ? g.type : `${g.kind} · ${g.type}`)),
        list, g.next ? moreButton(g, list, profile.actor.id) : null);
    }));
}

function factItem(f, actors, documents) {
  const other = f.other ?? null;
  return h('li', { class: 'fact', id: `fact-${f.id}` },
    h('div', { class: 'fact-head' }, other ? actorLink(actors, other) : h('span', { class: 'muted' }, '—'), qualifiers(f, actors)),
    evidenceList(f, documents));
}

/** Loads the next page of a group (the route the server gave) under the facts already shown. */
function moreButton(group, list, actorId) {
  let next = group.next;
  let shown = group.facts.length;
  const label = () => `Show more (${(group.count - shown).toLocaleString('en')} not shown)`;
  const button = h('button', { type: 'button', class: 'link-button more', onclick: async () => {
    button.disabled = true;
    try {
      const page = await api(next);
      for (const f of page.facts) append(list, factItem({ ...f, other: f.subject === actorId ? f.object : f.subject }, page.actors, page.documents));
      shown += page.facts.length;
      const url = new URL(next, location.href);
      url.searchParams.set('offset', String(shown));
      next = page.facts.length && shown < group.count ? `${url.pathname}${url.search}` : null;
      if (next) { button.textContent = label(); button.disabled = false; } else button.remove();
    } catch (err) {
      button.replaceWith(errorBox(err));
    }
  } }, label());
  return button;
}

/** How is this actor linked to another? The shortest chain of facts, each with its evidence. */
function pathCard(actor) {
  const input = h('input', { type: 'search', id: 'path-to', placeholder: 'another actor’s name', 'aria-label': 'Other actor' });
  const out = h('div', { id: 'path-result' });
  const form = h('form', { class: 'inline-form', onsubmit: async (evt) => {
    evt.preventDefault();
    const other = input.value.trim();
    if (!other) return;
    clear(out);
    append(out, loading());
    try {
      const data = await api('/api/path', { from: actor.id, to: other });
      clear(out);
      if (!data.path) return append(out, h('p', { class: 'muted' }, `No chain of up to 4 links between ${actor.name} and ${data.actors[data.to]?.name ?? other}.`));
      append(out, h('ol', { class: 'path' }, data.path.map((f) => h('li', { class: 'fact' }, factLine(f, data.actors),
        f.evidence[0] ? h('div', { class: 'tl-quote' }, h('a', { href: `#/document/${enc(f.evidence[0].documentId)}?fact=${enc(f.id)}`, class: 'source-link' }, `“${clip(f.evidence[0].text, 200)}”`)) : null))));
    } catch (err) {
      clear(out);
      append(out, errorBox(err));
    }
  } }, h('label', {}, 'Linked to ', input), h('button', { type: 'submit' }, 'Find the chain'));
  return h('section', { class: 'card', id: 'path' }, h('h2', {}, 'Connection'), form, out);
}

async function networkPanel(card, detail, actor, control) {
  const depthSelect = h('select', { id: 'depth', 'aria-label': 'Hops' }, h('option', { value: '1' }, '1 hop'), h('option', { value: '2' }, '2 hops'));
  const slider = h('input', { type: 'range', id: 'time-slider', min: '0', max: '0', value: '0', disabled: true, 'aria-label': 'Show the network as of a date', list: 'time-ticks' });
  const ticks = h('datalist', { id: 'time-ticks' });
  const asOfLabel = h('output', { id: 'as-of', for: 'time-slider' }, 'all time');
  const allTime = h('button', { type: 'button', id: 'all-time', class: 'small', disabled: true }, 'All time');
  const graphBox = h('div', { class: 'graph', id: 'graph' });
  const legend = h('div', { class: 'legend' });
  append(card, [
    h('div', { class: 'card-head' }, h('h2', {}, 'Network'), h('div', { class: 'controls' }, depthSelect)),
    graphBox,
    h('div', { class: 'time-control' }, h('span', { class: 'muted' }, 'As of'), slider, ticks, asOfLabel, allTime),
    legend,
  ]);

  let network = null;
  let days = null; // slider position → ISO date
  let request = 0;
  const load = async () => {
    const depth = Number(depthSelect.value);
    const data = await api(`/api/actors/${enc(actor.id)}/neighbourhood`, { depth, limit: depth === 1 ? 150 : 300 });
    network?.destroy();
    clear(graphBox);
    if (data.edges.length === 0) { append(graphBox, h('p', { class: 'muted empty' }, 'No links to other actors yet.')); return; }
    network = createNetwork(graphBox, data, {
      onNode: (id) => { if (id !== actor.id) location.hash = `#/actor/${enc(id)}`; },
      onEdge: (factId) => showEdge(detail, data, factId),
    });
    renderLegend(legend, data.edges);
    days = dateRange(data.edges);
    if (days) {
      slider.min = '0';
      slider.max = String(days.count - 1);
      slider.value = String(days.count - 1);
      slider.disabled = false;
      clear(ticks);
      for (const f of data.edges) for (const v of [f.time?.at, f.time?.start, f.time?.end]) if (v) append(ticks, h('option', { value: String(days.index(v)) }));
    }
    asOfLabel.value = 'all time';
    allTime.disabled = true;
    card.dataset.edges = String(data.edges.length);
  };
  const applyAsOf = debounce(async () => {
    if (!days || !network) return;
    const asOf = days.date(Number(slider.value));
    const mine = ++request;
    const data = await api(`/api/actors/${enc(actor.id)}/neighbourhood`, { depth: depthSelect.value, asOf, limit: 300 });
    if (mine !== request) return; // a later move of the slider won
    network.showOnly(new Set(data.nodes.map((n) => n.id)), new Set(data.edges.map((e) => e.id)));
    asOfLabel.value = `${asOf} · ${data.edges.length} link${data.edges.length === 1 ? '' : 's'}`;
    card.dataset.asOf = asOf;
    card.dataset.visible = String(network.visibleEdges());
    allTime.disabled = false;
  }, 120);
  slider.addEventListener('input', () => { asOfLabel.value = days ? days.date(Number(slider.value)) : ''; applyAsOf(); });
  control.showAsOf = (raw) => {
    // Decades (`201`) and centuries (`19`) start at their first year.
    const value = /^\d{3}$/.test(raw) ? `${raw}0` : /^\d{2}$/.test(raw) ? `${raw}00` : raw;
    if (!days || !/^\d{4}/.test(value)) return;
    slider.value = String(Math.max(0, Math.min(days.count - 1, days.index(value))));
    asOfLabel.value = days.date(Number(slider.value));
    applyAsOf();
    card.scrollIntoView({ block: 'nearest' });
  };
  allTime.addEventListener('click', () => {
    request++;
    network?.showOnly(null);
    if (days) slider.value = String(days.count - 1);
    asOfLabel.value = 'all time';
    allTime.disabled = true;
    delete card.dataset.asOf;
    card.dataset.visible = String(network?.visibleEdges() ?? 0);
  });
  depthSelect.addEventListener('change', () => load().catch((err) => append(graphBox, errorBox(err))));
  await load();
}

/** Days from the first to the last year any fact mentions (to today at most), for the slider. */
function dateRange(facts) {
  const years = [];
  for (const f of facts) for (const v of [f.time?.at, f.time?.start, f.time?.end]) if (v && /^\d{4}/.test(v)) years.push(Number(v.slice(0, 4)));
  if (!years.length) return null;
  const first = Date.UTC(Math.min(...years), 0, 1);
  const lastYear = Math.max(...years);
  const last = Math.min(Date.UTC(lastYear, 11, 31), Math.max(Date.now(), Date.UTC(lastYear, 0, 1)));
  const day = 86_400_000;
  return {
    count: Math.round((last - first) / day) + 1,
    date: (i) => new Date(first + i * day).toISOString().slice(0, 10),
    index: (v) => Math.round((Date.UTC(Number(v.slice(0, 4)), v.length >= 7 ? Number(v.slice(5, 7)) - 1 : 0, v.length >= 10 ? Number(v.slice(8, 10)) : 1) - first) / day),
  };
}

function renderLegend(legend, edges) {
  clear(legend);
  const types = [...new Set(edges.map((e) => e.type))].sort();
  append(legend, types.map((t) => h('span', { class: 'legend-item' }, h('span', { class: 'swatch', style: `background:${typeColour(t)}` }), t)));
  append(legend, h('span', { class: 'legend-item muted' }, '— relation   - - event   ··· hedged/claimed'));
}

function showEdge(detail, data, factId) {
  const f = data.edges.find((e) => e.id === factId);
  if (!f) return;
  const actors = Object.fromEntries(data.nodes.map((n) => [n.id, n]));
  clear(detail);
  append(detail, [factLine(f, actors), evidenceList(f, data.documents)]);
}

function timeline(t, actorId, network) {
  // A relation gives two moments (its start and its end); an event one.
  const entries = [];
  for (const f of t.facts) {
    if (f.time?.at) entries.push({ when: f.time.at, f, what: '' });
    else if (f.time?.start || f.time?.end) {
      if (f.time.start) entries.push({ when: f.time.start, f, what: 'begins' });
      if (f.time.end) entries.push({ when: f.time.end, f, what: 'ends' });
    } else entries.push({ when: null, f, what: '' });
  }
  entries.sort((a, b) => (a.when ?? '\uffff').localeCompare(b.when ?? '\uffff'));
  if (!entries.length) return h('p', { class: 'muted' }, 'Nothing dated yet.');
  return h('ol', { class: 'timeline' }, entries.map(({ when, f, what }) => h('li', { class: `tl-item ${f.kind}`, style: `--c:${typeColour(f.type)}` },
    when ? h('button', { type: 'button', class: 'tl-date', title: 'Show the network as of this date', onclick: () => network.showAsOf?.(when) }, h('time', {}, timeText({ at: when }))) : h('time', { class: 'muted' }, 'undated'),
    h('div', { class: 'tl-body' },
      h('div', {}, actorLink(t.actors, f.subject), ' ', typeBadge(f.type), ' ', f.object ? actorLink(t.actors, f.object) : null, what ? h('span', { class: 'muted' }, ` — ${what}`) : null,
        f.subject !== actorId && f.object !== actorId ? h('span', { class: 'muted' }, ' (mentions)') : null),
      h('div', { class: 'tl-quote' }, f.evidence[0] ? h('a', { href: `#/document/${enc(f.evidence[0].documentId)}?fact=${enc(f.id)}`, class: 'source-link' }, `“${clip(f.evidence[0].text, 220)}”`) : null)))));
}

const clip = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

// ---------- documents ----------

async function documentView(view, id, focusFact) {
  const data = await api(`/api/documents/${enc(id)}`);
  const d = data.document;
  document.title = `${d.title ?? d.source} — actorgraph`;
  const text = h('article', { class: 'doc-text', id: 'doc-text' }, highlighted(d.text, data.evidence));
  const factsById = new Map(data.facts.map((f) => [f.id, f]));
  const side = h('aside', { class: 'card doc-facts' }, h('h2', {}, `Facts in this document (${data.facts.length})`),
    h('ul', { class: 'facts compact' }, [...data.facts].sort((a, b) => timeKey(a.time).localeCompare(timeKey(b.time))).map((f) => h('li', { class: 'fact', dataset: { fact: f.id } },
      factLine(f, data.actors), h('button', { type: 'button', class: 'link-button', onclick: () => focus(f.id), title: 'Highlight in the text' }, '¶ show in text')))));
  append(view, [
    h('header', { class: 'doc-header' },
      h('h1', {}, d.title ?? d.source),
      h('div', { class: 'muted' }, [d.published ? `Published ${d.published}` : 'Publication date unknown', ` · ${d.source}`, ` · ${d.language}`].join(''),
        d.url ? [' · ', h('a', { href: d.url, rel: 'noopener noreferrer', target: '_blank' }, 'original ↗')] : null)),
    h('div', { class: 'doc-grid' }, h('div', { class: 'card' }, text), side),
  ]);
  function focus(factId) {
    for (const m of text.querySelectorAll('mark.current')) m.classList.remove('current');
    const marks = [...text.querySelectorAll('mark')].filter((m) => m.dataset.facts.split(' ').includes(factId));
    for (const m of marks) m.classList.add('current');
    marks[0]?.scrollIntoView({ block: 'center' });
    for (const li of side.querySelectorAll('li.fact')) li.classList.toggle('current', li.dataset.fact === factId);
  }
  text.addEventListener('click', (evt) => {
    const mark = evt.target.closest?.('mark');
    if (!mark) return;
    const f = factsById.get(mark.dataset.facts.split(' ')[0]);
    if (f) focus(f.id);
  });
  if (focusFact) focus(focusFact);
}

/** The document text with every evidence span wrapped in <mark>; overlaps split into pieces. */
function highlighted(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(text.length, s.start))); cuts.add(Math.max(0, Math.min(text.length, s.end))); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) out.push(piece);
    else out.push(h('mark', { dataset: { facts: [...new Set(covering.map((s) => s.factId))].join(' ') }, title: [...new Set(covering.map((s) => s.type))].join(', ') }, piece));
  }
  return out;
}

const DOCUMENTS_PAGE = 200;

async function documentsView(view, params) {
  document.title = 'Documents — actorgraph';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const data = await api('/api/documents', { limit: DOCUMENTS_PAGE, offset });
  const pager = h('p', { class: 'pager' },
    offset > 0 ? h('a', { href: `#/documents?offset=${Math.max(0, offset - DOCUMENTS_PAGE)}` }, '← previous') : null,
    data.total > DOCUMENTS_PAGE ? h('span', { class: 'muted' }, ` ${offset + 1}–${Math.min(data.total, offset + DOCUMENTS_PAGE)} of ${data.total} `) : null,
    offset + DOCUMENTS_PAGE < data.total ? h('a', { href: `#/documents?offset=${offset + DOCUMENTS_PAGE}` }, 'next →') : null);
  append(view, [h('h1', {}, `Documents (${data.total.toLocaleString('en')})`), pager,
    h('section', { class: 'card' }, data.documents.length === 0 ? h('p', { class: 'muted' }, 'No documents yet.') :
      h('table', { class: 'list' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Title'), h('th', {}, 'Published'), h('th', {}, 'Source'), h('th', {}, 'Ingested'))),
        h('tbody', {}, data.documents.map((d) => h('tr', {},
          h('td', {}, h('a', { href: `#/document/${enc(d.id)}` }, d.title ?? d.source)), h('td', {}, d.published ?? '—'),
          h('td', { class: 'muted' }, d.source), h('td', { class: 'muted' }, d.ingestedAt.slice(0, 10)))))))]);
}

// ---------- changes and contradictions ----------

async function changesView(view, params) {
  document.title = 'Changes — actorgraph';
  const year = new Date().getUTCFullYear();
  const from = params.get('from') ?? `${year - 5}-01-01`;
  const to = params.get('to') ?? `${year}-12-31`;
  const fromInput = h('input', { type: 'date', name: 'from', value: from });
  const toInput = h('input', { type: 'date', name: 'to', value: to });
  append(view, [h('h1', {}, 'What changed'),
    h('form', { class: 'inline-form', onsubmit: (e) => { e.preventDefault(); location.hash = `#/changes?from=${enc(fromInput.value)}&to=${enc(toInput.value)}`; } },
      h('label', {}, 'From ', fromInput), h('label', {}, 'to ', toInput), h('button', { type: 'submit' }, 'Show'))]);
  const data = await api('/api/changes', { from, to, limit: 100 });
  const list = (title, facts, count) => h('section', { class: 'card' }, h('h2', {}, `${title} (${count.toLocaleString('en')})`),
    facts.length < count ? h('p', { class: 'muted' }, `The first ${facts.length} by date; narrow the dates to see the others.`) : null,
    facts.length ? h('ul', { class: 'facts compact' }, facts.map((f) => h('li', { class: 'fact' }, factLine(f, data.actors)))) : h('p', { class: 'muted' }, 'Nothing.'));
  append(view, h('div', { class: 'columns three' },
    list('Events', data.events, data.counts.events), list('Relations that started', data.started, data.counts.started), list('Relations that ended', data.ended, data.counts.ended)));
}

const CONTRADICTIONS_PAGE = 100;

async function contradictionsView(view, params) {
  document.title = 'Contradictions — actorgraph';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const actor = params.get('actor') || null;
  const data = await api('/api/contradictions', { limit: CONTRADICTIONS_PAGE, offset, actor });
  // All of them are counted; those of one actor are paged without a count.
  const total = data.total;
  const page = (at) => `#/contradictions?${actor ? `actor=${enc(actor)}&` : ''}offset=${at}`;
  const pager = h('p', { class: 'pager' },
    offset > 0 ? h('a', { href: page(Math.max(0, offset - CONTRADICTIONS_PAGE)) }, '← previous') : null,
    total !== null && total > CONTRADICTIONS_PAGE ? h('span', { class: 'muted' }, ` ${Math.min(total, offset + 1)}–${Math.min(total, offset + CONTRADICTIONS_PAGE)} of ${total.toLocaleString('en')} `) : null,
    data.next ? h('a', { href: page(offset + CONTRADICTIONS_PAGE) }, 'next →') : null);
  append(view, [h('h1', {}, total !== null ? `Contradictions (${total.toLocaleString('en')})` : 'Contradictions about one actor'),
    h('p', { class: 'lede' }, 'Facts that cannot all be true: allied and rival at the same time, stated and denied, two leaders at once. Read the sources and decide.'),
    actor ? h('p', {}, h('a', { href: `#/actor/${enc(actor)}` }, '← back to the actor'), ' · ', h('a', { href: '#/contradictions' }, 'all contradictions')) : null,
    pager,
    h('section', { class: 'card' }, data.contradictions.length === 0 ? h('p', { class: 'muted' }, 'None found.') :
      h('ul', { class: 'facts' }, data.contradictions.map((c) => h('li', { class: 'fact' }, h('span', { class: 'chip modality hedged' }, c.kind), ' ', c.note))))]);
}

// ---------- shell ----------

document.getElementById('search-form').addEventListener('submit', (evt) => {
  evt.preventDefault();
  const q = document.getElementById('search').value.trim();
  if (q) location.hash = `#/search?q=${enc(q)}`;
});

async function showStats() {
  try {
    const s = await api('/api/stats');
    document.getElementById('stats').textContent = `${s.entities.toLocaleString('en')} actors · ${s.facts.toLocaleString('en')} facts · ${s.documents.toLocaleString('en')} documents`;
  } catch { /* the view shows errors; the header stays quiet */ }
}

window.addEventListener('hashchange', route);
showStats();
route();
