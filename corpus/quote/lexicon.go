package quote

import "strings"

// Word classes. A word may be in several.
const (
	lxVerb     uint32 = 1 << iota // reporting verb form ("said", "stressed", "told")
	lxRelay                       // the subject passes on someone else's words ("reports", "quoted")
	lxIng                         // -ing participle of a reporting verb ("adding")
	lxHead                        // title that names a role ("minister", "president", "expert")
	lxMod                         // title modifier ("foreign", "prime", "deputy")
	lxHonor                       // honorific ("mr", "dr")
	lxFunc                        // function word: never part of a name
	lxDet                         // determiner
	lxPron                        // personal pronoun
	lxClause                      // starts a clause: ends a noun phrase
	lxPrep                        // preposition that may sit inside a subject noun phrase
	lxSkip                        // auxiliary or adverb between a subject and its verb
	lxTime                        // time noun ("week", "today")
	lxTimeDet                     // "this", "last", "on" before a time noun
	lxWeekday                     // weekday
	lxMonth                       // month
	lxOrg                         // last word of an organisation or place name ("Ministry", "Islands")
	lxParticle                    // name particle ("van", "bin")
	lxStop                        // verb that ends a subject noun phrase ("is", "has")
	lxAbbrev                      // abbreviation written with a period ("Mr.", "Gen.")
	lxAgent                       // a noun for people or a body that can speak ("officials", "group", "residents")
	lxMedia                       // a noun for a publication that passes words on ("channel", "newspaper")
)

// reportingVerbs lists English reporting verbs, one lemma a line. A line of
// one word gets its regular forms generated; a line of several words lists
// the lemma and its forms. A leading "+" keeps the bare lemma as a verb form
// too ("experts say"), for lemmas that are rarely nouns. "*" marks verbs
// that relay another's words.
const reportingVerbs = `
+say said says saying
+tell told tells telling
+add
stress
note
blast
slam slammed slams slamming
claim
+admit admitted admits admitting
+insist
+warn
+explain
+conclude
+recall
+ask
+argue
+declare
+emphasize
+emphasise
+underline
underscore
highlight
+reiterate
+affirm
+assert
+allege
+deny denied denies denying
+believe
+think thought thinks thinking
+write wrote writes writing written
continue
reply replied replies replying
+respond
answer
comment
remark
+observe
+announce
+acknowledge
+confirm
+suggest
+urge
+assure
+complain
caution
counter
+maintain
+mention
+reveal
promise
vow
+predict
+concede
tweet
+shout
+whisper
joke
quip quipped quips quipping
+lament
+proclaim
+describe
call
term
brand
+accuse
+criticize
+criticise
+condemn
+denounce
+dismiss
+reject
+wonder
+recount
+boast
retort
state
+inform
+testify testified testifies testifying
+summarize
+summarise
*report
*quote
*cite
`

