#!/usr/bin/env node
// The scale benchmark: bahth on real Arabic corpora, every number against its budget.
//
//   node bench/scale.mjs [seeds] [quran] [large]      (default: all three)
//
// Per corpus (fetched by scripts/corpora.py into ~/.cache/bahth-corpora; seeds/
// from the repository):
//   - native (benches/scale.rs): documents, text bytes, index build time and peak
//     memory, index bytes per section, latency median / p95 / max per query kind,
//     and the corpus's 7-word query typed one character at a time (per keystroke);
//   - the module: built with BAHTH_CORPUS by scripts/build-wasm.sh (timed), its
//     raw / gzip / brotli size, and each index section gzipped;
//   - headless Chromium: compile + instantiate time, script start → first result
//     (cold, loopback), and the main-thread time of every keystroke while the
//     corpus's 7-word query is typed one character at a time: right after
//     load through the module's own API, and as a reader meets it (through
//     bahth-engine.js, a second after load);
//   - split mode (the same corpus built with BAHTH_SPLIT=1): the core module and
//     the chunks; in Chromium, through bahth-engine.js (the engine in a worker):
//     bytes and requests before the first result and script start → first
//     result (cold), the time each keystroke's search takes to answer (the first
//     typing cold, then warm); per query kind, the chunks a query fetches cold
//     and warm (Node, the same module).
// Everything is written under target/scale/<corpus>/. Not part of the tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { launchChromium, ROOT, serve } from '../tests/e2e/helpers.mjs';
import { quantile } from './quantile.mjs';

// Cold loads and instantiations per corpus (median reported): on a loaded
// 2-core machine one cold load moves by ±30 ms.
const RUNS = 9;
const TYPED = {
  seeds: 'بحث وزير الخارجية العماني مع نظيره الإيراني',
  quran: 'الذين آمنوا وعملوا الصالحات لهم جنات تجري',
  large: 'قال رسول الله صلى الله عليه وسلم',
};
const BUDGETS = {
  nativeP95Ms: 1, // every query kind, on the >= 20k corpus
  keystrokeP95Ms: 2,
  keystrokeMaxMs: 16,
  seedsModuleGzipKB: 60,
  quranModuleGzipKB: 700,
  largeModuleBrotliMB: 4,
  indexWithoutTextRatio: 0.5, // of the raw text, on the >= 20k corpus
  // Split mode: bytes on the wire before the first result, and its time.
  splitFirstBytesKB: { quran: 150, large: 400 },
  splitFirstResultMs: 150,
};
/** The first query a reader types in split mode (the typing starts with its first word). */
const FIRST = { seeds: 'العلاقات', quran: 'الله', large: 'الصلاة' };

const env = { ...process.env, PATH: `${os.homedir()}/.cargo/bin:/usr/local/bin:${process.env.PATH}` };

function corpusFolders() {
  const run = spawnSync('python3', [path.join(ROOT, 'scripts/corpora.py')], { encoding: 'utf8', env });
  if (run.status !== 0) throw new Error(`scripts/corpora.py failed:\n${run.stderr}`);
  const folders = { seeds: path.join(ROOT, 'seeds') };
  for (const line of run.stdout.trim().split('\n')) {
    const [name] = line.split(/\s+/);
    folders[name] = line.slice(line.lastIndexOf(' ') + 1);
  }
  return folders;
}

