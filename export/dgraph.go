package export

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strconv"
	"strings"

	"github.com/kg-builder/kg/graph"
)

// The dgraph format is RDF for Dgraph itself, where the nquads format is
// RDF for every tool: nodes are blank nodes named by a stable external id
// (xid) that the store's id prefixes, so that several stores share one
// Dgraph and loading again updates instead of adding; every node has its
// dgraph.type; predicates have plain names (kg.name), which Dgraph's
// GraphQL can map (urn:kg:name cannot be written in a GraphQL schema);
// and evidence is a node of its own, with its document, sentence and
// offsets. Beside the data come a DQL schema with types and a GraphQL
// schema for Dgraph whose types and fields follow kg's own.
//
// xids (S is the store id):
//
//	S            the store: kg.pushed, the change sequence loaded (see kg push)
//	S.E12        an entity
//	S.T7         an edge (Triple)
//	S.D<hash>    a document: the first 16 hex digits of its id's SHA-256
//	S.T7.<hash>.<n>  the evidence of T7 in sentence n of that document
//	                 (-1, -2, … after it when the sentence states T7 again)
//
// The names carry no character the RDF loaders treat specially.

// DgraphXID is the xid of a node in the dgraph format and in kg push: of
// entity "E12", edge "T7" or, with doc set, of the document with that id.
func DgraphXID(store, id string) string { return store + "." + id }

// DgraphDocXID is the xid of document id.
func DgraphDocXID(store, id string) string { return store + ".D" + docHash(id) }

// DgraphEvidenceXIDs are the xids of the evidence evs of edge tid, in
// order: by document and sentence, and when a sentence states the edge
// more than once, -1, -2, … after the second and later.
func DgraphEvidenceXIDs(store, tid string, evs []graph.Evidence) []string {
	out := make([]string, len(evs))
	seen := map[string]int{}
	for i, ev := range evs {
		x := store + "." + tid + "." + docHash(ev.DocumentID) + "." + strconv.Itoa(ev.Sentence)
		if k := seen[x]; k > 0 {
			seen[x]++
			out[i] = x + "-" + strconv.Itoa(k)
			continue
		}
		seen[x] = 1
		out[i] = x
	}
	return out
}

func docHash(id string) string {
	h := sha256.Sum256([]byte(id))
	return hex.EncodeToString(h[:8])
}

// DgraphWriter writes the nodes of the dgraph format as RDF (N-Quads
// Dgraph reads, every node a blank node _:xid); kg push writes the same
// statements inside upsert blocks, naming each node its own way.
type DgraphWriter struct {
	W     *bufio.Writer
	Store string
	// Node returns how a statement names the node of xid; nil: "_:"+xid.
	Node func(xid string) string
}

func (d DgraphWriter) node(xid string) string {
	if d.Node != nil {
		return d.Node(xid)
	}
	return "_:" + xid
}

func (d DgraphWriter) st(s, p, o string) { rdfWriter{d.W}.st(s, "<"+p+">", o) }

func (d DgraphWriter) str(s, p, v string) {
	if v != "" {
		d.st(s, p, literal(v))
	}
}

func (d DgraphWriter) head(xid, typ string) string {
	s := d.node(xid)
	if d.Node == nil { // Node writes the xid itself
		d.st(s, "xid", literal(xid))
	}
	d.st(s, "dgraph.type", literal(typ))
	return s
}

// Entity writes an entity node.
func (d DgraphWriter) Entity(e graph.Entity) {
	s := d.head(DgraphXID(d.Store, e.ID), "kg.Entity")
	d.str(s, "kg.id", e.ID)
	d.str(s, "kg.name", e.Name)
	d.str(s, "kg.type", e.Type)
	d.st(s, "kg.mentions", `"`+strconv.Itoa(e.Mentions)+`"`)
	for _, a := range e.Aliases {
		d.str(s, "kg.alias", a)
	}
}

