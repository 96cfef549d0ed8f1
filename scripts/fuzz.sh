#!/usr/bin/env bash
# Fuzzes bahth's untrusted inputs with cargo-fuzz (libFuzzer, nightly Rust):
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60, all)
#   RUNS=1000000 scripts/fuzz.sh 3600      (stop each target after 1 M inputs)
#
# bahth has no `unsafe`, so the fuzzers build without AddressSanitizer,
# three times faster; SANITIZER=address turns it back on.
#
# Targets (fuzz/fuzz_targets/): index_bytes (raw bytes as an index),
# forged_index (the seeds' index edited, checksums recomputed), forged_chunk
# (a split index with one chunk forged, its table entry recomputed), query (any
# query, checked responses), analyzer (any text, checked tokens),
# corpus_file (any file in the corpus folder, built and reopened).
# Each starts from fuzz/seeds/TARGET and grows fuzz/corpus/TARGET (kept
# between runs, not committed). A crash stops the target and leaves the
# input in fuzz/artifacts/TARGET/; replay it with
#   cargo +nightly fuzz run -s none TARGET fuzz/artifacts/TARGET/crash-…
# Once fixed, copy it to fuzz/regressions/TARGET/ (a name that says what it
# was): tests/robustness.rs replays that folder in every test run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
SECONDS_PER_TARGET="${1:-60}"
SANITIZER="${SANITIZER:-none}"
RUNS="${RUNS:--1}"
shift || true
TARGETS=("$@")
((${#TARGETS[@]})) || TARGETS=(index_bytes forged_index forged_chunk query analyzer corpus_file)

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --quiet

cd "$ROOT/fuzz"
cargo +nightly fuzz build -O -s "$SANITIZER" 2>&1 | grep -v '^\s*Compiling' || true
status=0
for target in "${TARGETS[@]}"; do
  mkdir -p "corpus/$target"
  log=$(mktemp)
  start=$SECONDS
  if cargo +nightly fuzz run -O -s "$SANITIZER" "$target" "corpus/$target" "seeds/$target" -- \
      -max_total_time="$SECONDS_PER_TARGET" -runs="$RUNS" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 >"$log" 2>&1; then
    result="no crash"
  else
    result="CRASH (see fuzz/artifacts/$target/)"
    status=1
    grep -E 'panicked|ERROR|SUMMARY' "$log" | head -5
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  printf '%-13s %10s execs in %5ss, corpus %5s inputs: %s\n' \
    "$target" "${runs:-?}" "$((SECONDS - start))" "$(ls "corpus/$target" | wc -l)" "$result"
  rm -f "$log"
done
exit $status
