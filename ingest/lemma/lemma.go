// Package lemma gives English words their dictionary form: a table of
// the lemmas of the UD English treebanks by form and Penn tag, and rules
// for the words the table lacks, checked against the treebanks' lemmas so
// that a rule never makes a word that is not one ("filed" → "file", not
// "fil").
package lemma

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed lemmas.tsv
var tableText string

var load = sync.OnceValue(func() *tables {
	t := &tables{byTag: map[string]string{}, words: map[string]bool{}}
	for _, line := range strings.Split(tableText, "\n") {
		f := strings.Split(line, "\t")
		switch {
		case len(f) == 3: // form tag lemma: where the rules go wrong
			t.byTag[f[0]+"\t"+f[1]] = f[2]
		case len(f) == 1 && f[0] != "": // a known lemma
			t.words[f[0]] = true
		}
	}
	return t
})

type tables struct {
	byTag map[string]string
	words map[string]bool
}

// Lemma returns the lemma of a word with a Penn Treebank tag (XPOS):
// "filed" VBD → "file", "companies" NNS → "company", "Kuusik" NNP →
// "Kuusik". Only proper nouns keep their capitals.
func Lemma(form, xpos string) string {
	t := load()
	low := strings.ToLower(strings.ReplaceAll(form, "’", "'"))
	if l, ok := t.byTag[low+"\t"+xpos]; ok {
		return l
	}
	return t.rule(form, low, xpos)
}

// Known reports whether w is a lemma of the treebanks.
func Known(w string) bool { return load().words[w] }

func (t *tables) rule(form, low, xpos string) string {
	switch xpos {
	case "NNP":
		return form
	case "NNPS":
		if l := t.pick(plural(form), false); l != "" {
			return l
		}
		return form
	case "NNS":
		if l := t.pick(plural(low), false); l != "" {
			return l
		}
		if c := plural(low); len(c) > 0 {
			return c[0]
		}
	case "VBZ", "VBD", "VBN", "VBG":
		if l := t.pick(verbStems(low, xpos), true); l != "" {
			return l
		}
		return ruleVerb(low, xpos)
	case "JJR", "RBR", "JJS", "RBS":
		if l := t.pick(comparative(low), false); l != "" {
			return l
		}
	}
	return low
}

// pick returns the first candidate that is a known lemma, trying verbs
// first when verb is set; "" if none is.
func (t *tables) pick(cands []string, verb bool) string {
	if verb {
		for _, c := range cands {
			if t.words["v:"+c] {
				return c
			}
		}
	}
	for _, c := range cands {
		if t.words[c] {
			return c
		}
	}
	return ""
}

func plural(w string) []string {
	n := len(w)
	var out []string
	switch {
	case strings.HasSuffix(w, "ies") && n > 4:
		out = append(out, w[:n-3]+"y")
	case strings.HasSuffix(w, "ves"):
		out = append(out, w[:n-3]+"f", w[:n-3]+"fe", w[:n-1])
	case strings.HasSuffix(w, "ses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zes"),
		strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "oes"):
		out = append(out, w[:n-2], w[:n-1])
	case strings.HasSuffix(w, "men"):
		out = append(out, w[:n-2]+"an")
	}
	if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && n > 2 {
		out = append(out, w[:n-1])
	}
	return out
}

func comparative(w string) []string {
	n := len(w)
	var stem string
	switch {
	case strings.HasSuffix(w, "er") && n > 4:
		stem = w[:n-2]
	case strings.HasSuffix(w, "est") && n > 5:
		stem = w[:n-3]
	default:
		return nil
	}
	out := []string{stem, stem + "e"}
	if k := len(stem); k > 2 && stem[k-1] == stem[k-2] {
		out = append(out, stem[:k-1])
	}
	if strings.HasSuffix(stem, "i") {
		out = append(out, stem[:len(stem)-1]+"y")
	}
	return out
}

// verbStems returns the candidate lemmas of an inflected verb, likeliest
// first.
func verbStems(w, xpos string) []string {
	n := len(w)
	var stem string
	switch xpos {
	case "VBZ":
		var out []string
		if strings.HasSuffix(w, "ies") && n > 4 {
			out = append(out, w[:n-3]+"y")
		}
		if strings.HasSuffix(w, "es") {
			out = append(out, w[:n-2])
		}
		if strings.HasSuffix(w, "s") {
			out = append(out, w[:n-1])
		}
		return out
	case "VBD", "VBN":
		if strings.HasSuffix(w, "ied") && n > 4 {
			return []string{w[:n-3] + "y", w[:n-1]}
		}
		if !strings.HasSuffix(w, "ed") || n < 4 {
			return nil
		}
		stem = w[:n-2]
	case "VBG":
		if !strings.HasSuffix(w, "ing") || n < 5 {
			return nil
		}
		stem = w[:n-3]
		if strings.HasSuffix(stem, "y") && len(stem) == 2 {
			return []string{stem[:1] + "ie"}
		}
	}
	var out []string
	if k := len(stem); k > 2 && stem[k-1] == stem[k-2] && !isVowel(stem[k-1]) {
		out = append(out, stem[:k-1]) // planned → plan, totalled → total
	}
	out = append(out, stem+"e", stem) // hoped → hope, opened → open
	return out
}

// ruleVerb is the lemma of an inflected verb by rules alone, for a verb
// the treebanks do not know.
func ruleVerb(w, tag string) string {
	n := len(w)
	switch {
	case tag == "VBZ":
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

// vowels for the consonant–vowel–consonant doubling rule.
func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

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
	if last == prev && last == 'l' && n >= 5 && isVowel(s[n-3]) && !isVowel(s[n-4]) && !strings.HasSuffix(s, "all") && !strings.HasSuffix(s, "ill") && !strings.HasSuffix(s, "ell") {
		return s[:n-1] // British "travelled" → "travel", "cancelled" → "cancel"; not "mulling" → "mul"
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
