import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readSources, includeMatcher, urlList, type ReadResult, type ReadOptions } from './index.js';
import { fetchUrl } from './fetch.js';
import { parseFeed } from './feed.js';
import { buildArticle } from '../article/index.js';

const P1 = 'The coalition announced on Friday that it had reached an agreement with the opposition on a timetable for elections, ending weeks of protests in the capital.';
const P2 = 'Under the deal, a transitional council will govern until the vote, and the army will withdraw from the main squares, a spokesman for the coalition said.';
const articleHtml = (title: string) => `<!DOCTYPE html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${P1}</p><p>${P2}</p></article></body></html>`;

let server: Server;
let base = '';
const hits = new Map<string, number>();
const open = new Set<import('node:net').Socket>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const n = (hits.get(url.pathname) ?? 0) + 1;
    hits.set(url.pathname, n);
    const p = url.pathname;
    if (p === '/article') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(articleHtml('Coalition agrees election timetable')); }
    else if (p === '/latin1') { res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' }); res.end(Buffer.concat([Buffer.from(`<html><body><article><p>${P1}</p><p>Bogot`), Buffer.from([0xe1]), Buffer.from(` was calm on Saturday, and the talks continued in the afternoon as planned by both sides.</p></article></body></html>`)])); }
    else if (p.startsWith('/redirect/')) { const k = Number(p.split('/')[2]); res.writeHead(302, { location: k > 0 ? `/redirect/${k - 1}` : '/article' }); res.end(); }
    else if (p === '/flaky') { if (n < 3) { res.writeHead(n === 1 ? 429 : 503, { 'retry-after': '0' }); res.end('busy'); } else { res.writeHead(200, { 'content-type': 'text/html' }); res.end(articleHtml('Flaky server')); } }
    else if (p === '/down') { res.writeHead(500); res.end('error'); }
    else if (p === '/missing') { res.writeHead(404); res.end('no'); }
    else if (p === '/hang') { /* never answers */ }
    else if (p === '/slow-body') { res.writeHead(200, { 'content-type': 'text/html' }); res.write('<html><body><p>'); /* never ends */ }
    else if (p === '/big') { res.writeHead(200, { 'content-type': 'text/html' }); const chunk = Buffer.alloc(1024 * 1024, 0x61); let k = 0; const send = () => { while (k < 50 && res.write(chunk)) k++; if (k < 50) res.once('drain', () => { k++; send(); }); else res.end(); }; send(); }
    else if (p === '/bomb') { res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }); res.end(gzipSync(Buffer.alloc(80 * 1024 * 1024, 0x20))); }
    else if (p === '/image') { res.writeHead(200, { 'content-type': 'image/png' }); res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47])); }
    else if (p === '/png-as-html') { res.writeHead(200, { 'content-type': 'text/html' }); res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])); }
    else if (p === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>Coalition agrees election timetable</title><link>${base}/article</link><pubDate>Fri, 03 May 2024 10:00:00 GMT</pubDate></item>
<item><title>Broken item</title></item>
<item><title>Gone but carried</title><link>${base}/missing</link><pubDate>Sat, 04 May 2024 09:00:00 GMT</pubDate><description><![CDATA[<p>${P2}</p><p>${P1}</p>]]></description></item>
<item><title>Gone</title><link>${base}/missing</link></item>
</channel></rss>`);
    }
    else { res.writeHead(404); res.end(); }
  });
  server.on('connection', (s) => { open.add(s); s.on('close', () => open.delete(s)); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of open) s.destroy();
  await new Promise((r) => server.close(r));
});

const fast: ReadOptions = { fetch: { timeoutMs: 1500, retries: 2, backoffMs: 10, maxBytes: 5 * 1024 * 1024 } };
async function all(specs: string[], opts: ReadOptions = fast): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of readSources(specs, opts)) out.push(r);
  return out;
}
const errorOf = (r: ReadResult) => (r.ok ? null : r.error.message);

describe('URLs', () => {
  it('fetches a page with its media type, charset, final URL and fetch time', async () => {
    const input = await fetchUrl(`${base}/article`, fast.fetch);
    expect(input.mediaType).toBe('text/html');
    expect(input.charset).toBe('utf-8');
    expect(input.url).toBe(`${base}/article`);
    expect(input.fetchedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(buildArticle(input).text).toContain(P2);
    expect(buildArticle(await fetchUrl(`${base}/latin1`, fast.fetch)).text).toContain('Bogotá');
  });

  it('follows redirects up to the limit, and names the problem past it', async () => {
    expect((await fetchUrl(`${base}/redirect/2`, fast.fetch)).url).toBe(`${base}/article`);
    await expect(fetchUrl(`${base}/redirect/9`, { ...fast.fetch, maxRedirects: 3 })).rejects.toThrow(/redirect\/9: more than 3 redirects/);
  });

  it('retries 429 and 5xx with backoff, then gives up with the status', async () => {
    expect((await fetchUrl(`${base}/flaky`, fast.fetch)).bytes.toString()).toContain('Flaky server');
    expect(hits.get('/flaky')).toBe(3);
    await expect(fetchUrl(`${base}/down`, fast.fetch)).rejects.toThrow(/down: HTTP 500/);
    expect(hits.get('/down')).toBe(3);
  });

  it('times out on a server that never answers and on a body that never ends', async () => {
    await expect(fetchUrl(`${base}/hang`, { ...fast.fetch, timeoutMs: 300, retries: 0 })).rejects.toThrow(/hang: timed out after 300 ms/);
    await expect(fetchUrl(`${base}/slow-body`, { ...fast.fetch, timeoutMs: 300, retries: 0 })).rejects.toThrow(/slow-body: timed out/);
  });

  it('stops oversized bodies and gzip bombs at the size limit', async () => {
    await expect(fetchUrl(`${base}/big`, fast.fetch)).rejects.toThrow(/big: response is larger than the limit/);
    await expect(fetchUrl(`${base}/bomb`, fast.fetch)).rejects.toThrow(/bomb: response is larger than the limit/);
  });

  it('refuses content that is not an article, and binary served as HTML', async () => {
    await expect(fetchUrl(`${base}/image`, fast.fetch)).rejects.toThrow(/image: content type image\/png is not an article/);
    const png = await fetchUrl(`${base}/png-as-html`, fast.fetch);
    expect(() => buildArticle(png)).toThrow(/png-as-html: binary file/);
    await expect(fetchUrl('ftp://127.0.0.1/x')).rejects.toThrow(/unsupported scheme/);
  });

  it('goes on with the batch after a bad URL', async () => {
    const results = await all([`${base}/missing`, `${base}/article`, 'http://127.0.0.1:1/nothing-listens']);
    expect(results.map((r) => r.ok)).toEqual([false, true, false]);
    expect(errorOf(results[0])).toMatch(/HTTP 404/);
    expect(errorOf(results[2])).toMatch(/cannot connect/);
  });
});

describe('feeds', () => {
  it('reads every item: fetches its page, carries its title and date, reports broken items and goes on', async () => {
    const results = await all([`${base}/feed.xml`]);
    expect(results).toHaveLength(4);
    const [first, broken, carried, gone] = results;
    expect(first.ok && first.input.title).toBe('Coalition agrees election timetable');
    expect(first.ok && first.input.published).toBe('2024-05-03');
    expect(errorOf(broken)).toMatch(/feed\.xml#item-2: feed item has neither a link nor content/);
    // The page is gone but the feed carries the text: the item is read from the feed.
    expect(carried.ok && buildArticle(carried.input).published).toBe('2024-05-04');
    expect(carried.ok && buildArticle(carried.input).text).toContain(P2);
    expect(errorOf(gone)).toMatch(/missing: HTTP 404/);
  });

  it('parses Atom entries', () => {
    const items = parseFeed('a.atom', `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>
      <entry><title>One</title><link rel="alternate" href="https://news.example/one"/><published>2023-06-25T08:00:00Z</published><content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry>
      <entry><title>Two</title><link href="https://news.example/two"/><updated>2023-06-26</updated></entry></feed>`);
    expect(items.map((i) => [i.title, i.link, i.published])).toEqual([['One', 'https://news.example/one', '2023-06-25'], ['Two', 'https://news.example/two', '2023-06-26']]);
    expect(items[0].content).toBe('<p>Body</p>');
    expect(() => parseFeed('x.xml', '<html><body>no</body></html>')).toThrow(/x\.xml: not an RSS or Atom feed/);
  });
});

describe('files, directories, URL lists and WARC archives', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'actorgraph-read-'));
    mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(path.join(dir, 'a', 'one.html'), articleHtml('One'));
    writeFileSync(path.join(dir, 'a', 'b', 'two.txt'), `Two\n\n${P1}\n`);
    writeFileSync(path.join(dir, 'a', 'b', 'three.html.gz'), gzipSync(articleHtml('Three')));
    writeFileSync(path.join(dir, 'a', 'notes.md'), 'not an article');
    writeFileSync(path.join(dir, 'bomb.txt.gz'), gzipSync(Buffer.alloc(70 * 1024 * 1024, 0x20)));
    writeFileSync(path.join(dir, 'urls.txt'), `# pages\n${base}/article\n\n${base}/missing\n`);
    const rec = (headers: string, block: Buffer) => Buffer.concat([Buffer.from(`WARC/1.0\r\n${headers}Content-Length: ${block.length}\r\n\r\n`), block, Buffer.from('\r\n\r\n')]);
    const http = (ct: string, body: Buffer | string) => Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: ${ct}\r\n\r\n`), Buffer.from(body)]);
    const warc = Buffer.concat([
      rec('WARC-Type: warcinfo\r\nContent-Type: application/warc-fields\r\n', Buffer.from('software: test\r\n')),
      rec('WARC-Type: request\r\nWARC-Target-URI: https://news.example/one\r\nContent-Type: application/http; msgtype=request\r\n', Buffer.from('GET /one HTTP/1.1\r\n\r\n')),
      rec('WARC-Type: response\r\nWARC-Target-URI: https://news.example/one\r\nWARC-Date: 2024-05-03T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n', http('text/html; charset=utf-8', articleHtml('Archived'))),
      rec('WARC-Type: response\r\nWARC-Target-URI: https://news.example/logo.png\r\nContent-Type: application/http; msgtype=response\r\n', http('image/png', Buffer.from([0x89, 0x50]))),
    ]);
    writeFileSync(path.join(dir, 'crawl.warc.gz'), gzipSync(warc));
    writeFileSync(path.join(dir, 'cut.warc'), warc.subarray(0, warc.length - 200));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('walks directories recursively, with include patterns', async () => {
    const sources = (rs: ReadResult[]) => rs.map((r) => (r.ok ? path.relative(dir, r.input.source) : r.error.message));
    expect(sources(await all([path.join(dir, 'a')]))).toEqual(['a/b/three.html.gz', 'a/b/two.txt', 'a/one.html']);
    expect(sources(await all([path.join(dir, 'a')], { include: ['*.html'] }))).toEqual(['a/one.html']);
    expect(sources(await all([path.join(dir, 'a')], { include: ['b/**'] }))).toEqual(['a/b/three.html.gz', 'a/b/two.txt']);
    expect(includeMatcher(['2024-??-*.txt'])('x/2024-05-03.txt')).toBe(true);
  });

  it('stops a gzip bomb and goes on', async () => {
    const results = await all([path.join(dir, 'bomb.txt.gz'), path.join(dir, 'a', 'one.html')]);
    expect(errorOf(results[0])).toMatch(/bomb\.txt\.gz: decompresses to more than/);
    expect(results[1].ok).toBe(true);
  });

  it('reads a file of URLs, one per line', async () => {
    expect(urlList(Buffer.from(`Not a list\n${base}/article\n`))).toBeNull();
    const results = await all([path.join(dir, 'urls.txt')]);
    expect(results.map((r) => r.ok)).toEqual([true, false]);
  });

  it('reads the HTML responses of a WARC archive, and reports a truncated one', async () => {
    const results = await all([path.join(dir, 'crawl.warc.gz')]);
    expect(results).toHaveLength(1);
    const r = results[0];
    expect(r.ok && r.input.url).toBe('https://news.example/one');
    expect(r.ok && r.input.fetchedAt).toBe('2024-05-03T10:00:00Z');
    expect(r.ok && buildArticle(r.input).text).toContain(P1);
    const cut = await all([path.join(dir, 'cut.warc')]);
    expect(cut.map(errorOf)).toContainEqual(expect.stringMatching(/cut\.warc#record-4: (record length|not a WARC record header)/));
    expect(cut.filter((x) => x.ok)).toHaveLength(1);
  });
});
