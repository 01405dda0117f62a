package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A unit is a stretch of the document that sentence segmentation sees on its
// own: a paragraph, or a line that stands alone (a headline, a list item).
type unit struct {
	start, end int  // byte offsets in the document
	headline   bool // one line without final punctuation
}

// units splits text into paragraphs and stand-alone lines. Lines of one
// paragraph are joined only where the first does not end a sentence and the
// next begins in lower case (hard-wrapped text); a line that does not end in
// sentence punctuation is otherwise a unit of its own, since prose would run
// it into the next one.
func units(text string) []unit {
	var out []unit
	cur := unit{start: -1}
	lines := 0
	flush := func() {
		if cur.start >= 0 {
			cur.headline = lines == 1 && !endsSentence(text[cur.start:cur.end])
			out = append(out, cur)
		}
		cur = unit{start: -1}
		lines = 0
	}
	for pos := 0; pos < len(text); {
		nl := strings.IndexByte(text[pos:], '\n')
		end := len(text)
		if nl >= 0 {
			end = pos + nl
		}
		s, e := trimLine(text, pos, end)
		next := end + 1
		if s >= e {
			flush() // blank line: paragraph break
			pos = next
			continue
		}
		if cur.start >= 0 {
			prev := text[cur.start:cur.end]
			first, _ := utf8.DecodeRuneInString(text[s:e])
			if !endsSentence(prev) && (unicode.IsLower(first) || endsWithContinuation(prev)) {
				cur.end = e
				lines++
				pos = next
				continue
			}
			flush()
		}
		cur = unit{start: s, end: e}
		lines = 1
		pos = next
	}
	flush()
	return out
}

var listMarker = regexp.MustCompile(`^(#{1,6}\s+|>\s*|[-*+•]\s+|\d{1,3}[.)]\s+)`)

// trimLine returns the bounds of a line without surrounding space and
// without Markdown heading, quote and list markers.
func trimLine(text string, s, e int) (int, int) {
	for s < e && isSpaceByte(text[s]) {
		s++
	}
	for e > s && isSpaceByte(text[e-1]) {
		e--
	}
	for {
		m := listMarker.FindStringIndex(text[s:e])
		if m == nil || m[1] == 0 {
			break
		}
		s += m[1]
	}
	for e > s && text[e-1] == '#' { // closing "## Title ##"
		e--
	}
	for e > s && isSpaceByte(text[e-1]) {
		e--
	}
	return s, e
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' }

// endsSentence reports whether s ends with sentence punctuation, perhaps
// followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \t\"'’”)]»*_")
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;…", r)
}

func endsWithContinuation(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(",-–—(", r)
}

// dateline matches a wire-story opening such as "SALVADOR, Feb 26 -" or
// "HELSINKI, March 3 (Reuters) -", which is not part of the first sentence.
var dateline = regexp.MustCompile(`^[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.]{1,9})?(?:,\s*[A-Z][A-Za-z.]{2,9}\.?\s+\d{1,2})?(?:\s*\([A-Za-z ]+\))?\s*(?:-{1,2}|–|—)\s+`)

// casedDateline matches, at the very start of a story only, an opening
// whose place is in any case, with a month and a day: "New York, Feb 26
// -", "ESCHBORN, West Germany, March 2 -", "Bogota, march 4 -",
// "AMSTERDAM, 2 March -". Further in, "Sales, Jan 1 - Dec 31" is no
// dateline.
var casedDateline = regexp.MustCompile(`^[A-Z][A-Za-z.'’/ -]{1,40}?(?:,\s*[A-Z][A-Za-z.'’ ]{1,25}?)?,\s*(?:` + months + `\.?\s+\d{1,2}|\d{1,2}\s+` + months + `),?(?:\s*\([A-Za-z ]+\))?\s*(?:-{1,2}|–|—)\s+`)

const months = `(?i:Jan(?:uary)?|Feb(?:ruary)?|March|April|May|June|July|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`

