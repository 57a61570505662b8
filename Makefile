# extractor — common tasks. `make run` and `make test` are all a newcomer needs.
GO        ?= go
PKGS      := ./...
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -X main.version=$(VERSION)
BIN       := bin/extractor
SAMPLES   := corpus/samples
FUZZTIME  ?= 10s
export CGO_ENABLED ?= 0

.PHONY: build run test bench lint fuzz rules-test clean

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/extractor

# The main job on the bundled sample corpus with the embedded default rules:
# extract entities and print the dataset summary as JSON.
run: build
	./$(BIN) extract --format json $(SAMPLES)

test: lint
	$(GO) test -count=1 $(PKGS)
	$(GO) run ./cmd/extractor rules test

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

clean:
	rm -rf bin

# Figures on the development cases in ../shared/data/cases (skipped when absent):
# entity detection/typed P/R/F1 per set, scored by ../shared/tools/score.py.
SHARED ?= ../shared
EVAL_SETS ?= annoctr-dev dnrti-valid aptner-dev captier-dev
.PHONY: eval
eval: build
	@if [ ! -d $(SHARED)/data/cases ]; then echo "$(SHARED)/data/cases is absent: skipping"; exit 0; fi; \
	mkdir -p bin/eval; \
	for s in $(EVAL_SETS); do \
		./$(BIN) extract --format json -o bin/eval/$$s.json $(SHARED)/data/cases/$$s/*.txt || exit 1; \
		python3 $(SHARED)/tools/score.py --dataset bin/eval/$$s.json --gold $(SHARED)/data/cases/$$s --json-out bin/eval/$$s.score.json --no-per-doc --top 0 >/dev/null || exit 1; \
		python3 -c "import json,sys; d=json.load(open('bin/eval/$$s.score.json'))['micro']; f=lambda k: ' '.join('%s=%.3f'%(x,(d[k][x] or 0)) for x in ('p','r','f1')); print('%-14s detection %s | typed %s' % ('$$s', f('detection'), f('typed')))"; \
	done
