// Loads the bahth engine (the wasm-pack `--target web` package) once per URL.
// Shared by <bahth-search> and bahth.js so that a page using both, or several
// widgets, fetches and instantiates the WebAssembly module only once.
//
// The engine runs in a module worker (./bahth-worker.js) when the browser has
// them, so a search never blocks the page: the main thread only renders. It
// falls back to the main thread when workers are unavailable (or with
// { worker: false }). Either way `search` and `suggest` return Promises, for a
// module with its whole index embedded as for a split one that fetches chunks.
// Under a Content-Security-Policy, workers need `worker-src 'self'` (or a
// `default-src 'self'`, as in the README).

const DEFAULT_PKG = new URL('./pkg/bahth.js', import.meta.url).href;
const loading = new Map(); // absolute pkg URL + options -> Promise<engine>

/**
 * Imports pkg/bahth.js (or `pkgUrl`) and runs its init, which fetches
 * bahth_bg.wasm next to it. Resolves to
 * { search(query, options), suggest(prefix, limit), info(), chunks(), worker, memory }:
 * search, suggest and chunks return Promises; info() the module's
 * { documents, terms, index_bytes, version, split } as it loaded;
 * memory is the module's WebAssembly.Memory on the main thread (undefined in a worker).
 *
 * options.worker: true (default: a worker if the browser can) or false;
 * options.chunks: the URL of a split index's chunks folder (default: chunks/ next to the module).
 */
export function loadEngine(pkgUrl = DEFAULT_PKG, { worker = true, chunks = null } = {}) {
  const url = new URL(pkgUrl, document.baseURI).href;
  const base = chunks ? new URL(chunks, document.baseURI).href : null;
  const key = JSON.stringify([url, worker, base]);
  if (!loading.has(key)) {
    const useWorker = worker && typeof Worker === 'function';
    const engine = (useWorker ? inWorker(url, base).catch((err) => {
      console.warn('bahth: no worker, searching on the main thread', err);
      return onMainThread(url, base);
    }) : onMainThread(url, base)).then((engine) => {
      performance.mark('bahth-engine:ready'); // with bahth-search:start, splits start-up time (bench/)
      return engine;
    });
    // A failed load may be retried later (e.g. back online): do not cache the rejection.
    engine.catch(() => loading.delete(key));
    loading.set(key, engine);
  }
  return loading.get(key);
}

async function onMainThread(url, base) {
  const pkg = await import(url);
  const exports = await pkg.default(); // wasm-bindgen's init returns the wasm exports
  if (base) pkg.setChunkBase?.(base);
  const info = pkg.info();
  let asked = false;
  afterLoad(pkg, info, () => asked);
  return {
    search: async (query, options) => {
      asked = true;
      return pkg.search(query, options);
    },
    suggest: async (prefix, limit) => {
      asked = true;
      return pkg.suggest(prefix, limit);
    },
    chunks: async () => pkg.chunks?.() ?? [],
    info: () => info,
    worker: false,
    memory: exports.memory,
  };
}

/** The engine in a module worker; rejects if the worker cannot start. */
function inWorker(url, base) {
  // The module downloads and compiles (off the main thread, as it streams in) while
  // the worker starts and imports the glue; the worker instantiates it.
  const compiled = WebAssembly.compileStreaming(fetch(new URL('bahth_bg.wasm', url)));
  const worker = new Worker(new URL('./bahth-worker.js', import.meta.url), { type: 'module', name: 'bahth' });
  const pending = new Map(); // request id -> { resolve, reject }
  let next = 0;
  return new Promise((resolve, reject) => {
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new Error(`bahth: the worker failed to start (${event.message ?? 'blocked?'})`));
    };
    worker.onmessage = ({ data }) => {
      if ('ready' in data) {
        if (!data.ready) return reject(revive(data.error));
        const { info } = data;
        const call = (op, args) => new Promise((done, fail) => {
          const id = next++;
          pending.set(id, { done, fail });
          worker.postMessage({ id, op, args });
        });
        return resolve({
          search: (query, options) => call('search', [query, options]),
          suggest: (prefix, limit) => call('suggest', [prefix, limit]),
          chunks: () => call('chunks', []),
          info: () => info,
          worker: true,
          memory: undefined,
        });
      }
      const request = pending.get(data.id);
      pending.delete(data.id);
      if ('error' in data) request?.fail(revive(data.error));
      else request?.done(data.value);
    };
    // The worker imports the glue while the module compiles; it instantiates once both are in.
    worker.postMessage({ load: url, base });
    compiled.then((module) => worker.postMessage({ module }), (err) => {
      worker.terminate(); // it waits for a module that will not come
      reject(err);
    });
  });
}

/** When, after load, to forget chunks kept from an earlier build of the index. */
const PRUNE_AFTER_MS = 1000;

/**
 * Chores once the engine has loaded, kept off the path to the first result:
 * forgetting chunks kept from an earlier build of the index (naming a large
 * index's 8,000 chunks takes a few milliseconds), and the warm-up.
 * (Exported for bahth-worker.js.)
 */
export function afterLoad(pkg, info, asked) {
  if (pkg.pruneChunkCache) setTimeout(() => pkg.pruneChunkCache(), PRUNE_AFTER_MS);
  warmUp(pkg, info, asked);
}

/** Longest stretch of warm-up searches at a time, in milliseconds. */
const SLICE_MS = 8;
/** Warm-up searches: about a reader's first two typings of a long query. */
const WARM_UP_SEARCHES = 64;
/** Letters whose most common words the warm-up types. */
const WARM_UP_LETTERS = [...'امبعوفتنحسقل'];

/**
 * While the page (or worker) is idle after load, searches as a reader would
 * type: the index's most common words (its suggestions for a few frequent
 * letters) typed into one query a letter at a time, a few milliseconds at a
 * time, until done or `asked()` says the reader has searched; then marks
 * `bahth-engine:warm`. V8 first runs a module's functions as its baseline
 * compiler made them and optimizes the busy ones once they have run a while:
 * without this, a reader's first typing after a load took 2–4 times longer
 * per keystroke (the Quran's typing p95 in Chromium 2.1 → 0.7 ms). A split
 * index is not warmed up: it would fetch chunks.
 */
function warmUp(pkg, info, asked) {
  if (info.split) return;
  const idle = globalThis.requestIdleCallback ?? ((run) => setTimeout(() => run({ timeRemaining: () => SLICE_MS }), 20));
  let sample = null; // made in the first idle slice: loading waits for none of it
  let step = 0;
  const slice = (deadline) => {
    const until = performance.now() + SLICE_MS; // an idle period may be 50 ms: never a long task
    sample ??= typingSample(pkg);
    while (!asked() && deadline.timeRemaining() > 1 && performance.now() < until) {
      if (step === sample.length) {
        performance.mark('bahth-engine:warm');
        return;
      }
      pkg.search(sample[step++], { limit: 10 });
    }
    if (!asked()) idle(slice);
  };
  idle(slice);
}

/** The index's most common words typed into one query, a letter at a time. */
function typingSample(pkg) {
  const sample = [];
  let typed = '';
  for (const word of new Set(WARM_UP_LETTERS.flatMap((letter) => pkg.suggest(letter, 2)))) {
    typed += typed ? ' ' : '';
    for (const c of word) sample.push((typed += c));
  }
  return sample.slice(0, WARM_UP_SEARCHES);
}

/** An Error again from what the worker could post of it (its name, message, chunk). */
function revive({ name, message, chunk }) {
  return Object.assign(new Error(message), { name, chunk });
}
