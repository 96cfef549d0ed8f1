// The browser half of the scale benchmark (bench/scale.mjs opens this page once
// per measurement, each time in a fresh browser context):
//   ?mode=cold&q=…         script start → engine loaded (streaming compile from
//                          the server) → first search answered
//   ?mode=instantiate      the .wasm already downloaded: compile + instantiate only
//   ?mode=typing&q=…       the query typed one character at a time, 5 times over:
//                          the main-thread time of each keystroke's search
//   ?mode=reader-typing&q=… as a reader meets it: bahth-engine.js on the main
//                          thread (as the widget without workers), the query
//                          typed 5 times over after a second's pause once
//                          loaded (the engine warms up meanwhile): the
//                          main-thread time of each keystroke's search
//   ?mode=engine&q=…       a split module, as a page uses it: bahth-engine.js
//                          (the engine in a worker) loaded, then the query
//                          searched (chunks fetched): script start → first result
//   ?mode=engine-typing&q=… the same engine: the query typed one character at a
//                          time, 5 times over (the first time cold): the time each
//                          keystroke's search takes to answer
// Results go to window.__scale.
const params = new URLSearchParams(location.search);
const mode = params.get('mode');
const query = params.get('q') ?? '';
const PKG = new URL('../pkg/', import.meta.url);

window.__scale = (async () => {
  const start = performance.now();
  if (mode.startsWith('engine') || mode === 'reader-typing') return throughEngine(start);
  const pkg = await import(new URL('bahth.js', PKG));
  if (mode === 'instantiate') {
    const bytes = await (await fetch(new URL('bahth_bg.wasm', PKG))).arrayBuffer();
    const t = performance.now();
    await pkg.default({ module_or_path: bytes });
    return { instantiateMs: performance.now() - t };
  }
  const exports = await pkg.default({ module_or_path: new URL('bahth_bg.wasm', PKG) });
  const loaded = performance.now();
  const first = await pkg.search(query, { limit: 10 });
  const answered = performance.now();
  if (mode === 'cold') {
    return { loadMs: loaded - start, firstResultMs: answered - start, total: first.total };
  }
  const keystrokes = (await typeFiveTimes(pkg.search)).flat();
  return { keystrokes, memoryBytes: exports.memory.buffer.byteLength };
})();

/** The query typed one character at a time, 5 times over: per round, each keystroke's search time. */
async function typeFiveTimes(search) {
  const rounds = [];
  for (let round = 0; round < 5; round++) {
    const keystrokes = [];
    for (let i = 1; i <= query.length; i++) {
      const t = performance.now();
      await search(query.slice(0, i), { limit: 10 });
      keystrokes.push(performance.now() - t);
    }
    rounds.push(keystrokes);
  }
  return rounds;
}

async function throughEngine(start) {
  const { loadEngine } = await import('../bahth-engine.js');
  const engine = await loadEngine(undefined, { worker: mode !== 'reader-typing' });
  const loaded = performance.now();
  if (mode === 'reader-typing') {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return { keystrokes: (await typeFiveTimes(engine.search)).flat() };
  }
  if (mode === 'engine') {
    const first = await engine.search(query, { limit: 10 });
    return { loadMs: loaded - start, firstResultMs: performance.now() - start, total: first.total, worker: engine.worker };
  }
  return { rounds: await typeFiveTimes(engine.search) };
}
