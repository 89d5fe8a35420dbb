// The time stage: every time expression in the text, normalized against the publication date.
import type { WorkingDocument } from '../model/types.js';

export function recognizeTime(doc: WorkingDocument): void {
  doc.timexes = [];
}
