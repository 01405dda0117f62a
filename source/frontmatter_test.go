package source_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kg-builder/kg/source"
)

func TestFrontMatter(t *testing.T) {
	tests := []struct {
		name string
		in   source.Document
		want source.Document
	}{
		{"none", source.Document{Text: "Plain text.\n"}, source.Document{Text: "Plain text.\n"}},
		{"fields", source.Document{Text: "---\ntitle: Talks in Helsinki\ndate: 2026-02-09\nurl: \"https://example.com/a\"\nauthor: us\n---\nBody.\n"},
			source.Document{Title: "Talks in Helsinki", Date: "2026-02-09", URL: "https://example.com/a", Text: "Body.\n"}},
		{"given fields win", source.Document{ID: "mine", Date: "2020-01-01", Text: "---\nid: theirs\ndate: 2026-02-09\n---\nBody."},
			source.Document{ID: "mine", Date: "2020-01-01", Text: "Body."}},
		{"CRLF and BOM", source.Document{Text: "\ufeff---\r\ndate: 2026-02-09\r\n---\r\nBody."},
			source.Document{Date: "2026-02-09", Text: "Body."}},
		{"a rule, not front matter", source.Document{Text: "---\nJust a line of text here.\n---\nBody."},
			source.Document{Text: "---\nJust a line of text here.\n---\nBody."}},
		{"never closed", source.Document{Text: "---\ndate: 2026-02-09\nBody."},
			source.Document{Text: "---\ndate: 2026-02-09\nBody."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, source.FrontMatter(tt.in)); diff != "" {
				t.Errorf("FrontMatter() (-want +got):\n%s", diff)
			}
		})
	}
}
