#!/usr/bin/env bash
# make train-pairs, make train-names: rewrite a gold corpus with paraphrase.py
# once per seed into a fresh temporary folder, run the trainer with one
# --augment per copy, and remove the copies. Fixed seeds and rate give the
# same copies, hence the same model bytes, on every run (docs/relation-model.md,
# docs/name-model.md, "Session 20").
# Usage: augment.sh CORPUS "SEED..." RATE TRAINER-COMMAND...
set -euo pipefail
corpus=$1 seeds=$2 rate=$3; shift 3
wordnet=${WORDNET_DIR:-/usr/share/wordnet}
if [ ! -f "$wordnet/index.noun" ]; then
  echo "WordNet 3.0 is not in $wordnet: the models train on copies rewritten with it;" \
    "install it with 'apt-get install wordnet-base' (Debian) or set WORDNET_DIR" >&2
  exit 2
fi
here=$(dirname "$0")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/augment.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
args=()
for seed in $seeds; do
  # PDFs are not rewritten (paraphrase.py names them on stderr): the
  # originals train alone.
  if ! python3 "$here/paraphrase.py" "$corpus" "$tmp/seed$seed" --seed "$seed" --rate "$rate" --wordnet "$wordnet" 2>"$tmp/log$seed"; then
    cat "$tmp/log$seed" >&2
    echo "augment.sh: paraphrase.py failed on seed $seed" >&2
    exit 2
  fi
  grep -v '^skipped' "$tmp/log$seed" >&2 || true
  args+=(--augment "$tmp/seed$seed")
done
"$@" "${args[@]}"
