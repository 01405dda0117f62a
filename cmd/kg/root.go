package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kg-builder/kg/graph"
)

// env is what every command gets: its streams and the global flags.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	data           string // data directory
	log            *slog.Logger
	extractor      string // ingest.Options.Extractor, from --extractor
}

// errQuiet is returned by a command that has already told the user what
// went wrong; run only sets the exit status.
var errQuiet = errors.New("failed")

// run runs the kg command line and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	root := &cobra.Command{
		Use:   "kg",
		Short: "Build a knowledge graph from English text and serve it over GraphQL",
		Long: `kg reads English text (news first of all), turns its sentences into
subject–relation–object triples, stores them in an embedded Badger database
and serves them through a GraphQL API with a playground.

The store is ./kg-data unless --data or KG_DATA says otherwise.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRun: func(cmd *cobra.Command, _ []string) {
			if !cmd.Flags().Changed("data") {
				if v := os.Getenv("KG_DATA"); v != "" {
					e.data = v
				}
			}
			e.log = slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
		},
	}
	root.AddCommand(newPushCmd(e))
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.PersistentFlags().StringVar(&e.data, "data", "./kg-data", "data directory of the store (env KG_DATA)")
	root.AddCommand(newIngestCmd(e), newExtractCmd(e), newExportCmd(e), newQueryCmd(e), newStatsCmd(e), newCheckCmd(e), newServeCmd(e),
		newMergeCmd(e), newSplitCmd(e), newParseCmd(e))
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	for _, c := range root.Commands() {
		if check := c.Args; check != nil {
			c.Args = func(cmd *cobra.Command, args []string) error {
				if err := check(cmd, args); err != nil {
					return usageError{err}
				}
				return nil
			}
		}
	}
	if cmd, err := root.ExecuteContextC(ctx); err != nil {
		if !errors.Is(err, errQuiet) {
			fmt.Fprintln(stderr, "kg:", strings.TrimRight(err.Error(), "\n"))
		}
		// cobra's own "unknown command" comes from the root's argument check
		if errors.As(err, new(usageError)) || strings.HasPrefix(err.Error(), "unknown command ") {
			fmt.Fprintf(stderr, "Run '%s --help' for usage.\n", cmd.CommandPath())
		}
		return 1
	}
	return 0
}

// usageError is a mistake in the command line itself: an unknown flag, a
// flag's value that does not parse, arguments a command does not take.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// open opens the store in the data directory. A read-only open of a store
// that was not closed cleanly falls back to a read-write open, which
// recovers it.
func (e *env) open(readOnly bool) (*graph.Store, error) {
	if readOnly {
		if _, err := os.Stat(e.data); err != nil {
			return nil, fmt.Errorf("no store at %s (run kg ingest first, or set --data)", e.data)
		}
	}
	s, err := graph.Open(e.data, graph.Options{ReadOnly: readOnly, Logger: e.log})
	var fe *graph.FSError
	if err != nil && readOnly && !errors.Is(err, graph.ErrLocked) && !errors.Is(err, graph.ErrNotFound) && !errors.As(err, &fe) {
		// a store left by a crash opens read-only only once a
		// read-write open has recovered it
		s, err = graph.Open(e.data, graph.Options{Logger: e.log})
	}
	var locked *graph.LockedError
	if errors.As(err, &locked) {
		by := ""
		if locked.Holder != "" {
			by = " (" + locked.Holder + ")"
		}
		if url := servingURL(e.data, locked.Holder); url != "" {
			return nil, fmt.Errorf("the store at %s is in use by kg serve%s, which serves it at %s: use its API (kg ingest --server %s sends documents through it), or stop it", e.data, by, url, url)
		}
		return nil, fmt.Errorf("the store at %s is in use by another process%s; stop it or use another --data directory", e.data, by)
	}
	if errors.Is(err, graph.ErrNotFound) {
		return nil, fmt.Errorf("no store at %s (run kg ingest first, or set --data)", e.data)
	}
	return s, err
}

// openExisting opens the store read-write, but never creates one: editing a
// store that is not there is a mistake.
func (e *env) openExisting() (*graph.Store, error) {
	if _, err := os.Stat(filepath.Join(e.data, "MANIFEST")); err != nil {
		return nil, fmt.Errorf("no store at %s (run kg ingest first, or set --data)", e.data)
	}
	return e.open(false)
}

// servingFile, in the data directory, holds the address of the kg serve
// that has the store open, and its pid: "http://127.0.0.1:8080 1234".
const servingFile = "kg-serve.url"

// writeServing records that this process serves the store in data at url;
// the returned func removes the record.
func writeServing(data, url string) func() {
	p := filepath.Join(data, servingFile)
	if err := os.WriteFile(p, []byte(fmt.Sprintf("%s %d\n", url, os.Getpid())), 0o644); err != nil {
		return func() {}
	}
	return func() { os.Remove(p) }
}

// servingURL returns the address of the kg serve that holds the store in
// data, if the holder ("pid 1234: kg serve ...") is the process that wrote
// the record.
func servingURL(data, holder string) string {
	b, err := os.ReadFile(filepath.Join(data, servingFile))
	if err != nil {
		return ""
	}
	var url string
	var pid int
	if _, err := fmt.Sscanf(string(b), "%s %d", &url, &pid); err != nil {
		return ""
	}
	if !strings.HasPrefix(holder, fmt.Sprintf("pid %d: ", pid)) {
		return "" // left by a serve that is gone
	}
	return url
}
