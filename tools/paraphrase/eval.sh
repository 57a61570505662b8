#!/usr/bin/env bash
# make eval-paraphrased: rewrite a gold corpus with paraphrase.py once per seed
# and print extractor eval summaries of the original beside the rewritten copy,
# rules alone and with the default models, then the losses of the rules alone
# (losses.py). A failing eval (a document that crashes the extractor) is
# reported on stderr and the run goes on. Usage: eval.sh BIN CORPUS RATE NAME_RATE SEED...
set -uo pipefail
bin=$1 corpus=$2 rate=$3 name_rate=$4; shift 4
wordnet=${WORDNET_DIR:-/usr/share/wordnet}
if [ ! -f "$wordnet/index.noun" ]; then
  echo "WordNet 3.0 is not in $wordnet: install it with 'apt-get install wordnet-base' (Debian) or set WORDNET_DIR" >&2
  exit 2
fi
here=$(dirname "$0")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/paraphrased.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
rules_only="--relation-model=false --name-model=false"
# The original, minus what the rewriter skips (PDF): a copy at rate 0.
# Its progress line is noise here, but an error (a bad corpus folder or
# file) is shown before the script gives up.
if ! python3 "$here/paraphrase.py" "$corpus" "$tmp/original" --rate 0 --name-rate 0 2>"$tmp/original.err"; then
  cat "$tmp/original.err" >&2
  exit 2
fi
"$bin" eval --corpus "$tmp/original" $rules_only --format summary --report "$tmp/orig-rules.json" | sed 's/^original /rules    original /'
"$bin" eval --corpus "$tmp/original" --format summary | sed 's/^original /defaults original /'
"$bin" extract --format json $rules_only -o "$tmp/orig-extract.json" "$tmp/original" 2>/dev/null
for seed in "$@"; do
  out="$tmp/seed$seed"
  python3 "$here/paraphrase.py" "$corpus" "$out" --seed "$seed" --rate "$rate" --name-rate "$name_rate" 2>&1 |
    grep -v '^skipped' || exit 2
  "$bin" eval --corpus "$out" $rules_only --format summary --report "$tmp/seed$seed-rules.json" | sed "s/^seed$seed /rules    seed $seed /"
  "$bin" eval --corpus "$out" --format summary | sed "s/^seed$seed /defaults seed $seed /"
  if [ -n "${LOSSES:-}" ]; then
    python3 "$here/losses.py" --orig "$tmp/original" --copy "$out" --orig-report "$tmp/orig-rules.json" \
      --copy-report "$tmp/seed$seed-rules.json" --orig-extract "$tmp/orig-extract.json" --top "${TOP:-30}"
  fi
done