// Triple writes an edge node, its evidence nodes and the links to its
// ends and their documents.
func (d DgraphWriter) Triple(t graph.Triple, evs []graph.Evidence) {
	s := d.head(DgraphXID(d.Store, t.ID), "kg.Triple")
	d.str(s, "kg.id", t.ID)
	d.st(s, "kg.subject", d.node(DgraphXID(d.Store, t.SubjectID)))
	d.str(s, "kg.relation", t.Relation)
	d.st(s, "kg.object", d.node(DgraphXID(d.Store, t.ObjectID)))
	d.str(s, "kg.relationText", t.RelationText)
	d.str(s, "kg.subjectText", t.SubjectText)
	d.str(s, "kg.objectText", t.ObjectText)
	d.st(s, "kg.confidence", `"`+strconv.FormatFloat(t.Confidence, 'f', -1, 64)+`"`)
	d.st(s, "kg.count", `"`+strconv.Itoa(t.Count)+`"`)
	d.st(s, "kg.negated", `"`+strconv.FormatBool(t.Negated)+`"`)
	d.str(s, "kg.modality", t.Modality)
	d.str(s, "kg.attributedTo", t.AttributedTo)
	xids := DgraphEvidenceXIDs(d.Store, t.ID, evs)
	for i, ev := range evs {
		v := d.head(xids[i], "kg.Evidence")
		d.st(s, "kg.evidence", v)
		d.st(v, "kg.document", d.node(DgraphDocXID(d.Store, ev.DocumentID)))
		d.st(v, "kg.sentence", `"`+strconv.Itoa(ev.Sentence)+`"`)
		d.str(v, "kg.text", ev.Text)
		d.st(v, "kg.start", `"`+strconv.Itoa(ev.Start)+`"`)
		d.st(v, "kg.end", `"`+strconv.Itoa(ev.End)+`"`)
		d.str(v, "kg.subjectText", ev.SubjectText)
		d.str(v, "kg.relationText", ev.RelationText)
		d.str(v, "kg.objectText", ev.ObjectText)
		d.st(v, "kg.confidence", `"`+strconv.FormatFloat(ev.Confidence, 'f', -1, 64)+`"`)
		d.str(v, "kg.attributedTo", ev.AttributedTo)
	}
}

// Document writes a document node.
func (d DgraphWriter) Document(doc graph.DocumentInfo) {
	s := d.head(DgraphDocXID(d.Store, doc.ID), "kg.Document")
	d.str(s, "kg.id", doc.ID)
	d.str(s, "kg.title", doc.Title)
	d.str(s, "kg.date", doc.Date)
	d.str(s, "kg.source", doc.Source)
	d.str(s, "kg.url", doc.URL)
}

// Pushed writes the store node with the change sequence the data holds.
func (d DgraphWriter) Pushed(seq uint64) {
	s := d.head(d.Store, "kg.Store")
	d.st(s, "kg.pushed", `"`+strconv.FormatUint(seq, 10)+`"`)
}

// storeID is the prefix of the export's xids.
func (x *exporter) storeID() (string, error) {
	if x.store != "" {
		return x.store, nil
	}
	id, err := x.sn.StoreID()
	if err != nil {
		return "", err
	}
	if id == "" {
		return "", errNoStoreID
	}
	return id, nil
}

