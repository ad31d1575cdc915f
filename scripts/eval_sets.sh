#!/usr/bin/env bash
# Statement quality on every visible set (seeds, dev, dev2), each with the
# gold codebook (../shared/eval/gold_codebook.py: the texts' own actors and
# concepts merged into seeds/codebook.toml) and with seeds/codebook.toml
# alone. Runs `argnet build` and `argnet eval` exactly as the README tells a
# user to. Usage: scripts/eval_sets.sh [OUTDIR] [extra build flags...]
# More sets: EXTRA_SETS="name=CORPUS:GOLD name2=CORPUS2:GOLD2".
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/eval-sets}
shift || true
mkdir -p "$out"
cargo build --release -q
source scripts/sets.sh
printf '%-6s %-9s %6s %6s %6s %5s %5s %5s\n' set codebook P R F1 tp fp fn
on_build() {
  target/release/argnet eval "$3" --gold "$4" --json > "${3%.json}.eval.json"
  python3 - "${3%.json}.eval.json" "$1" "$2" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
s = r["statements"]
print(f'{sys.argv[2]:<6} {sys.argv[3]:<9} {s["precision"]:6.3f} {s["recall"]:6.3f} {s["f1"]:6.3f} {s["tp"]:5} {s["fp"]:5} {s["fn"]:5}')
PY
}
each_build "$out" "$@"
