// Re-DocRED test set end to end through the team's preparer and scorer (evaluation only: the
// texts and outputs stay in a temporary folder). Floors just below what the rules reach.
import { describe, expect, it } from 'vitest';
import { hasShared } from '../testing/shared.js';
import { groupLines, runRedocred } from './redocred.js';

describe.skipIf(!hasShared)('Re-DocRED relations, end to end', () => {
  it('reaches its floors on the relations outside places', { timeout: 300_000 }, () => {
    const r = runRedocred({ scorerArgs: ['--min', 'f1_no_place=0.28', 'p_no_place=0.47', 'f1_located_in=0.35', 'p_located_in=0.45', 'f1_citizen_of=0.27', '--max', 'span_errors=0'] });
    console.log(groupLines(r.figures).join('\n'));
    console.log(r.scoreLine);
    expect(r.stderr, r.scoreLine).toBe('');
    expect(r.status).toBe(0);
    // Every group the ontology shares with Re-DocRED finds something.
    for (const g of ['citizen_of', 'member_of', 'leader_of', 'founded', 'family_of', 'located_in']) expect(r.figures[`r_${g}`], g).toBeGreaterThan(0);
  });
});
