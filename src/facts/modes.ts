// The mode of an event whose cue names none, from an instrument word in its sentence
// (data/facts/events.json, `modes`): "X was killed in a drone strike" is ASSAULT aerial.
import { readFileSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import type { DocView } from './view.js';

let modes: Map<string, Array<{ mode: string; words: string[][] }>> | null = null;

function load(): Map<string, Array<{ mode: string; words: string[][] }>> {
  if (!modes) {
    const raw = JSON.parse(readFileSync(dataPath('facts', 'events.json'), 'utf8')).modes ?? {};
    modes = new Map();
    for (const [type, byMode] of Object.entries(raw as Record<string, Record<string, string[]>>)) {
      modes.set(type, Object.entries(byMode).map(([mode, words]) => ({ mode, words: words.map((w) => w.toLowerCase().split(/\s+/)) })));
    }
  }
  return modes;
}

/** The first mode of `type` whose instrument word occurs in the sentence's tokens [first, end), or null. */
export function modeFromSentence(view: DocView, type: string, first: number, end: number): string | null {
  const list = load().get(type);
  if (!list) return null;
  for (const { mode, words } of list) {
    for (const phrase of words) {
      for (let i = first; i + phrase.length <= end; i++) {
        if (phrase.every((w, k) => view.norm[i + k] === w)) return mode;
      }
    }
  }
  return null;
}
