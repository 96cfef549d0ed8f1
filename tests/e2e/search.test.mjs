// The widget on the demo page: results at every keystroke, highlights on the
// right words, Arabic counts, relaxed and empty states, keyboard and ARIA.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  collectProblems, countText, engineAnswer, eventually, NO_PROBLEMS, openPage, useDemo, widgetReady, widgetState,
} from './helpers.mjs';

const LETTERS = /[\p{L}\p{M}\p{N}]/u;
const site = useDemo();

async function demo() {
  const opened = await openPage(site.browser, site.server.url);
  await widgetReady(opened.page);
  return opened;
}

describe('typing', () => {
  test('every keystroke updates count, list and highlights to the engine\'s answer', async () => {
    const { page, context, problems } = await demo();
    const input = page.locator('bahth-search input');
    await input.focus();
    const query = 'السلام';
    const counts = new Set();
    for (let i = 1; i <= query.length; i++) {
      await page.keyboard.type(query[i - 1]); // Arabic letters are typed one by one as text input
      const prefix = query.slice(0, i);
      const expected = await engineAnswer(page, prefix);
      await eventually(async () => {
        const shown = await widgetState(page);
        assert.equal(await input.inputValue(), prefix);
        const count = expected.relaxed || expected.total === 0 ? '' : await countText(page, expected.total, expected.total_is_estimate);
        assert.equal(shown.count, count, `count after «${prefix}»`);
        assert.deepEqual(shown.results.map((r) => r.title), expected.results.map((r) => r.title), `titles after «${prefix}»`);
        // The <mark>s are exactly the engine's ranges sliced out of the text.
        assert.deepEqual(shown.results.map((r) => r.excerptMarks), expected.results.map((r) => r.excerptMarks));
        assert.deepEqual(shown.results.map((r) => r.titleMarks), expected.results.map((r) => r.titleMarks));
      });
      counts.add(expected.total);
    }
    assert.ok(counts.size > 1, 'the number of matches changes while typing');
    assert.deepEqual(await collectProblems(page, problems), NO_PROBLEMS);
    await context.close();
  });

  test('a vowelled word is highlighted whole, diacritics included', async () => {
    const { page, context, problems } = await demo();
    await page.locator('bahth-search input').fill('السلام'); // the seeds spell it «السّلام»
    await eventually(async () => {
      const marks = (await widgetState(page)).results.flatMap((r) => r.excerptMarks);
      assert.ok(marks.includes('السّلام'), `marks: ${JSON.stringify(marks)}`);
    });
    await page.locator('bahth-search input').fill('التاريخية '); // «التاريخيّة», a complete word
    await eventually(async () => {
      const { results } = await widgetState(page);
      assert.ok(results.length > 0);
      for (const r of results) {
        for (const mark of r.excerptMarks) assert.equal(mark, 'التاريخيّة');
        assertWholeWords(r.excerpt, r.excerptMarks);
      }
    });
    assert.deepEqual(await collectProblems(page, problems), NO_PROBLEMS);
    await context.close();
  });
});

/** Each mark starts and ends at a word boundary: no letter or diacritic is left outside it. */
function assertWholeWords(text, marks) {
  let from = 0;
  for (const mark of marks) {
    const at = text.indexOf(mark, from);
    assert.ok(at >= 0, `mark «${mark}» is in the excerpt`);
    assert.ok(!LETTERS.test(text[at - 1] ?? ' '), `nothing of the word before «${mark}»`);
    assert.ok(!LETTERS.test(text[at + mark.length] ?? ' '), `nothing of the word after «${mark}»`);
    from = at + mark.length;
  }
}

