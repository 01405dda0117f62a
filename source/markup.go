package source

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxLinePiece is how much of one line the Markdown reader cleans at a
// time: a longer line is cleaned in pieces of this size, so that memory
// stays bounded whatever the input.
const maxLinePiece = 1 << 20

// Markdown returns a reader of the text of the Markdown that r reads, with
// the markup that is not words taken out: fenced and indented code blocks,
// images, HTML tags and comments, link targets and reference definitions,
// emphasis and code-span markers, table rules, thematic breaks and setext
// underlines, quote markers. Link texts and code spans are kept as words.
// Heading and list markers at the start of a line are left in place: the
// extractor reads past them (see units); quote markers cannot be, since a
// quoted paragraph has them on every line. Every input line gives one output
// line, dropped ones an empty line, so a dropped block still ends the
// paragraph before it. The input must be UTF-8 with LF line ends.
func Markdown(r io.Reader) io.Reader {
	return &markdown{r: bufio.NewReaderSize(r, 64<<10), prevBlank: true}
}

type markdown struct {
	r   *bufio.Reader
	out []byte
	err error

	fence      string // the fence of an open fenced code block
	comment    bool   // inside an HTML comment
	raw        string // inside <script> or <style>: the closing tag
	code       bool   // inside an indented code block
	prevBlank  bool
	prevText   bool // the last line was a paragraph line (for setext underlines)
	inList     bool
	continuing bool   // the next piece continues a line longer than maxLinePiece
	carry      []byte // the start of the next piece
}

func (m *markdown) Read(p []byte) (int, error) {
	for len(m.out) == 0 {
		if m.err != nil {
			return 0, m.err
		}
		line, cont, err := m.piece()
		if err == nil || len(line) > 0 {
			if m.continuing {
				m.out = append(m.out, inline(string(line))...)
			} else {
				m.out = append(m.out, m.line(string(line))...)
			}
			if !cont && err == nil {
				m.out = append(m.out, '\n')
			}
		}
		m.continuing = cont
		m.err = err
	}
	n := copy(p, m.out)
	m.out = m.out[n:]
	return n, nil
}

// piece reads the next line without its newline, or, of a longer line,
// the next maxLinePiece bytes or so cut at a rune boundary (cont is then
// true).
func (m *markdown) piece() (line []byte, cont bool, err error) {
	line, m.carry = m.carry, nil
	for {
		chunk, err := m.r.ReadSlice('\n')
		line = append(line, chunk...)
		switch {
		case err == bufio.ErrBufferFull:
			if len(line) < maxLinePiece {
				continue
			}
			cut := runeCut(line)
			m.carry = append([]byte(nil), line[cut:]...)
			return line[:cut], true, nil
		case err == nil:
			return line[:len(line)-1], false, nil
		default:
			return line, false, err
		}
	}
}

// runeCut returns where b can be cut without splitting a rune.
func runeCut(b []byte) int {
	i := len(b) - 1
	for i > 0 && i > len(b)-utf8.UTFMax && !utf8.RuneStart(b[i]) {
		i--
	}
	if i >= 0 && !utf8.FullRune(b[i:]) {
		return i
	}
	return len(b)
}

