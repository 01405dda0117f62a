// Package model holds the parser's trained model, embedded in the binary:
// model.bin is written by gen.go (`go generate ./ingest/parse/model` or
// `make model`) from the UD English treebanks in ../shared/ud, and
// model.json records the treebanks, the command, the options and the
// scores. See MODEL.md.
package model

import _ "embed"

//go:generate go run gen.go -ud ../../../../shared/ud

// Bin is the model, as parse.Load reads it.
//
//go:embed model.bin
var Bin []byte
