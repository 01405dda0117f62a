package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kg-builder/kg/ingest/ud"
)

func TestParseText(t *testing.T) {
	code, out, stderr := kg(t, article, "parse")
	if code != 0 {
		t.Fatalf("kg parse = exit %d, stderr:\n%s", code, stderr)
	}
	ss, err := ud.ReadAll(strings.NewReader(out))
	if err != nil {
		t.Fatalf("kg parse printed bad CoNLL-U: %v\n%s", err, out)
	}
	if len(ss) != 4 {
		t.Errorf("kg parse printed %d sentences, want 4:\n%s", len(ss), out)
	}
	for _, s := range ss {
		if err := ud.Validate(s, article); err != nil {
			t.Errorf("sentence %s: %v", s.Comment("sent_id"), err)
		}
		for _, tk := range s.Tokens {
			if tk.Start < 0 || tk.UPOS == "" || tk.XPOS == "" || tk.Lemma == "" || tk.Deprel == "" {
				t.Errorf("sentence %s: word %+v lacks offsets, tags, lemma or relation", s.Comment("sent_id"), tk)
			}
		}
	}
	if !strings.Contains(out, "# text = Kuusik said the two governments had agreed to build a new ferry terminal.") {
		t.Errorf("kg parse output lacks the text comment of the third sentence:\n%s", out)
	}
	// a file gives the same as standard input
	dir := writeFiles(t, map[string]string{"a.txt": article})
	if _, fout, _ := kg(t, "", "parse", filepath.Join(dir, "a.txt")); fout != out {
		t.Errorf("kg parse FILE differs from kg parse < FILE")
	}
}

func TestParseEval(t *testing.T) {
	code, out, stderr := kg(t, "", "parse", "--eval", "../../ingest/parse/testdata/dev-sample.conllu")
	if code != 0 {
		t.Fatalf("kg parse --eval = exit %d, stderr:\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	last := lines[len(lines)-1]
	if !regexp.MustCompile(`^uas=\d+\.\d\d las=\d+\.\d\d words=\d+ tokens_per_s=\d+$`).MatchString(last) {
		t.Errorf("kg parse --eval last line = %q, want uas=<n> las=<n> words=<n> tokens_per_s=<n>", last)
	}
	if !strings.Contains(out, "acl:relcl") {
		t.Errorf("kg parse --eval lacks the per-relation scores:\n%s", out)
	}
	code, out, _ = kg(t, "", "parse", "--gold-tags", "--eval", "../../ingest/parse/testdata/dev-sample.conllu")
	if code != 0 || !strings.Contains(out, "gold tags") {
		t.Errorf("kg parse --gold-tags --eval = exit %d:\n%s", code, out)
	}
}

func TestParseBadInput(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"bad.conllu":   "1\tHello\n",
		"cycle.conllu": "1\ta\ta\tX\tX\t_\t2\tdep\t_\t_\n2\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n\n",
		"empty.conllu": "",
		"latin1.txt":   "caf\xe9",
	})
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"parse", "--eval", filepath.Join(dir, "bad.conllu")}, "2 fields, want 10"},
		{[]string{"parse", "--eval", filepath.Join(dir, "cycle.conllu")}, "invalid sentence"},
		{[]string{"parse", "--eval", filepath.Join(dir, "empty.conllu")}, "no sentences"},
		{[]string{"parse", "--eval", filepath.Join(dir, "missing.conllu")}, "no such file"},
		{[]string{"parse", filepath.Join(dir, "missing.txt")}, "no such file"},
		{[]string{"parse", filepath.Join(dir, "latin1.txt")}, "invalid UTF-8"},
		{[]string{"parse", "a", "b"}, "accepts at most 1 arg"},
	} {
		code, _, stderr := kg(t, "", tt.args...)
		if code != 1 || !strings.Contains(stderr, tt.want) {
			t.Errorf("kg %s = exit %d, stderr %q; want exit 1 and %q", strings.Join(tt.args, " "), code, stderr, tt.want)
		}
	}
	// empty text: no sentences, no error
	if code, out, _ := kg(t, "  \n", "parse"); code != 0 || out != "" {
		t.Errorf("kg parse of blank input = exit %d, %q", code, out)
	}
}
