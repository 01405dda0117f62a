package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

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
// number and the rest are still read. A text longer than PartSize is sent
// in parts, as a text file is.
func (r *Reader) jsonl(ctx context.Context, raw io.Reader, name string, f inputFile, send func(Item) bool) bool {
	br := bufio.NewReaderSize(newDecoder(ctxReader{ctx, raw}, false), 1<<20)
	if head, _ := br.Peek(8 << 10); bytes.IndexByte(head, 0) >= 0 {
		return send(Item{Where: name, Err: errors.New("not text: binary file"), Size: f.size})
	}
	for n := 1; ; n++ {
		line, err := readLine(br, r.opt.MaxLine)
		if len(line) > 0 || err == errLineTooLong {
			where := fmt.Sprintf("%s:%d", name, n)
			it := Item{Where: where, Size: int64(len(line)) + 1}
			var rec record
			switch {
			case err == errLineTooLong:
				it.Err = fmt.Errorf("line longer than %d MiB: put so long a text in a file of its own", r.opt.MaxLine>>20)
			case len(bytes.TrimSpace(line)) == 0:
				continue
			case !utf8.Valid(line):
				it.Err = errors.New("not valid UTF-8")
			default:
				if jerr := json.Unmarshal(line, &rec); jerr != nil {
					it.Err = fmt.Errorf("not a JSON object: %v", jerr)
				} else if rec.Text == nil {
					it.Err = errors.New(`no "text" field`)
				} else if strings.TrimSpace(*rec.Text) == "" {
					it.Err = errors.New(`empty "text" field`)
				} else if len(*rec.Text) > r.opt.PartSize {
					// checked whole here, since it goes in parts
					it.Err = English(*rec.Text)
				}
			}
			if it.Err != nil {
				if !send(it) {
					return false
				}
			} else if !r.record(rec, n, it, f, send) {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
		if err != nil && err != errLineTooLong {
			return send(Item{Where: fmt.Sprintf("%s:%d", name, n), Err: describe(err)})
		}
		if ctx.Err() != nil {
			return false
		}
	}
}

// record sends the document of one JSONL line, in parts if it is long.
func (r *Reader) record(rec record, n int, it Item, f inputFile, send func(Item) bool) bool {
	id := rec.ID
	if id == "" {
		id = fmt.Sprintf("%s:%d", f.id, n)
	}
	src := rec.Source
	if src == "" {
		src = sourceName(f)
	}
	in := Document{ID: id, Title: rec.Title, Source: src, URL: rec.URL, Date: rec.Date, Text: *rec.Text}
	if len(in.Text) <= r.opt.PartSize {
		it.Doc, it.English = in, true
		return send(it)
	}
	ps := parts(in, r.opt.PartSize)
	total := it.Size
	for i, part := range ps {
		size := int64(len(part.Text))
		if i == len(ps)-1 {
			size = max(total, 0)
		}
		total -= size
		if !send(Item{Where: it.Where, Doc: part, Size: size}) {
			return false
		}
	}
	return true
}

// parts cuts the text of in into documents of at most size bytes, ID#1,
// ID#2, ...; the first keeps the title. Parts of white space only are left
// out, and not numbered.
func parts(in Document, size int) []Document {
	var out []Document
	for _, text := range cut(in.Text, size) {
		if strings.TrimSpace(text) == "" {
			continue
		}
		part := in
		part.ID, part.Text = fmt.Sprintf("%s#%d", in.ID, len(out)+1), text
		if len(out) > 0 {
			part.Title = ""
		}
		out = append(out, part)
	}
	return out
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
