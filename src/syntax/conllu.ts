// A CoNLL-U reader for Universal Dependencies treebanks. Only syntactic words are kept: the
// range lines of multiword tokens ("3-4 don't") are surface forms whose words follow on their own
// lines, and empty nodes ("5.1", enhanced graphs only) have no place in the basic tree.

export interface UdSentence {
  id: string;
  text: string;
  words: string[];
  upos: string[];
  /** Head of each word: 0 is the root, else the 1-based index of the head word. */
  heads: number[];
  /** Basic dependency relation of each word, subtypes kept (nsubj:pass, obl:agent). */
  deprels: string[];
}

export function parseConllu(source: string): UdSentence[] {
  const sentences: UdSentence[] = [];
  let current: UdSentence = empty();
  const flush = () => {
    if (current.words.length) sentences.push(current);
    current = empty();
  };
  for (const raw of source.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) {
      flush();
      continue;
    }
    if (line.startsWith('#')) {
      const m = /^#\s*(sent_id|text)\s*=\s*(.*)$/.exec(line);
      if (m) current[m[1] === 'sent_id' ? 'id' : 'text'] = m[2];
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 8) throw new Error(`CoNLL-U line with ${cols.length} columns: ${line}`);
    const id = cols[0];
    if (id.includes('-') || id.includes('.')) continue; // multiword token range or empty node
    if (Number(id) !== current.words.length + 1) throw new Error(`CoNLL-U word ${id} out of order in ${current.id}`);
    current.words.push(cols[1]);
    current.upos.push(cols[3]);
    current.heads.push(cols[6] === '_' ? -1 : Number(cols[6]));
    current.deprels.push(cols[7]);
  }
  flush();
  return sentences;
}

function empty(): UdSentence {
  return { id: '', text: '', words: [], upos: [], heads: [], deprels: [] };
}

/** True if no two arcs cross (arcs to the root included), which arc-eager parsing needs. */
export function isProjective(heads: number[]): boolean {
  const n = heads.length;
  for (let d = 1; d <= n; d++) {
    const h = heads[d - 1];
    const lo = Math.min(h, d);
    const hi = Math.max(h, d);
    for (let k = lo + 1; k < hi; k++) {
      // Every word strictly between a head and its dependent must descend from that head.
      let a = k;
      let steps = 0;
      while (a !== 0 && a !== h && steps++ <= n) a = heads[a - 1];
      if (a !== h) return false;
    }
  }
  return true;
}
