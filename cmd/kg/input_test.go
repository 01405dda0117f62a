package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/ingest"
	"github.com/kg-builder/kg/schema"
	"github.com/kg-builder/kg/source"
)

// Attacks on the input (issue 16): devices, endless pipes, pipes nobody
// writes to, missing files, and one sentence of megabytes, by the command
// line and through the API.

// kgLimited runs the kg binary with its own TMPDIR for at most limit
// (then kills it), and returns its exit status (-1 when killed), stderr,
// the time it took and what it left in TMPDIR.
func kgLimited(t *testing.T, stdin io.Reader, limit time.Duration, args ...string) (int, string, time.Duration, []string) {
	t.Helper()
	bin := kgBinary(t)
	tmp := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	cmd.Run()
	took := time.Since(start)
	code := cmd.ProcessState.ExitCode()
	if ctx.Err() != nil {
		code = -1
	}
	entries, _ := os.ReadDir(tmp)
	var left []string
	for _, e := range entries {
		left = append(left, e.Name())
	}
	return code, stderr.String(), took, left
}

// kg ingest and kg extract of /dev/zero: refused at the first byte, in
// well under a second, nothing left in TMPDIR and no store created. Before,
// both copied the device to TMPDIR until the disk was full.
func TestDevZero(t *testing.T) {
	for _, cmd := range []string{"ingest", "extract"} {
		t.Run(cmd, func(t *testing.T) {
			data := filepath.Join(t.TempDir(), "store")
			args := []string{cmd, "/dev/zero"}
			if cmd == "ingest" {
				args = []string{cmd, "--data", data, "/dev/zero"}
			}
			code, stderr, took, left := kgLimited(t, nil, 10*time.Second, args...)
			t.Logf("kg %s /dev/zero: exit %d in %s", cmd, code, took.Round(time.Millisecond))
			if code != 1 || !strings.Contains(stderr, "kg: /dev/zero: not text: binary file (a NUL byte at byte 0)") {
				t.Errorf("kg %s /dev/zero = exit %d, stderr:\n%s", cmd, code, lastBytes(stderr))
			}
			if len(left) > 0 {
				t.Errorf("kg %s /dev/zero left %v in TMPDIR", cmd, left)
			}
			if _, err := os.Stat(data); err == nil {
				t.Errorf("kg %s /dev/zero created the store %s", cmd, data)
			}
		})
	}
}

// endless is an endless stream: prefix, then fill over and over; it counts
// the bytes read from it and ends (EOF) after max.
type endless struct {
	prefix, fill string
	n, max       int64
	read         atomic.Int64
}

func (e *endless) Read(p []byte) (int, error) {
	if e.n >= e.max {
		return 0, io.EOF
	}
	if int64(len(p)) > e.max-e.n {
		p = p[:e.max-e.n]
	}
	k := 0
	for k < len(p) {
		if e.n < int64(len(e.prefix)) {
			c := copy(p[k:], e.prefix[e.n:])
			k += c
			e.n += int64(c)
			continue
		}
		off := (e.n - int64(len(e.prefix))) % int64(len(e.fill))
		c := copy(p[k:], e.fill[off:])
		k += c
		e.n += int64(c)
	}
	e.read.Add(int64(k))
	return k, nil
}

// A pipe into kg ingest - that turns into binary after 2 MiB of text is
// refused as it streams in: kg stops reading a little after the bad byte,
// not at the end of the stream (here 512 MiB; before, all of it was copied
// to TMPDIR first).
func TestPipeRefusedAsItStreams(t *testing.T) {
	text := longText(2<<20, "\n\n")
	in := &endless{prefix: text, fill: "\x00", max: 512 << 20}
	data := filepath.Join(t.TempDir(), "store")
	code, stderr, took, left := kgLimited(t, in, 60*time.Second, "ingest", "--data", data, "-")
	t.Logf("kg ingest - of 2 MiB of text then NULs: exit %d in %s, %d KiB read", code, took.Round(time.Millisecond), in.read.Load()>>10)
	if want := fmt.Sprintf("kg: standard input: not text: binary file (a NUL byte at byte %d)", len(text)); code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, want 1 and %q; stderr:\n%s", code, want, lastBytes(stderr))
	}
	if n := in.read.Load(); n > int64(len(text))+16<<20 {
		t.Errorf("kg read %d MiB of the pipe, want it to stop at the first NUL byte (%d MiB)", n>>20, len(text)>>20)
	}
	if len(left) > 0 {
		t.Errorf("left %v in TMPDIR", left)
	}
}

