package segment

// The word lists below are general English usage (AP style for news): they
// name no particular article.

// abbreviations maps a word written with a final period, without that
// period, to its class. Words are matched case-sensitively.
var abbreviations = map[string]int{}

func init() {
	for _, w := range []string{
		// Personal, professional, military and religious titles.
		"Mr", "Mrs", "Ms", "Messrs", "Mmes", "Mme", "Mlle", "Dr", "Drs", "Prof", "Profs",
		"Rev", "Revs", "Hon", "Rt", "Msgr", "Fr",
		"Gov", "Govs", "Sen", "Sens", "Rep", "Reps", "Atty", "Pres", "Supt",
		"Amb", "Sec", "Secy", "Treas", "Ald", "Commr",
		"Gen", "Gens", "Lt", "Col", "Maj", "Capt", "Cmdr", "Cdr", "Comdr", "Cmdt",
		"Sgt", "Cpl", "Pvt", "Pfc", "Spc", "Adm", "Brig", "Ens", "Det", "Insp",
		"Cpt", "Sgts", "Lts",
		// Latin and other forms that never end a sentence.
		"vs", "v", "e.g", "i.e", "cf", "viz", "Vs", "E.g", "I.e", "Cf",
	} {
		abbreviations[w] = title
	}
	for _, w := range []string{
		// Name suffixes and place-name prefixes: usually followed by a name.
		"Jr", "Sr", "Esq", "St", "Ste", "Mt", "Ft", "Pt", "Hwy", "Rte", "Ave", "Blvd",
		"Rd", "Pkwy", "Sq", "Ln", "Ct", "Pl", "Hts", "Jct",
		"Univ", "Inst", "Natl", "Intl", "Assn", "Dept", "Govt",
	} {
		abbreviations[w] = initial
	}
	for _, w := range []string{
		// Months and days.
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
		"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
		// U.S. states and Canadian provinces (AP style and older forms).
		"Ala", "Ariz", "Ark", "Calif", "Cal", "Colo", "Conn", "Del", "Fla", "Ga", "Ill",
		"Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo",
		"Mont", "Neb", "Nebr", "Nev", "Okla", "Ore", "Oreg", "Pa", "Penn", "Penna",
		"Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wisc", "Wyo", "Alta", "Ont", "Que",
		"Sask", "Mex",
		"Mfg", "Assoc", "Div", "Dist",
		// Counting, measure and reference words.
		"No", "Nos", "no", "nos", "N°", "Nº", "n°", "nº", "Vol", "vol", "Vols", "vols", "pp", "Pp", "pg",
		"Fig", "fig", "Figs", "figs", "Art", "art", "Ch", "ch", "sec",
		"Ex", "ex", "Op", "op", "Ed", "ed", "Eds", "eds", "pop", "Pop",
		"est", "Est", "approx", "Approx", "ca", "abt", "avg", "Avg",
		"etc", "al", "ibid", "Ibid", "incl", "misc", "govt", "dept", "univ",
		"ft", "sq", "mi", "km", "kg", "lb", "lbs", "oz", "pt", "qt", "gal", "yr", "yrs",
		"mo", "mos", "wk", "wks", "hr", "hrs", "min", "mins", "secs", "mph",
		"tel", "Tel", "ext", "Ext", "dist", "Bldg", "bldg", "Apt", "apt", "ret", "Ret",
	} {
		if _, ok := abbreviations[w]; !ok {
			abbreviations[w] = abbrev
		}
	}
	for _, w := range []string{"Inc", "Corp", "Co", "Cos", "Ltd", "Bros", "Plc", "Pty", "Cie", "LLC", "L.L.C", "N.V", "S.A", "A.G", "L.P"} {
		abbreviations[w] = company
	}
	for _, w := range []string{"a.m", "p.m", "A.M", "P.M"} {
		abbreviations[w] = clockAbb
	}
}

