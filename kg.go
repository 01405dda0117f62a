// Package kg builds a knowledge graph from English text.
//
// Text goes one way through its packages: ingest turns sentences into
// subject–relation–object triples, graph stores them in an embedded Badger
// database, schema serves them through GraphQL, and server speaks HTTP. The
// kg command (cmd/kg) wires them together.
//
// This root package only carries the GraphQL schema, since go:embed cannot
// reach a parent directory.
package kg

import _ "embed"

// Schema is the GraphQL schema the API serves (schema.graphql).
//
//go:embed schema.graphql
var Schema string
