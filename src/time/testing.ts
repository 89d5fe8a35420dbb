// Runs only the stages the time stage needs (analyze, then time) on a text: for tests and the
// benchmark, so they measure this stage and nothing downstream.
import type { DocumentMeta, WorkingDocument } from '../model/types.js';
import { newWorkingDocument } from '../pipeline/index.js';
import { analyze } from '../analyze/index.js';
import { recognizeTime, type TimeOptions } from './index.js';

export function timeDocument(text: string, published: string | null, options: TimeOptions = {}, source = 'text'): WorkingDocument {
  const meta: DocumentMeta = { id: '', source, title: null, published, language: 'en', text, removed: [] };
  const doc = newWorkingDocument(meta);
  analyze(doc);
  recognizeTime(doc, options);
  return doc;
}
