// Plain text that still carries page chrome → body text and the removed lines.
import type { Article } from './index.js';

export function cleanPlainText(input: string): Article {
  const text = input.replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const title = lines.find((l) => l.trim())?.trim() ?? null;
  return { title, published: null, language: 'en', text: text.trim() + '\n', removed: [] };
}
