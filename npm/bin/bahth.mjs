#!/usr/bin/env node
// npx bahth index <folder> --out <dir>
//
// Indexes a folder (a built site: nested .html pages; or .md, .txt, .jsonl)
// with the same corpus reader and index builder as the Rust build (compiled
// to WebAssembly, dist/indexer/), writes the index into a copy of the
// prebuilt search module (dist/pkg/, as its custom section bahth-index) and
// writes a folder ready to copy to a site:
//
//   <dir>/bahth-search.js  bahth-engine.js  bahth-worker.js  bahth.js
//   <dir>/pkg/bahth.js  pkg/bahth_bg.wasm
//
// No Rust toolchain is needed.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const SECTION = 'bahth-index'; // src/lib.rs TEMPLATE_SECTION
// Past this, a reader downloads too much before the first result (build.rs's BAHTH_EMBED_MAX).
const EMBED_MAX = 1 << 20;
const USAGE = `usage: bahth index <folder> --out <dir>

  Indexes every page of <folder> (a built site: .html in nested folders; also
  .md, .txt, .jsonl) and writes <dir>: the <bahth-search> widget, the JS API
  and the search module with the index inside. Copy <dir> to your site.`;

function parseArgs(argv) {
  const args = { command: argv[0], folder: null, out: null };
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === '--out') args.out = argv[++i];
    else if (argv[i] === '--help' || argv[i] === '-h') args.command = 'help';
    else if (argv[i].startsWith('-')) throw new Error(`unknown option ${argv[i]}`);
    else if (!args.folder) args.folder = argv[i];
    else throw new Error(`one folder only (got ${args.folder} and ${argv[i]})`);
  }
  if (args.command === 'help' || args.command === undefined) return args;
  if (args.command !== 'index') throw new Error(`unknown command ${args.command}`);
  if (!args.folder) throw new Error('which folder? bahth index <folder> --out <dir>');
  if (!args.out) throw new Error('where to? bahth index <folder> --out <dir>');
  return args;
}

/** WebAssembly's unsigned LEB128. */
function leb128(n) {
  const bytes = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    bytes.push(byte);
  } while (n);
  return Buffer.from(bytes);
}

/** The module with a custom section appended: its name, then the bytes. */
export function withCustomSection(module, name, bytes) {
  const nameBytes = Buffer.from(name, 'utf8');
  const payload = Buffer.concat([leb128(nameBytes.length), nameBytes, bytes]);
  return Buffer.concat([module, Buffer.from([0]), leb128(payload.length), payload]);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gzip = (bytes) => zlib.gzipSync(bytes, { level: 9 }).length;

/** One line redrawn in place on a terminal; nothing otherwise (CI logs). */
function progressLine(stream) {
  if (!stream.isTTY) return { update() {}, done() {} };
  let last = 0;
  return {
    update(text) {
      const now = Date.now();
      if (now - last < 50) return;
      last = now;
      stream.write(`\r\x1b[K${text}`);
    },
    done() { stream.write('\r\x1b[K'); },
  };
}

function bar(done, total, width = 24) {
  const filled = total ? Math.round((done / total) * width) : 0;
  return `[${'#'.repeat(filled)}${' '.repeat(width - filled)}]`;
}

export function index(folder, out, { log = console.log, stderr = process.stderr } = {}) {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new Error(`${folder}: not a folder`);
  const require = createRequire(import.meta.url);
  const { indexFolder } = require(path.join(DIST, 'indexer/bahth.js'));
  const line = progressLine(stderr);
  const started = Date.now();
  let built;
  try {
    built = indexFolder(folder, (files, of, documents, words) => {
      line.update(`${bar(files, of)} ${files}/${of} files · ${documents} documents · ${words} words`);
    });
  } finally {
    line.done();
  }
  const template = fs.readFileSync(path.join(DIST, 'pkg/bahth_bg.wasm'));
  const module = withCustomSection(template, SECTION, Buffer.from(built.index));
  fs.mkdirSync(path.join(out, 'pkg'), { recursive: true });
  fs.writeFileSync(path.join(out, 'pkg/bahth_bg.wasm'), module);
  fs.copyFileSync(path.join(DIST, 'pkg/bahth.js'), path.join(out, 'pkg/bahth.js'));
  for (const file of fs.readdirSync(path.join(DIST, 'www'))) {
    fs.copyFileSync(path.join(DIST, 'www', file), path.join(out, file));
  }
  const glue = fs.readFileSync(path.join(out, 'pkg/bahth.js'));

  log(`bahth: ${built.documents} documents from ${built.files} files, ${built.tokens} words, ${built.terms} distinct, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (built.warnings.length) {
    log(`skipped (${built.warnings.length}):`);
    for (const warning of built.warnings) log(`  ${warning}`);
  }
  log('index sections        raw       gzip');
  for (const { name, bytes } of built.sections) {
    log(`  ${name.padEnd(14)} ${kb(bytes.length).padStart(10)} ${kb(gzip(bytes)).padStart(10)}`);
  }
  log(`  ${'total'.padEnd(14)} ${kb(built.index.length).padStart(10)} ${kb(gzip(built.index)).padStart(10)}`);
  const moduleGzip = gzip(module) + gzip(glue);
  log(`module (wasm + glue)  ${kb(module.length + glue.length)}, ${kb(moduleGzip)} gzip: what a reader downloads before the first result`);
  if (built.index.length > EMBED_MAX) {
    log(`warning: the index is over ${kb(EMBED_MAX)}: readers download all of it before their first result. ` +
      'The split index (README: "Big collections") fetches only what each query reads; ' +
      'it is built by the Rust path for now (BAHTH_SPLIT=1 bash scripts/build-wasm.sh).');
  }
  log(`wrote ${out}: copy it to your site and add <script type="module" src="…/bahth-search.js"></script><bahth-search></bahth-search>`);
  return built;
}

function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`bahth: ${err.message}\n${USAGE}`);
    process.exit(2);
  }
  if (args.command !== 'index') {
    console.log(USAGE);
    return;
  }
  try {
    index(args.folder, args.out);
  } catch (err) {
    console.error(`bahth: ${err.message}`);
    process.exit(1);
  }
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) main();
