package source

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"

	"github.com/kg-builder/kg/internal/testcorpus"
)

func readMarkdown(t *testing.T, md string) string {
	t.Helper()
	b, err := io.ReadAll(Markdown(strings.NewReader(md)))
	if err != nil {
		t.Fatalf("Markdown(%q): %v", md, err)
	}
	return string(b)
}

func TestMarkdown(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"plain", "Maria Lind joined Nordbank.\n", "Maria Lind joined Nordbank.\n"},
		{"heading and list markers stay for units", "# Notes\n\n- one\n1. first\n", "# Notes\n\n- one\n1. first\n"},
		{"quote markers go", "> Lind said the bank\n> would grow.\n>> nested\n>\n> - item\n", "Lind said the bank\nwould grow.\nnested\n\n- item\n"},
		{"emphasis", "**Nordbank** bought *Danube* and __Oslo Port__ for _cash_ ~~then~~.\n", "Nordbank bought Danube and Oslo Port for cash then.\n"},
		{"nested emphasis", "***Very*** important and **bold *italic* text**\n", "Very important and bold italic text\n"},
		{"intraword underscore and lone stars", "snake_case_name and 2 * 3 * 4 stay\n", "snake_case_name and 2 * 3 * 4 stay\n"},
		{"list item with emphasis", "* **Lind** joined\n", "* Lind joined\n"},
		{"inline code", "Call `kg ingest` or ``a `b` c``.\n", "Call kg ingest or a `b` c.\n"},
		{"links", "Read [the report](https://example.org/r \"title\") and [the note][n] or [this](<a b>).\n", "Read the report and the note or this.\n"},
		{"link with emphasis and brackets", "See [**Nordbank** (Oslo)](https://x.org/a_(b)) now\n", "See Nordbank (Oslo) now\n"},
		{"images dropped", "![a chart](chart.png) Sales rose. [![logo](l.png)](https://x.org)\n", " Sales rose.\n"},
		{"autolinks", "Mail <info@example.org> or see <https://example.org>.\n", "Mail info@example.org or see https://example.org.\n"},
		{"html tags and comments", "Lind <b>joined</b> Nordbank<br/> <!-- note --> today.\n", "Lind joined Nordbank  today.\n"},
		{"entities and escapes", "AT&amp;T and \\*not emphasis\\* &copy; 2026 &bogus;\n", "AT&T and *not emphasis* © 2026 &bogus;\n"},
		{"footnotes", "Lind resigned.[^1]\n\n[^1]: Reuters reported it first.\n", "Lind resigned.\n\nReuters reported it first.\n"},
		{"reference definitions dropped", "Text.\n\n[n]: https://example.org/note \"Note\"\n", "Text.\n\n\n"},
		{"task list", "- [ ] call Lind\n- [x] write\n", "- call Lind\n- write\n"},
		{"hard breaks", "line one  \nline two\\\nline three\n", "line one\nline two\nline three\n"},
		{"fenced code dropped", "Before.\n\n```go\nfunc main() {}\n```\nAfter.\n~~~~\ncode\n~~~\nstill code\n~~~~\nEnd.\n", "Before.\n\n\n\n\nAfter.\n\n\n\n\n\nEnd.\n"},
		{"unclosed fence drops the rest", "Text.\n```\ncode\n", "Text.\n\n\n"},
		{"indented code after a blank line", "Text.\n\n    x := 1\n    y := 2\nAfter.\n", "Text.\n\n\n\nAfter.\n"},
		{"indented list continuation kept", "- item\n\n    more about the item\n", "- item\n\n    more about the item\n"},
		{"thematic breaks and setext", "Title\n=====\nSub\n---\n\n***\n- - -\nText.\n", "Title\n\nSub\n\n\n\n\nText.\n"},
		{"tables", "| Name | Bank |\n|------|:----:|\n| Lind | Nordbank |\n", "Name; Bank\n\nLind; Nordbank\n"},
		{"script and comment blocks", "<script>\nvar x = 1;\n</script>\nText <!-- a\nlong comment --> more.\n", "\n\n\nText\n more.\n"},
		{"no final newline", "Last line", "Last line"},
		{"unicode", "**Kestilä** met _Łukasz_ in „Gdańsk“.\n", "Kestilä met Łukasz in „Gdańsk“.\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := readMarkdown(t, c.in); got != c.want {
				t.Errorf("Markdown(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// Every line of the input is a line of the output, so that line numbers
// hold, and a long line is cleaned in pieces without splitting a rune.
func TestMarkdownLongLine(t *testing.T) {
	word := "**Kestilä** met [Ratas](https://x.org) in Tallinn. "
	n := 3*maxLinePiece/len(word) + 1
	in := strings.Repeat(word, n) + "\n# Next\n"
	got := readMarkdown(t, in)
	if !strings.HasSuffix(got, "\n# Next\n") || strings.Count(got, "\n") != 2 {
		t.Fatalf("Markdown(long line) ends %q with %d lines, want the line then # Next", got[max(0, len(got)-40):], strings.Count(got, "\n"))
	}
	// pieces may cut a link or emphasis in two: those few stay as written
	if k := strings.Count(got, "Kestilä met Ratas in Tallinn."); k < n-10 {
		t.Errorf("Markdown(long line) cleaned %d of %d sentences", k, n)
	}
	if !strings.Contains(got, "Kestilä") || strings.ContainsRune(got, '\uFFFD') {
		t.Errorf("Markdown(long line) broke a rune")
	}
	// read a byte at a time, the result is the same
	b, err := io.ReadAll(Markdown(iotest.OneByteReader(strings.NewReader(in))))
	if err != nil || string(b) != got {
		t.Errorf("Markdown(one byte at a time) differs (err %v)", err)
	}
}

func TestMarkdownError(t *testing.T) {
	boom := errors.New("boom")
	_, err := io.ReadAll(Markdown(io.MultiReader(strings.NewReader("Text.\n"), iotest.ErrReader(boom))))
	if !errors.Is(err, boom) {
		t.Errorf("Markdown(failing reader) error = %v, want %v", err, boom)
	}
}

func TestHTML(t *testing.T) {
	for _, c := range []struct{ name, in, want, title string }{
		{
			name: "page",
			in: `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Nordbank buys
 Danube &amp; Co</title>
<style>p { color: red }</style><script>var s = "<p>not text</p>";</script></head>
<body><nav><a href="/">Home</a></nav>
<h1>Nordbank buys Danube</h1>
<p>OSLO &#8211; <b>Nordbank</b> acquired <a href="/d">Danube Logistics</a>
   in March,&nbsp;the bank said.</p>
<p>Maria Lind<br>chief economist</p>
<ul><li>one</li><li>two</li></ul>
<table><tr><td>Lind</td><td>Oslo</td></tr></table>
<pre>  kept   as
  is</pre>
<!-- a comment -->
<noscript>Enable JavaScript</noscript><img src="x.png" alt="a photo">
<svg><title>icon</title><text>svg text</text></svg>
<p>Fin.</p>
</body></html>`,
			want:  "Home\n\nNordbank buys Danube\n\nOSLO – Nordbank acquired Danube Logistics in March, the bank said.\n\nMaria Lind\nchief economist\n\none\n\ntwo\n\nLind\n\nOslo\n\n  kept   as\n  is\n\nFin.\n",
			title: "Nordbank buys Danube & Co",
		},
		{
			name:  "fragment without head",
			in:    "<title>T</title><p>One.</p><p>Two &lt;three&gt;.",
			want:  "One.\n\nTwo <three>.\n",
			title: "T",
		},
		{
			name: "unclosed head",
			in:   "<html><head><title>T</title><meta name=x><div>Body text.</div>",
			want: "Body text.\n", title: "T",
		},
		{
			name: "broken markup",
			in:   "<p>Lind <b>joined <i>Nordbank</p></b> in <<< Oslo > & 5 < 6</p><p",
			want: "Lind joined Nordbank\n\nin <<< Oslo > & 5 < 6\n",
		},
		{name: "nothing visible", in: "<html><head><title>Only a title</title><script>x()</script></head></html>", want: "", title: "Only a title"},
		{name: "empty", in: "", want: ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := NewHTML(strings.NewReader(c.in))
			b, err := io.ReadAll(h)
			if err != nil {
				t.Fatalf("HTML(%s): %v", c.name, err)
			}
			if diff := cmp.Diff(c.want, string(b)); diff != "" {
				t.Errorf("HTML(%s) text (-want +got):\n%s", c.name, diff)
			}
			if got := h.Title(); got != c.title {
				t.Errorf("HTML(%s).Title() = %q, want %q", c.name, got, c.title)
			}
			// the same a byte at a time
			h = NewHTML(iotest.OneByteReader(strings.NewReader(c.in)))
			if b2, err := io.ReadAll(h); err != nil || string(b2) != string(b) {
				t.Errorf("HTML(%s) read a byte at a time = %q, %v", c.name, b2, err)
			}
		})
	}
}

// A text run longer than the tokenizer may hold is an error, not a heap
// that grows with the input.
func TestHTMLTooLong(t *testing.T) {
	r := io.MultiReader(strings.NewReader("<p>"), io.LimitReader(repeatReader('a'), maxHTMLToken+1<<20))
	_, err := io.Copy(io.Discard, NewHTML(r))
	if !errors.Is(err, ErrHTMLTooLong) {
		t.Errorf("HTML(%d MiB of text in one run) error = %v, want ErrHTMLTooLong", maxHTMLToken>>20+1, err)
	}
	// a long page of short runs is fine
	page := io.MultiReader(strings.NewReader("<html><body>"), io.LimitReader(repeatString("<p>Lind met Ozols.</p>\n"), maxHTMLToken+1<<20))
	n, err := io.Copy(io.Discard, NewHTML(page))
	if err != nil || n < maxHTMLToken/2 {
		t.Errorf("HTML(long page of paragraphs) = %d bytes, %v", n, err)
	}
}

type repeatReader byte

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

type repeatString string

func (s repeatString) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		n += copy(p[n:], s)
	}
	return n, nil
}

