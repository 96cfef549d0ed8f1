#!/usr/bin/env bash
# Builds the engine over the seeds (or BAHTH_CORPUS) and serves the demo:
#
#   bash scripts/demo.sh            # http://127.0.0.1:8080/
#   PORT=9000 bash scripts/demo.sh
#   BAHTH_CORPUS=/abs/path/to/docs bash scripts/demo.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:/usr/local/bin:$PATH"

bash scripts/setup.sh
# wasm-pack build --release --target web --out-dir www/pkg, then one load of the
# module in Node, so a broken build fails here and not in the browser.
bash scripts/build-wasm.sh www/pkg

# Result links open the indexed files themselves, under /docs/.
docs=()
[[ -n "${BAHTH_CORPUS:-}" ]] && docs=(--docs "$BAHTH_CORPUS")
exec node scripts/serve.mjs "${docs[@]}" "$@"
