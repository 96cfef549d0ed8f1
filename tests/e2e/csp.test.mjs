// The demo under its strict Content-Security-Policy (header and <meta>): no
// violation, no console error, through loading, typing, chips and navigation keys.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  collectProblems, eventually, NO_PROBLEMS, openPage, useDemo, widgetReady, widgetState,
} from './helpers.mjs';
import { CSP } from '../../scripts/serve.mjs';

const demo = useDemo();

test('the policy is sent as a header and in a <meta>', async () => {
  assert.equal(CSP, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
  const response = await fetch(demo.server.url);
  assert.equal(response.headers.get('content-security-policy'), CSP);
  assert.ok((await response.text()).includes(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`));
});

test('no CSP violation and no console error while the demo is used', async () => {
  const { page, context, problems } = await openPage(demo.browser, demo.server.url);
  await widgetReady(page);
  await page.keyboard.press('/');
  await page.keyboard.type('البوسعيدي', { delay: 15 });
  await eventually(async () => assert.ok((await widgetState(page)).results.length > 0));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await page.locator('.examples .chip').nth(2).click(); // the quoted phrase
  await eventually(async () => assert.ok((await widgetState(page)).results.length > 0));
  await page.locator('bahth-search input').fill('كلمةلاوجودلها');
  await eventually(async () => assert.match((await widgetState(page)).notice, /لا نتائج/));
  // The footer's statistics come from info(), after the engine loaded under the same policy.
  await eventually(async () => assert.match(await page.locator('#stats').textContent(), /مستند/));
  assert.deepEqual(await collectProblems(page, problems), NO_PROBLEMS);
  await context.close();
});
