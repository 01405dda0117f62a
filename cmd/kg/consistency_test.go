package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// consistencyQuery reads the same facts several ways in one request: a
// query that saw the store at two moments would disagree with itself.
const consistencyQuery = `{
  stats { documents triples entities evidence }
  documents(first: 1000) { totalCount nodes { id triples(first: 0) { totalCount } } }
  triples(first: 0) { totalCount }
  entities(first: 0) { totalCount }
}`

type statsView struct{ Documents, Triples, Entities, Evidence int }

type consistencyView struct {
	Stats     statsView
	Documents struct {
		TotalCount int
		Nodes      []struct {
			ID      string
			Triples struct{ TotalCount int }
		}
	}
	Triples  struct{ TotalCount int }
	Entities struct{ TotalCount int }
}

// syntheticNews returns n short news texts, each naming its own people,
// firms and places, so that each adds triples of its own.
func syntheticNews(n int) []string {
	first := []string{"Aino", "Birgit", "Casimir", "Dagny", "Eero", "Freja", "Gustav", "Hedda", "Ilmar", "Jorunn"}
	last := []string{"Saarinen", "Lindqvist", "Nowicki", "Halvorsen", "Kask", "Berzins", "Mikkelsen", "Tamm", "Virtanen", "Ozola"}
	firms := []string{"Baltic Freight", "Nordhavn Energy", "Vistula Steel", "Fjord Capital", "Daugava Mills"}
	towns := []string{"Tallinn", "Riga", "Gdansk", "Bergen", "Turku", "Klaipeda", "Malmo"}
	texts := make([]string, n)
	for i := range n {
		p1 := first[i%10] + " " + last[(i/10)%10]
		p2 := first[(i+3)%10] + " " + last[(i/10+5)%10]
		firm := fmt.Sprintf("%s %d", firms[i%5], i)
		town, other := towns[i%7], towns[(i+2)%7]
		texts[i] = fmt.Sprintf(`Port Talks in %[4]s, Part %[6]d

%[4]s, May %[7]d - %[1]s met %[2]s in %[4]s on Tuesday to discuss the harbour.

%[1]s said %[3]s would build a new terminal in %[5]s. %[2]s signed an agreement with %[3]s on Wednesday.

%[3]s acquired a shipyard in %[5]s last year, and %[2]s visited %[5]s in March.
`, p1, p2, firm, town, other, i, 1+i%28)
	}
	return texts
}

