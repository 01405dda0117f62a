package source

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// readAll runs r and returns its items.
func readAll(r *Reader) []Item {
	out := make(chan Item)
	go r.Run(context.Background(), out)
	var items []Item
	for it := range out {
		items = append(items, it)
	}
	return items
}

// repeat reads s over and over, n bytes in all, counting what was read.
type repeat struct {
	s    string
	n    int64
	read int64
}

func (r *repeat) Read(p []byte) (int, error) {
	if r.read >= r.n {
		return 0, io.EOF
	}
	p = p[:min(int64(len(p)), r.n-r.read)]
	for i := range p {
		p[i] = r.s[(r.read+int64(i))%int64(len(r.s))]
	}
	r.read += int64(len(p))
	return len(p), nil
}

const sentence = "Liis Kuusik met Andris Ozols in Tallinn on Tuesday. "

// Standard input longer than MaxSpool is refused at the limit, and the
// copy leaves no file behind.
func TestSpoolLimit(t *testing.T) {
	tmp := t.TempDir()
	in := &repeat{s: sentence, n: 64 << 20}
	items := readAll(New([]string{"-"}, in, Options{MaxSpool: 3 << 20, TempDir: tmp}))
	if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "longer than 3 MiB") {
		t.Fatalf("items = %+v, want one error: longer than 3 MiB", items)
	}
	if in.read > 4<<20 {
		t.Errorf("read %d MiB of stdin, want to stop at 3", in.read>>20)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) > 0 {
		t.Errorf("left %d files in the temporary folder", len(entries))
	}
	// under the limit: read, in parts
	in = &repeat{s: sentence, n: 2 << 20}
	items = readAll(New([]string{"-"}, in, Options{MaxSpool: 3 << 20, TempDir: tmp}))
	if len(items) < 2 || items[0].Err != nil || !strings.HasSuffix(items[0].Doc.ID, "#1") {
		t.Errorf("2 MiB of stdin: %d items, first %q %v; want parts", len(items), items[0].Doc.ID, items[0].Err)
	}
}

// A stream that turns binary is refused at the bad byte, having read
// little more than it.
func TestSpoolChecksAsItReads(t *testing.T) {
	for _, tt := range []struct {
		name, prefix, fill, want string
	}{
		{"NUL", strings.Repeat(sentence, 40000), "\x00", "not text: binary file (a NUL byte at byte 2080000)"},
		{"invalid UTF-8", strings.Repeat(sentence, 40000), "\xff", "not text: invalid UTF-8 at byte 2080000"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := &repeat{s: tt.prefix + strings.Repeat(tt.fill, len(tt.prefix)), n: 1 << 30}
			items := readAll(New([]string{"-"}, in, Options{TempDir: t.TempDir()}))
			if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), tt.want) {
				t.Fatalf("items = %+v, want %q", items, tt.want)
			}
			if in.read > int64(len(tt.prefix))+2<<20 {
				t.Errorf("read %d MiB, want to stop near byte %d", in.read>>20, len(tt.prefix))
			}
		})
	}
}

// A named pipe without a writer fails after Wait; one written to is read.
func TestNamedPipeWait(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "in.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	start := time.Now()
	items := readAll(New([]string{fifo}, nil, Options{Wait: 300 * time.Millisecond}))
	if len(items) != 1 || !errors.Is(items[0].Err, ErrNoWriter) || time.Since(start) > 5*time.Second {
		t.Fatalf("items = %+v after %s, want ErrNoWriter after 300ms", items, time.Since(start))
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err == nil {
			f.WriteString(sentence)
			f.Close()
		}
	}()
	items = readAll(New([]string{fifo}, nil, Options{Wait: 5 * time.Second}))
	if len(items) != 1 || items[0].Err != nil || items[0].Doc.Text != sentence {
		t.Errorf("items = %+v, want the sentence written", items)
	}
}

func TestCheckAndParts(t *testing.T) {
	for _, tt := range []struct {
		text, want string
	}{
		{" \n", "empty"},
		{"Caf\x00 au lait.", "not text: binary file (a NUL byte at byte 3)"},
		{"Caf\xe9 au lait.", "not text: invalid UTF-8 at byte 3"},
		{strings.Repeat("Die Regierung hat am Montag in Berlin einen Plan vorgestellt, der für die Bahn gilt. ", 5), "looks like German"},
		{strings.Repeat("a", MaxText+1), "text is over"},
	} {
		if _, err := Check(Document{Text: tt.text}); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Check(%.20q) = %v, want %q", tt.text, err, tt.want)
		}
	}
	d, err := Check(Document{ID: "a", Text: "---\ndate: 2026-05-01\n---\r\nLiis Kuusik met Andris Ozols.\r\n"})
	if err != nil || d.Date != "2026-05-01" || d.Text != "Liis Kuusik met Andris Ozols.\n" {
		t.Errorf("Check(front matter, CRLF) = %+v, %v", d, err)
	}
	if ps := Parts(d); len(ps) != 1 || ps[0].ID != "a" {
		t.Errorf("Parts(short) = %+v, want itself", ps)
	}
	long := Document{ID: "b", Title: "T", Text: strings.Repeat(sentence, 3*PartSize/len(sentence))}
	ps := Parts(long)
	var joined strings.Builder
	for i, p := range ps {
		joined.WriteString(p.Text)
		if len(p.Text) > PartSize || p.ID != "b#"+string(rune('1'+i)) || (i == 0) != (p.Title == "T") {
			t.Errorf("part %d: %s, %d bytes, title %q", i, p.ID, len(p.Text), p.Title)
		}
	}
	if len(ps) != 3 || joined.String() != long.Text {
		t.Errorf("Parts(3 parts' worth) = %d parts; they make up the text: %v", len(ps), joined.String() == long.Text)
	}
}

// Standard input redirected from a file is read twice as a file is, not
// copied, so MaxSpool does not hold it; from where the file is at.
func TestStdinFromFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "in.txt")
	text := strings.Repeat(sentence, (3<<20)/len(sentence))
	if err := os.WriteFile(path, []byte("skipped\n"+text), 0o644); err != nil {
		t.Fatal(err)
	}
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	fh.Seek(int64(len("skipped\n")), io.SeekStart)
	tmp := t.TempDir()
	items := readAll(New([]string{"-"}, fh, Options{MaxSpool: 2 << 20, TempDir: tmp}))
	var joined strings.Builder
	for _, it := range items {
		if it.Err != nil {
			t.Fatalf("%s: %v", it.Where, it.Err)
		}
		joined.WriteString(it.Doc.Text)
	}
	if joined.String() != text || len(items) < 3 || !strings.HasPrefix(items[0].Doc.ID, "stdin-") {
		t.Errorf("read %d parts (%s…), want the text from where stdin was, in parts", len(items), items[0].Doc.ID)
	}
}
