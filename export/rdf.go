package export

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kg-builder/kg/graph"
)

// The RDF vocabulary. Every IRI is absolute (urn:kg:…), so that any RDF
// parser reads the files, and the same entity, edge or document has the
// same IRI in every export of the store: loading an export again adds
// nothing to an RDF store, nor to Dgraph with --upsertPredicate xid.
const (
	ns       = "urn:kg:"
	rdfType  = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
	xsd      = "http://www.w3.org/2001/XMLSchema#"
	entityNS = ns + "entity:"
	tripleNS = ns + "triple:"
	docNS    = ns + "document:"
	relNS    = ns + "rel:"
)

// The IRIs of the vocabulary: constants, not made for each statement.
const (
	kgDocument     = "<" + ns + "Document>"
	kgEntity       = "<" + ns + "Entity>"
	kgStatement    = "<" + ns + "Statement>"
	kgAlias        = "<" + ns + "alias>"
	kgAttributedTo = "<" + ns + "attributedTo>"
	kgConfidence   = "<" + ns + "confidence>"
	kgCount        = "<" + ns + "count>"
	kgDate         = "<" + ns + "date>"
	kgID           = "<" + ns + "id>"
	kgMentions     = "<" + ns + "mentions>"
	kgModality     = "<" + ns + "modality>"
	kgName         = "<" + ns + "name>"
	kgNegated      = "<" + ns + "negated>"
	kgObject       = "<" + ns + "object>"
	kgRelation     = "<" + ns + "relation>"
	kgRelationText = "<" + ns + "relationText>"
	kgSource       = "<" + ns + "source>"
	kgStatedIn     = "<" + ns + "statedIn>"
	kgSubject      = "<" + ns + "subject>"
	kgTitle        = "<" + ns + "title>"
	kgType         = "<" + ns + "type>"
	kgURL          = "<" + ns + "url>"
)

// iri is the IRI of a resource: ns and its id, percent-encoded where the
// id holds anything but letters, digits and -._~/: (spaces, non-ASCII,
// characters IRIs or Dgraph refuse).
func iri(prefix, id string) string {
	var b strings.Builder
	b.WriteString("<" + prefix)
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~/:", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	b.WriteByte('>')
	return b.String()
}

// literal is s as an N-Triples string literal: quotes, backslashes and
// line breaks escaped, other control characters as \u00XX (which
// Dgraph's loader, reading literals as Go strings, also takes).
func literal(s string) string {
	if plain(s) {
		return `"` + s + `"`
	}
	return escaped(s)
}

// escaped is literal the long way, escaping what it must.
func escaped(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func typed(v, typ string) string { return `"` + v + `"^^<` + xsd + typ + ">" }

// rdfWriter writes statements, one per line.
type rdfWriter struct{ w *bufio.Writer }

func (r rdfWriter) st(s, p, o string) {
	r.w.WriteString(s)
	r.w.WriteByte(' ')
	r.w.WriteString(p)
	r.w.WriteByte(' ')
	r.w.WriteString(o)
	r.w.WriteString(" .\n")
}

// err is the first error writing met, if any: the writer keeps it.
func (r rdfWriter) err() error {
	_, err := r.w.Write(nil)
	return err
}

// str writes a string statement unless the string is blank.
func (r rdfWriter) str(s, p, v string) {
	switch {
	case v == "":
	case plain(v):
		// most names and sentences: written as they are, without making
		// the literal first
		r.w.WriteString(s)
		r.w.WriteByte(' ')
		r.w.WriteString(p)
		r.w.WriteString(` "`)
		r.w.WriteString(v)
		r.w.WriteString("\" .\n")
	default:
		r.st(s, p, literal(v))
	}
}

// plain reports whether s is written in a literal as it is: no quote,
// backslash or control character to escape, and valid UTF-8 (literal
// writes U+FFFD for a bad byte).
func plain(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == '"' || c == '\\' || c == 0x7f {
			return false
		}
		ascii = ascii && c < utf8.RuneSelf
	}
	return ascii || utf8.ValidString(s)
}

func (x *exporter) nquads(w *bufio.Writer) error   { return x.rdf(w, false) }
func (x *exporter) ntriples(w *bufio.Writer) error { return x.rdf(w, true) }

