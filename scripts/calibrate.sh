#!/usr/bin/env bash
# Refit src/extract/cues/calibration.txt on the visible sets (seeds, dev,
# dev2; each with its gold codebook and with seeds/codebook.toml), from
# graphs built with --min-confidence 0. Needs Python >= 3.11 for
# ../shared/eval/gold_codebook.py. Rerun scripts/eval_sets.sh afterwards.
# More hand-coded sets: EXTRA_SETS="name=CORPUS:GOLD ..." as for
# scripts/eval_sets.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/calibrate
mkdir -p "$out"
cargo build --release -q --example calibrate
cargo build --release -q
source scripts/sets.sh
pairs=()
on_build() { pairs+=("$3" "$4"); }
each_build "$out" --min-confidence 0
target/release/examples/calibrate "${pairs[@]}" > src/extract/cues/calibration.txt
cat src/extract/cues/calibration.txt
