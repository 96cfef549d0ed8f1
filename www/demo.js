// The demo page around <bahth-search>: example chips, the footer's index
// statistics, ?q= links, and the offline service worker.
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
  let info;
  try {
    info = (await loadEngine()).info();
  } catch {
    return; // the widget itself explains the failure
  }
  const size = new Intl.NumberFormat('ar-u-nu-arab', { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 })
    .format(info.index_bytes / 1024);
  document.getElementById('stats').textContent = [
    arabicCount(info.documents, { zero: 'لا مستندات', one: 'مستند واحد', two: 'مستندان', few: '# مستندات', many: '# مستندًا', other: '# مستند' }),
    arabicCount(info.terms, { zero: 'لا كلمات', one: 'كلمة واحدة', two: 'كلمتان', few: '# كلمات', many: '# كلمة', other: '# كلمة' }),
    `فهرس بحجم ${size}`,
  ].join(' · ');
}
