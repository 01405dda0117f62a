package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jdkato/prose/v3"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/schema"
	"github.com/kg-builder/kg/server"
)

// referenceArticles is how many articles prose's own pipeline is timed on.
const referenceArticles = 3000

var work string // scratch folder of this run: binary, corpus slices, stores

func TestMain(m *testing.M) {
	if os.Getenv(nullServerEnv) != "" {
		os.Exit(nullServer())
	}
	var err error
	if work, err = os.MkdirTemp("", "kg-bench-"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(work)
	os.Exit(code)
}

// article is one line of the corpus.
type article struct {
	Title string `json:"title"`
	Text  string `json:"text"`
}

// corpusLines returns the corpus, one JSON line per article.
var corpusLines = sync.OnceValues(func() ([][]byte, error) {
	p := os.Getenv("KG_BENCH_CORPUS")
	if p == "" {
		p = "../../shared/corpus/reuters21578/reuters21578.jsonl"
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines [][]byte
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) > 0 {
			lines = append(lines, slices.Clone(sc.Bytes()))
		}
	}
	return lines, sc.Err()
})

func lines(b *testing.B) [][]byte {
	b.Helper()
	ls, err := corpusLines()
	if err != nil {
		b.Skip("no corpus (set KG_BENCH_CORPUS):", err)
	}
	return ls
}

// slice writes the first n articles to a file of their own.
func slice(b *testing.B, n int) string {
	b.Helper()
	p := filepath.Join(work, fmt.Sprintf("corpus-%d.jsonl", n))
	if _, err := os.Stat(p); err == nil {
		return p
	}
	ls := lines(b)
	if err := os.WriteFile(p, append(bytes.Join(ls[:n], []byte("\n")), '\n'), 0o644); err != nil {
		b.Fatal(err)
	}
	return p
}

// kg builds the command once.
var kgBinary = sync.OnceValues(func() (string, error) {
	bin := filepath.Join(work, "kg")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/kg-builder/kg/cmd/kg").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// result is one run of kg.
type result struct {
	wall   time.Duration
	maxRSS int64 // bytes
	cpu    time.Duration
}

// kg runs the command with args and measures it.
func kg(b *testing.B, args ...string) result {
	b.Helper()
	bin, err := kgBinary()
	if err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("kg %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	r := result{wall: time.Since(start)}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxRSS = ru.Maxrss << 10 // KiB on Linux
	}
	r.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return r
}

// proseRate times prose's own full pipeline (segmentation, tokenization,
// tagging and entity extraction: prose.NewDocument with every stage) on the
// first referenceArticles articles, one worker per core, in tokens a second.
var proseRate = sync.OnceValues(func() (float64, error) {
	ls, err := corpusLines()
	if err != nil {
		return 0, err
	}
	texts := make(chan string)
	var tokens atomic.Int64
	var wg sync.WaitGroup
	var failed atomic.Value
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for t := range texts {
				d, err := prose.NewDocument(t)
				if err != nil {
					failed.Store(err)
					continue
				}
				tokens.Add(int64(len(d.Tokens())))
			}
		})
	}
	start := time.Now()
	for _, l := range ls[:min(referenceArticles, len(ls))] {
		var a article
		if err := json.Unmarshal(l, &a); err != nil {
			return 0, err
		}
		texts <- a.Title + "\n\n" + a.Text
	}
	close(texts)
	wg.Wait()
	if err, ok := failed.Load().(error); ok {
		return 0, err
	}
	return float64(tokens.Load()) / time.Since(start).Seconds(), nil
})

// BenchmarkProse is the reference: prose's full pipeline.
func BenchmarkProse(b *testing.B) {
	lines(b)
	for range b.N {
		rate, err := proseRate()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(rate, "tokens/s")
	}
}

// ingested is a store built from the first n articles.
type ingested struct {
	dir   string
	run   result
	stats graph.Stats
	size  int64 // bytes on disk
}

