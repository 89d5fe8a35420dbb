// Generates data/entities/common-words.txt: English words that are common nouns, verbs or
// adjectives far more often than names. A capitalized word from this list at the start of a
// sentence or in a headline ("Different", "Related", "Reply") is not taken for a name on its own.
//
// Derived from the Universal Dependencies English Web Treebank train split (CC BY-SA 4.0): a
// word is listed when it occurs at least three times in lower case and its lower-case
// occurrences outnumber three times its capitalized ones in mid-sentence and tagged PROPN.
//
//   npx tsc -p . && node dist/entities/build-common-words.js [path/to/en_ewt-ud-train.conllu]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataPath } from '../model/paths.js';
import { sharedPath } from '../testing/shared.js';

export function commonWords(conllu: string): string[] {
  const lower = new Map<string, number>();
  const proper = new Map<string, number>();
  for (const line of conllu.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length < 4 || !/^\d+$/.test(cols[0])) continue;
    const form = cols[1];
    if (!/^\p{L}[\p{L}'-]*$/u.test(form)) continue;
    const key = form.toLowerCase();
    if (form === key) lower.set(key, (lower.get(key) ?? 0) + 1);
    else if (cols[3] === 'PROPN' || (cols[0] !== '1' && /^\p{Lu}/u.test(form))) proper.set(key, (proper.get(key) ?? 0) + 1);
  }
  return [...lower]
    .filter(([w, n]) => n >= 3 && n > 3 * (proper.get(w) ?? 0) && w.length > 1)
    .map(([w]) => w)
    .sort();
}

export function main(file = sharedPath('data', 'ud-english-ewt', 'en_ewt-ud-train.conllu')): void {
  const words = commonWords(readFileSync(file, 'utf8'));
  const header = [
    '# Common English words (lower case far more often than names), one per line.',
    '# Derived by src/entities/build-common-words.ts from the Universal Dependencies English Web Treebank',
    '# (train split), licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); this list is',
    '# shared under the same license. Add words freely; remove a word to let it stand alone as a name.',
  ];
  writeFileSync(dataPath('entities', 'common-words.txt'), [...header, ...words, ''].join('\n'));
  console.log(`common words: ${words.length} from ${path.basename(file)}`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) main(process.argv[2]);
