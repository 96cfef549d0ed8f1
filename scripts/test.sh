#!/usr/bin/env bash
# Runs every test, from a bare checkout:
#   1. set-up (idempotent)            4. the wasm API in headless Chrome and Firefox
#   2. cargo fmt --check, clippy      5. release module build + load check
#   3. native tests: unit, golden set, corpus, CLI, doc tests
#   6. the page end to end in Chromium (Playwright)
#
#   bash scripts/test.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:/usr/local/bin:$PATH"
step() { printf '\n== %s\n' "$*"; }

step "set-up";                    bash scripts/setup.sh
step "format and lints";          cargo fmt --check
                                  cargo clippy --all-targets -q -- -D warnings
                                  cargo clippy --target wasm32-unknown-unknown --all-targets -q -- -D warnings
                                  for build in BAHTH_SPLIT BAHTH_TEMPLATE BAHTH_INDEXER; do  # the other modules' code
                                    env "$build=1" cargo clippy --target wasm32-unknown-unknown --lib -q -- -D warnings
                                  done
step "native tests";              cargo test -q -- --nocapture golden_set 2>&1 | sed -n '/golden set:/,/^ALL/p'
                                  cargo test -q
step "wasm API in Chrome";        wasm-pack test --headless --chrome 2>&1 | grep -vE "^\s+(Compiling|Running|Finished)"
step "wasm API in Firefox";       wasm-pack test --headless --firefox 2>&1 | grep -vE "^\s+(Compiling|Running|Finished)"
step "release module";            bash scripts/build-wasm.sh
step "page end to end (Chromium)"; node --test --test-concurrency=1 tests/e2e/
