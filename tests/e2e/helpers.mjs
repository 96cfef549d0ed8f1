// Shared by the end-to-end tests (and bench/run.mjs): building the wasm package
// when it is missing, the local server, Chromium, and a page that records every
// console error, page error, dialog and CSP violation.
//
// Chromium only: Playwright drives Firefox only through its own patched build,
// which cannot be downloaded here (Debian's firefox-esr does not speak its
// protocol), so there are no Firefox e2e runs.
import { after, before } from 'node:test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WWW_PKG = path.join(ROOT, 'www/pkg');
export { serve };

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

export function launchChromium() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Builds the engine into outDir with wasm-pack unless outDir/bahth.js exists
 * (force: always build; wasm-pack is quick when nothing changed).
 * corpus: a folder to index instead of seeds/ (BAHTH_CORPUS).
 */
export async function ensurePkg(outDir = WWW_PKG, { corpus, profile = '--release', force = false } = {}) {
  if (!force && fs.existsSync(path.join(outDir, 'bahth.js'))) return outDir;
  // Test files run in parallel processes: one build at a time into the shared target/.
  await withLock(path.join(ROOT, 'target', '.e2e-build.lock'), () => {
    if (!force && fs.existsSync(path.join(outDir, 'bahth.js'))) return;
    const env = { ...process.env, PATH: `${os.homedir()}/.cargo/bin:/usr/local/bin:${process.env.PATH}` };
    if (corpus) env.BAHTH_CORPUS = corpus;
    else delete env.BAHTH_CORPUS;
    const run = spawnSync('wasm-pack', ['build', profile, '--target', 'web', '--out-dir', outDir], {
      cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 << 20,
    });
    if (run.error?.code === 'ENOENT') throw new Error('wasm-pack not found: run `bash scripts/setup.sh` first');
    if (run.status !== 0) throw new Error(`wasm-pack build failed (${run.status}):\n${run.stderr}`);
  });
  return outDir;
}

async function withLock(lock, fn) {
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      // A lock left by a killed run is older than any build: take it over.
      if (Date.now() - fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 10 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** The package the demo tests serve: www/pkg, built if missing. */
/**
 * One server and one Chromium for a test file, started before its tests and
 * closed after them: `const demo = useDemo();` then `demo.server.url`,
 * `demo.browser`. `options` go to `serve` (default: the demo's own pkg).
 */
export function useDemo(options = async () => ({ pkg: await demoPkg() })) {
  const demo = {};
  before(async () => {
    demo.server = await serve({ port: 0, ...(await options()) });
    demo.browser = await launchChromium();
  });
  after(async () => {
    await demo.browser?.close();
    await demo.server?.close();
  });
  return demo;
}

export function demoPkg() {
  return ensurePkg(WWW_PKG);
}

/** The engine built over the hostile corpus, rebuilt every run (quick when nothing changed). */
export function hostilePkg(corpus) {
  return ensurePkg(path.join(ROOT, 'target/e2e/pkg-hostile'), { corpus, profile: '--dev', force: true });
}

/** A fresh context and page; `problems` collects what must never happen on the demo. */
export async function openPage(browser, url, contextOptions = {}) {
  const context = await browser.newContext({ locale: 'ar', ...contextOptions });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
  const page = await context.newPage();
  const problems = { consoleErrors: [], pageErrors: [], dialogs: [] };
  page.on('console', (msg) => { if (msg.type() === 'error') problems.consoleErrors.push(msg.text()); });
  page.on('pageerror', (err) => problems.pageErrors.push(err.message));
  page.on('dialog', (dialog) => { problems.dialogs.push(dialog.message()); dialog.dismiss().catch(() => {}); });
  if (url) await page.goto(url);
  return { context, page, problems };
}

export const NO_PROBLEMS = { consoleErrors: [], pageErrors: [], dialogs: [], cspViolations: [] };

/** Everything recorded so far, CSP violations included; all must be empty (NO_PROBLEMS). */
export async function collectProblems(page, problems) {
  return { ...problems, cspViolations: await page.evaluate(() => window.__cspViolations) };
}

/** Waits until the widget has loaded its engine (the idle hint or results are showing). */
export async function widgetReady(page) {
  await page.waitForFunction(() => {
    const root = document.querySelector('bahth-search')?.shadowRoot;
    const notice = root?.querySelector('.notice')?.textContent ?? '';
    return root && !notice.includes('تحميل') && (notice || root.querySelector('[role="option"]'));
  });
}

/** Retries an assertion until it passes or the time is up (rendering is synchronous, but CDP is not). */
export async function eventually(assertion, timeout = 3000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await assertion();
    } catch (err) {
      if (Date.now() > end) throw err;
      await sleep(20);
    }
  }
}

/** What the widget shows: count line, notice, live region, and per result title/excerpt text and marks. */
export function widgetState(page) {
  return page.evaluate(() => {
    const root = document.querySelector('bahth-search').shadowRoot;
    const text = (sel) => root.querySelector(sel)?.textContent ?? '';
    return {
      count: text('.count'),
      notice: text('.notice'),
      live: text('[role="status"]'),
      results: [...root.querySelectorAll('[role="option"]')].map((option) => ({
        id: option.id,
        href: option.querySelector('a').getAttribute('href'),
        title: option.querySelector('.title').textContent,
        excerpt: option.querySelector('.excerpt').textContent,
        titleMarks: [...option.querySelectorAll('.title mark')].map((m) => m.textContent),
        excerptMarks: [...option.querySelectorAll('.excerpt mark')].map((m) => m.textContent),
      })),
    };
  });
}

/** The engine's own answer for a query, shaped like widgetState's results. */
export function engineAnswer(page, query, limit = 10) {
  return page.evaluate(async ([q, n]) => {
    const { search } = await import('/bahth.js');
    const answer = await search(q, { limit: n, offset: 0 });
    const marks = (text, ranges) => ranges.map(([s, e]) => text.slice(s, e));
    return {
      total: answer.total,
      relaxed: answer.relaxed,
      corrections: answer.corrections,
      results: answer.results.map((r) => ({
        title: r.title,
        excerpt: r.excerpt.text,
        titleMarks: marks(r.title, r.title_highlights),
        excerptMarks: marks(r.excerpt.text, r.excerpt.highlights),
      })),
    };
  }, [query, limit]);
}

/** The widget's count phrase for n (its own Intl-based formatter). */
export function countText(page, n, estimate = false) {
  return page.evaluate(async ([k, e]) => (await import('/bahth-search.js')).countText(k, e), [n, estimate]);
}
