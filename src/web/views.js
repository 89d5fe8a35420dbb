// How facts read on the page: colours per type, group headings per direction, time as words,
// and the pieces (actor link, evidence quote with its source) every page reuses.
import { h } from './dom.js';
import { enc } from './api.js';

export const TYPE_COLOURS = {
  leader_of: '#7c3aed', member_of: '#a78bfa', founded: '#0ea5e9', successor_of: '#64748b',
  part_of: '#14b8a6', affiliate_of: '#0d9488', split_from: '#f97316', merged_with: '#06b6d4',
  allied_with: '#16a34a', rival_of: '#dc2626', supports: '#2563eb', controls: '#ca8a04',
  located_in: '#94a3b8', citizen_of: '#a8a29e', owns: '#9333ea', family_of: '#db2777',
  // PLOVER events: warm for conflict, cool for cooperation.
  ASSAULT: '#b91c1c', COERCE: '#ea580c', THREATEN: '#f59e0b', PROTEST: '#d97706', SANCTION: '#c2410c',
  MOBILIZE: '#b45309', ACCUSE: '#e11d48', REJECT: '#be123c', REQUEST: '#0891b2', RETREAT: '#78716c',
  AID: '#059669', COOPERATE: '#10b981', CONCEDE: '#65a30d', SUPPORT: '#22c55e', CONSULT: '#0284c7', AGREE: '#15803d',
  died: '#334155', born: '#334155',
};
export const typeColour = (type) => TYPE_COLOURS[type] ?? '#64748b';

export const ENTITY_COLOURS = {
  PERSON: '#2563eb', ORG: '#ea580c', GPE: '#16a34a', LOC: '#65a30d', NORP: '#9333ea',
  EVENT: '#db2777', LAW: '#0891b2', FAC: '#78716c', PRODUCT: '#a16207',
};
export const entityColour = (type) => ENTITY_COLOURS[type] ?? '#64748b';

const HEADINGS = {
  leader_of: ['Leads', 'Led by'], member_of: ['Member of', 'Members'], founded: ['Founded', 'Founded by'],
  successor_of: ['Successor of', 'Succeeded by'], part_of: ['Part of', 'Has as part'], affiliate_of: ['Affiliate of', 'Affiliates'],
  split_from: ['Split from', 'Splinter groups'], merged_with: ['Merged with', 'Merged with'], allied_with: ['Allied with', 'Allied with'],
  rival_of: ['Rival of', 'Rival of'], supports: ['Supports', 'Supported by'], controls: ['Controls', 'Controlled by'],
  located_in: ['Located in', 'Location of'], citizen_of: ['Citizen of', 'Citizens'], owns: ['Owns', 'Owned by'], family_of: ['Family', 'Family'],
  ASSAULT: ['Attacked', 'Attacked by'], COERCE: ['Coerced', 'Coerced by'], THREATEN: ['Threatened', 'Threatened by'],
  PROTEST: ['Protested against', 'Protested by'], SANCTION: ['Sanctioned', 'Sanctioned by'], MOBILIZE: ['Mobilized against', 'Mobilized against by'],
  ACCUSE: ['Accused', 'Accused by'], REJECT: ['Rejected', 'Rejected by'], REQUEST: ['Asked', 'Asked by'], RETREAT: ['Retreated from', 'Retreat of'],
  AID: ['Aided', 'Aided by'], COOPERATE: ['Cooperated with', 'Cooperated with'], CONCEDE: ['Conceded to', 'Conceded to by'],
  SUPPORT: ['Backed', 'Backed by'], CONSULT: ['Met / negotiated with', 'Met / negotiated with'], AGREE: ['Agreed with', 'Agreed with'],
  died: ['Died', 'Died'], born: ['Born', 'Born'],
};

export function groupHeading(type, direction) {
  const pair = HEADINGS[type];
  return pair ? pair[direction === 'in' ? 1 : 0] : `${type} (${direction})`;
}

