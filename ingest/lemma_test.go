package ingest

import "testing"

func TestLemma(t *testing.T) {
	tests := []struct{ word, tag, want string }{
		{"met", "VBD", "meet"}, {"said", "VBD", "say"}, {"criticised", "VBD", "criticise"},
		{"criticized", "VBN", "criticize"}, {"talking", "VBG", "talk"}, {"talked", "VBD", "talk"},
		{"travelled", "VBD", "travel"}, {"traveled", "VBD", "travel"}, {"signed", "VBN", "sign"},
		{"visited", "VBD", "visit"}, {"announced", "VBD", "announce"}, {"accused", "VBD", "accuse"},
		{"acquired", "VBD", "acquire"}, {"appointed", "VBN", "appoint"}, {"invested", "VBD", "invest"},
		{"rejected", "VBD", "reject"}, {"backed", "VBD", "back"}, {"warned", "VBD", "warn"},
		{"agreed", "VBD", "agree"}, {"stopped", "VBD", "stop"}, {"planned", "VBD", "plan"},
		{"called", "VBD", "call"}, {"killed", "VBD", "kill"}, {"waited", "VBD", "wait"},
		{"increased", "VBD", "increase"}, {"released", "VBD", "release"}, {"determined", "VBD", "determine"},
		{"questioned", "VBD", "question"}, {"mentioned", "VBD", "mention"}, {"continued", "VBD", "continue"},
		{"carries", "VBZ", "carry"}, {"says", "VBZ", "say"}, {"watches", "VBZ", "watch"},
		{"goes", "VBZ", "go"}, {"is", "VBZ", "be"}, {"has", "VBZ", "have"}, {"tried", "VBD", "try"},
		{"decided", "VBD", "decide"}, {"dying", "VBG", "die"}, {"making", "VBG", "make"},
		{"running", "VBG", "run"}, {"shouted", "VBD", "shout"}, {"used", "VBD", "use"},
		{"guided", "VBD", "guide"}, {"urged", "VBD", "urge"}, {"leaked", "VBD", "leak"},
		{"opened", "VBD", "open"}, {"compelled", "VBD", "compel"}, {"controlled", "VBD", "control"},
		{"dropped", "VBD", "drop"}, {"voted", "VBD", "vote"}, {"united", "VBD", "unite"},
		{"deleted", "VBD", "delete"}, {"blamed", "VBD", "blame"}, {"raised", "VBD", "raise"},
		{"Met", "VBD", "meet"}, {"died", "VBD", "die"}, {"tied", "VBN", "tie"}, {"ended", "VBD", "end"}, {"hosted", "VBD", "host"},
		// clipped before the treebank lemmas: "fil", "totall", "quot", "chang", "creat", "negotiat", "rul", "ow", "su"
		{"filed", "VBD", "file"}, {"totalled", "VBD", "total"}, {"quoted", "VBN", "quote"}, {"changed", "VBD", "change"},
		{"created", "VBN", "create"}, {"negotiated", "VBD", "negotiate"}, {"ruled", "VBD", "rule"}, {"owed", "VBD", "owe"},
		{"sued", "VBD", "sue"}, {"quoting", "VBG", "quote"}, {"totals", "VBZ", "total"}, {"sues", "", "sue"},
		{"cancelled", "VBD", "cancel"}, {"labelled", "VBN", "label"}, {"applied", "VBD", "apply"}, {"hoped", "VBD", "hope"},
	}
	for _, tt := range tests {
		if got := lemma(tt.word, tt.tag); got != tt.want {
			t.Errorf("lemma(%q, %q) = %q, want %q", tt.word, tt.tag, got, tt.want)
		}
	}
}
