# kg: build, demo and test targets. `make demo` and `make test` are the two
# commands of the README's quick start.

GO      ?= go
DATA    ?= ./kg-data
ADDR    ?= 127.0.0.1:8080

.PHONY: demo ui build test check fmt vet clean bench

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

## test: formatting, vet and every test (the playground is built first: the
## browser and HTTP-audit tests use it and web/node_modules)
test: ui check
	$(GO) test ./...

## bench: every speed and memory figure of the README, on the Reuters corpus
## beside the project (KG_BENCH_CORPUS=FILE.jsonl for another); needs wrk
## for the wrk rows (apt-get install wrk). About ten minutes on 2 cores.
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
