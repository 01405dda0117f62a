package main

import (
	"context"
	"encoding/csv"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kg-builder/kg/export"
	"github.com/kg-builder/kg/graph"
)

// exportStore writes a small store to disk and returns its directory:
//
//	T1 Liis Kuusik meet Andris Ozols (d1, d2: count 2)   T2 Liis Kuusik visit Tallinn (d1)
//	T3 Nordbank acquire Danube Logistics (d2)             T4 Andris Ozols lead Nordbank (d2)
//
// between five entities, E1 Liis Kuusik to E5 Danube Logistics.
func exportStore(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "store")
	st, err := graph.Open(dir, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tr := func(s, st, rel, o, ot string, conf float64, i int) graph.Triple {
		text := s + " " + rel + " " + o + "."
		return graph.Triple{Subject: s, SubjectType: st, Relation: rel, RelationText: rel, Object: o, ObjectType: ot,
			SubjectText: s, ObjectText: o, Confidence: conf, Evidence: []graph.Evidence{{Sentence: i, Text: text, End: len(text)}}}
	}
	p, pl, o := graph.Person, graph.Place, graph.Org
	for _, d := range []graph.Document{
		{ID: "d1", Hash: "h1", Title: "Talks", Date: "2026-05-02", Entities: []graph.Entity{
			{Name: "Liis Kuusik", Type: p, Keys: []string{"Kuusik"}}, // her surname, as ingest gives it
		}, Triples: []graph.Triple{
			tr("Liis Kuusik", p, "meet", "Andris Ozols", p, 0.8, 0), tr("Liis Kuusik", p, "visit", "Tallinn", pl, 0.6, 1)}},
		{ID: "d2", Hash: "h2", Title: "Bank", Date: "2026-06-01", Triples: []graph.Triple{
			tr("Liis Kuusik", p, "meet", "Andris Ozols", p, 0.5, 0), tr("Nordbank", o, "acquire", "Danube Logistics", o, 0.7, 1),
			tr("Andris Ozols", p, "lead", "Nordbank", o, 0.9, 2)}},
	} {
		if _, err := st.Add(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// edgeIDs reads the id column of a CSV export.
func edgeIDs(t *testing.T, out string) []string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, out)
	}
	ids := []string{}
	for _, r := range rows[1:] {
		ids = append(ids, r[len(r)-1])
	}
	return ids
}

func TestExportFilters(t *testing.T) {
	data := exportStore(t)
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{nil, []string{"T1", "T2", "T3", "T4"}},
		{[]string{"--around", "Kuusik"}, []string{"T1", "T2"}}, // depth 1 by default
		{[]string{"--around", "Kuusik", "--depth", "2"}, []string{"T1", "T2", "T4"}},
		{[]string{"--around", "Kuusik", "--depth", "0"}, []string{}},
		{[]string{"--relation", "meet", "--relation", "lead"}, []string{"T4", "T1"}}, // by relation
		{[]string{"--type", "ORG"}, []string{"T3"}},
		{[]string{"--type", "person", "--type", "ORG"}, []string{"T1", "T3", "T4"}},
		{[]string{"--min-confidence", "0.85"}, []string{"T1", "T4"}},
		{[]string{"--min-count", "2"}, []string{"T1"}},
		{[]string{"--document", "d1"}, []string{"T1", "T2"}},
		{[]string{"--since", "2026-06"}, []string{"T1", "T3", "T4"}},
		{[]string{"--until", "2026-05"}, []string{"T1", "T2"}},
	} {
		code, out, errOut := kg(t, "", append([]string{"export", "--data", data}, tt.args...)...)
		if code != 0 {
			t.Errorf("kg export %q = exit %d: %s", tt.args, code, errOut)
			continue
		}
		if diff := cmp.Diff(tt.want, edgeIDs(t, out)); diff != "" {
			t.Errorf("kg export %q (-want +got):\n%s", tt.args, diff)
		}
	}
	// the nodes table: every entity, or the ends of the edges kept
	for args, want := range map[string]int{"": 5, "--around Kuusik": 3, "--relation acquire": 2} {
		code, out, errOut := kg(t, "", append([]string{"export", "--data", data, "--what", "nodes"}, strings.Fields(args)...)...)
		rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
		if code != 0 || len(rows) != want+1 || strings.Join(rows[0], ",") != "id,name,type,mentions,aliases" {
			t.Errorf("kg export --what nodes %s = exit %d, %d rows, want %d: %s%s", args, code, len(rows)-1, want, out, errOut)
		}
	}
}

