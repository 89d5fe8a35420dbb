// Where the team's shared folder (examples, gold, scorers, public data sets) sits beside the
// project. Tests that need it skip with a message where it is absent (a user's machine).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../model/paths.js';

export const sharedDir = process.env.ACTORGRAPH_SHARED ?? path.resolve(packageRoot, '..', 'shared');
export const hasShared = existsSync(path.join(sharedDir, 'eval'));
export const sharedPath = (...parts: string[]) => path.join(sharedDir, ...parts);
export const exampleArticle = sharedPath('examples', 'taliban-al-qaeda-alliance.txt');
export const skipWithoutShared = hasShared ? false : 'needs ../shared (examples, gold, scorers, data)';
