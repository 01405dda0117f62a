package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/kg-builder/kg/graph"
)

const article = `Harbour Talks Resume in Tallinn

TALLINN, May 2 - Estonian Prime Minister Liis Kuusik met Latvian Foreign Minister Andris Ozols in Tallinn on Tuesday.

Kuusik said the two governments had agreed to build a new ferry terminal. Ozols did not attend the dinner.
`

// kg runs the command line with the given stdin and returns its exit
// status, stdout and stderr.
func kg(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestIngestExportQuery(t *testing.T) {
	data := filepath.Join(t.TempDir(), "store")
	in := writeFiles(t, map[string]string{
		"news/tallinn.txt":  article,
		"news/notes.md":     "# Notes\n\n- Maria Lind joined Nordbank as chief economist.\n",
		"news/feed.jsonl":   `{"id": "feed-1", "title": "Bank Deal", "text": "Nordbank acquired Danube Logistics in March."}` + "\n" + `{"id": "feed-2", "text": ` + "\n" + `{"id": "feed-3"}` + "\n",
		"news/binary.txt":   "\x00\x01\x02binary",
		"news/latin1.txt":   "caf\xe9 au lait",
		"news/empty.txt":    "  \n",
		"news/ignored.json": `{"text": "not read by a folder walk"}`,
		"news/.hidden.txt":  "Hidden files are skipped.",
	})
	code, _, stderr := kg(t, "", "ingest", "--data", data, filepath.Join(in, "news"))
	if code != 1 {
		t.Errorf("kg ingest with bad files = exit %d, want 1; stderr:\n%s", code, stderr)
	}
	for _, want := range []string{"binary.txt: not text: binary file", "latin1.txt: not text: invalid UTF-8",
		"empty.txt: empty", "feed.jsonl:2: not a JSON object", `feed.jsonl:3: no "text" field`,
		"ingested 3 documents (0 duplicates skipped, 5 failed)"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("kg ingest stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "hidden") || strings.Contains(stderr, "ignored.json") {
		t.Errorf("kg ingest read a hidden or non-text file:\n%s", stderr)
	}

	// ingesting the same text again adds nothing
	code, _, stderr = kg(t, "", "ingest", "--data", data, filepath.Join(in, "news", "tallinn.txt"))
	if code != 0 || !strings.Contains(stderr, "ingested 0 documents (1 duplicates skipped, 0 failed)") {
		t.Errorf("re-ingest = exit %d, stderr:\n%s", code, stderr)
	}

	code, stdout, stderr := kg(t, "", "export", "--data", data, "--format", "csv")
	if code != 0 {
		t.Fatalf("kg export = exit %d: %s", code, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil {
		t.Fatalf("export is not CSV: %v\n%s", err, stdout)
	}
	if diff := cmp.Diff(csvHeader, rows[0]); diff != "" {
		t.Errorf("CSV header (-want +got):\n%s", diff)
	}
	have := map[string]bool{}
	for _, r := range rows[1:] {
		have[r[0]+"|"+r[1]+"|"+r[2]+"|"+r[3]+"|"+r[4]] = true
	}
	for _, want := range []string{
		"Liis Kuusik|meet|Andris Ozols|PERSON|PERSON",
		"Maria Lind|join|Nordbank|PERSON|" + typeOf(t, data, "Nordbank"),
		"Nordbank|acquire|Danube Logistics|" + typeOf(t, data, "Nordbank") + "|" + typeOf(t, data, "Danube Logistics"),
	} {
		if !have[want] {
			t.Errorf("export lacks %s; rows:\n%v", want, rows)
		}
	}

	// to a file
	out := filepath.Join(t.TempDir(), "graph.csv")
	if code, _, stderr := kg(t, "", "export", "--data", data, "--out", out); code != 0 {
		t.Fatalf("kg export --out = exit %d: %s", code, stderr)
	}
	if b, err := os.ReadFile(out); err != nil || string(b) != stdout {
		t.Errorf("export --out wrote %d bytes (err %v), want the %d bytes of stdout", len(b), err, len(stdout))
	}

	code, stdout, _ = kg(t, "", "query", "--data", data, `query($n: String!) { entity(name: $n) { name type aliases outgoing { nodes { relation object { name } negated } } } }`, "--vars", `{"n": "kuusik"}`)
	if code != 0 {
		t.Fatalf("kg query = exit %d: %s", code, stdout)
	}
	var resp struct {
		Data struct {
			Entity struct {
				Name     string
				Type     string
				Aliases  []string
				Outgoing struct {
					Nodes []struct {
						Relation string
						Object   struct{ Name string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &resp); err != nil {
		t.Fatalf("kg query output is not JSON: %v\n%s", err, stdout)
	}
	e := resp.Data.Entity
	met := false
	for _, n := range e.Outgoing.Nodes {
		met = met || n.Relation == "meet" && n.Object.Name == "Andris Ozols"
	}
	if e.Name != "Liis Kuusik" || e.Type != "PERSON" || !met {
		t.Errorf("entity(kuusik) = %+v, want Liis Kuusik, PERSON, meeting Andris Ozols", e)
	}

	code, stdout, _ = kg(t, "", "stats", "--data", data)
	if code != 0 || !regexp.MustCompile(`documents\s+3\n`).MatchString(stdout) {
		t.Errorf("kg stats = exit %d:\n%s", code, stdout)
	}

	// a query error exits 1 and prints the errors
	code, stdout, _ = kg(t, "", "query", "--data", data, `{ nope }`)
	if code != 1 || !strings.Contains(stdout, "errors") {
		t.Errorf("kg query of an unknown field = exit %d:\n%s", code, stdout)
	}
}

func typeOf(t *testing.T, data, name string) string {
	t.Helper()
	st, err := graph.Open(data, graph.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	e, err := st.Entity(context.Background(), name)
	if err != nil {
		t.Fatalf("Entity(%q): %v", name, err)
	}
	return e.Type
}

func TestDataFromEnvironment(t *testing.T) {
	data := filepath.Join(t.TempDir(), "env-store")
	t.Setenv("KG_DATA", data)
	if code, _, stderr := kg(t, article, "ingest", "-"); code != 0 {
		t.Fatalf("kg ingest - = exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(data, "MANIFEST")); err != nil {
		t.Errorf("KG_DATA store not created: %v", err)
	}
}

func TestStoreInUse(t *testing.T) {
	data := filepath.Join(t.TempDir(), "store")
	st, err := graph.Open(data, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, args := range [][]string{{"ingest", "-"}, {"stats"}, {"export"}, {"merge", "a", "b"}, {"split", "a", "b"}} {
		code, _, stderr := kg(t, article, append(args, "--data", data)...)
		if code != 1 || !strings.Contains(stderr, "is in use by another process") || strings.Contains(stderr, "goroutine") {
			t.Errorf("kg %s on a store in use = exit %d, stderr:\n%s", args[0], code, stderr)
		}
	}
}

func TestMissingStore(t *testing.T) {
	data := filepath.Join(t.TempDir(), "none")
	for _, args := range [][]string{{"stats"}, {"export"}, {"merge", "a", "b"}, {"split", "a", "b"}} {
		code, _, stderr := kg(t, "", append(args, "--data", data)...)
		if code != 1 || !strings.Contains(stderr, "no store at") {
			t.Errorf("kg %s on a missing store = exit %d, stderr:\n%s", args[0], code, stderr)
		}
	}
	if _, err := os.Stat(data); err == nil {
		t.Errorf("a read or edit command created %s", data)
	}
}

// TestMergeSplit merges two people by hand, splits one off again, and
// checks that a later ingest keeps them apart.
func TestMergeSplit(t *testing.T) {
	data := filepath.Join(t.TempDir(), "store")
	if code, _, stderr := kg(t, article, "ingest", "--data", data, "-"); code != 0 {
		t.Fatalf("kg ingest = exit %d: %s", code, stderr)
	}
	// meetings lists the meet triples as "subject id → object id".
	meetings := func() []string {
		t.Helper()
		code, stdout, stderr := kg(t, "", "query", "--data", data, `{ triples(relation: "meet") { nodes { subject { id } object { id } } } }`)
		if code != 0 {
			t.Fatalf("kg query = exit %d: %s%s", code, stdout, stderr)
		}
		var resp struct {
			Data struct {
				Triples struct {
					Nodes []struct{ Subject, Object struct{ ID string } }
				}
			}
		}
		if err := json.Unmarshal([]byte(stdout), &resp); err != nil {
			t.Fatalf("kg query output is not JSON: %v\n%s", err, stdout)
		}
		out := []string{}
		for _, n := range resp.Data.Triples.Nodes {
			out = append(out, n.Subject.ID+" → "+n.Object.ID)
		}
		return out
	}
	before := meetings()
	if len(before) != 1 {
		t.Fatalf("meet triples before the merge = %v, want one: Kuusik met Ozols", before)
	}
	ozols := strings.Split(before[0], " → ")[1]

	code, stdout, stderr := kg(t, "", "merge", "--data", data, "Kuusik", "Ozols")
	if code != 0 {
		t.Fatalf("kg merge = exit %d: %s", code, stderr)
	}
	m := regexp.MustCompile(`^merged (E\d+) Andris Ozols into (E\d+) Liis Kuusik\n`).FindStringSubmatch(stdout)
	if m == nil || m[1] != ozols || !strings.Contains(stdout, `"Andris Ozols"`) || !strings.Contains(stdout, "1 now from "+m[2]+" to itself") {
		t.Fatalf("kg merge printed:\n%s\nwant Andris Ozols (%s) merged into Liis Kuusik, his aliases, and the meeting as a self-loop", stdout, ozols)
	}
	into := m[2]
	if diff := cmp.Diff([]string{into + " → " + into}, meetings()); diff != "" {
		t.Errorf("meet triples after the merge (-want +got):\n%s", diff)
	}

	code, stdout, stderr = kg(t, "", "split", "--data", data, into, "andris ozols")
	if code != 0 {
		t.Fatalf("kg split = exit %d: %s", code, stderr)
	}
	m = regexp.MustCompile(`^split "andris ozols" off ` + into + ` Liis Kuusik into (E\d+) Andris Ozols\n`).FindStringSubmatch(stdout)
	if m == nil || !strings.Contains(stdout, `later ingests will not add "Andris Ozols" to `+into) {
		t.Fatalf("kg split printed:\n%s", stdout)
	}
	split := m[1]
	if diff := cmp.Diff([]string{into + " → " + split}, meetings()); diff != "" {
		t.Errorf("meet triples after the split (-want +got):\n%s", diff)
	}

	// A later text naming Andris Ozols finds the split-off entity.
	if code, _, stderr := kg(t, "Andris Ozols met Liis Kuusik in Riga on Monday.\n", "ingest", "--data", data, "-"); code != 0 {
		t.Fatalf("kg ingest = exit %d: %s", code, stderr)
	}
	code, stdout, _ = kg(t, "", "query", "--data", data, `{ a: entity(name: "Andris Ozols") { id } k: entity(name: "Liis Kuusik") { id aliases } }`)
	var resp struct {
		Data struct {
			A struct{ ID string }
			K struct {
				ID      string
				Aliases []string
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &resp); code != 0 || err != nil {
		t.Fatalf("kg query = exit %d, %v:\n%s", code, err, stdout)
	}
	if resp.Data.A.ID != split || resp.Data.K.ID != into {
		t.Errorf("after a new ingest Andris Ozols is %s and Liis Kuusik %s, want %s and %s", resp.Data.A.ID, resp.Data.K.ID, split, into)
	}
	for _, a := range resp.Data.K.Aliases {
		if a == "Andris Ozols" {
			t.Errorf("Liis Kuusik got the alias Andris Ozols back: %v", resp.Data.K.Aliases)
		}
	}

	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"merge", "Kuusik", "Nobody"}, `kg: merge: no entity "Nobody"`},
		{[]string{"merge", into, "kuusik"}, "kg: merge: \"" + into + "\" and \"kuusik\" are the same entity"},
		{[]string{"split", "Kuusik", "Liis Kuusik"}, "kg: split: \"Liis Kuusik\" is the canonical name of " + into},
		{[]string{"split", "Kuusik", "Tallinn"}, `has no alias "Tallinn"`},
		{[]string{"split", "Nobody", "Tallinn"}, `kg: split: no entity "Nobody"`},
		{[]string{"merge", "Kuusik"}, "accepts 2 arg(s)"},
	} {
		code, stdout, stderr := kg(t, "", append(tt.args, "--data", data)...)
		if code != 1 || stdout != "" || !strings.Contains(stderr, tt.want) {
			t.Errorf("kg %s = exit %d, stdout %q, stderr %q, want exit 1 saying %q", strings.Join(tt.args, " "), code, stdout, stderr, tt.want)
		}
	}
}

func TestExtract(t *testing.T) {
	code, stdout, stderr := kg(t, "Rex Tillerson met Vladimir Putin in Moscow\nThe charter was signed by Aino Kestilä.\n", "extract", "--lines")
	if code != 0 {
		t.Fatalf("kg extract = exit %d: %s", code, stderr)
	}
	var rows []extractRow
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var r extractRow
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		rows = append(rows, r)
	}
	want := []struct{ sentence, subject, relation, object, relText string }{
		{"Rex Tillerson met Vladimir Putin in Moscow", "Rex Tillerson", "meet", "Vladimir Putin", "met"},
		{"The charter was signed by Aino Kestilä.", "Aino Kestilä", "sign", "charter", "was signed by"}, // the texts keep the passive voice
	}
	for _, w := range want {
		found := false
		for _, r := range rows {
			if r.Sentence == w.sentence && r.Subject == w.subject && r.Relation == w.relation && r.Object == w.object && r.RelationText == w.relText {
				found = true
			}
		}
		if !found {
			t.Errorf("kg extract --lines lacks %+v; got %+v", w, rows)
		}
	}
}

// TestExtractTree runs the tree extractor (the default) through kg extract
// and kg ingest: whole phrases in extract's texts, names in the store.
func TestExtractTree(t *testing.T) {
	in := "Nordhavn Energy agreed to buy Widget Systems for 50 million euros.\n"
	code, stdout, stderr := kg(t, in, "extract", "--lines", "--extractor", "tree")
	if code != 0 {
		t.Fatalf("kg extract --extractor tree = exit %d: %s", code, stderr)
	}
	var rows []extractRow
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var r extractRow
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		rows = append(rows, r)
	}
	found := false
	for _, r := range rows {
		if r.Subject == "Nordhavn Energy" && r.Relation == "agree to buy" && r.Object == "Widget Systems" &&
			r.RelationText == "agreed to buy" && r.ObjectText == "Widget Systems for 50 million euros" {
			// the verb's other arguments follow the object in its text
			found = true
		}
	}
	if !found {
		t.Errorf("kg extract --extractor tree lacks Nordhavn Energy -agree to buy-> Widget Systems; got %+v", rows)
	}
	data := t.TempDir()
	if code, _, stderr := kg(t, in, "ingest", "--extractor", "tree", "--data", data, "-"); code != 0 {
		t.Fatalf("kg ingest --extractor tree = exit %d: %s", code, stderr)
	}
	code, stdout, _ = kg(t, "", "query", "--data", data, `{ triples(relation: "agree to buy") { nodes { subject { name } object { name } } } }`)
	if code != 0 || !strings.Contains(stdout, "Widget Systems") {
		t.Errorf("kg query after kg ingest --extractor tree = exit %d, %s", code, stdout)
	}
	if code, _, stderr := kg(t, in, "extract", "--extractor", "bogus"); code == 0 || !strings.Contains(stderr, "unknown extractor") {
		t.Errorf("kg extract --extractor bogus = exit %d, stderr %q; want an error naming the extractors", code, stderr)
	}
}

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServeEndToEnd ingests text through the HTTP GraphQL API of kg serve
// and reads the triple back.
func TestServeEndToEnd(t *testing.T) {
	data := filepath.Join(t.TempDir(), "store")
	ctx, cancel := context.WithCancel(context.Background())
	var stderr syncBuffer
	done := make(chan int)
	go func() {
		done <- run(ctx, []string{"serve", "--data", data, "--addr", "127.0.0.1:0", "--demo"}, strings.NewReader(""), io.Discard, &stderr)
	}()
	var base string
	re := regexp.MustCompile(`GraphQL (http://[0-9.:]+)/graphql`)
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := re.FindStringSubmatch(stderr.String()); m != nil {
			base = m[1]
			break
		}
	}
	if base == "" {
		cancel()
		t.Fatalf("kg serve did not start:\n%s", stderr.String())
	}
	if !strings.Contains(stderr.String(), "--demo: loaded 8 example articles") {
		t.Errorf("kg serve --demo did not load the examples:\n%s", stderr.String())
	}

	post := func(query string, vars map[string]any) map[string]any {
		t.Helper()
		body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		resp, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != 200 || out["errors"] != nil {
			t.Fatalf("POST %s = %d %v", query, resp.StatusCode, out)
		}
		return out["data"].(map[string]any)
	}
	got := post(`mutation($t: String!) { ingest(text: $t, source: "test") { documentId duplicate triples } }`,
		map[string]any{"t": "Marta Kowalczyk met Jonas Hovland in Gdansk on Friday."})
	if r := got["ingest"].(map[string]any); r["duplicate"] != false || r["triples"].(float64) < 1 {
		t.Errorf("ingest = %v", r)
	}
	got = post(`{ triples(subject: "Kowalczyk", relation: "meet") { nodes { subject { name } relation object { name } evidence { nodes { text } } } } }`, nil)
	nodes := got["triples"].(map[string]any)["nodes"].([]any)
	if len(nodes) != 1 {
		t.Fatalf("triples(subject: Kowalczyk) = %v", got)
	}
	tr := nodes[0].(map[string]any)
	if tr["object"].(map[string]any)["name"] != "Jonas Hovland" ||
		tr["evidence"].(map[string]any)["nodes"].([]any)[0].(map[string]any)["text"] != "Marta Kowalczyk met Jonas Hovland in Gdansk on Friday." {
		t.Errorf("triple = %v", tr)
	}

	for path, want := range map[string]int{"/healthz": 200, "/": 200, "/nope": 404} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET %s = %d, want %d", path, resp.StatusCode, want)
		}
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("kg serve exit %d after shutdown:\n%s", code, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("kg serve did not shut down")
	}
}