func TestExportErrors(t *testing.T) {
	data := exportStore(t)
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--format", "xls"}, `unknown format "xls" (known: csv, neo4j, graphml, gexf, dot, nquads, dgraph, ntriples, jsonl)`},
		{[]string{"--format", "neo4j"}, "format neo4j writes 3 files: give --out DIR, or --part (nodes, relationships, import) for one on standard output"},
		{[]string{"--format", "dot", "--what", "nodes"}, "what applies to csv only"},
		{[]string{"--what", "all"}, `what "all": want edges or nodes`},
		{[]string{"--format", "graphml", "--schema", "s.txt"}, "--schema is for --format nquads"},
		{[]string{"--depth", "2"}, "a depth needs an entity to go around"},
		{[]string{"--type", "PEOPLE"}, `unknown type "PEOPLE": the types are PERSON, ORG, PLACE, MISC, CONCEPT`},
		{[]string{"--min-confidence", "3"}, "minimum confidence 3: must be from 0 to 1"},
		{[]string{"--min-confidence", "NaN"}, "minimum confidence NaN: must be from 0 to 1"},
		{[]string{"--min-confidence", "-Inf"}, "minimum confidence -Inf: must be from 0 to 1"},
		{[]string{"--since", "garbage"}, `since "garbage": must be an ISO date or its start: 2017, 2017-04 or 2017-04-12`},
		{[]string{"--until", "28.4.2026"}, `until "28.4.2026": must be an ISO date`},
		{[]string{"--around", "Nobody"}, `no entity called "Nobody"`},
		{[]string{"--document", "nope", "--format", "jsonl"}, `no document "nope"`},
	} {
		code, out, errOut := kg(t, "", append([]string{"export", "--data", data}, tt.args...)...)
		if code != 1 || !strings.Contains(errOut, tt.msg) || out != "" {
			t.Errorf("kg export %q = exit %d, stdout %q, stderr %q; want exit 1 saying %q", tt.args, code, out, errOut, tt.msg)
		}
	}
}

