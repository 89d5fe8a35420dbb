import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hasShared } from '../testing/shared.js';
import { readTarFile } from './tar.js';
import { evaluateMeantime, parseMeantime, readMeantime } from './meantime.js';

describe('tar reader', () => {
  it('reads the files of a gzipped archive made by tar, long names included', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ag-tar-'));
    const deep = path.join(dir, 'src', 'a'.repeat(60), 'b'.repeat(60));
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(dir, 'src', 'one.txt'), 'first file\n');
    writeFileSync(path.join(deep, 'two.xml'), '<x>' + 'y'.repeat(1500) + '</x>');
    const archive = path.join(dir, 'a.tar.gz');
    execFileSync('tar', ['czf', archive, '-C', dir, 'src']);
    const entries = readTarFile(archive);
    const byName = new Map(entries.map((e) => [e.name, e.data.toString('utf8')]));
    expect(byName.get('src/one.txt')).toBe('first file\n');
    const long = [...byName.keys()].find((n) => n.endsWith('two.xml'))!;
    expect(long).toBe(`src/${'a'.repeat(60)}/${'b'.repeat(60)}/two.xml`);
    expect(byName.get(long)!.length).toBe(1507);
  });
});

describe('MEANTIME reader', () => {
  it('rebuilds text and maps linked mentions to their tokens', () => {
    const xml = `<Document doc_id="1">
<token number="0" sentence="0" t_id="1">Acme</token><token number="1" sentence="0" t_id="2">buys</token><token number="2" sentence="0" t_id="3">Zed</token>
<token number="3" sentence="1" t_id="4">May</token><token number="4" sentence="1" t_id="5">1</token><token number="5" sentence="1" t_id="6">,</token><token number="6" sentence="1" t_id="7">2009</token>
<token number="7" sentence="2" t_id="8">Acme</token><token number="8" sentence="2" t_id="9">&amp;</token><token number="9" sentence="2" t_id="10">Co.</token><token number="10" sentence="2" t_id="11">said</token><token number="11" sentence="2" t_id="12">it</token><token number="12" sentence="2" t_id="13">'s</token><token number="13" sentence="2" t_id="14">happy</token><token number="14" sentence="2" t_id="15">.</token>
<Markables><ENTITY_MENTION m_id="1"><token_anchor t_id="1"/></ENTITY_MENTION><ENTITY_MENTION m_id="2"><token_anchor t_id="8"/><token_anchor t_id="9"/><token_anchor t_id="10"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="3"><token_anchor t_id="12"/></ENTITY_MENTION>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="9" type="DATE" value="2009-05-01"></TIMEX3>
<ENTITY TAG_DESCRIPTOR="Acme" ent_type="ORG" instance_id="ORG1" m_id="20"/></Markables>
<Relations><REFERS_TO r_id="1"><source m_id="1"/><source m_id="2"/><source m_id="3"/><target m_id="20"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="5"/><target m_id="99"/></REFERS_TO></Relations></Document>`;
    const doc = parseMeantime('x/corpus_test/1_Acme.xml', xml);
    expect(doc.text).toBe("Acme buys Zed\n\nMay 1, 2009\n\nAcme & Co. said it's happy.");
    expect(doc.published).toBe('2009-05-01');
    expect(doc.corpus).toBe('corpus_test');
    expect(doc.mentions.map((m) => doc.text.slice(m.start, m.end))).toEqual(['Acme', 'Acme & Co.', 'it']);
    expect(new Set(doc.mentions.map((m) => m.instance))).toEqual(new Set(['ORG1']));
  });

  it.skipIf(!hasShared)('reads the 120 articles of the public set, with instances shared across articles', () => {
    const docs = readMeantime();
    expect(docs).toHaveLength(120);
    const docsPerInstance = new Map<string, Set<string>>();
    for (const d of docs) {
      expect(d.text.length).toBeGreaterThan(200);
      for (const m of d.mentions) {
        expect(m.end).toBeGreaterThan(m.start);
        expect(m.end).toBeLessThanOrEqual(d.text.length);
        docsPerInstance.set(m.instance, (docsPerInstance.get(m.instance) ?? new Set()).add(d.name));
      }
    }
    expect(Math.max(...[...docsPerInstance.values()].map((s) => s.size))).toBeGreaterThan(10);
  });

  it.skipIf(!hasShared)('scores a few articles end to end through the pipeline and the store', () => {
    const docs = readMeantime().filter((d) => d.corpus === 'corpus_gm').slice(0, 4);
    const r = evaluateMeantime(docs);
    expect(r.documents).toBe(4);
    expect(r.matchedMentions).toBeGreaterThan(0);
    for (const s of [r.mentions, r.documentEntities]) {
      for (const x of [s.bcubed.p, s.bcubed.r, s.bcubed.f1, s.pairwise.f1]) expect(x).toBeGreaterThanOrEqual(0), expect(x).toBeLessThanOrEqual(1);
    }
    // Resolution must do at least as well as keeping every document's entities apart.
    expect(r.mentions.bcubed.r).toBeGreaterThanOrEqual(r.baselines['no cross-document merging']!.bcubed.r);
  });
});
