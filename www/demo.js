// The demo page around <bahth-search>: example chips, the footer's index
// statistics, ?q= links, the offline service worker, and for a split index
// "make all of this searchable offline".
import { arabicCount } from './bahth-search.js';
import { loadEngine } from './bahth-engine.js';

const box = document.querySelector('bahth-search');

// Example chips fill the box and search at once.
document.querySelector('.examples').addEventListener('click', (e) => {
  const chip = e.target.closest('.chip');
  if (!chip) return;
  box.value = chip.dataset.query;
  box.focus();
});

// A shared link (?q=...) opens with its results; typing keeps the address shareable,
// and coming back from a result restores the query. The address follows once typing
// pauses (browsers throttle pages that rewrite history on every keystroke), and at once
// when a result is opened.
const initial = new URLSearchParams(location.search).get('q');
if (initial) box.value = initial;
let addressTimer = 0;
box.addEventListener('bahth-results', () => {
  clearTimeout(addressTimer);
  addressTimer = setTimeout(rememberQuery, 300);
});
box.addEventListener('bahth-select', rememberQuery);

function rememberQuery() {
  clearTimeout(addressTimer);
  const url = new URL(location.href);
  if (box.value.trim()) url.searchParams.set('q', box.value);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
}

showStats();

// After load: installing precaches every file, which should not compete with the first search.
if ('serviceWorker' in navigator) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('sw.js').catch((err) => console.warn('bahth: offline mode unavailable', err));
  });
}

async function showStats() {
  let engine;
  try {
    engine = await loadEngine();
  } catch {
    return; // the widget itself explains the failure
  }
  const info = engine.info();
  const kb = new Intl.NumberFormat('ar-u-nu-arab', { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 });
  document.getElementById('stats').textContent = [
    arabicCount(info.documents, { zero: 'لا مستندات', one: 'مستند واحد', two: 'مستندان', few: '# مستندات', many: '# مستندًا', other: '# مستند' }),
    arabicCount(info.terms, { zero: 'لا كلمات', one: 'كلمة واحدة', two: 'كلمتان', few: '# كلمات', many: '# كلمة', other: '# كلمة' }),
    info.split ? 'فهرس مجزّأ يُحمَّل حسب الحاجة' : `فهرس بحجم ${kb.format(info.index_bytes / 1024)}`,
  ].join(' · ');
  if (info.split) offerOffline(engine);
}

/**
 * A split index fetches chunks as searches need them (and the service worker keeps
 * each one). This fetches the rest, so that every search works offline.
 */
function offerOffline(engine) {
  if (!('serviceWorker' in navigator)) return;
  const section = document.getElementById('offline');
  const button = document.getElementById('offline-button');
  const progress = document.getElementById('offline-progress');
  const status = document.getElementById('offline-status');
  document.getElementById('privacy').textContent = 'لا يغادر ما تكتبه جهازك: تُجلَب أجزاء الفهرس كما هي، ويجري البحث كله في متصفحك.';
  section.hidden = false;
  const mb = new Intl.NumberFormat('ar-u-nu-arab', { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  button.addEventListener('click', async () => {
    button.disabled = true;
    progress.hidden = false;
    const chunks = await engine.chunks();
    const base = new URL('pkg/chunks/', document.baseURI);
    let done = 0;
    let failed = 0;
    const show = () => {
      progress.value = done / chunks.length;
      status.textContent = `${arabicCount(done, { zero: 'لا أجزاء', one: 'جزء واحد', two: 'جزآن', few: '# أجزاء', many: '# جزءًا', other: '# جزء' })} من ${new Intl.NumberFormat('ar-u-nu-arab').format(chunks.length)}`;
    };
    show();
    // A few at a time: the service worker keeps each one (cache first).
    const queue = [...chunks];
    const fetchNext = async () => {
      for (let chunk = queue.shift(); chunk; chunk = queue.shift()) {
        try {
          const response = await fetch(new URL(chunk.name, base));
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          await response.arrayBuffer();
        } catch {
          failed++;
        }
        done++;
        show();
      }
    };
    await Promise.all(Array.from({ length: 6 }, fetchNext));
    const total = chunks.reduce((n, c) => n + c.bytes, 0);
    if (failed === 0) {
      status.textContent = `البحث كله متاح الآن دون اتصال (${mb.format(total / 1048576)} قبل الضغط).`;
      button.hidden = true;
    } else {
      status.textContent = `تعذّر حفظ ${arabicCount(failed, { zero: 'لا أجزاء', one: 'جزء واحد', two: 'جزأين', few: '# أجزاء', many: '# جزءًا', other: '# جزء' })}؛ أعد المحاولة.`;
      button.disabled = false;
    }
  });
}
