package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/kg-builder/kg/export"
)

type pushOptions struct {
	dgraph, storeID string
	batch           int
}

func newPushCmd(e *env) *cobra.Command {
	var o pushOptions
	cmd := &cobra.Command{
		Use:   "push --dgraph URL",
		Short: "Send Dgraph what changed in the store since the last push",
		Long: `Push keeps a Dgraph cluster in step with the store: it sends, through the
HTTP API of the alpha at URL, the entities, triples (with their evidence)
and documents added or changed since the last push, as upserts keyed on
each node's xid, and deletes there what kg removed since (deleted
documents, merged entities, split aliases). It applies the DQL schema of
kg export --format dgraph first.

Node xids start with the store's id (printed), so several stores share
one Dgraph. What was pushed last is kept in Dgraph, on the store's node,
and set by the last request only: a push cut off (an error, Ctrl-C,
kill -9) is run again and sends the same upserts again, which change
nothing twice. A Dgraph that has nothing of the store gets all of it; one
loaded from kg export --format dgraph gets what changed after the export.`,
		Example: `  kg push --dgraph http://127.0.0.1:8080
  kg export --format dgraph --out dg && dgraph live ... && kg push --dgraph http://127.0.0.1:8080`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runPush(cmd.Context(), e, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.dgraph, "dgraph", "", "HTTP address of a Dgraph alpha (http://127.0.0.1:8080)")
	f.IntVar(&o.batch, "batch", 200, "nodes (entities, triples, documents) per request")
	f.StringVar(&o.storeID, "store-id", "", "prefix of the node ids in Dgraph (default: the store's own id)")
	return cmd
}

func runPush(ctx context.Context, e *env, o pushOptions) error {
	if o.dgraph == "" {
		return usageError{errors.New("push needs --dgraph URL, the HTTP address of a Dgraph alpha")}
	}
	st, err := e.open(true)
	if err != nil {
		return err
	}
	if o.storeID == "" {
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
	start := time.Now()
	res, err := export.Push(ctx, st, export.PushOptions{URL: o.dgraph, Batch: o.batch, StoreID: o.storeID})
	el := time.Since(start)
	if err != nil {
		if res.Requests > 0 {
			fmt.Fprintf(e.stderr, "kg: %d requests were acknowledged before the failure; run kg push again to finish (it sends them again, which changes nothing twice)\n", res.Requests)
		}
		return plain(err)
	}
	what := fmt.Sprintf("changes %d to %d", res.From+1, res.To)
	switch {
	case res.Full:
		what = fmt.Sprintf("everything (Dgraph had nothing of store %s), up to change %d", res.StoreID, res.To)
	case res.From == res.To:
		what = fmt.Sprintf("nothing new (up to change %d)", res.To)
	}
	fmt.Fprintf(e.stdout, "pushed %s to %s as store %s\n", what, o.dgraph, res.StoreID)
	fmt.Fprintf(e.stdout, "upserted %d entities, %d triples (%d evidence), %d documents; deleted %d triples, %d entities, %d documents\n",
		res.Entities, res.Triples, res.Evidence, res.Documents, res.TriplesDeleted, res.EntitiesDeleted, res.DocumentsDeleted)
	secs := max(el.Seconds(), 1e-6)
	fmt.Fprintf(e.stdout, "%d requests, %d N-Quads in %.1fs (%.0f N-Quads/s, %.0f triples/s)\n",
		res.Requests, res.NQuads, el.Seconds(), float64(res.NQuads)/secs, float64(res.Triples)/secs)
	return nil
}
