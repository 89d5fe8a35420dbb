// Runs the rules over every sentence and turns matches into facts with their qualifiers.
import type { Fact, WorkingDocument } from '../model/types.js';
import { span } from '../model/spans.js';
import { loadRules, type Rule, type RuleSet } from './rules.js';
import type { Template } from './template.js';
import { mainSubject, matchTemplate, type Match } from './match.js';
import { modalityAt, modalityLexicon, placeOf, timeOf } from './qualifiers.js';
import { attributionRegions, regionFor, speechLexicon } from './attribution.js';
import { countryInContext } from './context.js';
import { mergeFacts } from './merge.js';
import { inferredFacts } from './cooccurrence.js';
import { derivedEvents, isMediationCue, isReciprocal, mediatorIn } from './derived.js';
import { buildView, inTimex, withSameSpan, type DocView, type MentionRef } from './view.js';
import { continuedTime, referencedTime, shareDeathEpisodes } from './event-time.js';
import { descriptionFacts } from './descriptions.js';
import { orgsInCountry } from './country-context.js';
import { previousTopic } from './discourse.js';
import { endAtDeath } from './lifespan.js';
import { placeChains } from './transitive.js';
import { citizenshipByBirth, citizenshipChecked, countryVariants } from './nationality.js';
import { preferMainEvents, type CuedFact } from './precedence.js';
import { countryOfLand } from './territory.js';
import { modeFromSentence } from './modes.js';
import { ellipticalFacts, lifeCues } from './ellipsis.js';
import { addSpeakerPronouns } from './speaker-pronouns.js';
import { threatMatches } from './threat.js';

const ADJECTIVAL_EXCLUDED = new Set(['member_of', 'leader_of', 'part_of', 'located_in']);
/** Relations that titles and descriptions state: the writer's, even inside reported speech. */
const DESCRIPTIVE = new Set(['member_of', 'leader_of', 'citizen_of', 'part_of', 'located_in']);

/** Facts before merging: one per match and argument pair, each with one evidence span. */
export function rawFacts(doc: WorkingDocument, rules: RuleSet = loadRules(), view: DocView = buildView(doc)): Fact[] {
  const regions = attributionRegions(view);
  addSpeakerPronouns(view, regions);
  const out: Fact[] = [];
  for (let s = 0; s < doc.sentences.length; s++) {
    const sent = doc.sentences[s];
    const sentenceFacts: CuedFact[] = [];
    const words = sentenceWords(view, sent.firstToken, sent.endToken);
    const headline = titleCase(view, sent.firstToken, sent.endToken);
    for (let t = sent.firstToken; t < sent.endToken; t++) {
      // A cue word inside a name ("Call of Duty") or capitalized mid-sentence is no cue.
      if (view.tokMention[t] >= 0) continue;
      // "which makes Call of Duty": a capitalized word inside a sentence (not a title-case headline).
      const capitalized = t !== sent.firstToken && /^[A-Z][a-z]/.test(view.tokens[t].text) && (view.tokens[t].pos === 'PROPN' || !headline);
      const cands = new Map<Rule, Array<{ rule: Rule; template: import('./template.js').Template }>>();
      for (const key of new Set([view.lemma[t], view.norm[t]])) {
        for (const c of rules.byAnchor.get(key) ?? []) {
          // Most templates need a word the sentence does not have: skip them before matching.
          if (!hasRequiredWords(c.template, words)) continue;
          let list = cands.get(c.rule);
          if (!list) cands.set(c.rule, (list = []));
          if (!list.includes(c)) list.push(c);
        }
      }
      for (const [rule, list] of cands) {
        // Event cues are common words; capitalized mid-sentence they are part of a name.
        if (capitalized && rule.kind === 'event') continue;
        // A rule's templates are tried in their file order; the first that matches wins.
        list.sort((a, b) => rule.templates.indexOf(a.template) - rule.templates.indexOf(b.template));
        for (const { template } of list) {
          const m = matchTemplate(view, template, s, t, rule);
          if (!m) continue;
          if (rule.kind === 'event' && modifiesNoun(view, m.cueEnd - 1, sent.endToken)) continue;
          const { facts, subjectEnd } = factsOf(view, rule, template.slots.some((x) => x.kind === 'arg' && x.role === 'S'), template.slots.some((x) => x.kind === 'arg' && x.role === 'O'), m, s, regions, out);
          if (facts.length) {
            const verbal = ['VERB', 'AUX'].includes(view.tokens[m.cueStart].pos);
            for (const fact of facts) sentenceFacts.push({ fact, weak: rule.objectFrom !== null || (rule.type === 'member_of'), cueStart: m.cueStart, cueEnd: m.cueEnd, subjectEnd, verbal, outcome: rule.id.endsWith('-outcome') });
            break;
          }
        }
      }
    }
    // The events that stand, then the events they imply (an announced intention is also AGREE).
    const chosen = preferMainEvents(view, sentenceFacts);
    const withDerived = chosen.flatMap((x) => [x, ...derivedEvents(view, x.fact, x.cueStart, x.subjectEnd, sent.firstToken).map((fact) => ({ ...x, fact }))]);
    out.push(...dropWeakDuplicates(withDerived));
  }
  // "The main threat they face is X": a construction longer than a template (threat.ts).
  const threat = rules.rules.find((r) => r.id === 'rival-threat-faced');
  if (threat) {
    const words = { degree: listSet(rules, 'threat_degree'), noun: listSet(rules, 'threat_noun'), face: listSet(rules, 'threat_face') };
    for (let s = 0; s < doc.sentences.length; s++) {
      for (const m of threatMatches(view, s, words, threat.S, threat.O)) out.push(...factsOf(view, threat, true, true, m, s, regions, out).facts);
    }
  }
  out.push(...ellipticalFacts(view, regions));
  out.push(...inferredFacts(view));
  out.push(...descriptionFacts(view));
  out.push(...orgsInCountry(view));
  return out;
}

