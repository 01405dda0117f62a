package export

import (
	"bufio"
	"encoding/json"
	"errors"

	"github.com/kg-builder/kg/graph"
)

// Edge is one line of the JSON Lines export.
type Edge struct {
	ID           string     `json:"id"`
	Subject      End        `json:"subject"`
	Relation     string     `json:"relation"`
	Object       End        `json:"object"`
	RelationText string     `json:"relation_text"`
	Confidence   float64    `json:"confidence"`
	Count        int        `json:"count"`
	Negated      bool       `json:"negated"`
	Modality     string     `json:"modality"`
	AttributedTo string     `json:"attributed_to"`
	Evidence     []Sentence `json:"evidence"`
}

// End is an end of an edge.
type End struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
	Text string `json:"text"` // the words that first named it for this edge
}

// Sentence is a sentence that states an edge.
type Sentence struct {
	Document     Document `json:"document"`
	Sentence     int      `json:"sentence"` // index in the document, from 0
	Text         string   `json:"text"`
	Start        int      `json:"start"` // byte offsets in the document's text
	End          int      `json:"end"`
	SubjectText  string   `json:"subject_text"`
	RelationText string   `json:"relation_text"`
	ObjectText   string   `json:"object_text"`
	Confidence   float64  `json:"confidence"`
	AttributedTo string   `json:"attributed_to"`
}

// Document names the document a sentence comes from.
type Document struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Source string `json:"source"`
	URL    string `json:"url"`
}

func (x *exporter) jsonl(w *bufio.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	docs := map[string]Document{} // a cache, cleared when large
	doc := func(id string) (Document, error) {
		if d, ok := docs[id]; ok {
			return d, nil
		}
		info, err := x.sn.Document(id)
		if errors.Is(err, graph.ErrNotFound) {
			return Document{ID: id}, nil
		}
		if err != nil {
			return Document{}, err
		}
		if len(docs) > 10000 {
			clear(docs)
		}
		d := Document{ID: info.ID, Title: info.Title, Date: info.Date, Source: info.Source, URL: info.URL}
		docs[id] = d
		return d, nil
	}
	return x.edges(func(t graph.Triple) error {
		ev, err := x.sn.Evidence(t.ID)
		if err != nil {
			return err
		}
		e := Edge{
			ID:       t.ID,
			Subject:  End{ID: t.SubjectID, Name: t.Subject, Type: t.SubjectType, Text: t.SubjectText},
			Relation: t.Relation,
			Object:   End{ID: t.ObjectID, Name: t.Object, Type: t.ObjectType, Text: t.ObjectText},

			RelationText: t.RelationText, Confidence: t.Confidence, Count: t.Count, Negated: t.Negated,
			Modality: t.Modality, AttributedTo: t.AttributedTo,
			Evidence: make([]Sentence, 0, len(ev)),
		}
		for _, s := range ev {
			d, err := doc(s.DocumentID)
			if err != nil {
				return err
			}
			e.Evidence = append(e.Evidence, Sentence{Document: d, Sentence: s.Sentence, Text: s.Text, Start: s.Start,
				End: s.End, SubjectText: s.SubjectText, RelationText: s.RelationText, ObjectText: s.ObjectText,
				Confidence: s.Confidence, AttributedTo: s.AttributedTo})
		}
		return enc.Encode(e)
	})
}
