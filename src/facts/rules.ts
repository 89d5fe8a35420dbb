// Loads the fact rules from data/facts/: the relation patterns, the PLOVER event cue lexicon
// (turned into templates here), the word lists and the default argument types. Parsed once per
// process; a malformed file is an InputError naming the file and the problem.
import { readFileSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import { InputError } from '../model/errors.js';
import { ENTITY_TYPES, EVENT_TYPES, LIFE_TYPES, RELATION_TYPES, type EntityType, type FactKind, type FactType } from '../model/types.js';
import { parseTemplate, type Template } from './template.js';

export interface RuleTest {
  text: string;
  expect: string[];
}

export interface Rule {
  id: string;
  type: FactType;
  kind: FactKind;
  templates: Template[];
  S: ReadonlySet<EntityType> | null;
  O: ReadonlySet<EntityType> | null;
  confidence: number;
  time: 'start' | 'end' | 'none' | null;
  objectFrom: 'country' | 'previous' | null;
  role: string | null;
  mode: string | null;
  tests: RuleTest[];
  /** File the rule came from, for messages. */
  file: string;
  placeIsWhere: boolean;
  /** The subject and object must be names, not descriptions or pronouns ("X of Y"). */
  namesOnly: boolean;
  /** Words one of which the subject's name must hold ("University of X"), from a list. */
  subjectHead: ReadonlySet<string> | null;
}

/** Types whose object is never the place they happen in: "signed an agreement in Cairo". */
const PLACE_IS_WHERE = new Set(['AGREE', 'CONSULT', 'COOPERATE']);

export interface RuleSet {
  rules: Rule[];
  /** Anchor word → the rules and templates that start matching at a token with that word. */
  byAnchor: Map<string, Array<{ rule: Rule; template: Template }>>;
  lists: Record<string, string[]>;
}

interface PatternSpec {
  id: string;
  type: string;
  templates: string[];
  subject?: string[];
  object?: string[];
  confidence?: number;
  time?: 'start' | 'end' | 'none';
  objectFrom?: 'country' | 'previous';
  role?: string;
  mode?: string;
  names?: boolean;
  subjectHead?: string;
  tests?: RuleTest[];
}

interface EventEntry {
  type: string;
  mode?: string;
  verbs?: string[];
  intransitive?: string[];
  nouns?: string[];
  preps?: string[];
  /** Templates written out in full, for constructions the generated ones miss. */
  templates?: string[];
  /** Nouns that name the outcome of talks between two parties ("led to the signing of"). */
  outcome?: string[];
  tests?: RuleTest[];
}

let cached: RuleSet | null = null;

export function loadRules(): RuleSet {
  cached ??= buildRules(dataPath('facts'));
  return cached;
}

function readJson(dir: string, name: string): any {
  const file = `${dir}/${name}`;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new InputError(file, `cannot read fact rules: ${(err as Error).message}`);
  }
}

export function kindOf(type: string): FactKind {
  if ((RELATION_TYPES as readonly string[]).includes(type)) return 'relation';
  if ((EVENT_TYPES as readonly string[]).includes(type)) return 'event';
  if ((LIFE_TYPES as readonly string[]).includes(type)) return 'life';
  throw new Error(`unknown fact type "${type}"`);
}

export function buildRules(dir: string): RuleSet {
  const lists: Record<string, string[]> = readJson(dir, 'lists.json');
  const typeDefaults = readJson(dir, 'types.json');
  const rels = readJson(dir, 'relations.json');
  const events = readJson(dir, 'events.json');
  const specs: Array<PatternSpec & { file: string }> = [];
  for (const p of rels.patterns as PatternSpec[]) specs.push({ ...p, file: 'relations.json' });
  for (const [i, e] of (events.entries as EventEntry[]).entries()) {
    for (const spec of eventSpecs(e, i, events.confidence ?? 0.7)) specs.push({ ...spec, file: 'events.json' });
  }
  const rules: Rule[] = [];
  for (const spec of specs) {
    const where = `${dir}/${spec.file}`;
    let kind: FactKind;
    try {
      kind = kindOf(spec.type);
    } catch (err) {
      throw new InputError(where, `pattern ${spec.id}: ${(err as Error).message}`);
    }
    const defaults = typeDefaults.types[spec.type] ?? (kind === 'event' ? typeDefaults.types['*event'] : null);
    const typeSet = (explicit: string[] | undefined, fallback: unknown): ReadonlySet<EntityType> | null => {
      const raw = explicit ?? (fallback === 'actor' ? typeDefaults.actor : fallback);
      if (!raw) return null;
      for (const t of raw as string[]) if (!(ENTITY_TYPES as readonly string[]).includes(t)) throw new InputError(where, `pattern ${spec.id}: unknown entity type "${t}"`);
      return new Set(raw as EntityType[]);
    };
    let templates: Template[];
    try {
      templates = spec.templates.map((t) => parseTemplate(t, lists));
    } catch (err) {
      throw new InputError(where, `pattern ${spec.id}: ${(err as Error).message}`);
    }
    rules.push({
      id: spec.id,
      type: spec.type as FactType,
      kind,
      templates,
      S: typeSet(spec.subject, defaults?.S),
      O: typeSet(spec.object, defaults?.O),
      confidence: spec.confidence ?? 0.7,
      time: spec.time ?? null,
      objectFrom: spec.objectFrom ?? null,
      role: spec.role ?? null,
      mode: spec.mode ?? null,
      tests: spec.tests ?? [],
      file: spec.file,
      placeIsWhere: PLACE_IS_WHERE.has(spec.type),
      namesOnly: spec.names ?? false,
      subjectHead: spec.subjectHead ? new Set((lists[spec.subjectHead.replace(/^@/, '')] ?? []).map((w) => w.toLowerCase())) : null,
    });
  }
  const byAnchor = new Map<string, Array<{ rule: Rule; template: Template }>>();
  for (const rule of rules) {
    for (const template of rule.templates) {
      const anchor = template.slots[template.anchor];
      if (anchor.kind !== 'lit') continue;
      for (const w of anchor.words) {
        let list = byAnchor.get(w);
        if (!list) byAnchor.set(w, (list = []));
        list.push({ rule, template });
      }
    }
  }
  return { rules, byAnchor, lists };
}

