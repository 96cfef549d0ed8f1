// A split index in Chromium: a mid-size collection (1,500 documents recombined
// from the seeds' sentences, written by this test) built twice, embedded and
// split; the split page must answer as the embedded one, fetch few bytes and
// chunks before its first result and none when warm, never block typing, work
// offline with what it fetched, and explain a chunk it cannot use.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  collectProblems, eventually, launchChromium, NO_PROBLEMS, openPage, ROOT, serve, widgetReady, widgetState,
} from './helpers.mjs';

const WORK = path.join(ROOT, 'target/e2e/split');
const CORPUS = path.join(WORK, 'corpus');
const PKG = { whole: path.join(WORK, 'pkg-whole'), split: path.join(WORK, 'pkg-split'), broken: path.join(WORK, 'pkg-broken') };

/** The golden queries (tests/golden/queries.tsv). */
const GOLDEN = fs.readFileSync(path.join(ROOT, 'tests/golden/queries.tsv'), 'utf8')
  .split('\n').slice(1).filter((row) => row.trim()).map((row) => row.split('\t')[1]);

/** 1,500 documents of 2 to 12 of the seeds' sentences, drawn deterministically. */
function writeCorpus() {
  const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).sort()
    .map((name) => fs.readFileSync(path.join(ROOT, 'seeds', name), 'utf8'));
  const sentences = seeds.flatMap((text) => text.split(/[.،\n]/).map((s) => s.trim()).filter((s) => s.length > 20));
  let state = 11n;
  const next = (n) => {
    state = (state * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
    return Number((state >> 33n) % BigInt(n));
  };
  const lines = [];
  for (let i = 0; i < 1500; i++) {
    const parts = Array.from({ length: 2 + next(11) }, () => sentences[next(sentences.length)]);
    const title = parts[0].split(' ').slice(0, 6).join(' ');
    lines.push(JSON.stringify({ id: `m${String(i).padStart(4, '0')}`, title, text: parts.join('، ') }));
  }
  fs.mkdirSync(CORPUS, { recursive: true });
  const file = path.join(CORPUS, 'mixed.jsonl');
  const content = lines.join('\n') + '\n';
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== content) fs.writeFileSync(file, content);
}

/** scripts/build-wasm.sh over the corpus, whole or split. */
function build(out, split) {
  const env = { ...process.env, BAHTH_CORPUS: CORPUS, BAHTH_SPLIT: split ? '1' : '0' };
  const run = spawnSync('bash', [path.join(ROOT, 'scripts/build-wasm.sh'), out], { cwd: ROOT, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`build-wasm.sh failed:\n${run.stdout}\n${run.stderr}`);
}

/**
 * The chunks each query fetches, cold (one fresh engine per query), from the
 * split package loaded in Node.
 */
async function chunksOf(queries) {
  const wanted = new Set();
  globalThis.fetch = async (url) => {
    wanted.add(path.basename(new URL(url).pathname));
    return new Response(fs.readFileSync(new URL(url)));
  };
  const out = {};
  for (const query of queries) {
    // A module instance of its own (wasm-bindgen instantiates once per import).
    const pkg = await import(`${pathToFileURL(path.join(PKG.split, 'bahth.js'))}?${Object.keys(out).length}`);
    pkg.initSync({ module: fs.readFileSync(path.join(PKG.split, 'bahth_bg.wasm')) });
    wanted.clear();
    await pkg.search(query, { limit: 10, offset: 0 });
    out[query] = [...wanted];
  }
  return out;
}

/** A query of three words typed in full. */
const THREE_WORDS = 'وزير الخارجية العماني ';

const servers = {};
let browser;
/** Queries, and the chunks each fetches cold. */
let CHUNKS;

before(async () => {
  writeCorpus();
  build(PKG.whole, false);
  build(PKG.split, true);
  CHUNKS = await chunksOf(['البوسعيدي', 'بلينكن', 'يوسف', 'طهران', 'العلاقات', 'المقداد', THREE_WORDS]);
  breakCopy();
  for (const [name, pkg] of Object.entries(PKG)) servers[name] = await serve({ port: 0, pkg, docs: CORPUS });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const server of Object.values(servers)) await server.close();
});

/** The chunks a query fetches on a split page, in order. */
const chunkRequests = (page) => {
  const names = [];
  page.on('request', (request) => {
    const match = request.url().match(/\/pkg\/chunks\/([^/]+)$/);
    if (match) names.push(match[1]);
  });
  return names;
};

