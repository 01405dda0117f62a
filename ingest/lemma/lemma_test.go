package lemma

import (
	"fmt"
	"testing"
)

func TestLemma(t *testing.T) {
	tests := []struct{ form, xpos, want string }{
		// the clipped lemmas of the old rules
		{"filed", "VBD", "file"}, {"totalled", "VBD", "total"}, {"quoted", "VBN", "quote"},
		{"changed", "VBD", "change"}, {"created", "VBN", "create"}, {"negotiated", "VBD", "negotiate"},
		{"ruled", "VBD", "rule"}, {"owed", "VBD", "owe"}, {"sued", "VBD", "sue"},
		// regular
		{"talked", "VBD", "talk"}, {"signed", "VBN", "sign"}, {"visited", "VBD", "visit"},
		{"opened", "VBD", "open"}, {"reported", "VBD", "report"}, {"rose", "VBD", "rise"},
		// doubled consonant
		{"stopped", "VBD", "stop"}, {"planned", "VBN", "plan"}, {"running", "VBG", "run"},
		{"dropped", "VBD", "drop"}, {"committed", "VBN", "commit"},
		// silent e
		{"hoped", "VBD", "hope"}, {"making", "VBG", "make"}, {"decided", "VBD", "decide"},
		{"announced", "VBD", "announce"}, {"acquired", "VBN", "acquire"}, {"continued", "VBD", "continue"},
		{"used", "VBN", "use"}, {"agreed", "VBD", "agree"},
		// -ied, -ies
		{"tried", "VBD", "try"}, {"carries", "VBZ", "carry"}, {"applied", "VBD", "apply"},
		{"died", "VBD", "die"}, {"dying", "VBG", "die"},
		// irregular
		{"met", "VBD", "meet"}, {"said", "VBD", "say"}, {"was", "VBD", "be"}, {"is", "VBZ", "be"},
		{"has", "VBZ", "have"}, {"went", "VBD", "go"}, {"bought", "VBD", "buy"}, {"took", "VBD", "take"},
		{"sold", "VBN", "sell"}, {"held", "VBD", "hold"}, {"won", "VBD", "win"},
		// British -lled, and -s
		{"travelled", "VBD", "travel"}, {"cancelled", "VBN", "cancel"}, {"labelled", "VBN", "label"}, {"mulling", "VBG", "mull"}, {"pulled", "VBD", "pull"},
		{"controlled", "VBD", "control"}, {"called", "VBD", "call"}, {"watches", "VBZ", "watch"},
		{"goes", "VBZ", "go"}, {"says", "VBZ", "say"},
		// other parts of speech
		{"companies", "NNS", "company"}, {"shares", "NNS", "share"}, {"Kuusik", "NNP", "Kuusik"},
		{"The", "DT", "the"}, {"bigger", "JJR", "big"}, {"children", "NNS", "child"},
		{"n't", "RB", "not"}, {"'s", "VBZ", "be"},
	}
	for _, tt := range tests {
		if got := Lemma(tt.form, tt.xpos); got != tt.want {
			t.Errorf("Lemma(%q, %q) = %q, want %q", tt.form, tt.xpos, got, tt.want)
		}
	}
}

func TestBuild(t *testing.T) {
	got := string(Build([]Entry{
		{"walked", "VBD", "VERB", "walk"}, {"mice", "NNS", "NOUN", "mouse"}, {"walk", "VB", "VERB", "walk"},
	}))
	want := "mouse\nv:walk\nwalk\nmice\tNNS\tmouse\n"
	if got != want {
		t.Errorf("Build = %q, want %q", got, want)
	}
}

func ExampleLemma() {
	fmt.Println(Lemma("negotiated", "VBD"), Lemma("companies", "NNS"))
	// Output: negotiate company
}
