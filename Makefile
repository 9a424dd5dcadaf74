# mrplan's build. `make test` is what CI runs (.ci/run).

GO            ?= go
STATICCHECK   := honnef.co/go/tools/cmd/staticcheck@v0.8.2
# An execution count, not a duration: a duration races the fuzz coordinator's
# own deadline on a loaded machine and fails with "context deadline exceeded"
# though nothing was found (golang/go#75804, fixed in Go 1.27).
FUZZTIME      ?= 30000x
PKGS          := ./...

.PHONY: all build test test-quick vet staticcheck unit fuzz-short fuzz fmt bench golden

all: build

build:
	$(GO) build -o bin/mrplan ./cmd/mrplan

# test: everything CI gates on.
test: vet staticcheck unit fuzz-short

# test-quick: the edit loop: gofmt, vet and every test once, without the
# race detector, staticcheck or fuzzing.
test-quick: vet
	$(GO) test -count=1 $(PKGS)

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt: these files are not formatted:"; gofmt -l .; exit 1; }
	@$(GO) mod tidy -diff >/dev/null || { echo "go.mod is not tidy: run go mod tidy"; $(GO) mod tidy -diff; exit 1; }
	$(GO) vet $(PKGS)

staticcheck:
	$(GO) run $(STATICCHECK) $(PKGS)

unit:
	$(GO) test -race -count=1 $(PKGS)

# A short run of every fuzz target; `make fuzz FUZZTIME=1000000x` (or 10m) runs longer.
fuzz-short:
	@$(MAKE) --no-print-directory fuzz FUZZTIME=$(FUZZTIME)

fuzz:
	@for file in $$(grep -rl --include='*_test.go' '^func Fuzz' . | sort); do \
		pkg=./$$(dirname $${file#./}); \
		for target in $$(grep -o '^func Fuzz[A-Za-z0-9_]*' $$file | sed 's/^func //'); do \
			echo "fuzz $$pkg $$target ($(FUZZTIME))"; \
			$(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
		done; \
	done

fmt:
	gofmt -w $$(git ls-files '*.go')
	$(GO) run ./cmd/mrplan fmt examples/*/

# bench: every phase and both commands on generated modules of 1k and 10k
# services (MRPLAN_BENCH_LARGE=1 adds 50k), as a table of medians with the
# ratio to the single-core parse floor; BENCHCOUNT runs of each.
# scripts/bench-targets.sh measures the built binary, time and peak memory.
BENCHCOUNT ?= 3
BENCHTIME  ?= 1x
BENCH      ?= .
bench:
	$(GO) test -run '^$$' -bench '$(BENCH)' -benchmem -count $(BENCHCOUNT) -benchtime $(BENCHTIME) ./bench/ ./lang/ | tee $${TMPDIR:-/tmp}/mrplan-bench.out | awk -f scripts/benchtable.awk

# golden: rewrite golden files after an intended output change; read the diff.
golden:
	GOLDIE_UPDATE=1 $(GO) test ./... >/dev/null || true
	GOLDIE_UPDATE=1 $(GO) test ./...