// starters are words that commonly open an English sentence: pronouns,
// determiners, conjunctions, prepositions and sentence adverbs. After an
// initial or initialism (U.S., C., Jr.) a capitalized word is most often a
// name or the rest of a name (U.S. Capitol); one of these starts a sentence.
var starters = setOf(
	"The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her",
	"Its", "Their", "Our", "My", "Your", "This", "That", "These", "Those", "There",
	"Here", "But", "And", "Or", "Nor", "So", "Yet", "In", "On", "At", "By", "For",
	"From", "With", "Without", "Of", "To", "As", "After", "Before", "When",
	"Whenever", "While", "If", "Although", "Though", "Because", "Since", "Until",
	"During", "Despite", "Under", "Over", "Among", "Between", "Through", "Against",
	"Into", "About", "Above", "Below", "Across", "Along", "Around", "Behind",
	"Beyond", "Within", "Some", "Many", "Most", "Much", "More", "Few", "All",
	"Both", "Each", "Every", "Other", "Others", "Another", "Any", "Such", "One",
	"Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
	"Still", "However", "Meanwhile", "Also", "Then", "Now", "Today", "Yesterday",
	"Tomorrow", "Last", "Next", "Earlier", "Later", "What", "Who", "Whom", "Whose",
	"Why", "How", "Where", "Which", "Whether", "No", "Not", "None", "Nothing",
	"Nobody", "Only", "Even", "Instead", "Indeed", "Thus", "Therefore",
	"Moreover", "Furthermore", "Nevertheless", "Nonetheless", "Otherwise",
	"According", "Asked", "Yes", "Let", "Perhaps", "Maybe", "Once", "Unlike",
	"Like", "Given", "Just", "Already", "Again", "Finally",
	"Overall", "Officials", "Do", "Does", "Did",
	"Is", "Are", "Was", "Were", "Would", "Can", "Could", "Should",
	"Has", "Have", "Had", "Both", "Neither", "Either", "Everyone", "Everything",
	"Someone", "Something", "People", "Critics", "Supporters", "Experts",
	"Analysts", "Authorities", "Investigators", "Prosecutors",
)

// pronouns may be the speaker of an attribution (“Why?” He asked.).
var pronouns = setOf("He", "She", "They", "I", "We", "You")

// clockFollowers are words that may follow a.m. or p.m. within a sentence:
// days, months and time zones (8 p.m. Wednesday, 4:05 p.m. ET).
var clockFollowers = setOf(
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
	"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr",
	"Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
	"ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT",
	"AKST", "AKDT", "HST", "AT", "AST", "ADT", "GMT", "UTC", "BST", "CET", "CEST",
	"EET", "EEST", "MSK", "IST", "JST", "KST", "AEST", "AEDT", "Z",
	"Eastern", "Central", "Mountain", "Pacific", "Atlantic", "Greenwich",
	"Moscow", "London", "Washington", "Beijing", "Tokyo", "Paris", "Berlin",
	"New", "Hawaii", "Alaska", "Universal",
)

// timePrepositions may stand before a clock time that opens a sentence
// (At 5 a.m., Shortly after 6 p.m.).
var timePrepositions = setOf(
	"At", "By", "Until", "Till", "Before", "After", "From", "Around", "About",
	"Since", "Shortly", "Just", "Soon", "Sometime", "Starting", "Beginning",
	"Early", "Late", "at", "by", "until", "till", "before", "after", "around",
	"about", "since", "from",
)

// corporateTitles follow a company name in a title (Apple Inc. Chief
// Executive Tim Cook).
var corporateTitles = setOf(
	"Chief", "Chairman", "Chairwoman", "Chair", "Executive", "Vice", "Director",
	"Managing", "Founder", "Cofounder", "Co", "General", "Senior", "Deputy",
)

// speechVerbs attribute a quotation (“...?” she asked).
var speechVerbs = setOf(
	"said", "says", "asked", "asks", "told", "tells", "added", "adds", "wrote",
	"writes", "replied", "replies", "answered", "answers", "responded", "responds",
	"continued", "continues", "explained", "explains", "insisted", "insists",
	"shouted", "shouts", "yelled", "yells", "tweeted", "tweets", "posted", "posts",
	"recalled", "recalls", "noted", "notes", "declared", "declares", "exclaimed",
	"exclaims", "wondered", "wonders", "quipped", "quips", "joked", "jokes",
	"argued", "argues", "pleaded", "pleads", "demanded", "demands", "cried",
	"cries", "screamed", "screams", "laughed", "laughs", "whispered", "whispers",
	"countered", "counters", "remarked", "remarks", "stated", "states", "chanted",
	"chant", "chants", "sang", "sings", "mused", "muses", "warned", "warns",
	"admitted", "admits", "asserted", "asserts", "acknowledged", "acknowledges",
	"conceded", "concedes", "pressed", "presses", "interjected", "interrupted",
	"repeated", "repeats", "observed", "observes", "inquired", "queried",
	"boasted", "boasts", "complained", "complains", "lamented", "laments",
	"protested", "protests", "retorted", "snapped", "sighed", "quoted", "yelled",
	"shot", "went", "asking", "saying", "wrote", "tweeting", "writing", "read",
	"reads", "roared", "bellowed", "thundered", "scoffed", "marveled", "marvelled",
	"cheered", "challenged", "suggested", "suggests", "emphasized", "stressed",
	"told", "testified", "claimed", "claims", "announced", "joked", "recounted",
	"responded", "proclaimed", "declared", "demanded", "begged", "implored",
	"shout", "say", "ask", "tell",
)

// attributionFillers may stand between the speaker and the verb (Mr. Trump
// was quoted as saying, she later asked).
var attributionFillers = setOf(
	"was", "is", "has", "had", "have", "were", "are", "then", "later", "also",
	"once", "again", "would", "will", "could", "then", "had", "been", "quickly",
	"finally", "simply", "just", "often", "had",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
