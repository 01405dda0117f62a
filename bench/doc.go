// Package bench measures kg end to end on a news corpus: ingest speed and
// memory at several sizes against prose's own pipeline, re-ingest, store
// size, query latency in-process and over HTTP under concurrent clients
// (with the floor of the HTTP figures on this machine: a null server loaded
// the same way), and export speed. It holds only benchmarks; `make bench`
// runs them.
//
// The corpus is a JSON Lines file of {"id", "title", "text"} articles,
// KG_BENCH_CORPUS, by default the Reuters-21578 corpus beside the project
// (../shared/corpus/reuters21578/reuters21578.jsonl). Without it every
// benchmark but the floor is skipped.
package bench
