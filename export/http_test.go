package export_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kg-builder/kg/export"
	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/server"
)

func get(t *testing.T, h http.Handler, method, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec
}

func TestHandler(t *testing.T) {
	st := testStore(t)
	h := export.Handler(st, nil)
	tests := []struct {
		query       string
		ctype, name string
		want        export.Options // the file's bytes are those of export.Write with these
	}{
		{"", "text/csv; charset=utf-8; header=present", "kg.csv", export.Options{Format: "csv"}},
		{"format=csv&what=nodes", "text/csv; charset=utf-8; header=present", "kg-nodes.csv", export.Options{Format: "csv", Part: "nodes"}},
		{"format=graphml", "application/graphml+xml; charset=utf-8", "kg.graphml", export.Options{Format: "graphml"}},
		{"format=gexf&min_count=2", "application/gexf+xml; charset=utf-8", "kg.gexf",
			export.Options{Format: "gexf", Selection: graph.Selection{Filter: graph.EdgeFilter{MinCount: 2}}}},
		{"format=dot&around=Kesti%C3%A4l%C3%A4&around=x", "", "", export.Options{}}, // around twice: 400, below
		{"format=dot&around=Kestil%C3%A4&depth=2", "text/vnd.graphviz; charset=utf-8", "kg.dot",
			export.Options{Format: "dot", Selection: graph.Selection{Around: "Kestilä", Depth: 2}}},
		{"format=dot&around=Kestil%C3%A4", "text/vnd.graphviz; charset=utf-8", "kg.dot",
			export.Options{Format: "dot", Selection: graph.Selection{Around: "Kestilä", Depth: 1}}},
		{"format=nquads&relation=meet&relation=lead&type=PERSON&type=org", "application/n-quads", "kg.nq",
			export.Options{Format: "nquads", Selection: graph.Selection{Filter: graph.EdgeFilter{Relations: []string{"meet", "lead"}, Types: []string{"PERSON", "org"}}}}},
		{"format=nquads&part=schema", "text/plain; charset=utf-8", "kg.schema", export.Options{Format: "nquads", Part: "schema"}},
		{"format=ntriples&min_confidence=0.85", "application/n-triples", "kg.nt",
			export.Options{Format: "ntriples", Selection: graph.Selection{Filter: graph.EdgeFilter{MinConfidence: 0.85}}}},
		{"format=jsonl&document=news%2Fhelsinki+talks.txt&since=2026&until=2026-12", "application/x-ndjson; charset=utf-8", "kg.jsonl",
			export.Options{Format: "jsonl", Selection: graph.Selection{Filter: graph.EdgeFilter{Document: "news/helsinki talks.txt", Since: "2026", Until: "2026-12"}}}},
		{"format=neo4j&part=relationships", "text/csv; charset=utf-8; header=present", "relationships.csv", export.Options{Format: "neo4j", Part: "relationships"}},
	}
	for _, tt := range tests {
		if tt.name == "" {
			continue
		}
		rec := get(t, h, "GET", "/export?"+tt.query)
		if rec.Code != 200 {
			t.Errorf("GET ?%s = %d %s", tt.query, rec.Code, rec.Body.String())
			continue
		}
		if got := rec.Header().Get("Content-Type"); got != tt.ctype {
			t.Errorf("GET ?%s: Content-Type %q, want %q", tt.query, got, tt.ctype)
		}
		if got, want := rec.Header().Get("Content-Disposition"), `attachment; filename=`+tt.name; got != want {
			t.Errorf("GET ?%s: Content-Disposition %q, want %q", tt.query, got, want)
		}
		if want := export1(t, st, tt.want); !bytes.Equal(rec.Body.Bytes(), want) {
			t.Errorf("GET ?%s: body differs from export.Write(%+v):\n%s", tt.query, tt.want, rec.Body.String())
		}
	}

	// neo4j is three files: a zip
	rec := get(t, h, "GET", "/export?format=neo4j&around=Saarepuu")
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "application/zip" ||
		rec.Header().Get("Content-Disposition") != "attachment; filename=kg-neo4j.zip" {
		t.Fatalf("GET neo4j = %d %q %q", rec.Code, rec.Header().Get("Content-Type"), rec.Header().Get("Content-Disposition"))
	}
	zr, err := zip.NewReader(bytes.NewReader(rec.Body.Bytes()), int64(rec.Body.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		part := strings.TrimSuffix(strings.TrimSuffix(f.Name, ".csv"), ".sh")
		want := export1(t, st, export.Options{Format: "neo4j", Part: part, Selection: graph.Selection{Around: "Saarepuu", Depth: 1}})
		if !bytes.Equal(b, want) {
			t.Errorf("zip's %s differs from the part alone", f.Name)
		}
	}
	if len(zr.File) != 3 {
		t.Errorf("zip holds %d files, want 3", len(zr.File))
	}
	// part=all zips any format's files
	rec = get(t, h, "GET", "/export?format=nquads&part=all")
	if zr, err := zip.NewReader(bytes.NewReader(rec.Body.Bytes()), int64(rec.Body.Len())); err != nil || len(zr.File) != 2 ||
		zr.File[0].Name != "kg.nq" || zr.File[1].Name != "kg.schema" {
		t.Errorf("nquads part=all: %d %v", rec.Code, err)
	}
	// HEAD checks, writes nothing
	rec = get(t, h, "HEAD", "/export?format=graphml")
	if rec.Code != 200 || rec.Body.Len() != 0 || rec.Header().Get("Content-Type") != "application/graphml+xml; charset=utf-8" {
		t.Errorf("HEAD = %d, %d bytes, %q", rec.Code, rec.Body.Len(), rec.Header().Get("Content-Type"))
	}
}

func TestHandlerErrors(t *testing.T) {
	h := export.Handler(testStore(t), nil)
	for _, tt := range []struct {
		method, query string
		code          int
		msg           string
	}{
		{"POST", "format=csv", 405, "use GET"},
		{"GET", "format=xls", 400, `unknown format "xls" (known: csv, neo4j, graphml, gexf, dot, nquads, dgraph, ntriples, jsonl)`},
		{"GET", "format=csv&path=/etc/passwd", 400, `unknown parameter "path"`},
		{"GET", "format=csv&min-confidence=1", 400, `unknown parameter "min-confidence"`},
		{"GET", "format=csv&format=dot", 400, "parameter format given 2 times"},
		{"GET", "format=dot&what=nodes", 400, "what applies to csv only"},
		{"GET", "format=csv&what=both", 400, `what "both": want edges or nodes`},
		{"GET", "format=csv&what=nodes&part=edges", 400, "disagree"},
		{"GET", "format=neo4j&part=edges", 400, `format neo4j has no part "edges"`},
		{"GET", "format=csv&depth=2", 400, "a depth needs an entity"},
		{"GET", "format=csv&around=Kestil%C3%A4&depth=two", 400, `depth "two": not a whole number`},
		{"GET", "format=csv&around=Kestil%C3%A4&depth=50", 400, "depth 50: must be from 0 to 10"},
		{"GET", "format=csv&min_confidence=high", 400, `min_confidence "high": not a number`},
		{"GET", "format=csv&min_confidence=2", 400, "minimum confidence 2"},
		{"GET", "format=csv&min_count=-3", 400, "minimum count -3"},
		{"GET", "format=csv&type=people", 400, `unknown type "people": the types are PERSON, ORG, PLACE, MISC, CONCEPT`},
		{"GET", "format=csv&relation=", 400, "a blank relation"},
		{"GET", "format=csv&since=2027&until=2026", 400, `since "2027" is after until "2026"`},
		// what the API refuses, /export refuses
		{"GET", "format=csv&min_confidence=NaN", 400, "minimum confidence NaN: must be from 0 to 1"},
		{"GET", "format=csv&min_confidence=-Inf", 400, "minimum confidence -Inf: must be from 0 to 1"},
		{"GET", "format=csv&min_confidence=%2BInf", 400, "minimum confidence +Inf: must be from 0 to 1"},
		{"GET", "format=csv&since=garbage", 400, `since "garbage": must be an ISO date or its start: 2017, 2017-04 or 2017-04-12`},
		{"GET", "format=csv&until=2026-4-1", 400, `until "2026-4-1": must be an ISO date`},
		// a query string that does not parse keeps none of its filters:
		// refused, never the whole graph
		{"GET", "format=csv&type=PERSON&min_count=%zz", 400, "the query string does not parse"},
		{"GET", "format=csv&relation=meet;type=PERSON", 400, "the query string does not parse"},
		{"GET", "format=csv" + strings.Repeat("&relation=meet", 10000), 400, "the query string does not parse (number of URL query parameters exceeded limit)"},
		{"GET", "format=csv&around=Nobody", 404, `no entity called "Nobody"`},
		{"GET", "format=neo4j&document=nope", 404, `no document "nope"`},
		{"HEAD", "format=csv&around=Nobody", 404, ""},
	} {
		rec := get(t, h, tt.method, "/export?"+tt.query)
		body := strings.TrimSpace(rec.Body.String())
		if rec.Code != tt.code || !strings.Contains(body, tt.msg) || (tt.method == "GET" && !strings.HasPrefix(body, "export: ")) {
			t.Errorf("%s ?%s = %d %q, want %d saying %q", tt.method, tt.query, rec.Code, body, tt.code, tt.msg)
		}
		if rec.Code != 405 && rec.Header().Get("Content-Disposition") != "" {
			t.Errorf("%s ?%s: an error offered as a download", tt.method, tt.query)
		}
	}
}

// serve runs a server with o until the test ends and returns its address.
func serve(t *testing.T, o server.Options) net.Addr {
	t.Helper()
	srv := server.New(o)
	addr, err := srv.Listen()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return addr
}

// An export may stream for longer than the server's timeout, as long as
// it keeps moving; /graphql may not: its request ends at the timeout.
func TestServerExportOutlivesTimeout(t *testing.T) {
	ended := make(chan error, 2) // the request's context, once written
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		// as if the server's own write deadline were 50ms away: the
		// writes below must move it
		http.NewResponseController(w).SetWriteDeadline(time.Now().Add(50 * time.Millisecond))
		for i := 0; i < 6; i++ {
			io.WriteString(w, strings.Repeat("x", 1000)+"\n")
			http.NewResponseController(w).Flush()
			time.Sleep(50 * time.Millisecond)
		}
		ended <- r.Context().Err()
	})
	graphql := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(300 * time.Millisecond)
		ended <- r.Context().Err()
	})
	addr := serve(t, server.Options{Addr: "127.0.0.1:0", GraphQL: graphql, Export: slow, Timeout: 100 * time.Millisecond})
	res, err := http.Get("http://" + addr.String() + "/export")
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil || len(b) != 6*1001 {
		t.Errorf("/export over 300ms with a 100ms timeout: %d bytes, %v; want all 6006", len(b), err)
	}
	if err := <-ended; err != nil {
		t.Errorf("/export's request after 300ms with a 100ms timeout: %v, want it going on", err)
	}
	res, err = http.Get("http://" + addr.String() + "/graphql")
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if err := <-ended; !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("/graphql's request after 300ms with a 100ms timeout: %v, want %v", err, context.DeadlineExceeded)
	}
}

