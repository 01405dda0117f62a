package export

import (
	"bufio"
	"math"
	"strconv"
	"strings"

	"github.com/kg-builder/kg/graph"
)

// dotStyle is how the nodes of one entity type look.
type dotStyle struct {
	typ, shape, fill, style string
	look                    string // the shape in the legend's words
}

// dotStyles are the node styles by type, also the legend's rows.
var dotStyles = []dotStyle{
	{graph.Person, "ellipse", "#cfe2ff", "filled", "ellipse"},
	{graph.Org, "box", "#d1e7dd", "filled,rounded", "rounded box"},
	{graph.Place, "hexagon", "#fff3cd", "filled", "hexagon"},
	{graph.Misc, "octagon", "#e2d9f3", "filled", "octagon"},
	{graph.Concept, "box", "#f1f3f5", "filled,dashed", "dashed box"},
}

var dotOther = dotStyle{"", "ellipse", "#ffffff", "filled", "white ellipse"}

func styleOf(typ string) dotStyle {
	for _, s := range dotStyles {
		if s.typ == typ {
			return s
		}
	}
	return dotOther
}

// dotQuote quotes s as a DOT string for Graphviz: quotes and backslashes
// escaped, line breaks as \n, and & as &amp; (Graphviz reads HTML
// entities in labels); other control characters become spaces.
func dotQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '&':
			b.WriteString("&amp;")
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// dotLegend is the graph's label: a table of the node styles and what
// the edge styles mean. It is an HTML-like label, so it adds no node to
// the graph.
func dotLegend() string {
	var b strings.Builder
	b.WriteString(`<<table border="0" cellborder="1" cellspacing="0" cellpadding="4"><tr>`)
	for _, s := range dotStyles {
		b.WriteString(`<td bgcolor="` + s.fill + `">` + s.typ + " (" + s.look + ")</td>")
	}
	b.WriteString(`</tr><tr><td colspan="` + strconv.Itoa(len(dotStyles)) + `">edge label: relation; thicker: stated by more sentences; ` +
		`red dashed: negated; dotted: qualified (modal, conditional)</td></tr></table>>`)
	return b.String()
}

func (x *exporter) dot(w *bufio.Writer) error {
	w.WriteString(`digraph kg {
  graph [rankdir=LR, overlap=false, splines=true, nodesep=0.3, fontname="Helvetica", fontsize=10, labelloc=b, labeljust=l,
         label=` + dotLegend() + `];
  node [fontname="Helvetica", fontsize=10, penwidth=0.8];
  edge [fontname="Helvetica", fontsize=8, color="#555555", fontcolor="#333333", arrowsize=0.6];
`)
	err := x.nodes(func(e graph.Entity) error {
		s := styleOf(e.Type)
		tip := e.Type + ", " + plural(e.Mentions, "mention")
		if len(e.Aliases) > 1 {
			tip += "; also " + strings.Join(others(e.Aliases, e.Name), ", ")
		}
		_, err := w.WriteString("  " + dotQuote(e.ID) + " [label=" + dotQuote(e.Name) + ", shape=" + s.shape +
			`, style="` + s.style + `", fillcolor="` + s.fill + `", tooltip=` + dotQuote(tip) + "];\n")
		return err
	})
	if err != nil {
		return err
	}
	err = x.edges(func(t graph.Triple) error {
		label := t.Relation
		if t.Modality != "" {
			label += " (" + t.Modality + ")"
		}
		tip := t.Subject + " " + t.Relation + " " + t.Object + ": confidence " + confidence(t.Confidence) + ", " +
			plural(t.Count, "sentence")
		if t.AttributedTo != "" {
			tip += ", said by " + t.AttributedTo
		}
		attrs := "label=" + dotQuote(label) + ", id=" + dotQuote(t.ID) + ", tooltip=" + dotQuote(tip)
		if t.Count > 1 {
			attrs += ", penwidth=" + strconv.FormatFloat(1+math.Min(math.Log2(float64(t.Count)), 4)*0.5, 'f', 1, 64)
		}
		switch {
		case t.Negated:
			attrs += `, style=dashed, color="#c0392b", fontcolor="#c0392b"`
		case t.Modality != "":
			attrs += ", style=dotted"
		}
		_, err := w.WriteString("  " + dotQuote(t.SubjectID) + " -> " + dotQuote(t.ObjectID) + " [" + attrs + "];\n")
		return err
	})
	if err != nil {
		return err
	}
	_, err = w.WriteString("}\n")
	return err
}

// others lists the aliases other than the name.
func others(aliases []string, name string) []string {
	var out []string
	for _, a := range aliases {
		if a != name {
			out = append(out, a)
		}
	}
	return out
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}
