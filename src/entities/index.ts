// The entity stage: mentions, typed, grouped into one entity per actor, linked to the catalog.
import type { WorkingDocument } from '../model/types.js';

export function recognizeEntities(doc: WorkingDocument): void {
  doc.entities = [];
}
