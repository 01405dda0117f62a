package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	pathpkg "path"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"unicode"
	"unicode/utf8"

	"github.com/kg-builder/kg/ingest"
)

// partSize bounds the text of one document. A longer text is read as a
// stream and cut into parts of at most this size, at a paragraph break,
// else a sentence end, else white space, each stored as a document of its
// own (NAME#1, NAME#2, ...). Measured on Reuters news: a 64 KiB document
// takes 0.4 s and 80 MB; 512 KiB no longer fits one Badger transaction,
// and the time per byte of one document grows with its length.
const partSize = 64 << 10

// maxLine bounds one JSON Lines record, which is read whole.
const maxLine = 64 << 20

// item is one document read from the input, or the error met reading it.
type item struct {
	in    ingest.Input
	where string // file, file#part or file:line
	size  int64  // bytes of input it accounts for, for progress
	err   error
	// english: in is still to be checked for English, which the workers
	// do after the check for a duplicate (a stored text was English)
	english bool
}

// The kinds of input file, from their extension.
const (
	kindText     = "text"
	kindMarkdown = "markdown"
	kindHTML     = "html"
	kindJSONL    = "jsonl"
)

// kinds are the extensions a folder walk reads, and what they hold.
var kinds = map[string]string{
	".txt": kindText, ".text": kindText, ".md": kindMarkdown, ".markdown": kindMarkdown,
	".html": kindHTML, ".htm": kindHTML, ".jsonl": kindJSONL, ".ndjson": kindJSONL,
}

// source lists the files named by paths ("-" is standard input) and sends
// their documents to out, in order. It returns the total size of the input,
// for progress, before it starts sending.
type source struct {
	paths []string
	stdin io.Reader
	files []inputFile
	total int64
}

type inputFile struct {
	path string // "-" for stdin
	id   string // document id, or id prefix for JSONL
	kind string
	size int64
	err  error
}

func newSource(paths []string, stdin io.Reader) *source {
	s := &source{paths: paths, stdin: stdin}
	for _, p := range paths {
		if p == "-" {
			s.files = append(s.files, inputFile{path: "-", id: "stdin"})
			continue
		}
		fi, err := os.Stat(p) // follows symbolic links
		if err != nil {
			s.files = append(s.files, inputFile{path: p, err: statError(p, err)})
			continue
		}
		if !fi.IsDir() {
			kind := kinds[strings.ToLower(filepath.Ext(p))]
			if kind == "" {
				kind = kindText
			}
			s.files = append(s.files, inputFile{path: p, id: filepath.Base(p), kind: kind, size: fi.Size()})
			s.total += fi.Size()
			continue
		}
		root := filepath.Clean(p)
		w := &walker{dirs: map[fileKey]bool{}, seen: map[fileKey]bool{}}
		w.dir(root, filepath.Base(root), fi)
		sort.Slice(w.found, func(i, j int) bool { return w.found[i].path < w.found[j].path })
		for _, f := range w.found {
			s.total += f.size
		}
		s.files = append(s.files, w.found...)
	}
	return s
}

// walker walks a folder, following symbolic links to files and folders.
type walker struct {
	found []inputFile
	stack []walkDir        // the folders being walked, root first
	dirs  map[fileKey]bool // folders walked
	seen  map[fileKey]bool // files listed
}

type walkDir struct {
	key  fileKey
	path string
}

// fileKey identifies a file whatever the path to it.
type fileKey struct{ dev, ino uint64 }

func keyOf(fi fs.FileInfo) (fileKey, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileKey{}, false
	}
	return fileKey{uint64(st.Dev), uint64(st.Ino)}, true
}