func TestEnglish(t *testing.T) {
	files, err := filepath.Glob("testdata/language/*.txt")
	if err != nil || len(files) < 10 {
		t.Fatalf("testdata/language: %d files, %v", len(files), err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		err = English(string(b))
		if wantEnglish := strings.HasPrefix(filepath.Base(f), "en-"); wantEnglish != (err == nil) {
			t.Errorf("English(%s) = %v, want English %v", f, err, wantEnglish)
		} else if err != nil && !errors.Is(err, ErrNotEnglish) {
			t.Errorf("English(%s) = %v, want ErrNotEnglish", f, err)
		}
	}
	for _, c := range []struct {
		file, want string
	}{
		{"de.txt", "looks like German"}, {"fr.txt", "looks like French"}, {"ru.txt", "mostly Cyrillic letters"},
		{"zh.txt", "mostly Chinese letters"}, {"ja.txt", "mostly Japanese letters"},
	} {
		b, _ := os.ReadFile("testdata/language/" + c.file)
		if err := English(string(b)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("English(%s) = %v, want %q", c.file, err, c.want)
		}
	}
	// too short to judge
	for _, s := range []string{"Guten Tag, wie geht es Ihnen heute?", "北京欢迎你", ""} {
		if err := English(s); err != nil {
			t.Errorf("English(%q) = %v, want nil: too short to judge", s, err)
		}
	}
	// the bundled news and, when it is here, all of the Reuters corpus
	news, _ := filepath.Glob("../examples/news/*.txt")
	if len(news) == 0 {
		t.Fatal("no ../examples/news")
	}
	for _, f := range news {
		b, _ := os.ReadFile(f)
		if err := English(string(b)); err != nil {
			t.Errorf("English(%s) = %v, want nil", f, err)
		}
	}
	for _, in := range testcorpus.Reuters(100000) {
		if err := English(in.Text); err != nil {
			t.Errorf("English(Reuters %s) = %v, want nil:\n%s", in.ID, err, in.Text)
		}
	}
}

// Language gives the same answer fed in pieces of any size, runes cut
// across them.
func TestLanguageWrites(t *testing.T) {
	for _, f := range []string{"ru.txt", "de.txt", "en-names.txt", "zh.txt"} {
		b, _ := os.ReadFile("testdata/language/" + f)
		whole := English(string(b))
		for _, size := range []int{1, 2, 3, 7} {
			var l Language
			for i := 0; i < len(b); i += size {
				l.Write(b[i:min(len(b), i+size)])
			}
			if got := l.English(); (got == nil) != (whole == nil) || got != nil && got.Error() != whole.Error() {
				t.Errorf("Language(%s in pieces of %d) = %v, want %v", f, size, got, whole)
			}
		}
	}
}
