// Types for bahth's JS API: bahth.js (next to the widget) and pkg/bahth.js
// (the wasm-pack module). See the README, "The JavaScript API".

/** A [start, end) range of UTF-16 code units (what String.prototype.slice takes). */
export type Range = [start: number, end: number];

export interface SearchOptions {
  /** Results per page (default 10). */
  limit?: number;
  /** Results to skip (default 0). */
  offset?: number;
  /** false: search the words as typed, without typo or keyboard-layout corrections (default true). */
  correct?: boolean;
}

export interface Hit {
  id: string;
  title: string;
  /** The document's url, or null (the widget then uses its href-template). */
  url: string | null;
  score: number;
  /** A passage around the best match; highlights cover whole original words. */
  excerpt: { text: string; highlights: Range[] };
  title_highlights: Range[];
}

/** A query word read as another: a typo, or a word typed with the other keyboard layout. */
export interface Correction {
  /** As typed (without its vowels). */
  from: string;
  /** What was searched instead. */
  to: string;
}

export interface SearchResponse {
  /** Documents that match, all pages together: exact up to 200, estimated beyond. */
  total: number;
  total_is_estimate: boolean;
  /** No document had every word; these are the best partial matches. */
  relaxed: boolean;
  results: Hit[];
  corrections: Correction[];
}

export interface Info {
  documents: number;
  terms: number;
  index_bytes: number;
  version: number;
  /** Whether the index is split into chunks fetched on demand. */
  split: boolean;
  memory_bytes: number;
}

export interface Chunk {
  name: string;
  bytes: number;
  loaded: boolean;
}

/** Searches the index; rejects with an Error for bad options or a chunk that cannot be had. */
export function search(query: string, options?: SearchOptions): Promise<SearchResponse>;
/** Completions of the last word of `prefix`, in their most common original spelling. */
export function suggest(prefix: string, limit?: number): Promise<string[]>;
export function info(): Info;
/** A split index's chunk files (none for an embedded index). */
export function chunks(): Promise<Chunk[]>;
/** The module's memory when it runs on the main thread (undefined in a worker). */
export const memory: WebAssembly.Memory | undefined;

export interface Engine {
  search(query: string, options?: SearchOptions): Promise<SearchResponse>;
  suggest(prefix: string, limit?: number): Promise<string[]>;
  chunks(): Promise<Chunk[]>;
  info(): Info;
  /** Whether it runs in a module worker. */
  worker: boolean;
  memory: WebAssembly.Memory | undefined;
}

/**
 * Loads the engine at `pkgUrl` (default: ./pkg/bahth.js next to bahth.js) once per URL and options.
 * options.worker: run it in a module worker when the browser can (default true);
 * options.chunks: a split index's chunks folder (default: chunks/ next to the module).
 */
export function loadEngine(pkgUrl?: string | URL, options?: { worker?: boolean; chunks?: string | null }): Promise<Engine>;