var (
	fenceOpen    = regexp.MustCompile("^ {0,3}(`{3,}|~{3,})")
	thematic     = regexp.MustCompile(`^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	setextEq     = regexp.MustCompile(`^ {0,3}=+[ \t]*$`)
	refDef       = regexp.MustCompile(`^ {0,3}\[[^\]^]+\]:[ \t]*\S+`)
	footnoteDef  = regexp.MustCompile(`^ {0,3}\[\^[^\]]+\]:[ \t]*`)
	tableRule    = regexp.MustCompile(`^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$`)
	listItem     = regexp.MustCompile(`^[ \t]*(?:[-*+•]|\d{1,9}[.)])[ \t]+`)
	taskBox      = regexp.MustCompile(`^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)\[[ xX]\][ \t]+`)
	rawBlockOpen = regexp.MustCompile(`(?i)^[ \t]*<(script|style)\b`)
	quoteMarkers = regexp.MustCompile(`^(?: {0,3}>[ \t]?)+`)
)

// line cleans one whole line.
func (m *markdown) line(s string) string {
	// quote markers go: the units of the extractor drop them only at the
	// start of a paragraph
	if q := quoteMarkers.FindString(s); q != "" {
		s = s[len(q):]
	}
	blank := strings.TrimSpace(s) == ""
	prevBlank, prevText := m.prevBlank, m.prevText
	m.prevBlank, m.prevText = blank, false
	switch {
	case m.fence != "":
		t := strings.TrimLeft(s, " ")
		if strings.HasPrefix(t, m.fence) && strings.Trim(t, m.fence[:1]+" \t") == "" {
			m.fence = ""
		}
		m.prevBlank = true
		return ""
	case m.raw != "":
		if i := strings.Index(strings.ToLower(s), m.raw); i >= 0 {
			m.raw = ""
		}
		m.prevBlank = true
		return ""
	case m.comment:
		i := strings.Index(s, "-->")
		if i < 0 {
			m.prevBlank = true
			return ""
		}
		m.comment = false
		s = s[i+3:]
		blank = strings.TrimSpace(s) == ""
		m.prevBlank = blank
	}
	if blank {
		return ""
	}
	if m.code || prevBlank && !m.inList {
		if strings.HasPrefix(s, "    ") || strings.HasPrefix(s, "\t") {
			m.code = true
			m.prevBlank = true
			return ""
		}
	}
	m.code = false
	if f := fenceOpen.FindStringSubmatch(s); f != nil && !(f[1][0] == '`' && strings.Contains(s[len(f[0]):], "`")) {
		m.fence = f[1]
		m.prevBlank = true
		return ""
	}
	if thematic.MatchString(s) || prevText && setextEq.MatchString(s) || refDef.MatchString(s) || tableRule.MatchString(s) && strings.Contains(s, "|") {
		// a setext "---" underline is a thematic break to this reader: the
		// heading above it stays a line of its own either way
		m.prevBlank = true
		return ""
	}
	if f := rawBlockOpen.FindStringSubmatch(s); f != nil {
		closing := "</" + strings.ToLower(f[1])
		if !strings.Contains(strings.ToLower(s), closing) {
			m.raw = closing
		}
		m.prevBlank = true
		return ""
	}
	if i := strings.LastIndex(s, "<!--"); i >= 0 && !strings.Contains(s[i:], "-->") {
		m.comment = true
		s = s[:i]
	}
	if listItem.MatchString(s) {
		m.inList = true
		s = taskBox.ReplaceAllString(s, "$1")
	} else if !strings.HasPrefix(s, " ") && !strings.HasPrefix(s, "\t") {
		m.inList = false
	}
	if f := footnoteDef.FindString(s); f != "" {
		s = s[len(f):]
	}
	if t := strings.TrimSpace(s); strings.HasPrefix(t, "|") {
		s = tableRow(t)
	}
	out := strings.TrimRight(inline(s), " \t\\")
	m.prevText = strings.TrimSpace(out) != ""
	return out
}

// tableRow turns "| a | b |" into "a; b".
func tableRow(t string) string {
	t = strings.TrimSuffix(strings.TrimPrefix(t, "|"), "|")
	cells := strings.Split(t, "|")
	var keep []string
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" {
			keep = append(keep, c)
		}
	}
	return strings.Join(keep, "; ")
}

// A piece of an inline run: text, or a run of emphasis delimiters.
type piece struct {
	text  string
	delim byte // '*', '_' or '~'; 0 for text
	n     int  // delimiters left
	open  bool // can open emphasis
	close bool // can close emphasis
}

