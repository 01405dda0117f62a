package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/ingest"
)

// longTest skips t unless KG_LONG=1: the slow tests of the suite, which
// CI runs.
func longTest(t *testing.T) {
	t.Helper()
	if os.Getenv("KG_LONG") != "1" {
		t.Skip("a long test: run it with KG_LONG=1 (CI does)")
	}
}

// kgBin is the kg command built for the tests that run it as a process:
// once per test run, in a folder everyone may read, so that it runs as
// nobody too. TestMain removes it.
var kgBin struct {
	once     sync.Once
	dir, bin string
	err      error
}

// kgBinary builds the kg command, the first time, and returns its path.
func kgBinary(t *testing.T) string {
	t.Helper()
	kgBin.once.Do(func() {
		if kgBin.dir, kgBin.err = os.MkdirTemp("", "kg-bin-"); kgBin.err != nil {
			return
		}
		if kgBin.err = os.Chmod(kgBin.dir, 0o755); kgBin.err != nil {
			return
		}
		kgBin.bin = filepath.Join(kgBin.dir, "kg")
		if out, err := exec.Command("go", "build", "-o", kgBin.bin, ".").CombinedOutput(); err != nil {
			kgBin.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if kgBin.err != nil {
		t.Fatal(kgBin.err)
	}
	return kgBin.bin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if kgBin.dir != "" {
		os.RemoveAll(kgBin.dir)
	}
	os.Exit(code)
}

// newsInput writes texts as a JSON Lines file in dir, with ids news-0000,
// news-0001, …, and returns its path and the ids.
func newsInput(t *testing.T, dir string, texts []string) (string, []string) {
	t.Helper()
	input := filepath.Join(dir, "news.jsonl")
	ids := make([]string, len(texts))
	var lines []byte
	for i, text := range texts {
		ids[i] = fmt.Sprintf("news-%04d", i)
		b, _ := json.Marshal(map[string]string{"id": ids[i], "text": text})
		lines = append(append(lines, b...), '\n')
	}
	if err := os.WriteFile(input, lines, 0o644); err != nil {
		t.Fatal(err)
	}
	return input, ids
}

// referenceStore adds the documents of input (texts, ids) one at a time to
// a new store in dir/reference, and returns that folder and the store's
// stats after each: after[k] with the first k documents (AddBatch stores
// what Add does: TestAddBatch).
func referenceStore(t *testing.T, dir, input string, texts, ids []string) (string, []graph.Stats) {
	t.Helper()
	ctx := context.Background()
	ex, err := ingest.New(ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	refDir := filepath.Join(dir, "reference")
	ref, err := graph.Open(refDir, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	after := []graph.Stats{{}}
	for i, text := range texts {
		doc, err := ex.Extract(ctx, ingest.Input{ID: ids[i], Source: input, Text: text})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ref.Add(ctx, doc); err != nil {
			t.Fatal(err)
		}
		s, err := ref.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		after = append(after, s)
	}
	return refDir, after
}

// TestKillDuringIngest kills a real kg ingest with SIGKILL at random
// moments, again and again, until a run completes. After every kill the
// store opens, agrees with itself (Store.Check), and holds exactly the
// first documents of the input, each whole: its counts are those of a
// store that had only those documents added. At the end it is the same
// store as one ingest that was never interrupted.
func TestKillDuringIngest(t *testing.T) {
	longTest(t)
	const (
		docs     = 12000
		minKills = 30
	)
	bin := kgBinary(t)
	dir := t.TempDir()
	texts := syntheticNews(docs)
	input, ids := newsInput(t, dir, texts)
	refDir, after := referenceStore(t, dir, input, texts, ids)

	// the kills come from start-up (recovery, loading the parser's
	// model), as timed here on one document, to 2 s past it, so that on a
	// slow machine too most come while documents are stored
	one := filepath.Join(dir, "one.txt")
	if err := os.WriteFile(one, []byte(texts[0]), 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if out, err := exec.Command(bin, "ingest", "--quiet", "--data", filepath.Join(dir, "timing"), one).CombinedOutput(); err != nil {
		t.Fatalf("kg ingest: %v\n%s", err, out)
	}
	span := time.Since(start) + 2*time.Second
	rng := rand.New(rand.NewPCG(7, uint64(time.Now().UnixNano())))
	kills, midway, rounds := 0, 0, 0
	var delays []time.Duration
	// a round ingests into a new store, killing runs until one completes;
	// on a fast machine a round may end before minKills, so rounds go on
	// until there have been that many
	for kills < minKills {
		rounds++
		data := filepath.Join(dir, fmt.Sprintf("store-%d", rounds))
		stored := 0
		for run := 1; ; run++ {
			if run > 200 {
				t.Fatalf("round %d: the ingest did not complete in 200 runs (%d documents stored)", rounds, stored)
			}
			cmd := exec.Command(bin, "ingest", "--quiet", "--data", data, input)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			var err error
			killed := false
			if kills < minKills {
				// from start-up to well into the documents
				delay := 20*time.Millisecond + time.Duration(rng.Int64N(int64(span)))
				select {
				case err = <-exited:
				case <-time.After(delay):
					cmd.Process.Signal(syscall.SIGKILL)
					err = <-exited
					killed = true
					delays = append(delays, delay)
				}
			} else {
				err = <-exited
			}
			if !killed && err != nil {
				t.Fatalf("round %d, run %d: kg ingest failed: %v\n%s", rounds, run, err, stderr.String())
			}
			if strings.Contains(stderr.String(), "panic") {
				t.Fatalf("round %d, run %d: kg ingest panicked:\n%s", rounds, run, stderr.String())
			}
			n := checkPrefix(t, data, ids, after)
			if killed {
				kills++
				if n > stored && n < docs {
					midway++
				}
			}
			stored = n
			if !killed {
				if n != docs {
					t.Fatalf("round %d, run %d completed with %d of %d documents stored", rounds, run, n, docs)
				}
				break
			}
		}
		if exportAll(t, data) != exportAll(t, refDir) {
			t.Errorf("round %d: the store built through kills differs from one built in one go", rounds)
		}
	}
	if midway < minKills/3 {
		t.Errorf("only %d of %d kills came while documents were being stored", midway, kills)
	}
	t.Logf("%d kills in %d rounds (%d while documents were being stored, delays up to %s: %v), each round then completed: %d documents, every check passed",
		kills, rounds, midway, span.Round(time.Millisecond), delays, docs)
}

// checkPrefix opens the store in data, checks it, and returns how many
// documents it holds: they must be the first of ids, and its stats those of
// after[n].
func checkPrefix(t *testing.T, data string, ids []string, after []graph.Stats) int {
	t.Helper()
	ctx := context.Background()
	if _, err := os.Stat(data); os.IsNotExist(err) {
		return 0 // killed before it made the store
	}
	st, err := graph.Open(data, graph.Options{})
	if err != nil {
		t.Fatalf("the store does not open after a kill: %v", err)
	}
	defer st.Close()
	if err := st.Check(ctx); err != nil {
		t.Fatalf("after a kill: %v", err)
	}
	var got []string
	for after := ""; ; {
		page, next, err := st.Documents(ctx, graph.Page{After: after, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range page {
			got = append(got, d.ID)
		}
		if next == "" {
			break
		}
		after = next
	}
	n := len(got)
	if n > len(ids) || !slices.Equal(got, ids[:n]) {
		t.Fatalf("after a kill the store holds %d documents, not the first ones of the input: %v…", n, got[:min(n, 5)])
	}
	s, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if s != after[n] {
		t.Fatalf("after a kill with %d documents stored: stats %+v, want %+v (a document stored in part?)", n, s, after[n])
	}
	return n
}

// exportAll returns the whole store in data: its edges with their
// evidence (jsonl), then its entities (csv).
func exportAll(t *testing.T, data string) string {
	t.Helper()
	var all strings.Builder
	for _, args := range [][]string{{"--format", "jsonl"}, {"--format", "csv", "--what", "nodes"}} {
		code, stdout, stderr := kg(t, "", append([]string{"export", "--data", data}, args...)...)
		if code != 0 {
			t.Fatalf("kg export %v: %s", args, stderr)
		}
		all.WriteString(stdout)
	}
	return all.String()
}

func TestCheck(t *testing.T) {
	data := filepath.Join(t.TempDir(), "store")
	if code, _, stderr := kg(t, article, "ingest", "--data", data, "-"); code != 0 {
		t.Fatalf("kg ingest = exit %d: %s", code, stderr)
	}
	code, stdout, stderr := kg(t, "", "check", "--data", data)
	if code != 0 || !strings.Contains(stdout, "is consistent: 1 documents") {
		t.Errorf("kg check = exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, _, stderr = kg(t, "", "check", "--data", filepath.Join(t.TempDir(), "none"))
	if code != 1 || !strings.Contains(stderr, "no store at") {
		t.Errorf("kg check of no store = exit %d, stderr %q", code, stderr)
	}
}
