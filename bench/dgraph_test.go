package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/schema"

	"github.com/kg-builder/kg/internal/dgraphtest"
)

// dgraphArticles is how many Reuters articles the Dgraph figures are
// measured on.
const dgraphArticles = 4000

// BenchmarkDgraph measures the way to Dgraph on the first 4,000 Reuters
// articles, with a Dgraph cluster of a zero and two alphas on this
// machine (../shared/tools/dgraph/dgraph, or KG_DGRAPH): kg export
// --format dgraph; dgraph live loading it (N-Quads/s, edges/s); kg push
// of the whole store into an empty Dgraph (under another store id) and of
// what 500 more articles change; and the neighbourhood of a hub at depth
// 2, in kg (in process) and in Dgraph (DQL over HTTP), p50 and p99.
func BenchmarkDgraph(b *testing.B) {
	bin := os.Getenv("KG_DGRAPH")
	if bin == "" {
		bin, _ = filepath.Abs("../../shared/tools/dgraph/dgraph")
	}
	if _, err := os.Stat(bin); err != nil {
		b.Skip("no Dgraph binary (set KG_DGRAPH):", err)
	}
	lines(b)
	for range b.N {
		benchDgraph(b, bin)
	}
}

func benchDgraph(b *testing.B, bin string) {
	s := ingest(b, dgraphArticles)
	b.Logf("store of %d articles: %d entities, %d edges, %d evidence", dgraphArticles, s.stats.Entities, s.stats.Triples, s.stats.Evidence)
	c := dgraphtest.Start(b, bin, 512)
	alpha, alphaGRPC, zero := c.Alpha, c.AlphaGRPC, c.ZeroGRPC

	out := filepath.Join(work, "dgraph-export")
	os.RemoveAll(out)
	r := kg(b, "export", "--data", s.dir, "--format", "dgraph", "--out", out)
	data, err := os.ReadFile(filepath.Join(out, "kg.rdf"))
	if err != nil {
		b.Fatal(err)
	}
	nq := bytes.Count(data, []byte(" .\n"))
	b.ReportMetric(float64(nq)/r.wall.Seconds(), "export-nquads/s")

	live := exec.Command(bin, "live", "--files", filepath.Join(out, "kg.rdf"), "--schema", filepath.Join(out, "kg.dql"),
		"--upsertPredicate", "xid", "--alpha", alphaGRPC, "--zero", zero)
	live.Dir = b.TempDir()
	start := time.Now()
	if lo, err := live.CombinedOutput(); err != nil {
		b.Fatalf("dgraph live: %v\n%s", err, lo)
	}
	el := time.Since(start)
	b.ReportMetric(float64(nq), "nquads")
	b.ReportMetric(float64(nq)/el.Seconds(), "live-nquads/s")
	b.ReportMetric(float64(s.stats.Triples)/el.Seconds(), "live-edges/s")
	b.Logf("dgraph live: %d N-Quads, %d edges in %v", nq, s.stats.Triples, el.Round(time.Millisecond))

	// the whole store again, as another store: a full push
	start = time.Now()
	out1 := kgOut(b, "push", "--data", s.dir, "--dgraph", alpha, "--store-id", "benchfull", "--batch", "500")
	el = time.Since(start)
	b.Logf("kg push (everything) in %v:\n%s", el.Round(time.Millisecond), out1)
	b.ReportMetric(pushed(out1, "N-Quads")/el.Seconds(), "push-full-nquads/s")
	b.ReportMetric(pushed(out1, "triples")/el.Seconds(), "push-full-edges/s")

	// 500 more articles, then what changed
	more := slice(b, dgraphArticles+500)
	kg(b, "ingest", "--quiet", "--data", s.dir, more)
	start = time.Now()
	out2 := kgOut(b, "push", "--data", s.dir, "--dgraph", alpha, "--batch", "500")
	el = time.Since(start)
	b.Logf("kg push (500 more articles) in %v:\n%s", el.Round(time.Millisecond), out2)
	b.ReportMetric(pushed(out2, "N-Quads")/el.Seconds(), "push-changes-nquads/s")
	b.ReportMetric(pushed(out2, "triples")/el.Seconds(), "push-changes-edges/s")

	// the neighbourhood of a hub at depth 2, in kg and in Dgraph
	st, err := graph.Open(s.dir, graph.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	hubID, hub := hubOf(b, st)
	var store string
	st.Snapshot(context.Background(), func(sn *graph.Snapshot) error { store, err = sn.StoreID(); return err })
	sch, err := schema.New(st, schema.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	const runs = 300
	kgQ := `query($n: String!) { neighborhood(name: $n, depth: 2, limit: 100) { nodes { id name type } edges { id subject { id } relation object { id } } } }`
	vars := map[string]any{"n": hub}
	lat := timeRuns(b, runs, func() error {
		if r := sch.Exec(context.Background(), kgQ, "", vars); len(r.Errors) > 0 {
			return fmt.Errorf("%v", r.Errors)
		}
		return nil
	})
	b.ReportMetric(ms(lat[len(lat)/2]), "kg-neighborhood2-p50-ms")
	b.ReportMetric(ms(lat[len(lat)*99/100]), "kg-neighborhood2-p99-ms")
	// the same walk in DQL: statements out of and into the hub, their
	// other ends, and theirs; kg stops at 100 entities, and DQL has no
	// such bound over a whole walk, so 5 each way at each step: 10 at
	// depth 1, 100 at depth 2, about what kg returns
	level := func(inner string) string {
		return `out: ~kg.subject (first: 5) { kg.relation kg.object { uid kg.id kg.name kg.type ` + inner + ` } }
		in: ~kg.object (first: 5) { kg.relation kg.subject { uid kg.id kg.name kg.type ` + inner + ` } }`
	}
	dql := `{ n(func: eq(xid, "` + store + "." + hubID + `")) { uid kg.id kg.name kg.type ` + level(level("")) + ` } }`
	client := &http.Client{}
	lat = timeRuns(b, runs, func() error {
		resp, err := client.Post(alpha+"/query", "application/dql", strings.NewReader(dql))
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil || resp.StatusCode != 200 || !bytes.Contains(body, []byte(`"kg.id":"`+hubID+`"`)) {
			return fmt.Errorf("DQL: %d %v %.300s", resp.StatusCode, err, body)
		}
		return nil
	})
	b.ReportMetric(ms(lat[len(lat)/2]), "dgraph-neighborhood2-p50-ms")
	b.ReportMetric(ms(lat[len(lat)*99/100]), "dgraph-neighborhood2-p99-ms")
	b.Logf("hub %s %s", hubID, hub)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// timeRuns times n calls of do, one after the other, sorted.
func timeRuns(b *testing.B, n int, do func() error) []time.Duration {
	b.Helper()
	lat := make([]time.Duration, n)
	for i := range lat {
		start := time.Now()
		if err := do(); err != nil {
			b.Fatal(err)
		}
		lat[i] = time.Since(start)
	}
	slices.Sort(lat)
	return lat
}

// hubOf is the named entity (not a CONCEPT) with the most edges.
func hubOf(b *testing.B, st *graph.Store) (id, name string) {
	b.Helper()
	n := map[string]int{}
	names := map[string]string{}
	err := st.Each(context.Background(), func(t graph.Triple) error {
		if t.SubjectType != graph.Concept {
			n[t.SubjectID]++
			names[t.SubjectID] = t.Subject
		}
		if t.ObjectType != graph.Concept {
			n[t.ObjectID]++
			names[t.ObjectID] = t.Object
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	for e, c := range n {
		if id == "" || c > n[id] || c == n[id] && e < id {
			id = e
		}
	}
	return id, names[id]
}

// kgOut runs kg and returns its standard output.
func kgOut(b *testing.B, args ...string) string {
	b.Helper()
	bin, err := kgBinary()
	if err != nil {
		b.Fatal(err)
	}
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		b.Fatalf("kg %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// pushed reads a number kg push printed before word: "1234 N-Quads",
// "56 triples".
func pushed(out, word string) float64 {
	f := strings.Fields(out)
	for i := 1; i < len(f); i++ {
		if strings.HasPrefix(f[i], word) {
			if v, err := strconv.ParseFloat(strings.TrimPrefix(f[i-1], "("), 64); err == nil && !strings.HasSuffix(f[i], "/s)") && !strings.HasSuffix(f[i], "/s,") {
				return v
			}
		}
	}
	return 0
}
