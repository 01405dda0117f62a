package ingest

import (
	"strings"

	treebank "github.com/kg-builder/kg/ingest/lemma"
)

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

// lemma returns the dictionary form of a verb given its Penn tag:
// "met" → "meet", "criticised" → "criticise", "talking" → "talk",
// "filed" → "file". Irregular verbs come from the list above; the rest
// from ingest/lemma: the UD treebanks' lemmas, and rules checked against
// them, so that a lemma is a word ("sued" → "sue", not "su").
func lemma(word, tag string) string {
	w := strings.ToLower(word)
	w = strings.ReplaceAll(w, "’", "'")
	if l, ok := irregular[w]; ok {
		return l
	}
	switch {
	case tag == "VBZ" || tag == "VBD" || tag == "VBN" || tag == "VBG":
		return treebank.Lemma(w, tag)
	case tag == "" && strings.HasSuffix(w, "s"):
		return treebank.Lemma(w, "VBZ")
	}
	return w
}