const PREPOSITIONS = new Set(['with', 'to', 'on', 'at', 'of', 'from', 'against', 'for', 'in', 'into', 'upon', 'between', 'about', 'near']);

/** Verbs that carry a nominal event: "issued a reminder", "staged rallies", "announced a suspension". */
// Not "offer": an offer is itself an AGREE ("offered aid to X"), not the event it offers.
const LIGHT_VERBS = 'stage|staged|hold|held|organize|organized|organise|organised|launch|launched|begin|began|continue|continued|call|called|declare|declared|issue|issued|make|made|lodge|lodged|file|filed|express|expressed|voice|voiced|announce|announced|impose|imposed|reimpose|reimposed|extend|extended|deliver|delivered|mount|mounted|carry|carried|conduct|conducted|start|started|reiterate|reiterated|renew|renewed|step|stepped|open|opened|order|ordered|engage|engaged|undertake|undertook|resume|resumed|give|gave';

/** The templates an event cue entry stands for: active and passive verbs, nominalizations. */
function eventSpecs(e: EventEntry, index: number, confidence: number): PatternSpec[] {
  const out: PatternSpec[] = [];
  const id = `${e.type.toLowerCase()}${e.mode ? '-' + e.mode : ''}-${index}`;
  const intransitive = new Set(e.intransitive ?? []);
  const base = { type: e.type, mode: e.mode, confidence };
  let first = true;
  const withTests = () => {
    const t = first ? e.tests : undefined;
    first = false;
    return t;
  };
  for (const v of e.verbs ?? []) {
    const [head, ...rest] = v.split(/\s+/);
    const tail = rest.join(' ');
    const templates = [`S* ${head}:VERB:active ${tail} O*`.replace(/\s+/g, ' ')];
    if (!rest.length || !PREPOSITIONS.has(rest[0])) templates.push(`O* ${head}:VERB:passive ${tail} by S`.replace(/\s+/g, ' '));
    if (intransitive.has(v)) templates.push(`S* ${head}:VERB:active ${tail}`.trim());
    out.push({ ...base, id: `${id}-verb-${v}`, templates, tests: withTests() });
  }
  for (const v of intransitive) {
    if ((e.verbs ?? []).includes(v)) continue;
    out.push({ ...base, id: `${id}-intransitive-${v}`, templates: [`S* ${v.replace(/^(\S+)/, '$1:VERB:active')}`], tests: withTests() });
  }
  const preps = (e.preps ?? ['on', 'against', 'of', 'with']).filter((p) => p !== 'between').join('|');
  if (e.templates?.length) out.push({ ...base, id: `${id}-templates`, templates: e.templates, tests: withTests() });
  for (const n of e.nouns ?? []) {
    out.push({
      ...base,
      id: `${id}-noun-${n}`,
      templates: [
        `${n} between|among S and O`,
        `S 's? ${n} ${preps} O`,
        `${n} ${preps} O by|from S`,
        `${n} by|from S ${preps} O`,
        `${n} S launch|launched|direct|directed|carry|carried|conduct|conducted|stage|staged|mount|mounted|commit|committed|perpetrate|perpetrated out? ${preps} O`,
        `${n} ${preps} O*`,
        // "Peru announced a halt of rail freight to Bolivia", "staged rallies against X".
        `S* ${LIGHT_VERBS} in? ${n} … O*`,
        `S* ${LIGHT_VERBS} in? ${n}`,
      ],
      tests: withTests(),
    });
  }
  if (e.outcome?.length) {
    out.push({
      ...base,
      id: `${id}-outcome`,
      templates: [`talks|negotiations|negotiation|meeting|meetings|dialogue between S and O … … lead|led|leads|achieve|achieved|produce|produced|yield|yielded|result|resulted to|in? the? ${e.outcome.join('|')}`],
      tests: [{ text: 'The talks between [Sudan|GPE] and [SPLM|ORG] in [Kenya|GPE] led to the signing of a peace deal.', expect: ['Sudan → SPLM'] }],
    });
  }
  return out;
}
