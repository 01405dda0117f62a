package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

func newSplitCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "split ENTITY ALIAS",
		Short: "Split an alias off an entity into an entity of its own",
		Long: `Split takes ALIAS off ENTITY (an entity id such as E12, or a name) and makes
it the name of a new entity of the same type. The sentences that named ENTITY
by ALIAS move their triples to the new entity; a triple left without
sentences is deleted. Later ingests keep the two apart: ALIAS is never added
back to ENTITY. It undoes a wrong merge, the store's or kg merge's.

The canonical name cannot be split off while other aliases remain (split
those off instead), nor an entity's only alias.`,
		Example: `  kg split "Rex Tillerson" "R. Tillerson"
  kg split E12 Jordan`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSplit(cmd.Context(), e, args[0], args[1])
		},
	}
}

func runSplit(ctx context.Context, e *env, entity, alias string) error {
	st, err := e.openExisting()
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.SplitAlias(ctx, entity, alias)
	if err != nil {
		return editErr("split", err)
	}
	fmt.Fprintf(e.stdout, "split %q off %s %s into %s %s\n", alias, s.From.ID, s.From.Name, s.New.ID, s.New.Name)
	printEntity(e.stdout, s.From)
	printEntity(e.stdout, s.New)
	fmt.Fprintf(e.stdout, "triples  %d moved to %s (evidence %d), %d left without evidence and deleted\n",
		s.EdgesMoved, s.New.ID, s.EvidenceMoved, s.EdgesDeleted)
	fmt.Fprintf(e.stdout, "later ingests will not add %q to %s again\n", s.New.Name, s.From.ID)
	return nil
}
