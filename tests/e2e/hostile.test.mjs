// A corpus whose text is markup (tests/e2e/hostile/): the widget must show it
// literally and never run it. The engine is rebuilt over that folder.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import {
  collectProblems, engineAnswer, eventually, hostilePkg, NO_PROBLEMS, openPage, ROOT, useDemo, widgetReady,
  widgetState,
} from './helpers.mjs';

const CORPUS = path.join(ROOT, 'tests/e2e/hostile');
const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
// BAHTH_CORPUS=$PWD/tests/e2e/hostile wasm-pack build --dev --target web --out-dir target/e2e/pkg-hostile
const demo = useDemo(async () => ({ pkg: await hostilePkg(CORPUS), docs: CORPUS }));

test('markup in documents and queries is shown as text and never runs', async () => {
  const { page, context, problems } = await openPage(demo.browser, demo.server.url);
  await widgetReady(page);
  const input = page.locator('bahth-search input');
  const shown = [];
  for (const query of [IMG, SCRIPT, 'وسم', 'onerror', '"window.__pwned=1"']) {
    await input.fill(query);
    const expected = await engineAnswer(page, query);
    await eventually(async () => {
      const state = await widgetState(page);
      assert.ok(state.results.length > 0, `results for ${query}`);
      assert.deepEqual(state.results.map((r) => [r.title, r.excerpt]), expected.results.map((r) => [r.title, r.excerpt]));
      shown.push(...state.results.flatMap((r) => [r.title, r.excerpt]));
    });
    await page.locator('bahth-search [role="option"]').first().hover(); // would fire an onmouseover
  }
  assert.ok(shown.some((text) => text.includes(IMG)), 'the <img> tag is visible as text');
  assert.ok(shown.some((text) => text.includes(SCRIPT)), 'the <script> tag is visible as text');

  const injected = await page.evaluate(() => {
    const root = document.querySelector('bahth-search').shadowRoot;
    return [...root.querySelectorAll('img, script, b, iframe, [onerror], [onmouseover]'), ...document.querySelectorAll('img, iframe')].length;
  });
  assert.equal(injected, 0, 'no element came from the corpus');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(await collectProblems(page, problems), NO_PROBLEMS);
  await context.close();
});

test('a document url that is not http(s) never becomes a link', async () => {
  const { page, context } = await openPage(demo.browser, demo.server.url);
  await widgetReady(page);
  await page.locator('bahth-search input').fill('عنوان');
  const href = await page.locator('bahth-search [role="option"] a').first().getAttribute('href');
  assert.match(href, /^http:\/\/127\.0\.0\.1:\d+\/docs\/front-matter\.txt$/, 'falls back to href-template');
  await page.locator('bahth-search input').press('Enter');
  await page.waitForURL(href);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await context.close();
});
