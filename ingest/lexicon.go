package ingest

// Word lists that help prose's tags and noisy entity labels. All lower case.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// titleWords start a title or role in front of a person's name:
// "U.S. Secretary of State Rex Tillerson", "Mr Lavrov", "Finance Minister X".
var titleWords = set(
	"treasurer", "president", "vice", "prime", "minister", "secretary", "foreign", "defense", "defence", "general",
	"chancellor", "king", "queen", "prince", "princess", "pope", "sheikh", "emir", "sultan", "ayatollah",
	"ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "senator", "sen", "rep",
	"representative", "congressman", "congresswoman", "governor", "gov", "mayor", "chairman",
	"chairwoman", "chair", "chief", "executive", "ceo", "cfo", "director", "head", "leader", "commander",
	"lieutenant", "lt", "colonel", "col", "gen", "admiral", "adm", "captain", "capt", "sergeant", "sgt",
	"major", "maj", "judge", "justice", "attorney", "mr", "mrs", "ms", "miss", "dr", "prof", "professor",
	"sir", "dame", "lord", "lady", "deputy", "acting", "former", "interim", "finance", "interior", "trade",
	"economy", "health", "agriculture", "treasury", "commerce", "labor", "labour", "education",
	"transport", "infrastructure", "environment", "undersecretary", "under-secretary", "economist",
	"analyst", "official", "officer", "counsel", "adviser", "advisor", "negotiator", "commissioner",
	"councillor", "councilor", "mep", "mp", "lawmaker", "premier", "crown", "senior",
	"assistant", "associate", "managing", "vice-president", "vice-chairman", "coach", "manager",
	"founder", "co-founder", "owner", "editor", "correspondent", "reporter", "host", "rabbi", "imam",
	"cardinal", "archbishop", "bishop", "reverend", "rev", "father", "brother", "sister", "saint",
	"special", "national", "security", "intelligence", "army", "navy", "military", "party",
	"opposition", "communist", "socialist", "republican", "democrat", "democratic", "conservative",
	"labor-party", "first", "top", "speaker", "whip", "clerk", "delegate", "consul", "attaché",
	"chargé", "president-elect", "mrs.", "mr.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "col.",
	"lt.", "capt.", "prof.", "rev.", "st.", "administrator", "comptroller", "controller", "inspector", "superintendent",
	"auditor", "supervisor", "marshal", "operating", "financial", "reps", "reps.", "sens", "sens.", "prosecutor",
	"magistrate",
)

// personTitles are the title words that say the name after them is a person.
var personTitles = set(
	"treasurer", "president", "minister", "secretary", "chancellor", "king", "queen", "prince", "princess", "pope",
	"sheikh", "emir", "sultan", "ayatollah", "ambassador", "envoy", "spokesman", "spokeswoman",
	"spokesperson", "senator", "sen", "rep", "representative", "congressman", "congresswoman", "governor",
	"gov", "mayor", "chairman", "chairwoman", "chair", "ceo", "cfo", "director", "head", "leader",
	"commander", "lieutenant", "lt", "colonel", "col", "gen", "general", "admiral", "adm", "captain",
	"capt", "sergeant", "sgt", "judge", "justice", "attorney", "mr", "mrs", "ms", "miss", "dr", "prof",
	"professor", "sir", "dame", "lord", "lady", "economist", "analyst", "official", "officer", "adviser",
	"advisor", "negotiator", "commissioner", "councillor", "councilor", "mep", "mp", "lawmaker",
	"premier", "undersecretary", "coach", "manager", "founder", "co-founder", "owner", "editor",
	"correspondent", "reporter", "rabbi", "imam", "cardinal", "archbishop", "bishop", "reverend", "rev",
	"speaker", "delegate", "consul", "president-elect", "vice-president", "vice-chairman", "executive",
	"deputy", "mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "col.", "lt.", "capt.", "prof.", "rev.",
	"reps", "reps.", "sens", "sens.",
	"administrator", "comptroller", "controller", "inspector", "superintendent", "auditor", "supervisor", "marshal",
	"prosecutor", "magistrate",
)

// strongTitles say on their own that the next name is a person's, even a
// one-word name that prose did not label PERSON ("Mr Lavrov").
var strongTitles = set("mr", "mrs", "ms", "miss", "dr", "president", "minister", "secretary", "senator",
	"sen", "governor", "gov", "mayor", "chancellor", "king", "queen", "prince", "princess", "pope",
	"ambassador", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "envoy", "judge",
	"premier", "representative", "rep", "congressman", "congresswoman", "prof", "professor", "sir",
	"lady", "lord", "commissioner", "economist", "analyst", "director", "ceo", "adviser", "advisor",
	"mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "prof.", "sheikh", "emir", "ayatollah",
	"mep", "mp", "lawmaker", "negotiator", "undersecretary", "president-elect", "vice-president")