// dir walks the folder at path, whose document ids start with id. A folder
// already on the way down (a symbolic link to an ancestor) is a loop,
// reported once; one walked before by another path is not walked again.
func (w *walker) dir(path, id string, fi fs.FileInfo) {
	key, ok := keyOf(fi)
	if ok {
		for _, d := range w.stack {
			if d.key == key {
				w.found = append(w.found, inputFile{path: path, err: fmt.Errorf("symbolic link loop: leads back to %s, not followed", d.path)})
				return
			}
		}
		if w.dirs[key] {
			return
		}
		w.dirs[key] = true
		w.stack = append(w.stack, walkDir{key, path})
		defer func() { w.stack = w.stack[:len(w.stack)-1] }()
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		w.found = append(w.found, inputFile{path: path, err: describe(err)})
		// ReadDir returns the entries it read before the error
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(path, name)
		kind := kinds[strings.ToLower(filepath.Ext(name))]
		t := e.Type()
		if !t.IsDir() && kind == "" && t&fs.ModeSymlink == 0 {
			continue // not a file kg reads: not even a stat
		}
		fi, err := os.Stat(p) // follows a symbolic link
		switch {
		case err != nil:
			if kind != "" || t.IsDir() || errors.Is(err, syscall.ELOOP) {
				w.found = append(w.found, inputFile{path: p, err: statError(p, err)})
			}
		case fi.IsDir():
			w.dir(p, pathpkg.Join(id, name), fi)
		case fi.Mode().IsRegular() && kind != "":
			if key, ok := keyOf(fi); ok {
				if w.seen[key] {
					continue // the same file by another path
				}
				w.seen[key] = true
			}
			w.found = append(w.found, inputFile{path: p, id: pathpkg.Join(id, name), kind: kind, size: fi.Size()})
		}
	}
}

// statError says why a path cannot be read, naming where a dangling
// symbolic link points.
func statError(p string, err error) error {
	if errors.Is(err, syscall.ELOOP) {
		return errors.New("symbolic link loop: the links lead to each other")
	}
	if errors.Is(err, fs.ErrNotExist) {
		if li, lerr := os.Lstat(p); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
			target, _ := os.Readlink(p)
			return fmt.Errorf("dangling symbolic link: %s does not exist", target)
		}
	}
	return describe(err)
}

