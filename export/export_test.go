package export_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kg-builder/kg/export"
	"github.com/kg-builder/kg/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Awkward names, as ingest could store them.
const (
	nordhavn = `Nordhavn "North" Energy`
	lineName = "Line\nBreak Ltd"
	chinese  = "北京 Ñúñez"
	ctrlName = "Ctrl\x01Char"
)

// testDocs are two documents of a demo-like graph whose names hold quotes,
// <, &, a line break, a backslash, a semicolon, a control character and
// non-Latin letters. Stored, they give:
//
//	E1 Aino Kestilä (PERSON)  E2 Kristjan Saarepuu (PERSON)  E3 Helsinki (PLACE)
//	E4 Nordhavn "North" Energy (ORG, alias Nordhavn & Co <AB>)
//	E5 Line\nBreak Ltd (ORG, alias Back\slash; Semi)  E6 Dave Brown (PERSON, no edges)
//	E7 北京 Ñúñez (MISC)  E8 budget (CONCEPT)  E9 Ctrl\x01Char (CONCEPT)
//
//	T1 E1 meet E2, d1 and d2: count 2        T2 E1 visit E3 (d1)
//	T3 E4 sign with E5 (d1), said by Kristjan "K" Saarepuu
//	T4 E4 base in E3 (d2), negated, could    T5 E7 discuss E8 (d2)
//	T6 E2 lead E4 (d2)                       T7 E8 worry E9 (d2)
func testDocs() []graph.Document {
	ev := func(i int, text string, start int) []graph.Evidence {
		return []graph.Evidence{{Sentence: i, Text: text, Start: start, End: start + len(text)}}
	}
	tr := func(s, st, rel, rt, o, ot string, conf float64, sType, oType string, e []graph.Evidence) graph.Triple {
		return graph.Triple{Subject: s, SubjectText: st, Relation: rel, RelationText: rt, Object: o, ObjectText: ot,
			SubjectType: sType, ObjectType: oType, Confidence: conf, Evidence: e}
	}
	p, o, pl, m, c := graph.Person, graph.Org, graph.Place, graph.Misc, graph.Concept
	base := tr(nordhavn, "Nordhavn", "base in", "could not be based in", "Helsinki", "Helsinki", 0.5, o, pl,
		ev(0, "Nordhavn could not be based in Helsinki, Kestilä said.", 0))
	base.Negated, base.Modality, base.AttributedTo = true, "could", "Aino Kestilä"
	sign := tr(nordhavn, "Nordhavn", "sign with", "signed with", lineName, "Line\nBreak", 0.7, o, o,
		ev(2, "Nordhavn signed with Line\nBreak, \"K\" said.", 60))
	sign.AttributedTo = `Kristjan "K" Saarepuu`
	return []graph.Document{
		{
			ID: "news/helsinki talks.txt", Hash: "h1", Title: `Talks <in> "Helsinki" & more`, Source: "news",
			URL: "https://example.com/a?b=1&c=2", Date: "2026-04-28", Sentences: 3, Tokens: 30,
			Entities: []graph.Entity{
				{Name: "Aino Kestilä", Type: p, Aliases: []string{"Aino Kestilä", "Kestilä"}, Mentions: 2},
				{Name: "Kristjan Saarepuu", Type: p, Aliases: []string{"Kristjan Saarepuu"}, Mentions: 1},
				{Name: "Helsinki", Type: pl, Aliases: []string{"Helsinki"}, Mentions: 1},
				{Name: nordhavn, Type: o, Aliases: []string{nordhavn, "Nordhavn & Co <AB>"}, Mentions: 2},
				{Name: lineName, Type: o, Aliases: []string{lineName, `Back\slash; Semi`}, Mentions: 1},
				{Name: "Dave Brown", Type: p, Aliases: []string{"Dave Brown"}, Keys: []string{"Brown"}, Mentions: 1},
			},
			Triples: []graph.Triple{
				tr("Aino Kestilä", "Aino Kestilä", "meet", "met", "Kristjan Saarepuu", "Kristjan Saarepuu", 0.8, p, p,
					ev(0, "Aino Kestilä met Kristjan Saarepuu in Helsinki.", 0)),
				tr("Aino Kestilä", "Kestilä", "visit", "visited", "Helsinki", "Helsinki", 0.6, p, pl,
					ev(1, "Kestilä visited Helsinki.", 47)),
				sign,
			},
		},
		{
			ID: "d2", Hash: "h2", Title: "Second", Sentences: 4, Tokens: 40,
			Entities: []graph.Entity{
				{Name: chinese, Type: m, Aliases: []string{chinese}, Mentions: 1},
				{Name: "budget", Type: c, Aliases: []string{"the budget"}, Mentions: 2},
				{Name: ctrlName, Type: c, Aliases: []string{ctrlName}, Mentions: 1},
			},
			Triples: []graph.Triple{
				base,
				tr("Aino Kestilä", "Kestilä", "meet", "met", "Kristjan Saarepuu", "Saarepuu", 0.5, p, p,
					ev(1, "Kestilä met Saarepuu again.", 56)),
				tr(chinese, chinese, "discuss", "discussed", "budget", "the budget", 0.4, m, c,
					ev(2, chinese+" discussed the budget.", 84)),
				tr("Kristjan Saarepuu", "Saarepuu", "lead", "leads", nordhavn, "Nordhavn", 0.9, p, o,
					ev(3, "Saarepuu leads Nordhavn.", 120)),
				tr("budget", "the budget", "worry", "worries", ctrlName, ctrlName, 0.3, c, c,
					ev(4, "The budget worries "+ctrlName+".", 150)),
			},
		},
	}
}