func ingest(b *testing.B, n int) ingested {
	b.Helper()
	in := slice(b, n)
	dir := filepath.Join(work, fmt.Sprintf("store-%d", n))
	os.RemoveAll(dir)
	r := kg(b, "ingest", "--quiet", "--data", dir, in)
	st, err := graph.Open(dir, graph.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	stats, err := st.Stats(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	return ingested{dir: dir, run: r, stats: stats, size: dirSize(b, dir)}
}

func dirSize(b *testing.B, dir string) int64 {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err == nil {
			n += fi.Size()
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return n
}

var (
	fullMu sync.Mutex
	full   *ingested // the store of the whole corpus, once built
)

// fullStore returns the store of the whole corpus, building it when no
// benchmark has yet, unless KG_BENCH_STORE names one already built.
func fullStore(b *testing.B) ingested {
	b.Helper()
	fullMu.Lock()
	defer fullMu.Unlock()
	if full == nil && os.Getenv("KG_BENCH_STORE") != "" {
		dir := os.Getenv("KG_BENCH_STORE")
		st, err := graph.Open(dir, graph.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		stats, err := st.Stats(context.Background())
		st.Close()
		if err != nil {
			b.Fatal(err)
		}
		full = &ingested{dir: dir, stats: stats, size: dirSize(b, dir)}
	}
	if full == nil {
		s := ingest(b, len(lines(b)))
		full = &s
	}
	return *full
}

// BenchmarkIngest runs `kg ingest` on a quarter, a half and all of the
// corpus (and on the articles prose is timed on), into a new store each.
func BenchmarkIngest(b *testing.B) {
	all := len(lines(b))
	ref, err := proseRate()
	if err != nil {
		b.Fatal(err)
	}
	for _, size := range []struct {
		name string
		n    int
	}{{"reference", min(referenceArticles, all)}, {"quarter", all / 4}, {"half", all / 2}, {"full", all}} {
		b.Run(size.name, func(b *testing.B) {
			slice(b, size.n)
			b.ResetTimer()
			var s ingested
			for range b.N {
				s = ingest(b, size.n)
			}
			b.StopTimer()
			secs := s.run.wall.Seconds()
			b.ReportMetric(float64(size.n), "articles")
			b.ReportMetric(float64(s.stats.Tokens)/secs, "tokens/s")
			b.ReportMetric(float64(s.stats.Tokens)/secs/ref, "x-prose")
			b.ReportMetric(secs, "s")
			b.ReportMetric(s.run.cpu.Seconds()/secs, "cores")
			b.ReportMetric(float64(s.run.maxRSS)/(1<<20), "peak-RSS-MiB")
			b.ReportMetric(float64(s.stats.Triples), "edges")
			b.ReportMetric(float64(s.size)/float64(max(s.stats.Triples, 1)), "disk-B/edge")
			if size.n == all {
				fullMu.Lock()
				full = &s
				fullMu.Unlock()
			}
		})
	}
}

// BenchmarkReingest ingests the whole corpus again into its own store: every
// article is a duplicate.
func BenchmarkReingest(b *testing.B) {
	s := fullStore(b)
	in := slice(b, len(lines(b)))
	b.ResetTimer()
	var r result
	for range b.N {
		r = kg(b, "ingest", "--quiet", "--data", s.dir, in)
	}
	b.StopTimer()
	secs := r.wall.Seconds()
	b.ReportMetric(float64(len(lines(b)))/secs, "articles/s")
	b.ReportMetric(float64(s.stats.Tokens)/secs, "tokens/s")
	b.ReportMetric(s.run.wall.Seconds()/secs, "x-first-ingest")
	b.ReportMetric(float64(r.maxRSS)/(1<<20), "peak-RSS-MiB")
}

// BenchmarkExport writes the whole store in each format to a file.
func BenchmarkExport(b *testing.B) {
	s := fullStore(b)
	for _, f := range []string{"csv", "neo4j", "graphml", "gexf", "dot", "nquads", "ntriples", "jsonl"} {
		b.Run(f, func(b *testing.B) {
			out := filepath.Join(work, "export-"+f)
			if f == "neo4j" || f == "nquads" {
				out += string(os.PathSeparator) // a folder of files
			}
			var r result
			for range b.N {
				os.RemoveAll(out)
				r = kg(b, "export", "--data", s.dir, "--format", f, "--out", out)
			}
			b.StopTimer()
			secs := r.wall.Seconds()
			b.ReportMetric(float64(s.stats.Triples)/secs, "edges/s")
			b.ReportMetric(float64(fileSize(b, out))/secs/1e6, "MB/s")
			b.ReportMetric(float64(r.maxRSS)/(1<<20), "peak-RSS-MiB")
			os.RemoveAll(out)
		})
	}
}

func fileSize(b *testing.B, p string) int64 {
	fi, err := os.Stat(p)
	if err != nil {
		b.Fatal(err)
	}
	if fi.IsDir() {
		return dirSize(b, p)
	}
	return fi.Size()
}

// A query is one GraphQL operation, with variables made from sample names.
type query struct {
	name  string
	text  string
	vars  func(i int) map[string]any
	count int // how many to run
}

// sample picks the entities queries start from: the 50 with the most
// edges, the hubs that cost the most, and 950 others with edges, at random
// (the same ones every run).
func sample(b *testing.B, st *graph.Store) []string {
	b.Helper()
	type ent struct {
		name  string
		edges int
	}
	byID := map[string]*ent{}
	err := st.Each(context.Background(), func(t graph.Triple) error {
		for _, e := range [][2]string{{t.SubjectID, t.Subject}, {t.ObjectID, t.Object}} {
			if byID[e[0]] == nil {
				byID[e[0]] = &ent{name: e[1]}
			}
			byID[e[0]].edges++
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	var ents []*ent
	for _, e := range byID {
		ents = append(ents, e)
	}
	slices.SortFunc(ents, func(x, y *ent) int {
		if x.edges != y.edges {
			return y.edges - x.edges
		}
		return strings.Compare(x.name, y.name)
	})
	var names []string
	for _, e := range ents[:min(50, len(ents))] {
		names = append(names, e.name)
	}
	rest := ents[min(50, len(ents)):]
	rng := rand.New(rand.NewPCG(1, 2))
	rng.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	for _, e := range rest[:min(950, len(rest))] {
		names = append(names, e.name)
	}
	rng.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	return names
}

func queries(names []string) []query {
	name := func(i int) map[string]any { return map[string]any{"n": names[i%len(names)]} }
	return []query{
		{name: "entity", count: 5000, vars: name,
			text: `query($n: String!) { entity(name: $n) { id name type mentions aliases } }`},
		{name: "neighborhood-depth1-limit100", count: 3000, vars: name,
			text: `query($n: String!) { neighborhood(name: $n, depth: 1, limit: 100) { nodes { id name type } distances edges { id subject { id } relation object { id } confidence count } truncated } }`},
		{name: "neighborhood-depth2-limit100", count: 2000, vars: name,
			text: `query($n: String!) { neighborhood(name: $n, depth: 2, limit: 100) { nodes { id name type } distances edges { id subject { id } relation object { id } confidence count } truncated } }`},
		{name: "path-maxDepth4", count: 1000,
			vars: func(i int) map[string]any {
				// pairs that differ from run to run of the cycle of names
				return map[string]any{"a": names[i%len(names)], "b": names[(i*7+13)%len(names)]}
			},
			text: `query($a: String!, $b: String!) { path(from: $a, to: $b, maxDepth: 4) { length nodes { id name } edges { id relation } } }`},
	}
}

// pacedSeconds is how long a run at a bounded rate lasts.
const pacedSeconds = 4

// load times count calls of do, spread over clients goroutines. With rate
// 0 each client calls as soon as its last call is done (a closed loop);
// otherwise call i is due at start + i/rate, whether or not the calls
// before it are done (an open loop). A call's latency counts from when it
// is sent: Go's timers wake a sleeper up to a millisecond late here (0.5 ms
// at the median, with nothing else running), which would swamp what is
// measured. late counts the calls sent over 2 ms after they were due,
// because every client was busy or the timer late: a load the clients did
// not keep up with.
func load(b *testing.B, clients, count int, rate float64, do func(i int) error) (lat []time.Duration, elapsed time.Duration, late int) {
	b.Helper()
	lat = make([]time.Duration, count)
	var next atomic.Int64
	var wg sync.WaitGroup
	var failed atomic.Value
	var behind atomic.Int64
	start := time.Now()
	for range clients {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= count {
					return
				}
				if rate > 0 {
					due := start.Add(time.Duration(float64(i) / rate * float64(time.Second)))
					time.Sleep(time.Until(due))
					if time.Since(due) > 2*time.Millisecond {
						behind.Add(1)
					}
				}
				sent := time.Now()
				if err := do(i); err != nil {
					failed.Store(err)
					return
				}
				lat[i] = time.Since(sent)
			}
		})
	}
	wg.Wait()
	elapsed = time.Since(start)
	if err, ok := failed.Load().(error); ok {
		b.Fatal(err)
	}
	return lat, elapsed, int(behind.Load())
}

func report(b *testing.B, lat []time.Duration, elapsed time.Duration) {
	slices.Sort(lat)
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
	b.ReportMetric(ms(lat[len(lat)*99/100]), "p99-ms")
	b.ReportMetric(ms(lat[len(lat)-1]), "max-ms")
	b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "queries/s")
}

// BenchmarkQuery runs each query on the store of the whole corpus, in
// process (schema.Exec, one client, then 32 at once) and over HTTP from 32
// clients to `kg serve --read-only` on 127.0.0.1, a process of its own: as
// fast as they can (a closed loop: the throughput), then at half that rate
// (an open loop: the latency under load), then from wrk.
func BenchmarkQuery(b *testing.B) {
	// the collector's settings of kg serve
	defer debug.SetGCPercent(debug.SetGCPercent(server.GCPercent))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(server.MemoryLimit))
	s := fullStore(b)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st, err := graph.Open(s.dir, graph.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	sch, err := schema.New(st, schema.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	url, stop := serve(b, s.dir)
	defer stop()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	names := sample(b, st)

	run := func(q query) func(int) error {
		return func(i int) error {
			r := sch.Exec(ctx, q.text, "", q.vars(i))
			if len(r.Errors) > 0 {
				return fmt.Errorf("%s %v: %v", q.name, q.vars(i), r.Errors)
			}
			return nil
		}
	}
	post := func(q query) func(int) error { return poster(client, url, q) }
	_, noWrk := exec.LookPath("wrk")
	for _, q := range queries(names) {
		saturated := map[string]float64{} // queries/s of the closed loops
		for _, mode := range []struct {
			name    string
			clients int
			do      func(query) func(int) error
		}{{"in-process-1", 1, run}, {"in-process-32", 32, run}, {"http-32-go", 32, post}} {
			b.Run(q.name+"/"+mode.name, func(b *testing.B) {
				var lat []time.Duration
				var elapsed time.Duration
				for range b.N {
					lat, elapsed, _ = load(b, mode.clients, q.count, 0, mode.do(q))
				}
				saturated[mode.name] = float64(len(lat)) / elapsed.Seconds()
				report(b, lat, elapsed)
			})
		}
		// The closed loops above keep 32 queries in flight all the time, so
		// their latency is 32 / throughput (Little's law): a measure of
		// throughput. These runs offer half the throughput the closed loop
		// reached, from 32 clients, and measure latency at that load.
		for _, mode := range []struct {
			name, of string
			do       func(query) func(int) error
		}{{"in-process-32-half-load", "in-process-32", run}, {"http-32-go-half-load", "http-32-go", post}} {
			b.Run(q.name+"/"+mode.name, func(b *testing.B) {
				rate := saturated[mode.of] / 2
				if rate == 0 {
					b.Skip("run with the " + mode.of + " benchmark: its throughput sets the load")
				}
				n := max(q.count, int(rate*pacedSeconds)) // long enough for a p99
				var lat []time.Duration
				var elapsed time.Duration
				var late int
				for range b.N {
					lat, elapsed, late = load(b, 32, n, rate, mode.do(q))
				}
				report(b, lat, elapsed)
				b.ReportMetric(rate, "offered-q/s")
				b.ReportMetric(100*float64(late)/float64(n), "%-sent-late")
			})
		}
		b.Run(q.name+"/http-32-wrk", func(b *testing.B) {
			if noWrk != nil {
				b.Skip("wrk is not installed")
			}
			for range b.N {
				wrk(b, url, q)
			}
		})
		if q.name == "entity" {
			// as BenchmarkFloor's last row: kg serve on one core, wrk on
			// the other
			b.Run(q.name+"/http-32-wrk-server-on-1-core", func(b *testing.B) {
				if noWrk != nil {
					b.Skip("wrk is not installed")
				}
				url, stop := serve(b, s.dir, "GOMAXPROCS=1")
				defer stop()
				for range b.N {
					wrk(b, url, q)
				}
			})
		}
	}
}

// poster posts q to url, with the variables of call i, and checks the
// reply is 200 without errors.
func poster(client *http.Client, url string, q query) func(i int) error {
	return func(i int) error {
		body, _ := json.Marshal(map[string]any{"query": q.text, "variables": q.vars(i)})
		resp, err := client.Post(url, "application/json", bytes.NewReader(body))
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		var out struct {
			Errors []json.RawMessage `json:"errors"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK || len(out.Errors) > 0 {
			return fmt.Errorf("%s %v: %d %s", q.name, q.vars(i), resp.StatusCode, out.Errors)
		}
		return nil
	}
}

// nullServerEnv, set, makes the benchmark binary a null server (see
// BenchmarkFloor).
const nullServerEnv = "KG_BENCH_NULL_SERVER"

// nullReply is what the null server answers: an entity query's answer, in
// size and shape.
const nullReply = `{"data":{"entity":{"id":"E1234","name":"Federal Reserve Board","type":"ORG","mentions":412,"aliases":["Federal Reserve Board","Fed","Federal Reserve"]}}}`

// nullServer serves GraphQL requests without doing anything: it reads the
// request, and writes nullReply. It runs with kg serve's collector
// settings, on a free port of 127.0.0.1, says where on stderr as kg serve
// does, and stops on an interrupt. It returns the exit code.
func nullServer() int {
	debug.SetGCPercent(server.GCPercent)
	debug.SetMemoryLimit(server.MemoryLimit)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		io.WriteString(w, nullReply)
	})}
	go func() {
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt)
		<-sig
		srv.Close()
	}()
	fmt.Fprintf(os.Stderr, "null server: GraphQL http://%s/graphql\n", ln.Addr())
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// BenchmarkFloor loads a null server, a Go HTTP server in a process of its
// own that answers every request at once without doing anything, as
// BenchmarkQuery loads kg serve over HTTP: from 32 Go clients, then from
// wrk's 32 connections, each as fast as they can. Its figures are the
// floor of those rows on this machine: what the load generator, the
// loopback and Go's HTTP server cost before a server does any work. The
// last row runs the null server on one core (GOMAXPROCS=1), which leaves
// wrk the other: how much of the floor is the two sharing the cores.
func BenchmarkFloor(b *testing.B) {
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	names := make([]string, 1000)
	for i := range names {
		names[i] = fmt.Sprintf("Entity %d", i)
	}
	q := queries(names)[0] // entity
	null := func(env ...string) (string, func()) {
		cmd := exec.Command(exe)
		cmd.Env = append(append(os.Environ(), nullServerEnv+"=1"), env...)
		return start(b, cmd)
	}
	b.Run("http-32-go", func(b *testing.B) {
		url, stop := null()
		defer stop()
		client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
		var lat []time.Duration
		var elapsed time.Duration
		for range b.N {
			lat, elapsed, _ = load(b, 32, 20*q.count, 0, poster(client, url, q))
		}
		report(b, lat, elapsed)
	})
	for _, run := range []struct {
		name string
		env  []string
	}{{"http-32-wrk", nil}, {"http-32-wrk-server-on-1-core", []string{"GOMAXPROCS=1"}}} {
		b.Run(run.name, func(b *testing.B) {
			if _, err := exec.LookPath("wrk"); err != nil {
				b.Skip("wrk is not installed")
			}
			url, stop := null(run.env...)
			defer stop()
			for range b.N {
				wrk(b, url, q)
			}
		})
	}
}

// serve starts `kg serve --read-only` on the store in dir, on a free port
// of 127.0.0.1, with env added to its environment, and returns its GraphQL
// URL and a function that stops it.
// The HTTP figures are those of the command, in its own process: its own
// garbage collector and scheduler, apart from the load generator's.
func serve(b *testing.B, dir string, env ...string) (string, func()) {
	b.Helper()
	bin, err := kgBinary()
	if err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(bin, "serve", "--read-only", "--data", dir, "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), env...)
	return start(b, cmd)
}

// start starts a server, which says on stderr "... GraphQL URL", and
// returns the URL and a function that stops it.
func start(b *testing.B, cmd *exec.Cmd) (string, func()) {
	b.Helper()
	out, err := cmd.StderrPipe() // where it says what it serves
	if err != nil {
		b.Fatal(err)
	}
	var stderr bytes.Buffer
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	stop := func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		said := false
		for sc.Scan() {
			if _, u, ok := strings.Cut(sc.Text(), "GraphQL "); ok && !said {
				found <- strings.TrimSpace(u)
				said = true
			} else if !said {
				stderr.WriteString(sc.Text() + "\n")
			}
		}
		if !said {
			close(found)
		}
	}()
	select {
	case u, ok := <-found:
		if !ok {
			stop()
			b.Fatalf("%s stopped before serving:\n%s", cmd.Args[0], stderr.String())
		}
		return u, stop
	case <-time.After(time.Minute):
		stop()
		b.Fatalf("%s did not say where it serves within a minute:\n%s", cmd.Args[0], stderr.String())
	}
	return "", nil
}

// wrkScript drives wrk: it posts the bodies in turn and counts the replies
// that are not 200 or hold GraphQL errors; done prints the figures.
const wrkScript = `
local i = 0
errs = 0
request = function()
  i = i + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, bodies[(i %% #bodies) + 1])
end
response = function(status, headers, body)
  -- a key: a name "errors" in the data is "errors" followed by , or }
  if status ~= 200 or body:find('"errors":', 1, true) then
    errs = errs + 1
    if errs <= 2 then io.write("failed: ", status, " ", body:sub(1, 300), "\n") end
  end
end
local threads = {}
function setup(thread) table.insert(threads, thread) end
function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + t:get("errs") end
  io.write(string.format("kgbench %%d %%d %%d %%d %%d %%d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), latency.max, n + summary.errors.status))
end
bodies = {
%s}
`

// wrk loads url with q from 32 connections for five seconds, as wrk
// measures it: a load generator in C that takes less of the machine than
// a Go client. One thread: on two cores shared with the server, a second
// one gives the same throughput and doubles the p99 (entity: 5.2 against
// 10.3 ms), time its connections spend waiting for the CPU, not for kg.
func wrk(b *testing.B, url string, q query) {
	b.Helper()
	var bodies strings.Builder
	for i := range 1000 {
		body, _ := json.Marshal(map[string]any{"query": q.text, "variables": q.vars(i)})
		if strings.Contains(string(body), "]==]") {
			continue
		}
		fmt.Fprintf(&bodies, "[==[%s]==],\n", body)
	}
	script := filepath.Join(work, "bench.lua")
	if err := os.WriteFile(script, []byte(fmt.Sprintf(wrkScript, bodies.String())), 0o644); err != nil {
		b.Fatal(err)
	}
	out, err := exec.Command("wrk", "-t1", "-c32", "-d5s", "-s", script, url).CombinedOutput()
	if err != nil {
		b.Fatalf("wrk: %v\n%s", err, out)
	}
	var requests, micros, p50, p99, maxLat, errs int64
	for _, l := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(l, "kgbench ") {
			fmt.Sscan(l[len("kgbench "):], &requests, &micros, &p50, &p99, &maxLat, &errs)
		}
	}
	if requests == 0 || errs > 0 {
		b.Fatalf("wrk: %d requests, %d failed:\n%s", requests, errs, out)
	}
	b.ReportMetric(float64(p50)/1000, "p50-ms")
	b.ReportMetric(float64(p99)/1000, "p99-ms")
	b.ReportMetric(float64(maxLat)/1000, "max-ms")
	b.ReportMetric(float64(requests)/(float64(micros)/1e6), "queries/s")
}
