package ingest

import (
	"context"
	"testing"

	"github.com/kg-builder/kg/graph"
)

// TestEntityRules checks each rule of recognition, typing and in-document
// resolution on a sentence of its own: want lists entities the document
// must give (name and type, or any type when blank, and aliases it must
// hold), not lists names that must not be entities.
func TestEntityRules(t *testing.T) {
	ex, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	type ent struct{ name, typ string }
	tests := []struct {
		rule    string
		text    string
		want    []ent
		aliases map[string][]string // entity → aliases it must hold
		not     []string
	}{
		{"company suffix types an ORG", "Deutsche Bank AG said profits rose. Tribune Co bought a station.",
			[]ent{{"Deutsche Bank AG", graph.Org}, {"Tribune Co", graph.Org}}, nil, nil},
		{"a ticker is evidence, never part of the name", "GTE <GTE> said it would buy Contel Corp <CTC>.",
			[]ent{{"GTE", graph.Org}, {"Contel Corp", graph.Org}}, nil, []string{"<GTE>", "GTE <GTE>", "<CTC>"}},
		{"Reuters brackets are markup", "<Chartham Management Corp> said it bought the hotel.",
			[]ent{{"Chartham Management Corp", graph.Org}}, nil, []string{"<Chartham Management Corp>", "Corp>"}},
		{"and inside a body's name", "The Securities and Exchange Commission sued the Grain and Feed Trade Association.",
			[]ent{{"Securities and Exchange Commission", graph.Org}, {"Grain and Feed Trade Association", graph.Org}},
			nil, []string{"Exchange Commission", "Securities", "Feed Trade Association"}},
		{"and inside a firm's name", "Morgan Stanley and Co Inc led the offering. Standard and Poor's said it may cut the rating.",
			[]ent{{"Morgan Stanley and Co Inc", graph.Org}, {"Standard and Poor's", graph.Org}}, nil, []string{"Poor"}},
		{"two companies stay two", "Chrysler Corp and Ford Motor Co raised prices.",
			[]ent{{"Chrysler Corp", graph.Org}, {"Ford Motor Co", graph.Org}}, nil, nil},
		{"table labels are no entities", "Shr 1.20 dlrs vs 1.10 dlrs.\nNote: the company paid a dividend.\nAvg shrs 12.5 mln.",
			nil, nil, []string{"Shr", "Note", "Avg"}},
		{"sentence-initial ordinary words", "Asked about the deal, the company declined comment.",
			nil, nil, []string{"Asked"}},
		{"state abbreviations", "Acme Corp of Trenton, N.J., and Widget Inc of San Jose, Calif., merged. New Jersey approved.",
			[]ent{{"New Jersey", graph.Place}, {"California", graph.Place}}, nil, []string{"N.J.", "Calif"}},
		{"a country absorbs no company", "Ford Canada said sales rose in Canada.",
			[]ent{{"Canada", graph.Place}, {"Ford Canada", ""}}, nil, nil},
		{"a title before a country is no title", "It said Burger King USA reported higher sales in the USA.",
			[]ent{{"Burger King USA", ""}, {"United States", graph.Place}}, nil, nil},
		{"a country's possessive is the country", "Japan's ruling party met. Standard and Poor's said it may cut the rating.",
			[]ent{{"Japan", graph.Place}, {"Standard and Poor's", graph.Org}}, nil, []string{"Japan's"}},
		{"General before one word is a company's name", "General Dynamics sold the unit. General John Galvin met Anna Varga.",
			[]ent{{"General Dynamics", ""}, {"John Galvin", graph.Person}}, nil, []string{"Dynamics"}},
		{"a woman's title keeps her apart", "Mrs Reagan met President Reagan.",
			[]ent{{"Mrs Reagan", graph.Person}, {"Reagan", graph.Person}}, nil, nil},
		{"acronym linked by brackets", "The Cereals Intervention Board (ONIC) said ONIC would sell wheat.",
			[]ent{{"Cereals Intervention Board", graph.Org}}, map[string][]string{"Cereals Intervention Board": {"ONIC"}}, []string{"ONIC"}},
		{"acronym in apposition", "The French Maize Producers Association, AGPM, said General Motors Corp, IBM and Ford agreed.",
			[]ent{{"French Maize Producers Association", graph.Org}, {"IBM", graph.Org}},
			map[string][]string{"French Maize Producers Association": {"AGPM"}}, []string{"AGPM"}},
		{"acronym spelling the name", "The U.S. Department of Agriculture said USDA would buy wheat. British Petroleum Co PLC said BP would invest.",
			[]ent{{"U.S. Department of Agriculture", graph.Org}, {"British Petroleum Co PLC", graph.Org}},
			map[string][]string{"U.S. Department of Agriculture": {"USDA"}, "British Petroleum Co PLC": {"BP"}}, []string{"USDA", "BP"}},
		{"an acronym is no prefix", "The European Community said EC ministers and the EC Commission agreed.",
			[]ent{{"European Community", graph.Org}, {"EC Commission", graph.Org}},
			map[string][]string{"European Community": {"EC"}}, []string{"EC"}},
		{"a company without its suffix", "Southmark Corp said Southmark would sell the unit.",
			[]ent{{"Southmark Corp", graph.Org}}, map[string][]string{"Southmark Corp": {"Southmark"}}, []string{"Southmark"}},
		{"a short name is not a part of a body", "The Senate Finance Committee said the Senate would vote.",
			[]ent{{"Senate Finance Committee", graph.Org}, {"Senate", graph.Org}}, nil, nil},
		{"a glued country is cut off", "Brazilian Finance Minister Dilson Funaro met Lawson. Lawson told Funaro Brazil had to pay.",
			[]ent{{"Dilson Funaro", graph.Person}, {"Brazil", graph.Place}}, nil, []string{"Funaro Brazil"}},
		{"a country glued before a person", "Prime Minister Yasuhiro Nakasone spoke. Officials in Japan Nakasone trusts would visit.",
			[]ent{{"Yasuhiro Nakasone", graph.Person}, {"Japan", graph.Place}}, nil, []string{"Japan Nakasone"}},
		{"a name the document gives alone is cut off a person's", "Agriculture Secretary Richard Lyng spoke of the Soviet Union. Asked about wheat for the Soviet Union Lyng said no.",
			[]ent{{"Richard Lyng", graph.Person}, {"Soviet Union", ""}}, nil, []string{"Soviet Union Lyng"}},
		{"a company's branch in a country", "Environment Canada said snow would fall. Ford Canada said sales rose in Eastern Canada.",
			[]ent{{"Environment Canada", graph.Org}, {"Ford Canada", graph.Org}, {"Eastern Canada", graph.Place}}, nil, nil},
		{"a person's shorter full name and their birth", "Jens Otto Harry Jespersen was a linguist. Otto Jespersen was born in Randers. Jespersen, who taught, wrote books.",
			[]ent{{"Jens Otto Harry Jespersen", graph.Person}}, map[string][]string{"Jens Otto Harry Jespersen": {"Otto Jespersen", "Jespersen"}}, nil},
		{"a demonym before an acronym owns it", "Spain worried about Spanish EC membership. The EC will import more.",
			[]ent{{"EC", graph.Org}}, nil, []string{"Spanish EC"}},
		{"partners listed before and Co", "Peter Greenbaum of Smith Barney, Harris Upham and Co Inc expects a rise. Chrysler, Ford and General Motors Corp raised prices.",
			[]ent{{"Smith Barney, Harris Upham and Co Inc", graph.Org}, {"General Motors Corp", graph.Org}}, nil,
			[]string{"Smith Barney", "Harris Upham and Co Inc"}},
		{"a list of firms stays a list", "The dealers are Lloyds, Samuel Montagu and Co Ltd, Morgan Grenfell and Co Ltd and S.G. Warburg and Co Ltd.",
			[]ent{{"Samuel Montagu and Co Ltd", graph.Org}}, nil, []string{"Lloyds, Samuel Montagu and Co Ltd"}},
		{"a person's title after its owner's name", "Finance Ministry State Secretary Hans Tietmeyer said the mark was stable. General Motors Chairman Roger Smith and Chief Cabinet Secretary Masaharu Gotoda agreed.",
			[]ent{{"Hans Tietmeyer", graph.Person}, {"Roger Smith", graph.Person}}, nil,
			[]string{"Finance Ministry State Secretary Hans Tietmeyer", "General Motors Chairman Roger Smith", "Chief Cabinet"}},
		{"a title and its owner without a name", "Tietmeyer is the current Finance Ministry State Secretary.",
			nil, nil, []string{"Finance Ministry State Secretary"}},
		{"a misspelt head still heads a body", "The Standstill Coordinating Commmittee met in Pretoria.",
			[]ent{{"Standstill Coordinating Commmittee", graph.Org}}, nil, nil},
		{"an initial inside a company's name, a person before of", "Paul Boltz of T. Rowe Price Associates Inc said rates would rise.",
			[]ent{{"Paul Boltz", graph.Person}, {"T. Rowe Price Associates Inc", graph.Org}}, nil,
			[]string{"Paul Boltz of T", "Rowe Price Associates Inc"}},
		{"an office named with of the", "The remarks echoed those of British Chancellor of the Exchequer Nigel Lawson, who met Funaro.",
			[]ent{{"Nigel Lawson", graph.Person}}, nil, []string{"Exchequer Nigel Lawson"}},
		{"a first name the tagger missed, an office in apposition", "Theodore Brophy, chairman of GTE, said sales rose.",
			[]ent{{"Theodore Brophy", graph.Person}}, nil, []string{"Brophy"}},
		{"a country before a company's name", "GTE Corp said it owns 50 pct of U.S. Sprint. Sprint lost money.",
			[]ent{{"U.S. Sprint", graph.Org}}, map[string][]string{"U.S. Sprint": {"Sprint"}}, []string{"Sprint"}},
		{"bodies named with a plural possessive and with of ... and", "The Wheat Producers' Association and the National Union of Agricultural and Cereal Cooperatives met.",
			[]ent{{"Wheat Producers' Association", graph.Org}, {"National Union of Agricultural and Cereal Cooperatives", graph.Org}},
			nil, []string{"Wheat Producers", "National Union of Agricultural"}},
		{"two bodies of one kind stay two", "The Department of Agriculture and Commerce Department officials met.",
			[]ent{{"Department of Agriculture", graph.Org}}, nil, []string{"Department of Agriculture and Commerce Department"}},
		{"particles of places", "Exports went through the port of Dar es Salaam and farmers in the state of Rio Grande do Sul protested.",
			[]ent{{"Dar es Salaam", graph.Place}, {"Rio Grande do Sul", graph.Place}}, nil, []string{"Dar", "Salaam", "Sul"}},
		{"names of armed forces", "The Iranians attacked the Qutaiba, Muthanna and Mohammed al-Qassem forces.",
			[]ent{{"Mohammed al-Qassem", graph.Org}, {"Muthanna", graph.Org}}, nil, nil},
		{"a company's possessive short name", "Oshman's Sporting Goods Inc said profit fell. It operates 188 Oshman's stores.",
			[]ent{{"Oshman's Sporting Goods Inc", graph.Org}}, map[string][]string{"Oshman's Sporting Goods Inc": {"Oshman's"}},
			[]string{"Oshman"}},
		{"a place or an English word is no short name of a body", "The Chicago Mercantile Exchange said trading in Chicago rose. The World Bank said World trade grew.",
			[]ent{{"Chicago Mercantile Exchange", graph.Org}, {"Chicago", graph.Place}, {"World Bank", graph.Org}}, nil, nil},
		{"initials are written in capitals", "It sold the trip from the United States as Europe on Us, it said.",
			[]ent{{"United States", graph.Place}, {"Us", ""}}, nil, nil},
		{"an apposition that relates two keeps them apart", "Nerco Minerals Co said the mine is owned by Nerco, a unit of Nerco Inc, it said. The show is hosted by Michael Reagan, son of President Reagan.",
			[]ent{{"Nerco Minerals Co", graph.Org}, {"Nerco Inc", graph.Org}, {"Michael Reagan", graph.Person}, {"Reagan", graph.Person}},
			map[string][]string{"Nerco Minerals Co": {"Nerco"}}, nil},
		{"a body every country has, named with its country", "Japan's Finance Ministry said it sold bonds. The Brazilian Foreign Ministry said the Foreign Ministry agreed.",
			[]ent{{"Japanese Finance Ministry", graph.Org}, {"Brazilian Foreign Ministry", graph.Org}},
			map[string][]string{"Japanese Finance Ministry": {"Finance Ministry"}, "Brazilian Foreign Ministry": {"Foreign Ministry"}},
			[]string{"Finance Ministry", "Foreign Ministry"}},
		{"a country of its day", "The Soviet Union bought wheat. The West German Finance Ministry said the USSR would pay.",
			[]ent{{"Soviet Union", graph.Place}, {"West German Finance Ministry", graph.Org}}, nil, []string{"USSR", "German Finance Ministry"}},
		{"the House is no short name of the White House", "The White House said the House would vote. House Speaker Jim Wright agreed.",
			[]ent{{"White House", graph.Org}, {"House", graph.Org}}, nil, nil},
		{"a legal suffix with full stops is no country", "Petroleos de Venezuela, S.A. said it will buy a refinery.",
			nil, nil, []string{"S.A.", "Saudi Arabia"}},
		{"an economic measure is no body", "Gross Domestic Product rose 2.1 pct.",
			[]ent{{"Gross Domestic Product", graph.Misc}}, nil, nil},
		{"an acronym takes the type of the name it spells out", "Acquired Immune Deficiency Syndrome (AIDS) spread. AIDS spread fast. AIDS worried doctors.",
			[]ent{{"Acquired Immune Deficiency Syndrome", graph.Misc}}, map[string][]string{"Acquired Immune Deficiency Syndrome": {"AIDS"}}, nil},
		{"the House begins no committee", "The House Ways and Means said the House would vote.",
			[]ent{{"House", graph.Org}}, nil, nil},
		{"a bank named head first", "Bank Hapoalim and Banco Itau raised rates.",
			[]ent{{"Bank Hapoalim", graph.Org}}, nil, nil},
		{"a place named head first", "Snow fell on Mount Kestrel and Lake Tamsin.",
			[]ent{{"Mount Kestrel", graph.Place}, {"Lake Tamsin", graph.Place}}, nil, nil},
		{"a town before its country or state", "Widget Co said it sold the plant in ZORVEC, Switzerland.",
			[]ent{{"ZORVEC", graph.Place}}, nil, nil},
		{"a model number is no body", "The airline ordered the CFM-56-S3 engine and the XR-70 jet.",
			[]ent{{"CFM-56-S3", graph.Misc}}, nil, nil},
		{"months joined by a slash are no entity", "Jan/Dec sales rose. March/April sold at 4,340 dlrs.",
			nil, nil, []string{"Jan/Dec", "March/April"}},
		{"General before an English word names a company", "General Cinema said it would own 60 pct of the company.",
			[]ent{{"General Cinema", graph.Org}}, nil, []string{"Cinema"}},
		{"a first word before the noun it qualifies", "Creditor banks met. Final dividend was set. Senior EC officials agreed with the Creditor Committee.",
			[]ent{{"EC", graph.Org}}, nil, []string{"Creditor", "Final", "Senior EC"}},
		{"a quotation's first word is a sentence's", "He said: \"Simply put, the Zelmar Group agreed.\"",
			nil, nil, []string{"Simply"}},
		{"names joined by a slash are no name", "Prices rose in Texas/Oklahoma and in Kansas, the IMF/World Bank meeting heard.",
			nil, nil, []string{"Texas/Oklahoma", "IMF/World Bank"}},
		{"a possessive or a place's adjective is not the name's", "Oats sold at today's Zentral Grain Board tender. The Paris-based Atlantic Council met.",
			[]ent{{"Zentral Grain Board", graph.Org}, {"Atlantic Council", graph.Org}}, nil, []string{"'s Zentral Grain Board", "Paris-based Atlantic Council"}},
		{"a firm of analysts is a body", "Agri Analysis said prices fell.",
			[]ent{{"Agri Analysis", graph.Org}}, nil, nil},
		{"an economy's measure is no body", "Real GDP rose. GDP growth slowed and the GNP deflator fell in real GNP terms.",
			[]ent{{"GDP", graph.Misc}, {"GNP", graph.Misc}}, nil, []string{"Real GDP"}},
		{"a short name of a company the document names with its suffix", "Zentor Energy Corp Ltd said it sold a mine. Officials at Zentor declined comment.",
			[]ent{{"Zentor Energy Corp Ltd", graph.Org}}, map[string][]string{"Zentor Energy Corp Ltd": {"Zentor"}}, nil},
		{"a company's short name prose takes for a place", "Orvex Trading Australia Ltd said it bought the mine. The Orvex offer is better, the seller said, and sales to Orvex rose.",
			[]ent{{"Orvex", graph.Org}}, nil, nil},
		{"a person's employer is no person", "\"Rates will rise,\" said William Dorne of Kessel Marrow. Jane Ruel, an analyst with Tamber Ridley, agreed.",
			[]ent{{"William Dorne", graph.Person}, {"Kessel Marrow", graph.Org}, {"Tamber Ridley", graph.Org}}, nil, nil},
		{"a state after a senator's name is no employer", "Senator Thomas Lott of Mississippi said he backed the bill. Farmers in Mississippi agreed.",
			[]ent{{"Thomas Lott", graph.Person}, {"Mississippi", graph.Place}}, nil, nil},
		{"a state in a headline after an acquiring verb", "KELVARA AGREES TO BUY MISSISSIPPI PIPELINE\n\nKelvara Inc said it agreed to buy a pipeline in Marion County, Mississippi.",
			[]ent{{"Mississippi", graph.Place}}, nil, nil},
		{"a person named in full who says it is no company", "New York investor George Soros said it was dissatisfied with Fairchild Industries Inc.",
			[]ent{{"George Soros", graph.Person}}, nil, nil},
		{"a body in a story datelined in a capital is that country's", "TOKYO, March 3 - The Finance Ministry said it would keep rates steady. The Finance Ministry also said exports rose.",
			[]ent{{"Japanese Finance Ministry", graph.Org}}, nil, []string{"Finance Ministry"}},
		{"a body in a story datelined in a state", "WASHINGTON, March 3 - The Treasury Department said it would sell bonds.",
			[]ent{{"U.S. Treasury Department", graph.Org}}, nil, nil},
		{"a country news never writes by its initials takes its demonym", "RIYADH, March 3 - The Finance Ministry said it would cut spending.",
			[]ent{{"Saudi Arabian Finance Ministry", graph.Org}}, nil, []string{"S.A. Finance Ministry"}},
		{"a dateline says nothing of a body when the story names another country", "WASHINGTON, March 3 - The Agriculture Department said Brazil bought wheat.",
			[]ent{{"Agriculture Department", graph.Org}}, nil, []string{"U.S. Agriculture Department"}},
		{"the text's country outweighs the dateline's", "LONDON, March 3 - Japan's Finance Ministry said it would act.",
			[]ent{{"Japanese Finance Ministry", graph.Org}}, nil, []string{"British Finance Ministry"}},
		{"a name with a ticker is a company everywhere", "Halvix <HLX> raised its dividend. Analysts said Halvix would grow.",
			[]ent{{"Halvix", graph.Org}}, nil, nil},
		{"said it and a company's verb", "Kelvara said it agreed to sell the plant.",
			[]ent{{"Kelvara", graph.Org}}, nil, nil},
		{"shares of a company and its board", "Shares of Drossmark rose. Trenholt's board approved the plan.",
			[]ent{{"Drossmark", graph.Org}, {"Trenholt", graph.Org}}, nil, nil},
		{"a company in apposition", "Morvik, a Tokyo securities firm, said prices rose. Fennick, a Boston investor group, holds shares.",
			[]ent{{"Morvik", graph.Org}, {"Fennick", graph.Org}}, nil, nil},
		{"a unit of a company, merged with a company", "Alder Mills is a unit of Brantwell. It merged with Quorvane last year.",
			[]ent{{"Brantwell", graph.Org}, {"Quorvane", graph.Org}}, nil, nil},
		{"a place that qualifies an acquired operation stays a place", "Velmar Inc bought Trask Corp of Dunmore, Ore. The newly acquired Dunmore operation runs 20 homes.",
			[]ent{{"Dunmore", graph.Place}}, nil, nil},
		{"a single word is no person on prose's label alone", "Ostrava Kasei Co said it would build a plant. Daikoro said sales rose 10 pct. Output fell.",
			[]ent{{"Daikoro", graph.Org}}, nil, nil},
		{"a surname followed by he is a person", "Drummel said he would resign from the board.",
			[]ent{{"Drummel", graph.Person}}, nil, nil},
		{"a surname with a title elsewhere is a person", "Mr Varkonyi spoke first. Prices would rise, Varkonyi said. Output fell.",
			[]ent{{"Varkonyi", graph.Person}}, nil, nil},
		{"lone names that talk are people", "Petrakov talked to Lindqvist.",
			[]ent{{"Petrakov", graph.Person}, {"Lindqvist", graph.Person}}, nil, nil},
		{"a sentence's full stop is no part of a short name", "The forecast came from analyst Dena Kay. Power will come from Norvik Dam.",
			[]ent{{"Dena Kay", ""}, {"Norvik Dam", graph.Place}}, nil, []string{"Dena Kay.", "Norvik Dam."}},
		{"a month's name as a person's last name", "Prices will fall, said economist Carla May. Output rose in May.",
			[]ent{{"Carla May", graph.Person}}, nil, []string{"Carla"}},
		{"confederations are bodies, dams places", "The Confederation of Latvian Industry opposed the Tarsk Dam.",
			[]ent{{"Confederation of Latvian Industry", graph.Org}, {"Tarsk Dam", graph.Place}}, nil, nil},
		{"French names of bodies with des and et", "The bond was led by Caisse des Prets et Garanties and Caisse Centrale Morinville.",
			[]ent{{"Caisse des Prets et Garanties", graph.Org}, {"Caisse Centrale Morinville", graph.Org}}, nil, []string{"Caisse"}},
		{"a country before a verb or a plural common noun is the country alone", "Talks between Norland and the U.S. Have made no progress. More U.K. Lenders are offering loans. American Ferries said it would buy ships.",
			[]ent{{"United States", graph.Place}, {"United Kingdom", graph.Place}, {"American Ferries", graph.Org}}, nil, []string{"U.S. Have", "U.K. Lenders"}},
		{"a bare head word stands for the body the text names, or for none", "The Reserve Bank of Kelvia said it would offer notes. The Bank said it would take up notes. Dealers said the Commission was silent about Tarvik Corp.",
			[]ent{{"Reserve Bank of Kelvia", graph.Org}}, map[string][]string{"Reserve Bank of Kelvia": {"Bank"}}, []string{"Bank", "Commission"}},
		{"a first word the text also writes in lower case", "Cocoa production will rise as Marvonia develops cocoa plantations. The Marvonian Cocoa Board said so. Expenditure rose, and expenditure will rise.",
			[]ent{{"Marvonian Cocoa Board", graph.Org}}, nil, []string{"Cocoa", "Expenditure"}},
		{"a model's capitals and digits", "Talbrook Motors Inc said it introduced its new VK7 sedan. The VK7 model sold well.",
			[]ent{{"VK7", graph.Misc}}, nil, nil},
		{"a body's name after a state's acronym joins its and", "The strike was called by the QLD Trades and Labour Council.",
			[]ent{{"QLD Trades and Labour Council", graph.Org}}, nil, []string{"QLD Trades", "Labour Council"}},
		{"times, ratings and date codes are no names", "Trading opened at 0900 GMT. The issue is rated AA-minus by Moody's and BBB by Fenwick Ratings Corp. MAR8 figures follow.",
			[]ent{{"Fenwick Ratings Corp", graph.Org}}, nil, []string{"GMT", "AA-minus", "BBB", "MAR8"}},
		{"an economic measure's acronym is no body", "Kelvia's GDP rose 2 pct while three-month LIBOR fell.",
			[]ent{{"GDP", graph.Misc}, {"LIBOR", graph.Misc}}, nil, nil},
		{"of before an owner's possessive ends a name", "Trellis Corp and Kelcom Corp closed the sale to Kelcom of Trellis's 50 pct interest. The Bank of Kelvia's governor spoke.",
			[]ent{{"Kelcom Corp", graph.Org}, {"Bank of Kelvia", graph.Org}}, nil, []string{"Kelcom of Trellis"}},
		{"a firm's name before its analyst's", "Halvex Marrow analyst Joan Perle said retail sales would rise.",
			[]ent{{"Halvex Marrow", graph.Org}, {"Joan Perle", graph.Person}}, nil, nil},
		{"a name that is a company's kind after a copula", "Pell Mart Corp failed to sell 65 Tressler variety stores. Tressler had been a nationwide chain of 900 stores. Joan Varga is a partner in a law firm.",
			[]ent{{"Tressler", graph.Org}, {"Joan Varga", graph.Person}}, nil, nil},
		{"a country's code before a singular common noun", "Canada rejected a U.K. Complaint that the law was unfair. U.K. Interest rates fell, and the U.K. Embassy said so.",
			[]ent{{"United Kingdom", graph.Place}}, nil, []string{"U.K. Complaint", "U.K. Interest"}},
		{"a company's kind before its name", "Joan Perle was head of the largest brokerage firm Halvex Marrow. Halvex Marrow said it rose.",
			[]ent{{"Halvex Marrow", graph.Org}, {"Joan Perle", graph.Person}}, nil, nil},
		{"a company's unit named by its markets or its country", "Halvex Marrow Capital Markets and Halvex Marrow International will lead the issue.",
			[]ent{{"Halvex Marrow Capital Markets", graph.Org}, {"Halvex Marrow International", graph.Org}}, nil, nil},
		{"and inside a savings association's name", "Regulators closed Home Savings and Loan Association in Kelvia.",
			[]ent{{"Home Savings and Loan Association", graph.Org}}, nil, []string{"Home Savings", "Loan Association"}},
		{"partners listed before a company's head", "Joan Perle, analyst at Halvex, Marrow and Kelvin Securities Corp, said he retired. Phelps, Bohr and Cassels resigned.",
			[]ent{{"Halvex, Marrow and Kelvin Securities Corp", graph.Org}}, nil, []string{"Phelps, Bohr and Cassels", "Kelvin Securities Corp"}},
		{"particles in a row inside a person's name", "The suit was filed by Eduardo de los Kelvar, a nominee. De los Kelvar told the court so.",
			[]ent{{"Eduardo de los Kelvar", graph.Person}}, map[string][]string{"Eduardo de los Kelvar": {"De los Kelvar"}}, []string{"Kelvar", "Eduardo"}},
		{"a firm's legal form is no name", "Trading in the units of Kelvara Holdings, a California Limited Partnership, was suspended. Kelvara Realty Partnership said it rose.",
			[]ent{{"Kelvara Holdings", graph.Org}, {"Kelvara Realty Partnership", graph.Org}}, nil, []string{"California Limited Partnership"}},
		{"a middle initial between two names", "Marvin R. Duncan, a member of the board, said the system faces difficulties. Kelvin Bates Worldwide and Turkiye Kelvar Bankasi rose.",
			[]ent{{"Marvin R. Duncan", graph.Person}, {"Kelvin Bates Worldwide", graph.Org}, {"Turkiye Kelvar Bankasi", graph.Org}}, nil, nil},
		{"a lower-case particle begins a name", "Boeing is attempting to recreate de Kelvilland Aircraft of Canada Ltd in its image. The president of de Kelvilland spoke.",
			[]ent{{"de Kelvilland Aircraft of Canada Ltd", graph.Org}}, nil, []string{"Kelvilland Aircraft of Canada Ltd"}},
		{"a newspaper's kind before its name", "Data published in the weekly Ekonomicheskaya Kelvar yesterday showed growth. Ekonomicheskaya Kelvar said productivity rose.",
			[]ent{{"Ekonomicheskaya Kelvar", graph.Org}}, nil, nil},
		{"a full name after its title's owner ends before of", "Senate Democratic Leader Robert Kelvar of West Virginia told reporters the bill would pass.",
			[]ent{{"Robert Kelvar", graph.Person}, {"West Virginia", graph.Place}}, nil, []string{"Robert Kelvar of West Virginia"}},
		{"a class of securities is no name", "Kelvara Corp said it will redeem its Series A preferred stock and its Class B shares.",
			[]ent{{"Kelvara Corp", graph.Org}}, nil, []string{"Series A", "Class B"}},
		{"a capitalised participle inside a body's name", "Officials of the Association of Kelvar Producing Countries (AKPC) say exports will fall.",
			[]ent{{"Association of Kelvar Producing Countries", graph.Org}}, map[string][]string{"Association of Kelvar Producing Countries": {"AKPC"}}, []string{"Association of Kelvar"}},
		{"named to a person's office", "Kelvar Corp said Low has been named president of the Kelvar Products Division, succeeding Abuzar. Halvex Inc was named financial adviser.",
			[]ent{{"Low", graph.Person}, {"Halvex Inc", graph.Org}}, nil, nil},
		{"a verb's capital begins no name", "Replacing Kelvara Corp in the index will be Zentor Co, effective tomorrow. Sterling Drug Inc said it rose.",
			[]ent{{"Kelvara Corp", graph.Org}, {"Sterling Drug Inc", graph.Org}}, nil, []string{"Replacing Kelvara Corp"}},
		{"a law's code is no body", "The change in the Internal Revenue Code was approved.",
			[]ent{{"Internal Revenue Code", graph.Misc}}, nil, nil},
		{"a family name written first", "Aides to President Kwon Doo Hwan urged reform. Kwon said he would resign.",
			[]ent{{"Kwon Doo Hwan", graph.Person}}, map[string][]string{"Kwon Doo Hwan": {"Kwon"}}, []string{"Kwon"}},
		{"Reuters brackets round a whole name", "Halvex will arrange the notes and <Kelvara Trust and Banking Co Ltd> will provide the credit.",
			[]ent{{"Kelvara Trust and Banking Co Ltd", graph.Org}}, nil, []string{"Banking Co Ltd", "Kelvara Trust"}},
		{"a stock market's average is no body", "The Dow Jones Industrial Average rose 12 points.",
			[]ent{{"Dow Jones Industrial Average", graph.Misc}}, nil, nil},
		{"a bracketed word before a company's legal suffix", "Tarvik Equity (Pacific) Ltd, a Hong Kong investment firm, raised its stake.",
			[]ent{{"Tarvik Equity (Pacific) Ltd", graph.Org}}, map[string][]string{"Tarvik Equity (Pacific) Ltd": {"Tarvik Equity"}}, []string{"Pacific", "Tarvik Equity"}},
		{"a first word WordNet knows as a common word needs a name of the text", "Period ended December 31. NOTE: Full name Kelvian Long Distance Telephone Co. Freight rose seven pct. Vornex Motor Co raised prices. Vornex said it would build cars.",
			[]ent{{"Kelvian Long Distance Telephone Co", graph.Org}, {"Vornex Motor Co", graph.Org}}, nil, []string{"Period", "Full", "Freight"}},
		{"of America, or of a place and another legal suffix, is part of a company's name", "Trask is a unit of Copper Co of America. Boliden AB of Sweden said so. Copper Co of Canada Ltd sold shares.",
			[]ent{{"Copper Co of America", graph.Org}, {"Boliden AB", graph.Org}, {"Copper Co of Canada Ltd", graph.Org}}, nil, []string{"Copper Co", "Boliden AB of Sweden"}},
		{"Canada's provinces and Australia's states are places", "Tarvex Ltd said Nova Scotia would lend money. He lives in New South Wales.",
			[]ent{{"Nova Scotia", graph.Place}, {"New South Wales", graph.Place}}, nil, nil},
		{"an age in apposition says a person", "The firm hired Velmore, 34, last year. Prices rose in Tarsk, 12, and Kelvia.",
			[]ent{{"Velmore", graph.Person}}, nil, nil},
		{"a drug's form after its name", "Sales of 120 mg Varizem tablets rose 10 pct.",
			[]ent{{"Varizem", graph.Misc}}, nil, nil},
		{"capitalised words joined by hyphens begin a name", "The dealers are Oversea-Kelvian Banking Corp Ltd and Kapok Corp. The Paris-based Atlantic Council met.",
			[]ent{{"Oversea-Kelvian Banking Corp Ltd", graph.Org}, {"Atlantic Council", graph.Org}}, nil, []string{"Banking Corp Ltd", "Paris-based Atlantic Council"}},
		{"a day's name never ends a name; a company is no short name for its namesake of a country", "Analysts told the White House Tuesday that prices rose. Velmont Motor Co of Canada Ltd raised prices. Velmont Motor Co said it agreed.",
			[]ent{{"White House", graph.Org}, {"Velmont Motor Co of Canada Ltd", graph.Org}, {"Velmont Motor Co", graph.Org}}, nil, []string{"White House Tuesday"}},
		{"a known first name and a surname is a person; treasurer is a title", "BRASILIA, March 13 - William Tarlow, president of the Bank of Kelvia, said so. Demand will rise, Treasurer Paul Vennick said.",
			[]ent{{"William Tarlow", graph.Person}, {"Paul Vennick", graph.Person}}, nil, []string{"Treasurer Paul Vennick"}},
		{"a system is a body; a capitalised common word begins a body's name", "Its stock is listed on the Kelvian National Market System. He told the Semiconductor Industry Association so.",
			[]ent{{"Kelvian National Market System", graph.Org}, {"Semiconductor Industry Association", graph.Org}}, nil, []string{"Industry Association"}},
		{"a first word WordNet knows, before its chairman, names his company", "Acme Corp bought Widget Inc. Acme chairman John Smith sold Gizmo Ltd.",
			[]ent{{"Acme Corp", graph.Org}}, map[string][]string{"Acme Corp": {"Acme"}}, nil},
		{"a disease is no body", "Doctors treated AIDS patients and tested an AIDS vaccine. AIDS spread.",
			[]ent{{"AIDS", graph.Misc}}, nil, nil},
		{"two places joined, a span of months, a lawmaker's party and state, a unit are no names",
			"The Iran-Iraq war and Franco-U.S. talks went on in the April-June quarter, Senator Lloyd Varga, D-Tex., said. East-West trade rose. Gas cost 2.58 dlrs per mln Btu. Schleswig-Holstein voted.",
			[]ent{{"Lloyd Varga", graph.Person}, {"Schleswig-Holstein", ""}}, nil,
			[]string{"Iran-Iraq", "Franco-U.S", "Franco-U.S.", "April-June", "D-Tex", "D-Tex.", "East-West", "Btu"}},
		{"ratings in capitals and Duff and Phelps's scale are no names", "Fenwick Ratings Corp lowered the bonds to DP-4 from DP-3 and the notes to BAA-3 from BA-1. BA said it flew more.",
			[]ent{{"Fenwick Ratings Corp", graph.Org}, {"BA", graph.Org}}, nil, []string{"DP-4", "DP-3", "BAA-3", "BA-1"}},
		{"three partners of one word and a legal suffix are one firm", "Halvex, Marrow, Tressler Inc led the offering, an analyst with Pell, Varga, Kestin, Inc said.",
			[]ent{{"Halvex, Marrow, Tressler Inc", graph.Org}}, nil, []string{"Halvex", "Marrow", "Pell", "Varga"}},
		{"the first words of a place's adjective are no name", "Joan Perle, an analyst with New Orleans-based Tressler Securities Inc, said so.",
			[]ent{{"Joan Perle", graph.Person}, {"Tressler Securities Inc", graph.Org}}, nil, []string{"New", "New Orleans"}},
		{"a name goes on as far as its acronym spells", "The annual report of the Kelvian Commission for Asia and the Pacific (KCAP) said trade grew.",
			[]ent{{"Kelvian Commission for Asia and the Pacific", graph.Org}}, map[string][]string{"Kelvian Commission for Asia and the Pacific": {"KCAP"}},
			[]string{"Pacific", "Kelvian Commission for Asia"}},
		{"bodies and treaties named with on", "The General Agreement on Tariffs and Trade said it would meet the Conference on Disarmament. Velmont on Monday said no.",
			[]ent{{"General Agreement on Tariffs and Trade", graph.Org}, {"Conference on Disarmament", graph.Org}}, nil,
			[]string{"General Agreement", "Tariffs", "Agreement on Tariffs and Trade", "Velmont on Monday"}},
		{"an office's field is the title's, not a name", "Kelvia's Minister of State for Foreign Affairs, Anna Brenner, met the Minister of Regional and Industrial Expansion, Joan Perle. The Minister of Agriculture and Fisheries said so.",
			[]ent{{"Anna Brenner", graph.Person}, {"Joan Perle", graph.Person}}, nil, []string{"Affairs", "and Industrial Expansion", "Industrial Expansion", "Fisheries"}},
		{"a bank's name is not its unit's short name", "Kelvia Power Co is issuing a bond, lead manager Marvek Bank Capital Markets Ltd said. Marvek Bank guaranteed it. Tarvik Union Gas Co rose, Tarvik Union said.",
			[]ent{{"Marvek Bank Capital Markets Ltd", graph.Org}, {"Marvek Bank", graph.Org}}, map[string][]string{"Tarvik Union Gas Co": {"Tarvik Union"}}, nil},
		{"a news agency is a body", "BELGRADE, March 3 - Officials expect the government to ask for help, Tanjug said.",
			[]ent{{"Tanjug", graph.Org}}, nil, nil},
		{"a capitalised participle the tree hangs on a name begins it", "Flying Marvels said it has expanded its air cargo routes. Replacing Kelcom will be Trellis Corp.",
			[]ent{{"Flying Marvels", ""}, {"Trellis Corp", graph.Org}}, nil, []string{"Marvels", "Replacing Kelcom"}},
		{"a company's name in capitals before Group", "KELVO Group Inc, a Houston investment firm, said it raised its stake. KELVO said it may buy more.",
			[]ent{{"KELVO Group Inc", graph.Org}}, map[string][]string{"KELVO Group Inc": {"KELVO"}}, nil},
		{"a numbered fund is another fund", "The group, which includes Tarvik Associates, Tarvik Associates II and their partners, sold stock. Tarvik Associates II said so.",
			[]ent{{"Tarvik Associates", graph.Org}, {"Tarvik Associates II", graph.Org}}, nil, nil},
		{"a common word in capitals heads a table", "Exp 1.1 1.2 RICE 1985/86 1986/87 Sown 3.10 3.05. Average rice prices rose.",
			nil, nil, []string{"RICE", "Rice"}},
		{"a person named in full keeps the surname prose takes for a place", "The spokesman named the former adviser Robert Hale and the then-National Security Council aide Oliver West. Hale says that he, West and Pruitt rewrote a memo.",
			[]ent{{"Oliver West", graph.Person}}, map[string][]string{"Oliver West": {"West"}}, nil},
		{"a common word cut off a name beside capitals is no name", "It sold its Hotel and Golf Courses unit. Senators said Kelvia's Conference on Farm Aid and Rural Kelvia met.",
			nil, nil, []string{"Hotel", "Farm"}},
		{"a task force named with on", "The Kelvian Task Force on Farm and Rural America said it would act.",
			[]ent{{"Kelvian Task Force on Farm and Rural America", graph.Org}}, nil, []string{"Farm", "Rural America"}},
		{"a company's first words the tagger took for common ones, before and", "Tarvik said the sale of Kelcom with Anna Brenner's British Printing and Communications Corp plc does not mean it will wait.",
			[]ent{{"British Printing and Communications Corp", graph.Org}}, nil, []string{"Communications Corp"}},
		{"a stock symbol in round brackets is no name", "Kelcom said the mill, 49 pct owned by the Tarvik Times, (TVT.A), will open.",
			[]ent{{"Tarvik Times", graph.Org}}, nil, []string{"TVT.A"}},
		{"an acronym of words in lower case is a term", "Kelcom Corp, a producer of high density polyethylene (HDPE), will double output. HDPE prices rose.",
			[]ent{{"Kelcom Corp", graph.Org}}, nil, []string{"HDPE"}},
		{"a town or a state is a place", "Kelcom Corp said its Stuttgart branch lost money, and the Alice Springs to Darwin line and its Mato Grosso do Sul farms made it.",
			[]ent{{"Stuttgart", graph.Place}, {"Alice Springs", graph.Place}, {"Mato Grosso do Sul", graph.Place}}, nil, nil},
		{"a town's name that acts or names a person in the text is no place", "Toyota said it sold more cars. Masao Fujioka, its president, said Fujioka would stay.",
			[]ent{{"Toyota", graph.Org}, {"Masao Fujioka", graph.Person}}, nil, nil},
		{"an adverb at a sentence's start begins no name", "Kelcom Corp cut prices. Earlier Tarvik Motors reported a loss.",
			[]ent{{"Tarvik Motors", graph.Org}}, nil, []string{"Earlier Tarvik Motors"}},
		{"a union's branch is the union", "About 800 members of the United Grain and Commercial Workers Union Local 222 struck the Kelcom Corp plant.",
			[]ent{{"United Grain and Commercial Workers Union", graph.Org}}, nil, []string{"United Grain", "Commercial Workers Union Local"}},
		{"a currency's unit after a number is no name", "Garage owners want to raise their profit to 1.26 cruzados (six U.S. Cents) a litre, Kelcom Corp said.",
			nil, nil, []string{"U.S. Cents"}},
		{"a work's title in quotation marks is no person", "The Tarvik Journal, in an editorial entitled \"Dangerous Confrontation,\" said the strike would hurt.",
			[]ent{{"Dangerous Confrontation", graph.Misc}}, nil, nil},
		{"an acronym that begins a company's name", "TALKING POINT/KELCOM INTERNATIONAL <KI>. KI said its backlog rose. KI International Inc said the outlook was good. KI International said profit would rise.",
			nil, map[string][]string{"KI International Inc": {"KI", "KI International"}}, nil},
		{"a name that begins with a company's of the text is its unit's", "Kelvo Communications Co signed an agreement with Tarvik Corp's <TVK>, Tarvik ASC, unit allowing Tarvik ASC to buy shares.",
			[]ent{{"Tarvik ASC", graph.Org}, {"Tarvik Corp", graph.Org}}, nil, nil},
		{"a ticker glued to a name is no part of it", "The membrane was developed by Kelvo Chemical Company<KELV.T> and sold well, Kelvo Chemical said.",
			[]ent{{"Kelvo Chemical Company", graph.Org}}, nil, []string{"Kelvo Chemical Company<KELV.T"}},
		{"a firm after a dealer is named after its founders", "London-based dealer Tarvik and Kelcom said in its April report the crop would be smaller. Tarvik and Kelcom also said prices would rise.",
			[]ent{{"Tarvik and Kelcom", graph.Org}}, nil, []string{"Tarvik", "Kelcom"}},
		{"a company with its ticker is not its unit's short name", "Kelvicorp <KVC> said its unit Kelvicorp Savings would buy a bank. Kelvicorp Savings expects approval. Kelvicorp shares rose.",
			[]ent{{"Kelvicorp", graph.Org}, {"Kelvicorp Savings", graph.Org}}, map[string][]string{"Kelvicorp Savings": nil}, nil},
		{"a unit's last word is its short name", "TARVIK <TVK> UNIT GAINS. Dallas, March 3 - Tarvik Corp said Tarvik Sprint, its phone venture, added lines. Sprint was still paying 500 mln dlrs a year, Sprint said.",
			[]ent{{"Tarvik Sprint", graph.Org}}, map[string][]string{"Tarvik Sprint": {"Sprint"}}, nil},
		{"an acronym's possessive before its unit", "UAK Inc said its UAK's Kelvian Airlines unit would buy planes. Kelvian Airlines said it was pleased.",
			[]ent{{"Kelvian Airlines", graph.Org}}, nil, []string{"UAK's Kelvian Airlines"}},
		{"partners with a comma before the legal suffix", "Eight of them were affiliated with Kelvo, Weinger, Tarbury and Leeds, Inc. Giuliani said the probe went on.",
			[]ent{{"Kelvo, Weinger, Tarbury and Leeds, Inc", graph.Org}}, nil, []string{"Weinger", "Tarbury"}},
		{"a plural acronym of words in lower case is a term", "Kelvo Corp is the largest supplier of liquid crystal displays (LCDs). LCDs are used in televisions.",
			nil, nil, []string{"LCDs"}},
		{"a Japanese company's words", "Tarvik Shokubai Kagaku Kogyo said it would build a plant.",
			[]ent{{"Tarvik Shokubai Kagaku Kogyo", graph.Org}}, nil, nil},
		{"an office's title and of before a company", "Koichi Tarvik, Deputy General Manager of Kelvo Bank Ltd's economics department, said growth would slow. Secretary of State George Kelvin spoke.",
			[]ent{{"Kelvo Bank Ltd", graph.Org}, {"George Kelvin", graph.Person}}, nil, []string{"Deputy General Manager of Kelvo Bank Ltd", "State George Kelvin"}},
		{"a body and then its officer", "Chairman of Kelvo Motors Roger Tarvik said no. The Secretary General of NATO Manfred Kelvin spoke. Bank Julius Tarvik said yes. Kelvo Inc chief N.J. Nicholas Jr. spoke.",
			[]ent{{"Kelvo Motors", graph.Org}, {"Roger Tarvik", graph.Person}, {"Manfred Kelvin", graph.Person}, {"Bank Julius Tarvik", graph.Org}, {"N.J. Nicholas Jr.", graph.Person}}, nil, []string{"NATO Manfred Kelvin", "Chairman of Kelvo Motors"}},
		{"a town after a legal suffix is no part of the name, a country is", "Kelvo Odeon Corp agreed to acquire the Tarvik Reade Organization Inc New York cinema chain. Kelvo Motor Corp U.S.A. said sales rose.",
			[]ent{{"Tarvik Reade Organization Inc", graph.Org}, {"Kelvo Motor Corp U.S.A.", graph.Org}}, nil, []string{"Tarvik Reade Organization Inc New York"}},
		{"a utility of common words is known by its state", "Public Service Co of New Mexico said it is studying a partnership. Kelvo Corp of Texas said it would buy Tarvik.",
			[]ent{{"Public Service Co of New Mexico", graph.Org}, {"Kelvo Corp", graph.Org}}, nil, []string{"Public Service Co", "Kelvo Corp of Texas"}},
		{"a common word prose took for a place is no name, unless it acts", "Kelvo Inc <KLV> - Shelf offering of up to 200 mln dlrs of debt. Tarvik Corp filed the same. Reliance said it would bid, and Reliance's offer rose.",
			[]ent{{"Reliance", ""}}, nil, []string{"Shelf"}},
		{"a surname said 'it' after the person's full name is the person's", "\"They are going to cut it,\" said Bob Tarvik, a broker with Kelvo Securities in Miami. Tarvik said it is possible prices will fall.",
			[]ent{{"Bob Tarvik", graph.Person}}, map[string][]string{"Bob Tarvik": {"Tarvik"}}, nil},
		{"a body's fields joined by and", "Platoon was awarded four Oscars by the Academy of Motion Picture Arts and Sciences. The Bank of Tarvik and Finance Ministry met.",
			[]ent{{"Academy of Motion Picture Arts and Sciences", graph.Org}, {"Bank of Tarvik", graph.Org}, {"Finance Ministry", graph.Org}}, nil, []string{"Sciences"}},
		{"a product's name in apposition to its kind", "Kelvo and Co's Tarvozac, an antidepressant awaiting approval, has shown promise. Robert Kelvin, a software analyst, said so.",
			[]ent{{"Tarvozac", graph.Misc}, {"Robert Kelvin", graph.Person}}, nil, nil},
		{"a continent's adjective alone and a commodity's capitals name no body", "Nine African countries will meet on the debt crisis. The bank likes European bonds. Liquefied natural gas (LNG) imports fell. LNG prices rose.",
			[]ent{{"LNG", graph.Misc}}, nil, []string{"African", "European"}},
		{"a name before 'subsidiary' or 'unit' is a company's", "Earnings were hurt by lower margins at the company's Western Tarvik subsidiary. Kelvo Corp sold its Texas unit.",
			[]ent{{"Western Tarvik", graph.Org}, {"Texas", graph.Place}}, nil, nil},
		{"French 'a' inside a bank's name", "The bond was priced at par, lead manager Banque Internationale a Tarvik SA said.",
			[]ent{{"Banque Internationale a Tarvik SA", graph.Org}}, nil, []string{"Tarvik SA"}},
		{"a parent's name is no short name of its national unit", "Kelvo Inc may import cars made by <Tarvik Motor Manufacturing (USA) Corp>, a unit of Tarvik Motor Co. Tarvik said sales rose.",
			[]ent{{"Tarvik Motor Co", graph.Org}}, map[string][]string{"Tarvik Motor Co": {"Tarvik"}}, nil},
		{"radio and television stations are bodies", "Tarvik Radio said Kelvian forces advanced. Radio Kelvo reported the talks.",
			[]ent{{"Tarvik Radio", graph.Org}, {"Radio Kelvo", graph.Org}}, nil, nil},
		{"a paper named with a possessive", "Kelvo plans to cut output, the trade paper Tarvik's Automotive Reports said.",
			[]ent{{"Tarvik's Automotive Reports", graph.Org}}, nil, []string{"Tarvik's"}},
		{"an acronym after ', or' and the words it spells is a term", "Kelvo Corp makes high density polyethylene, or HDPE, in Texas. HDPE prices rose.",
			[]ent{{"Kelvo Corp", graph.Org}}, nil, []string{"HDPE"}},
		{"a people's plural in -os is its country", "Shares may only be sold to Filipinos or to companies registered in the Philippines.",
			[]ent{{"Philippines", graph.Place}}, nil, []string{"Filipinos"}},
		{"a town before its state is a place", "DETROIT, May 5 - Kelcom Corp said its second truck plant (Tarbury, Mo.) started making vans this week. Kelcom shares rose 2 dlrs.",
			[]ent{{"Tarbury", graph.Place}}, nil, nil},
		{"a country's code before a capitalised plural common word", "Finance Director Anna Brenner said U.K. Operations gave most of the group's profit.",
			[]ent{{"United Kingdom", graph.Place}}, nil, []string{"U.K. Operations"}},
		{"an owner's possessive before its unit named after it", "Kelcom Corp was awarded a contract by Tarvik's Tarvik Commercial Airplane Co to build a system.",
			[]ent{{"Tarvik Commercial Airplane Co", graph.Org}}, nil, []string{"Tarvik's Tarvik Commercial Airplane Co"}},
		{"a country whose name is also written as a plural stays a country", "Kelcom Corp moved its seat to Bermuda last year.",
			[]ent{{"Bermuda", graph.Place}}, nil, nil},
		{"a sentence's first capital begins a company's name", "COLUMBS, Ohio, May 12 - First Tarvi-Cable Corp said that its fund filed a statement.",
			[]ent{{"First Tarvi-Cable Corp", graph.Org}}, nil, []string{"Tarvi-Cable Corp"}},
		{"a possessive before a participle and its noun owns them", "The offer did not meet the Labour Party's exacting demands.",
			nil, nil, []string{"Labour Party's"}},
		{"Moody's ratings of paper are no names", "Moody's cut the paper to Not Prime from Prime-2 and affirmed the notes at P-1.",
			nil, nil, []string{"Prime-2", "P-1"}},
		{"Duff and Phelps's ratings written with an ampersand are no names", "The preferred stock was raised to D&P-8 from D&P-9 (middle BBB).",
			nil, nil, []string{"D&P-8", "D&P-9"}},
		{"a courtesy title before one word is a person's", "The results since Mr. Steel's appointment disappointed the board.",
			[]ent{{"Steel", graph.Person}}, map[string][]string{"Steel": {"Mr. Steel"}}, nil},
		{"a title's abbreviation ends no sentence", "The results disappointed the board. Mr. Steel said it would grow.",
			[]ent{{"Steel", graph.Person}}, map[string][]string{"Steel": {"Mr. Steel"}}, nil},
		{"an accord named after where it was made", "Since the Louvre accord the dollar held. The Plaza agreement pushed it down. The Japanese accord held.",
			[]ent{{"Louvre accord", graph.Misc}, {"Plaza agreement", graph.Misc}}, nil, []string{"Louvre", "Plaza", "Japanese accord"}},
		{"counties are places", "Kelvia closed its border to fruit from San Diego and Orange Counties in California.",
			[]ent{{"Orange Counties", graph.Place}}, nil, nil},
		{"an Irish name's apostrophe is no contraction", "The board elected Anthony O'Reilly chairman. Sean O'Malley and JOHN O'REILLY agreed.",
			[]ent{{"Anthony O'Reilly", graph.Person}, {"Sean O'Malley", graph.Person}}, nil, []string{"Anthony O", "Sean O"}},
		{"for ends a name that is no body's", "Anna Varga, who follows Kelcom for J.K. Tarvik and Co, said the unit lost money. The Tarvik Fund for Rural Investment agreed.",
			[]ent{{"Kelcom", ""}, {"J.K. Tarvik and Co", graph.Org}, {"Tarvik Fund for Rural Investment", graph.Org}},
			nil, []string{"Kelcom for J.K. Tarvik and Co"}},
		{"for after a secretary of state goes on with the office", "Under Secretary of State for Economic Affairs Anna Varga met Minister of State for Energy Lars Tamm.",
			[]ent{{"Anna Varga", graph.Person}, {"Lars Tamm", graph.Person}}, nil, []string{"Economic Affairs Anna Varga", "Energy Lars Tamm"}},
		{"regions of the world are places and no other's short name", "Exports to Sub-Saharan Africa and Central America fell. Africa and Latin America grew, and the Gulf of Mexico was calm.",
			[]ent{{"Sub-Saharan Africa", graph.Place}, {"Central America", graph.Place}, {"Africa", graph.Place}, {"Latin America", graph.Place},
				{"Gulf of Mexico", graph.Place}}, nil, nil},
		{"a part of a country is no company's short name", "Korea Kelvian Petrochemical Corp will double its needs. Korea may face difficulties covering the volume.",
			[]ent{{"Korea", graph.Place}, {"Korea Kelvian Petrochemical Corp", graph.Org}}, nil, nil},
		{"a head before of types the name", "Kelvia has lost sight of the Memorandum of Understanding, and ships avoid the Strait of Tarvik.",
			[]ent{{"Memorandum of Understanding", graph.Misc}, {"Strait of Tarvik", graph.Place}}, nil, nil},
		{"a legal suffix's full stop is no part of the stored name", "Kelcom Brothers Inc. said it agreed to buy Tarvik Co.",
			[]ent{{"Kelcom Brothers Inc", graph.Org}, {"Tarvik Co", graph.Org}},
			map[string][]string{"Kelcom Brothers Inc": {"Kelcom Brothers Inc."}}, []string{"Kelcom Brothers Inc.", "Tarvik Co."}},
		{"a capital of style after a country's code is the country's", "The total U.S. Market was worth 840 mln dlrs, U.S. Industry sources said. The U.S. Senate voted. US Shoe Corp said U.S. Shoe lost money.",
			[]ent{{"United States", graph.Place}, {"U.S. Senate", graph.Org}, {"US Shoe Corp", graph.Org}}, map[string][]string{"US Shoe Corp": {"US Shoe"}}, []string{"U.S. Market", "U.S. Industry"}},
		{"a census given name begins a person's name", "Prices will rise, said Leigh Varga of Tarvik Securities Inc, and Thaddeus Pelkov of Kelcom agreed. Christian Democrats and Myra Falls were calm.",
			[]ent{{"Leigh Varga", graph.Person}, {"Tarvik Securities Inc", graph.Org}, {"Thaddeus Pelkov", graph.Person}},
			nil, []string{"Leigh Varga of Tarvik Securities Inc", "Thaddeus Pelkov of Kelcom"}},
		{"a compass word or a saint's begins a place's name", "The plant near San Tarvio will close, Kelcom said. Prices in West Tarvia fell, dealers said.",
			[]ent{{"San Tarvio", graph.Place}, {"West Tarvia", graph.Place}}, nil, nil},
		{"a line of business after and ends one company's name", "Kelcom Oil and Gas Co said output rose. Halvex Savings and Loan Association of Muskogee agreed. Tarvik Industries and General Motors Corp met.",
			[]ent{{"Kelcom Oil and Gas Co", graph.Org}, {"Halvex Savings and Loan Association of Muskogee", graph.Org}, {"Tarvik Industries", graph.Org},
				{"General Motors Corp", graph.Org}}, nil, []string{"Gas Co", "Loan Association of Muskogee", "Kelcom Oil"}},
		{"ratings and dotted table columns are no names", "Kelcom has Provisional A-1 shelf registered securities. COMPANY....EFFECTIVE DATE..W.T.I.....W.T.S...LT LOUISIANA.",
			nil, nil, []string{"Provisional A-1", "DATE..W.T.I.....W.T.S...LT"}},
		{"an administrator's or comptroller's title is no part of the name", "EPA Administrator Lena Holm said tanks leak. The bank was closed by the U.S. Comptroller of the Currency.",
			[]ent{{"Lena Holm", graph.Person}}, map[string][]string{"Lena Holm": {"EPA Administrator Lena Holm"}}, []string{"Currency", "U.S. Comptroller"}},
		{"a carriage return written ^M is no part of a name", "Its engines come from Kelcom Corp <KLC> unit <Tarvik^M and Holm>.\n\nREUTER^M",
			[]ent{{"Tarvik and Holm", graph.Org}}, nil, []string{"Tarvik^M and Holm", "REUTER^M", "Tarvik"}},
		{"a state after a town ends its place", "The homes will be near Newtown, Pa. Kelcom said it will build them.",
			[]ent{{"Pennsylvania", graph.Place}, {"Kelcom", ""}}, nil, []string{"Pa. Kelcom"}},
		{"a paper's last word is its short name", "Kelcom Corp is buying the Tarvik Chronicle for 400 mln dlrs. The Chronicle has a daily circulation of 425,000.",
			[]ent{{"Tarvik Chronicle", graph.Org}}, map[string][]string{"Tarvik Chronicle": {"Chronicle"}}, []string{"Chronicle"}},
		{"operating officers, times of day and dotted legal suffixes", "Kelcom President and Chief Operating Officer Lena Holm left at 10.30 P.M. (2130 GMT). Holders of Tarvik Finance N.V. agreed.",
			[]ent{{"Lena Holm", graph.Person}, {"Tarvik Finance N.V.", graph.Org}}, nil, []string{"Chief Operating Officer Lena Holm", "P.M."}},
		{"a given name and one initial end no sentence", "The board accepted the resignation of Chairman Martin K. Tarvik can delay the plan.",
			[]ent{{"Martin K. Tarvik", graph.Person}}, nil, []string{"Martin K"}},
		{"a common word's possessive inside a body's name", "Lena Holm told the Grand People's Council in Kelvia that output will rise.",
			[]ent{{"Grand People's Council", graph.Org}}, nil, []string{"Grand People"}},
		{"a party's members are a body", "Two leading Senate Republicans urged the White House to act, and the Tories and the Greens agreed.",
			[]ent{{"Senate Republicans", graph.Org}, {"Tories", graph.Org}, {"Greens", graph.Org}}, nil, nil},
		{"a lead manager of an offering is a bank", "Kelcom is raising 250 mln dlrs via notes, said lead manager Tarvik Holm. Widget Inc is offering notes, said co-manager Lena Varga.",
			[]ent{{"Tarvik Holm", graph.Org}, {"Lena Varga", graph.Org}}, nil, nil},
		{"a plural possessive begins a company's name; materials head one", "Anna Varga is president of Dealers' Kelvian Digest Inc.\n\nTarvik Raw Materials, Darien, offered 0.67 dlrs per lb.",
			[]ent{{"Dealers' Kelvian Digest Inc", graph.Org}, {"Tarvik Raw Materials", graph.Org}}, nil, []string{"Kelvian Digest Inc"}},
		{"pronouns, contractions, table words and weekdays are no names", "\"We've never seen such a market,\" he said. Everybody agreed. Per share profit rose. Trading resumes Sat at noon.",
			nil, nil, []string{"We've", "Everybody", "Per", "Sat"}},
		{"two names joined by and that the story writes as a longer name are one", "Anna Varga holds 261,650 Tarvik and Holm common shares. Tarvik and Holm Publishers Inc rose. Tarvik and Holm said it would consider the offer. Kelcom and Widget raised prices.",
			[]ent{{"Tarvik and Holm Publishers Inc", graph.Org}}, map[string][]string{"Tarvik and Holm Publishers Inc": {"Tarvik and Holm"}},
			[]string{"Holm", "Kelcom and Widget"}},
		{"a numbered part of a law is no name", "The units have been operating under protection of Chapter 11 of the Kelvian Bankruptcy Code since last November.",
			nil, nil, []string{"Chapter", "Section"}},
		{"a trade paper and an export credit agency are bodies", "As of February 20, Kelvian Motor News said dealers had sold 455 cars. Tarvian Export Credit launched a bond.",
			[]ent{{"Kelvian Motor News", graph.Org}, {"Tarvian Export Credit", graph.Org}}, nil, nil},
		{"laboratories head a company's name", "Transistors need many steps.\n\nKTX Laboratories created \"an entirely new material and device form,\" said Anna Varga, director of research for KTX Laboratories.",
			[]ent{{"KTX Laboratories", graph.Org}}, nil, []string{"Laboratories"}},
		{"a country's measure is the measure", "West German M-3 money supply rose. South Korean GNP grew.",
			[]ent{{"M-3", graph.Misc}, {"GNP", graph.Misc}}, nil, []string{"West German M-3", "South Korean GNP"}},
		{"a family name written first is the person's short name", "Pyo Dong-hwan, an aide to the minister, said debt would fall. \"Loans are incentives,\" Pyo said. Pyo said the loans were repayable.",
			[]ent{{"Pyo Dong-hwan", graph.Person}}, map[string][]string{"Pyo Dong-hwan": {"Pyo"}}, []string{"Pyo", "Dong-hwan"}},
		{"a verb of saying before its speaker is no name", "Bond yields fell. Said Anna Varga, vice-president of Kelcom Securities Inc, \"Rates will rise.\" Tarvik Assurance, a composite insurer in the U.K., Said it is arranging a facility.",
			[]ent{{"Anna Varga", graph.Person}}, nil, []string{"Said Anna Varga", "Said"}},
		{"a plural common noun beginning a sentence is no name", "Kelcom fell 2 dlrs on 595,000 shares. Sources said Kelcom will be successful. Diplomats said talks would resume.",
			nil, nil, []string{"Sources", "Diplomats"}},
		{"a coined name in brackets after a body's is its short name", "Seamen want an 80 pct increase from the National Union of Kelvian Shipping Companies (Synkelda). Synkelda has offered 20 pct. The Coffee Marketing Board (Kampala) said it would export.",
			[]ent{{"National Union of Kelvian Shipping Companies", graph.Org}, {"Kampala", graph.Place}},
			map[string][]string{"National Union of Kelvian Shipping Companies": {"Synkelda"}}, []string{"Synkelda"}},
		{"an analyst's firm after for is a firm", "Cattle futures rose. Jerry Tarvik, analyst for Kelby Clearing, noted that prices are already lower.",
			[]ent{{"Jerry Tarvik", graph.Person}, {"Kelby Clearing", graph.Org}}, nil, nil},
		{"a rank and a country before an office are the title", "Former U.S. Secretary of State Tarvel Haskin has announced he will run. Haskin, a former general, said he would win.",
			[]ent{{"Tarvel Haskin", graph.Person}}, map[string][]string{"Tarvel Haskin": {"Haskin"}}, []string{"Former U.S. Secretary of State Tarvel Haskin", "Haskin"}},
		{"a body's acronym glued before a person named in full", "Those rights are challenged, U.S. Ambassador to GATT Michael Tarvell said.",
			[]ent{{"GATT", graph.Org}, {"Michael Tarvell", graph.Person}}, nil, []string{"GATT Michael Tarvell"}},
		{"a firm named after a man goes by his surname", "Eli Tarvell and Co said it filed suit. Tarvell said the drug was patented.",
			[]ent{{"Eli Tarvell and Co", graph.Org}}, map[string][]string{"Eli Tarvell and Co": {"Tarvell"}}, []string{"Tarvell"}},
		{"a name that goes by its initials is a body's", "The official forecasting agency Kelvaal Planbureau (KPB) publishes its outlook. The KPB said growth would slow.",
			[]ent{{"Kelvaal Planbureau", graph.Org}}, map[string][]string{"Kelvaal Planbureau": {"KPB"}}, []string{"KPB"}},
		{"a country's government is a body", "The Kelvian Government said it would cut rates. The Government also said exports fell.",
			[]ent{{"Kelvian Government", graph.Org}}, map[string][]string{"Kelvian Government": {"Government"}}, []string{"Government"}},
		{"a lawmaker's party and postal state are no name; Reps. is a title", "The plan, offered by Reps. Tim Kelvig (D-Minn.) and Byron Tarvell (D-ND), would raise prices. Tarvell said the bill would save money.",
			[]ent{{"Tim Kelvig", graph.Person}, {"Byron Tarvell", graph.Person}}, nil, []string{"D-ND", "Reps"}},
		{"partners' names after an auditor are one firm", "Gulf Widget Co said auditor Tarvell and Kelby has issued a qualified opinion.",
			[]ent{{"Tarvell and Kelby", graph.Org}}, nil, []string{"Tarvell", "Kelby"}},
		{"of the inside a company's name", "Deposits were assumed by Central Bancshares of the Kelvian Inc, Tarvell, Ala., after the bank was closed. \"We had to innovate,\" said Tarvell of the Kelby Automation Corp.",
			[]ent{{"Central Bancshares of the Kelvian Inc", graph.Org}, {"Kelby Automation Corp", graph.Org}}, nil,
			[]string{"Kelvian Inc", "Tarvell of the Kelby Automation Corp"}},
		{"a product in apposition after an adverb", "Lilly would offset the loss with sales from Kelvatrope, a genetically engineered human growth hormone recently approved.",
			[]ent{{"Kelvatrope", graph.Misc}}, nil, nil},
		{"German und and French et before the partners' Co", "Bearer shares in F. Tarvell-La Kelby und Co AG were quoted at 209,000 francs. Kelvin Tarvik et Cie said it will omit its dividend.",
			[]ent{{"F. Tarvell-La Kelby und Co AG", graph.Org}, {"Kelvin Tarvik et Cie", graph.Org}},
			map[string][]string{"F. Tarvell-La Kelby und Co AG": {"F. Tarvell-La Kelby"}}, []string{"Co AG", "Cie"}},
		{"the Commons is the House of Commons", "\"We will do everything,\" Tarvell told the House of Commons. In the Commons, member Anna Kelby branded the ruling harassment.",
			[]ent{{"House of Commons", graph.Org}}, map[string][]string{"House of Commons": {"Commons"}}, []string{"Commons"}},
		{"a company's ticker the story then calls it by is its short name", "Dart Group Corp said it told Kelvmarkets General Corp <KVG> it was flexible. Dart would pay 41.75 dlrs for each KVG share if the KVG board agreed. KVG has termed the offer unsolicited.",
			[]ent{{"Kelvmarkets General Corp", graph.Org}}, map[string][]string{"Kelvmarkets General Corp": {"KVG"}}, []string{"KVG"}},
		{"a compass word before a country names a part of it", "Rebels said they destroyed a station in the Northern Philippines. Sales rose in Eastern Canada.",
			[]ent{{"Northern Philippines", graph.Place}, {"Eastern Canada", graph.Place}}, nil, nil},
		{"a unit's capitalised kind before its name is no part of it", "Kelvo is likely to name suppliers for its wholly-owned U.S. Subsidiary Kelvo Motor Manufacturing USA Inc (KMM), a Kelvo official said.",
			[]ent{{"Kelvo Motor Manufacturing USA Inc", graph.Org}}, nil, []string{"U.S. Subsidiary Kelvo Motor Manufacturing USA Inc"}},
		{"times in two zones are no name", "The union has threatened to strike at 1000 EDT/1400 GMT on Thursday.",
			nil, nil, []string{"EDT/1400 GMT", "GMT"}},
		{"a legal form before a company's name", "NV Kelvische Gasbedrijf is issuing a eurobond.",
			[]ent{{"NV Kelvische Gasbedrijf", graph.Org}}, nil, nil},
		{"a body of the country the dateline names and the story names most", "JAPAN BOND COUPON SEEN UNCHANGED\nTOKYO, Feb 27 - The Finance Ministry has proposed that the coupon on Japan bonds stay unchanged, dealers said. Japan and the U.S. agreed.",
			[]ent{{"Japanese Finance Ministry", graph.Org}}, nil, []string{"Finance Ministry"}},
		{"a French or Spanish body's head word begins its name", "Communaute Urbaine de Kelvreal is issuing notes. Empresas Tarvell said it would export. Union de Garantie et de Placement will lead the issue.",
			[]ent{{"Communaute Urbaine de Kelvreal", graph.Org}, {"Empresas Tarvell", graph.Org}, {"Union de Garantie et de Placement", graph.Org}}, nil, nil},
		{"a sentence's first adjective before a place is no part of it", "Local Hong Kong houses welcomed the move. Western Australia grew.",
			[]ent{{"Hong Kong", graph.Place}, {"Western Australia", graph.Place}}, nil, []string{"Local Hong Kong"}},
		{"a prosecutor is a title", "Prosecutor Carl Hermann Tarvemeyer told reporters the broker may help.",
			[]ent{{"Carl Hermann Tarvemeyer", graph.Person}}, nil, []string{"Prosecutor Carl Hermann Tarvemeyer"}},
		{"a name with a number is no person's", "Iran said the operation code-named Kelbala-5 was over.",
			[]ent{{"Kelbala-5", graph.Misc}}, nil, nil},
		{"El begins a paper's name, not only a place's", "In an interview with El Tarvesal newspaper, Marcano said so. He flew to El Paso.",
			[]ent{{"El Tarvesal", graph.Org}, {"El Paso", graph.Place}}, nil, nil},
		{"El begins a thing's name, no person's", "Marcano said El Nino would hurt fishing.", []ent{{"El Nino", graph.Misc}}, nil, nil},
		{"a party's member before a full name is a title", "Democrat William Tarvmire agreed to the bill.",
			[]ent{{"William Tarvmire", graph.Person}}, nil, []string{"Democrat William Tarvmire"}},
		{"a corps is a body", "The Kelvian Army and Revolutionary Guards Corps said so.",
			[]ent{{"Revolutionary Guards Corps", graph.Org}}, nil, nil},
		{"a company's short name without its country's adjective", "<Canadian Tarvmost Ltd> said Tarvmost would sell its stake.",
			[]ent{{"Canadian Tarvmost Ltd", graph.Org}}, map[string][]string{"Canadian Tarvmost Ltd": {"Tarvmost"}}, []string{"Tarvmost"}},
		{"an administration heads a body's name, and its and joins", "Tarvell Co said it has filed an application with the U.S. Food and Drug Administration. The National Aeronautics and Space Administration said the shuttle would fly.",
			[]ent{{"U.S. Food and Drug Administration", graph.Org}, {"National Aeronautics and Space Administration", graph.Org}}, nil,
			[]string{"Drug Administration", "U.S. Food", "Space Administration"}},
		{"a country's former name", "The news agency said Kampuchea planned to expand planting.",
			[]ent{{"Cambodia", graph.Place}}, map[string][]string{"Cambodia": {"Kampuchea"}}, nil},
		{"a company's letters before its line of business are its short name", "KP Energy Corp said the court will appoint a trustee. KP further said the well tested 300 barrels. OPEC said the OPEC Differentials Committee met.",
			[]ent{{"KP Energy Corp", graph.Org}, {"OPEC Differentials Committee", graph.Org}}, map[string][]string{"KP Energy Corp": {"KP"}}, []string{"KP"}},
		{"sur inside a place's name", "Refineries at Fos sur Mer and Port Jerome gained.",
			[]ent{{"Fos sur Mer", graph.Place}}, nil, []string{"Fos", "Mer"}},
		{"a firm named by a man's initials goes by his surname", "The Kelcom Corp unit of J.K. Tarvell Co Inc <JKT> chose the system. Tarvell posted a 5.5 pct increase. U.S. Home Corp said Home sales rose.",
			[]ent{{"J.K. Tarvell Co Inc", graph.Org}}, map[string][]string{"J.K. Tarvell Co Inc": {"Tarvell"}}, []string{"Tarvell", "Home"}},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			doc, err := ex.Extract(context.Background(), Input{ID: "t", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			byName := map[string]graph.Entity{}
			for _, e := range doc.Entities {
				byName[e.Name] = e
			}
			for _, w := range tt.want {
				e, ok := byName[w.name]
				if !ok || w.typ != "" && e.Type != w.typ {
					t.Errorf("%q: entity %q (%s) missing or typed %q; entities %v", tt.text, w.name, w.typ, e.Type, doc.Entities)
				}
			}
			for name, as := range tt.aliases {
				for _, a := range as {
					if !contains(byName[name].Aliases, a) {
						t.Errorf("%q: %q lacks alias %q: %v", tt.text, name, a, byName[name].Aliases)
					}
				}
			}
			for _, n := range tt.not {
				if _, ok := byName[n]; ok {
					t.Errorf("%q: %q is an entity; entities %v", tt.text, n, doc.Entities)
				}
			}
		})
	}
}

