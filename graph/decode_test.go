package graph

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// FuzzDecode checks that jsonUnmarshal reads every record exactly as
// encoding/json, which writes them, reads it back: strings with any
// characters, the integers, and floats to the last bit.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"", "United States", "AT&T <Inc> \"quoted\"", "line\nbreak\ttab", "\u2028\u2029", "été 東京 🙂", "\x00\x1f", "bad \xff utf-8", `back\slash`} {
		for _, x := range []float64{0, 0.1, 1.0 / 3, 0.30000000000000004, 5e-324, 2.2250738585072014e-308, math.MaxFloat64, 0.95 * 0.5 * 0.25} {
			f.Add(s, x, int64(12345), uint64(1)<<53+1)
		}
	}
	f.Fuzz(func(t *testing.T, s string, x float64, n int64, u uint64) {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return // encoding/json cannot write them
		}
		check := func(rec, std, got any) {
			t.Helper()
			b, err := json.Marshal(rec)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, std); err != nil {
				t.Fatal(err)
			}
			if err := jsonUnmarshal(b, got); err != nil {
				t.Fatalf("jsonUnmarshal(%s): %v", b, err)
			}
			if d := cmp.Diff(std, got, cmp.AllowUnexported(entityRec{}, edgeRec{}, evidenceRec{}, docRec{}, docHead{}, mentionRec{}, entityHead{})); d != "" {
				t.Fatalf("jsonUnmarshal(%s) differs from encoding/json (-std +got):\n%s", b, d)
			}
		}
		i := int(n)
		check(&entityRec{Name: s, Type: s, Aliases: []string{s, "x" + s, ""}, Mentions: i, Votes: map[string]int{s: i, "GPE": 1}, Edges: -i, Tracked: n%2 == 0},
			&entityRec{}, &entityRec{})
		check(&entityRec{Name: s}, &entityHead{}, &entityHead{})
		check(&edgeRec{S: u, O: u / 3, Rel: s, RelText: s, SubjText: s, ObjText: s, Miss: x, Count: i, Neg: true, Modality: s, Attr: s},
			&edgeRec{}, &edgeRec{})
		check(&evidenceRec{Doc: s, Sentence: i, Text: s, Start: i, End: -i, SubjText: s, RelText: s, ObjText: s, Conf: x, Attr: s},
			&evidenceRec{}, &evidenceRec{})
		doc := &docRec{docHead: docHead{ID: s, Seq: u, Title: s, Source: s, URL: s, Date: s, Hash: s, Sentences: i, Tokens: i, Triples: i,
			Added: time.Unix(n%1e10, n%1e9).UTC()}, Edges: []uint64{u, 0, 1}, Entities: []uint64{u}, Tracked: true}
		check(doc, &docRec{}, &docRec{})
		check(doc, &docHead{}, &docHead{})
		check(&mentionRec{Mentions: i, Votes: map[string]int{s: i}, Aliases: []string{s}, Renamed: s}, &mentionRec{}, &mentionRec{})
	})
}

// The strings jsonUnmarshal returns must not change when the bytes it read
// are reused, as Badger reuses a value's bytes after its callback.
func TestDecodeOwnsStrings(t *testing.T) {
	b := []byte(`{"n":"United States","t":"GPE","a":["U.S.","America"],"m":3}`)
	var r entityRec
	if err := jsonUnmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	for i := range b {
		b[i] = 'x'
	}
	if r.Name != "United States" || r.Type != "GPE" || r.Aliases[0] != "U.S." || r.Aliases[1] != "America" {
		t.Errorf("after the input was overwritten: %+v", r)
	}
}

// A docRec is stored as the JSON it had before docHead was split out of
// it: the same keys in the same order.
func TestDocRecJSON(t *testing.T) {
	for _, tc := range []struct {
		d    docRec
		want string
	}{
		{docRec{docHead: docHead{ID: "d1", Seq: 7, Title: "Talks", Source: "wire", URL: "https://example.com/1", Date: "2017-04-12",
			Hash: "h1", Sentences: 3, Tokens: 30, Triples: 2, Added: time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)},
			Edges: []uint64{1, 2}, Entities: []uint64{3}, Tracked: true},
			`{"id":"d1","q":7,"ti":"Talks","so":"wire","u":"https://example.com/1","da":"2017-04-12","h":"h1","ns":3,"nt":30,"nx":2,"at":"2026-11-21T08:00:00Z","ed":[1,2],"en":[3],"tk":true}`},
		{docRec{docHead: docHead{ID: "d2", Seq: 8, Hash: "h2", Added: time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)}},
			`{"id":"d2","q":8,"h":"h2","ns":0,"nt":0,"nx":0,"at":"2026-01-02T03:04:05.000000006Z"}`},
	} {
		b, err := json.Marshal(tc.d)
		if err != nil || string(b) != tc.want {
			t.Errorf("json.Marshal(%+v) = %s, %v; want %s", tc.d, b, err, tc.want)
		}
	}
}
