package ingest

import "github.com/kg-builder/kg/source"

// FrontMatter is source.FrontMatter for an Input: it fills the blank
// fields of in from the front matter that opens its text, and cuts it off.
// Reading input is source's job; this stays for the callers of ingest.
func FrontMatter(in Input) Input {
	return Input(source.FrontMatter(source.Document(in)))
}
