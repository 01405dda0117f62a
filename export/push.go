package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kg-builder/kg/graph"
)

// PushOptions say where Push sends the graph.
type PushOptions struct {
	URL     string       // a Dgraph alpha's HTTP address: http://127.0.0.1:8080
	Batch   int          // nodes (entities, edges, documents) per request; 0: 200
	StoreID string       // the prefix of the xids; blank: the store's id
	Client  *http.Client // nil: one with a 2-minute timeout
	// Sent, when set, is called after each request Dgraph acknowledged.
	Sent func(PushResult)
}

// PushResult says what Push sent.
type PushResult struct {
	StoreID  string
	From, To uint64 // the change sequences: after From, up to To
	Full     bool   // Dgraph had nothing of the store: everything was sent

	Entities, Triples, Evidence, Documents int // upserted
	EntitiesDeleted, TriplesDeleted        int
	DocumentsDeleted                       int
	Requests, NQuads                       int
}

// Push sends Dgraph what changed in the store since the last push:
// entities, edges (with their evidence) and documents added or changed
// are upserted, keyed on their xid; those removed (by a deleted document,
// a merge or a split) are deleted there. What was pushed last is the
// change sequence kept on the store's own node in Dgraph (xid: the store
// id, predicate kg.pushed), which a dgraph export sets too, and which the
// last request sets only once Dgraph acknowledged every other: a push cut
// off anywhere sends the same upserts again, which change nothing twice.
// A Dgraph without the store's node gets everything.
//
// It first applies the DQL schema of the dgraph format (DgraphDQL),
// which changes nothing when it is there already.
func Push(ctx context.Context, st Store, o PushOptions) (PushResult, error) {
	p := &pusher{o: o, url: strings.TrimSuffix(o.URL, "/")}
	if p.o.Batch <= 0 {
		p.o.Batch = 200
	}
	if p.o.Client == nil {
		p.o.Client = &http.Client{Timeout: 2 * time.Minute}
	}
	if err := p.post(ctx, "/alter", "", DgraphDQL, nil); err != nil {
		return PushResult{}, fmt.Errorf("push: applying the schema: %w", err)
	}
	err := st.Snapshot(ctx, func(sn *graph.Snapshot) error {
		store := o.StoreID
		if store == "" {
			var err error
			if store, err = sn.StoreID(); err != nil {
				return err
			}
			if store == "" {
				return errNoStoreID
			}
		}
		p.res.StoreID = store
		last, err := sn.ChangeSeq()
		if err != nil {
			return err
		}
		from, found, err := p.pushed(ctx, store)
		if err != nil {
			return err
		}
		if from > last {
			return fmt.Errorf("push: Dgraph holds changes of store %s up to %d, the store only up to %d: is it another store with the same id?", store, from, last)
		}
		p.res.From, p.res.To, p.res.Full = from, last, !found
		return p.send(ctx, sn, store, found)
	})
	return p.res, err
}

type pusher struct {
	o   PushOptions
	url string
	res PushResult
}

// pushed reads the change sequence Dgraph holds for store, and whether it
// has the store's node at all.
func (p *pusher) pushed(ctx context.Context, store string) (uint64, bool, error) {
	q := `{ s(func: eq(xid, ` + strconv.Quote(store) + `)) { kg.pushed } }`
	var out struct {
		S []struct {
			Pushed *uint64 `json:"kg.pushed"`
		} `json:"s"`
	}
	if err := p.post(ctx, "/query", "application/dql", q, &out); err != nil {
		return 0, false, fmt.Errorf("push: reading what was pushed: %w", err)
	}
	if len(out.S) == 0 || out.S[0].Pushed == nil {
		return 0, false, nil
	}
	return *out.S[0].Pushed, true, nil
}

