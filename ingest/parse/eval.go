package parse

import (
	"time"

	"github.com/kg-builder/kg/ingest/ud"
)

// Evaluate parses copies of the gold sentences from their words (with
// the gold tags if goldTags is set, else with the model's) on one
// goroutine, and scores them; it returns the score and the time spent
// tagging and parsing: the CPU time of the process where the system tells
// it (so that other processes on the machine do not count), else the
// wall time.
func (m *Model) Evaluate(gold []*ud.Sentence, goldTags bool) (*Score, time.Duration) {
	pred := make([]*ud.Sentence, len(gold))
	for i, g := range gold {
		p := &ud.Sentence{Tokens: make([]ud.Token, len(g.Tokens))}
		for j, t := range g.Tokens {
			p.Tokens[j] = ud.Token{ID: t.ID, Form: t.Form, Start: -1, End: -1}
			if goldTags {
				p.Tokens[j].XPOS, p.Tokens[j].UPOS = t.XPOS, t.UPOS
			}
		}
		pred[i] = p
	}
	start := time.Now()
	cpu0, cpuOK := cpuTime()
	sc := m.scratch()
	for _, p := range pred {
		if !goldTags {
			m.tag(sc, p)
		}
		m.parse(sc, p, !goldTags)
	}
	m.pool.Put(sc)
	took := time.Since(start)
	if cpu1, ok := cpuTime(); ok && cpuOK && cpu1 > cpu0 {
		took = cpu1 - cpu0
	}
	score := &Score{}
	for i := range gold {
		score.Add(gold[i], pred[i])
	}
	return score, took
}
