package source

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
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

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

// Reader lists the files named by paths ("-" is standard input) and sends
// their documents, in order.
type Reader struct {
	opt   Options
	stdin io.Reader
	files []inputFile
	total int64
}

type inputFile struct {
	path string // "-" for stdin
	id   string // document id, or id prefix for JSONL
	kind string
	size int64
	mode fs.FileMode
	err  error
}

// New lists the inputs named by paths, walking folders; nothing is read
// yet. "-" is stdin.
func New(paths []string, stdin io.Reader, o Options) *Reader {
	r := &Reader{opt: o.withDefaults(), stdin: stdin}
	for _, p := range paths {
		if p == "-" {
			r.files = append(r.files, inputFile{path: "-", id: "stdin"})
			continue
		}
		fi, err := os.Stat(p) // follows symbolic links
		if err != nil {
			r.files = append(r.files, inputFile{path: p, err: statError(p, err)})
			continue
		}
		if !fi.IsDir() {
			kind := kinds[strings.ToLower(filepath.Ext(p))]
			if kind == "" {
				kind = kindText
			}
			f := inputFile{path: p, id: filepath.Base(p), kind: kind, size: fi.Size(), mode: fi.Mode()}
			if !fi.Mode().IsRegular() {
				f.size = 0 // a device's size says nothing
			}
			r.files = append(r.files, f)
			r.total += f.size
			continue
		}
		root := filepath.Clean(p)
		w := &walker{dirs: map[fileKey]bool{}, seen: map[fileKey]bool{}}
		w.dir(root, filepath.Base(root), fi)
		sort.Slice(w.found, func(i, j int) bool { return w.found[i].path < w.found[j].path })
		for _, f := range w.found {
			r.total += f.size
		}
		r.files = append(r.files, w.found...)
	}
	return r
}

// Total returns the size of the input, for progress; 0 for what cannot
// be known (standard input, pipes).
func (r *Reader) Total() int64 { return r.total }

// Run sends every document to out and closes it.
func (r *Reader) Run(ctx context.Context, out chan<- Item) {
	defer close(out)
	send := func(it Item) bool {
		select {
		case out <- it:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for _, f := range r.files {
		if f.err != nil {
			if !send(Item{Where: f.path, Err: f.err}) {
				return
			}
			continue
		}
		if !r.file(ctx, f, send) {
			return
		}
	}
}

// file reads one input file; false means stop.
func (r *Reader) file(ctx context.Context, f inputFile, send func(Item) bool) bool {
	if f.path == "-" {
		return r.stdinFile(ctx, f, send)
	}
	var fh *os.File
	var err error
	if f.mode&fs.ModeNamedPipe != 0 {
		fh, err = openPipe(ctx, f.path, r.opt.Wait)
	} else {
		fh, err = os.Open(f.path)
	}
	if err != nil {
		if ctx.Err() != nil {
			return false
		}
		return send(Item{Where: f.path, Err: describe(err), Size: f.size})
	}
	defer fh.Close()
	fi, err := fh.Stat()
	if err != nil {
		return send(Item{Where: f.path, Err: describe(err), Size: f.size})
	}
	if fi.IsDir() {
		return send(Item{Where: f.path, Err: errors.New("is a folder"), Size: f.size})
	}
	if f.kind == kindJSONL {
		return r.jsonl(ctx, fh, f.path, f, send)
	}
	if !fi.Mode().IsRegular() {
		// a named pipe or a device: read once, so keep a copy to read twice
		return r.spooled(ctx, fh, f.path, f, send)
	}
	rewind := func() (io.Reader, error) {
		_, err := fh.Seek(0, io.SeekStart)
		return fh, err
	}
	return r.text(ctx, rewind, f.path, f, send)
}

// stdinFile reads standard input: JSON Lines if its first line is a JSON
// object, HTML if it starts like a page, plain text otherwise.
func (r *Reader) stdinFile(ctx context.Context, f inputFile, send func(Item) bool) bool {
	if fh, ok := r.stdin.(*os.File); ok {
		if start, ok := seekable(fh); ok {
			return r.stdinRegular(ctx, fh, start, f, send)
		}
	}
	br := bufio.NewReaderSize(r.stdin, 1<<20)
	head, _ := br.Peek(1 << 20)
	switch {
	case looksJSONL(head):
		f.kind = kindJSONL
		return r.jsonl(ctx, br, "standard input", f, send)
	case looksHTML(head):
		f.kind = kindHTML
	default:
		f.kind = kindText
	}
	return r.spooled(ctx, br, "standard input", f, send)
}

// seekable returns where fh, a regular file, is at: standard input
// redirected from a file can be read twice, as a file is, rather than
// copied (and held to MaxSpool).
func seekable(fh *os.File) (int64, bool) {
	fi, err := fh.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return 0, false
	}
	start, err := fh.Seek(0, io.SeekCurrent)
	return start, err == nil
}

// stdinRegular reads standard input that is a regular file from start, as
// stdinFile does.
func (r *Reader) stdinRegular(ctx context.Context, fh *os.File, start int64, f inputFile, send func(Item) bool) bool {
	const name = "standard input"
	head := make([]byte, 1<<20)
	n, err := fh.ReadAt(head, start)
	if err != nil && err != io.EOF {
		return send(Item{Where: name, Err: describe(err)})
	}
	if fi, err := fh.Stat(); err == nil {
		f.size = max(fi.Size()-start, 0)
	}
	rewind := func() (io.Reader, error) {
		_, err := fh.Seek(start, io.SeekStart)
		return fh, err
	}
	switch {
	case looksJSONL(head[:n]):
		f.kind = kindJSONL
		raw, err := rewind()
		if err != nil {
			return send(Item{Where: name, Err: describe(err)})
		}
		return r.jsonl(ctx, raw, name, f, send)
	case looksHTML(head[:n]):
		f.kind = kindHTML
	default:
		f.kind = kindText
	}
	return r.text(ctx, rewind, name, f, send)
}

// textStream is the text of one input file, decoded and cleaned, with what
// its front matter (or an HTML <title>) says.
type textStream struct {
	io.Reader
	dec  *decoder
	in   Document // the fields of the front matter; Text unused
	html *HTML
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
		ts.in = FrontMatter(Document{Text: text})
		text = ts.in.Text
		ts.in.Text = ""
	}
	ts.Reader = io.MultiReader(strings.NewReader(text), dec)
	switch kind {
	case kindMarkdown:
		ts.Reader = Markdown(ts.Reader)
	case kindHTML:
		ts.html = NewHTML(ts.Reader)
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
	lang  Language
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
// if it is longer than PartSize. rewind returns a reader from the start.
func (r *Reader) text(ctx context.Context, rewind func() (io.Reader, error), name string, f inputFile, send func(Item) bool) bool {
	fail := func(err error) bool { return send(Item{Where: name, Err: err, Size: f.size}) }
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
		return fail(ErrEmpty)
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
	parts := check.n > int64(r.opt.PartSize)
	c := &cutter{r: ts, size: r.opt.PartSize}
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
			return send(Item{Where: where, Err: ts.err(err), Size: max(f.size-sent, 0)})
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
		if !send(Item{Where: where, Doc: in, Size: size}) {
			return false
		}
		if ctx.Err() != nil {
			return false
		}
		k++
	}
}

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