function sh(command, args, options = {}) {
  const run = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${run.status}):\n${run.stderr}`);
  return run.stdout;
}

function gzip(bytes) {
  return zlib.gzipSync(bytes, { level: 9 }).length;
}

function brotli(bytes) {
  const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length };
  return zlib.brotliCompressSync(bytes, { params }).length;
}

async function measure(name, folder) {
  const out = path.join(ROOT, 'target/scale', name);
  fs.rmSync(out, { recursive: true, force: true });
  console.error(`[scale] ${name}: native index build and latency`);
  sh('cargo', ['bench', '-q', '--bench', 'scale', '--', folder, out, TYPED[name] ?? TYPED.large], { stdio: ['ignore', 'ignore', 'inherit'] });
  const native = JSON.parse(fs.readFileSync(path.join(out, 'native.json'), 'utf8'));
  for (const section of native.sections) {
    const bytes = fs.readFileSync(path.join(out, 'sections', `${section.name}.bin`));
    section.gzip = gzip(bytes);
  }

  console.error(`[scale] ${name}: release module`);
  const pkg = path.join(out, 'pkg');
  const t = performance.now();
  sh('bash', ['scripts/build-wasm.sh', pkg], { env: { ...env, BAHTH_CORPUS: folder, BAHTH_SPLIT: '0' } });
  const moduleBuildMs = performance.now() - t;
  const wasm = fs.readFileSync(path.join(pkg, 'bahth_bg.wasm'));
  const glue = fs.readFileSync(path.join(pkg, 'bahth.js'));
  const module = {
    raw: wasm.length + glue.length, gzip: gzip(wasm) + gzip(glue), brotli: brotli(wasm) + brotli(glue),
    wasmRaw: wasm.length, buildMs: moduleBuildMs,
  };

  console.error(`[scale] ${name}: Chromium`);
  const browser = await launchChromium();
  const server = await serve({ port: 0, pkg });
  const typed = TYPED[name] ?? TYPED.large;
  const open = async (mode) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}bench/scale.html?mode=${mode}&q=${encodeURIComponent(typed)}`);
    const result = await page.evaluate(() => window.__scale);
    await context.close();
    return result;
  };
  let chromium;
  try {
    const cold = [];
    const instantiate = [];
    for (let i = 0; i < RUNS; i++) {
      cold.push(await open('cold'));
      instantiate.push((await open('instantiate')).instantiateMs);
    }
    // The machine's noise moves a p95 of 160 keystrokes a lot: three page
    // loads, and the median of their p95s.
    const typings = [];
    let memoryBytes = 0;
    for (let i = 0; i < 3; i++) {
      const typing = await open('typing');
      typings.push(typing.keystrokes);
      memoryBytes = typing.memoryBytes;
    }
    const p95s = typings.map((k) => quantile(k, 0.95));
    const all = typings.flat();
    // As a reader meets it: through bahth-engine.js, typing a second after load.
    const readers = [];
    for (let i = 0; i < 3; i++) readers.push((await open('reader-typing')).keystrokes);
    const readerP95s = readers.map((k) => quantile(k, 0.95));
    chromium = {
      instantiateMs: quantile(instantiate, 0.5),
      loadMs: quantile(cold.map((c) => c.loadMs), 0.5),
      firstResultMs: quantile(cold.map((c) => c.firstResultMs), 0.5),
      keystrokeMedianMs: quantile(all, 0.5),
      keystrokeP95Ms: quantile(p95s, 0.5),
      keystrokeP95s: p95s,
      keystrokeMaxMs: Math.max(...all),
      keystrokes: all.length,
      readerMedianMs: quantile(readers.flat(), 0.5),
      readerP95Ms: quantile(readerP95s, 0.5),
      readerP95s,
      readerMaxMs: Math.max(...readers.flat()),
      memoryBytes,
    };
  } finally {
    await server.close();
    await browser.close();
  }
  const split = await measureSplit(name, folder, out, native);
  const report = { name, folder, native, module, chromium, typed, split };
  fs.writeFileSync(path.join(out, 'report.json'), JSON.stringify(report, null, 2));
  return report;
}

