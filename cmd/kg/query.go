package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/kg-builder/kg/ingest"
	"github.com/kg-builder/kg/schema"
)

func newQueryCmd(e *env) *cobra.Command {
	var vars, op string
	cmd := &cobra.Command{
		Use:   "query 'GRAPHQL' [--vars JSON]",
		Short: "Run a GraphQL query on the store and print the JSON response",
		Long: `Query runs one GraphQL request against the store in this process (no
server needed) and prints the response as JSON. Mutations work too: ingest
adds a text to the store, mergeEntities and splitAlias edit its entities.
The exit status is 1 if the response has errors.`,
		Example: `  kg query '{ stats { documents triples } }'
  kg query 'query($n: String!) { entity(name: $n) { name type aliases } }' --vars '{"n": "Kestilä"}'`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var v map[string]any
			if vars != "" {
				if err := json.Unmarshal([]byte(vars), &v); err != nil {
					return fmt.Errorf("--vars is not a JSON object: %v", err)
				}
			}
			return runQuery(cmd.Context(), e, args[0], op, v)
		},
	}
	cmd.Flags().StringVar(&vars, "vars", "", "variables as a JSON object")
	cmd.Flags().StringVar(&op, "operation", "", "operation to run, when the document has several")
	return cmd
}

func runQuery(ctx context.Context, e *env, query, op string, vars map[string]any) error {
	st, err := e.open(false)
	if err != nil {
		return err
	}
	defer st.Close()
	ing, err := newIngester(st, ingest.Options{Extractor: e.extractor})
	if err != nil {
		return err
	}
	s, err := schema.New(st, schema.Options{Ingester: ing, Editor: st, Logger: e.log})
	if err != nil {
		return err
	}
	resp := s.Exec(ctx, query, op, vars)
	b, err := json.MarshalIndent(resp, "", "  ")
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, string(b))
	if len(resp.Errors) > 0 {
		return errQuiet
	}
	return nil
}
