// The inputs extract and ingest read besides files: pages, URL lists, feeds and WARC archives,
// with the fetch limits as flags. A real HTTP server on 127.0.0.1, started by the test, serves them.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliAsync } from '../testing/cli.js';

/** An HTML news page of our own words. */
function page(title: string, paragraphs: string[]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<footer>Copyright The Valley Courier</footer></body></html>`;
}

const pages: Record<string, string> = {
  '/one.html': page('Rebels and army agree a truce', [
    'The Northern Front and the national army agreed a truce on Tuesday in the town of Dalo, a spokesman for the Northern Front said.',
    'General Amadou Keita, who commands the Northern Front, told reporters the truce would hold for thirty days.',
  ]),
  '/two.html': page('Talks resume in Kessa', [
    'Delegates of the River Brigades and the government met again in Kessa on Thursday, officials said.',
    'Lina Haddad, the foreign minister, said the talks had made progress on the release of prisoners.',
  ]),
  '/three.html': page('New governor named', [
    'President Pavel Orlov named Grace Mwangi governor of the northern province on Monday, his office said.',
    'Mwangi replaces Tomas Ferreira, who resigned last month after protests in Morin.',
  ]),
};

const feedItemText = 'The council of Ruma elected Nadia Kamara as its new chair on Friday, the council said in a statement.';

function feed(base: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Valley Courier</title><link>${base}/</link>
<item><title>New governor named</title><link>${base}/three.html</link><pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate></item>
<item><title>Ruma council elects a chair</title><link>${base}/gone.html</link><pubDate>Fri, 08 Mar 2024 17:30:00 GMT</pubDate>
<description><![CDATA[<p>${feedItemText}</p>]]></description></item>
</channel></rss>`;
}

/** A WARC record; `block` is the archived HTTP message. */
function warcRecord(headers: Record<string, string>, block: Buffer): Buffer {
  const head = ['WARC/1.0', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${block.length}`].join('\r\n');
  return Buffer.concat([Buffer.from(head + '\r\n\r\n'), block, Buffer.from('\r\n\r\n')]);
}

describe('extract and ingest read pages, URL lists, feeds and WARC archives', () => {
  let server: Server;
  let base: string;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ag-inputs-'));
    server = createServer((req, res) => {
      const url = req.url ?? '/';
      if (pages[url]) { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(pages[url]); return; }
      if (url === '/feed.xml') { res.writeHead(200, { 'content-type': 'application/rss+xml' }); res.end(feed(base)); return; }
      if (url === '/slow.html') { setTimeout(() => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(pages['/one.html']); }, 10_000).unref(); return; }
      if (url === '/big.html') {
        const filler = Array.from({ length: 4000 }, (_, i) => `<p>Paragraph ${i} of a very long report on the harvest in the valley.</p>`).join('\n');
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(page('A very long report', [filler]));
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('extract reads a page by its URL', async () => {
    const res = await runCliAsync(['extract', `${base}/one.html`, '--json']);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.document.source).toBe(`${base}/one.html`);
    expect(out.document.text).toContain('agreed a truce on Tuesday in the town of Dalo');
    expect(out.document.text).not.toContain('Copyright The Valley Courier');
    expect(out.entities.map((e: { name: string }) => e.name)).toContain('Northern Front');
  });

  it('ingest reads a URL list, a feed and a WARC archive in one batch, and reports what failed', async () => {
    const list = path.join(dir, 'urls.txt');
    writeFileSync(list, `# pages to read\n${base}/one.html\n\n${base}/two.html\n${base}/missing.html\n`);
    const http = (body: string) => Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${body}`);
    const warc = path.join(dir, 'crawl.warc.gz');
    writeFileSync(warc, gzipSync(Buffer.concat([
      warcRecord({ 'WARC-Type': 'warcinfo', 'Content-Type': 'application/warc-fields' }, Buffer.from('software: a test\r\n')),
      warcRecord({ 'WARC-Type': 'response', 'WARC-Target-URI': 'https://courier.example/archive/truce', 'WARC-Date': '2024-02-27T08:00:00Z', 'Content-Type': 'application/http; msgtype=response' },
        http(page('Truce signed in Tavel', ['The Northern Front and the River Brigades signed a truce in Tavel on Sunday, both groups said.']))),
    ])));
    const db = path.join(dir, 'graph.db');
    const res = await runCliAsync(['ingest', list, `${base}/feed.xml`, warc, '--db', db, '--json']);
    expect(res.status).toBe(1);
    expect(res.stderr.trim().split('\n')[0]).toBe(`actorgraph: ${base}/missing.html: HTTP 404 Not Found`);
    const out = JSON.parse(res.stdout);
    expect(out).toMatchObject({ stored: 5, unchanged: 0, failed: 1 });
    expect(out.documents.map((d: { source: string }) => d.source)).toEqual([
      `${base}/one.html`, `${base}/two.html`, `${base}/three.html`,
      // The feed item whose page is gone is read from the feed's own copy of the text.
      `${base}/gone.html`,
      'https://courier.example/archive/truce',
    ]);
    expect(res.stderr).toMatch(/^stored 5 of 6 documents \(1 failed\) in [\d.]+ s; /m);
  });

  it('--timeout gives up on a page that does not answer, naming it', async () => {
    const res = await runCliAsync(['extract', `${base}/slow.html`, '--timeout', '0.3', '--json']);
    expect(res.status).toBe(2);
    expect(res.stderr.trim().split('\n')).toEqual([`actorgraph: ${base}/slow.html: timed out after 300 ms`]);
    expect(res.stdout).toBe('');
  });

  it('--max-bytes refuses a larger page, and the default takes it', async () => {
    const small = await runCliAsync(['extract', `${base}/big.html`, '--max-bytes', '100K', '--json']);
    expect(small.status).toBe(2);
    expect(small.stderr.trim()).toMatch(new RegExp(`^actorgraph: ${base}/big\\.html: response (of \\d+ bytes )?is larger than the limit of 102400( bytes)?$`));
    const whole = await runCliAsync(['extract', `${base}/big.html`, '--json']);
    expect(whole.status).toBe(0);
    expect(JSON.parse(whole.stdout).document.text).toContain('Paragraph 3999 of a very long report');
  });
});
