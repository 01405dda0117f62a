package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

func newStatsCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "stats",
		Short: "Print what the store holds",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runStats(cmd.Context(), e)
		},
	}
}

func runStats(ctx context.Context, e *env) error {
	st, err := e.open(true)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "store      %s\ndocuments  %d\nsentences  %d\ntokens     %d\nentities   %d\ntriples    %d\nrelations  %d\nevidence   %d\n",
		e.data, s.Documents, s.Sentences, s.Tokens, s.Entities, s.Triples, s.Relations, s.Evidence)
	return nil
}
