// The bahth engine in a module worker (started by bahth-engine.js): imports the
// package it is told to, instantiates the module the page compiled, then
// answers { id, op, args } with { id, value } or { id, error }. Searches of a
// split index await the chunks they fetch, so several may be in flight; each
// answers when its chunks are in. Until the first request, it warms the engine
// up (see afterLoad in bahth-engine.js).

const OPS = new Set(['search', 'suggest', 'chunks']);
let pkg = null;
let asked = false; // a request came: the warm-up stops
let compiled; // resolves to the WebAssembly.Module the page compiles
const module = new Promise((resolve) => (compiled = resolve));

self.onmessage = async ({ data }) => {
  if ('module' in data) return compiled(data.module);
  if ('load' in data) {
    try {
      const glue = import(data.load);
      // The chores after load: fetched beside the glue, while the module
      // compiles (not beside the first search's chunks).
      const chores = import('./bahth-engine.js');
      pkg = await glue;
      await pkg.default({ module_or_path: await module });
      if (data.base) pkg.setChunkBase?.(data.base);
      const info = pkg.info();
      self.postMessage({ ready: true, info });
      chores.then(({ afterLoad }) => afterLoad(pkg, info, () => asked));
    } catch (err) {
      self.postMessage({ ready: false, error: flatten(err) });
    }
    return;
  }
  const { id, op, args } = data;
  asked = true;
  try {
    if (!OPS.has(op)) throw new Error(`bahth worker: unknown request ${op}`);
    const value = op === 'chunks' ? (pkg.chunks?.() ?? []) : await pkg[op](...args);
    self.postMessage({ id, value });
  } catch (err) {
    self.postMessage({ id, error: flatten(err) });
  }
};

/** What of an error can cross to the page (Errors from wasm are plain Errors). */
function flatten(err) {
  return { name: err?.name ?? 'Error', message: err?.message ?? String(err), chunk: err?.chunk };
}
