# Sourced by scripts/eval_sets.sh and scripts/calibrate.sh: the hand-coded
# sets (seeds, dev, dev2 and EXTRA_SETS="name=CORPUS:GOLD ..."), each built
# with its gold codebook and with seeds/codebook.toml.
# each_build OUT FLAGS... calls `on_build NAME CODEBOOK-KIND GRAPH GOLD` for
# every set and codebook after building it with FLAGS.
each_build() {
  local out=$1
  shift
  local shared=../shared/eval set spec corpus gold cb codebook
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
      target/release/argnet build "$corpus" --codebook "$codebook" --out "$out" \
        --name "$set-$cb" --no-svg -q "$@" || true
      on_build "$set" "$cb" "$out/$set-$cb.json" "$gold"
    done
  done
}
