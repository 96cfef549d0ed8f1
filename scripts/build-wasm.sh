#!/usr/bin/env bash
# Builds the release module into www/pkg (or $1) and loads it once in Node, so
# a broken module (a bad wasm-opt, see README "Toolchain") fails here and not
# in a reader's browser.
#
#   bash scripts/build-wasm.sh [OUT_DIR]        BAHTH_CORPUS=/dir to index another folder
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(realpath -m "${1:-$ROOT/www/pkg}")"
export PATH="$HOME/.cargo/bin:/usr/local/bin:$PATH"
cd "$ROOT"
wasm-pack --quiet build --release --target web --out-dir "$OUT" 2>&1 | grep -v "failed to get wasm-pack version" || true
[[ -f "$OUT/bahth_bg.wasm" ]] || { echo "build-wasm: wasm-pack produced no module" >&2; exit 1; }
node --input-type=module -e "
  import fs from 'node:fs';
  const pkg = await import('$OUT/bahth.js');
  pkg.initSync({ module: fs.readFileSync('$OUT/bahth_bg.wasm') });
  const { documents, terms, index_bytes } = pkg.info();
  const hits = pkg.search('العلاقات', { limit: 1 }).total;
  if (!(documents > 0 && hits >= 0)) throw new Error('module loaded but answers nothing');
  console.log('bahth: built ' + '$OUT' + ': ' + documents + ' documents, ' + terms + ' terms, index ' + index_bytes + ' bytes');
"