// inline cleans the inline markup of one line: code spans, links, images,
// autolinks, HTML tags and comments, entities, escapes and emphasis.
func inline(s string) string {
	var ps []piece
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			ps = append(ps, piece{text: text.String()})
			text.Reset()
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			text.WriteByte(s[i+1])
			i += 2
			continue
		case c == '`':
			n := runLen(s, i, '`')
			if end := closingRun(s, i+n, '`', n); end >= 0 {
				code := s[i+n : end]
				if len(code) > 1 && code[0] == ' ' && code[len(code)-1] == ' ' && strings.TrimSpace(code) != "" {
					code = code[1 : len(code)-1]
				}
				text.WriteString(code)
				i = end + n
			} else {
				text.WriteString(s[i : i+n])
				i += n
			}
			continue
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			if _, end, ok := link(s, i+1); ok {
				i = end // an image: dropped, alt text and all
				continue
			}
		case c == '[':
			if strings.HasPrefix(s[i:], "[^") {
				if j := strings.IndexByte(s[i:], ']'); j > 2 && !strings.ContainsAny(s[i+2:i+j], " \t[") {
					i += j + 1 // a footnote reference
					continue
				}
			}
			if label, end, ok := link(s, i); ok {
				text.WriteString(inline(label))
				i = end
				continue
			}
		case c == '<':
			if end := tagEnd(s, i); end > 0 {
				inner := s[i+1 : end-1]
				if autolink.MatchString(inner) {
					text.WriteString(inner)
				}
				i = end
				continue
			}
		case c == '&':
			if j := strings.IndexByte(s[i:min(len(s), i+33)], ';'); j > 1 {
				if u := html.UnescapeString(s[i : i+j+1]); u != s[i:i+j+1] {
					text.WriteString(u)
					i += j + 1
					continue
				}
			}
		case c == '*' || c == '_' || c == '~':
			n := runLen(s, i, c)
			if c == '~' && n != 2 {
				text.WriteString(s[i : i+n])
				i += n
				continue
			}
			before, _ := utf8.DecodeLastRuneInString(s[:i])
			after, _ := utf8.DecodeRuneInString(s[i+n:])
			if i == 0 {
				before = ' '
			}
			if i+n == len(s) {
				after = ' '
			}
			left := !unicode.IsSpace(after) && (!isPunctRune(after) || unicode.IsSpace(before) || isPunctRune(before))
			right := !unicode.IsSpace(before) && (!isPunctRune(before) || unicode.IsSpace(after) || isPunctRune(after))
			p := piece{delim: c, n: n, open: left, close: right}
			if c == '_' {
				p.open = left && (!right || isPunctRune(before))
				p.close = right && (!left || isPunctRune(after))
			}
			flush()
			ps = append(ps, p)
			i += n
			continue
		}
		text.WriteByte(c)
		i++
	}
	flush()
	pairEmphasis(ps)
	var out strings.Builder
	for _, p := range ps {
		if p.delim == 0 {
			out.WriteString(p.text)
		} else {
			out.WriteString(strings.Repeat(string(p.delim), p.n))
		}
	}
	return out.String()
}

// pairEmphasis matches closing delimiter runs with opening ones of the same
// character, nearest first, and takes the matched delimiters out.
func pairEmphasis(ps []piece) {
	var openers []int
	for j := range ps {
		p := &ps[j]
		if p.delim == 0 {
			continue
		}
		if p.close {
			for k := len(openers) - 1; k >= 0 && p.n > 0; k-- {
				o := &ps[openers[k]]
				if o.delim != p.delim || o.n == 0 {
					continue
				}
				m := min(o.n, p.n)
				if p.delim == '~' {
					m = 2
				}
				o.n -= m
				p.n -= m
				openers = openers[:k+1]
				if o.n == 0 {
					openers = openers[:k]
				}
			}
		}
		if p.open && p.n > 0 {
			openers = append(openers, j)
		}
	}
}

var autolink = regexp.MustCompile(`^(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$`)

