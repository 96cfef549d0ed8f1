// Loads the bahth engine (the wasm-pack `--target web` package) once per URL.
// Shared by <bahth-search> and bahth.js so that a page using both, or several
// widgets, fetches and instantiates the WebAssembly module only once.

const DEFAULT_PKG = new URL('./pkg/bahth.js', import.meta.url).href;
const loading = new Map(); // absolute pkg URL -> Promise<engine>

/**
 * Imports pkg/bahth.js (or `pkgUrl`) and runs its init, which fetches
 * bahth_bg.wasm next to it. Resolves to { search, suggest, info, memory }.
 */
export function loadEngine(pkgUrl = DEFAULT_PKG) {
  const url = new URL(pkgUrl, document.baseURI).href;
  if (!loading.has(url)) {
    const engine = import(url).then(async (pkg) => {
      const exports = await pkg.default(); // wasm-bindgen's init returns the wasm exports
      performance.mark('bahth-engine:ready'); // with bahth-search:start, splits start-up time (bench/)
      return { search: pkg.search, suggest: pkg.suggest, info: pkg.info, memory: exports.memory };
    });
    // A failed load may be retried later (e.g. back online): do not cache the rejection.
    engine.catch(() => loading.delete(url));
    loading.set(url, engine);
  }
  return loading.get(url);
}
