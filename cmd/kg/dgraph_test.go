package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/kg-builder/kg/graph"

	"github.com/kg-builder/kg/internal/dgraphtest"
)

// dgraphBinary is the Dgraph binary the cluster tests run: KG_DGRAPH, or
// the one beside the project (../shared/tools/dgraph/dgraph from the
// repository's root).
func dgraphBinary(t *testing.T) string {
	t.Helper()
	bin := os.Getenv("KG_DGRAPH")
	if bin == "" {
		bin, _ = filepath.Abs("../../../shared/tools/dgraph/dgraph")
	}
	if _, err := os.Stat(bin); err != nil {
		requireE2E(t, "no Dgraph binary at %s (set KG_DGRAPH to one): %v", bin, err)
	}
	return bin
}

// post sends body to Dgraph and decodes its answer's data into out.
func dgraphPost(t *testing.T, u, contentType, body string, out any) {
	t.Helper()
	resp, err := http.Post(u, contentType, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var r struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.Unmarshal(b, &r); err != nil || len(r.Errors) > 0 || resp.StatusCode != 200 {
		t.Fatalf("POST %s = %d %s", u, resp.StatusCode, b)
	}
	if out != nil {
		if err := json.Unmarshal(r.Data, out); err != nil {
			t.Fatalf("POST %s: %v: %s", u, err, b)
		}
	}
}

// kgGraph is the store as kg export shows it, one line per entity and
// per edge (with its evidence), sorted, in the store's ids.
func kgGraph(t *testing.T, data string) []string {
	t.Helper()
	code, nodes, errOut := kg(t, "", "export", "--data", data, "--format", "csv", "--what", "nodes")
	if code != 0 {
		t.Fatalf("kg export nodes: %s", errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(nodes)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows[1:] { // id,name,type,mentions,aliases
		al := strings.Split(r[4], ";")
		slices.Sort(al)
		m, _ := strconv.Atoi(r[3])
		out = append(out, entityLine(r[0], r[1], r[2], m, al))
	}
	code, edges, errOut := kg(t, "", "export", "--data", data, "--format", "jsonl")
	if code != 0 {
		t.Fatalf("kg export jsonl: %s", errOut)
	}
	dec := json.NewDecoder(strings.NewReader(edges))
	for dec.More() {
		var e struct {
			ID              string
			Subject, Object struct{ ID string }
			Relation        string
			RelationText    string `json:"relation_text"`
			Confidence      float64
			Count           int
			Negated         bool
			Modality        string
			AttributedTo    string `json:"attributed_to"`
			Evidence        []struct {
				Document       struct{ ID string }
				Sentence       int
				Start, End     int
				Text           string
				Confidence     float64
				AttributedToEv string `json:"attributed_to"`
				SubjectText    string `json:"subject_text"`
				RelationTextEv string `json:"relation_text"`
				ObjectText     string `json:"object_text"`
			}
		}
		if err := dec.Decode(&e); err != nil {
			t.Fatal(err)
		}
		var evs []string
		for _, v := range e.Evidence {
			evs = append(evs, evidenceLine(v.Document.ID, v.Sentence, v.Start, v.End, v.Text, v.Confidence))
		}
		out = append(out, tripleLine(e.ID, e.Subject.ID, e.Relation, e.Object.ID, e.RelationText, e.Confidence, e.Count, e.Negated, e.Modality, e.AttributedTo, evs))
	}
	slices.Sort(out)
	return out
}

func entityLine(id, name, typ string, mentions int, aliases []string) string {
	return fmt.Sprintf("entity %s %q %s ×%d %q", id, name, typ, mentions, aliases)
}

func evidenceLine(doc string, n, start, end int, text string, conf float64) string {
	return fmt.Sprintf("%s#%d[%d:%d] %q %.4f", doc, n, start, end, text, conf)
}

func tripleLine(id, s, rel, o, relText string, conf float64, count int, neg bool, mod, attr string, evs []string) string {
	slices.Sort(evs)
	return fmt.Sprintf("triple %s %s -%s-> %s %q conf %.4f ×%d neg %v mod %q attr %q evidence %q", id, s, rel, o, relText, conf, count, neg, mod, attr, evs)
}

// dqlGraph reads the nodes of store back through DQL, as kgGraph shows
// the store, and counts the evidence and document nodes that are there.
func dqlGraph(t *testing.T, c *dgraphtest.Cluster, store string) (lines []string, evidence, docs int) {
	t.Helper()
	q := `{
  e(func: type(kg.Entity)) { xid kg.id kg.name kg.type kg.mentions kg.alias }
  t(func: type(kg.Triple)) { xid kg.id kg.subject { kg.id } kg.relation kg.object { kg.id } kg.relationText kg.confidence kg.count kg.negated kg.modality kg.attributedTo
    kg.evidence { xid kg.document { kg.id } kg.sentence kg.start kg.end kg.text kg.confidence } }
  v(func: type(kg.Evidence)) { xid }
  d(func: type(kg.Document)) { xid }
}`
	type ref struct {
		ID string `json:"kg.id"`
	}
	var r struct {
		E []struct {
			XID      string   `json:"xid"`
			ID       string   `json:"kg.id"`
			Name     string   `json:"kg.name"`
			Type     string   `json:"kg.type"`
			Mentions int      `json:"kg.mentions"`
			Alias    []string `json:"kg.alias"`
		}
		T []struct {
			XID          string  `json:"xid"`
			ID           string  `json:"kg.id"`
			Subject      ref     `json:"kg.subject"`
			Relation     string  `json:"kg.relation"`
			Object       ref     `json:"kg.object"`
			RelationText string  `json:"kg.relationText"`
			Confidence   float64 `json:"kg.confidence"`
			Count        int     `json:"kg.count"`
			Negated      bool    `json:"kg.negated"`
			Modality     string  `json:"kg.modality"`
			AttributedTo string  `json:"kg.attributedTo"`
			Evidence     []struct {
				XID        string  `json:"xid"`
				Document   ref     `json:"kg.document"`
				Sentence   int     `json:"kg.sentence"`
				Start      int     `json:"kg.start"`
				End        int     `json:"kg.end"`
				Text       string  `json:"kg.text"`
				Confidence float64 `json:"kg.confidence"`
			} `json:"kg.evidence"`
		}
		V, D []struct {
			XID string `json:"xid"`
		}
	}
	dgraphPost(t, c.Alpha+"/query", "application/dql", q, &r)
	mine := func(xid string) bool { return strings.HasPrefix(xid, store+".") }
	for _, e := range r.E {
		if mine(e.XID) {
			slices.Sort(e.Alias)
			lines = append(lines, entityLine(e.ID, e.Name, e.Type, e.Mentions, e.Alias))
		}
	}
	for _, x := range r.T {
		if !mine(x.XID) {
			continue
		}
		var evs []string
		for _, v := range x.Evidence {
			evs = append(evs, evidenceLine(v.Document.ID, v.Sentence, v.Start, v.End, v.Text, v.Confidence))
		}
		lines = append(lines, tripleLine(x.ID, x.Subject.ID, x.Relation, x.Object.ID, x.RelationText, x.Confidence, x.Count, x.Negated, x.Modality, x.AttributedTo, evs))
	}
	for _, v := range r.V {
		if mine(v.XID) {
			evidence++
		}
	}
	for _, d := range r.D {
		if mine(d.XID) {
			docs++
		}
	}
	slices.Sort(lines)
	return lines, evidence, docs
}

// graphqlGraph reads the nodes of store back through Dgraph's GraphQL,
// with the schema kg export wrote, as kgGraph shows the store.
func graphqlGraph(t *testing.T, c *dgraphtest.Cluster, store string) []string {
	t.Helper()
	q := `{ queryEntity { xid id name type mentions aliases }
  queryTriple { xid id subject { id } relation object { id } relationText confidence count negated modality attributedTo
    evidence { document { id } sentence start end text confidence } } }`
	body, _ := json.Marshal(map[string]string{"query": q})
	type ref struct{ ID string }
	var r struct {
		QueryEntity []struct {
			XID, ID, Name, Type string
			Mentions            int
			Aliases             []string
		}
		QueryTriple []struct {
			XID, ID                                        string
			Subject, Object                                ref
			Relation, RelationText, Modality, AttributedTo string
			Confidence                                     float64
			Count                                          int
			Negated                                        bool
			Evidence                                       []struct {
				Document   ref
				Sentence   int
				Start, End int
				Text       string
				Confidence float64
			}
		}
	}
	dgraphPost(t, c.Alpha+"/graphql", "application/json", string(body), &r)
	var lines []string
	mine := func(xid string) bool { return strings.HasPrefix(xid, store+".") }
	for _, e := range r.QueryEntity {
		if mine(e.XID) {
			slices.Sort(e.Aliases)
			lines = append(lines, entityLine(e.ID, e.Name, e.Type, e.Mentions, e.Aliases))
		}
	}
	for _, x := range r.QueryTriple {
		if !mine(x.XID) {
			continue
		}
		var evs []string
		for _, v := range x.Evidence {
			evs = append(evs, evidenceLine(v.Document.ID, v.Sentence, v.Start, v.End, v.Text, v.Confidence))
		}
		lines = append(lines, tripleLine(x.ID, x.Subject.ID, x.Relation, x.Object.ID, x.RelationText, x.Confidence, x.Count, x.Negated, x.Modality, x.AttributedTo, evs))
	}
	slices.Sort(lines)
	return lines
}

// sameGraph checks that Dgraph, through DQL and GraphQL, holds exactly
// what kg export shows of the store in data: every entity and edge, each
// once, with its evidence, no evidence node left over, and a node for
// every document.
func sameGraph(t *testing.T, c *dgraphtest.Cluster, data, store, when string) {
	t.Helper()
	want := kgGraph(t, data)
	got, evidence, docs := dqlGraph(t, c, store)
	st, err := openStore(data)
	if err != nil {
		t.Fatal(err)
	}
	stats, err := st.Stats(context.Background())
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if docs != stats.Documents {
		t.Errorf("%s: %d document nodes in Dgraph, want %d", when, docs, stats.Documents)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s: DQL reads back (-kg export +Dgraph):\n%s", when, diff)
	}
	wantEv := 0
	for _, l := range want {
		wantEv += strings.Count(l, "#") // one document#sentence per evidence
	}
	if evidence != wantEv {
		t.Errorf("%s: %d evidence nodes in Dgraph, want %d", when, evidence, wantEv)
	}
	if diff := cmp.Diff(want, graphqlGraph(t, c, store)); diff != "" {
		t.Errorf("%s: GraphQL reads back (-kg export +Dgraph):\n%s", when, diff)
	}
}

// pushedSeq reads the change sequence Dgraph holds for store.
func pushedSeq(t *testing.T, c *dgraphtest.Cluster, store string) int {
	t.Helper()
	var r struct {
		S []struct {
			P int `json:"kg.pushed"`
		}
	}
	dgraphPost(t, c.Alpha+"/query", "application/dql", `{ s(func: eq(xid, "`+store+`")) { kg.pushed } }`, &r)
	if len(r.S) != 1 {
		t.Fatalf("%d nodes for store %s, want 1", len(r.S), store)
	}
	return r.S[0].P
}

func openStore(data string) (*graph.Store, error) {
	return graph.Open(data, graph.Options{ReadOnly: true})
}

// TestDgraph runs a real Dgraph cluster (a zero, two alphas), loads the
// demo store's dgraph export into it with dgraph live, and compares what
// DQL and Dgraph's GraphQL read back with kg export; then deletes a
// document and merges two entities, pushes, and compares again; then
// kills a push midway (kill -9 just after Dgraph committed a request) and
// shows that running it again completes it exactly; and pushes a second
// store into the same Dgraph without touching the first.
func TestDgraph(t *testing.T) {
	longTest(t)
	bin := dgraphBinary(t)
	began := time.Now()
	c := dgraphtest.Start(t, bin, 256)
	t.Logf("cluster up in %v", time.Since(began).Round(time.Millisecond))

	data := filepath.Join(t.TempDir(), "store")
	if code, _, errOut := kg(t, "", "ingest", "--data", data, "../../examples/news"); code != 0 {
		t.Fatalf("kg ingest: %s", errOut)
	}
	out := filepath.Join(t.TempDir(), "dg")
	code, _, errOut := kg(t, "", "export", "--data", data, "--format", "dgraph", "--out", out)
	if code != 0 {
		t.Fatalf("kg export --format dgraph: %s", errOut)
	}
	store, err := func() (string, error) {
		st, err := openStore(data)
		if err != nil {
			return "", err
		}
		defer st.Close()
		return storeID(context.Background(), st)
	}()
	if err != nil || store == "" {
		t.Fatalf("store id %q, %v", store, err)
	}

	live := exec.Command(bin, "live", "--files", filepath.Join(out, "kg.rdf"), "--schema", filepath.Join(out, "kg.dql"),
		"--upsertPredicate", "xid", "--alpha", c.AlphaGRPC, "--zero", c.ZeroGRPC)
	live.Dir = t.TempDir()
	lo, err := live.CombinedOutput()
	if err != nil {
		t.Fatalf("dgraph live: %v\n%s", err, lo)
	}
	warned := regexp.MustCompile(`(?mi)^[WE]\d{4} |warning|error:`)
	if warned.Match(lo) || !bytes.Contains(lo, []byte("N-Quads processed")) {
		t.Errorf("dgraph live warned:\n%s", lo)
	}
	// dgraph bulk reads the same files, into a folder of its own (an
	// alpha would serve it), with the same zero
	bulk := exec.Command(bin, "bulk", "-f", filepath.Join(out, "kg.rdf"), "-s", filepath.Join(out, "kg.dql"), "--zero", c.ZeroGRPC,
		"--out", "out", "--tmp", "tmp", "--map_shards", "1", "--reduce_shards", "1", "--store_xids")
	bulk.Dir = t.TempDir()
	if bo, err := bulk.CombinedOutput(); err != nil || warned.Match(bo) {
		t.Errorf("dgraph bulk: %v\n%s", err, bo)
	}
	gql, err := os.ReadFile(filepath.Join(out, "kg.graphql"))
	if err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(500 * time.Millisecond) {
		// the GraphQL admin API starts after /health says healthy
		resp, err := http.Post(c.Alpha+"/admin/schema", "application/graphql", bytes.NewReader(gql))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.Contains(string(b), `"Success"`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("applying kg.graphql: %s", b)
		}
	}
	time.Sleep(time.Second) // the GraphQL schema reaches every alpha
	sameGraph(t, c, data, store, "after dgraph live")

	// a delete and a merge, pushed
	if code, _, errOut := kg(t, "", "query", "--data", data, `mutation { deleteDocument(id: "news/01-helsinki-talks.txt") { document { id } } }`); code != 0 {
		t.Fatalf("deleteDocument: %s", errOut)
	}
	if code, _, errOut := kg(t, "", "merge", "--data", data, "Nordhavn Energy", "Saarepuu"); code != 0 {
		t.Fatalf("kg merge: %s", errOut)
	}
	code, pushOut, errOut := kg(t, "", "push", "--data", data, "--dgraph", c.Alpha)
	if code != 0 {
		t.Fatalf("kg push: %s", errOut)
	}
	t.Logf("kg push:\n%s", pushOut)
	if !strings.Contains(pushOut, "deleted") || !strings.Contains(pushOut, "as store "+store) {
		t.Errorf("kg push says:\n%s", pushOut)
	}
	sameGraph(t, c, data, store, "after a delete, a merge and kg push")

	// more changes; a push killed just after Dgraph committed its third
	// request, before the push heard back
	if code, _, errOut := kg(t, "", "query", "--data", data, `mutation { deleteDocument(id: "news/03-brenner-water-grabbing.txt") { document { id } } }`); code != 0 {
		t.Fatalf("deleteDocument: %s", errOut)
	}
	if code, _, errOut := kg(t, "", "split", "--data", data, "Nordhavn Energy", "Saarepuu"); code != 0 {
		t.Fatalf("kg split: %s", errOut)
	}
	before := pushedSeq(t, c, store)
	target, _ := url.Parse(c.Alpha)
	proxy := httputil.NewSingleHostReverseProxy(target)
	var mutations atomic.Int32
	var pushCmd atomic.Pointer[exec.Cmd]
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/mutate") && mutations.Add(1) == 3 {
			rec := httptest.NewRecorder()
			proxy.ServeHTTP(rec, r) // Dgraph commits it
			if cmd := pushCmd.Load(); cmd != nil {
				cmd.Process.Kill() // SIGKILL: the push never hears back
			}
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	defer srv.Close()
	cmd := exec.Command(kgBinary(t), "push", "--data", data, "--dgraph", srv.URL, "--batch", "5")
	var killedOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &killedOut, &killedOut
	pushCmd.Store(cmd)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("the push was not killed (%v, %d mutations): %s", err, mutations.Load(), killedOut.String())
	}
	if got := pushedSeq(t, c, store); got != before {
		t.Errorf("after the killed push Dgraph says %d was pushed, want still %d", got, before)
	}
	code, pushOut, errOut = kg(t, "", "push", "--data", data, "--dgraph", c.Alpha)
	if code != 0 {
		t.Fatalf("kg push after kill -9: %s", errOut)
	}
	t.Logf("kg push after kill -9:\n%s", pushOut)
	sameGraph(t, c, data, store, "after a push killed midway and run again")

	// a second store in the same Dgraph: its own nodes, the first's kept
	data2 := filepath.Join(t.TempDir(), "store2")
	if code, _, errOut := kg(t, "", "ingest", "--data", data2, "../../examples/news/01-helsinki-talks.txt"); code != 0 {
		t.Fatalf("kg ingest: %s", errOut)
	}
	if code, _, errOut := kg(t, "", "push", "--data", data2, "--dgraph", c.Alpha2); code != 0 {
		t.Fatalf("kg push, second store: %s", errOut)
	}
	st2, err := openStore(data2)
	if err != nil {
		t.Fatal(err)
	}
	store2, _ := storeID(context.Background(), st2)
	st2.Close()
	if store2 == store {
		t.Fatalf("two stores share the id %s", store)
	}
	sameGraph(t, c, data, store, "the first store, after a second one was pushed")
	sameGraph(t, c, data2, store2, "the second store")
	t.Logf("TestDgraph took %v", time.Since(began).Round(time.Millisecond))
}
