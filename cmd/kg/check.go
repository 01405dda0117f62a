package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

func newCheckCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Check that the store agrees with itself",
		Long: `Check reads the whole store and checks that every index, counter, alias,
evidence record and document list agrees with the records it describes.
It changes nothing (a store left by a crash is first recovered, as by any
open). Exit status 0: consistent; 1: the first disagreement is printed.

Every document is stored in one transaction, so a crash or kill -9 during
kg ingest leaves each one whole or absent: check is there to show it, and
to tell a damaged disk or a bug from a stopped ingest.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runCheck(cmd.Context(), e)
		},
	}
}

func runCheck(ctx context.Context, e *env) error {
	st, err := e.open(true)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Check(ctx); err != nil {
		return fmt.Errorf("the store at %s is inconsistent: %w", e.data, err)
	}
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "the store at %s is consistent: %d documents, %d entities, %d triples, %d evidence\n",
		e.data, s.Documents, s.Entities, s.Triples, s.Evidence)
	return nil
}