// slow reads r at most 64 KiB at a time, a millisecond apart.
type slow struct{ r io.Reader }

func (s slow) Read(p []byte) (int, error) {
	time.Sleep(time.Millisecond)
	return s.r.Read(p[:min(len(p), 64<<10)])
}

// kg ingest - killed (SIGKILL) while it copies a long pipe leaves nothing
// in TMPDIR: the copy has no name from the start. Before, kg-input-* stayed.
func TestSpoolKilled(t *testing.T) {
	in := &endless{fill: longText(1<<20, "\n\n"), max: 1 << 30}
	code, _, took, left := kgLimited(t, slow{in}, 2*time.Second, "ingest", "--data", filepath.Join(t.TempDir(), "store"), "-")
	t.Logf("killed after %s, exit %d, %d MiB read", took.Round(time.Millisecond), code, in.read.Load()>>20)
	if code != -1 || in.read.Load() < 4<<20 {
		t.Fatalf("kg ingest - ended (exit %d) before it was killed, or read only %d KiB", code, in.read.Load()>>10)
	}
	if len(left) > 0 {
		t.Errorf("kg ingest - killed while spooling left %v in TMPDIR", left)
	}
}

// An endless pipe of English text stops at source.MaxSpool with a message,
// leaving nothing in TMPDIR.
func TestPipeOverSpoolLimit(t *testing.T) {
	longTest(t)
	in := &endless{fill: longText(1<<20, "\n\n"), max: 4 * source.MaxSpool}
	data := filepath.Join(t.TempDir(), "store")
	code, stderr, took, left := kgLimited(t, in, 5*time.Minute, "ingest", "--data", data, "-")
	t.Logf("kg ingest - of endless text: exit %d in %s, %d MiB read", code, took.Round(time.Millisecond), in.read.Load()>>20)
	if code != 1 || !strings.Contains(stderr, fmt.Sprintf("kg: standard input: longer than %d MiB, the most kg reads from a pipe or a device: save it to a file and ingest that", source.MaxSpool>>20)) {
		t.Errorf("exit %d; stderr:\n%s", code, lastBytes(stderr))
	}
	if n := in.read.Load(); n > source.MaxSpool+16<<20 {
		t.Errorf("read %d MiB, want to stop at %d MiB", n>>20, source.MaxSpool>>20)
	}
	if len(left) > 0 {
		t.Errorf("left %v in TMPDIR", left)
	}
	if _, err := os.Stat(data); err == nil {
		t.Errorf("created the store %s", data)
	}
}

// A named pipe that nobody writes to: kg ingest gives up after
// source.Wait with a message, without creating (or holding) the store;
// one whose writer comes within the wait is read. Before, kg ingest
// opened the store and then hung for ever in open(2).
func TestNamedPipe(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "news.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	data := filepath.Join(dir, "store")
	code, stderr, took, _ := kgLimited(t, nil, source.Wait+20*time.Second, "ingest", "--data", data, fifo)
	t.Logf("kg ingest of a named pipe without a writer: exit %d in %s", code, took.Round(time.Millisecond))
	if code != 1 || !strings.Contains(stderr, "nothing written to the named pipe in 10s: start the program that writes to it first") {
		t.Errorf("exit %d, want 1 and a message; stderr:\n%s", code, lastBytes(stderr))
	}
	if _, err := os.Stat(data); err == nil {
		t.Errorf("created the store %s while waiting for the pipe", data)
	}

	go func() {
		time.Sleep(time.Second)
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.WriteString(article)
		f.Close()
	}()
	code, stderr, _, _ = kgLimited(t, nil, source.Wait+20*time.Second, "ingest", "--data", data, fifo)
	if code != 0 || !strings.Contains(stderr, "ingested 1 documents (0 duplicates skipped, 0 failed)") {
		t.Errorf("kg ingest of a named pipe written to after 1s = exit %d; stderr:\n%s", code, lastBytes(stderr))
	}
}

