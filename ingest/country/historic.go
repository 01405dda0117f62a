package country

// historic are countries that news of their day names but that the
// world-countries data, which lists today's, lacks: a dispatch of 1987
// about the Soviet Union or West Germany is about a country, not an
// organisation. They have no capitals here: Moscow and Berlin stay
// today's countries'.
var historic = []Country{
	{Name: "Soviet Union", Official: "Union of Soviet Socialist Republics", Code: "SU",
		Aliases: []string{"Union of Soviet Socialist Republics", "USSR"}, Demonyms: []string{"Soviet"}},
	{Name: "West Germany", Official: "Federal Republic of Germany", Code: "DE",
		Aliases: []string{"W. Germany"}, Demonyms: []string{"West German"}},
	{Name: "East Germany", Official: "German Democratic Republic", Code: "DD",
		Aliases: []string{"German Democratic Republic", "E. Germany"}, Demonyms: []string{"East German"}},
	{Name: "Yugoslavia", Official: "Socialist Federal Republic of Yugoslavia", Code: "YU",
		Aliases: []string{"Socialist Federal Republic of Yugoslavia"}, Demonyms: []string{"Yugoslav"}},
	{Name: "Czechoslovakia", Official: "Czechoslovak Socialist Republic", Code: "CS",
		Aliases: []string{"Czechoslovak Socialist Republic"}, Demonyms: []string{"Czechoslovak"}},
	{Name: "Zaire", Official: "Republic of Zaire", Code: "ZR",
		Aliases: []string{"Republic of Zaire"}, Demonyms: []string{"Zairean", "Zairian"}},
}

// formerNames are names a country went by in the news of their day that
// today's data lacks, with its demonym then: "Kampuchea" (Cambodia until
// 1989), "Upper Volta" (Burkina Faso until 1984). They find today's country.
var formerNames = map[string]struct{ country, demonym string }{
	"Kampuchea":   {"Cambodia", "Kampuchean"},
	"Upper Volta": {"Burkina Faso", "Upper Voltan"},
	"Dahomey":     {"Benin", "Dahomeyan"},
	"Ceylon":      {"Sri Lanka", "Ceylonese"},
}
