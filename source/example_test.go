package source_test

import (
	"fmt"

	"github.com/kg-builder/kg/source"
)

// A text given whole, as the API's ingest gets it: checked, front matter
// read, and cut into parts when longer than source.PartSize.
func ExampleCheck() {
	d, err := source.Check(source.Document{ID: "notes-1", Text: "---\ndate: 2026-06-12\n---\nAnna Tamm met Jonas Hovland in Riga.\n"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, part := range source.Parts(d) {
		fmt.Printf("%s %s %q\n", part.ID, part.Date, part.Text)
	}
	_, err = source.Check(source.Document{Text: "\x89PNG\r\n\x1a\n\x00"})
	fmt.Println(err)
	// Output:
	// notes-1 2026-06-12 "Anna Tamm met Jonas Hovland in Riga.\n"
	// not text: binary file (a NUL byte at byte 8)
}
