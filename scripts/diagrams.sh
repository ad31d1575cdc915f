#!/usr/bin/env bash
# Regenerate the diagrams in graphs/ from the seed texts:
#
#   graphs/seeds.{json,dot,svg}  the overview (argnet build)
#   graphs/seeds.html            the explorer page (argnet build)
#   graphs/seeds-timeline.svg    statements per year per concept
#   graphs/hepph-main-path.svg   the key-route main paths of cit-HepPh (from
#                                ../shared/data, when it is there)
#   graphs/seeds-explorer.png    a screenshot of the explorer page, when
#                                Chromium and tests/conformance's npm
#                                packages are installed
#   graphs/seeds-claims.svg      the claim view: the claims most actors
#                                assert, what they bear on, who asserts them
#   graphs/seeds-stance.svg      the stance network: actors and concepts,
#                                supports and critiques only
#   graphs/seeds-ego.svg         one central concept and its neighbours
#
# Usage: scripts/diagrams.sh [CONCEPT]
#   default concept: "role of the third sector", the seeds' most central
#   concept (`argnet analyse graphs/seeds.json --kind concept`)
#
# Needs Graphviz `dot`. The stance diagram needs stance edges (supports,
# critiques) in the graph; without them `argnet export` stops with
# "the filters leave none of the … nodes" and nothing is written.
set -euo pipefail
cd "$(dirname "$0")/.."
concept="${1:-role of the third sector}"

cargo build --release --quiet
argnet=target/release/argnet

"$argnet" build seeds
"$argnet" export graphs/seeds.json \
  --kinds actor,concept --relations supports,critiques --drop-isolates \
  --size-by degree \
  --title "Seeds: who supports and who critiques which idea" \
  -o graphs/seeds-stance.svg
"$argnet" export graphs/seeds.json \
  --ego "$concept" --radius 1 --kinds actor,concept \
  --relations supports,critiques,co_occurs --size-by mentions \
  --title "Seeds: around ${concept}" \
  -o graphs/seeds-ego.svg
"$argnet" export graphs/seeds.json --view claims \
  --title "Seeds: the claims most actors assert" \
  -o graphs/seeds-claims.svg
"$argnet" export graphs/seeds.json --to timeline-svg -o graphs/seeds-timeline.svg
hepph=../shared/data/cit-HepPh.txt.gz
if [ -f "$hepph" ]; then
  "$argnet" export "$hepph" --main-path --layout dot --rankdir LR \
    --title "cit-HepPh: the key-route main paths (10 routes) of 421,578 citations" \
    -o graphs/hepph-main-path.svg
fi
if [ -d tests/conformance/node_modules/puppeteer-core ] && command -v chromium >/dev/null 2>&1; then
  node tests/conformance/screenshot.mjs graphs/seeds.html graphs/seeds-explorer.png "$concept"
else
  echo "no screenshot of the explorer: needs Chromium and \`npm ci\` in tests/conformance" >&2
fi
