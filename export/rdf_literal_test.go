package export

import (
	"bufio"
	"bytes"
	"testing"
)

// rdfWriter.str writes plain strings without making the literal first; it
// must write what it writes through literal.
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
			rdfWriter{sw}.st("<s>", "<p>", literal(v))
		}
		fw.Flush()
		sw.Flush()
		if fast.String() != slow.String() {
			t.Errorf("str(%q) = %q, want %q", v, fast.String(), slow.String())
		}
	}
}
