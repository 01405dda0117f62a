//go:build ignore

// gen trains the tagger and parser on UD English EWT (train) and the
// CC BY / public-domain genres of UD English GUM (train), writes
// model.bin, ../../lemma/lemmas.tsv and model.json (treebank versions,
// command, options, scores, training time), and prints the scores. Run
// `go generate ./ingest/parse/model` or `make model`. The output depends
// only on the treebanks and the options.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/kg-builder/kg/ingest/lemma"
	"github.com/kg-builder/kg/ingest/parse"
	"github.com/kg-builder/kg/ingest/ud"
)

type result struct {
	UAS, LAS, BaseLAS float64
	XPOS, UPOS        float64 `json:",omitempty"`
	Words             int
	TokensPerSecond   int                   `json:"tokens_per_s"`
	Relations         map[string][2]float64 `json:",omitempty"` // UAS, LAS of words of that gold relation
}

func main() {
	dir := flag.String("ud", "../../../../shared/ud", "folder of UD_English-EWT and UD_English-GUM")
	out := flag.String("out", "model.bin", "model to write")
	var o parse.TrainOptions
	flag.IntVar(&o.TaggerEpochs, "tagger-epochs", 10, "tagger epochs")
	flag.IntVar(&o.ParserEpochs, "parser-epochs", 15, "parser epochs")
	flag.IntVar(&o.Folds, "folds", 5, "jackknife folds for the parser's training tags")
	flag.Float64Var(&o.Explore, "explore", 0.9, "probability of following a wrong transition (dynamic oracle)")
	flag.IntVar(&o.MinWeight, "min-tagger", 32, "prune the tagger's quantised weights below this magnitude")
	flag.IntVar(&o.MinParser, "min-parser", 336, "prune the parser's quantised weights below this magnitude")
	flag.IntVar(&o.MinLabel, "min-label", 20, "relations seen fewer times fall back to their base")
	seed := flag.Uint64("seed", 1, "random seed")
	unpruned := flag.String("unpruned", "", "also write the model before pruning to this file")
	workers := flag.Int("workers", 2, "parallel jackknife folds (the result does not depend on it)")
	wordnet := flag.String("wordnet", "/usr/share/wordnet", "WordNet 3.0's database files (Debian: apt-get install wordnet-base)")
	trainDev := flag.Bool("train-dev", true, "also train on the dev splits (EWT dev and GUM dev's trainable genres), less the sentences of ../testdata/dev-sample.conllu, which stay held out")
	flag.Parse()
	o.Seed, o.Workers, o.Log = *seed, *workers, os.Stderr
	log.SetFlags(0)

	readFile := func(p string) []*ud.Sentence {
		f, err := os.Open(p)
		if err != nil {
			log.Fatal(err)
		}
		defer f.Close()
		ss, err := ud.ReadAll(f)
		if err != nil {
			log.Fatalf("%s: %v", p, err)
		}
		return ss
	}
	read := func(p string) []*ud.Sentence { return readFile(filepath.Join(*dir, p)) }
	ewt := read("UD_English-EWT/en_ewt-ud-train.conllu")
	gum := parse.TrainableGUM(read("UD_English-GUM/en_gum-ud-train.conllu"))
	// the dev sample of the floor test (TestModelFloor) stays out of
	// training, whatever else of dev goes in
	sample := readFile("../testdata/dev-sample.conllu")
	held := map[string]bool{}
	for _, s := range sample {
		held[s.Comment("sent_id")] = true
	}
	heldOut := func(ss []*ud.Sentence) []*ud.Sentence {
		var out []*ud.Sentence
		for _, s := range ss {
			if !held[s.Comment("sent_id")] {
				out = append(out, s)
			}
		}
		return out
	}
	if *trainDev {
		ewt = append(ewt, heldOut(read("UD_English-EWT/en_ewt-ud-dev.conllu"))...)
		gum = append(gum, heldOut(parse.TrainableGUM(read("UD_English-GUM/en_gum-ud-dev.conllu")))...)
	}
	splits := []string{"train"}
	if *trainDev {
		splits = append(splits, "dev")
	}
	lexicon := "none"
	if *wordnet != "" {
		wn, err := parse.ReadWordNet(*wordnet)
		if err != nil {
			log.Fatalf("%v (WordNet 3.0: apt-get install wordnet-base, or -wordnet \"\" to train without)", err)
		}
		o.WordNet = wn
		lexicon = fmt.Sprintf("WordNet 3.0 (Princeton University) from %s: %d noun, %d verb, %d adjective and %d adverb lemmas, %d irregular forms", *wordnet, len(wn.Noun), len(wn.Verb), len(wn.Adj), len(wn.Adv), len(wn.Exceptions))
		log.Printf("WordNet: %d noun, %d verb, %d adjective and %d adverb lemmas, %d irregular forms", len(wn.Noun), len(wn.Verb), len(wn.Adj), len(wn.Adv), len(wn.Exceptions))
	}
	train := append(append([]*ud.Sentence(nil), ewt...), gum...)
	words := 0
	var entries []lemma.Entry
	for _, s := range train {
		words += len(s.Tokens)
		for _, t := range s.Tokens {
			entries = append(entries, lemma.Entry{Form: t.Form, XPOS: t.XPOS, UPOS: t.UPOS, Lemma: t.Lemma})
		}
	}
	log.Printf("training on %d EWT and %d GUM sentences, %d words", len(ewt), len(gum), words)
	if err := os.WriteFile("../../lemma/lemmas.tsv", lemma.Build(entries), 0o644); err != nil {
		log.Fatal(err)
	}

	start := time.Now()
	// train unpruned, so that -unpruned can keep that for trying other
	// pruning levels (Model.Prune) without training again
	minTagger, minParser := o.MinWeight, o.MinParser
	o.MinWeight, o.MinParser = 1, 1
	m, err := parse.Train(train, o)
	if err != nil {
		log.Fatal(err)
	}
	took := time.Since(start)
	o.MinWeight, o.MinParser = minTagger, minParser
	if *unpruned != "" {
		f, err := os.Create(*unpruned)
		if err != nil {
			log.Fatal(err)
		}
		if err := m.Write(f); err != nil {
			log.Fatal(err)
		}
		f.Close()
	}
	m.Prune(o.MinWeight, o.MinParser)
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	loadStart := time.Now()
	if _, err := parse.Load(bytes.NewReader(buf.Bytes())); err != nil {
		log.Fatal(err)
	}
	loadTook := time.Since(loadStart)

	scores := map[string]result{}
	type evalSet struct {
		name string
		gold []*ud.Sentence
	}
	var sets []evalSet
	for _, split := range []string{"dev", "test"} {
		if split == "dev" && *trainDev {
			continue // trained on; the held-out dev sample stands for it
		}
		for _, tb := range []string{"EWT", "GUM"} {
			sets = append(sets, evalSet{fmt.Sprintf("%s %s", tb, split), read(fmt.Sprintf("UD_English-%s/en_%s-ud-%s.conllu", tb, strings.ToLower(tb), split))})
		}
	}
	sets = append(sets, evalSet{"dev sample (held out)", sample})
	for _, set := range sets {
		gold := set.gold
		for _, goldTags := range []bool{false, true} {
			sc, t := m.Evaluate(gold, goldTags)
			r := result{UAS: round(sc.UAS()), LAS: round(sc.LAS()), BaseLAS: round(sc.BaseLAS()), Words: sc.Tokens,
				TokensPerSecond: int(float64(sc.Tokens) / t.Seconds()), Relations: map[string][2]float64{}}
			name := set.name + ", predicted tags"
			if goldTags {
				name = set.name + ", gold tags"
			} else {
				r.XPOS, r.UPOS = round(sc.XPOSAccuracy()), round(sc.UPOSAccuracy())
			}
			for _, rel := range []string{"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "obl:tmod", "obl:unmarked", "xcomp", "ccomp", "appos", "conj", "acl:relcl", "nmod:poss", "compound:prt", "compound", "amod", "advcl"} {
				if rs := sc.Relations[rel]; rs != nil && rs.Words > 0 {
					r.Relations[rel] = [2]float64{round(100 * float64(rs.Heads) / float64(rs.Words)), round(100 * float64(rs.Labels) / float64(rs.Words))}
				}
			}
			scores[name] = r
			log.Printf("%-34s UAS %.2f LAS %.2f (base %.2f) XPOS %.2f UPOS %.2f, %d tokens/s", name, r.UAS, r.LAS, r.BaseLAS, r.XPOS, r.UPOS, r.TokensPerSecond)
		}
	}
	sum := sha256.Sum256(buf.Bytes())
	readme, _ := os.ReadFile(filepath.Join(*dir, "README.md"))
	rec := map[string]any{
		"command":   "go generate ./ingest/parse/model  (go run gen.go " + strings.Join(os.Args[1:], " ") + ")",
		"options":   map[string]any{"tagger_epochs": o.TaggerEpochs, "parser_epochs": o.ParserEpochs, "folds": o.Folds, "explore": o.Explore, "min_tagger": o.MinWeight, "min_parser": o.MinParser, "min_label": o.MinLabel, "seed": o.Seed},
		"treebanks": treebanks(string(readme)),
		"train": map[string]any{"EWT sentences": len(ewt), "GUM sentences": len(gum), "words": words,
			"GUM genres": parse.TrainableGenres, "splits": splits},
		"lexicon":         lexicon,
		"training_time_s": int(took.Seconds()),
		"load_time_ms":    loadTook.Milliseconds(),
		"model_bytes":     buf.Len(),
		"model_sha256":    fmt.Sprintf("%x", sum),
		"go":              runtime.Version(),
		"scores":          scores,
		"note":            "LAS and UAS exclude punct; LAS compares the relation with its subtype, BaseLAS without; tokens_per_s is tagging and parsing on one goroutine (GOMAXPROCS as run). Relations: [UAS, LAS] of the words of that gold relation.",
	}
	js, _ := json.MarshalIndent(rec, "", "  ")
	if err := os.WriteFile(strings.TrimSuffix(*out, ".bin")+".json", append(js, '\n'), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("model.bin: %d bytes, sha256 %x, trained in %s, loads in %s", buf.Len(), sum, took.Round(time.Second), loadTook.Round(time.Millisecond))
}

func round(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

// treebanks reads the commits of the treebanks from ../shared/ud/README.md.
func treebanks(readme string) map[string]string {
	out := map[string]string{}
	re := regexp.MustCompile(`\| (UD_English-\w+) \| (\S+ \w+)`)
	for _, m := range re.FindAllStringSubmatch(readme, -1) {
		out[m[1]] = m[2]
	}
	if len(out) == 0 {
		out["unknown"] = "see ../shared/ud/README.md"
	}
	keys := make([]string, 0, len(out))
	for k := range out {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return out
}
