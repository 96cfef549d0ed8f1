// Service worker for the bahth demo: after one visit, the page loads and searches offline.
//
// Strategy: network first, cache as fallback; a split index's chunks (pkg/chunks/,
// named by their checksum, so never changed in place) cache first, in the cache the
// engine itself keeps them in ('bahth-chunks', see src/wasm_api.rs): fetched once,
// each is searchable offline from then on. Online, every file comes from the
// server (the server sends ETags with Cache-Control: no-cache, so an unchanged
// file costs a bodiless 304) and the fresh copy replaces the cached one; offline,
// the last copy that worked is served. A rebuilt module — a new corpus lives
// inside pkg/bahth_bg.wasm — is thus picked up on the next online visit, with no
// version number to bump at build time, and bahth.js and its .wasm stay a
// matching pair. CACHE names the layout of this cache; bump it only when the
// list or the strategy below changes: activate deletes every other version.
const CACHE = 'bahth-v2';
const CHUNKS = 'bahth-chunks';
const PRECACHE = [
  './',
  'index.html',
  'demo.css',
  'demo.js',
  'icon.svg',
  'bahth-search.js',
  'bahth-engine.js',
  'bahth-worker.js',
  'bahth.js',
  'pkg/bahth.js',
  'pkg/bahth_bg.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // cache: 'reload' skips the HTTP cache, so what is stored is what the server has now.
    await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => /^bahth-v\d+$/.test(name) && name !== CACHE).map((name) => caches.delete(name)));
    await self.clients.claim(); // control the page that installed us, so it works offline without a reload
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(url.pathname.includes('/pkg/chunks/') ? cacheFirst(request) : networkFirst(request, event));
});

async function cacheFirst(request) {
  const cache = await caches.open(CHUNKS);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.status === 200) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request, event) {
  const cache = await caches.open(CACHE);
  // Pages are stored without their query: /?q=... is the same page as /.
  const key = request.mode === 'navigate' ? request.url.split(/[?#]/)[0] : request;
  try {
    const response = await fetch(request);
    if (response.status === 200) event.waitUntil(cache.put(key, response.clone()));
    return response;
  } catch (offline) {
    const cached = await cache.match(key, { ignoreVary: true });
    if (cached) return cached;
    throw offline;
  }
}
