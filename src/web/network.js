// The neighbourhood of one actor as a network (cytoscape, loaded as a global by index.html):
// nodes coloured by actor type, edges by fact type. The layout is computed once on the whole
// neighbourhood; moving the time slider only dims what did not hold on that date, so the
// picture stays still while the analyst scrubs through time.
import { entityColour, typeColour } from './views.js';

const SHAPES = { PERSON: 'ellipse', ORG: 'round-rectangle', GPE: 'diamond', LOC: 'hexagon', NORP: 'tag', EVENT: 'star', LAW: 'rectangle', FAC: 'triangle', PRODUCT: 'vee' };
const SYMMETRIC = new Set(['allied_with', 'rival_of', 'merged_with', 'family_of']);

export function createNetwork(container, { nodes, edges, center }, { onNode, onEdge } = {}) {
  const ids = new Set(nodes.map((n) => n.id));
  const elements = [
    ...nodes.map((n) => ({
      data: { id: n.id, label: n.name, colour: entityColour(n.type), shape: SHAPES[n.type] ?? 'ellipse', weight: Math.min(60, 22 + 4 * Math.log2(1 + (n.documentCount ?? 1))) },
      classes: n.id === center ? 'center' : '',
    })),
    ...edges.filter((e) => e.object && ids.has(e.subject) && ids.has(e.object)).map((e) => ({
      data: { id: `f:${e.id}`, fact: e.id, source: e.subject, target: e.object, label: e.type, colour: typeColour(e.type) },
      classes: [e.kind === 'relation' ? 'relation' : 'event', SYMMETRIC.has(e.type) ? 'symmetric' : '', e.modality !== 'asserted' ? 'uncertain' : ''].join(' '),
    })),
  ];
  const hops = hopDistances(center, elements.filter((e) => e.data.source).map((e) => e.data));
  const rings = ringsOf(nodes, center, hops);
  // eslint-disable-next-line no-undef
  const cy = cytoscape({
    container,
    elements,
    minZoom: 0.2,
    maxZoom: 3,
    style: [
      { selector: 'node', style: {
        'background-color': 'data(colour)', shape: 'data(shape)', width: 'data(weight)', height: 'data(weight)',
        label: 'data(label)', 'font-size': 11, 'font-family': 'system-ui, sans-serif', color: '#1e293b',
        'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'ellipsis', 'text-max-width': 140,
        'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 2,
        'border-width': 2, 'border-color': '#ffffff', 'min-zoomed-font-size': 6,
      } },
      { selector: 'node.center', style: { 'border-width': 4, 'border-color': '#0f172a', 'font-weight': 'bold', 'font-size': 13 } },
      { selector: 'edge', style: {
        width: 2.5, 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle',
        'curve-style': 'bezier', 'arrow-scale': 1, opacity: 0.9,
        label: 'data(label)', 'font-size': 9, 'min-zoomed-font-size': 8, color: '#475569', 'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 0.8,
      } },
      { selector: 'edge.symmetric', style: { 'target-arrow-shape': 'none' } },
      { selector: 'edge.event', style: { 'line-style': 'dashed', width: 2 } },
      { selector: 'edge.uncertain', style: { 'line-style': 'dotted' } },
      { selector: '.faded', style: { opacity: 0.08, 'text-opacity': 0.15 } },
      { selector: ':selected', style: { 'overlay-color': '#0ea5e9', 'overlay-opacity': 0.2 } },
    ],
    // Rings around the centre, nearer hops inside; a hub's hundreds of neighbours fill several
    // rings of growing size instead of one ring too wide to read.
    layout: { name: 'concentric', animate: false, padding: 30, minNodeSpacing: nodes.length > 30 ? 24 : 50, levelWidth: () => 1, concentric: (n) => 1000 - (rings.get(n.id()) ?? 999) },
  });
  if (cy.zoom() > 1.5) { cy.zoom(1.5); cy.center(); }
  if (elements.length > 60) cy.style().selector('edge').style('label', '').update();
  cy.on('tap', 'node', (evt) => onNode?.(evt.target.id()));
  cy.on('tap', 'edge', (evt) => onEdge?.(evt.target.data('fact')));
  return {
    cy,
    /** Dims everything not in the given sets (an as-of view); null shows everything. */
    showOnly(nodeIds, factIds) {
      cy.batch(() => {
        cy.elements().removeClass('faded');
        if (!nodeIds) return;
        cy.nodes().forEach((n) => { if (!nodeIds.has(n.id()) && n.id() !== center) n.addClass('faded'); });
        cy.edges().forEach((e) => { if (!factIds.has(e.data('fact'))) e.addClass('faded'); });
      });
    },
    visibleEdges: () => cy.edges().filter((e) => !e.hasClass('faded')).length,
    destroy: () => cy.destroy(),
  };
}

/** Breadth-first hop count of every node from the centre, over edges in either direction. */
function hopDistances(center, edges) {
  const links = new Map();
  for (const e of edges) {
    links.set(e.source, [...(links.get(e.source) ?? []), e.target]);
    links.set(e.target, [...(links.get(e.target) ?? []), e.source]);
  }
  const hops = new Map([[center, 0]]);
  let frontier = [center];
  while (frontier.length) {
    const next = [];
    for (const n of frontier) for (const m of links.get(n) ?? []) if (!hops.has(m)) { hops.set(m, hops.get(n) + 1); next.push(m); }
    frontier = next;
  }
  return hops;
}

/**
 * The ring of every node: 0 for the centre, then rings holding 10, 16, 22... nodes, filled hop by
 * hop with the best-documented actors first, so each ring stays legible.
 */
function ringsOf(nodes, center, hops) {
  const order = [...nodes].filter((n) => n.id !== center)
    .sort((a, b) => (hops.get(a.id) ?? 99) - (hops.get(b.id) ?? 99) || (b.documentCount ?? 0) - (a.documentCount ?? 0));
  const rings = new Map([[center, 0]]);
  let ring = 1;
  let room = 10;
  let lastHop = 1;
  for (const n of order) {
    const hop = hops.get(n.id) ?? 99;
    if (room === 0 || hop !== lastHop) { ring++; room = 4 + 6 * ring; lastHop = hop; }
    rings.set(n.id, ring);
    room--;
  }
  return rings;
}