// send sends what changed after p.res.From (everything, unless found),
// as the snapshot holds it now.
func (p *pusher) send(ctx context.Context, sn *graph.Snapshot, store string, found bool) error {
	var ents, trips, docs []string
	if found {
		seenE, seenT, seenD := map[string]bool{}, map[string]bool{}, map[string]bool{}
		err := sn.Changes(p.res.From, func(c graph.Change) error {
			for _, id := range c.Entities {
				if !seenE[id] {
					seenE[id] = true
					ents = append(ents, id)
				}
			}
			for _, id := range c.Triples {
				if !seenT[id] {
					seenT[id] = true
					trips = append(trips, id)
				}
			}
			for _, id := range c.Documents {
				if !seenD[id] {
					seenD[id] = true
					docs = append(docs, id)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	} else {
		if err := sn.Entities(func(e graph.Entity) error { ents = append(ents, e.ID); return nil }); err != nil {
			return err
		}
		if err := sn.Edges(graph.Selection{}, func(t graph.Triple) error { trips = append(trips, t.ID); return nil }); err != nil {
			return err
		}
		if err := sn.Documents(func(d graph.DocumentInfo) error { docs = append(docs, d.ID); return nil }); err != nil {
			return err
		}
	}
	var goneE, goneT, goneD []string
	b := p.newBlock(store)
	flush := func(force bool) error {
		if b.nodes == 0 || (!force && b.nodes < p.o.Batch) {
			return nil
		}
		if err := p.commit(ctx, b); err != nil {
			return err
		}
		b = p.newBlock(store)
		return nil
	}
	// entities and documents first, so that edges and evidence find them
	for _, id := range ents {
		e, err := sn.Entity(id)
		if errors.Is(err, graph.ErrNotFound) {
			goneE = append(goneE, id)
			continue
		}
		if err != nil {
			return err
		}
		b.clear(DgraphXID(store, e.ID), "kg.alias")
		b.w.Entity(e)
		b.nodes++
		p.res.Entities++
		if err := flush(false); err != nil {
			return err
		}
	}
	for _, id := range docs {
		d, err := sn.Document(id)
		if errors.Is(err, graph.ErrNotFound) {
			goneD = append(goneD, id)
			continue
		}
		if err != nil {
			return err
		}
		b.clear(DgraphDocXID(store, d.ID), blank(map[string]string{"kg.title": d.Title, "kg.date": d.Date, "kg.source": d.Source, "kg.url": d.URL})...)
		b.w.Document(d)
		b.nodes++
		p.res.Documents++
		if err := flush(false); err != nil {
			return err
		}
	}
	for _, id := range trips {
		t, err := sn.Triple(id)
		if errors.Is(err, graph.ErrNotFound) {
			goneT = append(goneT, id)
			continue
		}
		if err != nil {
			return err
		}
		evs, err := sn.Evidence(id)
		if err != nil {
			return err
		}
		b.triple(t, evs)
		b.nodes += 1 + len(evs)
		p.res.Triples++
		p.res.Evidence += len(evs)
		if err := flush(false); err != nil {
			return err
		}
	}
	// then what is gone: edges (and their evidence), entities, documents
	for _, id := range goneT {
		b.deleteNode(DgraphXID(store, id), true)
		p.res.TriplesDeleted++
		if err := flush(false); err != nil {
			return err
		}
	}
	for _, id := range goneE {
		b.deleteNode(DgraphXID(store, id), false)
		p.res.EntitiesDeleted++
		if err := flush(false); err != nil {
			return err
		}
	}
	for _, id := range goneD {
		b.deleteNode(DgraphDocXID(store, id), false)
		p.res.DocumentsDeleted++
		if err := flush(false); err != nil {
			return err
		}
	}
	// last, once every other request is acknowledged: how far this push went
	b.w.Pushed(p.res.To)
	b.nodes++
	return flush(true)
}

// block is one upsert request in the making: a query that finds the
// nodes it names by xid (one variable each), and the statements to set
// and to delete.
type block struct {
	store       string
	query       strings.Builder
	set, del    bytes.Buffer
	setW        *bufio.Writer
	vars        map[string]string // xid → variable
	w           DgraphWriter
	nodes, quad int
}

func (p *pusher) newBlock(store string) *block {
	b := &block{store: store, vars: map[string]string{}}
	b.setW = bufio.NewWriter(&b.set)
	b.w = DgraphWriter{W: b.setW, Store: store, Node: b.node}
	return b
}

// node names the node of xid in the mutation: uid(v), v a query variable
// that finds it. When Dgraph has no such node, uid(v) makes one, the same
// one for every use in the request, and it gets its xid here, so that an
// edge that names an entity not there yet makes it findable.
func (b *block) node(xid string) string {
	v, ok := b.vars[xid]
	if !ok {
		v = "v" + strconv.Itoa(len(b.vars))
		b.vars[xid] = v
		fmt.Fprintf(&b.query, "  %s as var(func: eq(xid, %s))\n", v, strconv.Quote(xid))
		fmt.Fprintf(b.setW, "uid(%s) <xid> %s .\n", v, strconv.Quote(xid))
	}
	return "uid(" + v + ")"
}

// triple upserts an edge and its evidence, and deletes the evidence
// nodes Dgraph has for it that the store no longer has.
func (b *block) triple(t graph.Triple, evs []graph.Evidence) {
	xid := DgraphXID(b.store, t.ID)
	b.node(xid)
	keep := DgraphEvidenceXIDs(b.store, t.ID, evs)
	for i, x := range keep {
		keep[i] = strconv.Quote(x)
	}
	old := "o" + strconv.Itoa(len(b.vars))
	filter := ""
	if len(keep) > 0 {
		filter = " @filter(NOT eq(xid, [" + strings.Join(keep, ", ") + "]))"
	}
	fmt.Fprintf(&b.query, "  var(func: eq(xid, %s)) { kg.evidence%s { %s as uid } }\n", strconv.Quote(xid), filter, old)
	fmt.Fprintf(&b.del, "uid(%s) * * .\n", old)
	b.clear(xid, append(blank(map[string]string{"kg.modality": t.Modality, "kg.attributedTo": t.AttributedTo,
		"kg.relationText": t.RelationText, "kg.subjectText": t.SubjectText, "kg.objectText": t.ObjectText}), "kg.evidence")...)
	b.w.Triple(t, evs)
}

// blank lists the predicates whose values are blank: those the mutation
// does not set, whose old values clear deletes.
func blank(vals map[string]string) []string {
	var out []string
	for p, v := range vals {
		if v == "" {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// clear deletes the values of predicates of the node of xid: lists
// (aliases, evidence), which the mutation then sets again whole, and
// values now blank, which it does not set. Dgraph applies a request's
// deletes of a list before its sets; a single value must not be cleared
// when it is set again (the new value is lost too): setting it replaces it.
func (b *block) clear(xid string, preds ...string) {
	n := b.node(xid)
	for _, p := range preds {
		fmt.Fprintf(&b.del, "%s <%s> * .\n", n, p)
	}
}

// deleteNode deletes the node of xid, and with evidence its evidence
// nodes.
func (b *block) deleteNode(xid string, evidence bool) {
	v := "d" + strconv.Itoa(b.nodes)
	if evidence {
		fmt.Fprintf(&b.query, "  %s as var(func: eq(xid, %s)) { kg.evidence { %se as uid } }\n", v, strconv.Quote(xid), v)
		fmt.Fprintf(&b.del, "uid(%se) * * .\n", v)
	} else {
		fmt.Fprintf(&b.query, "  %s as var(func: eq(xid, %s))\n", v, strconv.Quote(xid))
	}
	fmt.Fprintf(&b.del, "uid(%s) * * .\n", v)
	b.nodes++
}

func (b *block) text() string {
	b.setW.Flush()
	var s strings.Builder
	s.WriteString("upsert {\n query {\n")
	s.WriteString(b.query.String())
	s.WriteString(" }\n")
	if b.del.Len() > 0 {
		s.WriteString(" mutation {\n  delete {\n")
		s.Write(b.del.Bytes())
		s.WriteString("  }\n }\n")
	}
	if b.set.Len() > 0 {
		s.WriteString(" mutation {\n  set {\n")
		s.Write(b.set.Bytes())
		s.WriteString("  }\n }\n")
	}
	s.WriteString("}\n")
	return s.String()
}

// commit sends a block, committed at once, retrying an aborted
// transaction (another writer touched the same nodes) a few times.
func (p *pusher) commit(ctx context.Context, b *block) error {
	body := b.text()
	var err error
	for try := 0; try < 5; try++ {
		if err = p.post(ctx, "/mutate?commitNow=true", "application/rdf", body, nil); err == nil {
			p.res.Requests++
			p.res.NQuads += b.quads()
			if p.o.Sent != nil {
				p.o.Sent(p.res)
			}
			return nil
		}
		if !strings.Contains(err.Error(), "aborted") || ctx.Err() != nil {
			break
		}
		time.Sleep(time.Duration(try+1) * 200 * time.Millisecond)
	}
	return fmt.Errorf("push: request %d: %w", p.res.Requests+1, err)
}

// quads counts the statements of a block.
func (b *block) quads() int {
	return bytes.Count(b.set.Bytes(), []byte(" .\n")) + bytes.Count(b.del.Bytes(), []byte(" .\n"))
}

// post sends body to Dgraph and decodes the data of the answer into out,
// if given; errors in the answer are errors.
func (p *pusher) post(ctx context.Context, path, contentType, body string, out any) error {
	req, err := http.NewRequestWithContext(ctx, "POST", p.url+path, strings.NewReader(body))
	if err != nil {
		return err
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := p.o.Client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return err
	}
	var r struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return fmt.Errorf("%s: HTTP %d, not Dgraph's JSON: %.200s", path, resp.StatusCode, b)
	}
	if len(r.Errors) > 0 {
		return fmt.Errorf("%s: %s", path, r.Errors[0].Message)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: HTTP %d: %.200s", path, resp.StatusCode, b)
	}
	if out != nil {
		return json.Unmarshal(r.Data, out)
	}
	return nil
}