describe('counts and states', () => {
  test('result counts use Arabic digits and plural forms', async () => {
    const { page, context } = await demo();
    const phrases = [];
    for (const n of [0, 1, 2, 3, 10, 11, 99, 100, 101, 1234]) phrases.push(await countText(page, n));
    phrases.push(await countText(page, 7214, true)); // beyond 200 matches the engine estimates
    assert.deepEqual(phrases, [
      'لا نتائج', 'نتيجة واحدة', 'نتيجتان', '٣ نتائج', '١٠ نتائج', '١١ نتيجة', '٩٩ نتيجة', '١٠٠ نتيجة', '١٠١ نتيجة', '١٬٢٣٤ نتيجة',
      'نحو ٧٬٢١٤ نتيجة',
    ]);
    await context.close();
  });

  test('empty box: a clear hint, no list', async () => {
    const { page, context } = await demo();
    const state = await widgetState(page);
    assert.match(state.notice, /اكتب كلمة أو أكثر للبحث في/);
    assert.equal(state.results.length, 0);
    assert.equal(await page.locator('bahth-search input').getAttribute('aria-expanded'), 'false');
    await context.close();
  });

  test('no document has every word: closest results under a note', async () => {
    const { page, context } = await demo();
    const query = 'طهران كاليفورنيا '; // one document each, none both
    const expected = await engineAnswer(page, query);
    assert.equal(expected.relaxed, true, 'the engine relaxes this query');
    await page.locator('bahth-search input').fill(query);
    await eventually(async () => {
      const state = await widgetState(page);
      assert.match(state.notice, /لا نتائج تحتوي كل الكلمات؛ أقرب النتائج:/);
      assert.deepEqual(state.results.map((r) => r.title), expected.results.map((r) => r.title));
    });
    await context.close();
  });

  test('nothing matches: suggestions as chips that search when clicked', async () => {
    const { page, context } = await demo();
    await page.locator('bahth-search input').fill('البوسعيديززز');
    await eventually(async () => assert.match((await widgetState(page)).notice, /لا نتائج لـ«البوسعيديززز»/));
    const chip = page.locator('bahth-search .chip').first();
    const suggestion = await chip.textContent();
    await chip.click();
    await eventually(async () => {
      assert.equal(await page.locator('bahth-search input').inputValue(), suggestion);
      assert.ok((await widgetState(page)).results.length > 0);
    });
    await context.close();
  });

  test('a typo: results for the word meant, said so, and the words as typed one click away', async () => {
    const { page, context } = await demo();
    const expected = await engineAnswer(page, 'الخاجرية');
    assert.deepEqual(expected.corrections, [{ from: 'الخاجرية', to: 'الخارجية' }]);
    await page.locator('bahth-search input').fill('الخاجرية');
    await eventually(async () => {
      const state = await widgetState(page);
      assert.match(state.notice, /^النتائج لـ«الخارجية» بدلًا من «الخاجرية»\. ابحث عن «الخاجرية» كما كتبتَه$/);
      assert.deepEqual(state.results.map((r) => r.title), expected.results.map((r) => r.title));
    });
    const events = page.evaluate(() => new Promise((resolve) => {
      document.addEventListener('bahth-results', (e) => resolve(e.detail), { once: true });
    }));
    await page.locator('bahth-search .as-typed').click();
    await eventually(async () => {
      const state = await widgetState(page);
      assert.match(state.notice, /^لا نتائج لـ«الخاجرية»\./);
      assert.equal(state.results.length, 0);
    });
    assert.deepEqual((await events).corrections, []);
    // Typing on goes back to corrected searches.
    await page.locator('bahth-search input').fill('البوسعدي');
    await eventually(async () => assert.match((await widgetState(page)).notice, /^النتائج لـ«البوسعيدي» بدلًا من «البوسعدي»/));
    await context.close();
  });

  test('typed with the Latin layout active: searched as the Arabic it meant', async () => {
    const { page, context } = await demo();
    const expected = await engineAnswer(page, 'hgugrhj hgekhzdm');
    const meant = await engineAnswer(page, 'العلاقات الثنائية');
    // The documents the Arabic finds (ranked lower: the words are corrections).
    assert.deepEqual(expected.results.map((r) => r.title).sort(), meant.results.map((r) => r.title).sort());
    await page.locator('bahth-search input').fill('hgugrhj hgekhzdm');
    await eventually(async () => {
      const state = await widgetState(page);
      assert.match(state.notice, /^النتائج لـ«العلاقات» و«الثنائية» بدلًا من «hgugrhj» و«hgekhzdm»\./);
      assert.deepEqual(state.results.map((r) => r.title), expected.results.map((r) => r.title));
    });
    await context.close();
  });

  test('a package that does not load: an Arabic message, not a dead box', async () => {
    const { page, context } = await demo();
    await page.evaluate(() => {
      const broken = document.createElement('bahth-search');
      broken.id = 'broken';
      broken.setAttribute('pkg', '/missing/bahth.js');
      document.body.append(broken);
    });
    const alert = page.locator('#broken [role="alert"]');
    await alert.waitFor();
    assert.match(await alert.textContent(), /تعذّر تحميل البحث/);
    assert.equal(await page.locator('#broken input').isDisabled(), true);
    await context.close();
  });
});

