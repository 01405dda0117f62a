package ingest

import "strings"

// irregular maps irregular English verb forms to their lemma.
var irregular = map[string]string{}

func init() {
	// base past participle... : each line is a lemma followed by its forms.
	for _, line := range strings.Split(irregularVerbs, "\n") {
		f := strings.Fields(line)
		for _, form := range f[min(1, len(f)):] {
			if _, dup := irregular[form]; !dup {
				irregular[form] = f[0]
			}
		}
	}
}

const irregularVerbs = `be is are was were been being am 's 're 'm
have has had having 've 'd
do does did done doing
arise arose arisen
awake awoke awoken
bear bore borne born
beat beaten
become became
begin began begun
bend bent
bet
bid
bind bound
bite bit bitten
bleed bled
blow blew blown
break broke broken
breed bred
bring brought
broadcast
build built
burn burnt
burst
buy bought
cast
catch caught
choose chose chosen
cling clung
come came
cost
creep crept
cut
deal dealt
dig dug
draw drew drawn
dream dreamt
drink drank drunk
drive drove driven
eat ate eaten
fall fell fallen
feed fed
feel felt
fight fought
find found
flee fled
fly flew flown
forbid forbade forbidden
forecast
foresee foresaw foreseen
foretell foretold
forget forgot forgotten
forgive forgave forgiven
freeze froze frozen
get got gotten
give gave given
go goes went gone
grind ground
grow grew grown
hang hung
hear heard
hide hid hidden
hit
hold held
hurt
keep kept
kneel knelt
know knew known
lay laid
lead led
lean leant
leap leapt
learn learnt
leave left
lend lent
let
lie lay lain
light lit
lose lost
make made
mean meant
meet met
mislead misled
mistake mistook mistaken
overcome overcame
overtake overtook overtaken
overthrow overthrew overthrown
pay paid
prove proven
put
quit
read
rebuild rebuilt
repay repaid
rethink rethought
rid
ride rode ridden
ring rang rung
rise rose risen
run ran
say said
see saw seen
seek sought
sell sold
send sent
set
shake shook shaken
shed
shine shone
shoot shot
show shown
shrink shrank shrunk
shut
sing sang sung
sink sank sunk
sit sat
sleep slept
slide slid
speak spoke spoken
spend spent
spin spun
split
spread
spring sprang sprung
stand stood
steal stole stolen
stick stuck
sting stung
strike struck stricken
strive strove striven
swear swore sworn
sweep swept
swim swam swum
swing swung
take took taken
teach taught
tear tore torn
tell told
think thought
throw threw thrown
undergo underwent undergone
understand understood
undertake undertook undertaken
upset
uphold upheld
wake woke woken
wear wore worn
weep wept
win won
withdraw withdrew withdrawn
withhold withheld
withstand withstood
write wrote written
can could
will would 'll wo
shall should
may might
must`

// vowels for the consonant–vowel–consonant doubling rule.
func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// lemma returns the dictionary form of a verb given its Penn tag:
// "met" → "meet", "criticised" → "criticise", "talking" → "talk".
func lemma(word, tag string) string {
	w := strings.ToLower(word)
	w = strings.ReplaceAll(w, "’", "'")
	if l, ok := irregular[w]; ok {
		return l
	}
	n := len(w)
	switch {
	case tag == "VBZ" || (tag == "" && strings.HasSuffix(w, "s")):
		switch {
		case strings.HasSuffix(w, "ies") && n > 4:
			return w[:n-3] + "y"
		case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"),
			strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zzes"), strings.HasSuffix(w, "oes"):
			return w[:n-2]
		case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
			return w
		case strings.HasSuffix(w, "s"):
			return w[:n-1]
		}
	case tag == "VBD" || tag == "VBN":
		switch {
		case strings.HasSuffix(w, "ied") && n > 4:
			return w[:n-3] + "y"
		case strings.HasSuffix(w, "ied"): // "died", "tied", "lied"
			return w[:n-1]
		case strings.HasSuffix(w, "eed"): // "agreed", "freed"; "needed" ends in -eded
			return w[:n-1]
		case strings.HasSuffix(w, "ed") && n > 3:
			return restoreStem(w[:n-2])
		}
	case tag == "VBG":
		if strings.HasSuffix(w, "ing") && n > 4 {
			if strings.HasSuffix(w, "ying") && n == 5 { // "dying" is irregular enough
				return w[:n-4] + "ie"
			}
			return restoreStem(w[:n-3])
		}
	}
	return w
}

// restoreStem undoes what -ed and -ing do to a stem: consonant doubling
// ("stopped" → "stop") and a dropped final e ("criticised" → "criticise").
func restoreStem(s string) string {
	n := len(s)
	if n < 2 {
		return s
	}
	last, prev := s[n-1], s[n-2]
	if last == prev && !isVowel(last) && strings.IndexByte("lsz", last) < 0 && n >= 4 && isVowel(s[n-3]) && !isVowel(s[n-4]) {
		return s[:n-1] // stopp → stop, planned → plan; keep "called", "passed", "buzzed"
	}
	if last == prev && last == 'l' && n >= 4 && isVowel(s[n-3]) && !isVowel(s[n-4]) && !strings.HasSuffix(s, "all") && !strings.HasSuffix(s, "ill") && !strings.HasSuffix(s, "ell") {
		return s[:n-1] // British "travelled" → "travel", "cancelled" → "cancel"
	}
	if strings.HasSuffix(s, "ell") && n > 5 && !strings.HasSuffix(s, "spell") && !strings.HasSuffix(s, "swell") && !strings.HasSuffix(s, "dwell") && !strings.HasSuffix(s, "smell") && !strings.HasSuffix(s, "shell") && !strings.HasSuffix(s, "yell") {
		return s[:n-1] // "cancell" → "cancel", "labell" → "label"
	}
	if needsE(s) {
		return s + "e"
	}
	return s
}

