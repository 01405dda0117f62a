package schema

import (
	"encoding/json"
	"testing"

	"github.com/graph-gophers/graphql-go"
	qerrors "github.com/graph-gophers/graphql-go/errors"
)

// encodeResponse must give the bytes encoding/json gives for the same
// response.
func TestEncodeResponse(t *testing.T) {
	for _, tc := range []struct {
		name string
		resp graphql.Response
	}{
		{"empty", graphql.Response{}},
		{"data", graphql.Response{Data: json.RawMessage(`{"entity":{"name":"AT&T <Inc>","aliases":["\u00e9t\u00e9","x\"y"]}}`)}},
		{"null data", graphql.Response{Data: json.RawMessage(`null`)}},
		{"errors", graphql.Response{Errors: []*qerrors.QueryError{{Message: "no <entity> & no name", Path: []any{"entity", 0},
			Extensions: map[string]any{"code": "NOT_FOUND"}}}}},
		{"all", graphql.Response{Data: json.RawMessage(`{"a":1}`), Errors: []*qerrors.QueryError{{Message: "m"}},
			Extensions: map[string]any{"cost": 3, "note": "<b>"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := encodeResponse(&tc.resp)
			if err != nil {
				t.Fatal(err)
			}
			want, err := marshal(tc.resp)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Errorf("encodeResponse:\n got %s\nwant %s", got, want)
			}
			if !json.Valid(got) {
				t.Errorf("not JSON: %s", got)
			}
		})
	}
}