func testStore(t testing.TB) *graph.Store {
	t.Helper()
	s, err := graph.Open("", graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for _, d := range testDocs() {
		if _, err := s.Add(context.Background(), d); err != nil {
			t.Fatalf("Add(%s) = %v", d.ID, err)
		}
	}
	return s
}

// export writes one file of the export o describes.
func export1(t testing.TB, st export.Store, o export.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := export.Write(context.Background(), st, o, &b); err != nil {
		t.Fatalf("Write(%+v) = %v", o, err)
	}
	return b.Bytes()
}

// everyFile lists every file of every format, as options.
func everyFile() []export.Options {
	var out []export.Options
	for _, f := range export.Formats() {
		for _, p := range export.Parts(f) {
			out = append(out, export.Options{Format: f, Part: p.Part, StoreID: "kgtest"})
		}
	}
	return out
}

func goldenName(o export.Options) string { return o.Format + "-" + o.Part + ".golden" }

// TestGolden writes every file of every format for the test store and
// compares it with testdata; go test ./export -update rewrites them.
func TestGolden(t *testing.T) {
	st := testStore(t)
	for _, o := range everyFile() {
		t.Run(o.Format+"/"+o.Part, func(t *testing.T) {
			got := export1(t, st, o)
			path := filepath.Join("testdata", goldenName(o))
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./export -update to write it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s (-want +got):\n%s", path, diff)
			}
		})
	}
}

