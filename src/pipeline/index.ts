// One composition of the stages, used by the CLI, the server, the benchmarks and the tests.
import type { DocumentMeta, ExtractResult, WorkingDocument } from '../model/types.js';
import type { RawInput } from '../read/index.js';
import { buildArticle, type ArticleOptions } from '../article/index.js';
import { analyze } from '../analyze/index.js';
import { recognizeTime } from '../time/index.js';
import { recognizeEntities } from '../entities/index.js';
import { extractFacts } from '../facts/index.js';

export type PipelineOptions = ArticleOptions;

/** The stages after the article stage, in order. Each fills in its part of the document. */
export const stages: ReadonlyArray<readonly [string, (doc: WorkingDocument) => void]> = [
  ['analyze', analyze],
  ['time', recognizeTime],
  ['entities', recognizeEntities],
  ['facts', extractFacts],
];

export function newWorkingDocument(meta: DocumentMeta): WorkingDocument {
  return { meta, sentences: [], tokens: [], entities: [], timexes: [], facts: [], messages: [] };
}

/** Runs every stage over an already built article. */
export function processDocument(meta: DocumentMeta): WorkingDocument {
  const doc = newWorkingDocument(meta);
  for (const [, stage] of stages) stage(doc);
  return doc;
}

/** Raw input → the full working document. Throws InputError for input that is not an article. */
export function runPipeline(input: RawInput, options: PipelineOptions = {}): WorkingDocument {
  return processDocument(buildArticle(input, options));
}

/** The JSON contract of `actorgraph extract --json`. */
export function toExtractResult(doc: WorkingDocument): ExtractResult {
  return { document: doc.meta, entities: doc.entities, timexes: doc.timexes, facts: doc.facts };
}

/** Convenience for tests and scripts: plain text in, extraction out. */
export function extractText(text: string, options: PipelineOptions & { source?: string } = {}): WorkingDocument {
  const input: RawInput = { source: options.source ?? 'text', bytes: Buffer.from(text, 'utf8'), mediaType: 'text/plain', charset: null, url: null, fetchedAt: null };
  return runPipeline(input, options);
}
