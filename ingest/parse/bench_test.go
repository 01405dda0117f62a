package parse

import (
	"bytes"
	"testing"

	"github.com/kg-builder/kg/ingest/parse/model"
	"github.com/kg-builder/kg/ingest/ud"
)

// BenchmarkParse tags and parses the dev sample with the embedded model;
// run with GOMAXPROCS=1 for tokens/s per core (tokens/cpu-s leaves out
// the time other processes took the core).
func BenchmarkParse(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	gold := readSample(b, "testdata/dev-sample.conllu")
	words := 0
	for _, s := range gold {
		words += len(s.Tokens)
	}
	sents := make([]*ud.Sentence, len(gold))
	for i, s := range gold {
		sents[i] = copySentence(s)
	}
	b.ResetTimer()
	cpu0, ok0 := cpuTime()
	for range b.N {
		for _, s := range sents {
			m.Parse(s)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu1, ok1 := cpuTime(); ok0 && ok1 && cpu1 > cpu0 {
		b.ReportMetric(float64(words*b.N)/(cpu1-cpu0).Seconds(), "tokens/cpu-s")
	}
}

// BenchmarkLoad reads the embedded model.
func BenchmarkLoad(b *testing.B) {
	for range b.N {
		if _, err := Load(bytes.NewReader(model.Bin)); err != nil {
			b.Fatal(err)
		}
	}
}
