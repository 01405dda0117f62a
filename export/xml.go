package export

import (
	"bufio"
	"encoding/xml"
	"strconv"

	"github.com/kg-builder/kg/graph"
)

// attr is a node or edge attribute of GraphML and GEXF.
type attr struct {
	name string // also its id
	typ  string // GraphML's type; GEXF's differs for integers
}

var (
	nodeAttrs = []attr{{"type", "string"}, {"aliases", "string"}, {"mentions", "int"}}
	edgeAttrs = []attr{
		{"relation", "string"}, {"confidence", "double"}, {"count", "int"},
		{"negated", "boolean"}, {"modality", "string"},
		{"attributed_to", "string"}, {"relation_text", "string"},
	}
)

func nodeValues(e graph.Entity) []string {
	return []string{e.Type, joinAliases(e.Aliases), strconv.Itoa(e.Mentions)}
}

func edgeValues(t graph.Triple) []string {
	return []string{t.Relation, confidence(t.Confidence), strconv.Itoa(t.Count), strconv.FormatBool(t.Negated),
		t.Modality, t.AttributedTo, t.RelationText}
}

// esc writes s escaped for XML text or a double-quoted attribute value;
// characters XML cannot hold become U+FFFD.
func esc(w *bufio.Writer, s string) {
	xml.EscapeText(w, []byte(s)) // writes to a bufio.Writer fail only through its Flush
}

func (x *exporter) graphML(w *bufio.Writer) error {
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
`)
	for _, a := range nodeAttrs {
		w.WriteString(`  <key id="` + a.name + `" for="node" attr.name="` + a.name + `" attr.type="` + a.typ + `"/>` + "\n")
	}
	w.WriteString(`  <key id="edge_label" for="edge" attr.name="label" attr.type="string"/>` + "\n")
	for _, a := range edgeAttrs {
		w.WriteString(`  <key id="` + a.name + `" for="edge" attr.name="` + a.name + `" attr.type="` + a.typ + `"/>` + "\n")
	}
	w.WriteString(`  <graph id="kg" edgedefault="directed">` + "\n")
	data := func(indent, key, value string) {
		if value == "" {
			return
		}
		w.WriteString(indent + `<data key="` + key + `">`)
		esc(w, value)
		w.WriteString("</data>\n")
	}
	err := x.nodes(func(e graph.Entity) error {
		w.WriteString(`    <node id="`)
		esc(w, e.ID)
		w.WriteString("\">\n")
		data("      ", "label", e.Name)
		for i, v := range nodeValues(e) {
			data("      ", nodeAttrs[i].name, v)
		}
		_, err := w.WriteString("    </node>\n")
		return err
	})
	if err != nil {
		return err
	}
	err = x.edges(func(t graph.Triple) error {
		w.WriteString(`    <edge id="`)
		esc(w, t.ID)
		w.WriteString(`" source="`)
		esc(w, t.SubjectID)
		w.WriteString(`" target="`)
		esc(w, t.ObjectID)
		w.WriteString("\">\n")
		data("      ", "edge_label", t.Relation)
		for i, v := range edgeValues(t) {
			data("      ", edgeAttrs[i].name, v)
		}
		_, err := w.WriteString("    </edge>\n")
		return err
	})
	if err != nil {
		return err
	}
	_, err = w.WriteString("  </graph>\n</graphml>\n")
	return err
}

// gexfType is the GEXF name of a GraphML attribute type.
func gexfType(t string) string {
	if t == "int" {
		return "integer"
	}
	return t
}

func (x *exporter) gexf(w *bufio.Writer) error {
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">
  <meta>
    <creator>kg</creator>
    <description>knowledge graph: entities and the relations stated between them; edge weight is the number of sentences stating it</description>
  </meta>
  <graph mode="static" defaultedgetype="directed">
    <attributes class="node">
`)
	for _, a := range nodeAttrs {
		w.WriteString(`      <attribute id="` + a.name + `" title="` + a.name + `" type="` + gexfType(a.typ) + `"/>` + "\n")
	}
	w.WriteString("    </attributes>\n    <attributes class=\"edge\">\n")
	for _, a := range edgeAttrs {
		w.WriteString(`      <attribute id="` + a.name + `" title="` + a.name + `" type="` + gexfType(a.typ) + `"/>` + "\n")
	}
	w.WriteString("    </attributes>\n    <nodes>\n")
	values := func(attrs []attr, vals []string) {
		w.WriteString("        <attvalues>\n")
		for i, v := range vals {
			if v == "" {
				continue
			}
			w.WriteString(`          <attvalue for="` + attrs[i].name + `" value="`)
			esc(w, v)
			w.WriteString("\"/>\n")
		}
		w.WriteString("        </attvalues>\n")
	}
	err := x.nodes(func(e graph.Entity) error {
		w.WriteString(`      <node id="`)
		esc(w, e.ID)
		w.WriteString(`" label="`)
		esc(w, e.Name)
		w.WriteString("\">\n")
		values(nodeAttrs, nodeValues(e))
		_, err := w.WriteString("      </node>\n")
		return err
	})
	if err != nil {
		return err
	}
	w.WriteString("    </nodes>\n    <edges>\n")
	err = x.edges(func(t graph.Triple) error {
		w.WriteString(`      <edge id="`)
		esc(w, t.ID)
		w.WriteString(`" source="`)
		esc(w, t.SubjectID)
		w.WriteString(`" target="`)
		esc(w, t.ObjectID)
		w.WriteString(`" label="`)
		esc(w, t.Relation)
		w.WriteString(`" weight="` + strconv.Itoa(max(t.Count, 1)) + "\">\n")
		values(edgeAttrs, edgeValues(t))
		_, err := w.WriteString("      </edge>\n")
		return err
	})
	if err != nil {
		return err
	}
	_, err = w.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return err
}