// A real export through the server streams whole files.
func TestServerExport(t *testing.T) {
	st := testStore(t)
	addr := serve(t, server.Options{Addr: "127.0.0.1:0", Export: export.Handler(st, nil)})
	res, err := http.Get("http://" + addr.String() + "/export?format=graphml")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !bytes.Equal(b, export1(t, st, export.Options{Format: "graphml"})) {
		t.Errorf("GET /export?format=graphml = %d, %d bytes", res.StatusCode, len(b))
	}
}

// An export the server's time limit ends before its first byte gets 503
// saying so, not an empty file.
func TestServerExportCutOff(t *testing.T) {
	st := testStore(t)
	addr := serve(t, server.Options{Addr: "127.0.0.1:0", Export: export.Handler(st, nil), ExportTimeout: time.Nanosecond})
	res, err := http.Get("http://" + addr.String() + "/export?format=graphml")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Content-Disposition") != "" ||
		!strings.HasPrefix(string(b), "export: cut off: it took longer than the server allows") {
		t.Errorf("GET /export past its time limit = %d %q, want 503 saying it was cut off", res.StatusCode, b)
	}
}

// released is a store whose snapshots say when they end.
type released struct {
	*graph.Store
	ended chan error
}

func (r released) Snapshot(ctx context.Context, fn func(*graph.Snapshot) error) error {
	err := r.Store.Snapshot(ctx, fn)
	r.ended <- err
	return err
}

