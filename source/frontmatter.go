package source

import (
	"strings"
)

// FrontMatter reads the block of `key: value` lines between two `---`
// lines that may open a text (as in Markdown files), fills the fields of in
// it names that are still blank (id, title, source, url, date), and returns
// in with the block cut from its text. A text without such a block, or
// with a block that is not all `key: value` lines, is returned as it is.
func FrontMatter(in Document) Document {
	text := strings.TrimPrefix(in.Text, "\ufeff")
	first, rest, ok := strings.Cut(text, "\n")
	if !ok || strings.TrimSpace(first) != "---" {
		return in
	}
	meta := map[string]string{}
	for n := 0; n < 50; n++ {
		line, after, ok := strings.Cut(rest, "\n")
		if strings.TrimSpace(line) == "---" {
			for _, f := range []struct {
				key string
				dst *string
			}{{"id", &in.ID}, {"title", &in.Title}, {"source", &in.Source}, {"url", &in.URL}, {"date", &in.Date}} {
				if *f.dst == "" {
					*f.dst = meta[f.key]
				}
			}
			in.Text = after
			return in
		}
		if !ok {
			break
		}
		k, v, found := strings.Cut(line, ":")
		k = strings.ToLower(strings.TrimSpace(k))
		if !found || k == "" || strings.ContainsAny(k, " \t") {
			return in
		}
		meta[k] = strings.Trim(strings.TrimSpace(v), `"'`)
		rest = after
	}
	return in
}