function listSet(rules: RuleSet, name: string): Set<string> {
  return new Set((rules.lists[name] ?? []).map((w) => w.toLowerCase()));
}

/** A noun cue that modifies the noun after it ("the opposition newspaper", "an aid convoy") names no event. */
function modifiesNoun(view: DocView, last: number, end: number): boolean {
  const next = last + 1;
  if (view.tokens[last].pos !== 'NOUN' || next >= end || view.tokens[next].pos !== 'NOUN' || view.tokMention[next] >= 0 || inTimex(view, next)) return false;
  // "a mediation effort", "the ceasefire agreement": a head that carries the event on; "talks
  // hosted by": a participle the tagger read as a noun.
  return !EVENT_HEADS.has(view.norm[next]) && !/(ed|ing)$/.test(view.norm[next]);
}

const EVENT_HEADS = new Set(['effort', 'efforts', 'mission', 'missions', 'campaign', 'campaigns', 'operation', 'operations', 'process', 'plan', 'plans', 'bid', 'attempt', 'attempts', 'agreement', 'agreements', 'accord', 'deal', 'talks', 'negotiations', 'initiative', 'proposal', 'offer', 'call', 'calls', 'demand', 'demands', 'order', 'orders', 'line', 'lines', 'violation', 'violations', 'threat', 'threats', 'move', 'moves', 'action', 'actions']);

/** The noun at `cue` heads a phrase of time or cause ("in the wake of the execution", "after the killing"). */
function inAdjunct(view: DocView, cue: number, first: number): boolean {
  let i = cue - 1;
  while (i >= first && view.tokMention[i] < 0 && ['DET', 'ADJ', 'NUM', 'NOUN'].includes(view.tokens[i].pos)) i--;
  if (i < first) return false;
  if (TIME_OR_CAUSE.has(view.norm[i])) return true;
  // "in the wake of the execution", "in the aftermath of the killing".
  return view.norm[i] === 'of' && i - 1 >= first && ['wake', 'aftermath', 'days', 'weeks', 'months', 'years'].includes(view.norm[i - 1]);
}

/** Prepositions of time and cause: the event in their phrase is background, not the subject's act. */
const TIME_OR_CAUSE = new Set(['after', 'before', 'following', 'amid', 'amidst', 'since', 'despite', 'until']);

function verbBetween(view: DocView, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (view.tokens[i].pos === 'VERB' && !view.norm[i].endsWith('ing')) return true;
  return false;
}

/** Most words capitalized: a headline in title case, where capitals say nothing of names. */
function titleCase(view: DocView, first: number, end: number): boolean {
  let words = 0;
  let caps = 0;
  for (let i = first; i < end; i++) {
    if (!/^[A-Za-z]/.test(view.tokens[i].text) || view.tokens[i].text.length < 4) continue;
    words++;
    if (/^[A-Z]/.test(view.tokens[i].text)) caps++;
  }
  return words >= 3 && caps / words > 0.6;
}

