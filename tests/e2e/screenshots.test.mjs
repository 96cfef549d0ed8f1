// Screenshots of the demo with a query typed, for people to look at: phone and
// desktop widths, light and dark. Written to test-results/screenshots/ (git-ignored).
// Also checks what a picture cannot prove reliably: no horizontal overflow.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  eventually, openPage, ROOT, useDemo, widgetReady, widgetState,
} from './helpers.mjs';

const OUT = path.join(ROOT, 'test-results/screenshots');
const demo = useDemo();

for (const [width, height] of [[360, 780], [1280, 900]]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`${width}px ${colorScheme}`, async () => {
      const { page, context } = await openPage(demo.browser, demo.server.url, { viewport: { width, height }, colorScheme });
      await widgetReady(page);
      await page.locator('bahth-search input').focus();
      await page.keyboard.type('العلاقات الثنائ', { delay: 10 });
      await eventually(async () => assert.ok((await widgetState(page)).results.length > 0));
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, 'nothing sticks out sideways');
      await page.screenshot({ path: path.join(OUT, `demo-${width}-${colorScheme}.png`), fullPage: true });
      await context.close();
    });
  }
}

test('states: relaxed results, nothing found, corrected (360px light)', async () => {
  const { page, context } = await openPage(demo.browser, demo.server.url, { viewport: { width: 360, height: 780 } });
  await widgetReady(page);
  await page.locator('bahth-search input').fill('طهران كاليفورنيا ');
  await eventually(async () => assert.match((await widgetState(page)).notice, /أقرب النتائج/));
  await page.screenshot({ path: path.join(OUT, 'state-relaxed-360.png'), fullPage: true });
  await page.locator('bahth-search input').fill('البوسعيديززز');
  await eventually(async () => assert.match((await widgetState(page)).notice, /لا نتائج/));
  await page.screenshot({ path: path.join(OUT, 'state-none-360.png') });
  await page.locator('bahth-search input').fill('السعوديه الخاجرية');
  await eventually(async () => assert.match((await widgetState(page)).notice, /بدلًا من/));
  await page.screenshot({ path: path.join(OUT, 'state-corrected-360.png') });
  await context.close();
});