// kg ingest of a missing file on a new --data reports it, exits 1 and
// creates no store. Before, it created an empty store.
func TestIngestMissingFile(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "store")
	code, _, stderr := kg(t, "", "ingest", "--data", data, filepath.Join(dir, "missing.txt"))
	if code != 1 || !strings.Contains(stderr, "missing.txt: no such file or directory") {
		t.Errorf("kg ingest missing.txt = exit %d, stderr:\n%s", code, stderr)
	}
	if _, err := os.Stat(data); err == nil {
		t.Errorf("kg ingest missing.txt created the store %s", data)
	}
}

// The API cuts a text longer than source.PartSize into parts as kg ingest
// does: ID#1, ID#2, ..., and answers with the first part's id and the
// counts of all. Sent again, every part is a duplicate.
func TestAPIIngestParts(t *testing.T) {
	st, ing := memIngester(t)
	ctx := context.Background()
	text := longText(3*source.PartSize, "\n\n")
	a, err := ing.Ingest(ctx, schema.Doc{ID: "long", Title: "Long", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	docs, _, err := st.Documents(ctx, graph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	sentences := 0
	for _, d := range docs {
		ids = append(ids, d.ID)
		sentences += d.Sentences
	}
	want := []string{"long#1", "long#2", "long#3", "long#4"}
	if strings.Join(ids, " ") != strings.Join(want, " ") || a.DocumentID != "long#1" || a.Duplicate || a.Sentences != sentences || a.Triples == 0 {
		t.Errorf("Ingest(3 parts' worth) = %+v, stored %v (%d sentences); want %v, the first's id and the sentences of all", a, ids, sentences, want)
	}
	a, err = ing.Ingest(ctx, schema.Doc{ID: "long", Title: "Long", Text: text})
	if err != nil || !a.Duplicate || a.DocumentID != "long#1" || a.Triples != 0 {
		t.Errorf("Ingest(the same again) = %+v, %v; want a duplicate of long#1", a, err)
	}
	if _, err := ing.Ingest(ctx, schema.Doc{Text: "Caf\x00 in Tallinn."}); err == nil || !strings.Contains(err.Error(), "not text: binary file") {
		t.Errorf("Ingest(a NUL byte) = %v, want the verdict kg ingest gives", err)
	}
}

// One 256 KiB sentence without punctuation through the API: cut into
// parts and sentences of at most ingest.MaxSentence bytes, so the store
// grows linearly with the text: each evidence record holds one sentence
// of at most 2,000 bytes (here some 9 MB, 35 times the text). Before, it
// made 1,400 evidence records of the whole sentence and the store grew
// from 13 to 412 MB (1,600 times).
func TestAPIIngestUnbrokenSentence(t *testing.T) {
	data := filepath.Join(t.TempDir(), "store")
	st, err := graph.Open(data, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ing, err := newIngester(st, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	before := dirSize(t, data)
	text := unbrokenSentence(256 << 10)
	a, err := ing.Ingest(context.Background(), schema.Doc{ID: "long", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	after := dirSize(t, data)
	t.Logf("256 KiB sentence through the API: %+v; store %d → %d KiB", a, before>>10, after>>10)
	if a.DocumentID != "long#1" {
		t.Errorf("documentId %q, want long#1", a.DocumentID)
	}
	if grew := after - before; grew > 64*int64(len(text)) {
		t.Errorf("the store grew by %d MiB for a %d KiB sentence", grew>>20, len(text)>>10)
	}
}

// dirSize returns the bytes the files under dir take on disk.
func dirSize(t *testing.T, dir string) int64 {
	t.Helper()
	var n int64
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && fi.Mode().IsRegular() {
			if st, ok := fi.Sys().(*syscall.Stat_t); ok {
				n += st.Blocks * 512
			}
		}
		return nil
	})
	return n
}

// unbrokenSentence returns n bytes or so of one English sentence without
// a full stop: names, verbs and places joined by "and", none repeated
// often enough for the text to look like a list.
func unbrokenSentence(n int) string {
	verbs := []string{"met", "visited", "called", "joined", "praised", "thanked", "left"}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "%s %s %s in %s on day %d and ", testPerson(i), verbs[i%len(verbs)], testPerson(i*5+3), testCity(i*3), i)
	}
	return b.String()[:n]
}

// longSizes are the sizes of one unbroken sentence measured by
// TestLongSentenceMemory; KG_LONG_SIZES (in KiB, comma-separated) sets
// others.
func longSizes(t *testing.T) []int {
	sizes := []int{64 << 10, 512 << 10, 2 << 20}
	if s := os.Getenv("KG_LONG_SIZES"); s != "" {
		sizes = nil
		for _, f := range strings.Split(s, ",") {
			k, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil {
				t.Fatalf("KG_LONG_SIZES=%q: %v", s, err)
			}
			sizes = append(sizes, k<<10)
		}
	}
	return sizes
}

// maxLongRSS bounds the peak memory of kg ingesting one unbroken sentence
// of any size up to 2 MiB, by the CLI or through the API. Measured: CLI
// 70, 165 and 233 MiB for 64 KiB, 512 KiB and 2 MiB; kg serve 90, 221 and
// 471 MiB, as it lets the garbage collector wait for the heap to grow
// five times (server.GCPercent 400; with GOGC=100 it peaks at 230 MiB for
// 2 MiB, like the CLI). Before the cuts: CLI 198 and 725 MiB and 2.3 GB,
// API 230 MiB, 4.2 GB and (issue 16) 10.7 GB.
const (
	maxLongRSS    = 512 << 20
	maxLongAPIRSS = 768 << 20
)

// TestLongSentenceMemory ingests one unbroken sentence of 64 KiB, 512 KiB
// and 2 MiB through kg ingest and through kg serve's ingest mutation, and
// checks the peak resident memory (VmHWM) of the process: linear in the
// size, and bounded.
func TestLongSentenceMemory(t *testing.T) {
	longTest(t)
	bin := kgBinary(t)
	for _, size := range longSizes(t) {
		text := unbrokenSentence(size)
		t.Run(fmt.Sprintf("%dKiB", size>>10), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "sentence.txt")
			writeFile(t, path, text)
			start := time.Now()
			res := runKG(t, bin, false, "", "ingest", "--data", filepath.Join(dir, "cli"), path)
			t.Logf("CLI: %d KiB unbroken sentence: peak RSS %d MiB in %.1fs; %s", size>>10, res.maxRSS>>20, time.Since(start).Seconds(), res.summary)
			if res.code != 0 {
				t.Errorf("kg ingest = exit %d; stderr:\n%s", res.code, lastBytes(res.stderr))
			}
			if res.maxRSS > maxLongRSS {
				t.Errorf("CLI: peak RSS %d MiB, want under %d MiB", res.maxRSS>>20, maxLongRSS>>20)
			}

			peak, took, answer := serveIngestRSS(t, bin, filepath.Join(dir, "api"), text)
			t.Logf("API: %d KiB unbroken sentence: peak RSS %d MiB in %.1fs; %s", size>>10, peak>>20, took.Seconds(), answer)
			if peak > maxLongAPIRSS {
				t.Errorf("API: peak RSS %d MiB, want under %d MiB", peak>>20, maxLongAPIRSS>>20)
			}
			if !strings.Contains(answer, `"documentId":"long`) {
				t.Errorf("API ingest answered %s", answer)
			}
		})
	}
}

// serveIngestRSS runs kg serve on a new store at data, sends text to its
// ingest mutation, and returns the peak RSS of the server, the time the
// mutation took and its answer.
func serveIngestRSS(t *testing.T, bin, data, text string) (int64, time.Duration, string) {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--data", data, "--addr", "127.0.0.1:0", "--timeout", "30m")
	cmd.Env = append(os.Environ(), "TMPDIR="+os.TempDir())
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
	}()
	re := regexp.MustCompile(`GraphQL (http://[0-9.:]+)/graphql`)
	sc := bufio.NewScanner(stderr)
	var base string
	for sc.Scan() {
		if m := re.FindStringSubmatch(sc.Text()); m != nil {
			base = m[1]
			break
		}
	}
	if base == "" {
		t.Fatalf("kg serve did not start")
	}
	go func() {
		for sc.Scan() {
		}
	}()
	body, _ := json.Marshal(map[string]any{
		"query":     `mutation($text: String!) { ingest(id: "long", text: $text) { documentId duplicate sentences entities triples evidence } }`,
		"variables": map[string]string{"text": text},
	})
	start := time.Now()
	resp, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var answer bytes.Buffer
	answer.ReadFrom(resp.Body)
	resp.Body.Close()
	took := time.Since(start)
	return vmHWM(cmd.Process.Pid) << 10, took, strings.TrimSpace(answer.String())
}

