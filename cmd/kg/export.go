package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-builder/kg/export"
	"github.com/kg-builder/kg/graph"
)

// csvHeader is the CSV export's header row.
var csvHeader = export.EdgeHeader

type exportOptions struct {
	format, out, what, part, schema string
	storeID                         string
	sel                             graph.Selection
}

func newExportCmd(e *env) *cobra.Command {
	var o exportOptions
	var formats strings.Builder
	for _, f := range export.Formats() {
		fmt.Fprintf(&formats, "  %-9s %s\n", f, export.Describe(f))
	}
	cmd := &cobra.Command{
		Use:   "export --format F [--out FILE|DIR] [filters]",
		Short: "Write the graph out for other tools: CSV, Neo4j, GraphML, GEXF, DOT, RDF, JSON Lines",
		Long: `Export streams the edges of the store, or those the filters keep, and the
entities at their ends, in one of these formats:

` + formats.String() + `
csv's header is subject,relation,object,subject_type,object_type,confidence,
count,negated,modality,attributed_to,relation_text,subject_id,object_id,id;
--what nodes writes the entities instead (id,name,type,mentions,aliases),
all of them when no filter is given.

Output goes to standard output unless --out names a file, which is written
whole or not at all, or a folder (one that exists, or a path ending in /),
which gets the format's files. The formats of several files write a
folder, made if it does not exist: neo4j (nodes.csv, relationships.csv,
import.sh), nquads (kg.nq and the Dgraph schema kg.schema) and dgraph
(kg.rdf, the DQL schema kg.dql and the GraphQL schema kg.graphql); each
prints the command that loads them. --part picks one file of such a
format (for standard output, or --out FILE), and --schema FILE writes the
nquads schema beside the data.

Filters (all formats): --around NAME [--depth N] keeps the neighbourhood of
an entity (N hops, default 1, either way, as the API's neighborhood does,
without its limit); --relation R and --type T (repeatable) keep those
relations and the entities of those types (both ends of each edge, or the
entities reached around NAME); --min-confidence, --min-count, --document ID,
--since and --until (document dates) as in the API.`,
		Example: `  kg export --format csv > graph.csv
  kg export --format csv --what nodes --out entities.csv
  kg export --format graphml --min-count 2 --out graph.graphml
  kg export --format dot --around "Nordhavn Energy" --depth 1 | dot -Tsvg > nordhavn.svg
  kg export --format neo4j --out neo4j-import
  kg export --format nquads --out dgraph
  kg export --format nquads --part data --out graph.nq
  kg export --format dgraph --out dg
  kg export --format jsonl --relation meet --relation sign --type PERSON`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.sel.Around != "" && !cmd.Flags().Changed("depth") {
				o.sel.Depth = 1
			}
			return runExport(cmd.Context(), e, o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "csv", "output format: "+strings.Join(export.Formats(), ", "))
	f.StringVarP(&o.out, "out", "o", "", "write to FILE, or into DIR, instead of standard output")
	f.StringVar(&o.what, "what", "", "csv: edges (default) or nodes")
	f.StringVar(&o.part, "part", "", "one file of a format that writes several (neo4j: nodes, relationships, import; nquads: data, schema; dgraph: data, schema, graphql)")
	f.StringVar(&o.schema, "schema", "", "nquads: also write the Dgraph schema to FILE")
	f.StringVar(&o.storeID, "store-id", "", "dgraph: prefix of the node ids (default: the store's own id)")
	f.StringVar(&o.sel.Around, "around", "", "keep the neighbourhood of this entity (name, alias or id)")
	f.IntVar(&o.sel.Depth, "depth", 0, "hops around --around (default 1)")
	f.StringArrayVar(&o.sel.Filter.Relations, "relation", nil, "keep edges with this relation (repeatable)")
	f.StringArrayVar(&o.sel.Filter.Types, "type", nil, "keep entities of this type: PERSON, ORG, PLACE, MISC, CONCEPT (repeatable)")
	f.Float64Var(&o.sel.Filter.MinConfidence, "min-confidence", 0, "keep edges at least this confident (0 to 1)")
	f.IntVar(&o.sel.Filter.MinCount, "min-count", 0, "keep edges stated by at least this many sentences")
	f.StringVar(&o.sel.Filter.Document, "document", "", "keep edges stated by this document (its id)")
	f.StringVar(&o.sel.Filter.Since, "since", "", "keep edges stated by a document dated on or after this (2026, 2026-04, 2026-04-28)")
	f.StringVar(&o.sel.Filter.Until, "until", "", "keep edges stated by a document dated on or before this")
	return cmd
}

func runExport(ctx context.Context, e *env, o exportOptions) error {
	opts := export.Options{Format: o.format, Part: o.part, Selection: o.sel, StoreID: o.storeID}
	if o.what != "" {
		part, err := export.What(o.format, o.what)
		if err != nil {
			return plain(err)
		}
		if o.part != "" && o.part != part {
			return fmt.Errorf("--what %s and --part %s disagree", o.what, o.part)
		}
		opts.Part = part
	}
	if o.schema != "" {
		if o.format != "nquads" {
			return fmt.Errorf("--schema is for --format nquads")
		}
		if opts.Part != "" {
			return fmt.Errorf("--schema writes a file besides the data: it goes without --part")
		}
	}
	if err := opts.Check(); err != nil {
		return plain(err)
	}
	files, err := export.Files(opts)
	if err != nil {
		return plain(err)
	}
	// a format of several files (neo4j; nquads: the data and its schema)
	// writes them into the folder --out names, made if need be
	several := len(files) > 1 || (o.format == "nquads" && opts.Part == "" && o.schema == "")
	dir := ""
	if o.out != "" {
		fi, err := os.Stat(o.out)
		switch {
		case (err == nil && fi.IsDir()) || strings.HasSuffix(o.out, string(os.PathSeparator)):
			dir = o.out
		case several && err == nil:
			all, _ := export.Files(export.Options{Format: o.format, Part: export.AllParts})
			var names, parts []string
			for _, f := range all {
				names, parts = append(names, f.Name), append(parts, f.Part)
			}
			return fmt.Errorf("--out %s is a file, and format %s writes a folder (%s): name a folder (it is made), or give --part (%s) for one file",
				o.out, o.format, strings.Join(names, ", "), strings.Join(parts, ", "))
		case several:
			dir = o.out
		}
	}
	if dir == "" && len(files) > 1 {
		var parts []string
		for _, f := range files {
			parts = append(parts, f.Part)
		}
		return fmt.Errorf("format %s writes %d files: give --out DIR, or --part (%s) for one on standard output",
			o.format, len(files), strings.Join(parts, ", "))
	}
	if dir != "" && o.format == "nquads" && opts.Part == "" {
		opts.Part = export.AllParts // the data and its schema
		files, _ = export.Files(opts)
	}

	st, err := e.open(true)
	if err != nil {
		return err
	}
	if o.format == "dgraph" && o.storeID == "" {
		if id, err := storeID(ctx, st); err == nil && id == "" {
			// a store never opened read-write since store ids exist: a
			// read-write open makes its id
			st.Close()
			if st, err = e.openExisting(); err != nil {
				return err
			}
		}
	}
	defer st.Close()

	var out outputs
	defer out.discard()
	targets := map[string]string{} // part → path
	for _, f := range files {
		switch {
		case dir != "":
			targets[f.Part] = filepath.Join(dir, f.Name)
		case o.out != "":
			targets[f.Part] = o.out
		}
	}
	if o.schema != "" {
		opts.Part = export.AllParts
		targets["schema"] = o.schema
	}
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	res, err := export.WriteFiles(ctx, st, opts, func(f export.File) (io.Writer, error) {
		path, ok := targets[f.Part]
		if !ok {
			return e.stdout, nil
		}
		return out.create(path, strings.HasSuffix(f.Name, ".sh"))
	})
	if err != nil {
		return plain(err)
	}
	if err := out.commit(); err != nil {
		return err
	}
	if o.out != "" || o.schema != "" {
		var paths []string
		for _, f := range res.Files {
			if p, ok := targets[f.Part]; ok {
				paths = append(paths, p)
			}
		}
		fmt.Fprintf(e.stderr, "kg: exported %d edges, %d nodes to %s\n", res.Edges, res.Nodes, strings.Join(paths, ", "))
	}
	if dir != "" {
		if cmd := res.Command(dir); cmd != "" {
			fmt.Fprintf(e.stderr, "kg: load it with:\n  %s\n", cmd)
		}
	}
	return nil
}

// plain drops the sentinel's text from an error for the command line.
func plain(err error) error {
	for _, s := range []error{export.ErrInvalid, graph.ErrNotFound} {
		if errors.Is(err, s) {
			return errors.New(strings.TrimSuffix(err.Error(), ": "+s.Error()))
		}
	}
	return err
}

// outputs are files written beside their targets and renamed onto them
// only once all are written, so that a failed export leaves none
// half-written.
type outputs struct {
	files []*os.File
	paths []string
}

func (o *outputs) create(path string, executable bool) (*os.File, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return nil, err
	}
	if executable {
		if err := f.Chmod(0o755); err != nil {
			f.Close()
			os.Remove(f.Name())
			return nil, err
		}
	} else if err := f.Chmod(0o644); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	o.files = append(o.files, f)
	o.paths = append(o.paths, path)
	return f, nil
}

func (o *outputs) commit() error {
	for _, f := range o.files {
		if err := f.Close(); err != nil {
			return err
		}
	}
	for i, f := range o.files {
		if err := os.Rename(f.Name(), o.paths[i]); err != nil {
			return err
		}
	}
	o.files = nil
	return nil
}

// discard removes what commit did not rename.
func (o *outputs) discard() {
	for _, f := range o.files {
		f.Close()
		os.Remove(f.Name())
	}
}

// storeID reads the store's id ("" when it has none yet).
func storeID(ctx context.Context, st *graph.Store) (id string, err error) {
	err = st.Snapshot(ctx, func(sn *graph.Snapshot) error {
		id, err = sn.StoreID()
		return err
	})
	return id, err
}
