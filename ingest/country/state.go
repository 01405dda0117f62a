package country

import "strings"

// The fifty states of the United States and the District of Columbia,
// with the abbreviations news writes after a city ("Trenton, N.J.",
// "San Jose, Calif."): the Associated Press's, as Reuters uses them.
// Postal codes are left out but for the dotted pairs ("N.J." is also the
// AP's): "IN", "OR", "ME" are words.
var states = []struct {
	name  string
	abbrs []string
}{
	{"Alabama", []string{"Ala."}}, {"Alaska", nil}, {"Arizona", []string{"Ariz."}},
	{"Arkansas", []string{"Ark."}}, {"California", []string{"Calif.", "Cal."}},
	{"Colorado", []string{"Colo."}}, {"Connecticut", []string{"Conn."}}, {"Delaware", []string{"Del."}},
	{"District of Columbia", []string{"D.C."}}, {"Florida", []string{"Fla."}}, {"Hawaii", nil},
	{"Idaho", nil}, {"Illinois", []string{"Ill."}}, {"Indiana", []string{"Ind."}}, {"Iowa", nil},
	{"Kansas", []string{"Kan.", "Kans."}}, {"Kentucky", []string{"Ky."}}, {"Louisiana", []string{"La."}},
	{"Maine", nil}, {"Maryland", []string{"Md."}}, {"Massachusetts", []string{"Mass."}},
	{"Michigan", []string{"Mich."}}, {"Minnesota", []string{"Minn."}}, {"Mississippi", []string{"Miss."}},
	{"Missouri", []string{"Mo."}}, {"Montana", []string{"Mont."}}, {"Nebraska", []string{"Neb.", "Nebr."}},
	{"Nevada", []string{"Nev."}}, {"New Hampshire", []string{"N.H."}}, {"New Jersey", []string{"N.J."}},
	{"New Mexico", []string{"N.M.", "N.Mex."}}, {"New York", []string{"N.Y."}},
	{"North Carolina", []string{"N.C."}}, {"North Dakota", []string{"N.D.", "N.Dak."}}, {"Ohio", nil},
	{"Oklahoma", []string{"Okla."}}, {"Oregon", []string{"Ore.", "Oreg."}},
	{"Pennsylvania", []string{"Pa.", "Penn.", "Penna."}}, {"Rhode Island", []string{"R.I."}},
	{"South Carolina", []string{"S.C."}}, {"South Dakota", []string{"S.D.", "S.Dak."}},
	{"Tennessee", []string{"Tenn."}}, {"Texas", []string{"Tex."}}, {"Utah", nil}, {"Vermont", []string{"Vt."}},
	{"Virginia", []string{"Va."}}, {"Washington", []string{"Wash."}}, {"West Virginia", []string{"W.Va.", "W.Va"}},
	{"Wisconsin", []string{"Wis.", "Wisc."}}, {"Wyoming", []string{"Wyo."}},
}

// byState maps a state's name and abbreviations, as written, to its name.
// Abbreviations count with their full stop, and without it when they are
// four letters or more and no English word ("Calif", "Conn", not "Miss",
// "Wash").
var byState = func() map[string]string {
	m := map[string]string{}
	for _, s := range states {
		m[s.name] = s.name
		for _, a := range s.abbrs {
			m[a] = s.name
			bare := strings.TrimSuffix(a, ".")
			if len(bare) >= 4 && !strings.Contains(bare, ".") && bare != "Miss" && bare != "Wash" && bare != "Mass" &&
				bare != "Cal" && bare != "Penn" && bare != "Mont" {
				m[bare] = s.name
			}
		}
	}
	return m
}()

// State finds a state of the United States by its name or abbreviation as
// written: "N.J." and "New Jersey" → "New Jersey", "Calif" → "California".
// A state is not a country: Lookup does not find it.
func State(name string) (string, bool) {
	s, ok := byState[strings.TrimSpace(name)]
	return s, ok
}
