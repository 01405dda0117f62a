package country

import "testing"

func TestLookup(t *testing.T) {
	tests := []struct {
		name string
		want string // "" when no country
	}{
		{"United States", "United States"},
		{"Kampuchea", "Cambodia"}, // a former name
		{"Upper Volta", "Burkina Faso"},
		{"the United States", "United States"},
		{"United States of America", "United States"},
		{"US", "United States"},
		{"U.S.", "United States"},
		{"USA", "United States"},
		{"U.S.A.", "United States"},
		{"Us", ""}, // codes only in capitals
		{"us", ""}, // the pronoun
		{"FR", ""}, // initials of the official name only, never two letters
		{"PR", ""}, // not a UN member's common name
		{"UK", "United Kingdom"},
		{"Great Britain", "United Kingdom"},
		{"Britain", "United Kingdom"},
		{"Russian Federation", "Russia"},
		{"russia", "Russia"},
		{"Syrian Arab Republic", "Syria"},
		{"UAE", "United Arab Emirates"},
		{"The Netherlands", "Netherlands"},
		{"Holland", "Netherlands"},
		{"United Nations", ""}, // not a country
		{"Russian", ""},        // a demonym, not a name
		{"Moscow", ""},         // a capital, not a country
	}
	for _, tt := range tests {
		if got := nameOf(Lookup(tt.name)); got != tt.want {
			t.Errorf("Lookup(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestByDemonym(t *testing.T) {
	tests := []struct {
		word, want string
		plural     bool
	}{
		{"Russian", "Russia", false},
		{"Russians", "Russia", true},
		{"Filipinos", "Philippines", true},
		{"Syrian", "Syria", false},
		{"American", "United States", false}, // shared with US territories: the UN member takes it
		{"Americans", "United States", true},
		{"French", "France", false},
		{"Chinese", "China", false},
		{"Israelis", "Israel", true},
		{"British", "United Kingdom", false},
		{"Frenchs", "", false},
		{"Oil", "", false},
	}
	for _, tt := range tests {
		if got := nameOf(ByDemonym(tt.word)); got != tt.want {
			t.Errorf("ByDemonym(%q) = %q, want %q", tt.word, got, tt.want)
		}
		if p := IsPlural(tt.word); p != tt.plural {
			t.Errorf("IsPlural(%q) = %v, want %v", tt.word, p, tt.plural)
		}
	}
}

func TestCapital(t *testing.T) {
	for name, want := range map[string]string{"Moscow": "Russia", "Washington": "United States", "Damascus": "Syria", "Springfield": ""} {
		if got := nameOf(Capital(name)); got != want {
			t.Errorf("Capital(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestTableUnique(t *testing.T) {
	seen := map[string]string{}
	for _, c := range All() {
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			if _, isCode := asCode(n); isCode {
				continue
			}
			f := Fold(n)
			if other, ok := seen[f]; ok && other != c.Name {
				t.Errorf("%q names both %s and %s", n, other, c.Name)
			}
			seen[f] = c.Name
		}
	}
	if len(seen) < 400 {
		t.Errorf("only %d names: is the table generated?", len(seen))
	}
}

// nameOf is the name of a country found, or "" when none was.
func nameOf(c *Country, ok bool) string {
	if !ok {
		return ""
	}
	return c.Name
}

func TestState(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"N.J.", "New Jersey", true},
		{"New Jersey", "New Jersey", true},
		{"Calif.", "California", true},
		{"Calif", "California", true},
		{"Nev.", "Nevada", true},
		{"Miss.", "Mississippi", true},
		{"Miss", "", false}, // a title
		{"Wash", "", false},
		{"IN", "", false}, // a word
		{"Canada", "", false},
	}
	for _, tt := range tests {
		got, ok := State(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("State(%q) = %q, %t, want %q, %t", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestTownsAndDivisions(t *testing.T) {
	for _, tc := range []struct {
		name       string
		town, div  bool
		atLeastPop int
	}{
		{"Stuttgart", true, false, 500000},
		{"Moenchengladbach", true, false, 200000},
		{"Mönchengladbach", true, false, 200000},
		{"Sao Paulo", true, true, 1000000},
		{"SAO PAULO", true, true, 1000000},
		{"Alice Springs", true, false, 15000},
		{"Mato Grosso do Sul", false, true, 0},
		{"Bavaria", false, true, 0},
		{"Matane", false, false, 0}, // under 15,000 people
		{"Xyzzyville", false, false, 0},
	} {
		pop, ok := Town(tc.name)
		if ok != tc.town || pop < tc.atLeastPop {
			t.Errorf("Town(%q) = %d, %v; want %v, at least %d", tc.name, pop, ok, tc.town, tc.atLeastPop)
		}
		if got := Division(tc.name); got != tc.div {
			t.Errorf("Division(%q) = %v, want %v", tc.name, got, tc.div)
		}
	}
}