// The same store exports the same bytes, and so does a store built the
// same way.
func TestDeterministic(t *testing.T) {
	a, b := testStore(t), testStore(t)
	sels := []graph.Selection{{}, {Around: "Kestilä", Depth: 2}, {Filter: graph.EdgeFilter{Types: []string{"PERSON", "ORG"}}}}
	for _, o := range everyFile() {
		for _, sel := range sels {
			o.Selection = sel
			first := export1(t, a, o)
			if again := export1(t, a, o); !bytes.Equal(first, again) {
				t.Errorf("%s/%s %+v: two exports of the same store differ", o.Format, o.Part, sel)
			}
			if other := export1(t, b, o); !bytes.Equal(first, other) {
				t.Errorf("%s/%s %+v: two stores built alike export differently", o.Format, o.Part, sel)
			}
		}
	}
	var z1, z2 bytes.Buffer
	for _, z := range []*bytes.Buffer{&z1, &z2} {
		if _, err := export.WriteZip(context.Background(), a, export.Options{Format: "neo4j"}, z); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(z1.Bytes(), z2.Bytes()) {
		t.Error("two zips of the same export differ")
	}
}

// ids finds the edge and node ids a file of each format names.
var idPatterns = map[string][2]*regexp.Regexp{
	"graphml":  {regexp.MustCompile(`<edge id="(T\d+)"`), regexp.MustCompile(`<node id="(E\d+)"`)},
	"gexf":     {regexp.MustCompile(`<edge id="(T\d+)"`), regexp.MustCompile(`<node id="(E\d+)"`)},
	"dot":      {regexp.MustCompile(`id="(T\d+)"`), regexp.MustCompile(`(?m)^  "(E\d+)" \[`)},
	"nquads":   {regexp.MustCompile(`<urn:kg:triple:(T\d+)> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>`), regexp.MustCompile(`<urn:kg:entity:(E\d+)> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>`)},
	"ntriples": {regexp.MustCompile(`<urn:kg:triple:(T\d+)> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>`), regexp.MustCompile(`<urn:kg:entity:(E\d+)> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>`)},
	"dgraph":   {regexp.MustCompile(`(?m)^_:kgtest\.(T\d+) <dgraph\.type>`), regexp.MustCompile(`(?m)^_:kgtest\.(E\d+) <dgraph\.type>`)},
	"jsonl":    {regexp.MustCompile(`(?m)^\{"id":"(T\d+)"`), nil},
}

func matches(re *regexp.Regexp, b []byte) []string {
	out := []string{}
	for _, m := range re.FindAllSubmatch(b, -1) {
		out = append(out, string(m[1]))
	}
	slices.Sort(out)
	return out
}

// csvColumn reads one column of a CSV file, header dropped.
func csvColumn(t *testing.T, b []byte, col int) []string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, b)
	}
	out := []string{}
	for _, r := range rows[1:] {
		out = append(out, r[col])
	}
	slices.Sort(out)
	return out
}

// TestFilters exports every format with each filter and checks the edges
// and nodes it names.
func TestFilters(t *testing.T) {
	st := testStore(t)
	f := func(ef graph.EdgeFilter) graph.Selection { return graph.Selection{Filter: ef} }
	tests := []struct {
		name         string
		sel          graph.Selection
		edges, nodes []string
	}{
		{"everything", graph.Selection{}, []string{"T1", "T2", "T3", "T4", "T5", "T6", "T7"},
			[]string{"E1", "E2", "E3", "E4", "E5", "E7", "E8", "E9"}},
		{"around, depth 1", graph.Selection{Around: "Kestilä", Depth: 1}, []string{"T1", "T2"}, []string{"E1", "E2", "E3"}},
		{"around by id, depth 2", graph.Selection{Around: "E1", Depth: 2}, []string{"T1", "T2", "T4", "T6"}, []string{"E1", "E2", "E3", "E4"}},
		{"around, depth 0", graph.Selection{Around: nordhavn}, []string{}, []string{"E4"}},
		{"relations", f(graph.EdgeFilter{Relations: []string{"meet", "lead"}}), []string{"T1", "T6"}, []string{"E1", "E2", "E4"}},
		{"types", f(graph.EdgeFilter{Types: []string{"person", "ORG"}}), []string{"T1", "T3", "T6"}, []string{"E1", "E2", "E4", "E5"}},
		{"min confidence", f(graph.EdgeFilter{MinConfidence: 0.85}), []string{"T1", "T6"}, []string{"E1", "E2", "E4"}},
		{"min count", f(graph.EdgeFilter{MinCount: 2}), []string{"T1"}, []string{"E1", "E2"}},
		{"document", f(graph.EdgeFilter{Document: "news/helsinki talks.txt"}), []string{"T1", "T2", "T3"}, []string{"E1", "E2", "E3", "E4", "E5"}},
		{"since", f(graph.EdgeFilter{Since: "2026-04"}), []string{"T1", "T2", "T3"}, []string{"E1", "E2", "E3", "E4", "E5"}},
		{"around with a relation", graph.Selection{Around: "Saarepuu", Depth: 3, Filter: graph.EdgeFilter{Relations: []string{"meet", "lead", "sign with"}}},
			[]string{"T1", "T3", "T6"}, []string{"E1", "E2", "E4", "E5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, o := range everyFile() {
				if o.Part == "schema" || o.Part == "import" || o.Part == "graphql" {
					continue
				}
				o.Selection = tt.sel
				var b bytes.Buffer
				res, err := export.Write(context.Background(), st, o, &b)
				if err != nil {
					t.Fatalf("Write(%+v) = %v", o, err)
				}
				var edges, nodes []string
				switch {
				case o.Format == "csv" && o.Part == "edges":
					edges = csvColumn(t, b.Bytes(), 13)
				case o.Format == "csv":
					nodes = csvColumn(t, b.Bytes(), 0)
				case o.Part == "nodes":
					nodes = csvColumn(t, b.Bytes(), 0)
				case o.Part == "relationships":
					edges = csvColumn(t, b.Bytes(), 3)
				default:
					p := idPatterns[o.Format]
					edges = matches(p[0], b.Bytes())
					if p[1] != nil {
						nodes = matches(p[1], b.Bytes())
					}
				}
				if edges != nil {
					if diff := cmp.Diff(tt.edges, edges); diff != "" {
						t.Errorf("%s/%s edges (-want +got):\n%s", o.Format, o.Part, diff)
					}
					if res.Edges != len(tt.edges) {
						t.Errorf("%s/%s: Result.Edges = %d, want %d", o.Format, o.Part, res.Edges, len(tt.edges))
					}
				}
				if nodes != nil {
					want := tt.nodes
					if (o.Format == "csv" || o.Format == "dgraph") && tt.name == "everything" {
						want = []string{"E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9"} // every entity
					}
					if diff := cmp.Diff(want, nodes); diff != "" {
						t.Errorf("%s/%s nodes (-want +got):\n%s", o.Format, o.Part, diff)
					}
				}
			}
		})
	}
}

