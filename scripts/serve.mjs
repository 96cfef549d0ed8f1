#!/usr/bin/env node
// Zero-dependency static server for the bahth demo (www/), on 127.0.0.1 only.
//
//   node scripts/serve.mjs [port] [--pkg DIR] [--docs DIR]
//
// port: argv, else $PORT, else 8080; 0 picks a free port (the URL is printed).
// Mounts (longest prefix wins):
//   /        -> www/
//   /pkg/    -> www/pkg/ or --pkg DIR (tests serve a module built over another corpus)
//   /docs/   -> seeds/   or --docs DIR (the demo's result links open the raw documents)
//   /bench/  -> bench/   (the benchmark page; see bench/run.mjs)
// Every response carries the demo's Content-Security-Policy, compressible files are
// gzipped when the client accepts it, and ETags make revalidation (the service
// worker fetches with cache: 'no-cache') a cheap 304.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.jsonl': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.ts': 'text/plain; charset=utf-8', // wasm-pack's .d.ts files: never served as video/mp2t
};
const COMPRESSIBLE = /^(text\/|application\/(wasm|json|manifest)|image\/svg)/;

/** Starts the server; resolves to { server, url, close() } once it listens. */
export function serve({
  port = 8080,
  host = '127.0.0.1',
  www = path.join(ROOT, 'www'),
  pkg = path.join(www, 'pkg'),
  docs = path.join(ROOT, 'seeds'),
  bench = path.join(ROOT, 'bench'),
} = {}) {
  const mounts = [['/pkg/', pkg], ['/docs/', docs], ['/bench/', bench], ['/', www]]
    .map(([prefix, dir]) => [prefix, path.resolve(dir)]);
  const gzipCache = new Map(); // file -> { etag, body }: compress each version once
  const server = http.createServer((req, res) => handle(req, res, mounts, gzipCache));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const url = `http://${host}:${server.address().port}/`;
      resolve({ server, url, close: () => closeServer(server) });
    });
  });
}

function closeServer(server) {
  server.closeAllConnections(); // keep-alive sockets would hold close() open
  return new Promise((resolve) => server.close(() => resolve()));
}

function handle(req, res, mounts, gzipCache) {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
  }
  const file = resolveFile(req.url, mounts);
  if (!file) return send(res, 404, 'not found');
  fs.stat(file, (err, stat) => {
    if (err || !stat.isFile()) return send(res, 404, 'not found');
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`;
    // A split index's chunks are named by their checksum: they never change.
    const immutable = req.url.startsWith('/pkg/chunks/');
    const cache = immutable ? 'public, max-age=31536000, immutable' : 'no-cache';
    const headers = { 'Content-Type': type, ETag: etag, 'Cache-Control': cache, Vary: 'Accept-Encoding' };
    if (req.headers['if-none-match'] === etag) return send(res, 304, null, headers);
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    fs.readFile(file, (readErr, raw) => {
      if (readErr) return send(res, 500, 'read error');
      const body = gzip ? gzipped(gzipCache, file, etag, raw) : raw;
      if (gzip) headers['Content-Encoding'] = 'gzip';
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });
}

/** Maps a request path to a file inside one mount, or null (traversal, bad encoding). */
export function resolveFile(url, mounts) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const [prefix, dir] = mounts.find(([p]) => pathname.startsWith(p)) ?? [];
  if (!dir) return null;
  const rel = pathname.slice(prefix.length);
  const file = path.resolve(dir, '.' + path.posix.sep + rel);
  // Anything resolving outside the mount (../, encoded %2e%2e, absolute tricks) is refused.
  if (file !== dir && !file.startsWith(dir + path.sep)) return null;
  // Hidden files (.git, .env) are never served.
  if (rel.split('/').some((part) => part.startsWith('.'))) return null;
  return rel === '' || rel.endsWith('/') ? path.join(file, 'index.html') : file;
}

function gzipped(cache, file, etag, raw) {
  const hit = cache.get(file);
  if (hit?.etag === etag) return hit.body;
  const body = zlib.gzipSync(raw, { level: 9 });
  cache.set(file, { etag, body });
  return body;
}

function send(res, status, text, headers = {}) {
  if (text !== null) headers['Content-Type'] ??= 'text/plain; charset=utf-8';
  res.writeHead(status, headers);
  res.end(text ?? undefined);
}

function parseArgs(argv) {
  const opts = { port: Number(process.env.PORT ?? 8080) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--pkg' || arg === '--docs') opts[arg.slice(2)] = path.resolve(argv[++i]);
    else if (/^\d+$/.test(arg)) opts.port = Number(arg);
    else throw new Error(`unknown argument: ${arg} (usage: serve.mjs [port] [--pkg DIR] [--docs DIR])`);
  }
  return opts;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(opts.pkg ?? path.join(ROOT, 'www/pkg'), 'bahth.js'))) {
    console.warn('warning: no pkg/bahth.js yet; build it with: wasm-pack build --target web --out-dir www/pkg');
  }
  const { url } = await serve(opts);
  console.log(`bahth demo: ${url}`);
}