describe('keyboard and ARIA', () => {
  test('"/" and Ctrl+K focus the box, but not while typing in another field', async () => {
    const { page, context } = await demo();
    const focused = () => page.evaluate(() => document.querySelector('bahth-search').shadowRoot.activeElement?.id ?? null);
    await page.keyboard.press('/');
    assert.equal(await focused(), 'bahth-input');
    assert.equal(await page.locator('bahth-search input').inputValue(), '', 'the "/" is not typed');

    await page.evaluate(() => document.activeElement.blur());
    await page.keyboard.press('Control+k');
    assert.equal(await focused(), 'bahth-input');

    await page.evaluate(() => {
      const other = document.createElement('input');
      other.id = 'other';
      document.body.append(other);
      other.focus();
    });
    await page.keyboard.press('/');
    await page.keyboard.press('Control+k');
    assert.equal(await page.locator('#other').inputValue(), '/');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'other');
    await context.close();
  });

  test('combobox roles, ↑/↓ with aria-activedescendant and aria-selected, Enter opens, Escape clears then closes', async () => {
    const { page, context } = await demo();
    const input = page.locator('bahth-search input');
    const listbox = page.locator('bahth-search [role="listbox"]');
    assert.equal(await input.getAttribute('role'), 'combobox');
    assert.equal(await input.getAttribute('aria-autocomplete'), 'list');
    assert.equal(await input.getAttribute('aria-controls'), await listbox.getAttribute('id'));

    await input.fill('العلاقات');
    const options = page.locator('bahth-search [role="option"]');
    await eventually(async () => assert.ok((await options.count()) >= 2));
    assert.equal(await input.getAttribute('aria-expanded'), 'true');
    const ids = await options.evaluateAll((els) => els.map((e) => e.id));
    assert.equal(new Set(ids).size, ids.length, 'options have distinct ids');
    const selected = () => options.evaluateAll((els) => els.map((e) => e.getAttribute('aria-selected')));

    await input.press('ArrowDown');
    assert.equal(await input.getAttribute('aria-activedescendant'), ids[0]);
    assert.deepEqual((await selected()).slice(0, 2), ['true', 'false']);
    await input.press('ArrowDown');
    assert.equal(await input.getAttribute('aria-activedescendant'), ids[1]);
    assert.deepEqual((await selected()).slice(0, 2), ['false', 'true']);
    await input.press('ArrowUp');
    assert.equal(await input.getAttribute('aria-activedescendant'), ids[0]);
    await input.press('ArrowUp'); // back to the box itself
    assert.equal(await input.getAttribute('aria-activedescendant'), null);
    assert.ok((await selected()).every((s) => s === 'false'));

    // The polite live region announces the count once typing pauses.
    const { total } = await engineAnswer(page, 'العلاقات');
    const live = page.locator('bahth-search [role="status"]');
    assert.equal(await live.getAttribute('aria-live'), 'polite');
    await eventually(async () => assert.equal(await live.textContent(), await countText(page, total)));

    // Escape: first clears, then leaves the box.
    await input.press('Escape');
    assert.equal(await input.inputValue(), '');
    assert.equal(await input.getAttribute('aria-expanded'), 'false');
    assert.equal(await options.count(), 0);
    await input.press('Escape');
    assert.equal(await page.evaluate(() => document.querySelector('bahth-search').shadowRoot.activeElement), null);

    // Enter opens the active result's link.
    await input.fill('العلاقات');
    await eventually(async () => assert.ok((await options.count()) >= 2));
    await input.press('ArrowDown');
    await input.press('ArrowDown');
    const href = await options.nth(1).locator('a').getAttribute('href');
    assert.match(href, /\/docs\/.+\.txt$/);
    await Promise.all([page.waitForURL(href), input.press('Enter')]);

    // Back from the document: the query (kept in ?q=) and its results are there again.
    await page.goBack();
    await widgetReady(page);
    assert.equal(await input.inputValue(), 'العلاقات');
    await eventually(async () => assert.ok((await options.count()) >= 2));
    await context.close();
  });

  test('right-to-left Arabic page and widget; titles and excerpts dir=auto', async () => {
    const { page, context } = await demo();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
    const container = page.locator('bahth-search .bahth');
    assert.equal(await container.getAttribute('dir'), 'rtl');
    assert.equal(await container.getAttribute('lang'), 'ar');
    await page.locator('bahth-search input').fill('عمان');
    await page.locator('bahth-search [role="option"]').first().waitFor();
    const dirs = await page.locator('bahth-search .title, bahth-search .excerpt').evaluateAll((els) => els.map((e) => e.dir));
    assert.ok(dirs.length > 0 && dirs.every((d) => d === 'auto'));
    await context.close();
  });
});

