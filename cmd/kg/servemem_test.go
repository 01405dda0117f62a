package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kg-builder/kg/graph"
)

// heavyStore writes a store made to make answers heavy: docs documents of
// perDoc triples among hubs entities, each triple with a long evidence
// sentence, so that pages at the limits are as large as the defaults let
// them be.
func heavyStore(t *testing.T, dir string, docs, perDoc, hubs, sentence int) {
	t.Helper()
	st, err := graph.Open(dir, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	words := strings.Fields("the minister said on Tuesday that the company would expand its operations in the region after the agreement was signed by both governments and the bank")
	text := func(seed int) string {
		var b strings.Builder
		for i := 0; b.Len() < sentence; i++ {
			b.WriteString(words[(seed+i*7)%len(words)])
			b.WriteByte(' ')
		}
		return strings.TrimSpace(b.String()) + "."
	}
	name := func(i int) string { return fmt.Sprintf("Hub Entity %03d", i%hubs) }
	batch := make([]graph.Document, 0, 50)
	for d := range docs {
		doc := graph.Document{ID: fmt.Sprintf("doc-%05d", d), Hash: fmt.Sprintf("h%05d", d), Title: "Heavy", Sentences: perDoc, Tokens: perDoc * sentence / 6}
		seen := map[string]bool{}
		for k := range perDoc {
			s, o := name(d*7+k), name(d*13+k*3+1)
			if s == o {
				o = name(d*13 + k*3 + 2)
			}
			for _, n := range []string{s, o} {
				if !seen[n] {
					seen[n] = true
					doc.Entities = append(doc.Entities, graph.Entity{Name: n, Type: graph.Org, Aliases: []string{n}, Mentions: 1})
				}
			}
			tx := text(d*perDoc + k)
			doc.Triples = append(doc.Triples, graph.Triple{
				Subject: s, Relation: fmt.Sprintf("relation %d", k%40), Object: o, SubjectType: graph.Org, ObjectType: graph.Org,
				SubjectText: s, RelationText: "said", ObjectText: o, Confidence: 0.5 + float64(k%5)/10,
				Evidence: []graph.Evidence{{Sentence: k, Text: tx, Start: 0, End: len(tx), SubjectText: s, RelationText: "said", ObjectText: o, Confidence: 0.6}},
			})
		}
		batch = append(batch, doc)
		if len(batch) == cap(batch) || d == docs-1 {
			for _, r := range st.AddBatch(context.Background(), batch) {
				if r.Err != nil {
					t.Fatal(r.Err)
				}
			}
			batch = batch[:0]
		}
	}
}

// TestServeMemory: kg serve within its default limits keeps its peak RSS
// under 1 GiB whatever mix of requests it gets: pages and neighbourhoods
// at the limits of the cost estimate, over them, searches, paths, many
// errors, whole-graph exports, and ingests of long unbroken texts.
func TestServeMemory(t *testing.T) {
	longTest(t)
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("needs /proc to read a process's peak RSS")
	}
	dir := filepath.Join(t.TempDir(), "store")
	start := time.Now()
	heavyStore(t, dir, 1500, 40, 60, 1500)
	t.Logf("store: 1,500 documents, 60,000 triples with 1.5 KB sentences, in %s", time.Since(start).Round(time.Second))

	bin := kgBinary(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "serve", "--data", dir, "--addr", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer cmd.Process.Kill()
	base := ""
	sc := bufio.NewScanner(stderr)
	re := regexp.MustCompile(`GraphQL (http://[0-9.:]+)/graphql`)
	for sc.Scan() {
		if m := re.FindStringSubmatch(sc.Text()); m != nil {
			base = m[1]
			break
		}
	}
	if base == "" {
		t.Fatal("kg serve did not start")
	}
	go io.Copy(io.Discard, stderr)

	long := strings.Repeat("word ", 2<<20/5) // 2 MiB, one sentence
	var aliases strings.Builder
	aliases.WriteString("{")
	for i := range 200 {
		fmt.Fprintf(&aliases, ` entity(name: "n%d") { name }`, i)
	}
	aliases.WriteString(" }")
	queries := []struct {
		query string
		vars  map[string]any
	}{
		// just under the cost limit, 23,000 sentences of 1.5 KB: over the answer cap
		{`{ triples(first: 1000) { nodes { evidence(first: 23) { nodes { text } } } } }`, nil},
		{`{ triples(first: 1000) { nodes { subject { name aliases outgoing(first: 20) { nodes { relation object { name } } } } relation object { name } } } }`, nil},
		{`{ neighborhood(name: "Hub Entity 001", depth: 3, limit: 1000) { nodes { name } edges { relation evidence(first: 10) { nodes { text } } } } }`, nil},
		{`{ paths(from: "Hub Entity 001", to: "Hub Entity 042", maxDepth: 6, first: 50) { nodes { name } edges { relation } } }`, nil},
		{`{ entities(query: "hub entty", first: 1000) { nodes { name aliases } totalCount } }`, nil},
		{`{ triples(minConfidence: 0.55, first: 1000) { totalCount nodes { relation } } }`, nil},
		// over the limits: refused
		{`{ triples(first: 1000) { nodes { evidence(first: 1000) { nodes { text } } } } }`, nil},
		{aliases.String(), nil},
		{`mutation($t: String!) { ingest(text: $t, id: "long") { documentId sentences } }`, map[string]any{"t": long}},
		{`mutation($t: String!) { ingest(text: $t) { documentId sentences } }`, map[string]any{"t": strings.Repeat("Acme Corp bought Widget Inc for 5 mln dlrs. ", 1<<20/44)}},
	}
	deadline := time.Now().Add(45 * time.Second)
	var wg sync.WaitGroup
	var done, failed atomic.Int64
	client := &http.Client{Timeout: 2 * time.Minute}
	for w := range 12 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; time.Now().Before(deadline); i++ {
				var resp *http.Response
				var err error
				if i%6 == 5 {
					resp, err = client.Get(base + "/export?format=jsonl")
				} else {
					q := queries[i%len(queries)]
					b, _ := json.Marshal(map[string]any{"query": q.query, "variables": q.vars})
					resp, err = client.Post(base+"/graphql", "application/json", bytes.NewReader(b))
				}
				if err != nil {
					failed.Add(1)
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				done.Add(1)
			}
		}()
	}
	wg.Wait()
	// a cheap query still answers
	resp, err := client.Get(base + "/graphql?" + url.Values{"query": {"{ stats { documents } }"}}.Encode())
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("stats after the load: %v %v", resp, err)
	}
	resp.Body.Close()
	hwm := peakRSS(t, cmd.Process.Pid)
	t.Logf("%d requests (%d failed to connect) in 45 s; kg serve peak RSS %d MiB", done.Load(), failed.Load(), hwm>>20)
	if hwm >= 1<<30 {
		t.Errorf("kg serve peak RSS %d MiB, want under 1 GiB", hwm>>20)
	}
}

// peakRSS reads a process's peak resident set size (VmHWM), in bytes.
func peakRSS(t *testing.T, pid int) int64 {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest)
			n, err := strconv.ParseInt(f[0], 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return n << 10
		}
	}
	t.Fatal("no VmHWM")
	return 0
}
