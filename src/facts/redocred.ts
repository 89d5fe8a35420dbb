// Re-DocRED end to end: the team's preparer writes the Wikipedia introductions of the test (or
// dev) set into a temporary folder, the whole pipeline runs raw on every text, and the team's
// scorer compares the relation facts with the Wikidata labels it maps onto our ontology.
// Evaluation only: the prepared texts and outputs stay in the temporary folder.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runPipeline, toExtractResult } from '../pipeline/index.js';
import { sharedPath } from '../testing/shared.js';

export interface RedocredResult {
  /** The scorer's figures from its SCORE line and its per-group table. */
  figures: Record<string, number>;
  /** The scorer's last stdout line. */
  scoreLine: string;
  /** The scorer's full report (per-group rows; with `verbose`, every miss and wrong fact). */
  report: string;
  status: number | null;
  stderr: string;
}

export interface RedocredOptions {
  split?: 'test' | 'dev';
  /** Only the first n documents (for a quick look; the scorer then counts the rest as missing). */
  limit?: number;
  verbose?: boolean;
  /** Extra scorer arguments, e.g. ['--min', 'f1_no_place=0.2']. */
  scorerArgs?: string[];
}

const GROUPS = ['citizen_of', 'member_of', 'leader_of', 'founded', 'family_of', 'part_of', 'part_of_place', 'located_in'];

export function runRedocred(options: RedocredOptions = {}): RedocredResult {
  const gold = sharedPath('data', 're-docred', `${options.split === 'dev' ? 'dev' : 'test'}_revised.json.gz`);
  const dir = mkdtempSync(path.join(tmpdir(), 'ag-redocred-'));
  try {
    const prep = spawnSync(process.execPath, [sharedPath('eval', 'prepare-redocred.mjs'), gold, dir], { encoding: 'utf8' });
    if (prep.status !== 0) throw new Error(`prepare-redocred failed: ${prep.stderr}`);
    let manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Array<{ file: string }>;
    if (options.limit) manifest = manifest.slice(0, options.limit);
    const lines = manifest.map((m) => {
      const file = path.join(dir, m.file);
      const input = { source: file, bytes: readFileSync(file), mediaType: 'text/plain', charset: null, url: null, fetchedAt: null };
      return JSON.stringify(toExtractResult(runPipeline(input, { raw: true })));
    });
    const out = path.join(dir, 'out.jsonl');
    writeFileSync(out, lines.join('\n') + '\n');
    const args = [sharedPath('eval', 'score-redocred.mjs'), '--gold', gold, '--system', out, ...(options.verbose ? ['--verbose'] : []), ...(options.scorerArgs ?? [])];
    const res = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const report = res.stdout ?? '';
    const scoreLine = report.trim().split('\n').at(-1) ?? '';
    return { figures: parseFigures(report, scoreLine), scoreLine, report, status: res.status, stderr: res.stderr ?? '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Figures of the SCORE line, plus p/r/f1 per group read from the report's table rows. */
function parseFigures(report: string, scoreLine: string): Record<string, number> {
  const figures: Record<string, number> = {};
  for (const m of scoreLine.matchAll(/(\w+)=([\d.]+)/g)) figures[m[1]] = Number(m[2]);
  // Rows: "<group> [(note)]  gold system correct P R F1"; "all but part_of_place" is no_place.
  for (const line of report.split('\n')) {
    const m = /^(\S+).*?\s(\d+)\s+(\d+)\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*$/.exec(line);
    if (!m) continue;
    const group = line.startsWith('all but part_of_place') ? 'no_place' : m[1];
    if (!GROUPS.includes(group) && group !== 'no_place') continue;
    figures[`gold_${group}`] = Number(m[2]);
    figures[`p_${group}`] = Number(m[5]);
    figures[`r_${group}`] = Number(m[6]);
    figures[`f1_${group}`] = Number(m[7]);
  }
  return figures;
}

/** One line per group: "leader_of P 0.500 R 0.200 F1 0.286". */
export function groupLines(figures: Record<string, number>): string[] {
  return [...GROUPS, 'no_place']
    .filter((g) => `f1_${g}` in figures)
    .map((g) => `${g.padEnd(14)} P ${figures[`p_${g}`].toFixed(3)}  R ${figures[`r_${g}`].toFixed(3)}  F1 ${figures[`f1_${g}`].toFixed(3)}`);
}
