#!/usr/bin/env bash
# Builds the release module into www/pkg (or $1) and loads it once in Node, so
# a broken module (a bad wasm-opt, see README "Toolchain") fails here and not
# in a reader's browser.
#
#   bash scripts/build-wasm.sh [OUT_DIR]        BAHTH_CORPUS=/dir to index another folder
#                                              BAHTH_TEMPLATE=1: no index (scripts/build-npm.sh)
#
# A corpus whose index passes BAHTH_EMBED_MAX bytes (default 1 MB), or any
# with BAHTH_SPLIT=1, gets a split index (see the README): the module embeds
# its core, and its chunks are copied to OUT_DIR/chunks/, named by checksum.
#
# With the nightly toolchain and its rust-src (scripts/setup.sh installs them
# when it can), the standard library is rebuilt for size and panics abort
# without formatting a message (nor carrying the file and line they were at:
# -Zlocation-detail=none): the seeds module is about 10 KB gzip smaller.
# BAHTH_STABLE=1 builds with the stable toolchain only. The JS glue (a split
# module's snippet folded in) is minified with terser either way.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(realpath -m "${1:-$ROOT/www/pkg}")"
export PATH="$HOME/.cargo/bin:/usr/local/bin:$PATH"
cd "$ROOT"
quiet() { grep -v "failed to get wasm-pack version" || true; }
# LLVM inlines more than opt-level z does (threshold 30, not 5): the code it
# then simplifies is smaller (with wasm-opt inlining only tiny functions of
# one caller, see Cargo.toml), the seeds module 1 KB gzip.
inline="-Cllvm-args=-inline-threshold=30"
if [[ "${BAHTH_STABLE:-}" != 1 ]] && rustup component list --toolchain nightly --installed 2>/dev/null | grep -q '^rust-src'; then
  toolchain="nightly, std rebuilt for size"
  CARGO_TARGET_DIR="$ROOT/target/nightly" RUSTUP_TOOLCHAIN=nightly \
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none $inline" \
    wasm-pack --quiet build --release --target web --out-dir "$OUT" . -- \
    -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size 2>&1 | quiet
else
  toolchain="stable"
  RUSTFLAGS="${RUSTFLAGS:-} $inline" wasm-pack --quiet build --release --target web --out-dir "$OUT" 2>&1 | quiet
fi
[[ -f "$OUT/bahth_bg.wasm" ]] || { echo "build-wasm: wasm-pack produced no module" >&2; exit 1; }
# A split module's chunk fetching is a JS snippet that wasm-bindgen writes to
# a file of its own, imported by the glue: one more request, after the glue's,
# before the engine can start (in a worker, on a phone, a round trip). Fold
# it into the glue, in a scope of its own.
if [[ -d "$OUT/snippets" ]]; then
  node --input-type=module - "$OUT" <<'JS'
import fs from 'node:fs';
import path from 'node:path';
const out = process.argv[2];
const gluePath = path.join(out, 'bahth.js');
let glue = fs.readFileSync(gluePath, 'utf8');
const imports = [...glue.matchAll(/^import \{([^}]*)\} from '\.\/(snippets\/[^']+)';\n/gm)];
if (imports.length === 0) throw new Error('build-wasm: snippets/ exists but the glue imports none');
for (const [line, names, file] of imports) {
  const code = fs.readFileSync(path.join(out, file), 'utf8').replace(/^export (?=(async )?function )/gm, '');
  if (/^\s*(export|import)\b/m.test(code)) throw new Error(`build-wasm: ${file} has imports or exports it cannot fold`);
  glue = glue.replace(line, `const {${names}} = (() => {\n${code}\nreturn {${names}};\n})();\n`);
}
fs.writeFileSync(gluePath, glue);
fs.rmSync(path.join(out, 'snippets'), { recursive: true });
JS
fi
# The glue is generated: readers download it minified.
"$ROOT/node_modules/.bin/terser" "$OUT/bahth.js" --module --compress --mangle --output "$OUT/bahth.js"
# A split index: copy its chunks (content-addressed, written by build.rs to
# cargo's OUT_DIR) next to the module.
rm -rf "$OUT/chunks"
chunks=$(node --input-type=module -e "
  import fs from 'node:fs';
  const pkg = await import('$OUT/bahth.js');
  pkg.initSync({ module: fs.readFileSync('$OUT/bahth_bg.wasm') });
  console.log((pkg.chunks?.() ?? []).map((c) => c.name).join('\n'));
")
if [[ -n "$chunks" ]]; then
  first=$(head -1 <<<"$chunks")
  from=$(find "$ROOT/target" -path "*/out/chunks/$first" -printf '%T@ %h\n' 2>/dev/null | sort -rn | head -1 | cut -d' ' -f2)
  [[ -n "$from" ]] || { echo "build-wasm: chunk $first not found under target/" >&2; exit 1; }
  mkdir -p "$OUT/chunks"
  while read -r name; do cp "$from/$name" "$OUT/chunks/" || exit 1; done <<<"$chunks"
fi
if [[ "${BAHTH_TEMPLATE:-}" == 1 ]]; then
  # No index yet (npx bahth index writes one): check that it compiles.
  node -e "new WebAssembly.Module(require('fs').readFileSync('$OUT/bahth_bg.wasm'))"
  echo "bahth: built the template module $OUT ($toolchain): $(stat -c %s "$OUT/bahth_bg.wasm") bytes, no index"
  exit 0
fi
node --input-type=module -e "
  import fs from 'node:fs';
  import { fileURLToPath } from 'node:url';
  // Chunks are fetched as a page would, from the folder next to the module.
  globalThis.fetch = async (url) => new Response(fs.readFileSync(fileURLToPath(url)));
  const pkg = await import('$OUT/bahth.js');
  pkg.initSync({ module: fs.readFileSync('$OUT/bahth_bg.wasm') });
  const { documents, terms, index_bytes, split } = pkg.info();
  const hits = (await pkg.search('العلاقات', { limit: 1 })).total;
  if (!(documents > 0 && hits >= 0)) throw new Error('module loaded but answers nothing');
  const chunks = pkg.chunks?.() ?? [];
  const layout = split ? ', split: ' + chunks.length + ' chunks (' + chunks.reduce((n, c) => n + c.bytes, 0) + ' bytes) in chunks/' : '';
  console.log('bahth: built ' + '$OUT' + ' ($toolchain): ' + documents + ' documents, ' + terms + ' terms, index ' + index_bytes + ' bytes' + layout);
"
