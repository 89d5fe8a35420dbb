// `node dist/facts/redocred-run.js [--dev] [--verbose]`: the Re-DocRED figures per group, and with
// --verbose the scorer's full report (every missed unit and wrong fact) on stdout.
import { groupLines, runRedocred } from './redocred.js';

const args = process.argv.slice(2);
const r = runRedocred({ split: args.includes('--dev') ? 'dev' : 'test', verbose: args.includes('--verbose') });
if (args.includes('--verbose')) console.log(r.report);
for (const line of groupLines(r.figures)) console.log(line);
console.log(r.scoreLine.replace(/^SCORE/, `SCORE f1_no_place=${(r.figures.f1_no_place ?? 0).toFixed(3)}`));
if (r.stderr) console.error(r.stderr);