// kg ingest --server reads with the same reader and limits: a long file
// goes to the server in the parts kg ingest makes, /dev/zero is refused
// here at its first byte.
func TestIngestThroughServerParts(t *testing.T) {
	data := filepath.Join(t.TempDir(), "store")
	s := startServe(t, "--addr", "127.0.0.1:0", "--data", data)
	in := writeFiles(t, map[string]string{"long.txt": longText(2*source.PartSize, "\n\n")})
	code, _, stderr := kg(t, "", "ingest", "--server", s.base, filepath.Join(in, "long.txt"), "/dev/zero")
	if code != 1 || !strings.Contains(stderr, "kg: /dev/zero: not text: binary file (a NUL byte at byte 0)") ||
		!strings.Contains(stderr, "ingested 3 documents (0 duplicates skipped, 1 failed)") {
		t.Errorf("kg ingest --server long.txt /dev/zero = exit %d; stderr:\n%s", code, stderr)
	}
	q, _ := json.Marshal(map[string]string{"query": `{ documents { nodes { id } } }`})
	resp, err := http.Post(s.base+"/graphql", "application/json", bytes.NewReader(q))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	for _, id := range []string{"long.txt#1", "long.txt#2", "long.txt#3"} {
		if !strings.Contains(string(b), `"`+id+`"`) {
			t.Errorf("the server lacks %s: %s", id, b)
		}
	}
}

