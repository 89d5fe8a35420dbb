// The rule families live in ./rules/; this module keeps the stage's import path stable.
export { rulesFor, type Found, type Rule } from './rules/index.js';