// orgHeads end organisation names.
var orgHeads = set(
	"academy", "agency", "association", "authority", "bank", "board", "bureau", "cabinet", "center", "centre",
	"church", "coalition", "college", "commission", "committee", "company", "conference", "congress",
	"consortium", "corp", "corporation", "council", "court", "department", "energy", "exchange",
	"federation", "foundation", "front", "fund", "group", "holding", "holdings", "inc", "institute",
	"institution", "league", "ltd", "llc", "plc", "ministry", "movement", "network", "office",
	"organisation", "organization", "parliament", "party", "police", "post", "press", "reserve",
	"school", "senate", "service", "services", "society", "systems", "times", "trust", "union",
	"university", "airlines", "airways", "motors", "industries", "partners", "capital", "securities",
	"bancorp", "co", "ag", "sa", "nv", "gmbh", "spa", "oil", "petroleum", "railways", "rail",
	"telecom", "pharmaceuticals", "assembly", "government", "commons", "corps", "administration", "army", "navy", "forces", "guard", "brigade", "taliban",
	"nations", "house", "agencies", "alliance", "secretariat", "mines", "mining", "minerals", "associates",
	"investors", "products", "resources", "communications", "telecommunications", "electronics",
	"chemicals", "chemical", "foods", "stores", "enterprises", "technologies", "technology", "bancshares",
	"financial", "insurance", "steel", "airline", "cooperatives", "cooperative", "producers", "exporters",
	"command", "community", "analysis", "research", "system", "confederation", "syndicate", "cartel", "tribunal",
	"directorate", "markets", "international", "brothers", "bros", "partnership", "worldwide", "bankasi", "radio",
	"television",
)

// companyHeads end companies' names, and type a name of two words or more
// they end as an organisation, but often stand inside a longer name before
// "and" ("Diamond Shamrock Refining and Marketing Co", "National Distillers
// and Chemical Corp"), so they are no orgHeads, which end a name there.
var companyHeads = set("laboratories", "laboratory", "labs", "utilities", "shipping", "shipyards", "dockyard",
	"shipbuilding", "refining", "explorations", "exploration", "properties", "realty", "bancorporation", "trading",
	"brewery", "breweries", "distillers", "textiles", "chemie", "pharma", "materials", "metals", "plastics", "fibres",
	"fibers", "credit", "banca", "banco", "banque",
	// Japanese companies' words: "Nippon Shokubai Kagaku Kogyo", "Mitsui
	// Bussan", "Daiwa Shoken"
	"kogyo", "kagaku", "shoji", "sangyo", "seiyaku", "ginko", "shoken", "bussan", "denki", "tekko", "boseki",
	"kisen", "kaiun", "jukogyo", "seiko", "kensetsu", "shinbun", "shimbun", "seisakusho",
	// the entertainment and media trades
	"productions", "pictures", "studios", "films", "records", "publishing", "publications", "broadcasting",
	"cablevision", "entertainment")

// newsAgencies are organisations news cites by a one-word name.
var newsAgencies = set("reuters", "reuter", "xinhua", "tass", "kyodo", "afp", "ap", "upi", "bloomberg", "interfax",
	"itar-tass", "ansa", "efe", "yonhap", "bernama", "antara", "jiji", "tanjug", "mena", "irna", "kuna", "wam", "petra",
	"anatolian", "dpa", "belga", "ritzau", "sapa", "aap", "pti", "kcna", "agerpres", "ctk", "mti", "bta", "adn", "pap",
	"notimex", "telam", "ina", "spa", "qna", "gna")

// placeHeads end place names.
var placeHeads = set(
	"city", "county", "counties", "river", "sea", "ocean", "island", "islands", "mountains", "mountain", "valley",
	"province", "region", "republic", "street", "avenue", "square", "bay", "gulf", "lake",
	"peninsula", "strait", "canal", "desert", "district", "port", "airport", "harbour", "harbor",
	"coast", "kingdom", "emirates", "heights", "territory", "territories", "basin", "plain", "federation",
	"mine", "field", "oilfield", "refinery", "terminal", "dam", "bridge", "tunnel", "reservoir", "canyon",
)

// miscHeads end names of laws, treaties, events, products and diseases.
var miscHeads = set(
	"charter", "treaty", "agreement", "accord", "accords", "act", "convention", "protocol", "pact", "plan", "law",
	"bill", "summit", "games", "cup", "war", "declaration", "initiative", "programme", "program",
	"project", "line", "deal", "strategy", "doctrine", "index", "syndrome", "disease", "product", "average", "code",
	"memorandum", "communique", "resolution", "amendment",
)

