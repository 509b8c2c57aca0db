# biasdiff — see README.md. Every target runs from a clean clone with Go installed.
GO       ?= go
BIN      := bin/biasdiff
FUZZTIME ?= 1m
EVAL     ?= ../shared/eval

.PHONY: build run test e2e bench eval fuzz lint clean corpus beam beam-test beam-bench

build:
	$(GO) build -o $(BIN) ./cmd/biasdiff

# The main job on the embedded sample corpus.
run:
	$(GO) run ./cmd/biasdiff compare

# Unit, golden and CLI (testscript) tests; needs nothing outside the repo.
test:
	$(GO) vet ./...
	$(GO) test -count=1 ./...

# The Beam pipeline (beam/, a module of its own, so that Beam adds nothing
# to the CLI's build): its binary, and its tests on Prism in the test
# process (3.7 minutes cold, modules downloaded and built, most of it building
# Beam's SDK; 45 s warm).
beam:
	cd beam && $(GO) build -o ../bin/biasdiff-beam ./cmd/biasdiff-beam

# The pipeline beside biasdiff corpus on N generated reports (K partitions).
K ?= 8
beam-bench: build beam
	bash scripts/beam-bench.sh $(if $(filter command line,$(origin N)),$(N),20000) $(K)

beam-test:
	cd beam && $(GO) vet ./...
	cd beam && $(GO) test -count=1 ./...

# Throughput of read+clean+segment+quotes, against `wc -w` on the same bytes,
# and the cold-process time of `biasdiff compare` on the sample.
bench: build
	bash scripts/bench.sh

# Quality figures on the evaluation sets in ../shared/eval (not shipped).
# The HTML report in headless Chromium (installed with apt-get if missing):
# no console error, no network request, every section there. Screenshots in
# report/testdata/html/*.png (not committed).
e2e:
	bash scripts/e2e.sh

eval: build
	bash scripts/eval.sh $(EVAL)

# Every fuzz target for FUZZTIME each.
fuzz:
	bash scripts/fuzz.sh $(FUZZTIME)

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

clean:
	rm -rf bin

# A large deterministic corpus for benchmarks: make corpus N=20000 OUT=/tmp/c
N   ?= 2000
OUT ?= /tmp/biasdiff-corpus
corpus:
	$(GO) run ./internal/corpusgen -n $(N) -o $(OUT) $(if $(wildcard $(EVAL)/grouping/dev.jsonl),-text $(EVAL)/grouping/dev.jsonl)
