// The public article-extraction sets (../shared/data) run through an extractor and scored by the
// shared, independent scorers. Used by the benchmark module and by the floor tests.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sharedPath } from '../testing/shared.js';
import { decodeHtml } from './decode.js';

export interface Page { id: string; url: string | null; html: string }
export type BodyExtractor = (page: Page) => string;

export interface SetScore {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  docs: number;
  /** The scorer's SCORE line, verbatim. */
  scoreLine: string;
}

/** The 181 pages of scrapinghub's article-extraction-benchmark, decoded. */
export function articleBenchmarkPages(): Page[] {
  const dir = sharedPath('data', 'article-extraction-benchmark');
  const truth = JSON.parse(readFileSync(path.join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { url: string }>;
  return Object.keys(truth).sort().map((id) => {
    const file = path.join(dir, 'html', `${id}.html.gz`);
    return { id, url: truth[id].url ?? null, html: decodeHtml(file, gunzipSync(readFileSync(file))) };
  });
}

/** The English subset of trafilatura's evaluation pages (html_en), keyed by file name. */
export function trafilaturaEnglishPages(): Page[] {
  const dir = sharedPath('data', 'trafilatura-evaldata', 'html_en');
  // The gold set is keyed by the page's URL; each entry names its file.
  const gold = JSON.parse(readFileSync(sharedPath('data', 'trafilatura-evaldata', 'evaldata_en_subset.json'), 'utf8')) as Record<string, { file: string }>;
  const urls = new Map<string, string>();
  for (const [url, item] of Object.entries(gold)) urls.set(item.file, url);
  return readdirSync(dir).filter((n) => n.endsWith('.html') || n.endsWith('.html.gz')).sort().map((name) => {
    const file = path.join(dir, name);
    let bytes = readFileSync(file);
    if (name.endsWith('.gz')) bytes = gunzipSync(bytes);
    const id = name.replace(/\.gz$/, '');
    return { id, url: urls.get(id) ?? urls.get(name) ?? null, html: decodeHtml(file, bytes) };
  });
}

function runScorer(script: string, args: string[]): SetScore {
  const out = execFileSync(process.execPath, [sharedPath('eval', script), ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const line = out.trim().split('\n').pop() ?? '';
  const get = (k: string) => Number(new RegExp(`\\b${k}=([\\d.]+)`).exec(line)?.[1] ?? NaN);
  return { precision: get('precision'), recall: get('recall'), f1: get('f1'), accuracy: get('accuracy'), docs: get('docs'), scoreLine: line };
}

/** Runs `extract` over the article benchmark and scores it with score-articles.mjs. */
export function scoreArticleBenchmark(extract: BodyExtractor, pages = articleBenchmarkPages()): SetScore {
  const dir = mkdtempSync(path.join(tmpdir(), 'actorgraph-articles-'));
  try {
    const output: Record<string, { articleBody: string }> = {};
    for (const p of pages) output[p.id] = { articleBody: extract(p) };
    const file = path.join(dir, 'output.json');
    writeFileSync(file, JSON.stringify(output));
    return runScorer('score-articles.mjs', ['--gold', sharedPath('data', 'article-extraction-benchmark', 'ground-truth.json'), '--system', file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `extract` over trafilatura's English pages and scores it with score-boilerplate.mjs. */
export function scoreTrafilaturaEnglish(extract: BodyExtractor, pages = trafilaturaEnglishPages()): SetScore {
  const dir = mkdtempSync(path.join(tmpdir(), 'actorgraph-boilerplate-'));
  try {
    const output: Record<string, string> = {};
    for (const p of pages) output[p.id] = extract(p);
    const file = path.join(dir, 'output.json');
    writeFileSync(file, JSON.stringify(output));
    return runScorer('score-boilerplate.mjs', ['--gold', sharedPath('data', 'trafilatura-evaldata', 'evaldata_en_subset.json'), '--system', file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
