// After one visit the service worker serves the demo and the engine: with the
// network cut and the server stopped, a reload still loads and searches.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  collectProblems, eventually, NO_PROBLEMS, openPage, useDemo, widgetReady, widgetState,
} from './helpers.mjs';

const demo = useDemo();

test('the demo loads and searches offline after the first visit', async () => {
  const { page, context, problems } = await openPage(demo.browser, demo.server.url);
  await widgetReady(page);
  // ready: installed (everything precached) and active; controller: clients.claim() took this page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  await demo.server.close(); // and really offline: nothing is listening any more
  await page.reload();
  await widgetReady(page);
  await page.locator('bahth-search input').fill('العلاقات الثنائية');
  await eventually(async () => assert.ok((await widgetState(page)).results.length > 0));
  await page.goto(`${demo.server.url}?q=${encodeURIComponent('البوسعيدي')}`); // a shared link, offline
  await eventually(async () => assert.ok((await widgetState(page)).results.length > 0));
  assert.deepEqual(await collectProblems(page, problems), NO_PROBLEMS);
  await context.close();
});
