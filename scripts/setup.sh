#!/usr/bin/env bash
# Installs everything bahth needs to build, serve and test, from the package
# registries only (crates.io, npm, Debian). Idempotent: each step checks first and
# skips what is already there, so running it again takes about a second.
#
#   bash scripts/setup.sh
#
# Traps this avoids (see the README's "Toolchain" section):
#  - Debian's binaryen (wasm-opt 108) emits a broken module; we use npm's binaryen.
#  - `cargo install wasm-bindgen-cli --locked` pins a crate the registry lacks; we
#    install from the unpacked .crate with that one entry downgraded.
#  - wasm-pack downloads drivers/CLIs it cannot find on PATH, which fails offline.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BINARYEN_NPM_VERSION="132.0.0"
WASM_PACK_VERSION="0.15.1"
GECKODRIVER_VERSION="0.37.1"
export PATH="$HOME/.cargo/bin:/usr/local/bin:$PATH"

step() { printf '[setup] %s\n' "$*"; }
SUDO=""; [[ $(id -u) == 0 ]] || SUDO="sudo"

WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' "$ROOT/Cargo.lock")
step "wasm-bindgen CLI wanted: $WB_VERSION (from Cargo.lock)"

# 1. Rust target for the browser.
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "wasm32-unknown-unknown: present"
else
  rustup target add wasm32-unknown-unknown
fi

# 2. Browsers and their drivers (Debian packages).
missing=()
for pkg in chromium chromium-driver firefox-esr; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  step "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  step "chromium, chromium-driver, firefox-esr: present"
fi

# 3. wasm-opt from npm's binaryen (first on PATH via /usr/local/bin).
if /usr/local/bin/wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_NPM_VERSION%%.*}"; then
  step "wasm-opt: $(/usr/local/bin/wasm-opt --version)"
else
  $SUDO npm i -g --prefix /usr/local --no-fund --no-audit "binaryen@$BINARYEN_NPM_VERSION"
fi

# 4. wasm-pack.
if command -v wasm-pack >/dev/null; then
  step "wasm-pack: $(wasm-pack --version)"
else
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked --quiet
fi

# 5. wasm-bindgen CLI, exactly the version in Cargo.lock.
install_wb_cli_patched() {
  local crate src
  crate=$(ls "$HOME"/.cargo/registry/cache/*/"wasm-bindgen-cli-$WB_VERSION.crate" 2>/dev/null | head -1)
  [[ -n "$crate" ]] || { echo "no cached wasm-bindgen-cli-$WB_VERSION.crate" >&2; return 1; }
  src=$(mktemp -d /tmp/wbcli.XXXXXX)
  tar xzf "$crate" -C "$src"
  (
    cd "$src/wasm-bindgen-cli-$WB_VERSION"
    for _ in 1 2 3 4 5 6 7 8; do
      out=$(cargo fetch --locked 2>&1) && break
      # "failed to select a version for the requirement `NAME = "^X"` (locked to Y)"
      name=$(sed -n 's/.*requirement `\([A-Za-z0-9_-]*\) = .*(locked to \([^)]*\)).*/\1@\2/p' <<<"$out" | head -1)
      [[ -n "$name" ]] || { echo "$out" >&2; exit 1; }
      step "  downgrading $name (not in the registry)"
      cargo update -p "$name"
    done
    cargo install --path . --locked --force --quiet
  )
  rm -rf "$src"
}
if [[ "$(wasm-bindgen --version 2>/dev/null)" == "wasm-bindgen $WB_VERSION" ]]; then
  step "wasm-bindgen: $WB_VERSION"
else
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --locked --quiet || install_wb_cli_patched
  [[ "$(wasm-bindgen --version)" == "wasm-bindgen $WB_VERSION" ]]
fi

# 6. geckodriver (Debian 12 has none).
if command -v geckodriver >/dev/null; then
  step "geckodriver: $(geckodriver --version | head -1)"
else
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --quiet
fi

# 7. Playwright (the core only: it must not download browsers; we use
#    /usr/bin/chromium) and terser (minifies the module's JS glue).
if [[ -d "$ROOT/node_modules/playwright-core" && -x "$ROOT/node_modules/.bin/terser" ]]; then
  step "playwright-core, terser: present"
else
  (cd "$ROOT" && npm ci --no-fund --no-audit --silent)
fi

# 8. Optional: the nightly toolchain's standard library sources, with which
#    scripts/build-wasm.sh rebuilds std for size (a smaller module). Without
#    them it builds with stable.
if ! rustup toolchain list | grep -q '^nightly'; then
  step "nightly toolchain: absent (release modules are built with stable)"
elif rustup component list --toolchain nightly --installed | grep -q '^rust-src'; then
  step "nightly rust-src: present"
elif rustup component add rust-src --toolchain nightly >/dev/null 2>&1 \
    && rustup target add wasm32-unknown-unknown --toolchain nightly >/dev/null 2>&1; then
  step "nightly rust-src: installed"
else
  step "nightly rust-src: unavailable (release modules are built with stable)"
fi
step "done"
