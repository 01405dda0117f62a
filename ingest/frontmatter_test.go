package ingest_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kg-builder/kg/ingest"
)

func TestFrontMatter(t *testing.T) {
	tests := []struct {
		name string
		in   ingest.Input
		want ingest.Input
	}{
		{"none", ingest.Input{Text: "Plain text.\n"}, ingest.Input{Text: "Plain text.\n"}},
		{"fields", ingest.Input{Text: "---\ntitle: Talks in Helsinki\ndate: 2026-02-09\nurl: \"https://example.com/a\"\nauthor: us\n---\nBody.\n"},
			ingest.Input{Title: "Talks in Helsinki", Date: "2026-02-09", URL: "https://example.com/a", Text: "Body.\n"}},
		{"given fields win", ingest.Input{ID: "mine", Date: "2020-01-01", Text: "---\nid: theirs\ndate: 2026-02-09\n---\nBody."},
			ingest.Input{ID: "mine", Date: "2020-01-01", Text: "Body."}},
		{"CRLF and BOM", ingest.Input{Text: "\ufeff---\r\ndate: 2026-02-09\r\n---\r\nBody."},
			ingest.Input{Date: "2026-02-09", Text: "Body."}},
		{"a rule, not front matter", ingest.Input{Text: "---\nJust a line of text here.\n---\nBody."},
			ingest.Input{Text: "---\nJust a line of text here.\n---\nBody."}},
		{"never closed", ingest.Input{Text: "---\ndate: 2026-02-09\nBody."},
			ingest.Input{Text: "---\ndate: 2026-02-09\nBody."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, ingest.FrontMatter(tt.in)); diff != "" {
				t.Errorf("FrontMatter() (-want +got):\n%s", diff)
			}
		})
	}
}