var htmlTag = regexp.MustCompile(`^<(?:/?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*)?/?|!--.*?--|![A-Z][^<>]*|\?.*?\?)>`)

// tagEnd returns the end of the HTML tag, comment or autolink at s[i], or
// -1.
func tagEnd(s string, i int) int {
	if m := htmlTag.FindStringIndex(s[i:]); m != nil {
		return i + m[1]
	}
	if j := strings.IndexByte(s[i:], '>'); j > 1 && autolink.MatchString(s[i+1:i+j]) {
		return i + j + 1
	}
	return -1
}

// link parses a link at s[i] == '[': "[text](target)", "[text][ref]" or
// "[text][]", returning the text and where the link ends.
func link(s string, i int) (label string, end int, ok bool) {
	depth := 0
	j := i
	for ; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '[':
			depth++
		case ']':
			depth--
		}
		if depth == 0 {
			break
		}
	}
	if j >= len(s) || depth != 0 {
		return "", 0, false
	}
	label = s[i+1 : j]
	k := j + 1
	if k < len(s) && s[k] == '(' {
		depth = 0
		for ; k < len(s); k++ {
			switch s[k] {
			case '\\':
				k++
			case '(':
				depth++
			case ')':
				depth--
			}
			if depth == 0 {
				return label, k + 1, true
			}
		}
		return "", 0, false
	}
	if k < len(s) && s[k] == '[' {
		if e := strings.IndexByte(s[k:], ']'); e > 0 {
			return label, k + e + 1, true
		}
	}
	return "", 0, false
}

func runLen(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// closingRun finds the next run of exactly n c's from i, or -1.
func closingRun(s string, i int, c byte, n int) int {
	for i < len(s) {
		j := strings.IndexByte(s[i:], c)
		if j < 0 {
			return -1
		}
		j += i
		if m := runLen(s, j, c); m == n {
			return j
		} else {
			i = j + m
		}
	}
	return -1
}

func isASCIIPunct(c byte) bool {
	return c < utf8.RuneSelf && c > ' ' && !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z')
}

func isPunctRune(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// maxHTMLToken bounds the bytes of one HTML token (a run of text between
// tags, a tag, a script): the tokenizer holds one whole.
const maxHTMLToken = 32 << 20

// ErrHTMLTooLong is returned for HTML with one token longer than the reader
// holds.
var ErrHTMLTooLong = fmt.Errorf("ingest: HTML with a run of text or a tag longer than %d MiB", maxHTMLToken>>20)

// HTML reads the visible text of an HTML page: what is in script, style,
// the head and other elements a browser does not show as text is dropped,
// block elements (paragraphs, headings, list items, table rows, divisions)
// become paragraph breaks and <br> a line break, runs of white space
// outside <pre> are one space, and entities are decoded. The text of the
// <title> is kept aside: Title returns it once the page is read.
type HTML struct {
	z       *xhtml.Tokenizer
	out     []byte
	err     error
	skip    []atom.Atom // open elements whose content is dropped
	title   strings.Builder
	titled  bool // the first <title> has been read
	inTitle bool
	pre     int
	breaks  int  // line breaks owed before the next text
	space   bool // a space owed before the next text
	wrote   bool // text has been written on this line
}

// NewHTML returns an HTML reader of r, which must be UTF-8.
func NewHTML(r io.Reader) *HTML {
	z := xhtml.NewTokenizer(r)
	z.SetMaxBuf(maxHTMLToken)
	return &HTML{z: z}
}

// Title returns the text of the page's first <title>, as far as it has
// been read.
func (h *HTML) Title() string { return strings.Join(strings.Fields(h.title.String()), " ") }

// hidden elements: their content is not shown as text.
var hidden = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Canvas: true,
	atom.Select: true, atom.Textarea: true, atom.Audio: true, atom.Video: true,
}

// block elements: each starts and ends a paragraph.
var block = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Body: true,
	atom.Caption: true, atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Html: true, atom.Legend: true, atom.Li: true,
	atom.Main: true, atom.Menu: true, atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true,
	atom.Section: true, atom.Summary: true, atom.Table: true, atom.Tbody: true, atom.Td: true,
	atom.Tfoot: true, atom.Th: true, atom.Thead: true, atom.Tr: true, atom.Ul: true,
}

