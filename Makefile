# extractor — common tasks. `make run` and `make test` are all a newcomer needs.
GO        ?= go
PKGS      := ./...
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -X main.version=$(VERSION)
BIN       := bin/extractor
SAMPLES   := corpus/samples
FUZZTIME  ?= 10s
export CGO_ENABLED ?= 0

.PHONY: build run test baseline bench lint fuzz rules-test clean train-pairs train-names

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/extractor

# The main job on the bundled sample corpus with the embedded default rules:
# extract entities and print the dataset summary as JSON.
run: build
	./$(BIN) extract --format json $(SAMPLES)

# The sample corpus is checked against its committed baseline: a change that
# lowers any F1 fails until the baseline is updated on purpose (make baseline).
# The baseline measures the rules: the relation model is trained on these very
# documents, so its in-sample figures say nothing (its honest figures are the
# cross-validation of make train-pairs, docs/relation-model.md).
BASELINE := corpus/baseline.json
RULES_ONLY := --relation-model=false --name-model=false

test: lint
	$(GO) test -count=1 $(PKGS)
	$(GO) run ./cmd/extractor rules test
	$(GO) run ./cmd/extractor eval --corpus $(SAMPLES) --baseline $(BASELINE) --format summary $(RULES_ONLY)

# Accept the current figures on the sample corpus as the new baseline.
baseline:
	$(GO) run ./cmd/extractor eval --corpus $(SAMPLES) --baseline $(BASELINE) --update-baseline --format summary $(RULES_ONLY)

# Both models also train on copies of the samples rewritten with WordNet
# synonyms (tools/paraphrase, seeds AUGMENT_SEEDS at rate AUGMENT_RATE, in a
# temporary folder; each copy in its original's cross-validation fold, for
# training only): on copies of seeds never trained on they find more
# (docs/relation-model.md and docs/name-model.md, "Session 20"). Needs
# WordNet 3.0 (Debian wordnet-base) in /usr/share/wordnet or WORDNET_DIR.
AUGMENT_SEEDS ?= 1 2 3
AUGMENT_RATE  ?= 0.3
AUGMENT       := tools/paraphrase/augment.sh $(SAMPLES) "$(AUGMENT_SEEDS)" $(AUGMENT_RATE)
# The relation types the pair model never proposes. Trained with the copies,
# the automatic choice (the types whose cross-validated F1 the model lowers
# at every cut) withheld targets and sponsored-by too, which cost the copies
# of unseen seeds relation recall .740 -> .699; fixed at the types the plain
# training withholds, recall rose to .753 (Session 20). WITHHOLD=auto: the
# automatic choice.
WITHHOLD      ?= part-of,uses
# The threshold rule (train-pairs --cut): floor, best-f1, per-type or
# per-type-best (docs/relation-model.md, "Session 22").
CUT           ?= floor
PAIRS_OUT     ?= extract/
NAMES_OUT     ?= rules/

# Retrain the candidate-pair relation model on the sample corpus and its
# rewritten copies, print its 5-fold cross-validation by document, and
# rewrite the embedded model files extract/pairmodel.json and
# extract/pairmodel.bin (deterministic: the same corpus, seeds and code give
# the same bytes).
train-pairs: build
	$(AUGMENT) ./$(BIN) train-pairs --corpus $(SAMPLES) --folds 5 --out $(PAIRS_OUT) --cut $(CUT) \
		$(if $(filter auto,$(WITHHOLD)),,--withhold $(WITHHOLD))

# Retrain the name model (docs/name-model.md) on the sample corpus and its
# rewritten copies, print its 5-fold cross-validation by document, and
# rewrite rules/namemodel.json and rules/namemodel.bin (deterministic, as
# train-pairs).
# The cut is the lowest with cross-validated precision >= train-names'
# default --min-precision (.85; nametrain.DefaultMinPrecision).
train-names: build
	$(AUGMENT) ./$(BIN) train-names --corpus $(SAMPLES) --folds 5 --out $(NAMES_OUT)

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet $(PKGS)

# Benchmarks: reader throughput (MB/s, pages/s) beside pdftotext when it is
# installed, normalisation, NLP and rule matching speed.
bench:
	$(GO) test -run '^$$' -bench . -benchtime 1x -count 1 ./document/ ./nlp/ ./rules/ ./extract/

# Short runs of every fuzz target (go test allows one target per run).
fuzz:
	@for t in $$($(GO) test -list 'Fuzz.*' ./document/ | grep ^Fuzz); do \
		echo "== document $$t"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) ./document/ || exit 1; done
	@for t in $$($(GO) test -list 'Fuzz.*' ./nlp/ | grep ^Fuzz); do \
		echo "== nlp $$t"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) ./nlp/ || exit 1; done
	@for t in $$($(GO) test -list 'Fuzz.*' ./rules/ | grep ^Fuzz); do \
		echo "== rules $$t"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) ./rules/ || exit 1; done

clean:
	rm -rf bin

# Robustness to a synonym-swapping article rewriter (docs/paraphrase-robustness.md):
# the samples rewritten with WordNet synonyms once per seed (in a temp folder,
# never in corpus/), eval summaries of the original beside each copy.
# LOSSES=1 also prints which swaps lose what (rules alone). Needs WordNet 3.0
# (Debian wordnet-base) in /usr/share/wordnet or WORDNET_DIR.
SEEDS     ?= 1 2 3
RATE      ?= 0.3
NAME_RATE ?= 0.15
.PHONY: eval-paraphrased
eval-paraphrased: build
	@tools/paraphrase/eval.sh ./$(BIN) $(SAMPLES) $(RATE) $(NAME_RATE) $(SEEDS)

# Figures of `extractor eval` (docs/corpus.md): the sample corpus when it has
# gold files, the development cases in ../shared/data/cases, and the raw dev
# splits in ../shared/data/annotated read by the BIO/AnnoCTR/doccano readers
# (skipped when ../shared is absent). Micro figures on the cases equal
# ../shared/tools/score.py's (corpus/crosscheck_test.go). Full reports in bin/eval/.
SHARED ?= ../shared
EVAL_SETS ?= annoctr-dev dnrti-valid aptner-dev captier-dev
RAW_SETS ?= annoctr dnrti/valid.txt aptner/APTNERdev.txt captier/CAPTIER-dev.jsonl
.PHONY: eval
eval: build
	@mkdir -p bin/eval
	@if ls $(SAMPLES)/*.gold.json >/dev/null 2>&1; then \
		./$(BIN) eval --corpus $(SAMPLES) --format summary $(RULES_ONLY) || exit 1; \
	else echo "$(SAMPLES) has no gold files: skipping"; fi
	@if [ ! -d $(SHARED)/data ]; then echo "$(SHARED)/data is absent: skipping the development sets"; exit 0; fi; \
	for s in $(EVAL_SETS); do \
		[ -d $(SHARED)/data/cases/$$s ] || { echo "$(SHARED)/data/cases/$$s is absent: skipping"; continue; }; \
		./$(BIN) eval --corpus $(SHARED)/data/cases/$$s --report bin/eval/$$s.json --format summary || exit 1; \
	done; \
	for s in $(RAW_SETS); do \
		[ -e $(SHARED)/data/annotated/$$s ] || { echo "$(SHARED)/data/annotated/$$s is absent: skipping"; continue; }; \
		printf 'raw '; ./$(BIN) eval --corpus $(SHARED)/data/annotated/$$s --format summary || exit 1; \
	done
