#!/usr/bin/env bash
# The hostile-input suite: builds every hostile input with make.py (nothing
# large is committed), runs argnet on each as a user would, and checks the
# exit code, the one-line message naming the input, that earlier outputs
# are intact, and the time and peak memory against the bounds below (the
# README's "Limits" section gives the measured figures; the bounds leave
# room for a slower machine). Prints a table; exits 1 if any row fails.
#
# Usage: tests/hostile/run.sh [ARGNET]   (default target/release/argnet)
# Needs python3 and GNU time (/usr/bin/time); .ci/run installs both.
set -uo pipefail
cd "$(dirname "$0")/../.."
argnet=$(realpath "${1:-target/release/argnet}")
codebook=$PWD/seeds/codebook.toml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 tests/hostile/make.py "$work/in" "$codebook" || { echo "make.py failed"; exit 1; }
in=$work/in
failures=0

# run NAME SECONDS MB -- COMMAND...: run with time and memory measured;
# sets $code, $secs, $mb and leaves stdout/stderr in $work/out, $work/err.
run() {
  name=$1 max_s=$2 max_mb=$3
  shift 4
  /usr/bin/time -f '%e %M' -o "$work/time" timeout 300 "$@" >"$work/out" 2>"$work/err"
  code=$?
  read -r secs kb < <(tail -n 1 "$work/time")
  mb=$((kb / 1024))
  problems=()
  awk -v s="$secs" -v m="$max_s" 'BEGIN { exit !(s > m) }' && problems+=("took ${secs}s > ${max_s}s")
  [ "$mb" -gt "$max_mb" ] && problems+=("peak ${mb} MB > ${max_mb} MB")
  grep -q 'panicked' "$work/err" && problems+=("panicked")
}