// rdf writes the graph as RDF: the entities, a statement resource per
// edge with its provenance (confidence, count, negation, modality,
// speaker, the documents that state it), and those documents. No line
// has a graph label: Dgraph reads the fourth term as a namespace number,
// so a named graph per document would make the file unloadable; the
// documents are resources instead. With direct, every edge the text
// asserts (neither negated nor qualified by a modal or a condition) is
// also a plain triple, subject –urn:kg:rel:relation→ object, for SPARQL:
// "did not meet" must not say they met, and there is at most one such
// edge per subject, relation and object, so no line is written twice.
// Without direct, the predicates are a fixed set (Dgraph would make one
// predicate per relation, thousands of them).
func (x *exporter) rdf(w *bufio.Writer, direct bool) error {
	r := rdfWriter{w}
	if direct {
		w.WriteString("# kg export: N-Triples. Vocabulary urn:kg: (see the README, Export)\n")
	} else {
		w.WriteString("# kg export: N-Quads, default graph. Vocabulary urn:kg: (see the README, Export); Dgraph schema: kg.schema\n")
	}
	err := x.nodes(func(e graph.Entity) error {
		s := iri(entityNS, e.ID)
		r.st(s, rdfType, kgEntity)
		r.str(s, kgID, e.ID)
		r.str(s, kgName, e.Name)
		r.str(s, kgType, e.Type)
		r.st(s, kgMentions, typed(strconv.Itoa(e.Mentions), "integer"))
		for _, a := range e.Aliases {
			r.str(s, kgAlias, a)
		}
		return r.err()
	})
	if err != nil {
		return err
	}
	cited := map[string]bool{} // documents named so far: written at the end
	err = x.edges(func(t graph.Triple) error {
		s := iri(tripleNS, t.ID)
		subj, obj := iri(entityNS, t.SubjectID), iri(entityNS, t.ObjectID)
		r.st(s, rdfType, kgStatement)
		r.str(s, kgID, t.ID)
		r.st(s, kgSubject, subj)
		r.str(s, kgRelation, t.Relation)
		r.st(s, kgObject, obj)
		r.st(s, kgConfidence, typed(strconv.FormatFloat(t.Confidence, 'f', -1, 64), "double"))
		r.st(s, kgCount, typed(strconv.Itoa(t.Count), "integer"))
		r.st(s, kgNegated, typed(strconv.FormatBool(t.Negated), "boolean"))
		r.str(s, kgModality, t.Modality)
		r.str(s, kgAttributedTo, t.AttributedTo)
		r.str(s, kgRelationText, t.RelationText)
		docs, err := x.sn.Sources(t.ID)
		if err != nil {
			return err
		}
		for _, d := range docs {
			r.st(s, kgStatedIn, iri(docNS, d))
			cited[d] = true
		}
		if direct && !t.Negated && t.Modality == "" {
			r.st(subj, iri(relNS, t.Relation), obj)
		}
		return r.err()
	})
	if err != nil {
		return err
	}
	err = x.sn.Documents(func(d graph.DocumentInfo) error {
		if !cited[d.ID] {
			return nil
		}
		s := iri(docNS, d.ID)
		r.st(s, rdfType, kgDocument)
		r.str(s, kgID, d.ID)
		r.str(s, kgTitle, d.Title)
		r.str(s, kgDate, d.Date)
		r.str(s, kgSource, d.Source)
		r.str(s, kgURL, d.URL)
		return r.err()
	})
	return err
}

// DgraphSchema is the Dgraph schema of the N-Quads export: a type and
// the indexes for every predicate it uses.
const DgraphSchema = `# Dgraph schema for kg export --format nquads (kg.nq). Load both with
#   dgraph live --files kg.nq --format=rdf --schema kg.schema --upsertPredicate xid
# xid holds each node's IRI, so that loading the file again updates the
# same nodes instead of adding new ones (dgraph bulk: --store_xids).
xid: string @index(exact) @upsert .
<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>: [uid] .
<urn:kg:id>: string @index(exact) .

# entities
<urn:kg:name>: string @index(exact, term, trigram) .
<urn:kg:type>: string @index(exact) .
<urn:kg:mentions>: int @index(int) .
<urn:kg:alias>: [string] @index(exact, term) .

# statements: one per edge, subject –relation→ object
<urn:kg:subject>: uid @reverse .
<urn:kg:object>: uid @reverse .
<urn:kg:relation>: string @index(exact, term) .
<urn:kg:confidence>: float @index(float) .
<urn:kg:count>: int @index(int) .
<urn:kg:negated>: bool @index(bool) .
<urn:kg:modality>: string @index(exact) .
<urn:kg:attributedTo>: string @index(exact) .
<urn:kg:relationText>: string .
<urn:kg:statedIn>: [uid] @reverse .

# documents
<urn:kg:title>: string @index(term) .
<urn:kg:date>: string @index(exact) .
<urn:kg:source>: string @index(exact) .
<urn:kg:url>: string .
`

func (x *exporter) dgraphSchema(w *bufio.Writer) error {
	_, err := io.WriteString(w, DgraphSchema)
	return err
}
