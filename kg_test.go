package kg

import (
	"strings"
	"testing"
)

func TestSchemaEmbedded(t *testing.T) {
	for _, want := range []string{"type Query", "entity(name: String!): Entity", "type Mutation", "type Triple"} {
		if !strings.Contains(Schema, want) {
			t.Errorf("Schema lacks %q", want)
		}
	}
}
