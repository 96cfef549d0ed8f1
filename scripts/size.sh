#!/usr/bin/env bash
# Prints the size of the release module, raw and gzip, and how much of it is
# the embedded index. Budget: the whole seeds module ≤ 60 KB gzip.
#
#   bash scripts/size.sh [PKG_DIR]       (builds www/pkg first if missing)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PKG="${1:-$ROOT/www/pkg}"
[[ -f "$PKG/bahth_bg.wasm" ]] || bash "$ROOT/scripts/build-wasm.sh" "$PKG"
index=$(ls -t "$ROOT"/target/wasm32-unknown-unknown/release/build/bahth-*/out/index.bin | head -1)
gz() { gzip -9 -c "$1" | wc -c; }
kb() { awk -v b="$1" 'BEGIN { printf "%6.1f KB", b / 1024 }'; }
wasm_raw=$(stat -c%s "$PKG/bahth_bg.wasm"); wasm_gz=$(gz "$PKG/bahth_bg.wasm")
js_raw=$(stat -c%s "$PKG/bahth.js"); js_gz=$(gz "$PKG/bahth.js")
idx_raw=$(stat -c%s "$index"); idx_gz=$(gz "$index")
printf '%-22s %s raw  %s gzip\n' "bahth_bg.wasm" "$(kb "$wasm_raw")" "$(kb "$wasm_gz")"
printf '%-22s %s raw  %s gzip\n' "  of which the index" "$(kb "$idx_raw")" "$(kb "$idx_gz")"
printf '%-22s %s raw  %s gzip   (wasm minus index)\n' "  code and tables" "$(kb $((wasm_raw - idx_raw)))" "$(kb $((wasm_gz - idx_gz)))"
printf '%-22s %s raw  %s gzip\n' "bahth.js (glue)" "$(kb "$js_raw")" "$(kb "$js_gz")"
total=$((wasm_gz + js_gz))
printf '%-22s %s gzip   budget 60.0 KB: %s\n' "module + glue" "$(kb "$total")" "$([[ $total -le 61440 ]] && echo within || echo OVER)"
