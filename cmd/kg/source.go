package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/kg-builder/kg/ingest"
)

// maxText bounds one document's text.
const maxText = 64 << 20

// textExts are the files a folder walk ingests.
var textExts = map[string]bool{".txt": true, ".text": true, ".md": true, ".markdown": true, ".jsonl": true, ".ndjson": true}

// item is one document read from the input, or the error met reading it.
type item struct {
	in    ingest.Input
	where string // file, or file:line
	size  int64  // bytes it accounts for, for progress
	err   error
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
		fi, err := os.Stat(p)
		if err != nil {
			s.files = append(s.files, inputFile{path: p, err: describe(err)})
			continue
		}
		if !fi.IsDir() {
			s.files = append(s.files, inputFile{path: p, id: filepath.Base(p), size: fi.Size()})
			s.total += fi.Size()
			continue
		}
		var found []inputFile
		root := filepath.Clean(p)
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				found = append(found, inputFile{path: path, err: describe(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if strings.HasPrefix(name, ".") && path != root {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || !d.Type().IsRegular() || !textExts[strings.ToLower(filepath.Ext(name))] {
				return nil
			}
			rel, _ := filepath.Rel(root, path)
			info, err := d.Info()
			var size int64
			if err == nil {
				size = info.Size()
			}
			found = append(found, inputFile{path: path, id: filepath.ToSlash(filepath.Join(filepath.Base(root), rel)), size: size})
			return nil
		})
		if err != nil {
			found = append(found, inputFile{path: p, err: describe(err)})
		}
		sort.Slice(found, func(i, j int) bool { return found[i].path < found[j].path })
		for _, f := range found {
			s.total += f.size
		}
		s.files = append(s.files, found...)
	}
	return s
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
	var r io.Reader
	name := f.path
	if f.path == "-" {
		r, name = s.stdin, "standard input"
	} else {
		fh, err := os.Open(f.path)
		if err != nil {
			return send(item{where: f.path, err: describe(err), size: f.size})
		}
		defer fh.Close()
		r = fh
	}
	ext := strings.ToLower(filepath.Ext(f.path))
	if ext == ".jsonl" || ext == ".ndjson" {
		return s.jsonl(ctx, r, name, f, send)
	}
	return s.text(ctx, r, name, f, send)
}

// text reads one whole file as one document. Standard input that holds
// JSON Lines is read as JSON Lines.
func (s *source) text(ctx context.Context, r io.Reader, name string, f inputFile, send func(item) bool) bool {
	b, err := io.ReadAll(io.LimitReader(r, maxText+1))
	if err != nil {
		return send(item{where: name, err: describe(err), size: f.size})
	}
	if len(b) > maxText {
		return send(item{where: name, err: fmt.Errorf("larger than %d MiB; split it into smaller files", maxText>>20), size: f.size})
	}
	if f.path == "-" && looksJSONL(b) {
		return s.jsonl(ctx, bytes.NewReader(b), name, f, send)
	}
	text, err := decodeText(b)
	if err != nil {
		return send(item{where: name, err: err, size: f.size})
	}
	in := ingest.FrontMatter(ingest.Input{Text: text})
	if in.ID == "" {
		in.ID = f.id
		if f.path == "-" {
			in.ID = "stdin-" + ingest.Hash(in.Text)[:12]
		}
	}
	if in.Source == "" {
		in.Source = sourceName(f)
	}
	if strings.TrimSpace(in.Text) == "" {
		return send(item{where: name, err: errEmpty, size: f.size})
	}
	return send(item{where: name, in: in, size: int64(len(b))})
}

var errEmpty = errors.New("empty: no text to ingest")

func sourceName(f inputFile) string {
	if f.path == "-" {
		return "stdin"
	}
	return filepath.ToSlash(f.path)
}

func looksJSONL(b []byte) bool {
	t := bytes.TrimSpace(b)
	return len(t) > 0 && t[0] == '{' && json.Valid(firstLineBytes(t))
}

func firstLineBytes(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i]
	}
	return b
}

// record is one line of a JSONL input.
type record struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Text   string `json:"text"`
	URL    string `json:"url"`
	Date   string `json:"date"`
	Source string `json:"source"`
}

// jsonl reads one document per line; a malformed line is reported with its
// number and the rest are still read.
func (s *source) jsonl(ctx context.Context, r io.Reader, name string, f inputFile, send func(item) bool) bool {
	br := bufio.NewReaderSize(r, 1<<20)
	for n := 1; ; n++ {
		line, err := readLine(br, maxText)
		if len(line) > 0 || err == errLineTooLong {
			where := fmt.Sprintf("%s:%d", name, n)
			it := item{where: where, size: int64(len(line)) + 1}
			var rec record
			switch {
			case err == errLineTooLong:
				it.err = fmt.Errorf("line longer than %d MiB", maxText>>20)
			case len(bytes.TrimSpace(line)) == 0:
				continue
			case !utf8.Valid(line):
				it.err = errors.New("not valid UTF-8")
			default:
				if jerr := json.Unmarshal(line, &rec); jerr != nil {
					it.err = fmt.Errorf("not a JSON object: %v", jerr)
				} else if strings.TrimSpace(rec.Text) == "" {
					it.err = errors.New(`no "text" field`)
				}
			}
			if it.err == nil {
				id := rec.ID
				if id == "" {
					id = fmt.Sprintf("%s:%d", f.id, n)
				}
				src := rec.Source
				if src == "" {
					src = sourceName(f)
				}
				it.in = ingest.Input{ID: id, Title: rec.Title, Source: src, URL: rec.URL, Date: rec.Date, Text: rec.Text}
			}
			if !send(it) {
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

// decodeText checks that b is text and returns it as a string: UTF-8, or
// UTF-16 with a byte-order mark, which is converted.
func decodeText(b []byte) (string, error) {
	if len(b) >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF) {
		if len(b)%2 != 0 {
			return "", errors.New("not text: odd-length UTF-16")
		}
		u := make([]uint16, 0, len(b)/2-1)
		for i := 2; i+1 < len(b); i += 2 {
			if b[0] == 0xFF {
				u = append(u, uint16(b[i])|uint16(b[i+1])<<8)
			} else {
				u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
			}
		}
		return string(utf16.Decode(u)), nil
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return "", errors.New("not text: binary file")
	}
	if !utf8.Valid(b) {
		return "", errors.New("not text: invalid UTF-8 (convert it to UTF-8 first)")
	}
	return string(b), nil
}
