package parse

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

const magic = "kgparse1"

// ErrBadModel is wrapped by Load's errors about the model's bytes.
var ErrBadModel = errors.New("parse: bad model")

type header struct {
	XPOS    []string          `json:"xpos"`
	UPOS    []string          `json:"upos"`
	TagDict map[string]int    `json:"tag_dict"`
	Labels  []string          `json:"labels"`
	Amb     map[string]string `json:"ambiguity"`
	WordNet *WordNet          `json:"wordnet,omitempty"`
}

// Write writes the model, gzip-compressed; Load reads it back.
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	h, err := json.Marshal(header{m.xpos, m.upos, m.tagDict, m.labels, m.ambText, m.wordnet})
	if err != nil {
		return err
	}
	putUvarint(bw, uint64(len(h)))
	bw.Write(h)
	for _, t := range []*table{m.tagger, m.parser} {
		putUvarint(bw, uint64(len(t.keys)))
		prev := uint64(0)
		for _, k := range t.keys {
			putUvarint(bw, k-prev)
			prev = k
		}
		lo := uint32(0)
		for _, hi := range t.off {
			putUvarint(bw, uint64(hi-lo))
			lo = hi
		}
		bw.Write(t.cls)
		for _, x := range t.w {
			putUvarint(bw, uint64((int64(x)<<1)^(int64(x)>>63)))
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func putUvarint(w *bufio.Writer, v uint64) {
	var b [binary.MaxVarintLen64]byte
	w.Write(b[:binary.PutUvarint(b[:], v)])
}

// Load reads a model written by Write.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	m, err := read(br)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	return m, nil
}

func read(br *bufio.Reader) (*Model, error) {
	mg := make([]byte, len(magic))
	if _, err := io.ReadFull(br, mg); err != nil || string(mg) != magic {
		return nil, errors.New("not a kg parser model")
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<26 {
		return nil, errors.New("header")
	}
	hb := make([]byte, n)
	if _, err := io.ReadFull(br, hb); err != nil {
		return nil, err
	}
	var h header
	if err := json.Unmarshal(hb, &h); err != nil {
		return nil, err
	}
	if len(h.XPOS) == 0 || len(h.XPOS) != len(h.UPOS) || len(h.XPOS) > 256 || len(h.Labels) == 0 || 1+2*len(h.Labels) > 256 {
		return nil, errors.New("tag or label lists")
	}
	m := &Model{xpos: h.XPOS, upos: h.UPOS, tagDict: h.TagDict, labels: h.Labels, ambText: h.Amb, root: -1}
	// WordNet's forms are built while the tables are read
	var forms chan map[string]uint32
	if h.WordNet != nil {
		m.wordnet = h.WordNet
		forms = make(chan map[string]uint32, 1)
		go func() { forms <- h.WordNet.forms() }()
	}
	m.hashAmbiguity()
	for i, l := range m.labels {
		if l == "root" {
			m.root = i
		}
	}
	if m.root < 0 {
		return nil, errors.New("no root label")
	}
	for _, c := range m.tagDict {
		if c < 0 || c >= len(m.xpos) {
			return nil, errors.New("tag dictionary")
		}
	}
	// the tables, read whole: decoding varints from memory is faster than
	// through the reader
	rest, err := io.ReadAll(br)
	if err != nil {
		return nil, err
	}
	classes := []int{len(m.xpos), 1 + 2*len(m.labels)}
	indexed := make(chan struct{})
	for i := range 2 {
		t, n, err := decodeTable(rest, classes[i])
		if err != nil {
			return nil, err
		}
		rest = rest[n:]
		if i == 0 {
			m.tagger = t
			go func() { t.index(); close(indexed) }()
		} else {
			m.parser = t
			t.index()
		}
	}
	<-indexed
	if len(rest) != 0 {
		return nil, errors.New("trailing bytes")
	}
	if forms != nil {
		m.lex = <-forms
	}
	return m, nil
}

// decodeTable decodes a table written by Write from b, for a model of
// that many classes, and returns it, not yet indexed, with the number of
// bytes it took.
func decodeTable(b []byte, classes int) (*table, int, error) {
	at := 0
	uvarint := func() (uint64, error) {
		v, n := binary.Uvarint(b[at:])
		if n <= 0 {
			return 0, errors.New("truncated table")
		}
		at += n
		return v, nil
	}
	t := &table{}
	nk, err := uvarint()
	if err != nil || nk > 1<<28 || nk > uint64(len(b)) {
		return nil, 0, errors.New("table size")
	}
	t.keys = make([]uint64, nk)
	prev := uint64(0)
	for j := range t.keys {
		d, err := uvarint()
		if err != nil {
			return nil, 0, err
		}
		prev += d
		t.keys[j] = prev
	}
	t.off = make([]uint32, nk)
	total := uint64(0)
	for j := range t.off {
		c, err := uvarint()
		if err != nil || c > 256 {
			return nil, 0, errors.New("table row")
		}
		total += c
		t.off[j] = uint32(total)
	}
	if total >= 1<<24-1 || uint64(len(b)-at) < total {
		return nil, 0, errors.New("table too large")
	}
	t.cls = append([]uint8(nil), b[at:at+int(total)]...)
	at += int(total)
	for _, c := range t.cls {
		if int(c) >= classes {
			return nil, 0, errors.New("class out of range")
		}
	}
	t.w = make([]int16, total)
	for j := range t.w {
		v, err := uvarint()
		if err != nil {
			return nil, 0, err
		}
		t.w[j] = int16(int64(v>>1) ^ -int64(v&1))
	}
	return t, at, nil
}
