import { fileURLToPath } from 'node:url';
import path from 'node:path';

// This file sits two levels below the package root both as source (src/model) and as build
// output (dist/model), so the same relative step finds the root from either.
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A path inside the project's own data folder (lexicons, cue lists, catalog). */
export function dataPath(...parts: string[]): string {
  return path.join(packageRoot, 'data', ...parts);
}
