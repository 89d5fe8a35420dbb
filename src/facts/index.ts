// The fact stage: relations and events between entities, with time, place, modality,
// attribution, confidence and evidence. Rules are data (data/facts/, see its README.md); this
// folder holds the matcher (template.ts, match.ts), the qualifiers and the merging.
import type { WorkingDocument } from '../model/types.js';
import { extractAll } from './extract.js';

export function extractFacts(doc: WorkingDocument): void {
  doc.facts = extractAll(doc);
}
