// A second language from data alone: data/time/es.json, with its own word orders as data patterns.
import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../model/types.js';
import { newWorkingDocument } from '../pipeline/index.js';
import { analyze } from '../analyze/index.js';
import { recognizeTime } from './index.js';

function timexes(text: string, language: string, published = '2022-08-02') {
  const meta: DocumentMeta = { id: '', source: 'text', title: null, published, language, text, removed: [] };
  const doc = newWorkingDocument(meta);
  analyze(doc);
  recognizeTime(doc);
  return { found: doc.timexes.map((t) => [t.text, t.type, t.value]), messages: doc.messages };
}

describe('languages', () => {
  it('reads Spanish dates, relative expressions and durations from data/time/es.json', () => {
    const { found } = timexes('Los talibanes tomaron Kabul el pasado 15 de agosto. El acuerdo se firmó en febrero de 2020. Hace tres años hubo ataques, y también el domingo pasado. Este año habrá elecciones durante dos semanas.', 'es');
    expect(found).toEqual([
      ['el pasado 15 de agosto', 'DATE', '2021-08-15'],
      ['febrero de 2020', 'DATE', '2020-02'],
      ['Hace tres años', 'DATE', '2019'],
      ['el domingo pasado', 'DATE', '2022-07-31'],
      ['Este año', 'DATE', '2022'],
      ['dos semanas', 'DURATION', 'P2W'],
    ]);
  });

  it('falls back to English rules, with a message, for a language without data', () => {
    const { found, messages } = timexes('It happened in 1994.', 'xx');
    expect(found).toEqual([['1994', 'DATE', '1994']]);
    expect(messages.some((m) => m.rule === 'no-language-data')).toBe(true);
  });
});