/** The corpus as a split index: its sizes, its first result and typing in Chromium, its chunks per query. */
async function measureSplit(name, folder, out, native) {
  console.error(`[scale] ${name}: split module`);
  const pkg = path.join(out, 'pkg-split');
  sh('bash', ['scripts/build-wasm.sh', pkg], { env: { ...env, BAHTH_CORPUS: folder, BAHTH_SPLIT: '1' } });
  const wasm = fs.readFileSync(path.join(pkg, 'bahth_bg.wasm'));
  const glue = fs.readFileSync(path.join(pkg, 'bahth.js'));
  const chunkFiles = fs.readdirSync(path.join(pkg, 'chunks'));
  const chunkBytes = (names) => names.reduce((n, c) => n + fs.statSync(path.join(pkg, 'chunks', c)).size, 0);
  const sizes = { moduleGzip: gzip(wasm) + gzip(glue), chunks: chunkFiles.length, chunksGzip: chunkBytes(chunkFiles) };

  // Per query kind, in Node with the same module: the chunks each query fetches
  // cold (a fresh instance per query) and warm (asked again).
  const fetched = [];
  globalThis.fetch = async (url) => {
    fetched.push(path.basename(new URL(url).pathname));
    return new Response(fs.readFileSync(new URL(url)));
  };
  const kinds = [];
  for (const row of native.latency) {
    const cold = [];
    let warm = 0;
    for (const query of row.queries) {
      // A module instance of its own (wasm-bindgen instantiates once per import).
      const module = await import(`${pathToFileURL(path.join(pkg, 'bahth.js'))}?${kinds.length}-${cold.length}`);
      module.initSync({ module: wasm });
      fetched.length = 0;
      await module.search(query, { limit: 10 });
      cold.push([...fetched]);
      fetched.length = 0;
      await module.search(query, { limit: 10 });
      warm += fetched.length;
    }
    kinds.push({ kind: row.kind, cold: cold.map((c) => c.length), coldKinds: cold.map((c) => c.map((n) => n[0]).sort().join('')), bytes: cold.map(chunkBytes), warm });
  }

  console.error(`[scale] ${name}: split in Chromium`);
  const browser = await launchChromium();
  const server = await serve({ port: 0, pkg });
  const first = FIRST[name] ?? FIRST.large;
  const open = async (mode, q) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const responses = [];
    page.on('response', (response) => responses.push(response));
    await page.goto(`${server.url}bench/scale.html?mode=${mode}&q=${encodeURIComponent(q)}`);
    const result = await page.evaluate(() => window.__scale);
    let bytes = 0;
    for (const response of responses) {
      const s = await response.request().sizes().catch(() => null);
      if (s) bytes += s.responseBodySize + s.responseHeadersSize;
    }
    const chunks = responses.filter((r) => r.url().includes('/pkg/chunks/')).length;
    await context.close();
    return { ...result, bytes, requests: responses.length, chunks };
  };
  let chromium;
  try {
    const cold = [];
    for (let i = 0; i < RUNS; i++) cold.push(await open('engine', first));
    const typing = [];
    for (let i = 0; i < 3; i++) typing.push((await open('engine-typing', TYPED[name] ?? TYPED.large)).rounds);
    const coldRounds = typing.map((rounds) => rounds[0]).flat();
    const warmP95s = typing.map((rounds) => quantile(rounds.slice(1).flat(), 0.95));
    chromium = {
      worker: cold[0].worker,
      bytes: quantile(cold.map((c) => c.bytes), 0.5),
      requests: quantile(cold.map((c) => c.requests), 0.5),
      chunks: quantile(cold.map((c) => c.chunks), 0.5),
      loadMs: quantile(cold.map((c) => c.loadMs), 0.5),
      firstResultMs: quantile(cold.map((c) => c.firstResultMs), 0.5),
      firstResults: cold.map((c) => c.firstResultMs),
      coldKeystrokeMedianMs: quantile(coldRounds, 0.5),
      coldKeystrokeP95Ms: quantile(coldRounds, 0.95),
      coldKeystrokeMaxMs: Math.max(...coldRounds),
      warmKeystrokeP95Ms: quantile(warmP95s, 0.5),
      warmKeystrokeP95s: warmP95s,
    };
  } finally {
    await server.close();
    await browser.close();
  }
  return { sizes, kinds, chromium, first };
}

