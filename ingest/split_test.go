package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestUnits(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // unit texts; a trailing "!" marks a headline
	}{
		{"headline then paragraph", "Putin Meets Tillerson\n\nThey met in Moscow.\n",
			[]string{"Putin Meets Tillerson!", "They met in Moscow."}},
		{"headline without blank line", "Putin Meets Tillerson\nThey met in Moscow.",
			[]string{"Putin Meets Tillerson!", "They met in Moscow."}},
		{"hard-wrapped paragraph", "The minister said the talks\nwould resume on Monday.",
			[]string{"The minister said the talks\nwould resume on Monday."}},
		{"lines that end sentences", "One thing happened.\nAnother followed.",
			[]string{"One thing happened.", "Another followed."}},
		{"markdown markers", "# Weekly notes\n\n- Maria joined Nordbank.\n* Oslo office opened",
			[]string{"Weekly notes!", "Maria joined Nordbank.", "Oslo office opened!"}},
		{"comma continues", "Anna Tamm, the head of the consortium,\nSaid nothing.",
			[]string{"Anna Tamm, the head of the consortium,\nSaid nothing."}},
		{"crlf and spaces", "  Title line  \r\n\r\n  Body text.  \r\n", []string{"Title line!", "Body text."}},
		{"empty", "\n\n  \n", nil},
		{"quoted headline", "Haley Says 'To An End'\n\nBody.", []string{"Haley Says 'To An End'!", "Body."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, u := range units(tt.text) {
				s := tt.text[u.start:u.end]
				if u.headline {
					s += "!"
				}
				got = append(got, s)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("units(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestStripDateline(t *testing.T) {
	tests := []struct{ text, rest, place string }{
		{"SALVADOR, Feb 26 - Showers continued.", "Showers continued.", "SALVADOR"},
		{"HELSINKI, March 3 (Reuters) - Talks opened.", "Talks opened.", "HELSINKI"},
		{"NEW YORK -- Stocks fell.", "Stocks fell.", "NEW YORK"},
		{"New York, Feb 26 - American Express Co remained silent.", "American Express Co remained silent.", "New York"},
		{"ESCHBORN, West Germany, March 2 - Alcan said so.", "Alcan said so.", "ESCHBORN"},
		{"Winnipeg, Manitoba, Feb 26 - Federal Industries Ltd said so.", "Federal Industries Ltd said so.", "Winnipeg"},
		{"Bogota, march 4 - the fall will not affect it.", "the fall will not affect it.", "Bogota"},
		{"AMSTERDAM, 2 March - The bank said so.", "The bank said so.", "AMSTERDAM"},
		{"DALLAS/FORT WORTH, Texas, March 3 - AMR Corp will hold a conference.", "AMR Corp will hold a conference.", "DALLAS/FORT WORTH"},
		{"Smith, Jones and Brown - a law firm - said so.", "Smith, Jones and Brown - a law firm - said so.", ""},
		{"Putin met Tillerson - briefly.", "Putin met Tillerson - briefly.", ""},
		{"US Secretary of State Rex Tillerson arrived.", "US Secretary of State Rex Tillerson arrived.", ""},
	}
	for _, tt := range tests {
		u := unit{start: 0, end: len(tt.text)}
		start, place := stripDateline(tt.text, u, true)
		if got := tt.text[start:]; got != tt.rest || place != tt.place {
			t.Errorf("stripDateline(%q) = %q, %q; want %q, %q", tt.text, got, place, tt.rest, tt.place)
		}
	}
	// a place in any case with a date is a dateline only where the story
	// starts
	text := "Acme Corp reported.\n\nSales, Jan 1 - Dec 31 were 5 mln dlrs."
	u := unit{start: strings.Index(text, "Sales"), end: len(text)}
	if start, place := stripDateline(text, u, false); start != u.start || place != "" {
		t.Errorf("stripDateline(%q) cut %q off a later paragraph", text, text[u.start:start])
	}
}

func TestEndsSentence(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"He left.", true}, {`He said "no."`, true}, {"Is it?", true}, {"Title Case Line", false},
		{"A list:", true}, {"'To An End'", false}, {"", false}, {"(see below)", false},
	}
	for _, tt := range tests {
		if got := endsSentence(tt.s); got != tt.want {
			t.Errorf("endsSentence(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// TestDatelineAfterHeadline: a story's dateline is cut where the story
// starts, after the headline the title makes, and not further in.
func TestDatelineAfterHeadline(t *testing.T) {
	ex := mustExtractor(t)
	text := Text(Input{Title: "NORDHAVN BUYS WIDGET", Text: "New York, March 19 - Nordhavn Energy said it bought Widget Systems.\n\nSales, Jan 1 - Dec 31 were 5 mln dlrs."})
	ss, err := ex.sentences(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range ss {
		got = append(got, s.text)
	}
	want := []string{"NORDHAVN BUYS WIDGET", "Nordhavn Energy said it bought Widget Systems.", "Sales, Jan 1 - Dec 31 were 5 mln dlrs."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
}

// TestJoinInitialStops: a capital letter and its full stop are one token
// before a capitalised word ("Sanford C. Bernstein"), not at a sentence's
// end ("Plan C.") nor before a word in lower case.
func TestJoinInitialStops(t *testing.T) {
	ex := mustExtractor(t)
	for text, want := range map[string]string{
		"Anna Varga of Sanford C. Bernstein Co Inc said so.": "Anna|Varga|of|Sanford|C.|Bernstein|Co|Inc|said|so|.",
		"They chose Plan C. It worked.":                      "They|chose|Plan|C|.",
	} {
		ss, err := ex.sentences(context.Background(), text)
		if err != nil || len(ss) == 0 {
			t.Fatalf("sentences(%q) = %d, %v", text, len(ss), err)
		}
		var got []string
		for _, tk := range ss[0].toks {
			got = append(got, tk.text)
		}
		if g := strings.Join(got, "|"); g != want {
			t.Errorf("tokens of %q = %s, want %s", text, g, want)
		}
	}
}
