// The actor catalog: known actors with a canonical name, a type, aliases and dated roles.
// Entries come from the bundled data (data/catalog/, generated from the Phoenix dictionaries by
// build.ts) and from the user's own file (managed by `actorgraph catalog add|list|import`).
import type { EntityType } from '../model/types.js';

/** A dated role or affiliation: `code` is the CAMEO-style actor code (AFGGOV, IMGMUSALQ, ...). */
export interface CatalogRole {
  code: string;
  /** Readable sector of the code: government, elite, military, rebel, ... */
  role?: string;
  /** ISO dates (YYYY-MM-DD); absent means open-ended. */
  from?: string;
  to?: string;
}

export interface CatalogEntry {
  /** Stable id, e.g. `phx:osama-bin-laden` (bundled) or `user:my-actor` (user file). */
  id: string;
  name: string;
  type: EntityType;
  subtype?: string | null;
  aliases: string[];
  /** ISO 3166 alpha-3 (or CAMEO) code of the country the actor belongs to, when known. */
  country?: string | null;
  roles?: CatalogRole[];
}

export interface CatalogFile {
  source: string;
  license?: string;
  entries: CatalogEntry[];
}