function printSplit(name, { sizes, kinds, chromium, first }, typed) {
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  const verdict = (value, budget) => (budget === undefined ? '' : value <= budget ? `OK (budget ${budget})` : `OVER (budget ${budget})`);
  console.log(`split mode             core module ${kb(sizes.moduleGzip)} gzip (wasm + glue); ${sizes.chunks} chunks, ${kb(sizes.chunksGzip)} gzipped`);
  console.log(`  Chromium, engine in ${chromium.worker ? 'a worker' : 'the main thread'}, «${first}» searched cold (median of ${RUNS}):`);
  console.log(`    bytes before the first result ${kb(chromium.bytes)} ${verdict(chromium.bytes / 1024, BUDGETS.splitFirstBytesKB[name])}; ${chromium.requests} requests, ${chromium.chunks} of them chunks`);
  console.log(`    engine loaded ${chromium.loadMs.toFixed(1)} ms, first result ${chromium.firstResultMs.toFixed(1)} ms after script start ${verdict(chromium.firstResultMs, BUDGETS.splitFirstResultMs)}`);
  console.log(`    each load's first result: ${chromium.firstResults.map((t) => t.toFixed(0)).join(' ')} ms`);
  console.log(`  typing «${typed}» 5 times, in 3 page loads: per keystroke, the time its search takes to answer:`);
  console.log(`    first typing (cold, chunks fetched): median ${chromium.coldKeystrokeMedianMs.toFixed(1)} ms, p95 ${chromium.coldKeystrokeP95Ms.toFixed(1)} ms, max ${chromium.coldKeystrokeMaxMs.toFixed(1)} ms`);
  console.log(`    later typings (warm): p95 ${chromium.warmKeystrokeP95Ms.toFixed(2)} ms (median of ${chromium.warmKeystrokeP95s.map((p) => p.toFixed(2)).join(' / ')}); the page's main thread never runs a search`);
  console.log('  chunks per query (cold; warm)    chunks        bytes   kinds (t dictionary, w postings, d documents, f forms, a answers, n typo keys)');
  for (const k of kinds) {
    console.log(`    ${k.kind.padEnd(18)} ${k.cold.join('/').padStart(12)}; ${k.warm}  ${k.bytes.map((b) => (b / 1024).toFixed(0)).join('/').padStart(10)} KB  ${k.coldKinds.join(' ')}`);
  }
}

