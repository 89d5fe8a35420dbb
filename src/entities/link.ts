// Linking an entity to the catalog with context and date, not the name alone. An entry is a
// candidate when one of the entity's names is its name or alias and its type agrees. Candidates
// score for: a full (multi-word) name, sharing a country or group code with other actors linked
// in the same document, and a dated role that covers the publication date. A surname alone
// ("Haqqani") needs context to link; a tie between two actors links neither.
import type { CatalogEntry, Catalog } from '../catalog/index.js';
import { normalizeName } from '../catalog/normalize.js';

export interface LinkInput {
  names: string[];
  type: string;
  /** The entry the typing step preferred from the name alone. */
  preferred: CatalogEntry | null;
}

export interface LinkContext {
  countries: Set<string>;
  codes: Set<string>;
  published: string | null;
}

function roleCovers(e: CatalogEntry, date: string | null): boolean {
  if (!date) return false;
  return (e.roles ?? []).some((r) => (!r.from || r.from <= date) && (!r.to || r.to >= date));
}

export function scoreEntry(e: CatalogEntry, input: LinkInput, ctx: LinkContext, catalog: Catalog): number {
  let score = 0;
  const full = input.names.some((n) => normalizeName(n).includes(' ') && [e.name, ...e.aliases].some((a) => normalizeName(a) === normalizeName(n)));
  if (full) score += 2;
  if (e.subtype === 'country') score += 2;
  if (e.country && ctx.countries.has(e.country)) score += 1;
  if (catalog.codes(e).some((c) => ctx.codes.has(c))) score += 1;
  if (roleCovers(e, ctx.published)) score += 1;
  return score;
}

/** The catalog entry the entity names, or null when the name is unknown or ambiguous in context. */
export function linkEntity(input: LinkInput, ctx: LinkContext, catalog: Catalog): CatalogEntry | null {
  const seen = new Map<string, CatalogEntry>();
  for (const n of input.names) for (const e of catalog.lookup(n)) if (e.type === input.type) seen.set(e.id, e);
  if (!seen.size) return null;
  const scored = [...seen.values()].map((e) => ({ e, s: scoreEntry(e, input, ctx, catalog) })).sort((a, b) => b.s - a.s);
  if (scored.length > 1 && scored[0].s === scored[1].s) {
    // A tie: the name alone cannot tell them apart, unless the typing step's choice is among the best.
    return null;
  }
  const best = scored[0];
  const needed = input.type === 'PERSON' ? 2 : 1;
  if (best.s < needed && !(seen.size === 1 && input.names.some((n) => normalizeName(n) === normalizeName(best.e.name)) && input.type !== 'PERSON')) return null;
  return best.e;
}
