package country

import (
	"strconv"
	"strings"
	"sync"
)

//go:generate node places_gen.mjs places.go ../../web/node_modules

var (
	placesOnce sync.Once
	towns      map[string]int  // folded name → largest population
	divisions  map[string]bool // folded name
)

func loadPlaces() {
	towns = make(map[string]int, 23000)
	for _, line := range strings.Split(townData, "\n") {
		name, pop, _ := strings.Cut(line, "\t")
		n, _ := strconv.Atoi(pop)
		name = strings.ToLower(name)
		towns[name] = max(towns[name], n)
	}
	divisions = make(map[string]bool, 6300)
	for _, name := range strings.Split(divisionData, "\n") {
		divisions[strings.ToLower(name)] = true
	}
}

// Town reports the population of the largest town of at least 15,000
// people named name ("Stuttgart", "Sao Paulo", "Moenchengladbach"),
// whatever its case. Many towns share their names with people and
// companies ("Jackson", "Toyota"): a town's name is evidence of a place,
// not proof.
func Town(name string) (int, bool) {
	placesOnce.Do(loadPlaces)
	n, ok := towns[strings.ToLower(name)]
	return n, ok
}

// Division reports whether name is a first-level division of a country, a
// state, province or region ("Mato Grosso do Sul", "Bavaria", "Hesse"),
// whatever its case.
func Division(name string) bool {
	placesOnce.Do(loadPlaces)
	return divisions[strings.ToLower(name)]
}
