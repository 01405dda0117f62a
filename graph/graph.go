// Package graph is the knowledge graph's model and its embedded store.
//
// A graph holds entities (people, organisations, places and plain concepts),
// and edges between them: (subject, relation, object) triples. The same triple
// stated by many sentences is one edge with a count and the evidence of every
// sentence. The store keeps it all in Badger, with indexes so that lookups by
// subject, object, relation and any alias of an entity are prefix scans.
//
// Only this package talks to Badger; its errors never leave it.
package graph

import (
	"errors"
	"strings"
	"unicode"
)

// Entity types. Named entities are PERSON, ORG, PLACE or MISC; plain noun
// phrases are CONCEPT.
const (
	Person  = "PERSON"
	Org     = "ORG"
	Place   = "PLACE"
	Misc    = "MISC"
	Concept = "CONCEPT"
)

// Errors returned by the store.
var (
	ErrNotFound = errors.New("graph: not found")
	ErrLocked   = errors.New("graph: store is in use by another process")
	ErrReadOnly = errors.New("graph: store is read-only")
	ErrTooLarge = errors.New("graph: document too large to store in one transaction")
	ErrConflict = errors.New("graph: document id already stored with different content")
	ErrInvalid  = errors.New("graph: invalid argument")
)

// Entity is a node of the graph.
type Entity struct {
	ID       string
	Name     string   // canonical name
	Type     string   // PERSON, ORG, PLACE, MISC or CONCEPT
	Aliases  []string // every name it was mentioned by, canonical name included
	Mentions int      // how many times it was mentioned

	// Keys, given on ingest, are names later documents may call it by
	// that do not match it to a stored entity now: a person's surname
	// ("Tillerson" for Rex Tillerson). They become aliases of a person.
	Keys []string

	// Local names say who it is only within its document: "the Finance
	// Ministry", "Central Bank" (which country's, the document says).
	// They stay aliases, but the store never finds a stored entity by
	// them; an entity whose name is local is a new one.
	Local []string

	// Guessed says a person's, a place's or a one-word company's type is
	// only a guess:
	// no title, first name, gazetteer or context said so. A stored
	// company whose name is a guessed person's with a legal suffix
	// ("Morgan Stanley and Co Inc" for "Morgan Stanley") is then what it
	// names, and so is the one stored person whose surname a guessed
	// place or company of one word is ("Baldrige" for Malcolm Baldrige;
	// "Liedtke said" in business news, typed a company only because one
	// word is more often a company's name there, for J. Hugh Liedtke).
	Guessed bool

	Cursor string // where it stands in the listing that returned it
}

// Evidence is one sentence that states a triple.
type Evidence struct {
	DocumentID string
	Sentence   int    // index of the sentence in its document, from 0
	Text       string // the sentence
	Start, End int    // byte offsets of the sentence in the document text

	SubjectText  string // the words of the sentence that name the subject
	RelationText string
	ObjectText   string
	Confidence   float64
	AttributedTo string // who said it, when it is reported speech

	Cursor string // where it stands in the listing that returned it
}

// Triple is a subject–relation–object statement: an edge of the graph.
//
// Triples from the extractor carry one Evidence; a stored edge aggregates the
// evidence of every sentence that states it (see Store.Evidence).
type Triple struct {
	ID string

	Subject      string // canonical name of the subject entity
	Relation     string // normalised relation: lemmatised, lower case
	Object       string
	SubjectType  string
	ObjectType   string
	SubjectText  string // surface forms, as first seen
	RelationText string
	ObjectText   string

	Confidence   float64 // in [0,1]
	Count        int     // number of sentences stating it
	Negated      bool    // "did not meet"
	Modality     string  // "", or the modal that qualifies it ("could", "may", …)
	AttributedTo string  // speaker, for reported speech

	// Rule and Flags say how the extractor came by Confidence: its pattern
	// ("obj", "role", …) and what adjusted the weight ("named object",
	// "headline", …). kg extract prints them; the store keeps neither.
	Rule  string
	Flags []string

	SubjectID string // entity ids; set on stored triples
	ObjectID  string
	Cursor    string // where it stands in the listing that returned it

	Evidence []Evidence
}

// Document is one ingested text, with what the extractor found in it.
type Document struct {
	ID     string
	Title  string
	Source string
	URL    string
	Date   string
	Hash   string // content hash of the text; equal hashes are the same document

	Sentences int
	Tokens    int

	// Entities names every entity the document mentions, with the aliases
	// it used for it and how often. Triples name their ends by Entity.Name.
	Entities []Entity
	Triples  []Triple
}

// Pattern selects triples. A blank field matches anything. Subject and
// Object are entity names or aliases, matched case-insensitively.
type Pattern struct {
	Subject  string
	Relation string
	Object   string

	SubjectID string // entity ids ("E12"); they take precedence over names
	ObjectID  string

	// Filter narrows the triples further. Its Types apply to the object
	// when only the subject is given, to the subject when only the object
	// is, and to either end otherwise.
	Filter EdgeFilter
}

// IsZero reports whether p selects every triple.
func (p Pattern) IsZero() bool {
	return p.Subject == "" && p.Relation == "" && p.Object == "" && p.SubjectID == "" && p.ObjectID == "" && p.Filter.IsZero()
}

// Page selects a window of a long list: at most Limit items after the
// opaque cursor After (blank: from the start).
type Page struct {
	After string
	Limit int
}

// decimalPoint reports whether the full stop at byte i of s stands between
// two digits.
func decimalPoint(s string, i int) bool {
	return i > 0 && i+1 < len(s) && '0' <= s[i-1] && s[i-1] <= '9' && '0' <= s[i+1] && s[i+1] <= '9'
}

// Stats counts what the store holds.
type Stats struct {
	Documents int
	Sentences int
	Tokens    int
	Entities  int
	Triples   int
	Relations int
	Evidence  int
}

// Fold returns the key under which a name is looked up: lower case, without
// full stops, with one kind of apostrophe and single spaces. "U.S." and "us"
// fold alike; a decimal point is kept ("4.8 pct" is not "48 pct").
func Fold(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	space := false
	for i, r := range name {
		switch {
		case r == '.' && !decimalPoint(name, i):
			continue
		case r == '’' || r == '‘' || r == '`':
			r = '\''
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