func TestOptionErrors(t *testing.T) {
	ctx := context.Background()
	st := testStore(t)
	sel := func(s graph.Selection) export.Options { return export.Options{Format: "csv", Selection: s} }
	for _, tt := range []struct {
		o    export.Options
		want error
		msg  string
	}{
		{export.Options{Format: "xls"}, export.ErrInvalid, `unknown format "xls"`},
		{export.Options{Format: "graphml", Part: "nodes"}, export.ErrInvalid, `format graphml has no part "nodes"`},
		{sel(graph.Selection{Depth: 2}), export.ErrInvalid, "a depth needs an entity"},
		{sel(graph.Selection{Around: "Kestilä", Depth: 11}), export.ErrInvalid, "depth 11: must be from 0 to 10"},
		{sel(graph.Selection{Filter: graph.EdgeFilter{Types: []string{"PEOPLE"}}}), export.ErrInvalid, `type "PEOPLE"`},
		{sel(graph.Selection{Filter: graph.EdgeFilter{MinConfidence: 1.5}}), export.ErrInvalid, "minimum confidence 1.5"},
		{sel(graph.Selection{Filter: graph.EdgeFilter{MinCount: -1}}), export.ErrInvalid, "minimum count -1"},
		{sel(graph.Selection{Filter: graph.EdgeFilter{Since: "2027", Until: "2026"}}), export.ErrInvalid, "is after until"},
		{sel(graph.Selection{Around: "Nobody", Depth: 1}), graph.ErrNotFound, `no entity called "Nobody"`},
		{sel(graph.Selection{Filter: graph.EdgeFilter{Document: "nope"}}), graph.ErrNotFound, `no document "nope"`},
		{export.Options{Format: "neo4j"}, export.ErrInvalid, "writes 3 files"},
	} {
		_, err := export.Write(ctx, st, tt.o, io.Discard)
		if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("Write(%+v) = %v, want %v saying %q", tt.o, err, tt.want, tt.msg)
		}
	}
	// nothing is written before the selection is checked
	called := false
	_, err := export.WriteFiles(ctx, st, sel(graph.Selection{Around: "Nobody"}), func(export.File) (io.Writer, error) {
		called = true
		return io.Discard, nil
	})
	if err == nil || called {
		t.Errorf("WriteFiles(unknown entity) = %v, create called %t; want an error first", err, called)
	}
}

