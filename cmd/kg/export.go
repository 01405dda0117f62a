package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/kg-builder/kg/graph"
)

func newExportCmd(e *env) *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "export --format csv [--out FILE]",
		Short: "Write the graph out, one row per edge",
		Long: `Export streams every edge of the store. Formats:

  csv    one row per edge, RFC 4180, with the header
         subject,relation,object,subject_type,object_type,confidence,count,
         negated,modality,attributed_to,relation_text,subject_id,object_id,id

Output goes to standard output unless --out names a file, which is written
whole or not at all.`,
		Example: `  kg export --format csv > graph.csv
  kg export --format csv --out graph.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "csv" {
				return fmt.Errorf("unknown format %q (known: csv)", format)
			}
			return runExport(cmd.Context(), e, out)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "csv", "output format: csv")
	cmd.Flags().StringVarP(&out, "out", "o", "", "write to FILE instead of standard output")
	return cmd
}

func runExport(ctx context.Context, e *env, out string) error {
	st, err := e.open(true)
	if err != nil {
		return err
	}
	defer st.Close()
	if out == "" {
		return writeCSV(ctx, st, e.stdout)
	}
	// write beside the target and rename, so a failed export leaves no
	// half-written file
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := writeCSV(ctx, st, tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), out)
}

// csvHeader is the export's header row.
var csvHeader = []string{"subject", "relation", "object", "subject_type", "object_type", "confidence", "count",
	"negated", "modality", "attributed_to", "relation_text", "subject_id", "object_id", "id"}

func writeCSV(ctx context.Context, st *graph.Store, w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	err := st.Each(ctx, func(t graph.Triple) error {
		return cw.Write([]string{t.Subject, t.Relation, t.Object, t.SubjectType, t.ObjectType,
			strconv.FormatFloat(t.Confidence, 'f', 3, 64), strconv.Itoa(t.Count), strconv.FormatBool(t.Negated),
			t.Modality, t.AttributedTo, t.RelationText, t.SubjectID, t.ObjectID, t.ID})
	})
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
