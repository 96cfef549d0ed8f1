// The plain JS API, for sites that draw their own UI:
//
//   import { search, suggest, info } from '/bahth/bahth.js';
//   const { results } = await search('العلاقات الثنائية', { limit: 5 });
//
// Importing this module waits (top-level await) until the engine next to it,
// ./pkg/bahth.js, is loaded (in a worker when the browser has them), so the
// functions are ready to call. search and suggest return Promises, whether
// the index is embedded in the module or split into chunks fetched on demand.
// To load a package from elsewhere, use loadEngine(url, options) instead.
import { loadEngine } from './bahth-engine.js';

export { loadEngine };
export const { search, suggest, info, chunks, memory } = await loadEngine();