// Names survive every format: XML, CSV and JSON read them back exactly.
func TestEscaping(t *testing.T) {
	st := testStore(t)
	names := []string{"Aino Kestilä", nordhavn, lineName, chinese}

	// GraphML and GEXF: a Go XML parser reads every name back
	for _, format := range []string{"graphml", "gexf"} {
		b := export1(t, st, export.Options{Format: format})
		dec := xml.NewDecoder(bytes.NewReader(b))
		var texts []string
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s is not XML: %v", format, err)
			}
			switch tok := tok.(type) {
			case xml.CharData:
				texts = append(texts, string(tok))
			case xml.StartElement:
				for _, a := range tok.Attr {
					texts = append(texts, a.Value)
				}
			}
		}
		for _, n := range names {
			if !slices.Contains(texts, n) {
				t.Errorf("%s: %q not read back", format, n)
			}
		}
		if !slices.Contains(texts, "Ctrl\uFFFDChar") {
			t.Errorf("%s: a control character is not U+FFFD", format)
		}
	}

	// CSV: encoding/csv reads names, aliases and the line break back
	rows, err := csv.NewReader(bytes.NewReader(export1(t, st, export.Options{Format: "csv", Part: "nodes"}))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows[1:] {
		got = append(got, r[1])
	}
	for _, n := range append(names, ctrlName) {
		if !slices.Contains(got, n) {
			t.Errorf("csv nodes: %q not read back from %q", n, got)
		}
	}
	if !slices.ContainsFunc(rows, func(r []string) bool { return r[4] == "Line\nBreak Ltd;Back\\slash, Semi" }) {
		t.Errorf("csv nodes: aliases of E5 not joined with ; (and its ; made a comma): %q", rows)
	}

	// JSON Lines: every line is JSON, names exact
	var ends []string
	for _, line := range bytes.Split(bytes.TrimSpace(export1(t, st, export.Options{Format: "jsonl"})), []byte("\n")) {
		var e export.Edge
		if err := json.Unmarshal(line, &e); err != nil {
			t.Fatalf("jsonl line is not JSON: %v\n%s", err, line)
		}
		ends = append(ends, e.Subject.Name, e.Object.Name)
	}
	for _, n := range append(names, ctrlName) {
		if !slices.Contains(ends, n) {
			t.Errorf("jsonl: %q not read back", n)
		}
	}

	// DOT and N-Triples: hand-checked escapes
	dot := string(export1(t, st, export.Options{Format: "dot"}))
	for _, want := range []string{`label="Nordhavn \"North\" Energy"`, `label="Line\nBreak Ltd"`, `label="北京 Ñúñez"`,
		`label="Ctrl Char"`, `Nordhavn &amp; Co <AB>`} {
		if !strings.Contains(dot, want) {
			t.Errorf("dot lacks %s", want)
		}
	}
	nt := string(export1(t, st, export.Options{Format: "ntriples"}))
	for _, want := range []string{`"Nordhavn \"North\" Energy"`, `"Line\nBreak Ltd"`, `"Back\\slash; Semi"`, `"Ctrl\u0001Char"`,
		`<urn:kg:document:news/helsinki%20talks.txt>`, `<urn:kg:rel:sign%20with>`, `"北京 Ñúñez"`} {
		if !strings.Contains(nt, want) {
			t.Errorf("ntriples lacks %s", want)
		}
	}
	// a negated edge is no plain triple: it would say Nordhavn is based in Helsinki
	if strings.Contains(nt, "<urn:kg:rel:base%20in>") {
		t.Error("ntriples asserts the negated T4")
	}
}