func TestExportFiles(t *testing.T) {
	data := exportStore(t)
	dir := t.TempDir()

	// one file, whole or not at all
	file := filepath.Join(dir, "g.graphml")
	code, _, errOut := kg(t, "", "export", "--data", data, "--format", "graphml", "--out", file)
	_, stdout, _ := kg(t, "", "export", "--data", data, "--format", "graphml")
	if b, err := os.ReadFile(file); code != 0 || err != nil || string(b) != stdout || !strings.Contains(errOut, "exported 4 edges, 5 nodes to "+file) {
		t.Errorf("--out FILE = exit %d, %s; file equals stdout: %t", code, errOut, string(b) == stdout)
	}
	bad := filepath.Join(dir, "bad.dot")
	if code, _, _ := kg(t, "", "export", "--data", data, "--format", "dot", "--around", "Nobody", "--out", bad); code != 1 {
		t.Errorf("a failed export = exit %d", code)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a failed export left files: %v", entries)
	}

	// neo4j: a directory of three files, and the command that loads them
	neo := filepath.Join(dir, "neo4j")
	code, _, errOut = kg(t, "", "export", "--data", data, "--format", "neo4j", "--out", neo)
	if code != 0 {
		t.Fatalf("neo4j --out DIR = exit %d: %s", code, errOut)
	}
	want := `neo4j-admin database import full neo4j --nodes=` + neo + `/nodes.csv --relationships=` + neo +
		`/relationships.csv --array-delimiter=";" --overwrite-destination=true`
	if !strings.Contains(errOut, want) {
		t.Errorf("neo4j stderr lacks\n%s\n%s", want, errOut)
	}
	for name, mode := range map[string]os.FileMode{"nodes.csv": 0o644, "relationships.csv": 0o644, "import.sh": 0o755} {
		fi, err := os.Stat(filepath.Join(neo, name))
		if err != nil || fi.Mode().Perm() != mode {
			t.Errorf("%s: %v, mode %v, want %v", name, err, fi.Mode().Perm(), mode)
		}
	}
	_, part, _ := kg(t, "", "export", "--data", data, "--format", "neo4j", "--part", "relationships")
	if b, _ := os.ReadFile(filepath.Join(neo, "relationships.csv")); string(b) != part || !strings.HasPrefix(part, ":START_ID,:END_ID,:TYPE,") {
		t.Errorf("--part relationships differs from relationships.csv:\n%s", part)
	}

	// nquads: into a directory with its schema, or with --schema
	dg := filepath.Join(dir, "dgraph") + "/"
	code, _, errOut = kg(t, "", "export", "--data", data, "--format", "nquads", "--out", dg)
	if code != 0 || !strings.Contains(errOut, "dgraph live --files "+dg+"kg.nq --format=rdf --schema "+dg+"kg.schema --upsertPredicate xid") {
		t.Errorf("nquads --out DIR/ = exit %d:\n%s", code, errOut)
	}
	schema := filepath.Join(dir, "kg.schema")
	code, quads, errOut := kg(t, "", "export", "--data", data, "--format", "nquads", "--schema", schema)
	s1, _ := os.ReadFile(schema)
	s2, _ := os.ReadFile(dg + "kg.schema")
	q2, _ := os.ReadFile(dg + "kg.nq")
	if code != 0 || len(s1) == 0 || string(s1) != string(s2) || quads != string(q2) {
		t.Errorf("nquads --schema FILE = exit %d, %s; schema %d bytes, same as in DIR: %t; data the same: %t",
			code, errOut, len(s1), string(s1) == string(s2), quads == string(q2))
	}

	// as the README writes it: a path that does not exist is made a
	// folder, for nquads as for neo4j
	dg2 := filepath.Join(dir, "dgraph2")
	code, _, errOut = kg(t, "", "export", "--data", data, "--format", "nquads", "--out", dg2)
	s3, _ := os.ReadFile(filepath.Join(dg2, "kg.schema"))
	q3, _ := os.ReadFile(filepath.Join(dg2, "kg.nq"))
	if code != 0 || string(s3) != string(s2) || string(q3) != string(q2) ||
		!strings.Contains(errOut, "dgraph live --files "+dg2+"/kg.nq --format=rdf --schema "+dg2+"/kg.schema") {
		t.Errorf("nquads --out DIR (not there yet) = exit %d, schema as in DIR/: %t, data: %t:\n%s", code, string(s3) == string(s2), string(q3) == string(q2), errOut)
	}
	// an existing file is not taken for a folder, nor overwritten
	nq := filepath.Join(dir, "old.nq")
	os.WriteFile(nq, []byte("old\n"), 0o644)
	code, _, errOut = kg(t, "", "export", "--data", data, "--format", "nquads", "--out", nq)
	if b, _ := os.ReadFile(nq); code != 1 || string(b) != "old\n" ||
		!strings.Contains(errOut, "--out "+nq+" is a file, and format nquads writes a folder (kg.nq, kg.schema): name a folder (it is made), or give --part (data, schema) for one file") {
		t.Errorf("nquads --out FILE (there) = exit %d, file %q:\n%s", code, b, errOut)
	}
	// --part data --out FILE writes the data alone
	code, _, errOut = kg(t, "", "export", "--data", data, "--format", "nquads", "--part", "data", "--out", nq)
	if b, _ := os.ReadFile(nq); code != 0 || string(b) != string(q2) {
		t.Errorf("nquads --part data --out FILE = exit %d, the data: %t:\n%s", code, string(b) == string(q2), errOut)
	}

	// an existing directory takes a one-file format's file by its name
	code, _, errOut = kg(t, "", "export", "--data", data, "--format", "jsonl", "--out", dir)
	if _, err := os.Stat(filepath.Join(dir, "kg.jsonl")); code != 0 || err != nil {
		t.Errorf("jsonl --out existing DIR = exit %d, %v: %s", code, err, errOut)
	}
}

func TestServeExport(t *testing.T) {
	s := startServe(t)
	res, err := http.Get(s.base + "/export?format=graphml")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/graphml+xml; charset=utf-8" ||
		!strings.Contains(string(b), "<graphml") {
		t.Errorf("GET /export?format=graphml = %d %q\n%s", res.StatusCode, res.Header.Get("Content-Type"), b)
	}
	res, err = http.Get(s.base + "/export?format=pdf")
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 400 || !strings.Contains(string(b), `unknown format "pdf"`) {
		t.Errorf("GET /export?format=pdf = %d %s", res.StatusCode, b)
	}
}

