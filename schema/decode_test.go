package schema

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzDecodeJSON: decodeJSON reads a request's body and its parts as
// encoding/json does: the same values, or the same error.
func FuzzDecodeJSON(f *testing.F) {
	for _, s := range []string{
		`{"query": "{ stats { documents } }"}`,
		`{"query": "query($n: String!) { entity(name: $n) { id } }", "variables": {"n": "Vladimir Putin"}, "operationName": null}`,
		`{"variables": {"a": 1, "b": 1.5e300, "c": -0, "d": 123456789012345678901234567890, "e": [true, false, null], "f": {"g": "h"}}}`,
		`{"query": "\u00e9t\u00e9 \ud83d\ude42 \ud800 \"q\" \\ \/ \b\f\n\r\t"}`,
		"{\"query\": \"bad \xff utf-8\"}",
		"{\"query\": \"raw\tcontrol\"}",
		`{"query": "a", "query": "b"}`,
		`{"Query": "case"}`,
		`{"query": "x"} trailing`,
		`{"query": "x"}{}`,
		`{"query": 1}`,
		`{"query": ["x"]}`,
		`{"variables": {"n": 1e400}}`,
		`{"variables": {"n": 01}}`,
		`{"variables": {"n": .5}}`,
		`{"variables": {"n": "x",}}`,
		`{"variables": {"n": "x"`,
		`{"query": "x", }`,
		`{"a": tru}`,
		`{"a": nul}`,
		`[1, 2]`,
		`"just a string"`,
		`"\u0000"`,
		`null`,
		``,
		` `,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		check := func(std, got any) {
			t.Helper()
			stdErr := json.Unmarshal(b, std)
			gotErr := decodeJSON(b, got)
			if (stdErr == nil) != (gotErr == nil) || (stdErr != nil && stdErr.Error() != gotErr.Error()) {
				t.Fatalf("decodeJSON(%q) error = %v, encoding/json's = %v", b, gotErr, stdErr)
			}
			if stdErr == nil {
				if d := cmp.Diff(std, got); d != "" {
					t.Fatalf("decodeJSON(%q) differs from encoding/json (-std +got):\n%s", b, d)
				}
			}
		}
		check(new(map[string]json.RawMessage), new(map[string]json.RawMessage))
		check(new(map[string]any), new(map[string]any))
		check(new(string), new(string))
	})
}
