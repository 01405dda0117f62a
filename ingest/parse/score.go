package parse

import (
	"sort"

	"github.com/kg-builder/kg/ingest/ud"
)

// Score counts attachment and tagging agreement between gold and
// predicted sentences. Words whose gold relation is punct are left out of
// the attachment scores, as is usual.
type Score struct {
	Words     int // scored words (not punctuation)
	Heads     int // right head
	Labels    int // right head and relation with its subtype
	Base      int // right head and relation without subtype
	Tokens    int // all words, for tagging
	XPOS      int
	UPOS      int
	Relations map[string]*RelScore // by gold relation
}

// RelScore is the attachment of the words of one gold relation.
type RelScore struct{ Words, Heads, Labels int }

// Add scores pred against gold; both have the same words.
func (sc *Score) Add(gold, pred *ud.Sentence) {
	if sc.Relations == nil {
		sc.Relations = map[string]*RelScore{}
	}
	for i, g := range gold.Tokens {
		if i >= len(pred.Tokens) {
			break
		}
		p := pred.Tokens[i]
		sc.Tokens++
		if p.XPOS == g.XPOS {
			sc.XPOS++
		}
		if p.UPOS == g.UPOS {
			sc.UPOS++
		}
		if g.Deprel == "punct" {
			continue
		}
		r := sc.Relations[g.Deprel]
		if r == nil {
			r = &RelScore{}
			sc.Relations[g.Deprel] = r
		}
		sc.Words++
		r.Words++
		if p.Head == g.Head {
			sc.Heads++
			r.Heads++
			if p.Deprel == g.Deprel {
				sc.Labels++
				r.Labels++
			}
			if ud.BaseRel(p.Deprel) == ud.BaseRel(g.Deprel) {
				sc.Base++
			}
		}
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// UAS is the percentage of words with the right head.
func (sc *Score) UAS() float64 { return pct(sc.Heads, sc.Words) }

// LAS is the percentage of words with the right head and relation,
// subtype included.
func (sc *Score) LAS() float64 { return pct(sc.Labels, sc.Words) }

// BaseLAS is LAS on relations without their subtypes.
func (sc *Score) BaseLAS() float64 { return pct(sc.Base, sc.Words) }

// XPOSAccuracy and UPOSAccuracy are tagging accuracies over all words.
func (sc *Score) XPOSAccuracy() float64 { return pct(sc.XPOS, sc.Tokens) }
func (sc *Score) UPOSAccuracy() float64 { return pct(sc.UPOS, sc.Tokens) }

// RelationNames returns the gold relations scored, sorted.
func (sc *Score) RelationNames() []string {
	var out []string
	for r := range sc.Relations {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}