func (h *HTML) Read(p []byte) (int, error) {
	for len(h.out) == 0 {
		if h.err != nil {
			return 0, h.err
		}
		h.next()
	}
	n := copy(p, h.out)
	h.out = h.out[n:]
	return n, nil
}

// next reads one token.
func (h *HTML) next() {
	tt := h.z.Next()
	switch tt {
	case xhtml.ErrorToken:
		h.err = h.z.Err()
		if errors.Is(h.err, xhtml.ErrBufferExceeded) {
			h.err = ErrHTMLTooLong
		}
		if h.err == io.EOF && h.wrote {
			h.out = append(h.out, '\n')
		}
	case xhtml.StartTagToken, xhtml.SelfClosingTagToken, xhtml.EndTagToken:
		name, _ := h.z.TagName()
		h.tag(atom.Lookup(name), tt)
	case xhtml.TextToken:
		switch {
		case h.inTitle:
			h.title.Write(h.z.Text())
		case len(h.skip) == 0:
			h.text(h.z.Text())
		}
	}
}

// inHead are the elements a <head> holds: any other starts the body.
var inHead = map[atom.Atom]bool{atom.Title: true, atom.Meta: true, atom.Link: true, atom.Style: true,
	atom.Script: true, atom.Base: true, atom.Noscript: true, atom.Template: true}

func (h *HTML) tag(a atom.Atom, tt xhtml.TokenType) {
	start := tt != xhtml.EndTagToken
	if a == atom.Title {
		// the first <title>, in the head or wherever a page without a head
		// has it; not one of an <svg>
		if !h.titled && (len(h.skip) == 0 || len(h.skip) == 1 && h.skip[0] == atom.Head) {
			h.inTitle = start
			h.titled = !start
		}
		return
	}
	if len(h.skip) == 1 && h.skip[0] == atom.Head && start && !inHead[a] {
		h.skip = h.skip[:0] // the body started without </head>
	}
	if len(h.skip) > 0 {
		top := h.skip[len(h.skip)-1]
		switch {
		case a == top && !start:
			h.skip = h.skip[:len(h.skip)-1]
		case a == top && tt == xhtml.StartTagToken:
			h.skip = append(h.skip, a)
		}
		return
	}
	switch {
	case hidden[a] && tt == xhtml.StartTagToken:
		h.skip = append(h.skip, a)
	case a == atom.Br:
		h.breaks = max(h.breaks, 1)
	case block[a]:
		h.breaks = 2
		if a == atom.Pre {
			if start {
				h.pre++
			} else if h.pre > 0 {
				h.pre--
			}
		}
	}
}

// text writes a run of text, with the breaks and space it is owed.
func (h *HTML) text(t []byte) {
	if h.pre > 0 {
		if len(t) > 0 {
			h.owed()
			h.out = append(h.out, t...)
			h.wrote = true
		}
		return
	}
	for len(t) > 0 {
		r, n := utf8.DecodeRune(t)
		if unicode.IsSpace(r) {
			h.space = true
			t = t[n:]
			continue
		}
		i := bytes.IndexFunc(t, unicode.IsSpace)
		if i < 0 {
			i = len(t)
		}
		h.owed()
		h.out = append(h.out, t[:i]...)
		h.wrote = true
		t = t[i:]
	}
}

func (h *HTML) owed() {
	switch {
	case h.breaks > 0 && h.wrote:
		h.out = append(h.out, strings.Repeat("\n", h.breaks)...)
	case h.space && h.wrote:
		h.out = append(h.out, ' ')
	}
	if h.breaks > 0 {
		h.wrote = false
	}
	h.breaks, h.space = 0, false
}