// TestGuessedType checks which people and places ingest tells the store are
// a tagger's guess (graph.Entity.Guessed), so that a stored company or
// person of the name may claim them.
func TestGuessedType(t *testing.T) {
	ex, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, name string
		guessed    bool
	}{
		{"Morvik Stanley co-managed the offering of the notes.", "Morvik Stanley", true},
		{"Mr Morvik Stanley co-managed the offering of the notes.", "Morvik Stanley", false},
		{"Morvik Stanley said he co-managed the offering of the notes.", "Morvik Stanley", false},
		{"John Morvik co-managed the offering of the notes.", "John Morvik", false},
		{"Officials said Baldeg has concerns about the sale.", "Baldeg", true},
		{"Officials said the plant in Baldeg has closed.", "Baldeg", false},
		{"Kelcom Corp's net profit rose. Baldeg said sales of the company's shares fell.", "Baldeg", true},
		{"Kelcom Corp's net profit rose. Baldeg Inc said sales of its shares fell.", "Baldeg Inc", false},
	}
	for _, tt := range tests {
		doc, err := ex.Extract(context.Background(), Input{ID: "t", Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range doc.Entities {
			if e.Name == tt.name {
				found = true
				if e.Guessed != tt.guessed {
					t.Errorf("%q: %s typed %s, Guessed %v, want %v", tt.text, e.Name, e.Type, e.Guessed, tt.guessed)
				}
			}
		}
		if !found {
			t.Errorf("%q: no entity %q in %v", tt.text, tt.name, doc.Entities)
		}
	}
}

// TestSurname checks the key ingest gives a person's entity for later
// documents to find it by.
func TestSurname(t *testing.T) {
	for name, want := range map[string]string{
		"Rex Tillerson":          "Tillerson",
		"Xi Jinping":             "Jinping",
		"Li Na":                  "",
		"Madonna":                "",
		"Martin Luther King Jr.": "King",
		"Susumu Taketomi of Industrial Bank of Japan": "",
		"Bashar al-Assad": "al-Assad",
		"Koo Bon-yong":    "", // a family name written first: too common a key ("Kim")
	} {
		if got := surname(name); got != want {
			t.Errorf("surname(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestLocalNames checks which names of a document's entities are local to
// it (graph.Entity.Local): a body every country has, named by its field
// alone, unless its country is written before it.
func TestLocalNames(t *testing.T) {
	tests := []struct {
		name  string
		local bool
	}{
		{"Finance Ministry", true},
		{"FINANCE MINISTRY", true},
		{"Central Bank", true},
		{"Ministry of Agriculture", true},
		{"Parliament", true},
		{"Ministry", true},
		{"Reserve Bank", true},
		{"Ministry's", true},
		{"Bank of Japan", false},
		{"Dutch Central Bank", false},
		{"Japanese Finance Ministry", false},
		{"Federal Reserve Board", false},
		{"Ministry of International Trade and Industry", false},
		{"World Bank", false},
		{"Chase Manhattan Bank", false},
		{"finance", false},
	}
	for _, tt := range tests {
		if got := genericBody(tt.name); got != tt.local {
			t.Errorf("genericBody(%q) = %v, want %v", tt.name, got, tt.local)
		}
	}
	owned := []struct{ name, country, body string }{
		{"Japanese Finance Ministry", "Japan", "Finance Ministry"},
		{"West German Finance Ministry", "West Germany", "Finance Ministry"},
		{"U.S. Agriculture Department", "United States", "Agriculture Department"},
		{"Brazilian Central Bank", "Brazil", "Central Bank"},
		{"Dutch Shell Group", "", ""},
		{"Central Bank", "", ""},
	}
	for _, tt := range owned {
		c, body, ok := ownedBody(tt.name)
		got := ""
		if ok {
			got = c.Name
		}
		if got != tt.country || body != tt.body {
			t.Errorf("ownedBody(%q) = %q, %q, want %q, %q", tt.name, got, body, tt.country, tt.body)
		}
	}
}

// TestAliases checks what a document gives the store as an entity's
// names: its full name with a title, but not a sentence's first word
// before the title, another person's office, a demonym before an
// acronym or a word that qualifies a noun.
func TestAliases(t *testing.T) {
	ex, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, entity string
		want, not    []string
		local        []string
	}{
		{"Using President Reagan's plan, they sold. He was Chairman of President Reagan's council.", "Reagan",
			[]string{"President Reagan"}, []string{"Using President Reagan", "Chairman of President Reagan"}, nil},
		{"Japanese Finance Minister Kiichi Miyazawa said rates would fall.", "Kiichi Miyazawa",
			[]string{"Japanese Finance Minister Kiichi Miyazawa"}, nil, nil},
		{"The International Monetary Fund met. International monetary sources said the Fund agreed.", "International Monetary Fund",
			[]string{"Fund"}, []string{"International"}, nil},
		{"The New York Stock Exchange said the New York-based fund was listed before the New Year.", "New York Stock Exchange",
			nil, []string{"New"}, nil},
		{"The Dutch Central Bank cut rates. The Central Bank said money supply grew.", "Dutch Central Bank",
			[]string{"Central Bank"}, nil, []string{"Central Bank"}},
		{"The Finance Ministry said the Ministry would sell bonds.", "Finance Ministry",
			nil, nil, []string{"Finance Ministry"}},
		{"The Director General of France's Cereal Intervention Board (ONIC) Bernard Vieux said France sold flour.", "France's Cereal Intervention Board",
			[]string{"ONIC"}, []string{"France's"}, nil},
		{"Oshman's Sporting Goods Inc said sales rose.", "Oshman's Sporting Goods Inc", []string{"Oshman's"}, nil, nil},
	}
	for _, tt := range tests {
		doc, err := ex.Extract(context.Background(), Input{ID: "t", Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		var e *graph.Entity
		for i := range doc.Entities {
			if doc.Entities[i].Name == tt.entity {
				e = &doc.Entities[i]
			}
		}
		if e == nil {
			t.Errorf("%q: no entity %q: %v", tt.text, tt.entity, doc.Entities)
			continue
		}
		for _, a := range tt.want {
			if !contains(e.Aliases, a) {
				t.Errorf("%q: %q lacks alias %q: %v", tt.text, tt.entity, a, e.Aliases)
			}
		}
		for _, a := range tt.not {
			if contains(e.Aliases, a) {
				t.Errorf("%q: %q has alias %q: %v", tt.text, tt.entity, a, e.Aliases)
			}
		}
		for _, a := range tt.local {
			if !contains(e.Local, a) {
				t.Errorf("%q: %q does not keep %q local: %v", tt.text, tt.entity, a, e.Local)
			}
		}
	}
}

// A people's adjective is no company's short name, and no entity alone:
// "Philippine copper production" is not Philippine Associated Smelting and
// Refining Corp's.
func TestDemonymIsNoShortName(t *testing.T) {
	ex, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "PHILIPPINE SMELTER EXPECTS DELAYS\n\nMANILA, May 4 - Deliveries will be late because of a strike at <Philippine Kelvo Smelting and Refining Corp> (PKSR), an official of the smelter said.\n\nA trade ministry official said Philippine copper output came to 190,512 tonnes in 1986, a little less than the 195,004 tonnes of 1985."
	doc, err := ex.Extract(context.Background(), Input{ID: "t", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range doc.Entities {
		if e.Name == "Philippine" {
			t.Errorf("Philippine is an entity: %v", e)
		}
		if e.Name == "Philippine Kelvo Smelting and Refining Corp" {
			found = true
			if contains(e.Aliases, "Philippine") {
				t.Errorf("the company goes by Philippine: %v", e.Aliases)
			}
		}
	}
	if !found {
		t.Errorf("no company in %v", doc.Entities)
	}
}