// stripDateline returns where a unit's text starts once its dateline, if
// any, is cut off, and the place the dateline names. first says whether
// the unit begins the story (after its headlines, if any).
func stripDateline(text string, u unit, first bool) (int, string) {
	unitText := text[u.start:u.end]
	m := dateline.FindStringIndex(unitText)
	if m == nil && first {
		m = casedDateline.FindStringIndex(unitText)
	}
	if m == nil {
		return u.start, ""
	}
	head := text[u.start : u.start+m[1]]
	place := head
	if i := strings.IndexAny(place, ",(-–—"); i > 0 {
		place = place[:i]
	}
	return u.start + m[1], strings.TrimSpace(place)
}

// splitMarkup cuts the angle brackets of Reuters markup, and carriage
// returns written "^M", off the words they are glued to: "<Chartham
// Management Corp>" names a company whose name is "Chartham Management
// Corp". A ticker in one word ("<GTE>", "<BISZ.Z>")
// stays whole; markTickers takes it out of names.
func splitMarkup(toks []token) []token {
	var out []token
	for _, t := range toks {
		if n := len(t.text); n > 2 && strings.HasSuffix(t.text, "^M") {
			// a carriage return written as "^M", no part of the
			// word: "REUTER^M", "<Pratt^M and Whitney>"
			w := t.text[:n-2]
			out = append(out, splitMarkup([]token{{text: w, lower: strings.ToLower(w), start: t.start}})...)
			continue
		}
		if isTicker(t.text) || len(t.text) < 2 {
			out = append(out, t)
			continue
		}
		if i := strings.IndexByte(t.text, '<'); i > 0 && isTicker(t.text[i:]) {
			// "Company<ASAT.T>": a ticker glued to the name before it
			w := t.text[:i]
			if len(w) > 2 && w[len(w)-1] == '.' && !strings.Contains(w[:len(w)-1], ".") {
				// "Association.<ICGS.L>": the sentence's stop too
				out = append(out, token{text: w[:len(w)-1], lower: strings.ToLower(w[:len(w)-1]), start: t.start},
					token{text: ".", lower: ".", start: t.start + i - 1})
			} else {
				out = append(out, token{text: w, lower: strings.ToLower(w), start: t.start})
			}
			out = append(out, token{text: t.text[i:], lower: strings.ToLower(t.text[i:]), start: t.start + i})
			continue
		}
		open := t.text[0] == '<'
		shut := t.text[len(t.text)-1] == '>'
		if !open && !shut {
			out = append(out, t)
			continue
		}
		w, start := t.text, t.start
		if open {
			out = append(out, token{text: "<", lower: "<", start: start})
			w, start = w[1:], start+1
		}
		if shut && len(w) > 1 {
			out = append(out, token{text: w[:len(w)-1], lower: strings.ToLower(w[:len(w)-1]), start: start},
				token{text: ">", lower: ">", start: start + len(w) - 1})
		} else {
			out = append(out, token{text: w, lower: strings.ToLower(w), start: start})
		}
	}
	return out
}

// isTicker reports whether w is a stock symbol in Reuters markup: "<GTE>",
// "<BISZ.Z>", "<DBKG.F>".
func isTicker(w string) bool {
	if len(w) < 3 || w[0] != '<' || w[len(w)-1] != '>' {
		return false
	}
	for _, r := range w[1 : len(w)-1] {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '&') {
			return false
		}
	}
	return true
}

// markTickers keeps tickers and brackets out of names: they are symbols,
// never words of a name. A ticker after a name is evidence that the name
// is a company's (typeVotes).
func markTickers(toks []token) {
	for i, t := range toks {
		if isTicker(t.text) || t.text == "<" || t.text == ">" ||
			i > 0 && i+1 < len(toks) && toks[i-1].text == "(" && toks[i+1].text == ")" && dottedSymbol(t.text) {
			// and "the New York Times (NYT.A)": a symbol in round brackets
			toks[i].tag, toks[i].label = "SYM", "O"
		}
	}
}

// dottedSymbol reports whether w is a stock symbol with its exchange's
// letters after a stop: "NYT.A", "BP.L", "NVO.CO".
func dottedSymbol(w string) bool {
	dot := strings.IndexByte(w, '.')
	if dot < 1 || dot > 6 || len(w)-dot-1 < 1 || len(w)-dot-1 > 2 {
		return false
	}
	for i, r := range w {
		if i != dot && !(r >= 'A' && r <= 'Z' || i < dot && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
