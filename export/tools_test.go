package export_test

// The exports read by the tools they are for: networkx (GraphML, GEXF),
// Graphviz (DOT), raptor's rapper and rdflib (N-Triples, N-Quads) and
// csvkit (CSV). .ci/run installs them from Debian; where one is missing
// its test skips, unless KG_REQUIRE_E2E=1.

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/kg-builder/kg/export"
	"github.com/kg-builder/kg/graph"
)

// python is Debian's Python, which has the Debian packages' modules.
const python = "/usr/bin/python3"

// need skips the test when a tool is missing, or fails it under
// KG_REQUIRE_E2E=1.
func need(t *testing.T, name string, args ...string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil && len(args) > 0 {
		err = exec.Command(path, args...).Run()
	}
	if err != nil {
		msg := fmt.Sprintf("%s %s is not available (%v): apt-get install graphviz raptor2-utils python3-networkx python3-rdflib csvkit", name, strings.Join(args, " "), err)
		if os.Getenv("KG_REQUIRE_E2E") == "1" {
			t.Fatal(msg + " (and KG_REQUIRE_E2E=1)")
		}
		t.Skip(msg)
	}
	return path
}

// exportFile writes one file of an export of the test store into a
// temporary directory and returns its path.
func exportFile(t *testing.T, st export.Store, o export.Options) string {
	t.Helper()
	files, err := export.Files(o)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), files[0].Name)
	if err := os.WriteFile(path, export1(t, st, o), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// run runs a command and returns its standard output; it fails the test
// when the command fails.
func run(t *testing.T, name string, args ...string) (string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out.String(), errb.String())
	}
	return out.String(), errb.String()
}

// xmlSafe is what an XML file can hold of s: characters XML forbids are
// U+FFFD.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			return '\uFFFD'
		}
		return r
	}, s)
}

// storeGraph is the test store as networkx should read it.
type nxGraph struct {
	Nodes map[string]map[string]any `json:"nodes"`
	Edges map[string]map[string]any `json:"edges"` // by edge id; source and target in "_ends"
}

