package export

import (
	"bufio"
	"bytes"
	"testing"
)

// rdfWriter.str and literal write plain strings as they are; they must
// write what escaping them the long way writes.
func TestStrAsLiteral(t *testing.T) {
	for _, v := range []string{
		"Rex Tillerson", "été à Zürich", "東京", "🙂 emoji", "AT&T <Inc>",
		`say "no"`, `back\slash`, "line\nbreak", "tab\tand\rreturn", "bell\x07", "del\x7f",
		"bad \xff byte", "\xe2\x82", "", "x",
	} {
		var fast, slow bytes.Buffer
		fw, sw := bufio.NewWriter(&fast), bufio.NewWriter(&slow)
		rdfWriter{fw}.str("<s>", "<p>", v)
		if v != "" {
			rdfWriter{sw}.st("<s>", "<p>", escaped(v))
		}
		fw.Flush()
		sw.Flush()
		if fast.String() != slow.String() {
			t.Errorf("str(%q) = %q, want %q", v, fast.String(), slow.String())
		}
		if got, want := literal(v), escaped(v); got != want {
			t.Errorf("literal(%q) = %q, want %q", v, got, want)
		}
	}
}
