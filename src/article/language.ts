// Guesses a document's language from the share of its words that are each language's most
// frequent function words (data/article/stopwords.json). Good enough on a paragraph or more.
import { readFileSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import { normalForm } from './normal-form.js';

let lists: Map<string, Set<string>> | null = null;

function stopwords(): Map<string, Set<string>> {
  if (!lists) {
    const data = JSON.parse(readFileSync(dataPath('article', 'stopwords.json'), 'utf8')) as Record<string, unknown>;
    lists = new Map(Object.entries(data).filter(([k, v]) => !k.startsWith('_') && Array.isArray(v)).map(([k, v]) => [k, new Set(v as string[])]));
  }
  return lists;
}

/** Two-letter code of the most likely language, or `fallback` when the text is too short to tell. */
export function detectLanguage(text: string, fallback = 'en'): string {
  const words = normalForm(text.slice(0, 20000)).split(' ').filter(Boolean);
  if (words.length < 8) return fallback;
  let best = fallback;
  let bestCount = 0;
  for (const [lang, set] of stopwords()) {
    let n = 0;
    for (const w of words) if (set.has(w)) n++;
    if (n > bestCount) { best = lang; bestCount = n; }
  }
  return bestCount / words.length >= 0.08 ? best : fallback;
}