function sentenceWords(view: DocView, first: number, end: number): Set<string> {
  const out = new Set<string>();
  for (let i = first; i < end; i++) {
    out.add(view.lemma[i]);
    out.add(view.norm[i]);
  }
  return out;
}

const requiredWords = new WeakMap<Template, Array<ReadonlySet<string>>>();

/** Every required literal of the template has one of its words in the sentence. */
function hasRequiredWords(t: Template, words: Set<string>): boolean {
  let req = requiredWords.get(t);
  if (!req) {
    req = t.slots.filter((x): x is Extract<typeof x, { kind: 'lit' }> => x.kind === 'lit' && !x.optional && !x.any).map((x) => x.words);
    requiredWords.set(t, req);
  }
  for (const set of req) {
    let found = false;
    const [small, big] = set.size <= words.size ? [set, words] : [words, set];
    for (const w of small) {
      if (big.has(w)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/**
 * A fact guessed from a title's context ("President X" → the country nearby) or a membership
 * yields to a leadership of the same subject said outright in the same sentence ("the Palestinian
 * Authority, led by President Mahmoud Abbas"; "X, the chief executive of Y").
 */
function dropWeakDuplicates(list: Array<{ fact: Fact; weak: boolean }>): Fact[] {
  return list
    .filter(({ fact, weak }) => !weak || !list.some((o) => !o.weak && o.fact.type === 'leader_of' && o.fact.subject === fact.subject && (fact.type === 'leader_of' || o.fact.object === fact.object)))
    .map((x) => x.fact);
}

function factsOf(view: DocView, rule: Rule, hasS: boolean, hasO: boolean, m: Match, s: number, regions: ReturnType<typeof attributionRegions>, earlier: readonly Fact[]): { facts: Fact[]; subjectEnd: number } {
  const none = { facts: [], subjectEnd: -1 };
  const doc = view.doc;
  const sent = doc.sentences[s];
  if (rule.kind === 'event' && isMediationCue(view, m.cueStart)) return none;
  const mediator = rule.kind === 'event' ? mediatorIn(view, sent.firstToken, sent.endToken) : null;
  let subjects: MentionRef[] = m.S;
  let objects: Array<MentionRef | null> = m.O;
  if (rule.namesOnly && [...subjects, ...m.O].some((x) => x.kind === 'nominal' || x.kind === 'pronoun')) return none;
  if (rule.subjectHead) subjects = subjects.filter((x) => x.entity.name.toLowerCase().split(/[\s-]+/).some((w) => rule.subjectHead!.has(w)));
  if (!hasS) subjects = mainSubject(view, s, new Set(m.O.map((o) => o.entity.id)), rule.S);
  // "Tutu called for sanctions after the execution of X": a nominal event after the main verb
  // is not the main subject's deed; one before it is ("With the capture of Kabul, the Taliban ...").
  if (!hasS && rule.kind === 'event' && !rule.placeIsWhere && subjects.length && verbBetween(view, subjects[0].endTok, m.cueStart) && inAdjunct(view, m.cueStart, sent.firstToken)) subjects = [];
  if (!subjects.length) return none;
  if (!hasO) {
    if (rule.objectFrom === 'country') {
      const c = countryInContext(view, s, new Set(subjects.map((x) => x.entity.id)));
      if (!c) return none;
      objects = [c];
    } else if (rule.objectFrom === 'previous') {
      // "The protection offered by X" with no recipient: whom the sentence before was about.
      if (['to', 'for'].includes(view.norm[m.cueEnd] ?? '')) return none;
      const t = previousTopic(view, s, new Set(subjects.map((x) => x.entity.id)), rule.O);
      if (!t) return none;
      objects = [t];
    } else if (rule.kind === 'event' && subjects.length > 1 && isReciprocal(rule.type, view.lemma[m.cueStart])) {
      // "Colombia and FARC agreed": the coordinated parties act on each other.
      objects = subjects.slice(1);
      subjects = subjects.slice(0, 1);
    } else objects = [null];
  }
  // A span that names several entities ("both heads", "the two leaders") stands for each, in
  // events and relations alike ("Both men settled in Doha").
  subjects = subjects.flatMap((x) => withSameSpan(view, x));
  objects = objects.flatMap((x) => (x ? withSameSpan(view, x) : [x]));
  const subjectEnd = Math.max(...subjects.map((x) => (x.endTok <= m.cueStart ? x.endTok : -1)));
  let region = regionFor(regions, m.cueStart);
  // A title or description in reported speech ("the administration of US President X has ...,
  // Y said") is the writer's wording, not the speaker's claim; in a direct quote it is theirs.
  if (region && !region.direct && DESCRIPTIVE.has(rule.type)) region = null;
  const attribution = region?.attribution ?? null;
  let modality = modalityAt(view, s, m.cueStart, m.cueEnd, subjectEnd, !!attribution);
  // "Iran denied that it had armed the rebels": the speaker says the fact is false.
  if (region?.denied && modality === 'asserted') modality = 'negated';
  const lex = modalityLexicon();
  let confidence = rule.confidence * (lex.factor[modality] ?? 1);
  if (attribution) confidence *= speechLexicon().factor;
  const evidence = [span(doc.meta.text, sent.start, sent.end)];
  const args = [...subjects, ...objects.filter((o): o is MentionRef => !!o)];
  // An apposition ("X, the founder of Y, said on Saturday") takes no time from its host clause.
  const apposition = view.norm[m.cueStart] === ',';
  // A claim takes no date from the words around it: "…, the ministry said on Monday".
  let time = timeOf(view, s, rule.kind, rule.type, m.cueStart, m.cueEnd, rule.time, args, region ? [region.first, region.end] : null);
  if (apposition && time?.text) {
    // Only a date inside the apposition itself ("X, the chief executive of Y since 1991, ...").
    let end = m.cueEnd;
    while (end < sent.endToken && view.norm[end] !== ',') end++;
    const inside = doc.meta.text.slice(view.tokens[m.cueStart].start, view.tokens[Math.max(m.cueStart, end - 1)].end);
    if (!inside.includes(time.text)) time = null;
  }
  // No date in the sentence: an event noun referring back to a dated event, or the episode the
  // sentence goes on with.
  if (!time && !apposition && rule.kind === 'event') time = referencedTime(view, s, rule.type, m.cueStart, m.cueEnd, args.map((a) => a.entity.id), earlier);
  if (!time && !apposition && modality === 'asserted') time = continuedTime(view, s, rule.kind, m.cueStart, subjects, subjectEnd, earlier);
  const place = rule.kind === 'event' || rule.type === 'founded' ? placeOf(view, s, m.cueStart, m.cueEnd, new Set(args.map((a) => a.entity.id))) : null;
  let role: string | null = null;
  if (rule.role === '$cue') role = doc.meta.text.slice(view.tokens[m.cueStart].start, view.tokens[m.cueEnd - 1].end).replace(/^,\s*/, '');
  else if (rule.role?.startsWith('@')) role = m.words.get(rule.role.slice(1))?.toLowerCase() ?? null;
  else if (rule.role) role = rule.role;
  const out: Fact[] = [];
  for (const subj of subjects) {
    for (const obj of objects) {
      if (obj && obj.entity.id === subj.entity.id) continue;
      // "the Italian researcher X": a nationality word says citizenship, not membership.
      if (obj && ADJECTIVAL_EXCLUDED.has(rule.type) && view.tokens[obj.endTok - 1].pos === 'ADJ') continue;
      // "kept its soldiers on Syrian soil": the land is the country's.
      const land = obj && rule.kind === 'event' ? countryOfLand(view, obj) : null;
      if (land && land.id === subj.entity.id) continue;
      out.push({
        id: '',
        kind: rule.kind,
        type: rule.type,
        mode: rule.mode ?? (rule.kind === 'event' ? modeFromSentence(view, rule.type, sent.firstToken, sent.endToken) : null),
        subject: subj.entity.id,
        object: land ? land.id : obj ? obj.entity.id : null,
        place: place && place !== obj?.entity.id ? place : null,
        time,
        modality,
        attribution,
        confidence: Math.round(confidence * 1000) / 1000,
        role,
        mediator: mediator && mediator !== subj.entity.id && mediator !== obj?.entity.id ? mediator : null,
        evidence,
      });
    }
  }
  return { facts: out, subjectEnd };
}

/** The fact stage: every relation and event the rules find, merged per (type, subject, object). */
export function extractAll(doc: WorkingDocument): Fact[] {
  const view = buildView(doc);
  const found = citizenshipChecked(doc.entities, rawFacts(doc, loadRules(), view));
  const chained = [...found, ...placeChains(doc.entities, found)];
  const raw = [...chained, ...citizenshipByBirth(view, chained)];
  const facts = mergeFacts([...raw, ...countryVariants(doc.entities, raw)]);
  shareDeathEpisodes(doc, facts, (lemma) => lemma !== 'die' && lifeCues().get(lemma) === 'died');
  endAtDeath(facts);
  return facts;
}