describe('warm-up', () => {
  /** Loads an engine on the main thread; resolves to what its warm-up did within `wait` ms. */
  const warmUp = (page, { searchAtOnce = false, wait = 4000 } = {}) => page.evaluate(async ([searchAtOnce, wait]) => {
    const { loadEngine } = await import('/bahth-engine.js');
    const longTasks = [];
    new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => Math.round(e.duration))))
      .observe({ type: 'longtask' });
    const engine = await loadEngine(undefined, { worker: false });
    const asked = searchAtOnce ? await engine.search('السلام', { limit: 10 }) : null;
    const start = performance.now();
    while (!performance.getEntriesByName('bahth-engine:warm').length && performance.now() - start < wait) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const answer = await engine.search('العلاقات', { limit: 10 });
    return {
      warm: performance.getEntriesByName('bahth-engine:warm').length,
      longTasks,
      total: answer.total,
      titles: answer.results.map((r) => r.title),
      asked: asked?.total,
    };
  }, [searchAtOnce, wait]);

  test('while the page is idle after load, the engine searches as a reader would type, in slices, then marks it', async () => {
    const { page, context, problems } = await demo();
    const warmed = await warmUp(page);
    assert.equal(warmed.warm, 1, 'bahth-engine:warm was marked');
    assert.deepEqual(warmed.longTasks, [], 'long tasks (ms) while warming up');
    const expected = await engineAnswer(page, 'العلاقات');
    assert.equal(warmed.total, expected.total);
    assert.deepEqual(warmed.titles, expected.results.map((r) => r.title), 'answers as an engine never warmed');
    assert.deepEqual(await collectProblems(page, problems), NO_PROBLEMS);
    await context.close();
  });

  test('a search at once stops the warm-up', async () => {
    const { page, context } = await demo();
    const warmed = await warmUp(page, { searchAtOnce: true, wait: 1500 });
    assert.equal(warmed.asked, (await engineAnswer(page, 'السلام')).total);
    assert.equal(warmed.warm, 0, 'no warm-up ran');
    await context.close();
  });
});
