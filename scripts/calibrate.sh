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
shared=../shared/eval
mkdir -p "$out"
cargo build --release -q --example calibrate
bin=target/release/argnet
pairs=()
for set in seeds dev dev2 ${EXTRA_SETS:-}; do
  case $set in
    seeds) corpus=seeds gold=$shared/seeds-gold.json ;;
    *=*) spec=${set#*=}; set=${set%%=*}; corpus=${spec%%:*}; gold=${spec#*:} ;;
    *) corpus=$shared/$set/corpus gold=$shared/$set/gold.json ;;
  esac
  python3 $shared/gold_codebook.py seeds/codebook.toml "$gold" "$out/$set-gold.toml" >/dev/null
  for cb in gold seeds; do
    codebook=$out/$set-gold.toml
    [ "$cb" = seeds ] && codebook=seeds/codebook.toml
    $bin build "$corpus" --codebook "$codebook" --out "$out" --name "$set-$cb" --no-svg -q --min-confidence 0 || true
    pairs+=("$out/$set-$cb.json" "$gold")
  done
done
target/release/examples/calibrate "${pairs[@]}" > src/extract/cues/calibration.txt
cat src/extract/cues/calibration.txt
