// Query latency of the engine itself, in the browser: every query of QUERIES is
// run in batches (the browser's clock is coarsened to ~100 µs outside
// cross-origin isolation, so one call is too short to time alone) and each
// batch's mean is a sample. Results go to window.__bench for bench/run.mjs and
// to the table on the page.
import init, { search } from '../pkg/bahth.js';
import { quantile } from './quantile.mjs';

// 60 queries a reader of the seeds might type: words, as-you-type prefixes,
// several words, quoted phrases, spellings with hamza and diacritics, and misses.
const QUERIES = [
  'ايران', 'طهران', 'البوسعيدي', 'بلينكن', 'مسقط', 'دمشق', 'السوري', 'العماني', 'الخارجية', 'وزير',
  'العلاقات', 'الثنائية', 'الامن', 'الاستقرار', 'المنطقة', 'السلطان', 'قابوس', 'هيثم', 'باتروشيف', 'الروسي',
  'غزة', 'لبنان', 'كاليفورنيا', 'التعاون', 'الحوار', 'المقداد', 'علوي', 'ظريف', 'سلطنة', 'مباحثات',
  'العلا', 'البوس', 'الخار', 'ايرا', 'السل', 'مباح', 'الاق', 'و',
  'وزير الخارجية', 'العلاقات الثنائية', 'بن علوي', 'الأمن والاستقرار', 'ولي عهد عمان', 'مجلس الأمن الروسي',
  'وزير الخارجية العماني', 'السلطان قابوس', 'الشرق الأوسط', 'حرائق الغابات', 'الأمين العام', 'يوسف بن علوي',
  '"العلاقات الثنائية"', '"وزير الخارجية"', '"الأمن والاستقرار"',
  'إيران', 'العُمانية', 'السّلام', 'الإقليمية', 'أكد',
  'البوسعيديون', 'كاليفورنيااا',
];
const BATCH = 200; // calls per timed batch
const ROUNDS = 15; // batches per query

const wasm = await init();
const status = document.getElementById('status');
window.__bench = new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(run()))));

function run() {
  for (const q of QUERIES) search(q, { limit: 10, offset: 0 }); // warm up: JIT, caches, allocator
  const samples = [];
  const perQuery = QUERIES.map((query) => {
    const times = [];
    for (let round = 0; round < ROUNDS; round++) {
      const t0 = performance.now();
      for (let i = 0; i < BATCH; i++) search(query, { limit: 10, offset: 0 });
      times.push(((performance.now() - t0) * 1000) / BATCH);
    }
    samples.push(...times);
    return { query, total: search(query, { limit: 10, offset: 0 }).total, medianUs: quantile(times, 0.5) };
  });
  const result = {
    queries: QUERIES.length,
    calls: QUERIES.length * BATCH * ROUNDS,
    medianUs: quantile(samples, 0.5),
    p95Us: quantile(samples, 0.95),
    slowest: [...perQuery].sort((a, b) => b.medianUs - a.medianUs).slice(0, 3),
    memoryBytes: wasm.memory.buffer.byteLength,
  };
  show(result, perQuery);
  return result;
}

function show(result, perQuery) {
  const us = new Intl.NumberFormat('ar-u-nu-arab', { maximumFractionDigits: 1 });
  status.textContent = `الوسيط ${us.format(result.medianUs)} µs · المئين ٩٥: ${us.format(result.p95Us)} µs · ذاكرة WebAssembly: ${us.format(result.memoryBytes / 1024)} ك.ب`;
  const body = document.querySelector('#results tbody');
  for (const { query, total, medianUs } of perQuery) {
    const row = document.createElement('tr');
    for (const text of [query, String(total), us.format(medianUs)]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    body.append(row);
  }
  body.parentElement.hidden = false;
}
