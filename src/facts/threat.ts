// "The main threat they must face is X", "X is the biggest threat the junta faces": the one
// called the threat a group faces is its rival. The construction spans a relative clause and
// often an aside before its copula ("the main threat they face now, after the withdrawal, is
// X"), more than a template's gap reaches, so it is matched here; the words are data
// (lists.json `threat_degree`, `threat_noun`, `threat_face`), the fact is the rule
// `rival-threat-faced` of relations.json with its test sentences.
import type { EntityType } from '../model/types.js';
import { leftSearch, mainSubject, rightSearch, type Match } from './match.js';
import { mentionAt, type DocView, type MentionRef } from './view.js';

const COPULAS = new Set(['is', 'was', 'are', 'were', 'remains', 'remained', 'remain', "'s", '’s', 'be', 'been', 'becomes', 'became', 'become']);
const GROUP_TYPES: ReadonlySet<EntityType> = new Set(['ORG', 'NORP']);
const PLURAL_PRONOUNS = new Set(['they', 'them']);

export interface ThreatWords {
  degree: ReadonlySet<string>;
  noun: ReadonlySet<string>;
  face: ReadonlySet<string>;
}

/**
 * The group an unresolved plural "they" stands for: the one group (ORG or NORP) named before it
 * in its sentence, or, when the sentence names nothing and no plural noun before it, the
 * previous sentence's main subject when that is a group. A person, a second group or a plural
 * common noun ("residents say the threat they face ...") leaves it unresolved: a wrong "they"
 * is worse than none.
 */
export function groupTopic(view: DocView, pron: number, exclude: ReadonlySet<string>): MentionRef | null {
  const sentence = view.tokens[pron].sentence;
  const s0 = view.doc.sentences[sentence].firstToken;
  const groups = new Map<string, MentionRef>();
  let other = false;
  for (let i = s0; i < pron; i++) {
    const m = mentionAt(view, i);
    if (m) {
      i = m.endTok - 1;
      if (exclude.has(m.entity.id)) continue;
      if (GROUP_TYPES.has(m.entity.type) && m.kind !== 'pronoun') groups.set(m.entity.id, groups.get(m.entity.id) ?? m);
      else if (m.entity.type === 'PERSON' || m.entity.type === 'GPE') other = true;
      continue;
    }
    if (view.tokens[i].pos === 'NOUN' && /[^s]s$/.test(view.norm[i]) && view.lemma[i] !== view.norm[i]) other = true;
  }
  if (groups.size === 1 && !other) return [...groups.values()][0];
  if (groups.size || other || sentence === 0) return null;
  const prev = mainSubject(view, sentence - 1, exclude, null);
  return prev.length === 1 && GROUP_TYPES.has(prev[0].entity.type) ? prev[0] : null;
}

/** Every "the main threat S face(s)" of a sentence with the one it names as that threat. */
export function threatMatches(view: DocView, sentence: number, words: ThreatWords, faces: ReadonlySet<EntityType> | null, allowed: ReadonlySet<EntityType> | null): Match[] {
  const { firstToken: s0, endToken: s1 } = view.doc.sentences[sentence];
  const out: Match[] = [];
  for (let t = s0 + 1; t < s1; t++) {
    if (!words.noun.has(view.norm[t]) || view.tokMention[t] >= 0 || !words.degree.has(view.norm[t - 1])) continue;
    // "the main threat": a definite noun phrase, the determiner before its degree word(s).
    let det = t - 1;
    while (det - 1 >= s0 && (view.tokens[det - 1].pos === 'ADJ' || view.tokens[det - 1].pos === 'ADV' || words.degree.has(view.norm[det - 1]))) det--;
    if (det - 1 < s0 || !['the', 'their', 'its', 'his', 'her'].includes(view.norm[det - 1])) continue;
    det--;
    let k = t + 1;
    if (k < s1 && ['that', 'which'].includes(view.norm[k])) k++;
    // Who faces it: a name, or an unresolved plural pronoun for a group.
    const m = k < s1 ? mentionAt(view, k) : null;
    const pron = !m && k < s1 && PLURAL_PRONOUNS.has(view.norm[k]) ? k : -1;
    if (!m && pron < 0) continue;
    let v = m ? m.endTok : k + 1;
    while (v < s1 && (['AUX', 'ADV', 'PART'].includes(view.tokens[v].pos) || ['have', 'has', 'had', 'to'].includes(view.norm[v])) && !words.face.has(view.norm[v])) v++;
    if (v >= s1 || !words.face.has(view.norm[v])) continue;
    // The threat: the subject of the copula before the phrase ("X is the main threat they face"),
    // or what the copula after it names ("the main threat they face, ..., is X").
    let threat: MentionRef[] = [];
    let b = det - 1;
    while (b >= s0 && view.tokens[b].pos === 'ADV') b--;
    if (b >= s0 && COPULAS.has(view.norm[b])) threat = leftSearch(view, b, s0, allowed);
    else {
      const c = copulaAfter(view, v + 1, s1);
      if (c >= 0) threat = rightSearch(view, c + 1, s1, allowed, false);
    }
    if (!threat.length) continue;
    const exclude = new Set(threat.map((x) => x.entity.id));
    const faced = m ? (exclude.has(m.entity.id) || (faces && !faces.has(m.entity.type)) ? null : m) : groupTopic(view, pron, exclude);
    if (!faced || (faces && !faces.has(faced.entity.type))) continue;
    out.push({ S: [faced], O: threat, cueStart: t, cueEnd: v + 1, words: new Map() });
  }
  return out;
}

/**
 * The copula that follows the relative clause at `from`: over adverbs ("now") and asides set off
 * by commas or dashes (", installed in power in the capital,"), at most 20 tokens on.
 */
function copulaAfter(view: DocView, from: number, s1: number): number {
  let p = from;
  while (p < s1 && view.tokens[p].pos === 'ADV') p++;
  if (p < s1 && [',', '—', '–'].includes(view.norm[p])) {
    const open = view.norm[p];
    let q = p + 1;
    while (q < s1 && q < p + 20 && view.norm[q] !== open && !['.', ';', ':', '“', '”', '"'].includes(view.norm[q])) q++;
    if (q >= s1 || view.norm[q] !== open) return -1;
    p = q + 1;
  }
  return p < s1 && COPULAS.has(view.norm[p]) && ['AUX', 'VERB'].includes(view.tokens[p].pos) ? p : -1;
}
