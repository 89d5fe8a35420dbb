// "on Afghan soil", "into Syrian territory": a nationality word before a word for land stands for
// the country, which the document names as a place of its own.
import type { Entity } from '../model/types.js';
import { countryCode } from './nationality.js';
import type { DocView, MentionRef } from './view.js';

const LAND_WORDS = new Set(['soil', 'territory', 'territories', 'land', 'lands', 'airspace', 'waters', 'ground']);

/** The country entity a NORP mention stands for when it qualifies a word for land, or null. */
export function countryOfLand(view: DocView, m: MentionRef): Entity | null {
  if (m.entity.type !== 'NORP' || m.endTok >= view.tokens.length || !LAND_WORDS.has(view.norm[m.endTok])) return null;
  const code = countryCode(m.entity);
  if (!code) return null;
  return view.doc.entities.find((e) => e.type === 'GPE' && e !== m.entity && countryCode(e) === code) ?? null;
}
