// The npm package on a machine without Rust: `npm pack` from this checkout,
// installed into an empty folder, `npx bahth index` run on a built site
// (tests/fixtures/site: nested folders, site chrome, scripts, markup as text,
// an English page, an empty page, an image, a hidden folder) with a PATH that
// has no cargo or rustc; the folder it writes searched in Node and in
// Chromium; its index byte for byte what build.rs embeds for the same folder.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  collectProblems, eventually, launchChromium, NO_PROBLEMS, openPage, ROOT, serve, widgetReady, widgetState,
} from './helpers.mjs';

const FIXTURE = path.join(ROOT, 'tests/fixtures/site');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bahth-npm-'));
const site = path.join(work, 'site');
const out = path.join(site, 'search');
let report = '';
let bahth = ''; // the installed command
let env = {};

before(() => {
  const tgz = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
    cwd: path.join(ROOT, 'npm'), encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'],
  }).trim().split('\n').pop();
  const app = path.join(work, 'app');
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'package.json'), '{ "private": true }');
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', path.join(work, tgz)], { cwd: app });
  // Node, and the system's tools: no ~/.cargo/bin.
  env = { ...process.env, PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin` };
  const tools = spawnSync('sh', ['-c', 'command -v cargo rustc wasm-pack'], { env, encoding: 'utf8' });
  assert.equal(tools.stdout, '', 'no Rust toolchain on the PATH the indexer runs with');
  fs.cpSync(FIXTURE, site, { recursive: true });
  bahth = path.join(app, 'node_modules/.bin/bahth');
  // As a site owner types it.
  const run = spawnSync('npx', ['--no', 'bahth', 'index', site, '--out', out], { cwd: app, env, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  report = run.stdout;
});

after(() => fs.rmSync(work, { recursive: true, force: true }));

test('the report: documents, what was skipped and why, sections, module size', () => {
  assert.match(report, /^bahth: 4 documents from 5 files, \d+ words, \d+ distinct/m);
  for (const skipped of [
    `${site}/.drafts: skipped, a hidden folder`,
    `${site}/assets/logo.png: skipped, not .txt, .md, .html or .jsonl`,
    `${site}/empty.html: skipped, empty`,
  ]) assert.ok(report.includes(`  ${skipped}\n`), `${skipped} in\n${report}`);
  assert.match(report, /^ {2}postings +[\d.]+ KB +[\d.]+ KB$/m);
  assert.match(report, /^module \(wasm \+ glue\) +[\d.]+ KB, [\d.]+ KB gzip/m);
  assert.doesNotMatch(report, /warning: the index is over/);
  const files = fs.readdirSync(out, { recursive: true }).sort();
  assert.deepEqual(files, ['bahth-engine.js', 'bahth-search.js', 'bahth-worker.js', 'bahth.js', 'pkg', 'pkg/bahth.js', 'pkg/bahth_bg.wasm']);
});

test('the index inside the module is byte for byte what build.rs embeds for the folder', () => {
  const wasm = fs.readFileSync(path.join(out, 'pkg/bahth_bg.wasm'));
  const section = WebAssembly.Module.customSections(new WebAssembly.Module(wasm), 'bahth-index');
  assert.equal(section.length, 1);
  // build.rs indexing the same folder (BAHTH_CORPUS), its embedded bytes
  // written out by the CLI; a target folder of its own, not to disturb the
  // seeds build.
  const native = path.join(work, 'native');
  execFileSync('cargo', ['run', '--quiet', '--bin', 'bahth', '--', 'index', '--out', native], {
    cwd: ROOT,
    env: { ...process.env, BAHTH_CORPUS: site, CARGO_TARGET_DIR: path.join(ROOT, 'target/npm-fixture') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  assert.deepEqual(Buffer.from(section[0]), fs.readFileSync(path.join(native, 'index.bin')));
});

test('loaded in Node: the pages, their urls and titles, highlights', async () => {
  const pkg = await import(path.join(out, 'pkg/bahth.js'));
  pkg.initSync({ module: fs.readFileSync(path.join(out, 'pkg/bahth_bg.wasm')) });
  assert.equal(pkg.info().documents, 4);
  const found = await pkg.search('العلاقات ', { limit: 10 });
  assert.deepEqual(found.results.map((r) => [r.id, r.url, r.title]), [
    ['news/2024/oman-iran', '/news/2024/oman-iran.html', 'وزير الخارجية العُماني يبحث العلاقات الثنائية في طهران'],
    ['news/index', '/news/', 'كل الأخبار'],
    ['index', '/', 'أهلا بكم في موقع الأخبار'],
  ]);
  const top = found.results[0];
  const marked = top.excerpt.highlights.map(([s, e]) => top.excerpt.text.slice(s, e));
  assert.deepEqual(marked, ['العلاقات', 'العلاقاتِ']); // the heading opens the text
  // Site chrome, scripts and [data-bahth-ignore] are not content.
  for (const absent of ['جميع الحقوق', 'الرئيسية', 'tracker', 'hacked', 'النشرة البريدية', 'ذات صلة']) {
    assert.equal((await pkg.search(absent, { correct: false })).total, 0, absent);
  }
  assert.deepEqual((await pkg.search('English page')).results.map((r) => r.url), ['/about/']);
});

test('in Chromium: the widget in the copied folder searches the site, links to its pages, shows markup as text', async () => {
  fs.writeFileSync(path.join(site, 'search.html'), `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>بحث</title><link rel="icon" href="/icon.svg"><script type="module" src="/search/bahth-search.js"></script></head>
<body><bahth-search></bahth-search></body></html>`);
  fs.copyFileSync(path.join(ROOT, 'www/icon.svg'), path.join(site, 'icon.svg'));
  const server = await serve({ port: 0, www: site, pkg: out, docs: site, bench: site });
  const browser = await launchChromium();
  try {
    const { page, context, problems } = await openPage(browser, `${server.url}search.html`);
    await widgetReady(page);
    await page.locator('bahth-search input').fill('العلاقات الثنائية');
    await eventually(async () => {
      const state = await widgetState(page);
      assert.deepEqual(state.results.map((r) => r.href), [`${server.url}news/2024/oman-iran.html`, `${server.url}news/`]);
      assert.deepEqual(state.results[0].titleMarks, ['العلاقات', 'الثنائية']);
      assert.deepEqual(state.results[0].excerptMarks, ['العلاقات', 'الثنائية', 'العلاقاتِ', 'الثنائية']);
    });
    await page.locator('bahth-search input').fill('onerror');
    await eventually(async () => {
      const state = await widgetState(page);
      assert.equal(state.results.length, 1);
      assert.match(state.results[0].excerpt, /<img src=x onerror=alert\(1\)>/);
    });
    assert.deepEqual(await collectProblems(page, problems), NO_PROBLEMS);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});

test('bad input: a page that is not UTF-8 is named with its byte offset, and nothing is written', () => {
  const bad = path.join(work, 'bad');
  fs.mkdirSync(bad);
  fs.writeFileSync(path.join(bad, 'good.html'), '<h1>صفحة</h1>');
  fs.writeFileSync(path.join(bad, 'bad.html'), Buffer.from([0x3c, 0x68, 0x31, 0x3e, 0xd8, 0x28]));
  const run = spawnSync(bahth, ['index', bad, '--out', path.join(work, 'bad-out')], { env, encoding: 'utf8' });
  assert.equal(run.status, 1);
  assert.equal(run.stderr, `bahth: ${bad}/bad.html: not valid UTF-8 at byte offset 4\n`);
  assert.equal(fs.existsSync(path.join(work, 'bad-out')), false);
  const usage = spawnSync(bahth, ['index', bad], { env, encoding: 'utf8' });
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /^bahth: where to\? bahth index <folder> --out <dir>\nusage:/);
});