func TestRelationType(t *testing.T) {
	for in, want := range map[string]string{
		"meet": "MEET", "work for": "WORK_FOR", "secretary general of": "SECRETARY_GENERAL_OF", "be": "BE",
		"talk to (again)": "TALK_TO_AGAIN", "2nd": "R_2ND", "": "RELATED", "--": "RELATED", "rencontrer à": "RENCONTRER_À",
	} {
		if got := export.RelationType(in); got != want {
			t.Errorf("RelationType(%q) = %q, want %q", in, got, want)
		}
	}
}

// neo4jField is a field of a neo4j-admin import header, as the import
// header format documents it: name:type, where the type is one of the
// field kinds (ID, with an optional (group), LABEL, START_ID, END_ID,
// TYPE, IGNORE) or a property type, optionally an array ([]); a field
// without a type is a string property.
var neo4jField = regexp.MustCompile(`^([^:]*)(?::(ID(?:\([^)]*\))?|LABEL|START_ID(?:\([^)]*\))?|END_ID(?:\([^)]*\))?|TYPE|IGNORE|` +
	`(?:int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration)(?:\[\])?))?$`)

// checkNeo4jHeader checks a header against the documented format: every
// field well formed, property names unique and not blank, and the fields
// a file of its kind must have.
func checkNeo4jHeader(t *testing.T, header []string, nodes bool) {
	t.Helper()
	kinds := map[string]int{}
	names := map[string]bool{}
	for _, f := range header {
		m := neo4jField.FindStringSubmatch(f)
		if m == nil {
			t.Errorf("neo4j header field %q is not name:type", f)
			continue
		}
		kind := strings.SplitN(m[2], "(", 2)[0]
		switch kind {
		case "ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE":
			kinds[kind]++
			if (kind == "LABEL" || kind == "TYPE" || kind == "START_ID" || kind == "END_ID") && m[1] != "" {
				t.Errorf("neo4j header field %q: the importer ignores a name here", f)
			}
		default:
			if m[1] == "" {
				t.Errorf("neo4j header field %q: a property needs a name", f)
			}
		}
		if m[1] != "" {
			if names[m[1]] {
				t.Errorf("neo4j header: property %q twice", m[1])
			}
			names[m[1]] = true
		}
	}
	if nodes && (kinds["ID"] != 1 || kinds["LABEL"] != 1 || kinds["START_ID"]+kinds["END_ID"]+kinds["TYPE"] != 0) {
		t.Errorf("neo4j nodes header %q: want one :ID, one :LABEL, no relationship fields", header)
	}
	if !nodes && (kinds["START_ID"] != 1 || kinds["END_ID"] != 1 || kinds["TYPE"] != 1 || kinds["ID"]+kinds["LABEL"] != 0) {
		t.Errorf("neo4j relationships header %q: want one :START_ID, :END_ID and :TYPE each, no node fields", header)
	}
}