/** Resolves when the widget has rendered its answer to `query` (call before typing it). */
function rendered(page, query) {
  return page.evaluate((q) => new Promise((resolve) => {
    document.querySelector('bahth-search').addEventListener('bahth-results', function on(e) {
      if (e.detail.query !== q) return;
      this.removeEventListener('bahth-results', on);
      resolve(e.detail);
    });
  }), query);
}

/** Fills the box with `query` and waits until the widget has rendered its answer. */
async function searchFor(page, query) {
  const done = rendered(page, query);
  await page.locator('bahth-search input').fill(query);
  return done;
}

/** Answers of the page's engine (bahth.js) to every query. */
function answers(page, queries) {
  return page.evaluate(async (qs) => {
    const { search } = await import('/bahth.js');
    const out = [];
    for (const q of qs) out.push(await search(q, { limit: 10, offset: 0 }));
    return out;
  }, queries);
}

test('the split page answers every golden query exactly as the embedded one', async () => {
  const whole = await openPage(browser, servers.whole.url);
  const split = await openPage(browser, servers.split.url);
  const [expected, got] = [await answers(whole.page, GOLDEN), await answers(split.page, GOLDEN)];
  assert.equal(got.length, GOLDEN.length);
  GOLDEN.forEach((query, i) => assert.deepEqual(got[i], expected[i], query));
  assert.ok(expected.some((a) => a.results.length === 10), 'the collection answers with full pages');
  assert.deepEqual(await collectProblems(split.page, split.problems), NO_PROBLEMS);
  await whole.context.close();
  await split.context.close();
});

test('typed, the first result comes after few bytes; a query reads few chunks, and none warm', async () => {
  const { page, context, problems } = await openPage(browser, null);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const bytes = new Map(); // request id -> bytes on the wire
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => bytes.set(requestId, encodedDataLength));
  const chunks = chunkRequests(page);
  await page.goto(servers.split.url);
  await widgetReady(page);
  const input = page.locator('bahth-search input');
  const typed = rendered(page, 'العلاقات');
  await input.pressSequentially('العلاقات', { delay: 50 });
  await eventually(async () => assert.ok((await widgetState(page)).results.length > 0), 5000);
  const total = [...bytes.values()].reduce((a, b) => a + b, 0);
  await typed;
  // The page, its scripts, the module (a core of a few KB) and the chunks the first
  // letter's answer reads (typing "العلاقات": at most every prefix's).
  assert.ok(total < 150 * 1024, `${total} bytes before the first result`);
  assert.equal(new Set(chunks).size, chunks.length, `no chunk fetched twice: ${chunks}`);

  // A whole query at once: only chunks it reads cold (in Node), less those the
  // typing brought: its words' dictionary chunks (a word's readings lie apart
  // in key order: up to two chunks a word), their postings, the documents
  // shown; then warm: nothing.
  const before = chunks.length;
  assert.equal((await searchFor(page, THREE_WORDS)).shown, 10);
  const cold = chunks.slice(before);
  assert.deepEqual(cold.filter((name) => !CHUNKS[THREE_WORDS].includes(name)), []);
  const kinds = cold.map((name) => name[0]).sort().join('');
  assert.match(kinds, /^d{1,10}t{0,6}w{1,9}$/, `${cold.length} chunks: ${cold}`);
  await searchFor(page, '');
  assert.equal((await searchFor(page, THREE_WORDS)).shown, 10);
  assert.equal(chunks.length, before + cold.length, 'warm: nothing fetched');
  assert.deepEqual(await collectProblems(page, problems), NO_PROBLEMS);
  await context.close();
});

test('typing never blocks the main thread (no long task)', async () => {
  const { page, context, problems } = await openPage(browser, servers.split.url);
  await widgetReady(page);
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: 'longtask' });
  });
  for (const query of ['وزير الخارجية العماني', 'العلاقات الثنائية بين البلدين', 'طهران']) {
    await page.locator('bahth-search input').fill('');
    await page.locator('bahth-search input').pressSequentially(query, { delay: 20 });
  }
  await eventually(async () => assert.ok((await widgetState(page)).results.length > 0));
  assert.deepEqual(await page.evaluate(() => window.__longTasks), [], 'long tasks (ms)');
  assert.deepEqual(await collectProblems(page, problems), NO_PROBLEMS);
  await context.close();
});