// dgraphData writes the dgraph format's data: the entities, the edges
// with their evidence, the documents they cite, and for the whole graph
// every entity and document (edges or not, as kg push sends them) and the
// change sequence the export holds, so that kg push later sends only what
// changed after it.
func (x *exporter) dgraphData(w *bufio.Writer) error {
	store, err := x.storeID()
	if err != nil {
		return err
	}
	d := DgraphWriter{W: w, Store: store}
	w.WriteString("# kg export --format dgraph: RDF for dgraph live / dgraph bulk, with kg.dql (and kg.graphql for GraphQL)\n")
	if x.sel.IsZero() {
		seq, err := x.sn.ChangeSeq()
		if err != nil {
			return err
		}
		d.Pushed(seq)
	}
	entity := func(e graph.Entity) error { d.Entity(e); return rdfWriter{w}.err() }
	if x.sel.IsZero() {
		// the whole store, as kg push sends it: entities without edges too
		err = x.sn.Entities(func(e graph.Entity) error { x.res.Nodes++; return entity(e) })
	} else {
		err = x.nodes(entity)
	}
	if err != nil {
		return err
	}
	cited := map[string]bool{}
	err = x.edges(func(t graph.Triple) error {
		evs, err := x.sn.Evidence(t.ID)
		if err != nil {
			return err
		}
		for _, ev := range evs {
			cited[ev.DocumentID] = true
		}
		d.Triple(t, evs)
		return rdfWriter{w}.err()
	})
	if err != nil {
		return err
	}
	return x.sn.Documents(func(doc graph.DocumentInfo) error {
		if cited[doc.ID] || x.sel.IsZero() {
			d.Document(doc)
		}
		return rdfWriter{w}.err()
	})
}

// DgraphDQL is the DQL schema of the dgraph format: every predicate with
// its type and indexes (those the GraphQL schema asks for, so that
// applying it changes nothing), and the types, so that type() queries,
// Dgraph's GraphQL and deletes of a whole node (uid * *) see the nodes.
const DgraphDQL = `# DQL schema for kg export --format dgraph (kg.rdf). Load both with
#   dgraph live --files kg.rdf --schema kg.dql --upsertPredicate xid
# xid names each node (the store id, then E12, T7, …), so that loading
# again, or kg push, updates the same nodes.
xid: string @index(hash) @upsert .
kg.id: string @index(exact) .
kg.pushed: int .

kg.name: string @index(exact, term, trigram) .
kg.type: string @index(exact) .
kg.mentions: int @index(int) .
kg.alias: [string] @index(exact, term) .

kg.subject: uid @reverse .
kg.object: uid @reverse .
kg.relation: string @index(exact, term) .
kg.relationText: string .
kg.subjectText: string .
kg.objectText: string .
kg.confidence: float @index(float) .
kg.count: int @index(int) .
kg.negated: bool @index(bool) .
kg.modality: string @index(exact) .
kg.attributedTo: string @index(exact) .
kg.evidence: [uid] .

kg.document: uid @reverse .
kg.sentence: int .
kg.text: string .
kg.start: int .
kg.end: int .

kg.title: string @index(term) .
kg.date: string @index(exact) .
kg.source: string @index(exact) .
kg.url: string .

type <kg.Store> {
	xid
	kg.pushed
}

type <kg.Entity> {
	xid
	kg.id
	kg.name
	kg.type
	kg.mentions
	kg.alias
	<~kg.subject>
	<~kg.object>
}

type <kg.Triple> {
	xid
	kg.id
	kg.subject
	kg.relation
	kg.object
	kg.relationText
	kg.subjectText
	kg.objectText
	kg.confidence
	kg.count
	kg.negated
	kg.modality
	kg.attributedTo
	kg.evidence
}

type <kg.Evidence> {
	xid
	kg.document
	kg.sentence
	kg.text
	kg.start
	kg.end
	kg.subjectText
	kg.relationText
	kg.objectText
	kg.confidence
	kg.attributedTo
}

type <kg.Document> {
	xid
	kg.id
	kg.title
	kg.date
	kg.source
	kg.url
	<~kg.document>
}
`

