package examples

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kg-builder/kg/ingest"

	"github.com/kg-builder/kg/source"
)

// TestArticles checks the bundled articles are there and shaped as the
// demo expects: front matter with a date, then a headline line, a blank
// line and paragraphs of UTF-8.
func TestArticles(t *testing.T) {
	names, err := fs.Glob(FS, "news/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 5 || len(names) > 10 {
		t.Fatalf("%d articles, want 5 to 10", len(names))
	}
	for _, n := range names {
		b, err := fs.ReadFile(FS, n)
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(b) {
			t.Errorf("%s is not UTF-8", n)
		}
		in := ingest.Input(source.FrontMatter(source.Document{Text: string(b)}))
		if !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`).MatchString(in.Date) {
			t.Errorf("%s has no date in its front matter: %q", n, in.Date)
		}
		lines := strings.SplitN(in.Text, "\n", 3)
		if len(lines) < 3 || lines[0] == "" || lines[1] != "" {
			t.Errorf("%s does not start with a headline and a blank line", n)
		}
		if words := len(strings.Fields(string(b))); words < 100 {
			t.Errorf("%s has %d words, want a real article", n, words)
		}
	}
}
