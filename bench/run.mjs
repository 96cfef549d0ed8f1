#!/usr/bin/env node
// Measures bahth in headless Chromium and prints each number against its budget:
//
//   node bench/run.mjs
//
// 1. engine query latency (bench/index.html: 60 queries, batched; median, p95 in µs)
//    and WebAssembly memory after load;
// 2. cold first visit of the demo with ?q= (fresh profile, gzip from serve.mjs):
//    time to the first rendered results, from navigation start and from the
//    widget script's start, and bytes transferred until then (Resource Timing);
// 3. keystroke to paint on the demo: real key events (CDP), timed from keydown
//    to the requestAnimationFrame after the widget rendered.
// Builds www/pkg with --release first if it is missing. Not part of the tests.
import { ensurePkg, launchChromium, serve, WWW_PKG } from '../tests/e2e/helpers.mjs';
import { quantile } from './quantile.mjs';

const COLD_RUNS = 7;
const TYPED = ['العلاقات الثنائية', 'البوسعيدي', 'وزير الخارجية العماني', 'ايران', 'الأمن والاستقرار في المنطقة', 'مسقط'];

await ensurePkg(WWW_PKG, { profile: '--release' });
const server = await serve({ port: 0 });
const browser = await launchChromium();
try {
  const engine = await queryLatency();
  const cold = await firstVisit();
  const keys = await keystrokes();
  report([
    ['query latency, median', engine.medianUs, 'µs', 20],
    ['query latency, p95', engine.p95Us, 'µs'],
    ['keystroke → results painted, median', keys.median, 'ms'],
    ['keystroke → results painted, p95', keys.p95, 'ms', 16],
    ['  keystroke → results in the DOM, p95', keys.renderP95, 'ms'],
    ['navigation start → first result', cold.fromNavigation, 'ms'],
    ['widget script start → first result', cold.fromScript, 'ms', 20],
    ['  of which: engine download + init', cold.engineInit, 'ms'],
    ['  of which: first search + render + frame', cold.firstSearch, 'ms'],
    ['bytes before first result (gzip)', cold.bytes / 1024, 'KB', 60],
    ['  of which the .wasm', cold.wasmBytes / 1024, 'KB'],
    ['wasm memory after load', engine.memoryBytes / 1024, 'KB'],
  ]);
  console.log(`\n${engine.queries} queries × ${engine.calls / engine.queries} calls; slowest: ${engine.slowest.map((s) => `«${s.query}» ${s.medianUs.toFixed(1)} µs`).join(', ')}`);
  console.log(`cold loads: median of ${COLD_RUNS}; keystrokes: ${keys.samples} samples`);
} finally {
  await browser.close();
  await server.close();
}

async function queryLatency() {
  const page = await browser.newPage();
  await page.goto(`${server.url}bench/`);
  await page.waitForFunction(() => window.__bench !== undefined); // set once the engine is loaded
  const result = await page.evaluate(() => window.__bench);
  await page.close();
  return result;
}

/** Cold visits with a query in the URL: the first results need the page, the scripts and the engine. */
async function firstVisit() {
  const runs = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const context = await browser.newContext(); // empty cache, no service worker yet
    await context.addInitScript(() => {
      window.__firstResult = new Promise((resolve) => {
        document.addEventListener('bahth-results', (e) => {
          if (e.detail.shown > 0) requestAnimationFrame(() => resolve(performance.now()));
        });
      });
    });
    const page = await context.newPage();
    await page.goto(`${server.url}?q=${encodeURIComponent('العلاقات الثنائية')}`);
    runs.push(await page.evaluate(async () => {
      const first = await window.__firstResult;
      const mark = (name) => performance.getEntriesByName(name)[0].startTime;
      const start = mark('bahth-search:start');
      const loaded = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
        .filter((entry) => entry.responseEnd <= first);
      const size = (entries) => entries.reduce((sum, entry) => sum + entry.transferSize, 0);
      return {
        fromNavigation: first,
        fromScript: first - start,
        engineInit: mark('bahth-engine:ready') - start,
        firstSearch: first - mark('bahth-engine:ready'),
        bytes: size(loaded),
        wasmBytes: size(loaded.filter((entry) => entry.name.endsWith('.wasm'))),
      };
    }));
    await context.close();
  }
  const median = (key) => quantile(runs.map((run) => run[key]), 0.5);
  return Object.fromEntries(Object.keys(runs[0]).map((key) => [key, median(key)]));
}

/** Types whole queries key by key (as a keyboard would: keydown, text, keyup) and times each to the next frame. */
async function keystrokes() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector('bahth-search')?.shadowRoot.querySelector('.notice')?.textContent.includes('اكتب'));
  await page.evaluate(() => {
    window.__latencies = { painted: [], rendered: [] };
    let keydownAt = null;
    addEventListener('keydown', (e) => { keydownAt = e.timeStamp; }, true);
    document.addEventListener('bahth-results', () => {
      const start = keydownAt;
      keydownAt = null;
      if (start === null) return;
      window.__latencies.rendered.push(performance.now() - start);
      requestAnimationFrame(() => window.__latencies.painted.push(performance.now() - start));
    });
  });
  await page.locator('bahth-search input').focus();
  const cdp = await context.newCDPSession(page);
  for (const query of TYPED) {
    for (const ch of query) {
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, unmodifiedText: ch });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch });
      await page.waitForTimeout(40); // a fast typist: 25 keys per second
    }
    await page.keyboard.press('Escape');
  }
  await page.waitForTimeout(50);
  const { painted, rendered } = await page.evaluate(() => window.__latencies);
  await context.close();
  return {
    median: quantile(painted, 0.5), p95: quantile(painted, 0.95), renderP95: quantile(rendered, 0.95), samples: painted.length,
  };
}

function report(rows) {
  console.log('\nbahth benchmark (headless Chromium)\n');
  for (const [label, value, unit, budget] of rows) {
    const verdict = budget === undefined ? '' : `  budget ≤ ${budget} ${unit}  ${value <= budget ? 'OK' : 'OVER'}`;
    console.log(`${label.padEnd(40)} ${value.toFixed(unit === 'µs' ? 2 : 1).padStart(9)} ${unit.padEnd(3)}${verdict}`);
  }
}
