// Article stage benchmark: HTML extraction speed (pages per second on one core) and quality
// (F1 on the public sets, by the shared scorers), ours beside Readability.js with linkedom on
// the same pages in the same run. Needs ../shared; without it, only the plain-text timing runs.
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { readFileSync } from 'node:fs';
import { extractHtml } from './html.js';
import { collectBlocks } from './html-blocks.js';
import { cleanPlainText } from './plain-text.js';
import { hasShared, sharedPath } from '../testing/shared.js';
import { articleBenchmarkPages, scoreArticleBenchmark, scoreTrafilaturaEnglish, trafilaturaEnglishPages, type Page } from './benchmarks.js';

/** Ours: the body without the headline line, as the ground truth has it. */
function ours(p: Page): string {
  const a = extractHtml(p.html, { url: p.url });
  return a.title && a.text.startsWith(a.title + '\n') ? a.text.slice(a.title.length).trim() : a.text.trim();
}

/** Ours as the pipeline sees it: headline line and body (document.text). */
function fullText(p: Page): string {
  return extractHtml(p.html, { url: p.url }).text;
}

function readability(p: Page): string {
  const { document } = parseHTML(p.html);
  try {
    return new Readability(document as unknown as Document).parse()?.textContent?.trim() ?? '';
  } catch {
    return '';
  }
}

function timeIt(pages: Page[], fn: (p: Page) => string): { perSecond: number; ms: number } {
  for (const p of pages.slice(0, 5)) fn(p); // warm-up
  const t0 = process.hrtime.bigint();
  for (const p of pages) fn(p);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { perSecond: pages.length / (ms / 1000), ms };
}

export async function runBench(log: (line: string) => void): Promise<void> {
  if (hasShared) {
    const pages = articleBenchmarkPages();
    const mb = pages.reduce((n, p) => n + p.html.length, 0) / 1e6;
    log(`article-extraction-benchmark: ${pages.length} pages, ${mb.toFixed(1)} M characters of HTML (one core)`);
    for (const [name, fn] of [['actorgraph', ours], ['Readability.js 0.6 + linkedom', readability]] as const) {
      const t = timeIt(pages, fn);
      log(`  ${name.padEnd(30)} ${t.perSecond.toFixed(1)} pages/s  (${t.ms.toFixed(0)} ms)`);
    }
    for (const [name, fn] of [['actorgraph', ours], ['Readability.js 0.6 + linkedom', readability]] as const) {
      const s = scoreArticleBenchmark(fn, pages);
      log(`  ${name.padEnd(30)} score-articles ${s.scoreLine}`);
    }
    const traf = trafilaturaEnglishPages();
    for (const [name, fn] of [['actorgraph', ours], ['Readability.js 0.6 + linkedom', readability]] as const) {
      const s = scoreTrafilaturaEnglish(fn === ours ? fullText : fn, traf);
      log(`  ${name.padEnd(30)} score-boilerplate (trafilatura English, ${traf.length} pages${fn === ours ? '; document.text with its headline' : ''}) ${s.scoreLine}`);
    }
    // Plain-text cleaning on real chrome: each benchmark page flattened to one line per block
    // (what a scraper that keeps all text gives), before and after cleanPlainText.
    const flat = (p: Page) => collectBlocks(parseHTML(p.html).document.documentElement as unknown as Element).map((b) => b.text).join('\n');
    const cleaned = (p: Page) => { const a = cleanPlainText(flat(p)); return a.title && a.text.startsWith(a.title + '\n') ? a.text.slice(a.title.length).trim() : a.text.trim(); };
    log(`  flattened pages as plain text, uncleaned   score-articles ${scoreArticleBenchmark(flat, pages).scoreLine}`);
    log(`  flattened pages as plain text, cleaned     score-articles ${scoreArticleBenchmark(cleaned, pages).scoreLine}`);
    const example = readFileSync(sharedPath('examples', 'taliban-al-qaeda-alliance.txt'), 'utf8');
    const n = 200;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) cleanPlainText(example);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    log(`plain text with chrome (the example article): ${(n / (ms / 1000)).toFixed(0)} documents/s`);
  } else {
    log('article: ../shared not found, benchmark skipped');
  }
  const used = process.memoryUsage();
  log(`memory: rss ${(used.rss / 1e6).toFixed(0)} MB, heap ${(used.heapUsed / 1e6).toFixed(0)} MB`);
}
