package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/ingest"
	"github.com/kg-builder/kg/source"
)

func newIngestCmd(e *env) *cobra.Command {
	var (
		quiet         bool
		server, token string
	)
	cmd := &cobra.Command{
		Use:   "ingest PATH... | -",
		Short: "Extract triples from text files and add them to the store",
		Long: `Ingest reads text and adds what it says to the store.

PATH may be a file or a folder (read recursively, following symbolic links):
.txt, .text, .md, .markdown, .html and .htm files are one document each
(Markdown and HTML cleaned to their words), or parts NAME#1, NAME#2, ... of
64 KiB each when longer; .jsonl and .ndjson files hold one document per line
as {"text": ..., "id", "title", "url", "date", "source"}. "-" reads standard
input (plain text, HTML or JSON Lines). UTF-8 and UTF-16 with a byte-order
mark are read; kg extracts English only. Standard input, named pipes and
devices are checked as they are read, up to 256 MiB; a named pipe that
nothing is written to is given up after 10 s.

A text already in the store (same content) is skipped. A file that cannot be
read, is not text or not English is reported and skipped; the others are
still ingested, and the exit status is 1.

The store is held by one process at a time. While kg serve has it open,
ingest through the server instead: --server http://127.0.0.1:8080 sends each
document to its API (with --token or KG_TOKEN if it wants one), where it
is extracted and stored while the server goes on answering queries.`,
		Example: `  kg ingest examples/
  kg ingest --data /srv/kg news.jsonl
  curl -s https://example.org/story.txt | kg ingest -
  KG_TOKEN=... kg ingest --server http://127.0.0.1:8080 news/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if server != "" {
				if !cmd.Flags().Changed("token") {
					token = os.Getenv("KG_TOKEN")
				}
				return runIngestRemote(cmd.Context(), e, args, quiet, server, strings.TrimSpace(token))
			}
			return runIngest(cmd.Context(), e, args, quiet)
		},
	}
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "print only errors and the summary")
	cmd.Flags().StringVar(&e.extractor, "extractor", "", "relation extractor: tree (default: clauses from a dependency parse) or pattern (verb phrases over part-of-speech tags)")
	cmd.Flags().StringVar(&server, "server", "", "send the documents to a running kg serve at this address (like http://127.0.0.1:8080) instead of opening the store")
	cmd.Flags().StringVar(&token, "token", "", "with --server: the server's bearer token (env KG_TOKEN)")
	return cmd
}

// ingestStats is what an ingest did.
type ingestStats struct {
	docs, dups, failed          int
	sentences, tokens           int
	triples, entities, evidence int
	merged                      int // stored entities merged into another the documents show is the same
	bytes                       int64
	start                       time.Time
}

// stored counts one document stored, and what it added.
func (s *ingestStats) stored(sentences, tokens, triples, entities, evidence int) {
	s.docs++
	s.sentences += sentences
	s.tokens += tokens
	s.triples += triples
	s.entities += entities
	s.evidence += evidence
}

// fail counts the input at where as failed and says why on w, clearing the
// progress line first.
func (s *ingestStats) fail(w io.Writer, prog *progress, where, msg string) {
	s.failed++
	prog.clear()
	fmt.Fprintf(w, "kg: %s: %s\n", where, msg)
}

func (s *ingestStats) summary() string {
	secs := time.Since(s.start).Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(s.tokens) / secs
	}
	merged := ""
	if s.merged > 0 {
		merged = fmt.Sprintf(" (%d stored entities merged into another that a document showed to be the same)", s.merged)
	}
	return fmt.Sprintf("ingested %d documents (%d duplicates skipped, %d failed): %d sentences, %d tokens, %d new triples (%d evidence), %d new entities%s in %.1fs (%.0f tokens/s, %.1f MB/s read)",
		s.docs, s.dups, s.failed, s.sentences, s.tokens, s.triples, s.evidence, s.entities, merged, secs, rate, float64(s.bytes)/1e6/max(secs, 1e-9))
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
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	src := source.New(paths, e.stdin, source.Options{})
	stats := &ingestStats{start: time.Now()}
	prog := newProgress(e.stderr, src.Total(), quiet)
	read := make(chan source.Item, 64)
	go src.Run(ctx, read)
	// the store is opened once the input has a document for it: inputs
	// that are missing, unreadable, not text or a pipe nobody writes to
	// are reported without creating or holding a store
	early := untilDocument(read)
	if len(early) == 0 || early[len(early)-1].Err != nil {
		if ctx.Err() != nil {
			return errors.New("interrupted; nothing was ingested")
		}
		for _, it := range early {
			stats.fail(e.stderr, prog, it.Where, it.Err.Error())
		}
		fmt.Fprintln(e.stderr, stats.summary())
		if stats.failed > 0 {
			return errQuiet
		}
		return nil
	}
	items := make(chan source.Item, 64)
	go forward(ctx, early, read, items)
	// a full disk kills Badger with SIGBUS rather than failing a write:
	// refuse before opening, and stop before a batch that could get there
	if err := graph.CheckWrite(e.data); err != nil {
		return e.writeError(err, false)
	}
	st, err := e.open(false)
	if err != nil {
		return e.writeError(err, false)
	}
	defer st.Close()
	ex, err := ingest.New(ingest.Options{Extractor: e.extractor})
	if err != nil {
		return err
	}
	results := make(chan extracted, 16)
	go extractAll(ctx, ex, st, items, results)
	var stop error // why the ingest stopped before the end
	for r := range results {
		if stop != nil {
			continue // until extraction has stopped too
		}
		// store what extraction has ready in one batch, without waiting
		batch, size := []extracted{r}, r.Size
	fill:
		for len(batch) < maxBatch && size < maxBatchText {
			select {
			case r, ok := <-results:
				if !ok {
					break fill
				}
				batch = append(batch, r)
				size += r.Size
			default:
				break fill
			}
		}
		if stop = graph.CheckWrite(e.data); stop == nil {
			stop = storeBatch(ctx, e, st, batch, stats, prog)
		}
		if stop != nil {
			cancel()
		}
	}
	prog.clear()
	if stop != nil {
		fmt.Fprintln(e.stderr, stats.summary())
		return e.writeError(stop, true)
	}
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

// untilDocument reads items up to and including the first document, or
// all of them when none is one.
func untilDocument(read <-chan source.Item) []source.Item {
	var early []source.Item
	for it := range read {
		early = append(early, it)
		if it.Err == nil {
			break
		}
	}
	return early
}

// forward sends early, then what is left of read, to out, and closes it.
func forward(ctx context.Context, early []source.Item, read <-chan source.Item, out chan<- source.Item) {
	defer close(out)
	send := func(it source.Item) bool {
		select {
		case out <- it:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for _, it := range early {
		if !send(it) {
			return
		}
	}
	for it := range read {
		if !send(it) {
			return
		}
	}
}

// maxBatch bounds the documents stored in one call of AddBatch, and
// maxBatchText their input: a batch writes about ten times its text to
// Badger's logs, and free space is checked between batches (graph.MinFree
// counts on a batch writing a few MB at most).
const (
	maxBatch     = 64
	maxBatchText = 256 << 10
)

// storeBatch stores the documents of batch that were extracted and reports
// each one's outcome in order. It returns an *graph.FSError when the file
// system refused a write (full, read-only, permission): the ingest stops,
// and the documents that write was for are not reported, as they are not
// stored.
func storeBatch(ctx context.Context, e *env, st *graph.Store, batch []extracted, stats *ingestStats, prog *progress) error {
	var docs []graph.Document
	for _, r := range batch {
		if r.Err == nil && r.duplicate == "" {
			docs = append(docs, r.doc)
		}
	}
	res := st.AddBatch(ctx, docs)
	fail := func(r extracted, msg string) { stats.fail(e.stderr, prog, r.Where, msg) }
	var refused error
	for _, r := range batch {
		stats.bytes += r.Size
		switch {
		case r.Err != nil:
			fail(r, r.Err.Error())
		case r.duplicate != "":
			stats.dups++
		default:
			a, err := res[0].Added, res[0].Err
			res = res[1:]
			fe, isFS := graph.AsFSError(e.data, true, err)
			switch {
			case err != nil && ctx.Err() != nil:
			case isFS:
				if refused == nil {
					refused = fe
				}
			case errors.Is(err, graph.ErrConflict):
				fail(r, fmt.Sprintf("a different text is already stored as document %q", r.doc.ID))
			case err != nil:
				fail(r, err.Error())
			case a.Duplicate:
				stats.dups++
			default:
				stats.stored(r.doc.Sentences, r.doc.Tokens, a.Triples, a.Entities, a.Evidence)
				stats.merged += a.Merged
			}
		}
		prog.update(stats)
	}
	return refused
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

// writeError says in the user's terms why the store at e.data cannot be
// written, and what became of the ingest: stopped midway, or nothing
// ingested. Other errors pass as they are.
func (e *env) writeError(err error, stopped bool) error {
	then, retry := "nothing was ingested", "free some space (or use --data on another disk) and run the same command again"
	if stopped {
		then = "stopped: every document reported above is stored whole, the rest is not"
		retry = "free some space and run the same command again to finish (what is stored is skipped)"
	}
	var se *graph.SpaceError
	var fe *graph.FSError
	switch {
	case errors.As(err, &se):
		msg := se.Error()
		if se.Dir != filepath.Clean(e.data) {
			msg += " (for a store at " + e.data + ")"
		}
		return fmt.Errorf("%s; %s: %s", msg, then, retry)
	case !errors.As(err, &fe):
		return err
	case fe.Full():
		return fmt.Errorf("the disk of the store at %s is full (%v); %s: %s", e.data, fe.Errno, then, retry)
	}
	what := "write to the store at " + e.data
	if _, err := os.Stat(filepath.Join(e.data, "MANIFEST")); errors.Is(err, os.ErrNotExist) {
		what = "create a store at " + e.data
	}
	switch fe.Errno {
	case syscall.EROFS:
		msg := fmt.Sprintf("cannot %s: %s is on a read-only file system; %s", what, fe.Dir, then)
		if !strings.HasPrefix(what, "create") {
			msg += " (kg stats and kg export can still read it)"
		}
		return errors.New(msg)
	case syscall.EACCES, syscall.EPERM:
		if who := owner(fe.Dir); who != "" {
			return fmt.Errorf("cannot %s: permission denied: %s belongs to %s and kg runs as %s; %s", what, fe.Dir, who, userName(os.Geteuid()), then)
		}
		return fmt.Errorf("cannot %s: permission denied: kg runs as %s, which may not reach %s; %s", what, userName(os.Geteuid()), fe.Dir, then)
	}
	return fmt.Errorf("cannot %s: %v; %s", what, fe, then)
}

// owner names the owner of path, "root (uid 0)", or "" if it cannot tell.
func owner(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return ""
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return ""
	}
	return userName(int(st.Uid))
}

// userName names a user: "nobody (uid 65534)".
func userName(uid int) string {
	if u, err := user.LookupId(strconv.Itoa(uid)); err == nil {
		return fmt.Sprintf("%s (uid %d)", u.Username, uid)
	}
	return fmt.Sprintf("uid %d", uid)
}
