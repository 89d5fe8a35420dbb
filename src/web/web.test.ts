// The web page end to end in a real browser: Debian's Chromium driven by playwright-core, against
// the server on 127.0.0.1 with the example article stored. Screenshots go to test-artifacts/.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openSqliteStore, type SqliteStore } from '../store/index.js';
import { extractText } from '../pipeline/index.js';
import { startServer, type RunningServer } from '../server/index.js';
import { exampleArticle, hasShared } from '../testing/shared.js';
import { packageRoot } from '../model/paths.js';
import { docA, docB, docC } from '../store/contract.js';
import { hubDoc } from '../store/fixtures.js';

const CHROMIUM = process.env.ACTORGRAPH_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`web page tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set ACTORGRAPH_CHROMIUM)`);
const ARTIFACTS = path.join(packageRoot, 'test-artifacts');

async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page that fails the test on any script error or failed request. */
async function openPage(browser: Browser, problems: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });

describe.skipIf(!hasChromium || !hasShared)('the web page in Chromium, on the example article', () => {
  let store: SqliteStore;
  let server: RunningServer;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    store = openSqliteStore(':memory:');
    store.ingest(extractText(readFileSync(exampleArticle, 'utf8'), { source: exampleArticle, published: '2022-08-02' }));
    server = await startServer({ store, host: '127.0.0.1', port: 0 });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    store?.close();
  });

  it('searches, opens an actor, moves the time slider and follows evidence to its document', async () => {
    const page = await openPage(browser, problems);
    await page.goto(`${server.url}/`);
    await page.waitForSelector('.stat-card');
    await shot(page, 'home');

    await page.fill('#search', 'Taliban');
    await page.press('#search', 'Enter');
    const result = page.locator('#actor-results a.actor-link', { hasText: 'Taliban' }).first();
    await result.waitFor();
    await shot(page, 'search');
    await result.click();

    await expect.poll(() => page.textContent('#actor-name')).toMatch(/Taliban/);
    await page.waitForSelector('#graph canvas');
    await page.waitForSelector('#timeline .tl-item');
    const card = page.locator('.network-card');
    await expect.poll(() => card.getAttribute('data-edges')).toMatch(/^[1-9]/);
    const total = Number(await card.getAttribute('data-edges'));
    expect(await page.locator('#relations details.group').count()).toBeGreaterThan(0);
    await shot(page, 'actor');

    // The slider to its first day: the network as of then shows fewer links.
    await page.focus('#time-slider');
    await page.keyboard.press('Home');
    await expect.poll(() => card.getAttribute('data-as-of')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const visible = Number(await card.getAttribute('data-visible'));
    expect(visible).toBeLessThan(total);
    expect(await page.textContent('#as-of')).toMatch(/^\d{4}-\d{2}-\d{2} · \d+ links?$/);
    await shot(page, 'actor-as-of');
    // Back to all time: everything again.
    await page.click('#all-time');
    await expect.poll(() => card.getAttribute('data-visible')).toBe(String(total));

    // A date in the timeline sets the network to that date.
    const firstDate = page.locator('#timeline button.tl-date', { hasText: /^\d{4}/ }).first();
    const when = (await firstDate.textContent())!;
    await firstDate.click();
    await expect.poll(() => card.getAttribute('data-as-of')).toMatch(new RegExp(`^${when.slice(0, 4)}`));
    await page.click('#all-time');

    // Two hops show at least as much as one.
    await page.selectOption('#depth', '2');
    await expect.poll(async () => Number(await card.getAttribute('data-edges'))).toBeGreaterThanOrEqual(total);
    await page.selectOption('#depth', '1');
    await expect.poll(async () => Number(await card.getAttribute('data-edges'))).toBe(total);

    // The chain of facts to an actor it is linked with (the first one its profile lists).
    const other = (await page.locator('#relations .fact-head a.actor-link').first().textContent())!;
    await page.fill('#path-to', other);
    await page.click('#path button[type=submit]');
    await page.waitForSelector('#path-result ol.path li, #path-result p');
    expect(await page.locator('#path-result ol.path li').count()).toBeGreaterThan(0);
    expect(await page.textContent('#path-result')).toContain(other);

    // Evidence → the document, the sentence highlighted.
    const quote = page.locator('#relations figure.quote').first();
    const sentence = (await quote.locator('blockquote').textContent())!;
    await quote.locator('a.source-link').click();
    await page.waitForSelector('#doc-text mark.current');
    const highlighted = (await page.locator('#doc-text mark.current').allTextContents()).join('');
    expect(highlighted).toBe(sentence);
    expect(await page.locator('#doc-text mark').count()).toBeGreaterThan(1);
    await shot(page, 'document');

    expect(problems).toEqual([]);
  });

  it('pages through documents and shows what changed between two dates', async () => {
    const page = await openPage(browser, problems);
    await page.goto(`${server.url}/#/documents`);
    await page.waitForSelector('table.list tbody tr');
    await page.click('table.list tbody tr a');
    await page.waitForSelector('#doc-text mark');
    await page.goto(`${server.url}/#/changes?from=1990-01-01&to=2022-12-31`);
    await page.waitForSelector('.columns.three');
    expect(await page.locator('.columns.three li.fact').count()).toBeGreaterThan(0);
    await shot(page, 'changes');
    expect(problems).toEqual([]);
  });

  it('moves the as-of date forward from the keyboard and the network follows', async () => {
    const page = await openPage(browser, problems);
    const taliban = store.findActors({ search: 'Taliban', limit: 1 })[0]!;
    await page.goto(`${server.url}/#/actor/${encodeURIComponent(taliban.id)}`);
    await page.waitForSelector('#graph canvas');
    const card = page.locator('.network-card');
    await expect.poll(() => card.getAttribute('data-edges')).toMatch(/^[1-9]/);
    await page.focus('#time-slider');
    await page.keyboard.press('Home');
    await expect.poll(() => card.getAttribute('data-as-of')).not.toBeNull();
    // PageUp moves the slider by a tenth of its range in Chromium.
    const before = (await card.getAttribute('data-as-of'))!;
    await page.keyboard.press('PageUp');
    await expect.poll(() => card.getAttribute('data-as-of')).not.toBe(before);
    expect((await card.getAttribute('data-as-of'))! > before).toBe(true);
    expect(await page.textContent('#as-of')).toContain((await card.getAttribute('data-as-of'))!);
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('the web page on a store with a hub and contradictions', () => {
  it('shows a big group a page at a time, and pages contradictions', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const store = openSqliteStore(':memory:');
    for (const doc of [docA, docB, docC, hubDoc('web', 60)]) store.ingest(doc);
    const server = await startServer({ store, port: 0 });
    const browser = await launch();
    try {
      const problems: string[] = [];
      const page = await openPage(browser, problems);
      const hub = store.getActor('Delta Council')!;
      await page.goto(`${server.url}/#/actor/${encodeURIComponent(hub.id)}`);
      const group = page.locator('#relations details.group[data-type="supports"]');
      await group.waitFor();
      expect(await group.getAttribute('data-count')).toBe('60');
      expect(await page.textContent('.actor-meta')).toContain('60 relations');
      const shown = await group.locator('li.fact').count();
      expect(shown).toBeLessThan(60);
      await group.locator('button.more').click();
      await expect.poll(() => group.locator('li.fact').count()).toBeGreaterThan(shown);
      // Until the group is complete, then the button goes.
      while (await group.locator('button.more').count()) {
        const before = await group.locator('li.fact').count();
        await group.locator('button.more').click();
        await expect.poll(() => group.locator('li.fact').count()).toBeGreaterThan(before);
      }
      expect(await group.locator('li.fact').count()).toBe(60);
      expect(await group.locator('li.fact a.actor-link').count()).toBe(60);
      await shot(page, 'actor-hub-more');
      expect(await page.locator('#actor-contradictions').isHidden()).toBe(true);
      // An actor some statements contradict says so on its page.
      await page.goto(`${server.url}/#/actor/${encodeURIComponent(store.getActor('Taliban')!.id)}`);
      await page.waitForSelector('#actor-contradictions li.fact');
      expect(await page.textContent('#actor-contradictions')).toContain('both allies and rivals');
      const talibanId = store.getActor('Taliban')!.id;
      await page.goto(`${server.url}/#/contradictions?actor=${encodeURIComponent(talibanId)}`);
      await page.waitForSelector('li.fact');
      expect(await page.textContent('h1')).toBe('Contradictions about one actor');
      expect(await page.locator('li.fact').count()).toBe(store.contradictions({ actor: talibanId }).length);
      await page.goto(`${server.url}/#/contradictions`);
      await page.waitForSelector('h1');
      expect(await page.textContent('h1')).toBe(`Contradictions (${store.stats().contradictions})`);
      expect(await page.locator('li.fact').count()).toBe(store.stats().contradictions);
      await shot(page, 'contradictions');
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
      store.close();
    }
  });
});

describe.skipIf(!hasChromium)('the web page shows untrusted article text as text', () => {
  it('never runs markup from an article', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const store = openSqliteStore(':memory:');
    const text = `Rebels of the Hill Brigade attacked Varno on 3 March 2024

The Hill Brigade, an armed group led by Dana Kest, attacked the town of Varno on 3 March 2024. <script>window.__pwned = 1</script> The Hill Brigade said <img src=x onerror="window.__pwned = 2"> the town was <b>taken</b>.
`;
    store.ingest(extractText(text, { source: 'own/hill-brigade.txt', published: '2024-03-05' }));
    const server = await startServer({ store, port: 0 });
    const browser = await launch();
    try {
      const problems: string[] = [];
      const page = await openPage(browser, problems);
      const doc = store.listDocuments()[0]!;
      await page.goto(`${server.url}/#/document/${doc.id}`);
      await page.waitForSelector('#doc-text');
      const shown = await page.textContent('#doc-text');
      expect(shown).toContain('<script>window.__pwned = 1</script>');
      expect(shown).toContain('<img src=x onerror="window.__pwned = 2">');
      expect(await page.locator('#doc-text img, #doc-text script, #doc-text b').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      // Evidence quotes on actor pages and search results are text too.
      await page.goto(`${server.url}/#/search?q=${encodeURIComponent('Brigade')}`);
      await page.waitForSelector('#evidence-results');
      await page.goto(`${server.url}/#/search?q=${encodeURIComponent('<img src=x onerror="window.__pwned=3">')}`);
      await page.waitForSelector('h1 .query');
      expect(await page.textContent('h1 .query')).toBe('<img src=x onerror="window.__pwned=3">');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      await page.goto(`${server.url}/#/document/${doc.id}`);
      await page.waitForSelector('#doc-text');
      await shot(page, 'escaped-markup');
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
      store.close();
    }
  });
});
