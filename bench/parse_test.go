package bench

import (
	"encoding/json"
	"runtime"
	"testing"
	"time"

	"github.com/jdkato/prose/v3"

	"github.com/kg-builder/kg/ingest/parse"
	"github.com/kg-builder/kg/ingest/ud"
)

// parseArticles is how many articles the parser and prose are timed on.
const parseArticles = 300

// BenchmarkParse times what the parser adds to ingest: tokenising,
// tagging, lemmatising and parsing the first parseArticles articles on one
// goroutine, and prose's full pipeline (prose.NewDocument with every
// stage) on the same articles on one goroutine, in the same run. Both
// rates are per core; x-prose is how many times faster the parser is.
func BenchmarkParse(b *testing.B) {
	ls := lines(b)
	var texts []string
	for _, l := range ls[:min(parseArticles, len(ls))] {
		var a article
		if err := json.Unmarshal(l, &a); err != nil {
			b.Fatal(err)
		}
		texts = append(texts, a.Title+"\n\n"+a.Text)
	}
	start := time.Now()
	m, err := parse.Default()
	if err != nil {
		b.Fatal(err)
	}
	load := time.Since(start)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	b.ResetTimer()
	var words int
	var took, proseTook time.Duration
	var proseTokens int
	for range b.N {
		words = 0
		start := time.Now()
		for _, t := range texts {
			for _, s := range ud.Tokenize(t) {
				m.Parse(s)
				words += len(s.Tokens)
			}
		}
		took = time.Since(start)
		start = time.Now()
		proseTokens = 0
		for _, t := range texts {
			d, err := prose.NewDocument(t)
			if err != nil {
				b.Fatal(err)
			}
			proseTokens += len(d.Tokens())
		}
		proseTook = time.Since(start)
	}
	b.StopTimer()
	rate := float64(words) / took.Seconds()
	proseRate := float64(proseTokens) / proseTook.Seconds()
	b.ReportMetric(float64(len(texts)), "articles")
	b.ReportMetric(rate, "tokens/s")
	b.ReportMetric(proseRate, "prose-tokens/s")
	b.ReportMetric(rate/proseRate, "x-prose")
	b.ReportMetric(float64(load.Milliseconds()), "load-ms")
}
