// Package export writes the graph out for other tools: CSV for
// spreadsheets and pandas, the neo4j-admin import CSV pair, GraphML and
// GEXF for Gephi and Cytoscape, DOT for Graphviz, N-Quads (with a Dgraph
// schema) and N-Triples for RDF stores, RDF for Dgraph itself (with
// dgraph.type, a DQL and a GraphQL schema; Push keeps a Dgraph in step),
// and JSON Lines with every edge's evidence.
//
// Every format streams from one consistent snapshot of the store: edges
// are written as they are read, and formats that need their nodes first
// read the edges once more to find them (a bit per entity id), so memory
// does not grow with the number of edges. The same store exports
// byte-identical files: nothing depends on the time or on map order.
package export

import (
	"archive/zip"
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/kg-builder/kg/graph"
)

// ErrInvalid is returned for options that make no sense.
var ErrInvalid = errors.New("export: invalid options")

// Store is what an export reads; *graph.Store is one.
type Store interface {
	Snapshot(ctx context.Context, fn func(*graph.Snapshot) error) error
}

// Options say what to export. Only Format is required.
type Options struct {
	Format string // a name Formats lists
	// Part names one file of a format that writes several ("nodes" of
	// neo4j, "schema" of nquads; "nodes" of csv is its nodes table). Blank:
	// the format's main file, or all of them (see Files).
	// AllParts asks for every file.
	Part      string
	Selection graph.Selection
	// StoreID prefixes the node names (xids) of the dgraph format; blank:
	// the store's own id.
	StoreID string
}

// errNoStoreID: a store never opened read-write since store ids exist.
var errNoStoreID = errors.New("export: the store has no id yet (open it read-write once, with kg check --fix or any kg ingest, or give a store id)")

// File is one file of an export.
type File struct {
	Part        string // its name among the format's files
	Name        string // file name
	ContentType string
}

// part is one file a format writes.
type part struct {
	File
	write func(x *exporter, w *bufio.Writer) error
}

// format is an export format: the files it writes, and which of them is
// written when none is asked for.
type format struct {
	name, doc string
	parts     []part
	main      string // the part written by default; blank: all of them, zipped over HTTP
}

var formats = []format{
	{name: "csv", doc: "one row per edge (part nodes: one row per entity)", main: "edges", parts: []part{
		{File{"edges", "kg.csv", "text/csv; charset=utf-8; header=present"}, (*exporter).csvEdges},
		{File{"nodes", "kg-nodes.csv", "text/csv; charset=utf-8; header=present"}, (*exporter).csvNodes},
	}},
	{name: "neo4j", doc: "nodes.csv and relationships.csv for neo4j-admin database import full, and import.sh", parts: []part{
		{File{"nodes", "nodes.csv", "text/csv; charset=utf-8; header=present"}, (*exporter).neo4jNodes},
		{File{"relationships", "relationships.csv", "text/csv; charset=utf-8; header=present"}, (*exporter).neo4jRelationships},
		{File{"import", "import.sh", "text/x-shellscript; charset=utf-8"}, (*exporter).neo4jScript},
	}},
	{name: "graphml", doc: "GraphML with typed node and edge attributes", main: "graph", parts: []part{
		{File{"graph", "kg.graphml", "application/graphml+xml; charset=utf-8"}, (*exporter).graphML},
	}},
	{name: "gexf", doc: "GEXF 1.2 with typed node and edge attributes", main: "graph", parts: []part{
		{File{"graph", "kg.gexf", "application/gexf+xml; charset=utf-8"}, (*exporter).gexf},
	}},
	{name: "dot", doc: "Graphviz, styled by entity type, edges labelled", main: "graph", parts: []part{
		{File{"graph", "kg.dot", "text/vnd.graphviz; charset=utf-8"}, (*exporter).dot},
	}},
	{name: "nquads", doc: "RDF N-Quads for Dgraph and RDF stores (part schema: the Dgraph schema)", main: "data", parts: []part{
		{File{"data", "kg.nq", "application/n-quads"}, (*exporter).nquads},
		{File{"schema", "kg.schema", "text/plain; charset=utf-8"}, (*exporter).dgraphSchema},
	}},
	{name: "dgraph", doc: "RDF for Dgraph (dgraph live, dgraph bulk) with dgraph.type, a DQL schema and a GraphQL schema for Dgraph", parts: []part{
		{File{"data", "kg.rdf", "application/n-quads"}, (*exporter).dgraphData},
		{File{"schema", "kg.dql", "text/plain; charset=utf-8"}, (*exporter).dgraphDQL},
		{File{"graphql", "kg.graphql", "application/graphql; charset=utf-8"}, (*exporter).dgraphGraphQL},
	}},
	{name: "ntriples", doc: "RDF N-Triples, with a direct triple for each asserted edge", main: "data", parts: []part{
		{File{"data", "kg.nt", "application/n-triples"}, (*exporter).ntriples},
	}},
	{name: "jsonl", doc: "one JSON object per edge, with its evidence", main: "data", parts: []part{
		{File{"data", "kg.jsonl", "application/x-ndjson; charset=utf-8"}, (*exporter).jsonl},
	}},
}