func TestNeo4jFormat(t *testing.T) {
	st := testStore(t)
	var z bytes.Buffer
	res, err := export.WriteZip(context.Background(), st, export.Options{Format: "neo4j"}, &z)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(z.Bytes()), int64(z.Len()))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	if diff := cmp.Diff([]string{"import.sh", "nodes.csv", "relationships.csv"}, slices.Sorted(func(yield func(string) bool) {
		for k := range files {
			if !yield(k) {
				return
			}
		}
	})); diff != "" {
		t.Fatalf("zip files (-want +got):\n%s", diff)
	}
	for name, nodes := range map[string]bool{"nodes.csv": true, "relationships.csv": false} {
		r := csv.NewReader(bytes.NewReader(files[name]))
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkNeo4jHeader(t, rows[0], nodes)
		// typed values parse as their types say
		for _, row := range rows[1:] {
			for i, f := range rows[0] {
				v := row[i]
				switch {
				case strings.HasSuffix(f, ":int") && !regexp.MustCompile(`^\d+$`).MatchString(v),
					strings.HasSuffix(f, ":double") && !regexp.MustCompile(`^\d+\.\d+$`).MatchString(v),
					strings.HasSuffix(f, ":boolean") && v != "true" && v != "false",
					f == ":TYPE" && !regexp.MustCompile(`^[\p{Lu}\p{N}_]+$`).MatchString(v):
					t.Errorf("%s: %s = %q", name, f, v)
				}
			}
		}
	}
	// the line break in E5's name needs --multiline-fields
	if !res.Multiline || !bytes.Contains(files["import.sh"], []byte("--multiline-fields=true")) {
		t.Errorf("Multiline = %t; import.sh:\n%s", res.Multiline, files["import.sh"])
	}
	// each file alone is the same as in the zip
	for _, p := range export.Parts("neo4j") {
		if got := export1(t, st, export.Options{Format: "neo4j", Part: p.Part}); !bytes.Equal(got, files[p.Name]) {
			t.Errorf("part %s alone differs from the zip's %s", p.Part, p.Name)
		}
	}
	// without line breaks, no --multiline-fields
	var b bytes.Buffer
	if _, err := export.Write(context.Background(), st, export.Options{Format: "neo4j", Part: "import",
		Selection: graph.Selection{Around: "Kestilä", Depth: 1}}, &b); err != nil || strings.Contains(b.String(), "multiline") {
		t.Errorf("import.sh around Kestilä: %v\n%s", err, b.String())
	}
	want := `neo4j-admin database import full neo4j --nodes='out dir/nodes.csv' --relationships='out dir/relationships.csv' --array-delimiter=";" --overwrite-destination=true --multiline-fields=true`
	if got := res.Command("out dir"); got != want {
		t.Errorf("Command() =\n%s\nwant\n%s", got, want)
	}
}

// dgraphLine is an N-Quad as Dgraph's loader reads it (chunker/rdf_parser.go):
// IRIs of IRIREF characters with no escapes (Dgraph keeps them as they are),
// a literal that Go's strconv.Unquote reads (Dgraph unquotes with it), a
// datatype from its type map, and no fourth term (Dgraph would read it as
// a namespace number).
var dgraphLine = regexp.MustCompile(`^(<[^\x00-\x20<>"{}|^` + "`" + `\\]+>) (<[^\x00-\x20<>"{}|^` + "`" + `\\]+>) ` +
	`(<[^\x00-\x20<>"{}|^` + "`" + `\\]+>|("(?:[^"\\\n\r]|\\[tbnrf"\\]|\\u[0-9A-F]{4})*")` +
	`(?:\^\^<http://www\.w3\.org/2001/XMLSchema#(?:string|int|integer|double|float|boolean|date|dateTime)>)?) \.$`)

func TestDgraphCompatible(t *testing.T) {
	st := testStore(t)
	lines := strings.Split(strings.TrimSuffix(string(export1(t, st, export.Options{Format: "nquads"})), "\n"), "\n")
	for _, l := range lines {
		if strings.HasPrefix(l, "#") {
			continue
		}
		m := dgraphLine.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("Dgraph would not read %q", l)
			continue
		}
		if m[4] != "" {
			if _, err := strconv.Unquote(m[4]); err != nil {
				t.Errorf("Dgraph cannot unquote %s: %v", m[4], err)
			}
		}
	}
	// the schema: comments, and one predicate per line as Dgraph writes them
	pred := regexp.MustCompile(`^(?:[a-z][a-z0-9_.]*|<[^\x00-\x20<>"{}|^` + "`" + `\\]+>): (?:\[?(?:uid|string|int|float|bool|datetime)\]?)(?: @index\([a-z, ]+\)| @reverse| @upsert)* \.$`)
	for _, l := range strings.Split(export.DgraphSchema, "\n") {
		if l != "" && !strings.HasPrefix(l, "#") && !pred.MatchString(l) {
			t.Errorf("schema line %q", l)
		}
	}
	// every predicate of the data is in the schema
	for _, l := range lines {
		if m := dgraphLine.FindStringSubmatch(l); m != nil && !strings.Contains(export.DgraphSchema, m[2]+":") {
			t.Errorf("predicate %s is not in the schema", m[2])
		}
	}
}
