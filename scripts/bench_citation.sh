#!/usr/bin/env bash
# The citation benchmark of issue 6: argnet, igraph, rustworkx and NetworKit
# on cit-HepPh and cit-HepTh in one run, then a generated 16-million-edge
# graph; prints the table with the ratios and writes
# benches/RESULTS-citation.md.
#
# Usage: scripts/bench_citation.sh [compare.py options]
#   e.g. scripts/bench_citation.sh --exact-libs igraph,rustworkx,networkit
#        scripts/bench_citation.sh ../shared/data/cit-HepPh.txt.gz --large-edges 0
#
# Needs ../shared (data and the peers' script) and a Python with the peers:
# PEERS_PYTHON, else .venv-peers/bin/python, made here when missing. Takes
# about ten minutes on two cores; run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PEERS_PYTHON:-.venv-peers/bin/python}"
if [ ! -x "$python" ]; then
  python3 -m venv .venv-peers
  .venv-peers/bin/pip install -q networkx igraph rustworkx networkit numpy scipy
  python=.venv-peers/bin/python
fi
cargo bench -q --bench citation --no-run
"$python" benches/citation/compare.py --md benches/RESULTS-citation.md "$@"
