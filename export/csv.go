package export

import (
	"bufio"
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/kg-builder/kg/graph"
)

// EdgeHeader is the header row of the CSV edges table. It is documented:
// columns are only ever added at the end.
var EdgeHeader = []string{"subject", "relation", "object", "subject_type", "object_type", "confidence", "count",
	"negated", "modality", "attributed_to", "relation_text", "subject_id", "object_id", "id"}

// NodeHeader is the header row of the CSV nodes table.
var NodeHeader = []string{"id", "name", "type", "mentions", "aliases"}

// aliasSep joins aliases in one CSV field (and is Neo4j's array delimiter).
const aliasSep = ";"

func confidence(c float64) string { return strconv.FormatFloat(c, 'f', 3, 64) }

func (x *exporter) csvEdges(w *bufio.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(EdgeHeader); err != nil {
		return err
	}
	err := x.edges(func(t graph.Triple) error {
		return cw.Write([]string{t.Subject, t.Relation, t.Object, t.SubjectType, t.ObjectType,
			confidence(t.Confidence), strconv.Itoa(t.Count), strconv.FormatBool(t.Negated),
			t.Modality, t.AttributedTo, t.RelationText, t.SubjectID, t.ObjectID, t.ID})
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// csvNodes writes the entities at the ends of the selected edges, or
// every entity when the selection is the whole graph.
func (x *exporter) csvNodes(w *bufio.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(NodeHeader); err != nil {
		return err
	}
	row := func(e graph.Entity) error {
		return cw.Write([]string{e.ID, e.Name, e.Type, strconv.Itoa(e.Mentions), joinAliases(e.Aliases)})
	}
	var err error
	if x.sel.IsZero() {
		err = x.sn.Entities(func(e graph.Entity) error {
			x.res.Nodes++
			return row(e)
		})
	} else {
		err = x.nodes(row)
	}
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// joinAliases joins aliases with the array delimiter. An alias holding
// the delimiter has it replaced by a comma, since Neo4j arrays cannot
// escape it (ingested names never hold one).
func joinAliases(aliases []string) string {
	var b strings.Builder
	for _, a := range aliases {
		if a == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(aliasSep)
		}
		b.WriteString(strings.ReplaceAll(a, aliasSep, ","))
	}
	return b.String()
}

// Neo4j headers, in neo4j-admin's import format: name:type, with :ID,
// :LABEL, :START_ID, :END_ID and :TYPE for the fields the importer reads.
// Confidence is a double: Neo4j's float is 32 bits, and 0.9 would come out
// as 0.8999999761581421.
var (
	Neo4jNodeHeader = []string{"entityId:ID", ":LABEL", "name", "type", "mentions:int", "aliases:string[]"}
	Neo4jEdgeHeader = []string{":START_ID", ":END_ID", ":TYPE", "tripleId", "relation", "relationText",
		"confidence:double", "count:int", "negated:boolean", "modality", "attributedTo"}
)

// neo4jLabels are the labels of each entity type: Entity, and its type's.
var neo4jLabels = map[string]string{
	graph.Person: "Entity;Person", graph.Org: "Entity;Organization", graph.Place: "Entity;Place",
	graph.Misc: "Entity;Misc", graph.Concept: "Entity;Concept",
}

func neo4jLabel(typ string) string {
	if l, ok := neo4jLabels[typ]; ok {
		return l
	}
	if t := RelationType(typ); t != "" && t != "RELATED" {
		return "Entity;" + t
	}
	return "Entity"
}

// RelationType turns a relation into a Neo4j relationship type: upper
// snake case, letters and digits only ("work for" → WORK_FOR), never
// starting with a digit, so that Cypher needs no backquotes for it.
func RelationType(rel string) string {
	var b strings.Builder
	under := false
	for _, r := range rel {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if under && b.Len() > 0 {
				b.WriteByte('_')
			}
			under = false
			b.WriteRune(unicode.ToUpper(r))
			continue
		}
		under = true
	}
	s := b.String()
	switch {
	case s == "":
		return "RELATED"
	case unicode.IsDigit([]rune(s)[0]):
		return "R_" + s
	}
	return s
}

// neo4jWriter is a CSV writer that notes values with line breaks, which
// the importer reads only with --multiline-fields=true.
type neo4jWriter struct {
	cw        *csv.Writer
	multiline *bool
}

func (n neo4jWriter) write(row []string) error {
	for _, v := range row {
		if strings.ContainsAny(v, "\r\n") {
			*n.multiline = true
		}
	}
	return n.cw.Write(row)
}

func (x *exporter) neo4jNodes(w *bufio.Writer) error {
	nw := neo4jWriter{csv.NewWriter(w), &x.res.Multiline}
	if err := nw.write(Neo4jNodeHeader); err != nil {
		return err
	}
	err := x.nodes(func(e graph.Entity) error {
		return nw.write([]string{e.ID, neo4jLabel(e.Type), e.Name, e.Type, strconv.Itoa(e.Mentions), joinAliases(e.Aliases)})
	})
	if err != nil {
		return err
	}
	nw.cw.Flush()
	return nw.cw.Error()
}

func (x *exporter) neo4jRelationships(w *bufio.Writer) error {
	nw := neo4jWriter{csv.NewWriter(w), &x.res.Multiline}
	if err := nw.write(Neo4jEdgeHeader); err != nil {
		return err
	}
	err := x.edges(func(t graph.Triple) error {
		return nw.write([]string{t.SubjectID, t.ObjectID, RelationType(t.Relation), t.ID, t.Relation, t.RelationText,
			confidence(t.Confidence), strconv.Itoa(t.Count), strconv.FormatBool(t.Negated), t.Modality, t.AttributedTo})
	})
	if err != nil {
		return err
	}
	nw.cw.Flush()
	return nw.cw.Error()
}

// neo4jCommand is the import command for the two files.
func neo4jCommand(nodes, relationships string, multiline bool) string {
	cmd := "neo4j-admin database import full neo4j --nodes=" + nodes + " --relationships=" + relationships +
		` --array-delimiter=";" --overwrite-destination=true`
	if multiline {
		cmd += " --multiline-fields=true"
	}
	return cmd
}

// neo4jScript writes import.sh, which runs the import on the two files
// beside it. Whether the import needs --multiline-fields depends on the
// data, so when the CSV files were not written first in this export they
// are written to nowhere to find out.
func (x *exporter) neo4jScript(w *bufio.Writer) error {
	for _, p := range []struct {
		name  string
		write func(*exporter, *bufio.Writer) error
	}{{"nodes", (*exporter).neo4jNodes}, {"relationships", (*exporter).neo4jRelationships}} {
		if !slices.Contains(x.done, p.name) {
			dry := *x
			dry.res = &Result{}
			if err := p.write(&dry, bufio.NewWriter(io.Discard)); err != nil {
				return err
			}
			x.res.Multiline = x.res.Multiline || dry.res.Multiline
		}
	}
	_, err := io.WriteString(w, `#!/bin/sh
# Imports nodes.csv and relationships.csv, written beside this script by
# kg export --format neo4j, into Neo4j (5.x or later) as the database named
# by the first argument (default: neo4j), replacing what it holds.
# Stop that database first (or the whole DBMS); start it again afterwards,
# or CREATE DATABASE it if it did not exist. neo4j-admin must be on PATH
# (it is in $NEO4J_HOME/bin).
set -eu
cd "$(dirname "$0")"
db="${1:-neo4j}"
`+strings.Replace(neo4jCommand("nodes.csv", "relationships.csv", x.res.Multiline), " full neo4j ", ` full "$db" `, 1)+"\n")
	return err
}
