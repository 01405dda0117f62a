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

// crashBinary builds the kg command into a temporary folder.
func crashBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "kg")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
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
	bin := crashBinary(t)
	dir := t.TempDir()
	input := filepath.Join(dir, "news.jsonl")
	texts := syntheticNews(docs)
	ids := make([]string, docs)
	var lines []byte
	for i, text := range texts {
		ids[i] = fmt.Sprintf("news-%04d", i)
		b, _ := json.Marshal(map[string]string{"id": ids[i], "text": text})
		lines = append(append(lines, b...), '\n')
	}
	if err := os.WriteFile(input, lines, 0o644); err != nil {
		t.Fatal(err)
	}

	// the reference: the documents added one at a time, with the store's
	// stats after each (AddBatch stores what Add does: TestAddBatch)
	ctx := context.Background()
	ex, err := ingest.New()
	if err != nil {
		t.Fatal(err)
	}
	refDir := filepath.Join(dir, "reference")
	ref, err := graph.Open(refDir, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	after := []graph.Stats{{}} // after[k]: stats with the first k documents
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
	ref.Close()

	data := filepath.Join(dir, "store")
	rng := rand.New(rand.NewPCG(7, uint64(time.Now().UnixNano())))
	kills, midway, stored := 0, 0, 0
	var delays []time.Duration
	for run := 1; ; run++ {
		if run > 200 {
			t.Fatalf("the ingest did not complete in 200 runs (%d documents stored)", stored)
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
			// from start-up (recovery, model loading: about 0.4 s) to
			// well into the documents
			delay := time.Duration(20+rng.IntN(2000)) * time.Millisecond
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
			t.Fatalf("run %d: kg ingest failed: %v\n%s", run, err, stderr.String())
		}
		if strings.Contains(stderr.String(), "panic") {
			t.Fatalf("run %d: kg ingest panicked:\n%s", run, stderr.String())
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
				t.Fatalf("run %d completed with %d of %d documents stored", run, n, docs)
			}
			break
		}
	}
	if midway < minKills/3 {
		t.Errorf("only %d of %d kills came while documents were being stored", midway, kills)
	}
	got := exportAll(t, data)
	want := exportAll(t, refDir)
	if got != want {
		t.Errorf("the store built through %d kills differs from one built in one go", kills)
	}
	t.Logf("%d kills (%d while documents were being stored, delays %v), then a run completed: %d documents, every check passed",
		kills, midway, delays, docs)
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
