// The fact stage: relations and events between entities, with time, modality and evidence.
import type { WorkingDocument } from '../model/types.js';

export function extractFacts(doc: WorkingDocument): void {
  doc.facts = [];
}
