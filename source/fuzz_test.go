package source

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzCut: the parts of any text make it up again, each at most the size
// asked for and, for UTF-8 text, each valid UTF-8.
func FuzzCut(f *testing.F) {
	f.Add("Liis Kuusik met Andris Ozols. They talked.\n\nThen Mr. Ozols left.", 16)
	f.Add(strings.Repeat("ä", 40), 7)
	f.Add("a\n \nb. C d", 5)
	f.Fuzz(func(t *testing.T, text string, size int) {
		size = 8 + abs(size)%120
		parts := cut(text, size)
		if strings.Join(parts, "") != text {
			t.Fatalf("cut(%q, %d) = %q: does not make up the text", text, size, parts)
		}
		for _, p := range parts {
			if len(p) > size || len(p) == 0 && text != "" {
				t.Fatalf("cut(%q, %d): a part of %d bytes", text, size, len(p))
			}
			if utf8.ValidString(text) && !utf8.ValidString(p) {
				t.Fatalf("cut(%q, %d): part %q is not UTF-8", text, size, p)
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		if n == -n {
			return 0
		}
		return -n
	}
	return n
}
