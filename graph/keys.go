package graph

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
)

// Key layout. Every keyspace has its own first byte; ids are big-endian
// uint64 so that keys sort by id.
//
//	m name                      meta counter (uint64)
//	E eid                       entity record
//	A fold(alias) 0 eid         alias index (the canonical name is an alias)
//	T tid                       edge record
//	S sid rel 0 oid qual        edges by subject   → tid
//	O oid rel 0 sid qual        edges by object    → tid
//	R rel 0 sid oid qual        edges by relation  → tid
//	V tid dseq n                evidence record
//	N rel                       number of edges with relation rel (uint64)
//	D docID                     document record
//	H hash                      document id by content hash
//	Q dseq                      document id by ingest order
//	X eid fold(alias)           a user split alias off entity eid: never re-added
//	M eid dseq                  what document dseq contributed to entity eid
//	W word 0 eid fold(alias)    word index: one key per word of each alias key (see aliasWords)
//
// qual is one byte (1 when negated) followed by the modality.
const (
	pMeta     = 'm'
	pEntity   = 'E'
	pAlias    = 'A'
	pEdge     = 'T'
	pBySubj   = 'S'
	pByObj    = 'O'
	pByRel    = 'R'
	pEvidence = 'V'
	pRelation = 'N'
	pDoc      = 'D'
	pHash     = 'H'
	pDocSeq   = 'Q'
	pDecision = 'X'
	pMention  = 'M'
	pWord     = 'W'
)

func u64(b []byte, v uint64) []byte { return binary.BigEndian.AppendUint64(b, v) }

func key(p byte, parts ...any) []byte {
	k := []byte{p}
	for _, x := range parts {
		switch v := x.(type) {
		case uint64:
			k = u64(k, v)
		case uint32:
			k = binary.BigEndian.AppendUint32(k, v)
		case string:
			k = append(k, v...)
		case []byte:
			k = append(k, v...)
		case byte:
			k = append(k, v)
		default:
			panic(fmt.Sprintf("graph: key part %T", x)) // programming error, never input
		}
	}
	return k
}

func qual(neg bool, modality string) []byte {
	b := []byte{0}
	if neg {
		b[0] = 1
	}
	return append(b, modality...)
}

// edgeKeys are the three index keys of an edge.
func edgeKeys(sid uint64, rel string, oid uint64, q []byte) (bySubj, byObj, byRel []byte) {
	return key(pBySubj, sid, rel, byte(0), oid, q),
		key(pByObj, oid, rel, byte(0), sid, q),
		key(pByRel, rel, byte(0), sid, oid, q)
}

func aliasKey(alias string, eid uint64) []byte {
	return key(pAlias, Fold(alias), byte(0), eid)
}

// idOf reads the trailing id of an alias key.
func idOfAlias(k []byte) uint64 { return binary.BigEndian.Uint64(k[len(k)-8:]) }

// Entity and triple ids, as shown to users: "E12", "T7".
func entityID(id uint64) string { return "E" + strconv.FormatUint(id, 10) }
func tripleID(id uint64) string { return "T" + strconv.FormatUint(id, 10) }

func parseID(s string, prefix byte) (uint64, bool) {
	if len(s) < 2 || (s[0] != prefix && s[0] != prefix+('a'-'A')) {
		return 0, false
	}
	v, err := strconv.ParseUint(s[1:], 10, 64)
	return v, err == nil && v > 0
}

// cursors are opaque to callers: base64 of the last key returned.
func cursor(k []byte) string { return base64.RawURLEncoding.EncodeToString(k) }

func uncursor(c string, prefix []byte) ([]byte, error) {
	if c == "" {
		return nil, nil
	}
	k, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !strings.HasPrefix(string(k), string(prefix)) {
		return nil, fmt.Errorf("cursor %q: %w", c, ErrInvalid)
	}
	return k, nil
}
