#!/usr/bin/env bash
# Prints the size of the release module, raw and gzip, and how much of it is
# the embedded index. Budget: the whole seeds module ≤ 60 KB gzip.
#
#   bash scripts/size.sh [PKG_DIR]       (builds www/pkg first if missing)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PKG="${1:-$ROOT/www/pkg}"
[[ -f "$PKG/bahth_bg.wasm" ]] || bash "$ROOT/scripts/build-wasm.sh" "$PKG"
node --input-type=module - "$PKG" <<'JS'
import fs from 'node:fs';
import zlib from 'node:zlib';
const pkg = process.argv[2];
const wasm = fs.readFileSync(`${pkg}/bahth_bg.wasm`);
const glue = fs.readFileSync(`${pkg}/bahth.js`);
// The index is one blob in the module's data: its header (src/index/format.rs:
// magic, six u32 fields, the last the section count, then offset, length and
// checksum per section) says how long.
const at = wasm.indexOf('BAHTHIDX');
const sections = wasm.readUInt32LE(at + 28);
let end = 0;
for (let i = 0; i < sections; i++) {
  const entry = at + 32 + 12 * i;
  end = Math.max(end, wasm.readUInt32LE(entry) + wasm.readUInt32LE(entry + 4));
}
const index = wasm.subarray(at, at + end);
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const kb = (b) => `${(b / 1024).toFixed(1).padStart(7)} KB`;
const row = (name, raw, gzip, note = '') => console.log(`${name.padEnd(22)} ${kb(raw)} raw ${kb(gzip)} gzip${note}`);
row('bahth_bg.wasm', wasm.length, gz(wasm));
row('  of which the index', index.length, gz(index));
row('  code and tables', wasm.length - index.length, gz(wasm) - gz(index), '   (wasm minus index)');
row('bahth.js (glue)', glue.length, gz(glue));
const total = gz(wasm) + gz(glue);
console.log(`${'module + glue'.padEnd(22)} ${' '.repeat(14)}${kb(total)} gzip   budget 60.0 KB: ${total <= 60 * 1024 ? 'within' : 'OVER'}`);
JS