test('offline, what was fetched stays searchable; a query that needs more says so', async () => {
  const { page, context, problems } = await openPage(browser, servers.split.url);
  await widgetReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const input = page.locator('bahth-search input');
  await input.fill('البوسعيدي');
  await eventually(async () => assert.ok((await widgetState(page)).results.length > 0));

  await context.setOffline(true);
  await page.reload();
  await widgetReady(page);
  await input.fill('البوسعيدي');
  await eventually(async () => assert.ok((await widgetState(page)).results.length > 0), 5000);
  // A query some of whose chunks were never fetched.
  const fetched = new Set(CHUNKS['البوسعيدي']);
  const probe = ['بلينكن', 'طهران', 'المقداد'].find((q) => CHUNKS[q].some((c) => !fetched.has(c)));
  await input.fill(probe);
  await eventually(async () => assert.match((await widgetState(page)).notice, /غير متصل/));
  assert.deepEqual((await widgetState(page)).results, []);
  const { consoleErrors, ...rest } = await collectProblems(page, problems);
  assert.ok(consoleErrors.every((e) => /Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e)), consoleErrors.join('\n'));
  assert.deepEqual(rest, { pageErrors: [], dialogs: [], cspViolations: [] });
  await context.close();
});

test('without a service worker, the engine keeps the chunks it used once searching pauses, and forgets older ones', async () => {
  const { page, context, problems } = await openPage(browser, servers.split.url, { serviceWorkers: 'block' });
  await widgetReady(page);
  // A chunk kept from an earlier build of the index: not in this one's table.
  const stale = new URL('pkg/chunks/w9999-deadbeef.bin', servers.split.url).href;
  await page.evaluate(async (url) => (await caches.open('bahth-chunks')).put(url, new Response('old')), stale);
  await page.reload();
  await widgetReady(page);
  await page.locator('bahth-search input').fill('البوسعيدي');
  await eventually(async () => assert.ok((await widgetState(page)).results.length > 0));
  const kept = () => page.evaluate(async () => (await (await caches.open('bahth-chunks')).keys())
    .map((request) => request.url.split('/').pop()).sort());
  await eventually(async () => assert.deepEqual(await kept(), [...CHUNKS['البوسعيدي']].sort()), 5000);
  assert.deepEqual(await collectProblems(page, problems), NO_PROBLEMS);
  await context.close();
});

/**
 * pkg-broken: the split package with a dictionary or postings chunk that
 * يوسف reads changed (and gzipped again, so that only its checksum tells) and a
 * documents chunk that بلينكن reads gone; بلينكن reads only the second, and
 * العلاقات neither.
 */
const BROKEN = {};
function breakCopy() {
  fs.rmSync(PKG.broken, { recursive: true, force: true });
  fs.cpSync(PKG.split, PKG.broken, { recursive: true });
  const dir = path.join(PKG.broken, 'chunks');
  const spared = new Set(CHUNKS['العلاقات']);
  BROKEN.corrupt = CHUNKS['يوسف'].find((n) => !n.startsWith('d') && !spared.has(n) && !CHUNKS['بلينكن'].includes(n));
  BROKEN.missing = CHUNKS['بلينكن'].find((n) => n.startsWith('d') && !spared.has(n) && !CHUNKS['يوسف'].includes(n));
  assert.ok(BROKEN.corrupt && BROKEN.missing, JSON.stringify(CHUNKS));
  const chunk = gunzipSync(fs.readFileSync(path.join(dir, BROKEN.corrupt)));
  chunk[chunk.length - 1] ^= 0xff;
  fs.writeFileSync(path.join(dir, BROKEN.corrupt), gzipSync(chunk));
  fs.rmSync(path.join(dir, BROKEN.missing));
}

test('a corrupted or missing chunk is named, and other queries go on working', async () => {
  const { page, context, problems } = await openPage(browser, servers.broken.url);
  await widgetReady(page);
  const input = page.locator('bahth-search input');
  await input.fill('يوسف');
  const corrupt = `تعذّر تنفيذ هذا البحث: bahth: corrupt bahth index: chunk ${BROKEN.corrupt}: its bytes do not match its checksum`;
  await eventually(async () => assert.equal((await widgetState(page)).notice, corrupt));
  await input.fill('بلينكن');
  await eventually(async () => assert.equal((await widgetState(page)).notice, `تعذّر تحميل جزء من الفهرس (${BROKEN.missing}). أعد المحاولة بعد قليل.`));
  await input.fill('العلاقات');
  await eventually(async () => assert.equal((await widgetState(page)).results.length, 10));
  const { consoleErrors, ...rest } = await collectProblems(page, problems);
  assert.ok(consoleErrors.every((e) => /404/.test(e)), consoleErrors.join('\n'));
  assert.deepEqual(rest, { pageErrors: [], dialogs: [], cspViolations: [] });
  await context.close();
});