// kg serve's export bounds reach the server: past --export-timeout an
// export is cut off.
func TestServeExportTimeout(t *testing.T) {
	s := startServe(t, "--addr", "127.0.0.1:0", "--export-timeout", "1ns")
	res, err := http.Get(s.base + "/export?format=graphml")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(b), "export: cut off") {
		t.Errorf("GET /export with --export-timeout 1ns = %d %q, want 503, cut off", res.StatusCode, b)
	}
}

// shellWords splits a command line as a POSIX shell would, for the simple
// lines of the README: words, single and double quotes, and the
// operators | and > as words of their own. A # starting a word starts a
// comment.
func shellWords(line string) []string {
	var words []string
	var w strings.Builder
	inWord, quote := false, rune(0)
	flush := func() {
		if inWord {
			words = append(words, w.String())
			w.Reset()
			inWord = false
		}
	}
	for _, r := range line {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				w.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			flush()
		case r == '#' && !inWord:
			flush()
			return words
		case r == '|' || r == '>':
			flush()
			words = append(words, string(r))
		default:
			w.WriteRune(r)
			inWord = true
		}
	}
	flush()
	return words
}

// TestReadmeExports runs every kg export command and every /export URL
// of the README's Export section on the demo data.
func TestReadmeExports(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := string(readme)
	section = section[strings.Index(section, "\n## Export\n"):]
	section = section[:strings.Index(section[1:], "\n## ")+1]

	data := filepath.Join(t.TempDir(), "store")
	if code, _, errOut := kg(t, "", "ingest", "--data", data, "../../examples/news"); code != 0 {
		t.Fatalf("kg ingest examples/news = exit %d: %s", code, errOut)
	}
	t.Chdir(t.TempDir()) // where the examples' files go
	dot, _ := exec.LookPath("dot")

	commands, urls := 0, 0
	for _, line := range strings.Split(section, "\n") {
		words := shellWords(line)
		switch {
		case len(words) > 2 && words[0] == "kg" && words[1] == "export":
			commands++
			args := []string{"export", "--data", data}
			var rest []string
			for i, w := range words[2:] {
				if w == "|" || w == ">" {
					rest = words[2+i:]
					break
				}
				args = append(args, w)
			}
			code, out, errOut := kg(t, "", args...)
			if code != 0 {
				t.Errorf("%s\n= exit %d: %s", line, code, errOut)
				continue
			}
			if out == "" && !strings.Contains(errOut, "exported") {
				t.Errorf("%s\nwrote nothing: %s", line, errOut)
			}
			if strings.Contains(errOut, "exported 0 edges, 0 nodes") {
				t.Errorf("%s\nexported nothing from the demo data", line)
			}
			if len(rest) > 2 && rest[0] == "|" && rest[1] == "dot" && dot != "" {
				cmd := exec.Command(dot, "-Tsvg")
				cmd.Stdin = strings.NewReader(out)
				if svg, err := cmd.Output(); err != nil || !strings.Contains(string(svg), "Nordhavn Energy") {
					t.Errorf("%s\ndot: %v", line, err)
				}
			}
		case len(words) > 1 && words[0] == "curl":
			u := words[len(words)-1]
			if !strings.HasPrefix(u, "http://127.0.0.1:8080/export?") {
				continue
			}
			urls++
			q, err := url.ParseQuery(strings.TrimPrefix(u, "http://127.0.0.1:8080/export?"))
			if err != nil {
				t.Errorf("%s: %v", u, err)
				continue
			}
			o, err := export.ParseQuery(q)
			if err != nil {
				t.Errorf("%s: %v", u, err)
				continue
			}
			st, err := graph.Open(data, graph.Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			res, err := export.WriteZip(context.Background(), st, o, io.Discard)
			st.Close()
			if err != nil || res.Edges+res.Nodes == 0 && !strings.Contains(u, "part=schema") {
				t.Errorf("%s: %d edges, %v", u, res.Edges, err)
			}
		}
	}
	if commands < 15 || urls < 6 {
		t.Errorf("found %d kg export commands and %d /export URLs in the README's Export section", commands, urls)
	}
}
