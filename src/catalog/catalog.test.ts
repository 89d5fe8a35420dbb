import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseTabari, buildCatalog, phoenixDate } from './build.js';
import { Catalog, loadCatalog, parseCatalogFile } from './index.js';
import { linkEntity } from '../entities/link.js';
import { packageRoot, dataPath } from '../model/paths.js';
import { InputError } from '../model/errors.js';

const cli = path.join(packageRoot, 'bin/actorgraph.js');
const cues = JSON.parse(readFileSync(dataPath('entities', 'cues.json'), 'utf8'));

describe('Phoenix dictionary conversion', () => {
  const dict = [
    'FREEDONIA_  [FRD]', '+FREEDONIAN_', '+FREDONIA_', '+SYLVANIA_CITY_', '+U.F.',
    'RUFUS_T._FIREFLY_  # CountryInfo.txt', '+PRESIDENT_FIREFLY_', '\t[FRDGOV 330101-341231]', '\t[FRDELI]',
    'RUFUS_OTHER_  # CountryInfo.txt', '\t[FRDGOV 050101-061231]',
    'FREEDONIAN_LIBERATION_FRONT_ [FRDREB] # note', '+FLF_', '+ABU_MARX_AL-FREEDONI_',
  ].join('\n');
  const { entries } = buildCatalog(parseTabari(dict, 'Phoenix.Countries.actors.txt'), cues);
  const by = (name: string) => entries.find((e) => e.name === name);

  it('separates a country, its spellings and demonym, and its cities', () => {
    expect(by('Freedonia')).toMatchObject({ type: 'GPE', subtype: 'country', country: 'FRD' });
    expect(by('Freedonia')!.aliases).toEqual(expect.arrayContaining(['Fredonia', 'Freedonian', 'U.F.']));
    expect(by('Sylvania City')).toMatchObject({ type: 'GPE', country: 'FRD' });
  });

  it('reads people with dated roles and drops titled aliases', () => {
    const p = by('Rufus T. Firefly')!;
    expect(p.type).toBe('PERSON');
    expect(p.roles).toContainEqual({ code: 'FRDGOV', role: 'government', from: '1933-01-01', to: '1934-12-31' });
    expect(p.aliases).not.toContain('President Firefly');
  });

  it('turns a leader listed among an armed group\'s aliases into a person of his own', () => {
    expect(by('Freedonian Liberation Front')).toMatchObject({ type: 'ORG', subtype: 'armed_group' });
    expect(by('Abu Marx Al-Freedoni')).toMatchObject({ type: 'PERSON' });
    expect(by('Freedonian Liberation Front')!.aliases).not.toContain('Abu Marx Al-Freedoni');
  });

  it('reads two- and four-digit years', () => {
    expect(phoenixDate('011222')).toBe('2001-12-22');
    expect(phoenixDate('750101')).toBe('1975-01-01');
    expect(phoenixDate('19270101')).toBe('1927-01-01');
  });

  it('links by context and date, not by the name alone', () => {
    const cat = new Catalog(entries);
    const ctx = { countries: new Set<string>(), codes: new Set<string>(), published: '1934-06-01' };
    // The surname alone matches two people: the one in office at the publication date wins.
    expect(linkEntity({ names: ['Rufus Other', 'Rufus T. Firefly'].slice(1), type: 'PERSON', preferred: null }, ctx, cat)?.name).toBe('Rufus T. Firefly');
    expect(linkEntity({ names: ['Firefly'], type: 'PERSON', preferred: null }, { ...ctx, published: null }, cat)).toBeNull();
    expect(linkEntity({ names: ['Freedonia'], type: 'ORG', preferred: null }, ctx, cat)).toBeNull();
  });
});

describe('bundled catalog', () => {
  it('holds countries, armed groups and people with roles', () => {
    const cat = loadCatalog();
    expect(cat.entries.length).toBeGreaterThan(20000);
    expect(cat.lookup('Afghanistan')[0]).toMatchObject({ type: 'GPE', subtype: 'country' });
    expect(cat.lookup('Taliban')[0]).toMatchObject({ type: 'ORG', subtype: 'armed_group' });
    expect(cat.lookup('Hamid Karzai')[0].roles?.some((r) => r.code === 'AFGGOV' && r.from === '2001-12-22')).toBe(true);
  });

  it('rejects a malformed user file with its name and the problem', () => {
    expect(() => parseCatalogFile('{"entries":[{"id":"x","name":"X","type":"ALIEN"}]}', 'my.json')).toThrow(InputError);
    expect(() => parseCatalogFile('not json', 'my.json')).toThrow(/my.json: not JSON/);
  });
});

describe('actorgraph catalog', () => {
  it('adds, imports and lists user actors, and the entity stage links them', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ag-cat-'));
    const file = path.join(dir, 'catalog.json');
    const env = { ...process.env, ACTORGRAPH_CATALOG: file };
    execFileSync('node', [cli, 'catalog', 'add', '--name', 'Zorbian Freedom Brigades', '--type', 'ORG', '--alias', 'ZFB', '--subtype', 'armed_group'], { env, encoding: 'utf8' });
    const imp = path.join(dir, 'more.json');
    writeFileSync(imp, JSON.stringify([{ id: 'user:kalo-venn', name: 'Kalo Venn', type: 'PERSON', aliases: ['Venn'], roles: [{ code: 'ZFB', role: 'leader', from: '2020-01-01' }] }]));
    execFileSync('node', [cli, 'catalog', 'import', imp], { env, encoding: 'utf8' });
    const listed = execFileSync('node', [cli, 'catalog', 'list', '--user'], { env, encoding: 'utf8' });
    expect(listed).toContain('user:zorbian-freedom-brigades\tORG/armed_group\tZorbian Freedom Brigades');
    expect(listed).toContain('user:kalo-venn\tPERSON\tKalo Venn');
    const txt = path.join(dir, 'a.txt');
    writeFileSync(txt, 'The ZFB said Kalo Venn would talk to the Zorbian Freedom Brigades council.\n');
    const out = JSON.parse(execFileSync('node', [cli, 'extract', txt, '--raw', '--json'], { env, encoding: 'utf8' }));
    expect(out.entities.find((e: { name: string }) => e.name === 'Kalo Venn')?.catalogId).toBe('user:kalo-venn');
  });

  it('names the input and the problem on bad input, and keeps what is stored', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ag-cat-'));
    const file = path.join(dir, 'catalog.json');
    const env = { ...process.env, ACTORGRAPH_CATALOG: file };
    execFileSync('node', [cli, 'catalog', 'add', '--name', 'Kept Group', '--type', 'ORG'], { env });
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"entries": [{"id": "x"}]}');
    const r = spawnSync('node', [cli, 'catalog', 'import', bad], { env, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${bad}: entry 1: no "name"`);
    const r2 = spawnSync('node', [cli, 'catalog', 'add', '--name', 'X', '--type', 'THING'], { env, encoding: 'utf8' });
    expect(r2.status).toBe(2);
    expect(JSON.parse(readFileSync(file, 'utf8')).entries.map((e: { name: string }) => e.name)).toEqual(['Kept Group']);
  });
});