// TestIngestWhileQuerying ingests documents through the API of a running
// kg serve while 32 clients query it: no query fails, and every query sees
// the store between two documents, never in the middle of one.
func TestIngestWhileQuerying(t *testing.T) {
	const (
		docs    = 30
		clients = 32
		token   = "consistency-t0ken"
	)
	data := filepath.Join(t.TempDir(), "store")
	ctx, cancel := context.WithCancel(context.Background())
	var stderr syncBuffer
	done := make(chan int)
	go func() {
		done <- run(ctx, []string{"serve", "--data", data, "--addr", "127.0.0.1:0", "--demo", "--token", token, "--max-concurrent", "4"},
			strings.NewReader(""), io.Discard, &stderr)
	}()
	defer func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("kg serve = exit %d:\n%s", code, stderr.String())
		}
	}()
	var base string
	re := regexp.MustCompile(`GraphQL (http://[0-9.:]+)/graphql`)
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := re.FindStringSubmatch(stderr.String()); m != nil {
			base = m[1]
			break
		}
	}
	if base == "" {
		t.Fatalf("kg serve did not start:\n%s", stderr.String())
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients + 1}}
	post := func(query string, vars map[string]any, out any) error {
		body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		req, _ := http.NewRequest("POST", base+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		var r struct {
			Data   json.RawMessage
			Errors []any
		}
		if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
			return fmt.Errorf("status %d, body not JSON: %v", resp.StatusCode, err)
		}
		if resp.StatusCode != 200 || r.Errors != nil {
			return fmt.Errorf("status %d, errors %v", resp.StatusCode, r.Errors)
		}
		return json.Unmarshal(r.Data, out)
	}

	var initial consistencyView
	if err := post(consistencyQuery, nil, &initial); err != nil {
		t.Fatal(err)
	}
	// expected[n] is the store's stats once it holds n documents; the
	// ingests are sent one after another, and nothing else writes
	expected := map[int]statsView{initial.Stats.Documents: initial.Stats}
	var mu sync.Mutex
	var views []consistencyView
	var failures []string
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				var v consistencyView
				err := post(consistencyQuery, nil, &v)
				mu.Lock()
				if err != nil {
					failures = append(failures, err.Error())
				} else {
					views = append(views, v)
				}
				mu.Unlock()
			}
		}()
	}
	for i, text := range syntheticNews(docs) {
		var added struct{ Ingest struct{ Triples int } }
		if err := post(`mutation($t: String!, $id: String) { ingest(text: $t, id: $id) { triples } }`,
			map[string]any{"t": text, "id": fmt.Sprintf("synthetic-%02d", i)}, &added); err != nil {
			t.Fatalf("ingest %d: %v", i, err)
		}
		if added.Ingest.Triples == 0 {
			t.Errorf("ingest %d added no triples", i)
		}
		var s struct{ Stats statsView }
		if err := post(`{ stats { documents triples entities evidence } }`, nil, &s); err != nil {
			t.Fatal(err)
		}
		expected[s.Stats.Documents] = s.Stats
	}
	close(stop)
	wg.Wait()

	var final consistencyView
	if err := post(consistencyQuery, nil, &final); err != nil {
		t.Fatal(err)
	}
	if got, want := final.Stats.Documents, initial.Stats.Documents+docs; got != want {
		t.Fatalf("after the ingests: %d documents, want %d", got, want)
	}
	order := make([]string, len(final.Documents.Nodes))
	triplesOf := map[string]int{}
	for i, d := range final.Documents.Nodes {
		order[i] = d.ID
		triplesOf[d.ID] = d.Triples.TotalCount
	}
	if len(failures) > 0 {
		t.Errorf("%d of %d queries failed during the ingests; first: %s", len(failures), len(failures)+len(views), failures[0])
	}
	seen := map[int]bool{}
	torn := 0
	for _, v := range views {
		n := v.Stats.Documents
		seen[n] = true
		var why []string
		if want, ok := expected[n]; !ok || v.Stats != want {
			why = append(why, fmt.Sprintf("stats %+v, but with %d documents the store had %+v", v.Stats, n, expected[n]))
		}
		if v.Documents.TotalCount != n || v.Triples.TotalCount != v.Stats.Triples || v.Entities.TotalCount != v.Stats.Entities {
			why = append(why, fmt.Sprintf("counts disagree: %d documents listed, %d triples, %d entities", v.Documents.TotalCount, v.Triples.TotalCount, v.Entities.TotalCount))
		}
		ids := make([]string, len(v.Documents.Nodes))
		for i, d := range v.Documents.Nodes {
			ids[i] = d.ID
			if d.Triples.TotalCount != triplesOf[d.ID] {
				why = append(why, fmt.Sprintf("document %s with %d of its %d triples", d.ID, d.Triples.TotalCount, triplesOf[d.ID]))
			}
		}
		if n > len(order) || !slices.Equal(ids, order[:n]) {
			why = append(why, fmt.Sprintf("documents %v are not the first %d ingested", ids, n))
		}
		if len(why) > 0 {
			if torn < 5 {
				t.Errorf("a query saw a torn store: %s", strings.Join(why, "; "))
			}
			torn++
		}
	}
	if torn > 0 {
		t.Errorf("%d of %d queries saw a torn store", torn, len(views))
		return
	}
	// the test means something only if queries ran while documents came in
	if len(views) < 10*docs || len(seen) < docs/3 {
		t.Errorf("%d queries saw %d distinct states of the store over %d ingests: too few to tell", len(views), len(seen), docs)
	}
	t.Logf("%d queries by %d clients saw %d states of the store over %d ingests, none torn", len(views), clients, len(seen), docs)
}
