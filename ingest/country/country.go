// Package country knows the world's countries by every name news gives them:
// common and official names, alternative spellings, the codes written as
// initials ("US", "U.S.", "USA", "UK"), demonyms ("Russian", "Russians") and
// capitals.
//
// Its table is generated from the world-countries npm package (mledoze's
// countries data, ODbL 1.0); see gen.go.
package country

import (
	"strings"

	"github.com/kg-builder/kg/graph"
)

//go:generate go run gen.go -in ../../web/node_modules/world-countries/countries.json -out table.go

// Country is one country or territory.
type Country struct {
	Name     string // common English name, the canonical one: "Russia"
	Official string // "Russian Federation"
	Code     string // ISO 3166-1 alpha-2
	UN       bool   // a member of the United Nations
	Aliases  []string
	Demonyms []string // "Russian"
	Capitals []string
}

var (
	byName    = map[string]*Country{}
	byCode    = map[string]*Country{} // "US", "USA": matched in capitals only
	byDemonym = map[string]*Country{}
	plurals   = map[string]bool{} // folded plural demonyms: "russians"
	capitals  = map[string]*Country{}
)

func init() {
	table = append(table, historic...)
	for i := range table {
		c := &table[i]
		byName[Fold(c.Name)] = c
	}
	for i := range table {
		c := &table[i]
		for _, a := range c.Aliases {
			if code, ok := asCode(a); ok {
				byCode[code] = c
				continue
			}
			if _, ok := byName[Fold(a)]; !ok {
				byName[Fold(a)] = c
			}
		}
		for _, d := range c.Demonyms {
			byDemonym[Fold(d)] = c
			if p := plural(d); p != "" {
				byDemonym[Fold(p)] = c
				plurals[Fold(p)] = true
			}
		}
		for _, cp := range c.Capitals {
			capitals[Fold(cp)] = c
		}
	}
	for old, now := range formerNames {
		if c, ok := byName[Fold(now.country)]; ok {
			if _, taken := byName[Fold(old)]; !taken {
				byName[Fold(old)] = c
			}
			if _, taken := byDemonym[Fold(now.demonym)]; !taken {
				byDemonym[Fold(now.demonym)] = c
			}
		}
	}
}

// Lookup finds the country a name stands for: "U.S.", "USA", "United States
// of America" all give the United States. Case, full stops and a leading
// "the" do not matter, except that codes match only in capitals: "US" is
// the United States, "Us" is not.
func Lookup(name string) (*Country, bool) {
	if code, ok := asCode(name); ok {
		c, ok := byCode[code]
		return c, ok
	}
	c, ok := byName[Fold(name)]
	return c, ok
}

// asCode reads a country code, with or without full stops: "U.S." → "US".
func asCode(s string) (string, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ".", "")
	if len(s) < 2 || len(s) > 3 {
		return "", false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return "", false
		}
	}
	return s, true
}

// ByDemonym finds the country of a demonym, singular or plural: "Syrian",
// "Syrians", "French".
func ByDemonym(word string) (*Country, bool) {
	c, ok := byDemonym[Fold(word)]
	return c, ok
}

// IsPlural reports whether word is the plural of a demonym ("Russians"),
// which names a people rather than qualifying a noun.
func IsPlural(word string) bool { return plurals[Fold(word)] }

// Capital finds the country whose capital name is: "Moscow".
func Capital(name string) (*Country, bool) {
	c, ok := capitals[Fold(name)]
	return c, ok
}

// All lists every country, by name.
func All() []Country { return append([]Country(nil), table...) }

// plural forms the plural of a demonym as English does: Russian-s,
// Israeli-s, Filipino-s; "French", "Chinese" and "Swiss" have none.
func plural(d string) string {
	if strings.ContainsAny(d, " -") {
		return ""
	}
	switch d[len(d)-1] {
	case 'n', 'i', 'o':
		return d + "s"
	}
	return ""
}

// Fold is the lookup key of a name: graph.Fold (lower case, without full
// stops, single spaces) without a leading "the".
func Fold(s string) string {
	return strings.TrimPrefix(graph.Fold(s), "the ")
}
