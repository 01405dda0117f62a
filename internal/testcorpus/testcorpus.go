// Package testcorpus reads the Reuters-21578 corpus beside the project for
// tests that use it when it is there (research use only: it is never
// copied into the project).
package testcorpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
)

// Article is one article of the corpus.
type Article struct{ ID, Title, Text string }

// Path is where the corpus lies, from a package one folder below the
// repository's root (the working directory of its tests).
const Path = "../../shared/corpus/reuters21578/reuters21578.jsonl"

// Reuters reads up to n articles of the corpus, none when it is not here.
func Reuters(n int) []Article {
	f, err := os.Open(Path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []Article
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() && len(out) < n {
		var a struct {
			ID    any    `json:"id"`
			Title string `json:"title"`
			Text  string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil
		}
		out = append(out, Article{ID: fmt.Sprint(a.ID), Title: a.Title, Text: a.Text})
	}
	return out
}
