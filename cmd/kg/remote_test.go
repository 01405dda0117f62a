package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-builder/kg/schema"
)

// TestIngestThroughServer: kg ingest on a store that kg serve holds says
// where the server is; kg ingest --server sends the documents through it.
func TestIngestThroughServer(t *testing.T) {
	const token = "remote-t0ken"
	data := filepath.Join(t.TempDir(), "store")
	s := startServe(t, "--addr", "127.0.0.1:0", "--token", token, "--data", data)
	in := writeFiles(t, map[string]string{
		"news/tallinn.txt": article,
		"news/bank.txt":    "Nordbank acquired Danube Logistics in March.\n",
		"news/empty.txt":   " \n",
		"news/feed.jsonl":  `{"id": "feed-1", "text": "Maria Lind joined Nordbank as chief economist."}` + "\n" + "{bad json\n",
	})
	news := filepath.Join(in, "news")

	code, _, stderr := kg(t, "", "ingest", "--data", data, news)
	if code != 1 || !strings.Contains(stderr, "in use by kg serve") || !strings.Contains(stderr, "kg ingest --server "+s.base) {
		t.Errorf("kg ingest on a served store = exit %d, stderr:\n%s", code, stderr)
	}

	for _, tt := range []struct {
		name     string
		args     []string
		wantCode int
		want     []string
	}{
		{"no token", []string{"--server", s.base}, 1, []string{"needs a token for ingest: set KG_TOKEN or --token"}},
		{"wrong token", []string{"--server", s.base, "--token", "nope"}, 1, []string{"refused the token"}},
		{"not a URL", []string{"--server", "127.0.0.1:1"}, 1, []string{"want the address of a kg serve"}},
		{"nothing there", []string{"--server", "http://127.0.0.1:1"}, 1, []string{"cannot reach the server"}},
		{"with the token", []string{"--server", s.base + "/graphql", "--token", token}, 1, []string{
			"empty.txt: empty", "feed.jsonl:2: not a JSON object", "ingested 3 documents (0 duplicates skipped, 2 failed)"}},
		{"again", []string{"--server", s.base, "--token", token}, 1, []string{"ingested 0 documents (3 duplicates skipped, 2 failed)"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := kg(t, "", append([]string{"ingest", "--data", data}, append(tt.args, news)...)...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.wantCode, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
		})
	}
	var out struct {
		Data struct {
			Documents struct {
				Nodes []struct{ ID, Source string }
			}
			Triples struct{ TotalCount int }
		}
	}
	q, _ := json.Marshal(map[string]string{"query": `{ documents { nodes { id source } } triples(relation: "acquire") { totalCount } }`})
	resp, err := http.Post(s.base+"/graphql", "application/json", bytes.NewReader(q))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range out.Data.Documents.Nodes {
		ids = append(ids, d.ID)
	}
	if strings.Join(ids, " ") != "news/bank.txt feed-1 news/tallinn.txt" || out.Data.Triples.TotalCount != 1 {
		t.Errorf("the server holds %v, %d acquire triples; want the three documents sent", ids, out.Data.Triples.TotalCount)
	}
}

// TestAPIIngestNotEnglish: the API refuses what kg ingest refuses.
func TestAPIIngestNotEnglish(t *testing.T) {
	_, ing := memIngester(t)
	german := "Die Bundesregierung hat am Dienstag in Berlin beschlossen, dass die neuen Regeln für den Hafen ab dem kommenden Jahr gelten sollen. Der Minister sagte, man werde mit den Ländern und den Gemeinden sprechen."
	_, err := ing.Ingest(context.Background(), schema.Doc{Text: german})
	if err == nil || !strings.Contains(err.Error(), "not English text") {
		t.Errorf("Ingest(German) = %v, want a not-English error", err)
	}
	if a, err := ing.Ingest(context.Background(), schema.Doc{Text: article}); err != nil || a.Triples == 0 {
		t.Errorf("Ingest(English) = %+v, %v", a, err)
	}
}