// Formats lists the format names.
func Formats() []string {
	var out []string
	for _, f := range formats {
		out = append(out, f.name)
	}
	return out
}

// Describe says in a line what format name writes.
func Describe(name string) string {
	if f, err := lookup(name); err == nil {
		return f.doc
	}
	return ""
}

// Parts lists the files format name can write, by part name.
func Parts(name string) []File {
	f, err := lookup(name)
	if err != nil {
		return nil
	}
	var out []File
	for _, p := range f.parts {
		out = append(out, p.File)
	}
	return out
}

func lookup(name string) (*format, error) {
	for i := range formats {
		if formats[i].name == name {
			return &formats[i], nil
		}
	}
	return nil, fmt.Errorf("unknown format %q (known: %s): %w", name, strings.Join(Formats(), ", "), ErrInvalid)
}

// AllParts is the part name that asks for every file of a format.
const AllParts = "all"

// MaxDepth bounds Selection.Depth.
const MaxDepth = 10

// Check reports what is wrong with o, if anything, before any store is read.
func (o Options) Check() error {
	f, err := lookup(o.Format)
	if err != nil {
		return err
	}
	if o.Part != "" && o.Part != AllParts && !slices.ContainsFunc(f.parts, func(p part) bool { return p.Part == o.Part }) {
		var names []string
		for _, p := range f.parts {
			names = append(names, p.Part)
		}
		return fmt.Errorf("format %s has no part %q (its parts: %s; or all): %w", o.Format, o.Part, strings.Join(names, ", "), ErrInvalid)
	}
	s := o.Selection
	switch {
	case s.Depth < 0 || s.Depth > MaxDepth:
		return fmt.Errorf("depth %d: must be from 0 to %d: %w", s.Depth, MaxDepth, ErrInvalid)
	case s.Depth > 0 && s.Around == "":
		return fmt.Errorf("a depth needs an entity to go around: %w", ErrInvalid)
	}
	if err := s.Filter.Check(); err != nil {
		return fmt.Errorf("%s: %w", strings.TrimSuffix(err.Error(), ": "+graph.ErrInvalid.Error()), ErrInvalid)
	}
	return nil
}

// Files lists the files o writes: the part asked for, or the format's
// main file, or (for a format without one, like neo4j) all of them.
func Files(o Options) ([]File, error) {
	if err := o.Check(); err != nil {
		return nil, err
	}
	f, _ := lookup(o.Format)
	want := o.Part
	if want == "" {
		want = f.main
	}
	var out []File
	for _, p := range f.parts {
		if want == "" || want == AllParts || p.Part == want {
			out = append(out, p.File)
		}
	}
	return out, nil
}

// Result says what an export wrote.
type Result struct {
	Format string
	Files  []File
	Nodes  int // nodes written (for edge-only formats, 0)
	Edges  int
	// Multiline is set when a neo4j value holds a line break, so that the
	// import needs --multiline-fields=true.
	Multiline bool
}