/** A short verb for a fact in a sentence: "Al Qaeda —allied with→ Taliban". */
export function verb(type) {
  return (HEADINGS[type]?.[0] ?? type).toLowerCase();
}

/** The time of a fact in words: "on 2022-07-31", "1994 – 2021", "since 1994", "until 2021". */
export function timeText(time) {
  if (!time) return null;
  const show = (v) => (v && /^\d{3}$/.test(v) ? `${v}0s` : v && /^\d{2}$/.test(v) ? `${v}00s` : v);
  if (time.at) return show(time.at);
  if (time.start && time.end) return `${show(time.start)} – ${show(time.end)}`;
  if (time.start) return `since ${show(time.start)}`;
  if (time.end) return `until ${show(time.end)}`;
  return time.text ?? null;
}

/** Sort key for a fact's time; undated facts sort last. */
export const timeKey = (time) => time?.at ?? time?.start ?? time?.end ?? '\uffff';

export function actorLink(actors, id) {
  if (!id) return h('span', { class: 'muted' }, '—');
  const a = actors[id];
  return h('a', { href: `#/actor/${enc(id)}`, class: 'actor-link', dataset: { type: a?.type ?? '' } },
    h('span', { class: 'dot', style: `background:${entityColour(a?.type)}` }), a?.name ?? id);
}

export function typeBadge(type) {
  return h('span', { class: 'type-badge', style: `--c:${typeColour(type)}` }, type);
}

/** Badges for what qualifies a fact: modality, attribution, mode, role, support. */
export function qualifiers(f, actors) {
  return h('span', { class: 'qualifiers' },
    timeText(f.time) && h('span', { class: 'chip time', title: f.time?.text ?? '' }, timeText(f.time)),
    f.modality !== 'asserted' && h('span', { class: `chip modality ${f.modality}` }, f.modality),
    f.mode && h('span', { class: 'chip' }, f.mode),
    f.role && h('span', { class: 'chip' }, f.role),
    f.place && h('span', { class: 'chip' }, 'in ', actors[f.place]?.name ?? f.place),
    f.mediator && h('span', { class: 'chip' }, 'via ', actors[f.mediator]?.name ?? f.mediator),
    f.attribution && h('span', { class: 'chip attribution' }, 'according to ', actors[f.attribution.speaker]?.name ?? f.attribution.speaker, f.attribution.cue ? ` (${f.attribution.cue})` : ''),
    h('span', { class: 'chip subtle', title: 'confidence · documents that support it' }, `${Math.round(f.confidence * 100)}% · ${f.sources} source${f.sources === 1 ? '' : 's'}`),
  );
}

/** The evidence sentences of a fact, each with a link to its place in the source document. */
export function evidenceList(f, documents) {
  return h('div', { class: 'evidence' }, f.evidence.map((ev) => {
    const doc = documents?.[ev.documentId];
    const label = doc ? (doc.title ?? doc.source) : `document ${ev.documentId.slice(0, 8)}`;
    return h('figure', { class: 'quote' },
      h('blockquote', {}, ev.text),
      h('figcaption', {},
        h('a', { href: `#/document/${enc(ev.documentId)}?fact=${enc(f.id)}`, class: 'source-link' }, '↗ ', label),
        doc?.published ? h('span', { class: 'muted' }, ` · ${doc.published}`) : null));
  }));
}

/** One fact as a sentence: subject —type→ object, with qualifiers. */
export function factLine(f, actors) {
  return h('div', { class: 'fact-line' },
    actorLink(actors, f.subject), ' ', typeBadge(f.type), ' ', f.object ? actorLink(actors, f.object) : null, ' ', qualifiers(f, actors));
}

export function loading(text = 'Loading…') {
  return h('p', { class: 'loading' }, text);
}

export function errorBox(err) {
  return h('div', { class: 'error-box', role: 'alert' }, h('strong', {}, 'Could not load: '), err.message ?? String(err));
}