// DgraphGraphQL is the GraphQL schema for Dgraph over the dgraph
// format's predicates: kg's types and field names (schema.graphql) where
// Dgraph's GraphQL allows. Dgraph's ID is its uid, so kg's ids are the
// String field id; lists are plain lists, not connections.
const DgraphGraphQL = `# GraphQL schema for Dgraph over kg export --format dgraph. Apply it with
#   curl -X POST localhost:8080/admin/schema --data-binary @kg.graphql
# Types and fields follow kg's schema.graphql; id is kg's id (E12, T7),
# xid the node's name in Dgraph (the store id, a dot, kg's id).

type Entity @dgraph(type: "kg.Entity") {
	xid: String! @id @dgraph(pred: "xid")
	id: String! @search(by: [exact]) @dgraph(pred: "kg.id")
	name: String! @search(by: [exact, term, trigram]) @dgraph(pred: "kg.name")
	type: String! @search(by: [exact]) @dgraph(pred: "kg.type")
	aliases: [String!]! @search(by: [exact, term]) @dgraph(pred: "kg.alias")
	mentions: Int! @search @dgraph(pred: "kg.mentions")
	outgoing: [Triple] @dgraph(pred: "~kg.subject")
	incoming: [Triple] @dgraph(pred: "~kg.object")
}

type Triple @dgraph(type: "kg.Triple") {
	xid: String! @id @dgraph(pred: "xid")
	id: String! @search(by: [exact]) @dgraph(pred: "kg.id")
	subject: Entity! @dgraph(pred: "kg.subject")
	relation: String! @search(by: [exact, term]) @dgraph(pred: "kg.relation")
	object: Entity! @dgraph(pred: "kg.object")
	relationText: String @dgraph(pred: "kg.relationText")
	subjectText: String @dgraph(pred: "kg.subjectText")
	objectText: String @dgraph(pred: "kg.objectText")
	confidence: Float! @search @dgraph(pred: "kg.confidence")
	count: Int! @search @dgraph(pred: "kg.count")
	negated: Boolean! @search @dgraph(pred: "kg.negated")
	modality: String @search(by: [exact]) @dgraph(pred: "kg.modality")
	attributedTo: String @search(by: [exact]) @dgraph(pred: "kg.attributedTo")
	evidence: [Evidence] @dgraph(pred: "kg.evidence")
}

type Evidence @dgraph(type: "kg.Evidence") {
	xid: String! @id @dgraph(pred: "xid")
	document: Document @dgraph(pred: "kg.document")
	sentence: Int! @dgraph(pred: "kg.sentence")
	text: String! @dgraph(pred: "kg.text")
	start: Int! @dgraph(pred: "kg.start")
	end: Int! @dgraph(pred: "kg.end")
	subjectText: String @dgraph(pred: "kg.subjectText")
	relationText: String @dgraph(pred: "kg.relationText")
	objectText: String @dgraph(pred: "kg.objectText")
	confidence: Float! @search @dgraph(pred: "kg.confidence")
	attributedTo: String @search(by: [exact]) @dgraph(pred: "kg.attributedTo")
}

type Document @dgraph(type: "kg.Document") {
	xid: String! @id @dgraph(pred: "xid")
	id: String! @search(by: [exact]) @dgraph(pred: "kg.id")
	title: String @search(by: [term]) @dgraph(pred: "kg.title")
	date: String @search(by: [exact]) @dgraph(pred: "kg.date")
	source: String @search(by: [exact]) @dgraph(pred: "kg.source")
	url: String @dgraph(pred: "kg.url")
	evidence: [Evidence] @dgraph(pred: "~kg.document")
}
`

func (x *exporter) dgraphDQL(w *bufio.Writer) error {
	_, err := io.WriteString(w, DgraphDQL)
	return err
}

func (x *exporter) dgraphGraphQL(w *bufio.Writer) error {
	_, err := io.WriteString(w, DgraphGraphQL)
	return err
}

// dgraphCommand is the command that loads the dgraph format from dir.
func dgraphCommand(p func(string) string) string {
	return "dgraph live --files " + p("kg.rdf") + " --schema " + p("kg.dql") +
		" --upsertPredicate xid --alpha localhost:9080 --zero localhost:5080" +
		" && curl -sS -X POST localhost:8080/admin/schema --data-binary @" + strings.TrimPrefix(p("kg.graphql"), "./")
}
