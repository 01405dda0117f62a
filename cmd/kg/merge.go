package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-builder/kg/graph"
)

func newMergeCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "merge INTO FROM",
		Short: "Merge two entities the store took for different ones",
		Long: `Merge merges the entity FROM into the entity INTO. Each is an entity id
(E12) or a name or alias, as the entity query finds it.

INTO keeps its id and canonical name and takes FROM's aliases, mentions and
triples; a triple equal to one of INTO's becomes that triple, with the
evidence of both. A triple between the two becomes a triple from INTO to
itself, its evidence kept. FROM is deleted, and later ingests find INTO by
every name FROM had. kg split undoes a merge, one alias at a time.`,
		Example: `  kg merge "Rex Tillerson" "R. Tillerson"
  kg merge E12 E40`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runMerge(cmd.Context(), e, args[0], args[1])
		},
	}
}

func runMerge(ctx context.Context, e *env, into, from string) error {
	st, err := e.openExisting()
	if err != nil {
		return err
	}
	defer st.Close()
	m, err := st.MergeEntities(ctx, into, from)
	if err != nil {
		return editErr("merge", err)
	}
	fmt.Fprintf(e.stdout, "merged %s %s into %s %s\n", m.From.ID, m.From.Name, m.Into.ID, m.Into.Name)
	printEntity(e.stdout, m.Into)
	fmt.Fprintf(e.stdout, "triples  %d moved, %d folded into an equal triple", m.EdgesMoved, m.EdgesFolded)
	if m.SelfLoops > 0 {
		fmt.Fprintf(e.stdout, ", %d now from %s to itself", m.SelfLoops, m.Into.ID)
	}
	fmt.Fprintln(e.stdout)
	return nil
}

// printEntity prints an entity on one line: id, name, type, mentions and
// aliases.
func printEntity(w io.Writer, en graph.Entity) {
	q := make([]string, len(en.Aliases))
	for i, a := range en.Aliases {
		q[i] = strconv.Quote(a)
	}
	fmt.Fprintf(w, "%-8s %s (%s), mentions %d, aliases %s\n", en.ID, en.Name, en.Type, en.Mentions, strings.Join(q, ", "))
}

// editErr words a refused edit for the command line.
func editErr(cmd string, err error) error {
	var re *graph.RefusedError
	switch {
	case errors.As(err, &re):
		return fmt.Errorf("%s: %s", cmd, re.Reason)
	case errors.Is(err, graph.ErrTooLarge):
		return fmt.Errorf("%s: the entity has too many triples to rewrite in one transaction; nothing was changed", cmd)
	}
	return err
}