# expect CODE [PATTERN]: the exit code, and PATTERN in stderr; an error
# (exit 2) must be one line.
expect() {
  [ "$code" -eq "$1" ] || problems+=("exit $code, want $1")
  if [ $# -gt 1 ] && ! grep -qF -- "$2" "$work/err"; then problems+=("stderr lacks '$2'"); fi
  if [ "$1" -eq 2 ] && [ "$(wc -l < "$work/err")" -ne 1 ]; then problems+=("error is not one line"); fi
}

# check DESCRIPTION COMMAND...: one more condition for the row.
check() {
  local what=$1
  shift
  "$@" >/dev/null 2>&1 || problems+=("$what")
}

report() {
  if [ ${#problems[@]} -eq 0 ]; then
    printf '| %-44s | %4s | %6s | %6s | ok |\n' "$name" "$code" "$secs" "$mb"
  else
    printf '| %-44s | %4s | %6s | %6s | FAIL: %s |\n' "$name" "$code" "$secs" "$mb" "$(IFS=';'; echo "${problems[*]}")"
    sed 's/^/    stderr: /' "$work/err" | head -c 600
    failures=$((failures + 1))
  fi
}

build=("$argnet" build --codebook "$codebook" -q)

printf '| %-44s | %4s | %6s | %6s | %s |\n' input exit s MB result
printf '| %s | --- | --- | --- | --- |\n' "--------------------------------------------"

run "1 citation id of 70,000 characters" 10 300 -- "$argnet" analyse "$in/long-id/cites.txt" -q
expect 0; report

run "2 20 MB document on one line" 60 2500 -- "${build[@]}" "$in/one-line" --no-svg --name g -o "$work/o2"
expect 0; check "no graph" test -s "$work/o2/g.json"; report

"${build[@]}" "$in/atomic/corpus" --no-svg --name g -o "$work/o3" >/dev/null 2>&1
before=$(sha256sum "$work/o3/g.json" | cut -d' ' -f1)
mkdir -p "$work/o3/g.svg"
printf 'Stephen Bubb: I oppose localism.\n' >> "$in/atomic/corpus/a.txt"
run "3 a folder where the SVG goes" 10 300 -- "${build[@]}" "$in/atomic/corpus" --name g -o "$work/o3"
expect 2 "g.svg"
check "graph JSON replaced" test "$before" = "$(sha256sum "$work/o3/g.json" | cut -d' ' -f1)"
report

run "4 names differing only in invalid bytes" 10 300 -- "${build[@]}" "$in/bytes-names" --no-svg --name g -o "$work/o4"
expect 0; check "not two documents" grep -q 'd\\\\xFE.txt' "$work/o4/g.json"
check "not two documents" grep -q 'd\\\\xFF.txt' "$work/o4/g.json"; report

run "5 links out of the corpus, /dev/zero, a pipe" 10 300 -- "${build[@]}" "$in/links/corpus" --no-svg --name g -o "$work/o5"
expect 1 "outside the corpus"
check "pipe not named" grep -q "pipe.txt.*not a regular file" "$work/err"
check "zero.txt not named" grep -q "zero.txt" "$work/err"
check "outside text read" bash -c "! grep -q Outside '$work/o5/g.json'"
report

svg=(--no-svg)
if command -v dot >/dev/null 2>&1; then svg=(); elif [ "${CI:-}" = true ]; then
  echo "Graphviz dot is missing in CI"; exit 1
else echo "(Graphviz missing: row 6 builds without SVG)"; fi
run "6 a 40 KB sentence (Graphviz limit 16 KB)" 30 500 -- "${build[@]}" "$in/long-sentence" "${svg[@]}" --name g -o "$work/o6"
expect 0; report

run "7 one name with two kinds in a codebook" 10 300 -- "$argnet" build "$in/kinds/corpus" --codebook "$in/kinds/codebook.toml" -q --no-svg -o "$work/o7"
expect 2 "Mercury"; check "line not named" grep -qE "codebook.toml:[0-9]+" "$work/err"; report

run "8 a misspelt field in a gold file" 10 300 -- "$argnet" eval "$work/o3/g.json" --gold "$in/gold/gold.json"
expect 2 "statments"; check "line not named" grep -qE "gold.json:3|line 3" "$work/err"; report

run "9 invalid bytes and UTF-16 in a text" 10 300 -- "${build[@]}" "$in/encoding/corpus" --no-svg --name g -o "$work/o9"
expect 0
check "curly quote lost" grep -q $'\u201cI strongly support localism' "$work/o9/g.json"
check "UTF-16 text lost" grep -q "we oppose localism" "$work/o9/g.json"
report

run "10 gzip unpacking past --max-unpacked 100M" 30 800 -- "$argnet" analyse "$in/bomb.txt.gz" -q --max-unpacked 100M
expect 2 "--max-unpacked"; report
run "10 gzip line of 257 MiB" 60 1500 -- "$argnet" analyse "$in/long-line.txt.gz" -q
expect 2 "longer than 256 MiB"; report

run "11 250 KB sentence, a name every few words" 60 2000 -- "${build[@]}" "$in/dense/corpus" --no-svg --name g -o "$work/o11"
expect 0; report
run "11 codebook of 100,000 aliases, 30 KB name" 60 1000 -- "$argnet" build "$in/aliases/corpus" seeds --codebook "$in/aliases/codebook.toml" -q --no-svg --name g -o "$work/o11b"
expect 0; report

"${build[@]}" "$in/escapes/corpus" --no-svg --name g -o "$work/o12" >/dev/null 2>&1
run "12 terminal escapes in a text" 10 300 -- "$argnet" evidence "$work/o12/g.json" localism
expect 0
check "escape sent raw" bash -c "! grep -q $'\x1b' '$work/out'"
check "escape not shown" grep -qF '\e]0;owned' "$work/out"
report

python3 - "$work/o3/g.json" "$work/o13.json" <<'PY'
import json, sys
graph = json.load(open(sys.argv[1]))
graph["name"] = 'x\n%%{init: {"themeCSS": "body {display: none}"}}%%'
json.dump(graph, open(sys.argv[2], "w"))
PY
run "13 a Mermaid directive in the graph name" 10 300 -- "$argnet" export "$work/o13.json" --to mermaid -o -
expect 0; check "directive written" bash -c "! grep -q '^ *%%{' '$work/out'"; report

run "14 every file skipped" 10 300 -- "${build[@]}" "$in/skipped/corpus" --no-svg --name g -o "$work/o14"
expect 2 "and 1 more"; report
run "14 a 10 MB bad citation line" 10 500 -- "$argnet" analyse "$in/bad-line/cites.txt" -q
expect 2 "cites.txt:2:"; check "quoted whole" test "$(wc -c < "$work/err")" -lt 600; report

run "15 analyse on a text folder" 10 300 -- "$argnet" analyse "$in/wrong-kind/corpus"
expect 2 "argnet build"; report
run "15 analyse on a text file" 10 300 -- "$argnet" analyse "$in/wrong-kind/corpus/a.txt"
expect 2 "argnet build"; report

run "16 deep HTML, docx bomb, broken PDF" 30 1500 -- "${build[@]}" "$in/formats/corpus" --no-svg --name g -o "$work/o16"
expect 1 "bomb.docx: skipped"
check "names the broken PDF" grep -q "broken.pdf: skipped: not a readable PDF" "$work/err"
check "reads the deep page" test -s "$work/o16/g.json"
report

if [ "$failures" -gt 0 ]; then
  echo "$failures hostile input(s) failed"
  exit 1
fi
echo "every hostile input handled"