// wordLists maps word classes to members.
var wordLists = []struct {
	class uint32
	words string
}{
	{lxHead, `minister president premier chancellor secretary senator governor mayor
		chairman chairwoman chair chief director ambassador envoy spokesman spokeswoman
		spokesperson king queen prince princess pope judge commissioner general colonel
		captain admiral commander ceo fm pm leader representative congressman congresswoman
		lawmaker mp analyst expert aide adviser advisor diplomat official officer attorney
		lawyer sheikh emir sultan archbishop bishop rabbi cardinal professor prof head
		economist researcher scientist politician strategist correspondent editor
		founder candidate nominee negotiator deputy lieutenant sergeant
		mr mrs ms dr sir dame lord lady gen lt col sen rep gov capt sgt adm cmdr`},
	{lxMod, `foreign prime vice defence defense interior finance economy trade state home
		justice health energy economic political acting former senior executive assistant
		top chief deputy security press national military regional presidential`},
	{lxHonor, `mr mrs ms dr prof sir dame lord lady`},
	{lxFunc, `the a an in on at but and or nor so as if when while this that these those
		it he she they we i you his her its their our my your there here after before
		since for from with without by to of also however meanwhile besides earlier later
		then now yet still although though because despite according among under over
		during what which who whom whose why how where all some many most both each every
		no not more one other another such only even just first last next
		both either neither about against between into through until unless upon
		mr mrs ms dr prof sir dame lord lady`},
	{lxDet, `the a an this that these those his her its their our my your one another
		some several many both each every no any two three four five`},
	{lxPron, `he she they it we i you him her them us me`},
	{lxClause, `that which who whom whose and but or nor as while when whereas if because
		so than where after before since although though unless until what how why
		whether whereupon however meanwhile also`},
	{lxPrep, `of to for at by from in with`},
	{lxSkip, `also has have had was were is are will would could can may might must shall
		should has had did does do later earlier then again further previously recently
		reportedly repeatedly once today yesterday tonight already still just even now
		simply only publicly openly firmly bluntly flatly clearly separately subsequently
		finally directly specifically bluntly angrily quickly immediately initially
		allegedly apparently reportedly personally himself herself themselves not never
		ever once been`},
	{lxTime, `week month year morning afternoon evening night weekend today yesterday
		tonight time`},
	{lxTimeDet, `this last next on earlier late each every`},
	{lxWeekday, `monday tuesday wednesday thursday friday saturday sunday`},
	{lxMonth, `january february march april may june july august september october
		november december jan feb mar apr jun jul aug sep sept oct nov dec`},
	{lxOrg, `islands island states republic federation union ministry department council
		committee party university center centre institute agency news times post bank
		fund organization organisation sea ocean river mountains city street square
		declaration treaty conference forum summit war army forces force navy group
		company corp inc ltd association court parliament assembly congress senate house
		office service administration government kingdom territories territory region
		province county district peninsula strait channel airport station media press
		television radio network foundation society church hospital school college
		academy museum festival cup league games studies nations
		alliance coalition movement front command agreement accords act accord reports
		daily herald journal tribune gazette telegraph review magazine channel tv`},
	{lxParticle, `de van von der den bin ibn al el da di du la le del dos das ben`},
	{lxMedia, `channel channels network networks newspaper newspapers paper papers agency
		broadcaster broadcasters outlet outlets station stations tv radio magazine
		daily tabloid website site blog wire service publication publications
		media press journal times post gazette herald tribune`},
	{lxAgent, `people person persons man men woman women source sources official officials
		group groups committee committees campaign campaigns union unions association
		organization organisation organizations organisations company companies firm
		agency agencies administration government governments ministry department office
		council party parties movement coalition alliance team board commission panel
		family families resident residents critic critics supporter supporters opponent
		opponents activist activists protester protesters protestors lawmakers senators
		member members voter voters expert experts analyst analysts observer observers
		authorities authority police prosecutor prosecutors investigator investigators
		witness witnesses neighbor neighbors neighbour neighbours student students parent
		parents teacher teachers worker workers leader leaders democrats republicans
		conservatives liberals progressives citizens citizen user users fan fans
		friend friends colleague colleagues staff staffer staffers employee employees
		owner owners manager managers chapter caucus delegation delegates delegate
		spokespeople spokesmen spokeswomen representatives officers diplomats aides
		advisers advisors lawyers attorneys judges officials ministers presidents
		governors mayors chairmen directors executives executive ceos founders
		candidates nominees negotiators politicians economists researchers scientists
		strategists correspondents editors reporters reporter journalist journalists`},
	{lxStop, `is are was were be been being am has have had will would can could should
		may might must shall do does did not`},
	{lxAbbrev, `mr mrs ms dr prof gen lt col sen rep gov st jr sr capt sgt maj adm cmdr
		inc corp co ltd dept no vs jan feb mar apr jun jul aug sep sept oct nov dec
		gov pres amb rev messrs`},
}

// lexicon maps a lowercase word to its classes.
var lexicon = buildLexicon()

// particleOut are the forms of "point", a reporting verb only in "point out".
var particleOut = map[string]bool{"point": true, "points": true, "pointed": true, "pointing": true}

func buildLexicon() map[string]uint32 {
	m := make(map[string]uint32, 1024)
	for _, l := range wordLists {
		for _, w := range strings.Fields(l.words) {
			m[w] |= l.class
		}
	}
	for _, line := range strings.Split(reportingVerbs, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		base, relay := false, false
		for len(line) > 0 && (line[0] == '+' || line[0] == '*') {
			if line[0] == '+' {
				base = true
			} else {
				relay = true
			}
			line = line[1:]
		}
		forms := strings.Fields(line)
		if len(forms) == 1 {
			forms = append(forms, regularForms(forms[0])...)
		}
		class := lxVerb
		if relay {
			class |= lxRelay
		}
		for i, f := range forms {
			if i == 0 && !base {
				continue
			}
			c := class
			if strings.HasSuffix(f, "ing") {
				c |= lxIng
			}
			m[f] |= c
		}
	}
	// The event pass keeps these only when "out" follows.
	for w := range particleOut {
		m[w] |= lxVerb
		if strings.HasSuffix(w, "ing") {
			m[w] |= lxIng
		}
	}
	return m
}

// regularForms returns the -s, -ed and -ing forms of a regular verb.
func regularForms(v string) []string {
	n := len(v)
	switch {
	case strings.HasSuffix(v, "e"):
		return []string{v + "s", v + "d", v[:n-1] + "ing"}
	case strings.HasSuffix(v, "y") && n > 1 && !strings.ContainsRune("aeiou", rune(v[n-2])):
		return []string{v[:n-1] + "ies", v[:n-1] + "ied", v + "ing"}
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") ||
		strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z"):
		return []string{v + "es", v + "ed", v + "ing"}
	default:
		return []string{v + "s", v + "ed", v + "ing"}
	}
}

// ReportingVerb tells whether a lower-case word is a form of an English
// reporting verb ("said", "told", "argued", "according"), as Find reads
// them ("pointed" only before "out", which the caller checks).
func ReportingVerb(w string) bool { return lexicon[w]&lxVerb != 0 && lexicon[w]&lxRelay == 0 }
