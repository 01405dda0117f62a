package parse

import (
	"bytes"
	"os"
	"slices"
	"testing"

	"github.com/kg-builder/kg/ingest/ud"
)

func readSample(t testing.TB, path string) []*ud.Sentence {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ss, err := ud.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return ss
}

func isProjective(head []int) bool {
	p := Projectivize(head)
	for i := range head {
		if p[i] != head[i] {
			return false
		}
	}
	return true
}

// TestOracle: following the zero-cost transitions from the start
// rebuilds every projective gold tree of the sample exactly.
func TestOracle(t *testing.T) {
	ss := readSample(t, "testdata/dev-sample.conllu")
	projective := 0
	for _, s := range ss {
		heads := make([]int, len(s.Tokens))
		for i, tk := range s.Tokens {
			heads[i] = tk.Head
		}
		if !isProjective(heads) {
			continue
		}
		projective++
		n := len(heads)
		gh := make([]int32, n+1)
		for i, h := range heads {
			gh[i+1] = int32(h)
		}
		var st state
		st.reset(n)
		for steps := 0; !st.terminal(); steps++ {
			if steps > 2*n+2 {
				t.Fatalf("%s: oracle did not finish", s.Comment("sent_id"))
			}
			cs, cl, cr := st.costs(gh)
			switch {
			case cs == 0:
				st.apply(shift)
			case cl == 0:
				st.apply(leftOf(0))
			case cr == 0:
				st.apply(rightOf(0))
			default:
				t.Fatalf("%s: no zero-cost transition (costs %d %d %d)", s.Comment("sent_id"), cs, cl, cr)
			}
		}
		for i := 1; i <= n; i++ {
			if st.head[i] != gh[i] {
				t.Errorf("%s: word %d got head %d, gold %d", s.Comment("sent_id"), i, st.head[i], gh[i])
			}
		}
	}
	if projective < 250 {
		t.Errorf("only %d projective trees in the sample", projective)
	}
}

func TestProjectivize(t *testing.T) {
	// 1 ← 3, 2 → 4 crosses 3's arc to 1; lifting 4 to 2's head makes it projective
	heads := []int{3, 3, 0, 1}
	got := Projectivize(heads)
	if !isProjective(got) {
		t.Errorf("Projectivize(%v) = %v, still not projective", heads, got)
	}
	if isProjective(heads) {
		t.Errorf("isProjective(%v) = true", heads)
	}
}

// TestOverfit: a tiny model trained here learns its 200 training
// sentences almost by heart.
func TestOverfit(t *testing.T) {
	ss := readSample(t, "testdata/dev-sample.conllu")[:200]
	m, err := Train(ss, TrainOptions{TaggerEpochs: 10, ParserEpochs: 15, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	sc, _ := m.Evaluate(ss, false)
	if sc.UAS() < 97 || sc.LAS() < 95 || sc.XPOSAccuracy() < 98 {
		t.Errorf("on its training sentences: UAS %.2f LAS %.2f XPOS %.2f, want ≥ 97, 95, 98", sc.UAS(), sc.LAS(), sc.XPOSAccuracy())
	}
	for _, s := range ss[:20] {
		p := copySentence(s)
		m.Parse(p)
		if err := ud.Validate(p, ""); err != nil {
			t.Errorf("Parse(%s) made an invalid tree: %v", s.Comment("sent_id"), err)
		}
	}
}

func TestTrainableGUM(t *testing.T) {
	var ss []*ud.Sentence
	for _, id := range []string{"GUM_news_a", "GUM_whow_b", "GUM_fiction_c", "GUM_bio_d", "GUM_academic_e", "GUM_reddit_f", "GUM_voyage_g", "EWT_x", "GUM_conversation_h"} {
		ss = append(ss, &ud.Sentence{Comments: []string{"newdoc id = " + id, "sent_id = " + id + "-1"}},
			&ud.Sentence{Comments: []string{"sent_id = " + id + "-2"}})
	}
	var got []string
	for _, s := range TrainableGUM(ss) {
		got = append(got, s.Comment("sent_id"))
	}
	want := []string{"GUM_news_a-1", "GUM_news_a-2", "GUM_bio_d-1", "GUM_bio_d-2", "GUM_voyage_g-1", "GUM_voyage_g-2", "GUM_conversation_h-1", "GUM_conversation_h-2"}
	if len(got) != len(want) {
		t.Fatalf("TrainableGUM kept %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("TrainableGUM kept %v, want %v", got, want)
			break
		}
	}
}

// TestTrainDeterministic: the same sentences and options give the same
// model, byte for byte, however many folds run at once.
func TestTrainDeterministic(t *testing.T) {
	ss := readSample(t, "testdata/dev-sample.conllu")[:120]
	var out [2]bytes.Buffer
	for i, workers := range []int{1, 2} {
		m, err := Train(ss, TrainOptions{TaggerEpochs: 2, ParserEpochs: 3, Folds: 3, Workers: workers, Seed: 7})
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Write(&out[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Errorf("two trainings on the same data gave different models (%d and %d bytes)", out[0].Len(), out[1].Len())
	}
}

// TestGroupSums: the scores parse adds up from the groups' sums, kept
// from one configuration to the next, are those of all the features of
// each configuration, on every configuration the parser goes through on
// the dev sample (and some it does not: every other sentence with a
// transition of its own choosing, a legal one).
func TestGroupSums(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	nc := 1 + 2*len(m.labels)
	got, want := make([]int32, nc), make([]int32, nc)
	sc := &scratch{}
	configs := 0
	for si, s := range readSample(t, "testdata/dev-sample.conllu") {
		s = copySentence(s)
		m.tag(sc, s)
		m.fillSent(&sc.x, s)
		st := &sc.st
		st.reset(len(s.Tokens))
		sc.g.reset(len(s.Tokens), nc)
		v := view{&sc.x, st}
		for step := 0; !st.terminal(); step++ {
			m.scoreConfig(sc, v, got)
			m.parser.score(parseFeatures(nil, &sc.x, st), want)
			if !slices.Equal(got, want) {
				t.Fatalf("sentence %d, step %d: grouped scores differ from all features'", si, step)
			}
			configs++
			c := m.best(st, got)
			if si%2 == 1 {
				// another legal transition: shift when it can, else the first legal
				for _, alt := range []int{shift, leftOf((step + 1) % len(m.labels)), rightOf((step + 2) % len(m.labels))} {
					if (alt == shift && st.canShift()) || (alt%2 == 1 && st.canLeft() && alt != leftOf(m.root)) || (alt != shift && alt%2 == 0 && st.canRight() && !st.rootRight() && alt != rightOf(m.root)) {
						c = alt
						break
					}
				}
			}
			if c != shift {
				sc.g.ver[st.headOf(c)]++
			}
			st.apply(c)
		}
	}
	t.Logf("%d configurations", configs)
}