// needsE reports whether a stem lost a final silent e: "criticis", "decid",
// "sav", "charg", "produc", "continu", "determin".
func needsE(s string) bool {
	n := len(s)
	if n < 2 {
		return false
	}
	if n < 3 {
		return s == "us" // "used"
	}
	if s[n-1] == 'u' {
		return true // continu, argu, pursu
	}
	last := s[n-1]
	// A vowel pair before the last consonant takes no e ("wait", "gain",
	// "shout", "claim"), unless the consonant is one that ends a
	// "-ease", "-aise", "-oice", "-eave" word.
	if isVowel(s[n-2]) && isVowel(s[n-3]) && s[n-3:n-1] != "ui" {
		return strings.IndexByte("svzc", last) >= 0
	}
	for _, w := range noE {
		if s == w || (len(w) >= 4 && strings.HasSuffix(s, w)) {
			return false
		}
	}
	for _, suf := range eEndings {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// eEndings are stem endings that, after -ed or -ing was taken off, mostly
// stood before a silent e.
var eEndings = []string{
	"is", "iz", "ys", "yz", "at", "ut", "uc", "ac", "nc", "rc", "rg", "dg", "ng", "lv", "rv",
	"iv", "av", "ov", "ev", "ur", "ir", "ar", "ag", "ok", "ak", "ik", "bl", "pl", "tl", "gl",
	"kl", "cl", "dl", "fl", "zl", "as", "os", "us", "id", "od", "ad", "ud", "ib", "ob", "ub",
	"ap", "op", "ip", "um", "im", "am", "om", "in", "or", "ot", "it", "et", "on", "ys", "bb", "ee",
}

// noE lists stems that end like eEndings but take no e; a long one also
// covers the words ending in it ("disappoint" by "point").
var noE = []string{
	"visit", "edit", "exhibit", "limit", "profit", "credit", "deposit", "audit", "benefit", "inherit",
	"admit", "commit", "submit", "permit", "omit", "emit", "transmit",
	"exit", "posit", "vomit", "orbit", "prohibit", "inhibit", "solicit", "elicit", "recruit", "suit",
	"merit", "spirit", "summit", "target", "budget", "market", "interpret", "pocket", "rocket", "ticket",
	"picket", "blanket", "carpet", "covet", "rivet", "pivot", "pilot", "allot",
	"boycott", "riot", "forget", "regret", "offset", "reset", "upset",
	"closet", "ferret", "trumpet", "puppet",
	"mention", "question", "abandon", "reckon", "beckon", "pardon", "summon", "sanction", "position",
	"function", "auction", "caution", "petition", "condition", "ration", "station", "fashion",
	"cushion", "pension", "champion", "poison", "reason", "season", "imprison", "iron", "button",
	"weapon", "ransom", "lesson", "crimson", "blossom", "bottom", "custom", "victim", "begin",
	"design", "resign", "assign", "sign", "align", "campaign", "reign", "feign", "deign",
	"develop", "envelop", "gallop", "gossip", "worship", "kidnap", "handicap", "equip",
	"occur", "incur",
	"concur", "recur", "murmur", "vapour", "favour",
	"labour", "honour", "colour", "harbour", "armour", "rumour", "flavour", "humour", "savour",
	"endeavour", "clamour", "glamour", "valour", "demur", "conjur", "sulphur",
	"bring", "sing", "ring", "sting", "swing", "cling", "fling", "spring", "string", "wring",
	"ping", "long", "belong", "prolong", "wrong", "bang", "hang", "clang", "ding", "bong",
	"gas", "bias", "alias", "canvas", "focus", "bonus", "atlas", "chorus", "census",

	"bomb",
	"combat", "format", "habitat", "diplomat",
	"attack", "back", "track", "lack", "crack", "pack", "hack", "stack", "block", "lock", "rock",
	"shock", "knock", "mock", "dock", "kick", "pick", "click", "lick", "stick", "trick", "tick",
	"park", "mark", "bark", "embark", "spark", "remark", "work", "walk", "talk", "ask", "risk",
	"film", "trim", "slim", "perform", "inform", "reform", "transform", "storm", "form", "conform",
	"alarm", "arm", "harm", "farm", "charm", "warm", "confirm", "affirm", "firm", "term",

	"help", "jump", "dump", "pump", "camp", "stamp",

	"rain", "gain", "main",
	"zigzag",
	"travel", "cancel", "label", "model", "level", "channel", "fuel", "signal", "total",
	"dial", "trial", "rival", "equal", "pencil", "counsel", "marvel", "shovel", "tunnel",
	"panel", "funnel", "parcel", "quarrel", "barrel", "propel", "compel", "expel", "repel",
	"dispel", "excel", "impel", "rebel", "control", "patrol", "enrol", "extol",
	"honor", "labor", "favor", "anchor", "mirror", "monitor", "sponsor", "censor", "tailor", "author",
	"doctor", "mentor", "factor", "color", "harbor", "armor", "vapor", "rumor", "humor", "endeavor",
}
