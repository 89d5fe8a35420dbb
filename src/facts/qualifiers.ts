// Qualifiers of a matched fact: its time (from the clause's own time expression, else the
// sentence's), its place (events: "in Kabul") and its modality (negated, hedged, predicted,
// hypothetical), read from the tokens around the cue.
import { readFileSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import { POINT_RELATIONS, type FactKind, type FactTime, type Modality, type Timex } from '../model/types.js';
import { mentionAt, tokenRange, type DocView, type MentionRef } from './view.js';
import { timeLexicon, typesOfNoun } from './event-time.js';
import { calendarValue } from '../time/index.js';
import { asideHolding, asidesIn } from './asides.js';

interface ModalityLexicon {
  negation: Set<string>;
  hedge: Set<string>;
  prediction: Set<string>;
  hypothesis: Set<string>;
  factor: Record<Modality, number>;
}

let lexicon: ModalityLexicon | null = null;
export function modalityLexicon(): ModalityLexicon {
  if (!lexicon) {
    const raw = JSON.parse(readFileSync(dataPath('facts', 'modality.json'), 'utf8'));
    lexicon = {
      negation: new Set(raw.negation),
      hedge: new Set(raw.hedge),
      prediction: new Set(raw.prediction),
      hypothesis: new Set(raw.hypothesis),
      factor: raw.factor,
    };
  }
  return lexicon;
}

const BE_PLAN = new Set(['is', 'are', 'am', 'was', 'were', "'s", "'re"]);
const CLAUSE_STOPS = new Set([';', ':', '—', '–', '“', '”', '"', '(', ')']);
const START_MARKERS = new Set(['since', 'from', 'after', 'starting']);
const END_MARKERS = new Set(['until', 'till', 'through', 'to']);
const PLACE_PREPS = new Set(['in', 'at', 'near', 'outside', 'inside', 'into', 'across', 'throughout']);

/**
 * The modality of a fact whose cue starts at `cueStart`, with its subject ending at `subjectEnd`;
 * `reported` when it is someone's reported claim ("Iran said it would attack": future in the past).
 */
export function modalityAt(view: DocView, sentence: number, cueStart: number, cueEnd: number, subjectEnd: number, reported = false): Modality {
  const lex = modalityLexicon();
  const sent = view.doc.sentences[sentence];
  // The verb chain between the subject and the cue ("did not sign", "will remain").
  const chainStart = Math.max(sent.firstToken, subjectEnd >= 0 && subjectEnd <= cueStart ? subjectEnd : cueStart - 6);
  let negated = false;
  let predicted = false;
  let conditional = false;
  for (let i = chainStart; i < cueStart; i++) {
    const n = view.norm[i];
    // "not only ... but also" adds, it does not deny.
    if (lex.negation.has(n) && !(n === 'not' && ['only', 'just', 'merely', 'simply'].includes(view.norm[i + 1]))) negated = true;
    if (lex.prediction.has(n) || (n === 'going' && view.norm[i + 1] === 'to')) predicted = true;
    // "is to resume", "was about to sign": a form of "be" before an infinitive plans the act.
    if (BE_PLAN.has(n) && (view.norm[i + 1] === 'to' || (view.norm[i + 1] === 'about' && view.norm[i + 2] === 'to'))) predicted = true;
    if (n === 'would' || n === "'d") conditional = true;
  }
  // "would attack": a condition ("if ...", or none said) unless it reports a future ("said it would").
  if (conditional && !negated) {
    let condition = false;
    for (let i = sent.firstToken; i < sent.endToken; i++) if (['if', 'unless'].includes(view.norm[i])) condition = true;
    if (reported && !condition) predicted = true;
    else return 'hypothetical';
  }
  // "no longer", "never" right after the cue verb's auxiliary are caught above; a negated noun
  // cue ("no alliance with") is caught by the word just before it.
  if (cueStart - 1 >= sent.firstToken && lex.negation.has(view.norm[cueStart - 1])) negated = true;
  if (negated) return 'negated';
  let clauseStart = sent.firstToken;
  for (let i = cueStart - 1; i >= sent.firstToken; i--) if (CLAUSE_STOPS.has(view.norm[i])) { clauseStart = i + 1; break; }
  for (let i = clauseStart; i < cueStart; i++) if (lex.hypothesis.has(view.norm[i]) && view.norm[i] !== 'would') return 'hypothetical';
  if (predicted) return 'predicted';
  // A hedge in an aside is the aside's ("X, who may be divided, attacked Y"); a cue inside an
  // aside ("…, said X, a fellow at Y") takes no hedge from the words before it.
  const asides = asidesIn(view, sent.firstToken, sent.endToken);
  const cueAside = asideHolding(asides, cueStart);
  for (let i = cueAside ? cueAside.open : sent.firstToken; i < Math.min(cueEnd + 2, sent.endToken); i++) {
    // "in May 2011": a month is no "may".
    if ((lex.hedge.has(view.norm[i]) || lex.hedge.has(view.lemma[i])) && !inTimex(view, sentence, i) && !inClosedAside(view, sent.firstToken, i, cueStart) && asideHolding(asides, i) === cueAside) return 'hedged';
  }
  return 'asserted';
}

/** A word inside a relative clause that closes before the cue: "Hamas, which may be divided, attacked X". */
function inClosedAside(view: DocView, s0: number, tok: number, cueStart: number): boolean {
  let k = tok - 1;
  while (k >= s0 && view.norm[k] !== ',' && !['who', 'which', 'whose'].includes(view.norm[k])) k--;
  if (k < s0 || view.norm[k] === ',') return false;
  for (let c = tok + 1; c < cueStart; c++) if (view.norm[c] === ',') return true;
  return false;
}

function inTimex(view: DocView, sentence: number, tok: number): boolean {
  const t = view.tokens[tok];
  return view.sentenceTimexes[sentence].some((x) => x.start <= t.start && t.end <= x.end);
}

/** A timex's position and the word that introduces it. */
interface TimexSite {
  timex: Timex;
  /** The calendar value(s) a fact's time takes (`2024-W18` → `2024-05`), `a/b` for a range. */
  value: string;
  first: number;
  end: number;
  marker: string;
}

function sites(view: DocView, sentence: number): TimexSite[] {
  const out: TimexSite[] = [];
  for (const t of view.sentenceTimexes[sentence]) {
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    if (!/^\d/.test(t.value)) continue;
    const published = view.doc.meta.published?.slice(0, 10) ?? null;
    const ends = t.value.split('/').map((v) => calendarValue(v, published));
    if (ends.some((v) => !v)) continue;
    const [first, end] = tokenRange(view.tokens, t.start, t.end);
    let m = first - 1;
    while (m >= 0 && ['the', 'early', 'late', 'mid', 'middle', 'of', 'end', 'beginning', 'start'].includes(view.norm[m]) && m > first - 4) m--;
    out.push({ timex: t, value: ends.join('/'), first, end, marker: m >= 0 ? view.norm[m] : '' });
  }
  return out;
}

/**
 * A date that belongs to another event of the clause: after the cue, past an event noun of
 * another kind ("sought an apology for the raid in May 2010"); before a nominal cue, right after
 * a verb that is not a light verb carrying it ("apologized on Friday for the raid").
 */
function dateOfAnother(view: DocView, s: TimexSite, type: string, cueStart: number, cueEnd: number): boolean {
  if (s.first >= cueEnd) {
    for (let k = cueEnd; k < s.first; k++) {
      if (view.tokMention[k] >= 0 || view.tokens[k].pos !== 'NOUN') continue;
      const types = typesOfNoun(view, k);
      if (types && !types.has(type)) return true;
    }
    return false;
  }
  // "pleaded guilty to threatening X": a gerund after a preposition names an event like a noun.
  const gerund = view.norm[cueStart].endsWith('ing') && cueStart > 0 && (view.tokens[cueStart - 1].pos === 'ADP' || view.norm[cueStart - 1] === 'to');
  if (view.tokens[cueStart].pos !== 'NOUN' && !gerund) {
    // A verb whose subject is a relative pronoun ("a flotilla that sought ...") has its clause
    // from the pronoun on: a date before it is the main clause's.
    let r = cueStart - 1;
    while (r >= 0 && ['AUX', 'ADV', 'PART'].includes(view.tokens[r].pos)) r--;
    return r >= 0 && s.end <= r && ['who', 'which', 'that'].includes(view.norm[r]) && ['PRON', 'DET', 'SCONJ'].includes(view.tokens[r].pos);
  }
  let k = s.first - 1;
  while (k >= 0 && k > s.first - 4 && ['ADP', 'ADV', 'DET', 'ADJ'].includes(view.tokens[k].pos)) k--;
  if (k >= 0 && view.tokens[k].pos === 'VERB' && !timeLexicon().lightVerbs.has(view.lemma[k])) return true;
  // A verb between the date and the noun: the date is that verb's clause's ("the raid in May 2010 on a ship that sought to break the blockade").
  for (let i = s.end; i < cueStart; i++) if (view.tokens[i].pos === 'VERB' && !timeLexicon().lightVerbs.has(view.lemma[i])) return true;
  return false;
}

/**
 * The time of a fact: the sentence's date nearest the cue, preferring one in the same clause.
 * Events, life events and point-like relations get `at`; durable relations get `start`/`end`
 * from "since X", "until X", "from X to Y", a range value, or a cue that begins a state.
 */
export function timeOf(view: DocView, sentence: number, kind: FactKind, type: string, cueStart: number, cueEnd: number, ruleTime: 'start' | 'end' | 'none' | null, args: MentionRef[], within: [number, number] | null = null): FactTime | null {
  if (ruleTime === 'none') return null;
  const point = kind !== 'relation' || POINT_RELATIONS.has(type);
  // "met him before 9/11", "founded after 2001": an event is not at a date it is before or after.
  const notAt = timeLexicon().notAt;
  // "Hamas, founded in 1987, has fought ...", "X resumed control of Y, which Z has run since
  // 2007": a date inside an aside is the aside's, and a cue inside one takes no date from outside.
  const sent = view.doc.sentences[sentence];
  const asides = asidesIn(view, sent.firstToken, sent.endToken);
  const cueAside = asideHolding(asides, cueStart);
  const list = sites(view, sentence).filter((s) => !args.some((a) => s.first < a.endTok && a.firstTok < s.end) && !(point && notAt.has(s.marker)) && (!within || (within[0] <= s.first && s.end <= within[1])) && asideHolding(asides, s.first) === cueAside && !(point && dateOfAnother(view, s, type, cueStart, cueEnd)));
  if (!list.length) return null;
  const dist = (s: TimexSite) => {
    const d = s.first >= cueEnd ? s.first - cueEnd : cueStart - s.end;
    let crossed = 0;
    let predicates = 0;
    const [a, b] = s.first >= cueEnd ? [cueEnd, s.first] : [s.end, cueStart];
    for (let i = a; i < b; i++) {
      if (CLAUSE_STOPS.has(view.norm[i])) crossed = 1;
      // "born in 1918 and died in 2013": another verb or a conjunction between them parts the date from the cue.
      if (view.tokens[i].pos === 'CCONJ' || view.tokens[i].pos === 'VERB') predicates++;
    }
    // Equal distances: the date after the cue ("died in 2013") before the one ahead of it.
    return d + crossed * 40 + predicates * 3 + (s.first >= cueEnd ? 0 : 0.5);
  };
  const sorted = [...list].sort((a, b) => dist(a) - dist(b));
  const best = sorted[0];
  const [v1, v2] = best.value.split('/');
  // "from 2001 to 2021" as two timexes: the second one follows "to"/"and" right after the first.
  const next = list.find((s) => s.first > best.end && s.first <= best.end + 2 && ['to', 'and', '-', '–', 'until'].includes(view.norm[best.end]));
  const text = best.timex.text;
  if (point) return { at: v1, text };
  if (v2) return { start: v1, end: v2, text };
  if (next && ['from', 'between'].includes(best.marker)) return { start: v1, end: next.value.split('/')[0], text: `${text} – ${next.timex.text}` };
  const marker = clauseMarker(view, best, cueEnd) ?? best.marker;
  if (START_MARKERS.has(marker)) return { start: v1, text };
  if (END_MARKERS.has(marker)) return { end: v1, text };
  if (ruleTime === 'start') return { start: v1, text };
  if (ruleTime === 'end') return { end: v1, text };
  return null;
}

/** Conjunctions that open a clause bounding a state: "has run it since it seized the town in 2007". */
const CLAUSE_MARKERS = new Set(['since', 'until', 'till']);

/**
 * A date inside a "since"/"until" clause after the cue ("has governed Y since it seized the
 * territory in 2007") starts or ends the state as "since 2007" would: the conjunction, or null.
 */
function clauseMarker(view: DocView, s: TimexSite, cueEnd: number): string | null {
  if (s.first < cueEnd) return null;
  for (let k = s.first - 1; k >= cueEnd && k >= s.first - 12; k--) {
    const n = view.norm[k];
    if (n === ',' || CLAUSE_STOPS.has(n)) return null;
    if (CLAUSE_MARKERS.has(n) && view.tokens[k].pos === 'SCONJ') return n;
  }
  return null;
}

/** An event's place: a place mention after "in"/"at"/"near" in the clause, nearest the cue. */
export function placeOf(view: DocView, sentence: number, cueStart: number, cueEnd: number, exclude: ReadonlySet<string>): string | null {
  const sent = view.doc.sentences[sentence];
  let best: { id: string; d: number } | null = null;
  for (let i = sent.firstToken; i < sent.endToken; i++) {
    const m = mentionAt(view, i);
    if (!m || m.firstTok !== i) continue;
    if (!['GPE', 'LOC', 'FAC'].includes(m.entity.type) || exclude.has(m.entity.id)) continue;
    let p = i - 1;
    while (p >= sent.firstToken && ['DET', 'ADJ'].includes(view.tokens[p].pos)) p--;
    // "in the old centre of Aleppo": the preposition may govern a noun that Kabul modifies.
    if (p >= sent.firstToken && view.norm[p] === 'of') {
      let q = p - 1;
      while (q >= sent.firstToken && ['DET', 'ADJ', 'NOUN', 'ADV'].includes(view.tokens[q].pos) && q > p - 5) q--;
      if (q >= sent.firstToken && PLACE_PREPS.has(view.norm[q])) p = q;
    }
    if (p < sent.firstToken || !PLACE_PREPS.has(view.norm[p])) continue;
    const d = i >= cueEnd ? i - cueEnd : cueStart - m.endTok;
    if (d > 15) continue;
    if (!best || d < best.d) best = { id: m.entity.id, d };
  }
  return best?.id ?? null;
}