// dateWords are names of months and days, which prose tags NNP but which are
// never entities.
var dateWords = set(
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
	"dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
	"yesterday", "tomorrow", "jan.", "feb.", "mar.", "apr.", "aug.", "sep.", "sept.", "oct.", "nov.",
	"dec.", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
)

// noNames are words a capital never makes a name: pronouns and
// contractions at a sentence's start ("We've", "Everybody") and the words
// of tables and notices ("Per", "Nil", "Corrects").
var noNames = set("everybody", "everyone", "everything", "nobody", "somebody", "someone", "anyone", "anybody",
	"nothing", "something", "anything", "we've", "we're", "we'll", "we'd", "i'm", "i've", "i'll", "i'd", "you're",
	"you've", "they're", "they've", "they'll", "it's", "that's", "there's", "here's", "what's", "let's", "he's",
	"she's", "per", "nil", "corrects", "correction", "corrected")

// tableLabels head the rows of earnings tables and market reports ("Shr
// 1.20 dlrs vs 1.10 dlrs", "Note: …"), and units: capitalised, never names.
var tableLabels = set("shr", "shrs", "net", "revs", "rev", "avg", "oper", "note", "year", "qtr", "mths", "mth",
	"sales", "loss", "profit", "dlrs", "dlr", "cts", "pct", "mln", "billion", "tonnes", "tons", "vs",
	"nine", "six", "three", "four", "shares", "turnover", "dividend", "div", "payable", "record",
	"pay", "prior", "qtly", "annual", "gross", "total", "income", "operating", "reuter", "ecu", "ecus", "yen",
	"francs", "lire", "guilders", "pesos", "cruzados", "rupees", "dinars", "stg")

// stateNouns, after a demonym, name the state itself: "the Latvian
// government" is Latvia.
var stateNouns = set("government", "authorities", "state", "administration", "regime")

// timeNouns measure time: "days after the vote" is no head noun of "the
// vote", and "six years" is no object.
var timeNouns = set("second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week",
	"weeks", "month", "months", "year", "years", "decade", "decades", "moment", "moments", "time", "while")

// nameParticles may stand inside a name between capitalised words.
var nameParticles = set("of", "for", "de", "del", "della", "di", "da", "du", "van", "von", "der", "den",
	"la", "le", "al", "el", "bin", "ibn", "abu", "y", "&", "on", "do", "dos", "das", "es", "des", "et", "los", "las",
	"sur")

// recipientVerbs are speech verbs whose object is whom they address.
var recipientVerbs = set("tell", "inform", "assure", "warn", "brief", "remind", "notify")

// speechVerbs report what someone said; their complement is attributed.
var speechVerbs = set("say", "tell", "add", "state", "claim", "insist", "announce", "report", "assert",
	"note", "argue", "deny", "believe", "think", "confirm", "warn", "write", "explain", "suggest",
	"acknowledge", "admit", "allege", "reply", "declare", "predict", "estimate", "comment", "stress",
	"emphasise", "emphasize", "indicate", "maintain", "reiterate", "recall", "signal", "hope", "expect",
	"fear", "complain", "conclude", "contend", "concede", "tweet", "speculate", "forecast", "anticipate",
	"suspect", "reveal", "disclose", "assume", "rumour", "rumor", "charge", "rule", "find", "understand", "feel", "caution")

// modals qualify a relation; their lemma is kept as its modality.
var modals = map[string]string{"can": "can", "could": "could", "may": "may", "might": "might",
	"must": "must", "shall": "shall", "should": "should", "will": "will", "would": "would",
	"'ll": "will", "'d": "would", "wo": "will", "ca": "can", "ought": "ought"}

var negations = set("not", "n't", "never", "no", "neither", "nor")

// auxiliaries may precede a main verb.
var auxiliaries = set("be", "have", "do", "get")

// pronouns stand for an entity but name none; they are arguments that do
// not become nodes.
var pronouns = set("i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them",
	"this", "that", "these", "those", "who", "which", "what", "whom", "one", "itself", "himself",
	"herself", "themselves", "someone", "something", "anyone", "anything", "everyone", "everything",
	"nobody", "nothing", "there", "here", "all", "both", "each", "some", "many", "most", "others",
	"other", "any", "few", "several", "none")

// relative pronouns that link a relative clause to the argument before it.
var relatives = set("who", "which", "that", "whom")

// determiners are dropped from concept names.
var determiners = set("a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their",
	"our", "my", "your", "some", "any", "no", "every", "each", "such", "another", "all", "both",
	"much", "many", "more", "most", "several", "few", "other", "same", "own")