// An API ingest of a long text that runs out of time after its first part
// is stored says which parts were stored, never that nothing was.
func TestAPIIngestPartsTimeout(t *testing.T) {
	st, ing := memIngester(t)
	s, err := schema.New(st, schema.Options{Ingester: ing, Editor: st})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { // cancel once the first part is stored
		for ctx.Err() == nil {
			if docs, _, err := st.Documents(context.Background(), graph.Page{}); err == nil && len(docs) > 0 {
				cancel()
				return
			}
			time.Sleep(time.Millisecond)
		}
	}()
	resp := s.Exec(ctx, `mutation($t: String!) { ingest(text: $t, id: "long") { documentId } }`, "", map[string]any{"t": longText(3*source.PartSize, "\n\n")})
	docs, _, err := st.Documents(context.Background(), graph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) == 0 || len(docs) == 4 {
		t.Skipf("%d parts stored: the cancel did not fall between parts", len(docs))
	}
	if len(resp.Errors) == 0 {
		t.Fatalf("answer %s, want an error", resp.Data)
	}
	msg := resp.Errors[0].Message
	if !strings.Contains(msg, "stored before that: long#1") || strings.Contains(msg, "nothing of it was stored") || resp.Errors[0].Extensions["code"] != "TIMEOUT" {
		t.Errorf("with %d parts stored the answer is %q (%v)", len(docs), msg, resp.Errors[0].Extensions)
	}
}

// memIngester is the API's ingester over an in-memory store, closed when
// the test ends.
func memIngester(t *testing.T) (*graph.Store, *ingester) {
	t.Helper()
	st, err := graph.Open("", graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ing, err := newIngester(st, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return st, ing
}
