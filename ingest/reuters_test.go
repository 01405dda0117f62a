package ingest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
)

// reutersIf reads up to n articles of the Reuters corpus, none when it is
// not here.
func reutersIf(n int) []Input {
	f, err := os.Open("../../shared/corpus/reuters21578/reuters21578.jsonl")
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []Input
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
		out = append(out, Input{ID: fmt.Sprint(a.ID), Title: a.Title, Text: a.Text})
	}
	return out
}
