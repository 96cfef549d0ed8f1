// The plain JS API, for sites that draw their own UI:
//
//   import { search, suggest, info } from '/bahth/bahth.js';
//   search('العلاقات الثنائية', { limit: 5 });
//
// Importing this module waits (top-level await) until the engine next to it,
// ./pkg/bahth.js, is loaded, so the functions are ready to call. To load a
// package from elsewhere, use loadEngine(url) instead.
import { loadEngine } from './bahth-engine.js';

export { loadEngine };
export const { search, suggest, info, memory } = await loadEngine();
