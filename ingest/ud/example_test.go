package ud_test

import (
	"fmt"

	"github.com/kg-builder/kg/ingest/ud"
)

func ExampleTokenize() {
	for _, s := range ud.Tokenize("Kuusik didn't attend. Ozols did.") {
		for _, t := range s.Tokens {
			fmt.Printf("%s %d:%d\n", t.Form, t.Start, t.End)
		}
	}
	// Output:
	// Kuusik 0:6
	// did 7:10
	// n't 10:13
	// attend 14:20
	// . 20:21
	// Ozols 22:27
	// did 28:31
	// . 31:32
}
