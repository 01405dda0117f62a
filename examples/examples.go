// Package examples holds the example news articles bundled with kg: short
// fictional stories written for this project, loaded by `kg serve --demo`.
package examples

import "embed"

// FS holds the articles, one .txt file each, under news/.
//
//go:embed news/*.txt
var FS embed.FS