func expectedGraph(t *testing.T, st *graph.Store, gexf bool) nxGraph {
	t.Helper()
	g := nxGraph{Nodes: map[string]map[string]any{}, Edges: map[string]map[string]any{}}
	err := st.Snapshot(context.Background(), func(sn *graph.Snapshot) error {
		if err := sn.Nodes(graph.Selection{}, func(e graph.Entity) error {
			var aliases []string
			for _, a := range e.Aliases {
				aliases = append(aliases, xmlSafe(strings.ReplaceAll(a, ";", ",")))
			}
			g.Nodes[e.ID] = map[string]any{"label": xmlSafe(e.Name), "type": e.Type, "mentions": float64(e.Mentions),
				"aliases": strings.Join(aliases, ";")}
			return nil
		}); err != nil {
			return err
		}
		return sn.Edges(graph.Selection{}, func(tr graph.Triple) error {
			m := map[string]any{"_ends": tr.SubjectID + ">" + tr.ObjectID, "label": tr.Relation, "relation": tr.Relation,
				"confidence": tr.Confidence, "count": float64(tr.Count), "negated": tr.Negated, "relation_text": xmlSafe(tr.RelationText)}
			if tr.Modality != "" {
				m["modality"] = tr.Modality
			}
			if tr.AttributedTo != "" {
				m["attributed_to"] = tr.AttributedTo
			}
			if gexf {
				m["id"], m["weight"] = tr.ID, float64(tr.Count)
			}
			g.Edges[tr.ID] = m
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// networkx loads a GraphML or GEXF file and prints its nodes and edges,
// every attribute with the type networkx gave it.
const networkxScript = `
import json, sys
import networkx as nx
path, kind = sys.argv[1], sys.argv[2]
g = nx.read_graphml(path, force_multigraph=True) if kind == "graphml" else nx.read_gexf(path)
nodes = {n: d for n, d in g.nodes(data=True)}
edges = {}
for e in (g.edges(keys=True, data=True) if g.is_multigraph() else g.edges(data=True)):
    u, v, d = e[0], e[1], dict(e[-1])
    key = e[2] if g.is_multigraph() else d["id"]
    d["_ends"] = u + ">" + v
    edges[str(key)] = d
types = sorted({type(v).__name__ for d in list(nodes.values()) + list(edges.values()) for v in d.values()})
print(json.dumps({"nodes": nodes, "edges": edges, "types": types, "directed": g.is_directed()}, ensure_ascii=False))
`

func TestNetworkx(t *testing.T) {
	need(t, python, "-c", "import networkx")
	st := testStore(t)
	for _, format := range []string{"graphml", "gexf"} {
		t.Run(format, func(t *testing.T) {
			path := exportFile(t, st, export.Options{Format: format})
			out, _ := run(t, python, "-c", networkxScript, path, format)
			var got struct {
				nxGraph
				Types    []string
				Directed bool
			}
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("networkx output: %v\n%s", err, out)
			}
			want := expectedGraph(t, st, format == "gexf")
			if diff := cmp.Diff(want, got.nxGraph, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
				t.Errorf("networkx read %s (-want +got):\n%s", format, diff)
			}
			// typed attributes come back typed, not as strings
			if diff := cmp.Diff([]string{"bool", "float", "int", "str"}, got.Types); diff != "" {
				t.Errorf("attribute types (-want +got):\n%s", diff)
			}
			if !got.Directed {
				t.Error("networkx read an undirected graph")
			}
		})
	}
}

func TestGraphviz(t *testing.T) {
	dot := need(t, "dot", "-V")
	st := testStore(t)
	for _, sel := range []graph.Selection{{}, {Around: "Saarepuu", Depth: 1}} {
		path := exportFile(t, st, export.Options{Format: "dot", Selection: sel})
		svg, stderr := run(t, dot, "-Tsvg", path)
		if strings.TrimSpace(stderr) != "" {
			t.Errorf("dot -Tsvg %+v warns:\n%s", sel, stderr)
		}
		var texts []string
		dec := xml.NewDecoder(strings.NewReader(svg))
		dec.Strict = false
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("dot wrote no SVG: %v\n%s", err, svg)
			}
			if c, ok := tok.(xml.CharData); ok && strings.TrimSpace(string(c)) != "" {
				texts = append(texts, string(c))
			}
		}
		want := []string{"Kristjan Saarepuu", "lead", `Nordhavn "North" Energy`, "meet"}
		if sel.Around == "" {
			want = append(want, "Line", "Break Ltd", "北京 Ñúñez", "base in (could)", "PERSON (ellipse)")
		}
		for _, w := range want {
			if !slices.Contains(texts, w) {
				t.Errorf("SVG of %+v lacks the text %q; has %q", sel, w, texts)
			}
		}
	}
}

// statements counts the lines of an RDF file that are not comments.
func statements(t *testing.T, path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range strings.Split(string(b), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			n++
		}
	}
	return n
}

func TestRapper(t *testing.T) {
	rapper := need(t, "rapper", "--version")
	st := testStore(t)
	for _, format := range []string{"ntriples", "nquads"} {
		path := exportFile(t, st, export.Options{Format: format})
		_, stderr := run(t, rapper, "-i", format, "-c", path)
		m := regexp.MustCompile(`returned (\d+) (?:triples|statements)`).FindStringSubmatch(stderr)
		if m == nil || strings.Contains(stderr, "rapper: Error") || strings.Contains(stderr, "rapper: Warning") {
			t.Fatalf("rapper -i %s:\n%s", format, stderr)
		}
		if n, want := atoi(m[1]), statements(t, path); n != want {
			t.Errorf("rapper -i %s counts %d statements, want %d", format, n, want)
		}
	}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// rdflibScript parses an N-Triples or N-Quads file and prints how many
// statements it holds and the names of some entities.
const rdflibScript = `
import json, sys
import rdflib
path, kind = sys.argv[1], sys.argv[2]
g = rdflib.Graph() if kind == "nt" else rdflib.ConjunctiveGraph()
g.parse(path, format=kind)
name = rdflib.URIRef("urn:kg:name")
names = {str(s): str(o) for s, p, o in g.triples((None, name, None))}
conf = [o.toPython() for s, p, o in g.triples((rdflib.URIRef("urn:kg:triple:T1"), rdflib.URIRef("urn:kg:confidence"), None))]
print(json.dumps({"count": len(g), "names": names, "confidence": conf}, ensure_ascii=False))
`

func TestRDFLib(t *testing.T) {
	need(t, python, "-c", "import rdflib")
	st := testStore(t)
	for format, kind := range map[string]string{"ntriples": "nt", "nquads": "nquads"} {
		path := exportFile(t, st, export.Options{Format: format})
		out, _ := run(t, python, "-c", rdflibScript, path, kind)
		var got struct {
			Count      int
			Names      map[string]string
			Confidence []float64
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("rdflib output: %v\n%s", err, out)
		}
		if want := statements(t, path); got.Count != want {
			t.Errorf("rdflib reads %d statements of %s, want %d", got.Count, format, want)
		}
		for id, name := range map[string]string{"E4": nordhavn, "E5": lineName, "E7": chinese, "E9": ctrlName} {
			if got.Names["urn:kg:entity:"+id] != name {
				t.Errorf("rdflib reads %s of %s as %q, want %q", id, format, got.Names["urn:kg:entity:"+id], name)
			}
		}
		if len(got.Confidence) != 1 || got.Confidence[0] != 0.9 {
			t.Errorf("rdflib reads T1's confidence as %v, want [0.9] (a double)", got.Confidence)
		}
	}
}

func TestCSVKit(t *testing.T) {
	csvcut := need(t, "csvcut", "--version")
	csvjson := need(t, "csvjson", "--version")
	st := testStore(t)
	header := func(path string) []string {
		out, _ := run(t, csvcut, "-n", path)
		var cols []string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			_, name, _ := strings.Cut(l, ": ")
			cols = append(cols, name)
		}
		return cols
	}
	for _, tt := range []struct {
		o      export.Options
		header []string
		rows   int
	}{
		{export.Options{Format: "csv"}, export.EdgeHeader, 7},
		{export.Options{Format: "csv", Part: "nodes"}, export.NodeHeader, 9},
		{export.Options{Format: "neo4j", Part: "nodes"}, export.Neo4jNodeHeader, 8},
		{export.Options{Format: "neo4j", Part: "relationships"}, export.Neo4jEdgeHeader, 7},
	} {
		path := exportFile(t, st, tt.o)
		if diff := cmp.Diff(tt.header, header(path)); diff != "" {
			t.Errorf("csvcut -n %s/%s (-want +got):\n%s", tt.o.Format, tt.o.Part, diff)
		}
		// csvjson reads every row, line breaks and quotes included (told
		// the delimiter: its dialect sniffer can guess wrong on such rows)
		out, _ := run(t, csvjson, "--no-inference", "-d", ",", path)
		var rows []map[string]any
		if err := json.Unmarshal([]byte(out), &rows); err != nil {
			t.Fatalf("csvjson %s: %v\n%s", path, err, out)
		}
		if len(rows) != tt.rows {
			t.Errorf("csvjson %s/%s: %d rows, want %d", tt.o.Format, tt.o.Part, len(rows), tt.rows)
		}
		if tt.o.Part == "nodes" {
			name := "name"
			var names []string
			for _, r := range rows {
				names = append(names, fmt.Sprint(r[name]))
			}
			for _, n := range []string{nordhavn, lineName, chinese} {
				if !slices.Contains(names, n) {
					t.Errorf("csvjson %s/%s: %q not among %q", tt.o.Format, tt.o.Part, n, names)
				}
			}
		}
	}
}
