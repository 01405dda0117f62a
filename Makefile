# kg: build, demo and test targets. `make demo` and `make test` are the two
# commands of the README's quick start.

GO      ?= go
DATA    ?= ./kg-data
ADDR    ?= 127.0.0.1:8080

GOVULNCHECK ?= golang.org/x/vuln/cmd/govulncheck@v1.8.0
# KG_VULNDB: the Go vulnerability database govulncheck reads: a URL, or
# file:///path of a local copy. The default is the copy in ../shared/vulndb
# when there is one (machines that cannot reach vuln.go.dev), else vuln.go.dev.
SHARED_VULNDB := $(abspath ../shared/vulndb)
KG_VULNDB ?= $(if $(wildcard $(SHARED_VULNDB)/index/db.json),file://$(SHARED_VULNDB),https://vuln.go.dev)

.PHONY: demo ui build test check fmt vet clean bench vulncheck race

## demo: build the playground and the binary, load the example news, serve
demo: ui build
	./kg serve --demo --data $(DATA) --addr $(ADDR)

## ui: build the GraphiQL playground from npm into web/ui/dist (embedded by go build)
ui: web/ui/dist/index.html

web/ui/dist/index.html: web/package.json web/package-lock.json $(wildcard web/*.html) web/vite.config.js $(wildcard web/src/*)
	cd web && npm ci --no-audit --no-fund && npm run build

## build: the kg binary
build:
	$(GO) build -o kg ./cmd/kg

## test: formatting, vet, govulncheck and every test (the playground is
## built first: the browser and HTTP-audit tests use it and
## web/node_modules). KG_LONG=1, as in CI, adds the long ones (kill -9
## rounds, disk full, huge inputs, peak memory) and then runs the packages
## that serve concurrent reads and requests again under the race detector.
test: ui check vulncheck
	$(GO) test -timeout 30m ./...
	@if [ "$$KG_LONG" = 1 ]; then $(MAKE) --no-print-directory race; \
	else echo "race: skipped (KG_LONG=1 make test runs it, as CI does; or make race)"; fi

## race: the packages that serve concurrent reads and requests, under the
## race detector, which needs cgo and so a C compiler; without one it says
## so and goes on
race:
	@if command -v "$$($(GO) env CC)" >/dev/null 2>&1; then \
		CGO_ENABLED=1 $(GO) test -race -timeout 30m ./graph ./schema ./server ./export; \
	else echo "race: NOT RUN: the race detector needs a C compiler ($$($(GO) env CC)) for cgo"; fi

## vulncheck: govulncheck on every package against KG_VULNDB; a known
## vulnerability in code kg calls fails, saying so. Only when the database
## is a URL that cannot be reached (no local copy, no network) does it say
## NOT RUN and go on: it cannot check anything then.
vulncheck:
	@echo "vulncheck: govulncheck against $(KG_VULNDB)"; \
	out=$$($(GO) run $(GOVULNCHECK) -db $(KG_VULNDB) ./... 2>&1); rc=$$?; echo "$$out"; \
	if [ $$rc -eq 0 ]; then echo "vulncheck: ok, no known vulnerability in code kg calls"; \
	elif echo "$$out" | grep -q 'Your code is affected by [1-9]'; then \
		echo "vulncheck: FAILED: kg calls code with a known vulnerability (listed above): update the module it names (go get MODULE@FIXED && go mod tidy)"; exit 1; \
	elif echo "$(KG_VULNDB)" | grep -q '^https\?://' && echo "$$out" | grep -q "fetching vulnerabilities"; then \
		echo "vulncheck: NOT RUN: the vulnerability database $(KG_VULNDB) cannot be reached from here; set KG_VULNDB=file:///path/to/a/copy"; \
	else echo "vulncheck: FAILED: govulncheck could not run (exit status $$rc, its output above)"; exit 1; fi

## bench: every speed and memory figure of the README, on the Reuters corpus
## beside the project (KG_BENCH_CORPUS=FILE.jsonl for another); needs wrk
## for the wrk rows (apt-get install wrk). About five minutes on 2 cores.
bench:
	$(GO) test ./bench -run '^$$' -bench . -benchtime 1x -timeout 2h | tee bench.out

check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './web/node_modules/*')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

clean:
	rm -rf kg web/ui/dist web/node_modules

## model: retrain the parser's tagger and model (ingest/parse/model/model.bin,
## model.json and ingest/lemma/lemmas.tsv) from the UD English treebanks in
## ../shared/ud; deterministic, about ten minutes on 2 cores
.PHONY: model
model:
	$(GO) generate ./ingest/parse/model
