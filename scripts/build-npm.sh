#!/usr/bin/env bash
# Builds what the npm package `bahth` ships (npm/dist/, git-ignored), so that
# `npx bahth index` needs Node only:
#
#   dist/pkg/        the search module with no index in it (BAHTH_TEMPLATE=1):
#                    `bahth index` writes an index into a copy of it, as the
#                    custom section bahth-index (see src/lib.rs)
#   dist/indexer/    the corpus reader and index builder, the same code as
#                    build.rs, as WebAssembly for Node (BAHTH_INDEXER=1)
#   dist/www/        the widget and the JS API, copied from www/
#
#   bash scripts/build-npm.sh        (npm pack in npm/ runs it: "prepack")
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="$ROOT/npm/dist"
export PATH="$HOME/.cargo/bin:/usr/local/bin:$PATH"
cd "$ROOT"
rm -rf "$DIST"
mkdir -p "$DIST/www"
BAHTH_TEMPLATE=1 bash scripts/build-wasm.sh "$DIST/pkg"
BAHTH_INDEXER=1 wasm-pack --quiet build --release --target nodejs --out-dir "$DIST/indexer" . 2>&1 \
  | grep -v "failed to get wasm-pack version" || true
[[ -f "$DIST/indexer/bahth_bg.wasm" ]] || { echo "build-npm: wasm-pack produced no indexer" >&2; exit 1; }
rm -f "$DIST"/pkg/.gitignore "$DIST"/pkg/package.json "$DIST"/indexer/.gitignore
# wasm-pack's nodejs glue is CommonJS, in a package that is "type": "module".
echo '{ "type": "commonjs" }' >"$DIST/indexer/package.json"
cp www/bahth-search.js www/bahth-engine.js www/bahth-worker.js www/bahth.js "$DIST/www/"
cp README.md "$ROOT/npm/README.md"
echo "build-npm: $(du -sh "$DIST" | cut -f1) in npm/dist (template module $(stat -c %s "$DIST/pkg/bahth_bg.wasm") bytes, indexer $(stat -c %s "$DIST/indexer/bahth_bg.wasm") bytes)"
