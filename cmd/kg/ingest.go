package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/ingest"
)

func newIngestCmd(e *env) *cobra.Command {
	var quiet bool
	cmd := &cobra.Command{
		Use:   "ingest PATH... | -",
		Short: "Extract triples from text files and add them to the store",
		Long: `Ingest reads text and adds what it says to the store.

PATH may be a file or a folder (read recursively): .txt, .text, .md and
.markdown files are one document each; .jsonl and .ndjson files hold one
document per line as {"text": ..., "id", "title", "url", "date", "source"}.
"-" reads standard input (plain text, or JSON Lines).

A text already in the store (same content) is skipped. A file that cannot be
read or is not text is reported and skipped; the others are still ingested,
and the exit status is 1.`,
		Example: `  kg ingest examples/
  kg ingest --data /srv/kg news.jsonl
  curl -s https://example.org/story.txt | kg ingest -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runIngest(cmd.Context(), e, args, quiet)
		},
	}
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "print only errors and the summary")
	return cmd
}

// ingestStats is what an ingest did.
type ingestStats struct {
	docs, dups, failed          int
	sentences, tokens           int
	triples, entities, evidence int
	bytes                       int64
	start                       time.Time
}

func (s *ingestStats) summary() string {
	secs := time.Since(s.start).Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(s.tokens) / secs
	}
	return fmt.Sprintf("ingested %d documents (%d duplicates skipped, %d failed): %d sentences, %d tokens, %d new triples (%d evidence), %d new entities in %.1fs (%.0f tokens/s, %.1f MB/s read)",
		s.docs, s.dups, s.failed, s.sentences, s.tokens, s.triples, s.evidence, s.entities, secs, rate, float64(s.bytes)/1e6/max(secs, 1e-9))
}

// ingestMemoryLimit is the soft limit (runtime/debug.SetMemoryLimit) on
// the Go memory of an ingest, unless GOMEMLIMIT sets one: the garbage
// collector works harder near it instead of letting the heap double. Most
// of what an ingest holds is Badger's memtables and caches, bounded by
// their sizes; the limit keeps their garbage from doubling that.
const ingestMemoryLimit = 512 << 20

func runIngest(ctx context.Context, e *env, paths []string, quiet bool) error {
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(ingestMemoryLimit))
	}
	st, err := e.open(false)
	if err != nil {
		return err
	}
	defer st.Close()
	ex, err := ingest.New()
	if err != nil {
		return err
	}
	src := newSource(paths, e.stdin)
	stats := &ingestStats{start: time.Now()}
	prog := newProgress(e.stderr, src.total, quiet)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	items := make(chan item, 64)
	results := make(chan extracted, 16)
	go src.run(ctx, items)
	go extractAll(ctx, ex, st, items, results)
	for r := range results {
		// store what extraction has ready in one batch, without waiting
		batch := []extracted{r}
	fill:
		for len(batch) < maxBatch {
			select {
			case r, ok := <-results:
				if !ok {
					break fill
				}
				batch = append(batch, r)
			default:
				break fill
			}
		}
		storeBatch(ctx, e, st, batch, stats, prog)
	}
	prog.clear()
	if err := ctx.Err(); err != nil {
		fmt.Fprintln(e.stderr, stats.summary())
		return fmt.Errorf("interrupted; every document reported above is stored whole, the rest is not: run the same command again to finish")
	}
	fmt.Fprintln(e.stderr, stats.summary())
	if stats.failed > 0 {
		return errQuiet
	}
	return nil
}

// maxBatch bounds the documents stored in one call of AddBatch.
const maxBatch = 64

// storeBatch stores the documents of batch that were extracted and reports
// each one's outcome in order.
func storeBatch(ctx context.Context, e *env, st *graph.Store, batch []extracted, stats *ingestStats, prog *progress) {
	var docs []graph.Document
	for _, r := range batch {
		if r.err == nil && r.duplicate == "" {
			docs = append(docs, r.doc)
		}
	}
	res := st.AddBatch(ctx, docs)
	fail := func(r extracted, msg string) {
		stats.failed++
		prog.clear()
		fmt.Fprintf(e.stderr, "kg: %s: %s\n", r.where, msg)
	}
	for _, r := range batch {
		stats.bytes += r.size
		switch {
		case r.err != nil:
			fail(r, r.err.Error())
		case r.duplicate != "":
			stats.dups++
		default:
			a, err := res[0].Added, res[0].Err
			res = res[1:]
			switch {
			case err != nil && ctx.Err() != nil:
			case errors.Is(err, graph.ErrConflict):
				fail(r, fmt.Sprintf("a different text is already stored as document %q", r.doc.ID))
			case err != nil:
				fail(r, err.Error())
			case a.Duplicate:
				stats.dups++
			default:
				stats.docs++
				stats.sentences += r.doc.Sentences
				stats.tokens += r.doc.Tokens
				stats.triples += a.Triples
				stats.entities += a.Entities
				stats.evidence += a.Evidence
			}
		}
		prog.update(stats)
	}
}

// progress draws a one-line progress bar on a terminal, at most five times a
// second.
type progress struct {
	w     io.Writer
	total int64
	on    bool
	last  time.Time
	drawn bool
}

func newProgress(w io.Writer, total int64, quiet bool) *progress {
	f, ok := w.(*os.File)
	return &progress{w: w, total: total, on: !quiet && ok && term.IsTerminal(int(f.Fd()))}
}

func (p *progress) update(s *ingestStats) {
	if !p.on || time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	secs := time.Since(s.start).Seconds()
	rate := float64(s.tokens) / max(secs, 1e-9)
	line := fmt.Sprintf("%d docs  %d triples  %.0f tokens/s", s.docs+s.dups, s.triples, rate)
	if p.total > 0 {
		frac := min(float64(s.bytes)/float64(p.total), 1)
		const width = 24
		n := int(frac * width)
		bar := make([]byte, width)
		for i := range bar {
			bar[i] = ' '
			if i < n {
				bar[i] = '='
			}
		}
		eta := "?"
		if frac > 0.001 {
			eta = (time.Duration(secs*(1-frac)/frac) * time.Second).Round(time.Second).String()
		}
		line = fmt.Sprintf("[%s] %3.0f%%  %s  ETA %s", bar, frac*100, line, eta)
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
	p.drawn = true
}

func (p *progress) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
	}
}