func describe(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// run sends every document to out and closes it.
func (s *source) run(ctx context.Context, out chan<- item) {
	defer close(out)
	send := func(it item) bool {
		select {
		case out <- it:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for _, f := range s.files {
		if f.err != nil {
			if !send(item{where: f.path, err: f.err}) {
				return
			}
			continue
		}
		if !s.file(ctx, f, send) {
			return
		}
	}
}

// file reads one input file; false means stop.
func (s *source) file(ctx context.Context, f inputFile, send func(item) bool) bool {
	if f.path == "-" {
		return s.stdinFile(ctx, f, send)
	}
	fh, err := os.Open(f.path)
	if err != nil {
		return send(item{where: f.path, err: describe(err), size: f.size})
	}
	defer fh.Close()
	fi, err := fh.Stat()
	if err != nil {
		return send(item{where: f.path, err: describe(err), size: f.size})
	}
	if fi.IsDir() {
		return send(item{where: f.path, err: errors.New("is a folder"), size: f.size})
	}
	if f.kind == kindJSONL {
		return s.jsonl(ctx, fh, f.path, f, send)
	}
	if !fi.Mode().IsRegular() {
		// a named pipe or a device: read once, so keep a copy to read twice
		return s.spooled(ctx, fh, f.path, f, send)
	}
	rewind := func() (io.Reader, error) {
		_, err := fh.Seek(0, io.SeekStart)
		return fh, err
	}
	return s.text(ctx, rewind, f.path, f, send)
}

// stdinFile reads standard input: JSON Lines if its first line is a JSON
// object, HTML if it starts like a page, plain text otherwise.
func (s *source) stdinFile(ctx context.Context, f inputFile, send func(item) bool) bool {
	br := bufio.NewReaderSize(s.stdin, 1<<20)
	head, _ := br.Peek(1 << 20)
	switch {
	case looksJSONL(head):
		f.kind = kindJSONL
		return s.jsonl(ctx, br, "standard input", f, send)
	case looksHTML(head):
		f.kind = kindHTML
	default:
		f.kind = kindText
	}
	return s.spooled(ctx, br, "standard input", f, send)
}

// spooled reads text from r, which can be read only once: kept in memory
// when short, else copied to a temporary file.
func (s *source) spooled(ctx context.Context, r io.Reader, name string, f inputFile, send func(item) bool) bool {
	head := make([]byte, 1<<20)
	n, err := io.ReadFull(r, head)
	head = head[:n]
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		rewind := func() (io.Reader, error) { return bytes.NewReader(head), nil }
		return s.text(ctx, rewind, name, f, send)
	case err != nil:
		return send(item{where: name, err: describe(err)})
	}
	tmp, err := os.CreateTemp("", "kg-input-*")
	if err != nil {
		return send(item{where: name, err: fmt.Errorf("keeping a copy of the input: %v", describe(err))})
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	if _, err := io.Copy(tmp, io.MultiReader(bytes.NewReader(head), r)); err != nil {
		return send(item{where: name, err: describe(err)})
	}
	rewind := func() (io.Reader, error) {
		_, err := tmp.Seek(0, io.SeekStart)
		return tmp, err
	}
	return s.text(ctx, rewind, name, f, send)
}

// textStream is the text of one input file, decoded and cleaned, with what
// its front matter (or an HTML <title>) says.
type textStream struct {
	io.Reader
	dec  *decoder
	in   ingest.Input // the fields of the front matter; Text unused
	html *ingest.HTML
}

// frontMax bounds the front matter: it is looked for in this much text.
const frontMax = 64 << 10

func openText(raw io.Reader, kind string) (*textStream, error) {
	dec := newDecoder(raw, true)
	ts := &textStream{dec: dec}
	head := make([]byte, frontMax)
	n, err := io.ReadFull(dec, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	text := string(head[:n])
	if kind != kindHTML {
		ts.in = ingest.FrontMatter(ingest.Input{Text: text})
		text = ts.in.Text
		ts.in.Text = ""
	}
	ts.Reader = io.MultiReader(strings.NewReader(text), dec)
	switch kind {
	case kindMarkdown:
		ts.Reader = ingest.Markdown(ts.Reader)
	case kindHTML:
		ts.html = ingest.NewHTML(ts.Reader)
		ts.Reader = ts.html
	}
	return ts, nil
}

// err returns the error that ended the stream: the decoder's (not text)
// rather than what the cleaner made of it.
func (ts *textStream) err(err error) error {
	if ts.dec.err != nil && ts.dec.err != io.EOF {
		return ts.dec.err
	}
	return describe(err)
}

// textCheck takes in the whole text once before any of it is sent, so that
// a file is rejected whole or not at all.
type textCheck struct {
	n     int64
	words bool // something but white space
	lang  ingest.Language
	hash  hash.Hash
}

func (c *textCheck) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	if !c.words && len(bytes.TrimFunc(p, unicode.IsSpace)) > 0 {
		c.words = true
	}
	c.lang.Write(p)
	c.hash.Write(p)
	return len(p), nil
}

// text reads one text, Markdown or HTML file, twice: first to check it all
// (text, not empty, English), then to send it as one document, or as parts
// if it is longer than partSize. rewind returns a reader from the start.
func (s *source) text(ctx context.Context, rewind func() (io.Reader, error), name string, f inputFile, send func(item) bool) bool {
	fail := func(err error) bool { return send(item{where: name, err: err, size: f.size}) }
	raw, err := rewind()
	if err != nil {
		return fail(describe(err))
	}
	ts, err := openText(raw, f.kind)
	if err != nil {
		return fail(err)
	}
	check := &textCheck{hash: sha256.New()}
	if _, err := io.Copy(check, ctxReader{ctx, ts}); err != nil {
		if ctx.Err() != nil {
			return false
		}
		return fail(ts.err(err))
	}
	if !check.words {
		return fail(errEmpty)
	}
	if err := check.lang.English(); err != nil {
		return fail(err)
	}
	base := ts.in
	if base.Title == "" && ts.html != nil {
		base.Title = ts.html.Title()
	}
	if base.ID == "" {
		base.ID = f.id
		if f.path == "-" {
			base.ID = "stdin-" + hex.EncodeToString(check.hash.Sum(nil))[:12]
		}
	}
	if base.Source == "" {
		base.Source = sourceName(f)
	}

	raw, err = rewind()
	if err != nil {
		return fail(describe(err))
	}
	count := &countReader{r: raw}
	if ts, err = openText(count, f.kind); err != nil {
		return fail(err)
	}
	parts := check.n > partSize
	c := &cutter{r: ts}
	var sent int64 // bytes of the file accounted for
	for k := 1; ; {
		text, err := c.next()
		if err == io.EOF {
			return true
		}
		where := name
		if parts {
			where = fmt.Sprintf("%s#%d", name, k)
		}
		if err != nil {
			return send(item{where: where, err: ts.err(err), size: max(f.size-sent, 0)})
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		in := base
		in.Text = text
		if parts {
			in.ID = fmt.Sprintf("%s#%d", base.ID, k)
			if k > 1 {
				in.Title = ""
			}
		}
		size := count.n - sent
		if c.done() && f.size > 0 {
			size = f.size - sent
		}
		sent += size
		if !send(item{where: where, in: in, size: size}) {
			return false
		}
		if ctx.Err() != nil {
			return false
		}
		k++
	}
}

var errEmpty = errors.New("empty: no text to ingest")

func sourceName(f inputFile) string {
	if f.path == "-" {
		return "stdin"
	}
	return filepath.ToSlash(f.path)
}

func looksJSONL(b []byte) bool {
	t := bytes.TrimSpace(bytes.TrimPrefix(b, []byte("\uFEFF")))
	if i := bytes.IndexByte(t, '\n'); i >= 0 {
		t = t[:i]
	}
	return len(t) > 0 && t[0] == '{' && json.Valid(t)
}

func looksHTML(b []byte) bool {
	t := bytes.ToLower(bytes.TrimSpace(bytes.TrimPrefix(b, []byte("\uFEFF"))))
	return bytes.HasPrefix(t, []byte("<!doctype html")) || bytes.HasPrefix(t, []byte("<html"))
}

// ctxReader stops reading when ctx is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// record is one line of a JSONL input.
type record struct {
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	Text   *string `json:"text"`
	URL    string  `json:"url"`
	Date   string  `json:"date"`
	Source string  `json:"source"`
}

// jsonl reads one document per line; a malformed line is reported with its
// number and the rest are still read. A text longer than partSize is sent
// in parts, as a text file is.
func (s *source) jsonl(ctx context.Context, r io.Reader, name string, f inputFile, send func(item) bool) bool {
	br := bufio.NewReaderSize(newDecoder(r, false), 1<<20)
	if head, _ := br.Peek(8 << 10); bytes.IndexByte(head, 0) >= 0 {
		return send(item{where: name, err: errors.New("not text: binary file"), size: f.size})
	}
	for n := 1; ; n++ {
		line, err := readLine(br, maxLine)
		if len(line) > 0 || err == errLineTooLong {
			where := fmt.Sprintf("%s:%d", name, n)
			it := item{where: where, size: int64(len(line)) + 1}
			var rec record
			switch {
			case err == errLineTooLong:
				it.err = fmt.Errorf("line longer than %d MiB: put so long a text in a file of its own", maxLine>>20)
			case len(bytes.TrimSpace(line)) == 0:
				continue
			case !utf8.Valid(line):
				it.err = errors.New("not valid UTF-8")
			default:
				if jerr := json.Unmarshal(line, &rec); jerr != nil {
					it.err = fmt.Errorf("not a JSON object: %v", jerr)
				} else if rec.Text == nil {
					it.err = errors.New(`no "text" field`)
				} else if strings.TrimSpace(*rec.Text) == "" {
					it.err = errors.New(`empty "text" field`)
				} else if len(*rec.Text) > partSize {
					// checked whole here, since it goes in parts
					it.err = ingest.English(*rec.Text)
				}
			}
			if it.err != nil {
				if !send(it) {
					return false
				}
			} else if !s.record(rec, n, it, f, send) {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
		if err != nil && err != errLineTooLong {
			return send(item{where: fmt.Sprintf("%s:%d", name, n), err: describe(err)})
		}
		if ctx.Err() != nil {
			return false
		}
	}
}

// record sends the document of one JSONL line, in parts if it is long.
func (s *source) record(rec record, n int, it item, f inputFile, send func(item) bool) bool {
	id := rec.ID
	if id == "" {
		id = fmt.Sprintf("%s:%d", f.id, n)
	}
	src := rec.Source
	if src == "" {
		src = sourceName(f)
	}
	in := ingest.Input{ID: id, Title: rec.Title, Source: src, URL: rec.URL, Date: rec.Date, Text: *rec.Text}
	if len(in.Text) <= partSize {
		it.in, it.english = in, true
		return send(it)
	}
	c := &cutter{r: strings.NewReader(in.Text)}
	total := it.size
	for k := 1; ; {
		text, err := c.next()
		if err != nil {
			return true // io.EOF: a strings.Reader fails no other way
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		part := in
		part.ID, part.Text = fmt.Sprintf("%s#%d", id, k), text
		if k > 1 {
			part.Title = ""
		}
		size := int64(len(text))
		if c.done() {
			size = max(total, 0)
		}
		total -= size
		if !send(item{where: it.where, in: part, size: size}) {
			return false
		}
		k++
	}
}

var errLineTooLong = errors.New("line too long")

// readLine reads a line without its newline, at most max bytes of it; the
// rest of a longer line is skipped and errLineTooLong returned.
func readLine(br *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(line)+len(chunk) > max {
			for err == bufio.ErrBufferFull {
				_, err = br.ReadSlice('\n')
			}
			if err == io.EOF || err == nil {
				return nil, errLineTooLong
			}
			return nil, err
		}
		line = append(line, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		line = bytes.TrimRight(line, "\r\n")
		return line, err
	}
}

// cutter cuts a text stream into parts of at most partSize bytes, at the
// last paragraph break of the second half of a part, else the last
// sentence end, else white space, else a rune boundary.
type cutter struct {
	r   io.Reader
	buf []byte
	eof bool
}

// next returns the next part, or io.EOF.
func (c *cutter) next() (string, error) {
	if c.buf == nil {
		c.buf = make([]byte, 0, partSize+32<<10)
	}
	for !c.eof && len(c.buf) <= partSize {
		n, err := c.r.Read(c.buf[len(c.buf):cap(c.buf)])
		c.buf = c.buf[:len(c.buf)+n]
		if err == io.EOF {
			c.eof = true
		} else if err != nil {
			return "", err
		}
	}
	if len(c.buf) == 0 {
		return "", io.EOF
	}
	cut := len(c.buf)
	if cut > partSize {
		cut = cutPoint(c.buf, partSize)
	}
	part := string(c.buf[:cut])
	c.buf = c.buf[:copy(c.buf, c.buf[cut:])]
	return part, nil
}

// done reports whether the part returned last was the last one.
func (c *cutter) done() bool { return c.eof && len(c.buf) == 0 }

// cutPoint returns where to cut b, at most at limit (< len(b)).
func cutPoint(b []byte, limit int) int {
	lo := limit / 2
	// a paragraph break: a line that is empty or white space
	for j := limit - 1; j > lo; {
		i := bytes.LastIndexByte(b[lo:j], '\n')
		if i < 0 {
			break
		}
		i += lo
		k := i - 1
		for k > lo && (b[k] == ' ' || b[k] == '\t') {
			k--
		}
		if b[k] == '\n' {
			return i + 1
		}
		j = i
	}
	// a sentence end: . ! or ? (perhaps with a closing quote or bracket)
	// then white space and a capital, a digit or a quote
	for j := limit - 2; j > lo; j-- {
		if !isSpace(b[j+1]) || !startsSentence(b[j+2:]) {
			continue
		}
		k := j
		for k > lo && strings.IndexByte(`"')]`, b[k]) >= 0 {
			k--
		}
		if k > lo+2 && b[k] == 0x9D && b[k-1] == 0x80 && b[k-2] == 0xE2 { // ”
			k -= 3
		}
		if strings.IndexByte(".!?", b[k]) >= 0 && !abbreviation(b[lo:k]) {
			return j + 2
		}
	}
	// white space
	for j := limit - 1; j > lo; j-- {
		if isSpace(b[j]) {
			return j + 1
		}
	}
	// a rune boundary
	j := limit
	for j > limit-utf8.UTFMax && !utf8.RuneStart(b[j]) {
		j--
	}
	return j
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func startsSentence(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'“‘(`, r)
}

// abbreviation reports whether the word b ends with (before its full stop)
// is a single letter or a title such as Mr or Dr, after which a full stop
// ends no sentence.
func abbreviation(b []byte) bool {
	i := len(b)
	for i > 0 && (b[i-1] >= 'a' && b[i-1] <= 'z' || b[i-1] >= 'A' && b[i-1] <= 'Z') {
		i--
	}
	w := string(b[i:])
	if len(w) == 1 {
		return true
	}
	switch strings.ToLower(w) {
	case "mr", "mrs", "ms", "dr", "st", "jr", "sr", "co", "inc", "ltd", "corp", "no", "vs", "gen", "col", "lt", "sgt", "rev", "prof", "gov", "sen", "rep":
		return true
	}
	return false
}

// decoder reads a file as UTF-8 text: UTF-8, with or without a byte-order
// mark (dropped), or UTF-16 with one (converted). When it checks text it
// fails on a NUL byte (binary) or invalid UTF-8, and turns CRLF and CR
// line ends into LF.
type decoder struct {
	r      io.Reader
	text   bool
	utf16  int // 0: UTF-8; 1: little endian; 2: big endian
	begun  bool
	buf    []byte
	tail   [utf8.UTFMax]byte // the start of a rune (or code unit) cut by the last read
	kept   int
	high   rune // a high surrogate waiting for its low one
	cr     bool // the last byte sent was a CR turned into LF
	out    []byte
	decode []byte // UTF-8 converted from UTF-16
	off    int64  // bytes of input decoded so far
	eof    bool
	err    error
}

func newDecoder(r io.Reader, text bool) *decoder {
	return &decoder{r: r, text: text, buf: make([]byte, 64<<10)}
}

func (d *decoder) Read(p []byte) (int, error) {
	for len(d.out) == 0 {
		if d.err != nil {
			return 0, d.err
		}
		d.fill()
	}
	n := copy(p, d.out)
	d.out = d.out[n:]
	return n, nil
}

// fill decodes the next block of input into out, or sets err.
func (d *decoder) fill() {
	n := copy(d.buf, d.tail[:d.kept])
	for !d.eof {
		m, err := d.r.Read(d.buf[n:])
		n += m
		if err == io.EOF {
			d.eof = true
		} else if err != nil {
			d.err = err
			return
		}
		if n >= 4 || d.begun && m > 0 {
			break
		}
	}
	b := d.buf[:n]
	if !d.begun {
		d.begun = true
		switch {
		case bytes.HasPrefix(b, []byte{0xFF, 0xFE, 0, 0}) || bytes.HasPrefix(b, []byte{0, 0, 0xFE, 0xFF}):
			d.err = errors.New("not text: UTF-32 (convert it to UTF-8 first)")
			return
		case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
			d.utf16, b, d.off = 1, b[2:], 2
		case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
			d.utf16, b, d.off = 2, b[2:], 2
		case bytes.HasPrefix(b, []byte("\uFEFF")):
			b, d.off = b[3:], 3
		}
	}
	keep := 0 // bytes to keep for the next read: part of a rune
	var text []byte
	if d.utf16 != 0 {
		if !d.eof {
			keep = len(b) % 2
		} else if len(b)%2 != 0 {
			d.err = errors.New("not text: odd-length UTF-16")
			return
		}
		if text = d.decode16(b[:len(b)-keep]); d.err != nil {
			return
		}
	} else {
		if !d.eof {
			keep = len(b) - runeEnd(b)
		}
		text = b[:len(b)-keep]
		if d.text {
			if i := bytes.IndexByte(text, 0); i >= 0 {
				d.err = fmt.Errorf("not text: binary file (a NUL byte at byte %d)", d.off+int64(i))
				return
			}
			if !utf8.Valid(text) {
				d.err = fmt.Errorf("not text: invalid UTF-8 at byte %d (convert it to UTF-8 first)", d.off+int64(invalidAt(text)))
				return
			}
		}
	}
	d.off += int64(len(text))
	d.kept = copy(d.tail[:], b[len(b)-keep:])
	d.out = d.lineEnds(text)
	if d.eof && d.kept == 0 {
		if d.high != 0 {
			d.out = utf8.AppendRune(d.out, utf8.RuneError)
			d.high = 0
		}
		d.err = io.EOF
	}
}

// decode16 converts UTF-16 code units to UTF-8; an unpaired surrogate is
// U+FFFD, and a NUL is binary.
func (d *decoder) decode16(b []byte) []byte {
	out := d.decode[:0]
	for i := 0; i+1 < len(b); i += 2 {
		var u rune
		if d.utf16 == 1 {
			u = rune(b[i]) | rune(b[i+1])<<8
		} else {
			u = rune(b[i])<<8 | rune(b[i+1])
		}
		switch {
		case u == 0 && d.text:
			d.err = fmt.Errorf("not text: binary file (a NUL character at byte %d)", d.off+int64(i))
			return nil
		case 0xD800 <= u && u < 0xDC00:
			if d.high != 0 {
				out = utf8.AppendRune(out, utf8.RuneError)
			}
			d.high = u
			continue
		case 0xDC00 <= u && u < 0xE000:
			if d.high != 0 {
				out = utf8.AppendRune(out, 0x10000+(d.high-0xD800)<<10+(u-0xDC00))
				d.high = 0
				continue
			}
			u = utf8.RuneError
		}
		if d.high != 0 {
			out = utf8.AppendRune(out, utf8.RuneError)
			d.high = 0
		}
		out = utf8.AppendRune(out, u)
	}
	d.decode = out
	return out
}

// lineEnds turns CRLF and CR into LF in text (when checking text).
func (d *decoder) lineEnds(b []byte) []byte {
	if !d.text || len(b) == 0 || !d.cr && bytes.IndexByte(b, '\r') < 0 {
		if len(b) > 0 {
			d.cr = false
		}
		return b
	}
	out := b[:0]
	for _, c := range b {
		switch {
		case c == '\r':
			out = append(out, '\n')
			d.cr = true
		case c == '\n' && d.cr:
			d.cr = false
		default:
			out = append(out, c)
			d.cr = false
		}
	}
	return out
}

// runeEnd returns the length of b without an incomplete rune at its end.
func runeEnd(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if utf8.FullRune(b[i:]) {
				return len(b)
			}
			return i
		}
	}
	return len(b)
}

// invalidAt returns the offset of the first invalid UTF-8 in b.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}
