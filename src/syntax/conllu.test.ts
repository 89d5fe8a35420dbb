import { describe, expect, it } from 'vitest';
import { isProjective, parseConllu } from './conllu.js';

const sample = [
  '# sent_id = a-1',
  '# text = They don\'t sleep.',
  '1\tThey\tthey\tPRON\tPRP\t_\t4\tnsubj\t4:nsubj\t_',
  "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_",
  '2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_',
  "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_",
  '4\tsleep\tsleep\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No',
  '4.1\tsleep\tsleep\tVERB\tVB\t_\t_\t_\t0:root\t_',
  '5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_',
  '',
  '# sent_id = a-2',
  '1\tHello\thello\tINTJ\tUH\t_\t0\troot\t0:root\t_',
  '',
].join('\n');

describe('parseConllu', () => {
  it('keeps the syntactic words of multiword tokens and skips range lines and empty nodes', () => {
    const [s, t] = parseConllu(sample);
    expect(s.id).toBe('a-1');
    expect(s.text).toBe("They don't sleep.");
    expect(s.words).toEqual(['They', 'do', "n't", 'sleep', '.']);
    expect(s.upos).toEqual(['PRON', 'AUX', 'PART', 'VERB', 'PUNCT']);
    expect(s.heads).toEqual([4, 4, 4, 0, 4]);
    expect(s.deprels).toEqual(['nsubj', 'aux', 'advmod', 'root', 'punct']);
    expect(t.words).toEqual(['Hello']);
  });

  it('rejects words out of order', () => {
    expect(() => parseConllu('1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n3\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n')).toThrow(/out of order/);
  });
});

describe('isProjective', () => {
  it('accepts nested arcs and rejects crossing ones', () => {
    expect(isProjective([2, 0, 2])).toBe(true);
    // 1→3 and 2→4 cross.
    expect(isProjective([3, 4, 0, 3])).toBe(false);
    // An arc over the root word crosses the root arc.
    expect(isProjective([3, 0, 2])).toBe(false);
  });
});
