// Entity-stage speed: words per second over the example article and the GUM news texts (when
// ../shared is present), or over a generated text otherwise. The analyze and time stages run
// once beforehand and are not timed.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { extractText } from '../pipeline/index.js';
import { recognizeEntities } from './index.js';
import { loadCatalog } from '../catalog/index.js';
import { hasShared, sharedPath, exampleArticle } from '../testing/shared.js';

export async function runBench(log: (line: string) => void): Promise<void> {
  let t0 = performance.now();
  const catalog = loadCatalog();
  log(`catalog load: ${catalog.entries.length} entries in ${(performance.now() - t0).toFixed(0)} ms`);
  const texts: string[] = [];
  if (hasShared) {
    texts.push(readFileSync(exampleArticle, 'utf8'));
    const gum = sharedPath('data', 'gum-news', 'coref', 'gum', 'tsv');
    if (existsSync(gum)) {
      for (const f of readdirSync(gum).filter((x) => x.endsWith('.tsv'))) {
        const lines = readFileSync(`${gum}/${f}`, 'utf8').split('\n').filter((l) => l.startsWith('#Text='));
        texts.push(lines.map((l) => l.slice(6)).join('\n'));
      }
    }
  } else {
    texts.push(Array.from({ length: 200 }, (_, i) => `President Joe Biden met Sheikh Tamim bin Hamad Al Thani in Doha on day ${i}. The Taliban and Al Qaeda were discussed.`).join(' '));
  }
  const docs = texts.map((t) => extractText(t, { raw: true }));
  const words = docs.reduce((n, d) => n + d.tokens.filter((t) => /\p{L}/u.test(t.text)).length, 0);
  recognizeEntities(docs[0]); // warm-up
  const rounds = 3;
  t0 = performance.now();
  let entities = 0;
  for (let r = 0; r < rounds; r++) for (const d of docs) {
    recognizeEntities(d);
    entities += d.entities.length;
  }
  const ms = performance.now() - t0;
  log(`entity stage: ${docs.length} documents, ${words} words x ${rounds} rounds in ${ms.toFixed(0)} ms = ${Math.round((words * rounds) / (ms / 1000))} words/s (${Math.round(entities / rounds)} entities per round)`);
  log(`heap used: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
}
