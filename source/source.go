// Package source reads input for the command line and the API alike:
// files and folders (walked, following symbolic links), standard input,
// named pipes and devices, and texts given whole. It decodes them (UTF-8,
// UTF-16 with a byte-order mark, CRLF), cleans Markdown and HTML, reads
// front matter and JSON Lines, refuses what is not English text, and cuts
// long texts into parts at sentence ends. One set of limits holds for every
// caller (see Options).
//
// It is a leaf: it imports nothing of kg's, and hands out Documents, which
// the caller turns into what its extractor takes.
package source

import (
	"errors"
	"time"
)

// Document is one document read from the input. Its fields are those of
// ingest.Input, in the same order, so that one converts to the other.
type Document struct {
	ID     string
	Title  string
	Source string
	URL    string
	Date   string
	Text   string
}

// Item is one document read from the input, or the error met reading it.
type Item struct {
	Doc   Document
	Where string // file, file#part or file:line
	Size  int64  // bytes of input it accounts for, for progress
	Err   error
	// English: Doc is still to be checked for English, which the caller
	// does after its check for a duplicate (a stored text was English)
	English bool
}

// The limits of the input, the defaults of Options.
const (
	// PartSize bounds the text of one document. A longer text is read as
	// a stream and cut into parts of at most this size, at a paragraph
	// break, else a sentence end, else white space, each a document of
	// its own (NAME#1, NAME#2, ...). Measured on Reuters news: a 64 KiB
	// document takes 0.4 s and 80 MB; 512 KiB no longer fits one Badger
	// transaction, and the time per byte of one document grows with its
	// length.
	PartSize = 64 << 10
	// MaxLine bounds one JSON Lines record, which is read whole.
	MaxLine = 64 << 20
	// MaxText bounds a text given whole (through the API).
	MaxText = 2 << 20
	// MaxSpool bounds what is read from an input that cannot be read
	// twice (standard input, a named pipe, a device): it is copied, checked
	// as it comes, to a file that no name points to.
	MaxSpool = 256 << 20
	// Wait bounds the wait for a named pipe's first data: a pipe that no
	// program writes to would hold the store for ever.
	Wait = 10 * time.Second
)

// Options are the limits of a Reader; the zero value of each field means
// its default above.
type Options struct {
	PartSize int
	MaxLine  int
	MaxSpool int64
	Wait     time.Duration
	TempDir  string // where to spool; default os.TempDir()
}

func (o Options) withDefaults() Options {
	if o.PartSize <= 0 {
		o.PartSize = PartSize
	}
	if o.MaxLine <= 0 {
		o.MaxLine = MaxLine
	}
	if o.MaxSpool <= 0 {
		o.MaxSpool = MaxSpool
	}
	if o.Wait <= 0 {
		o.Wait = Wait
	}
	return o
}

// ErrEmpty is the error of a text with nothing but white space.
var ErrEmpty = errors.New("empty: no text to ingest")