function print({ name, native, module, chromium, typed, split }) {
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  const mb = (b) => `${(b / 1024 / 1024).toFixed(2)} MB`;
  const size = (b) => (b >= 1 << 20 ? mb(b) : kb(b));
  const verdict = (value, budget) => (value <= budget ? `OK (budget ${budget})` : `OVER (budget ${budget})`);
  const large = native.documents >= 20000;
  console.log(`\n== ${name}: ${native.documents} documents, text ${size(native.text_bytes)}`);
  console.log(`index build (native)   ${(native.build_ms / 1000).toFixed(2)} s, peak memory ${mb(native.peak_memory_kb * 1024)}`);
  console.log(`module build           ${(module.buildMs / 1000).toFixed(1)} s (cargo + build.rs + wasm-opt)`);
  console.log('index sections         raw        gzip');
  for (const s of native.sections) console.log(`  ${s.name.padEnd(20)} ${size(s.bytes).padStart(10)} ${size(s.gzip).padStart(10)}`);
  // The stored documents (their words as written, which also give the
  // positions) against what only search needs (dictionary, lists, norms).
  const stored = ['written', 'separators', 'docs', 'meta', 'stream'];
  const searchOnly = native.sections.filter((s) => !stored.includes(s.name)).reduce((sum, s) => sum + s.bytes, 0);
  const ratio = searchOnly / native.text_bytes;
  console.log(`  total                ${size(native.index_bytes).padStart(10)}  = ${(native.index_bytes / native.text_bytes).toFixed(2)} × the raw text, stored documents included`);
  console.log(`  without the documents${size(searchOnly).padStart(10)}  = ${ratio.toFixed(2)} × the raw text${large ? '  ' + verdict(ratio, BUDGETS.indexWithoutTextRatio) : ''}`);
  const moduleBudget = name === 'seeds' ? `  ${verdict(module.gzip / 1024, BUDGETS.seedsModuleGzipKB)} KB gzip`
    : name === 'quran' ? `  ${verdict(module.gzip / 1024, BUDGETS.quranModuleGzipKB)} KB gzip`
      : large ? `  ${verdict(module.brotli / 1024 / 1024, BUDGETS.largeModuleBrotliMB)} MB brotli` : '';
  console.log(`module (wasm + glue)   raw ${size(module.raw)}, gzip ${size(module.gzip)}, brotli ${size(module.brotli)}${moduleBudget}`);
  console.log('native latency (ms)    median      p95      max   results  queries');
  for (const row of native.latency) {
    const budget = large ? `  ${row.p95_ms <= BUDGETS.nativeP95Ms ? 'OK' : 'OVER'}` : '';
    console.log(`  ${row.kind.padEnd(18)} ${row.median_ms.toFixed(3).padStart(8)} ${row.p95_ms.toFixed(3).padStart(8)} ${row.max_ms.toFixed(3).padStart(8)} ${String(row.totals.join('/')).padStart(9)}  ${row.queries.join(' | ')}${budget}`);
  }
  const t = native.typing;
  console.log(`  typing «${TYPED[name] ?? TYPED.large}» one character at a time (${t.keystrokes} keystrokes, median of 21 runs each):`);
  console.log(`    per keystroke median ${t.median_ms.toFixed(3)}, p95 ${t.p95_ms.toFixed(3)}, max ${t.max_ms.toFixed(3)} ms; all of them ${t.sum_ms.toFixed(2)} ms`);
  console.log(`Chromium               instantiate ${chromium.instantiateMs.toFixed(1)} ms; engine loaded ${chromium.loadMs.toFixed(1)} ms and first result ${chromium.firstResultMs.toFixed(1)} ms after script start (median of ${RUNS})`);
  console.log(`  typing «${typed}» 5 times, in 3 page loads (${chromium.keystrokes} keystrokes), main-thread time per keystroke:`);
  console.log(`    median ${chromium.keystrokeMedianMs.toFixed(2)} ms, p95 ${chromium.keystrokeP95Ms.toFixed(2)} ms ${verdict(chromium.keystrokeP95Ms, BUDGETS.keystrokeP95Ms)} (median of the loads' ${chromium.keystrokeP95s.map((p) => p.toFixed(1)).join(' / ')}), max ${chromium.keystrokeMaxMs.toFixed(2)} ms ${verdict(chromium.keystrokeMaxMs, BUDGETS.keystrokeMaxMs)}`);
  console.log(`  the same, as a reader meets it (bahth-engine.js on the main thread, typing a second after load, the engine warmed up meanwhile):`);
  console.log(`    median ${chromium.readerMedianMs.toFixed(2)} ms, p95 ${chromium.readerP95Ms.toFixed(2)} ms ${verdict(chromium.readerP95Ms, BUDGETS.keystrokeP95Ms)} (median of the loads' ${chromium.readerP95s.map((p) => p.toFixed(1)).join(' / ')}), max ${chromium.readerMaxMs.toFixed(2)} ms ${verdict(chromium.readerMaxMs, BUDGETS.keystrokeMaxMs)}`);
  console.log(`  wasm memory          ${size(chromium.memoryBytes)}`);
  printSplit(name, split, typed);
}

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : ['seeds', 'quran', 'large'];
const folders = corpusFolders();
const reports = [];
for (const name of wanted) {
  if (!folders[name]) throw new Error(`unknown corpus ${name}; known: ${Object.keys(folders).join(', ')}`);
  reports.push(await measure(name, folders[name]));
}
for (const report of reports) print(report);