// A client that asks for a large export and never reads holds the store's
// snapshot no longer than the server's idle bound: the export ends, its
// slot is freed, the store takes writes.
func TestServerExportStalledClient(t *testing.T) {
	st, err := graph.Open("", graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	// some 10 MB of JSON Lines: more than the sockets buffer
	text := strings.Repeat("Anna Tamm met Mart Kask again. ", 1000)
	people := []graph.Entity{
		{Name: "Anna Tamm", Type: graph.Person, Aliases: []string{"Anna Tamm"}, Mentions: 1},
		{Name: "Mart Kask", Type: graph.Person, Aliases: []string{"Mart Kask"}, Mentions: 1}}
	edge := func(i int) graph.Triple {
		return graph.Triple{Subject: "Anna Tamm", SubjectText: "Anna Tamm", Relation: "meet " + strconv.Itoa(i),
			RelationText: "met", Object: "Mart Kask", ObjectText: "Mart Kask", SubjectType: graph.Person, ObjectType: graph.Person,
			Confidence: 0.5, Evidence: []graph.Evidence{{Sentence: i % 10, Text: text, Start: 0, End: len(text)}}}
	}
	for d := 0; d < 30; d++ {
		doc := graph.Document{ID: "d" + strconv.Itoa(d), Hash: "h" + strconv.Itoa(d), Entities: people}
		for i := d * 10; i < d*10+10; i++ {
			doc.Triples = append(doc.Triples, edge(i))
		}
		if _, err := st.Add(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
	}
	const idle = 300 * time.Millisecond
	w := released{st, make(chan error, 2)}
	addr := serve(t, server.Options{Addr: "127.0.0.1:0", Export: export.Handler(w, nil), ExportStreams: 1, ExportIdle: idle})
	conn, err := net.DialTCP("tcp", nil, addr.(*net.TCPAddr))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetReadBuffer(4096)
	io.WriteString(conn, "GET /export?format=jsonl HTTP/1.1\r\nHost: kg\r\n\r\n") // and never read
	began := time.Now()
	select {
	case err := <-w.ended:
		if d := time.Since(began); err == nil || d > 10*time.Second {
			t.Errorf("the stalled export's snapshot ended after %v with %v, want a write timeout after about %v", d, err, idle)
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("a client that does not read holds the snapshot after 20s, with a %v idle bound", idle)
	}
	if _, err := st.Add(context.Background(), graph.Document{ID: "after", Hash: "after", Entities: people, Triples: []graph.Triple{edge(300)}}); err != nil {
		t.Errorf("Add after the stalled export: %v", err)
	}
	// its slot is free: another export streams whole
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		res, err := http.Get("http://" + addr.String() + "/export?format=csv")
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode == http.StatusServiceUnavailable && time.Now().Before(deadline) {
			continue
		}
		if res.StatusCode != 200 || err != nil || strings.Count(string(b), "\n") != 302 {
			t.Errorf("an export after the stalled one = %d, %d lines, %v; want 200, all 301 edges", res.StatusCode, strings.Count(string(b), "\n"), err)
		}
		break
	}
}