// Command is the shell command that loads the files of r from directory
// dir into the tool they are for (neo4j-admin, dgraph live), or "".
func (r Result) Command(dir string) string {
	p := func(name string) string { return shellQuote(joinPath(dir, name)) }
	switch r.Format {
	case "neo4j":
		return neo4jCommand(p("nodes.csv"), p("relationships.csv"), r.Multiline)
	case "dgraph":
		return dgraphCommand(p)
	case "nquads":
		return "dgraph live --files " + p("kg.nq") + " --format=rdf --schema " + p("kg.schema") +
			" --upsertPredicate xid --alpha localhost:9080 --zero localhost:5080"
	}
	return ""
}

func joinPath(dir, name string) string {
	if dir == "" {
		return name
	}
	return strings.TrimSuffix(dir, "/") + "/" + name
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./=:@%+,", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// Write writes the one file o names (its part, or the format's main file)
// to w.
func Write(ctx context.Context, st Store, o Options, w io.Writer) (Result, error) {
	files, err := Files(o)
	if err != nil {
		return Result{}, err
	}
	if len(files) != 1 {
		return Result{}, fmt.Errorf("format %s writes %d files: choose a part, or write them all: %w", o.Format, len(files), ErrInvalid)
	}
	return WriteFiles(ctx, st, o, func(File) (io.Writer, error) { return w, nil })
}

// WriteFiles writes every file o names (see Files) from one snapshot of
// the store, in turn, each to the writer create returns for it. It
// checks the selection (its entity, its document) before create is first
// called: an error then wraps graph.ErrNotFound or ErrInvalid.
func WriteFiles(ctx context.Context, st Store, o Options, create func(File) (io.Writer, error)) (Result, error) {
	files, err := Files(o)
	if err != nil {
		return Result{}, err
	}
	f, _ := lookup(o.Format)
	res := Result{Format: o.Format, Files: files}
	err = st.Snapshot(ctx, func(sn *graph.Snapshot) error {
		if err := sn.Check(o.Selection); err != nil {
			return err
		}
		x := &exporter{ctx: ctx, sn: sn, sel: o.Selection, res: &res, store: o.StoreID}
		for _, file := range files {
			i := slices.IndexFunc(f.parts, func(p part) bool { return p.Part == file.Part })
			w, err := create(file)
			if err != nil {
				return err
			}
			bw := bufio.NewWriterSize(w, 64<<10)
			if err := f.parts[i].write(x, bw); err != nil {
				return err
			}
			if err := bw.Flush(); err != nil {
				return err
			}
			x.done = append(x.done, file.Part)
		}
		return nil
	})
	return res, err
}

// zipTime is the time every zipped file bears, so that zips are
// byte-identical from one export to the next.
var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// WriteZip writes every file of o's format (or the part o names) into a
// zip archive on w.
func WriteZip(ctx context.Context, st Store, o Options, w io.Writer) (Result, error) {
	if o.Part == "" {
		o.Part = AllParts
	}
	zw := zip.NewWriter(w)
	res, err := WriteFiles(ctx, st, o, func(file File) (io.Writer, error) {
		h := &zip.FileHeader{Name: file.Name, Method: zip.Deflate, Modified: zipTime}
		if strings.HasSuffix(file.Name, ".sh") {
			h.SetMode(0o755)
		} else {
			h.SetMode(0o644)
		}
		return zw.CreateHeader(h)
	})
	if err != nil {
		return res, err
	}
	return res, zw.Close()
}

// exporter is one export in progress: the snapshot it reads and what the
// files written so far found out.
type exporter struct {
	ctx context.Context
	sn  *graph.Snapshot
	sel graph.Selection
	res *Result
	// store prefixes the dgraph format's xids (see Options.StoreID)
	store string
	done  []string // parts written
}

// nodes calls fn for every node of the export: the ends of its edges (the
// neighbourhood around an entity).
func (x *exporter) nodes(fn func(graph.Entity) error) error {
	return x.sn.Nodes(x.sel, func(e graph.Entity) error {
		x.res.Nodes++
		return fn(e)
	})
}

// edges calls fn for every edge of the export.
func (x *exporter) edges(fn func(graph.Triple) error) error {
	return x.sn.Edges(x.sel, func(t graph.Triple) error {
		x.res.Edges++
		return fn(t)
	})
}
