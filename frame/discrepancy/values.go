package discrepancy

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/biasdiff/biasdiff/corpus/token"
	"github.com/biasdiff/biasdiff/internal/english"
)

// tok is a token of one report's side of a claim or quote group: the
// token as the aligner's tokenizer gives it (Start and End are bytes in its
// member's text), and where it stands.
type tok struct {
	*token.Token
	seg     int  // the member (or quote) it is in
	initial bool // capitalised for its place: first of a sentence, a quote or after a colon
	title   bool // in a headline, where every word may be capitalised
	brk     bool // a break between two members: no token
}

// brkToken is the token of a break.
var brkToken = &token.Token{}

// mention is a value found in a side: a quantity, a date, or a name in a
// role or as the one who speaks.
type mention struct {
	kind   Kind
	t0, t1 int // its tokens
	// numbers
	lo, hi float64
	unit   string
	// dates: year, month, day, weekday (Monday = 1); 0 where not said
	date [4]int
	// names
	words   []string // the name's words (normal form)
	role    []string // the title or office before it, normalised ("senator")
	speaker bool     // it says or tells: "Jane Doe said"
	titled  bool     // after a personal title: "Mr.", "Sen.", "President"
	r0      int      // the first token of the role (t0 when none)
}

const (
	fYear = iota
	fMonth
	fDay
	fWeekday
)

func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func lowered(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// weekdays and months number the days of the week and the months from 1,
// in the order of their lists (internal/english: days, months); months
// also holds the short forms of the months (month-abbreviations), but for
// "mar", a verb too ("to mar").
var weekdays, months, monthAbbrevs = calendar()

func calendar() (days, months map[string]int, abbrevs map[string]bool) {
	days, months, abbrevs = map[string]int{}, map[string]int{}, map[string]bool{}
	for i, d := range english.List("days") {
		days[d] = i + 1
	}
	for i, m := range english.List("months") {
		months[m] = i + 1
	}
	for _, a := range english.List("month-abbreviations") {
		if a == "mar" {
			continue
		}
		for full, n := range months {
			if strings.HasPrefix(full, a) {
				months[a], abbrevs[a] = n, true
			}
		}
	}
	return days, months, abbrevs
}

// monthPreps are the words before a month named alone that make it one:
// "in March" (not "the March on the capital"), "since May".
var monthPreps = english.Set("date-prepositions")

// datePreps are the words before a month or a year that make it a date:
// "in March", "since 2002", "the 2016 election"; and a comma or an opening
// bracket.
var datePreps = func() map[string]bool {
	m := english.Set("date-prepositions", "year-openers")
	m[","], m["("] = true, true
	return m
}()

// timeWords after a number make it a time, not a count.
var timeWords = english.Set("clock-words")

var currencies = map[string]string{"$": "$", "€": "€", "£": "£", "¥": "¥"}

// roleWords are titles and offices that stand before a name ("Interior
// Minister Jane Doe", "spokesman John Roe"), and the words that go with
// them, with their short forms, each mapped to the word it stands for
// (internal/english role-titles and role-title-modifiers: "sen" to
// "senator"); a personal title that is no office ("Mr.", "Dr.") stands for
// none, "". roleHeads are the titles, which make a role by themselves:
// "former" or "foreign" alone is none. personalTitles make a single name a
// person's: "Sen. Akin", "Mr. Doe" (honorifics and personal-titles).
var roleWords, roleHeads, personalTitles = roles()

func roles() (words map[string]string, heads, personal map[string]bool) {
	words = english.Map("role-titles", "role-title-modifiers")
	heads = map[string]bool{}
	for _, t := range english.Map("role-titles") {
		heads[t] = true
	}
	personal = english.Set("honorifics", "personal-titles")
	for w := range personal {
		if _, ok := words[w]; !ok {
			words[w] = ""
		}
	}
	return words, heads, personal
}

// orgWords make a capitalised run an organisation or a place, not a
// person (internal/english name-ends, and organisation-words);
// groupWords are parties and groups, never a person's name (group-words).
var orgWords = english.Set("name-ends", "organisation-words")

var groupWords = english.Set("group-words")

// reportingVerbs after a name make it the one who speaks: the forms of
// the English reporting verbs (corpus/quote reads the same list,
// internal/english reporting-verbs), and "wrote:" as a post begins.
var reportingVerbs = reportingVerbForms()

func reportingVerbForms() map[string]bool {
	out := map[string]bool{"wrote:": true}
	for _, line := range english.List("reporting-verbs") {
		for _, f := range english.VerbForms(line) {
			out[f] = true
		}
	}
	return out
}

// norm is token k's normal form, "" outside the side or at a break.
func (s *side) norm(k int) string {
	if k < 0 || k >= len(s.toks) || s.toks[k].brk {
		return ""
	}
	return s.toks[k].Norm
}

func (s *side) word(k int) bool {
	return k >= 0 && k < len(s.toks) && !s.toks[k].brk && s.toks[k].Kind == token.Word
}

// scan finds the side's values, left to right: dates, quantities, names
// in a role or speaking.
func (s *side) scan(ev *event) {
	q := ev.q
	for k := 0; k < len(s.toks); {
		if s.toks[k].brk {
			k++
			continue
		}
		if m, end, ok := s.quantity(q, k, true); ok {
			s.ments = append(s.ments, m)
			k = end
			continue
		}
		if m, end, ok := s.date(k); ok {
			s.ments = append(s.ments, m)
			k = end
			continue
		}
		if m, end, ok := s.quantity(q, k, false); ok {
			if end > k {
				if m.kind != "" {
					s.ments = append(s.ments, m)
				}
				k = end
				continue
			}
		}
		if m, end := s.name(ev, k); end > k {
			if m.kind != "" {
				s.ments = append(s.ments, m)
			}
			k = end
			continue
		}
		k++
	}
}

// quantity reads a quantity at token k: with modifier set, only one that
// starts with a modifier ("more than 200"). A number that is a time, an
// identifier ("Route 66") or part of a ratio is skipped: ok with no kind
// and end past it.
func (s *side) quantity(q *quantities, k int, modifier bool) (m mention, end int, ok bool) {
	i := k
	mlo, mhi := 1.0, 1.0
	if modifier {
		p, n := match(q.modifiers, s.norm, k)
		if n == 0 {
			return m, k, false
		}
		mlo, mhi = p.lo, p.hi
		i += n
	}
	unit := ""
	if c, ok := currencies[s.norm(i)]; ok && s.toks[i].Kind == token.Symbol {
		unit = c
		i++
	}
	var lo, hi, prec float64
	exact, scaled := false, false
	c0 := i
	switch {
	case i < len(s.toks) && !s.toks[i].brk && s.toks[i].Kind == token.Number:
		t := s.toks[i]
		if !modifier && unit == "" && s.identifier(i) {
			return mention{}, i + 1, true // skipped
		}
		v, p, pct, ok := parseDigits(t.Norm)
		if !ok {
			return mention{}, i + 1, true
		}
		if pct {
			unit = "%"
		}
		lo, hi, prec, exact = v, v, p, true
		i++
	default:
		if s.word(i) && capitalised(s.toks[i].Text) && !s.toks[i].initial && !s.toks[i].title {
			return m, k, false // "Two Rivers"
		}
		if v, ok := compound(s.norm(i)); ok {
			lo, hi, prec, exact = v, v, 1, true
			i++
			break
		}
		p, n := match(q.values, s.norm, i)
		if n == 0 {
			return m, k, false
		}
		lo, hi = p.lo, p.hi
		exact = lo == hi
		if exact {
			prec = roundUnit(lo)
		}
		i += n
	}
	// scales: "2.1 billion", "two hundred", "several dozen"; "hundreds of
	// thousands"
	for {
		if f, ok := q.scales[s.norm(i)]; ok && !strings.HasSuffix(s.norm(i), "s") {
			lo, hi, prec = lo*f, hi*f, prec*f
			scaled = scaled || f >= 1e6
			i++
			continue
		}
		if s.norm(i) == "of" && !exact {
			if f, ok := q.scales[s.norm(i+1)]; ok && strings.HasSuffix(s.norm(i+1), "s") {
				lo, hi = lo*f, hi*f
				i += 2
				continue
			}
		}
		break
	}
	// a time or a ratio is no count
	if timeWords[s.norm(i)] || s.norm(i) == "/" || s.norm(i) == ":" || s.norm(c0-1) == "/" || s.norm(c0-1) == ":" {
		return mention{}, i, true
	}
	if unit == "" {
		if p, n := match(q.units, s.norm, i); n > 0 {
			unit = p.unit
			i += n
		} else if s.norm(i) == "of" && !exact {
			if p, n := match(q.units, s.norm, i+1); n > 0 {
				unit = p.unit
				i += 1 + n
			}
		}
	}
	switch {
	case modifier:
		lo, hi = lo*mlo, hi*mhi
	case exact && scaled:
		// "$43 million" may be 43.9 million cut short
		lo, hi = lo-prec, hi+prec
	case exact:
		lo, hi = lo-0.499*prec, hi+0.499*prec
	}
	end = i
	// the quantity's tokens end before "of" and the unit words: the value
	// as written is "more than 200", "dozens", "$2.1 billion", "47 percent"
	return mention{kind: Number, t0: k, t1: end, lo: lo, hi: hi, unit: unit}, end, true
}

// identifier: a number right after a capitalised word inside a sentence
// names something ("Route 66", "Flight 370"), or comes after "No.".
func (s *side) identifier(i int) bool {
	p := i - 1
	if s.norm(p) == "." && (s.norm(p-1) == "no" || s.norm(p-1) == "nos") {
		return true
	}
	if !s.word(p) {
		return false
	}
	t := s.toks[p]
	if t.Norm == "no" || t.Norm == "number" || t.Norm == "#" {
		return true
	}
	if _, ok := months[t.Norm]; ok {
		return false
	}
	return capitalised(t.Text) && !t.initial && !t.title
}

// parseDigits reads a number in digits: "2,500", "3.5", "47%"; prec is
// the unit of its last written digit (1 for "3", 100 for "200", 0.1 for
// "2.1").
func parseDigits(s string) (v, prec float64, pct, ok bool) {
	if strings.HasSuffix(s, "%") {
		s, pct = s[:len(s)-1], true
	}
	if s == "" || strings.Count(s, ".") > 1 {
		return 0, 0, false, false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && r != ',' && r != '.' {
			return 0, 0, false, false
		}
	}
	plain := strings.ReplaceAll(s, ",", "")
	v, err := strconv.ParseFloat(plain, 64)
	if err != nil {
		return 0, 0, false, false
	}
	if i := strings.IndexByte(plain, '.'); i >= 0 {
		prec = math.Pow(10, -float64(len(plain)-i-1))
	} else {
		prec = roundUnit(v)
	}
	return v, prec, pct, true
}

// roundUnit is the unit of an integer's last non-zero digit: 100 for 200,
// 1 for 3 and for 0.
func roundUnit(v float64) float64 {
	u := 1.0
	if v < 1 || v != math.Trunc(v) {
		return u
	}
	for math.Mod(v, u*10) == 0 {
		u *= 10
	}
	return u
}

// tens and ones are the number words that make up a number written with
// a hyphen ("twenty-five"), with their values: the cardinals
// (internal/english) from twenty to ninety by ten, and from one to nine.
var tens, ones = numberWords()

func numberWords() (tens, ones map[string]float64) {
	tens, ones = map[string]float64{}, map[string]float64{}
	for w, n := range english.Map("cardinals") {
		v, err := strconv.ParseFloat(n, 64)
		switch {
		case err != nil:
			panic(fmt.Sprintf("discrepancy: cardinals: %q has no value: %q", w, n))
		case v >= 1 && v <= 9:
			ones[w] = v
		case v >= 20 && v <= 90 && math.Mod(v, 10) == 0:
			tens[w] = v
		}
	}
	return tens, ones
}

// compound reads "twenty-five".
func compound(s string) (float64, bool) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return 0, false
	}
	t, ok1 := tens[a]
	o, ok2 := ones[b]
	return t + o, ok1 && ok2
}

// date reads a date at token k: a weekday, a month with its day and year,
// a day before a month, a year after a preposition ("since 2002"), or
// 2019-01-14.
func (s *side) date(k int) (m mention, end int, ok bool) {
	m.kind, m.t0 = Date, k
	i := k
	t := s.toks[k]
	if t.Kind == token.Number {
		if y, mo, d, ok := iso(t.Norm); ok {
			m.date = [4]int{y, mo, d, 0}
			m.t1 = k + 1
			return m, k + 1, true
		}
	}
	if wd, ok := weekdays[t.Norm]; ok && capitalised(t.Text) {
		m.date[fWeekday] = wd
		i++
		if s.norm(i) == "," && s.month(i+1) > 0 {
			i++
		} else {
			m.t1 = i
			return m, i, true
		}
	}
	if d := s.day(i); d > 0 && s.month(i+1) > 0 {
		j := i + 2
		if s.norm(j) == "." {
			j++
		}
		if s.day(j) > 0 {
			return m, k, false // "the 19 Sept. 11 hijackers": the day follows the month
		}
		m.date[fDay] = d
		i++
	}
	if mo := s.month(i); mo > 0 {
		j := i + 1
		if s.norm(j) == "." {
			j++
		}
		if m.date[fDay] == 0 {
			if d := s.day(j); d > 0 {
				m.date[fDay] = d
				j++
			}
		}
		y := 0
		if s.norm(j) == "," && s.year(j+1) > 0 {
			y = s.year(j + 1)
			j += 2
		} else if s.year(j) > 0 {
			y = s.year(j)
			j++
		}
		if y == 0 && m.date[fDay] == 0 && m.date[fWeekday] == 0 && !monthPreps[s.norm(i-1)] {
			return m, k, false // "March" alone may be a noun
		}
		m.date[fMonth], m.date[fYear] = mo, y
		m.t1 = j
		return m, j, true
	}
	if m.date[fDay] > 0 || m.date[fWeekday] > 0 {
		return m, k, false
	}
	if y := s.year(k); y > 0 {
		prev, next := s.norm(k-1), k+1
		if datePreps[prev] || prev == "" || !s.word(next) || s.toks[next].Stop || capitalised(s.toks[next].Text) {
			m.date[fYear] = y
			m.t1 = k + 1
			return m, k + 1, true
		}
	}
	return m, k, false
}

// month is the month token i names (capitalised), 0 if none.
func (s *side) month(i int) int {
	if !s.word(i) || !capitalised(s.toks[i].Text) {
		return 0
	}
	n := s.toks[i].Norm
	if monthAbbrevs[n] && s.norm(i+1) != "." {
		return 0 // "Jan" without its period may be a name
	}
	return months[n]
}

// day is the day of the month token i writes: "5", "5th"; 0 if none.
func (s *side) day(i int) int {
	if i < 0 || i >= len(s.toks) || s.toks[i].brk {
		return 0
	}
	n := strings.TrimRight(s.toks[i].Norm, "stndrh")
	if len(n) == 0 || len(n) > 2 || (n != s.toks[i].Norm && s.toks[i].Kind != token.Word) {
		return 0
	}
	d, err := strconv.Atoi(n)
	if err != nil || d < 1 || d > 31 {
		return 0
	}
	return d
}

// year is the year token i writes (1900 to 2100, four digits), 0 if none.
func (s *side) year(i int) int {
	if i < 0 || i >= len(s.toks) || s.toks[i].brk || s.toks[i].Kind != token.Number || len(s.toks[i].Norm) != 4 {
		return 0
	}
	y, err := strconv.Atoi(s.toks[i].Norm)
	if err != nil || y < 1900 || y > 2100 {
		return 0
	}
	if _, ok := currencies[s.norm(i-1)]; ok {
		return 0
	}
	return y
}

func iso(s string) (y, m, d int, ok bool) {
	p := strings.Split(s, "-")
	if len(p) != 3 || len(p[0]) != 4 || len(p[1]) != 2 || len(p[2]) != 2 {
		return 0, 0, 0, false
	}
	y, e1 := strconv.Atoi(p[0])
	m, e2 := strconv.Atoi(p[1])
	d, e3 := strconv.Atoi(p[2])
	if e1 != nil || e2 != nil || e3 != nil || y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

// nameTok: token k can be part of a capitalised name run.
func (s *side) nameTok(k int) bool {
	if !s.word(k) {
		return false
	}
	t := s.toks[k]
	if !capitalised(t.Text) {
		return false
	}
	if _, ok := months[t.Norm]; ok {
		return false
	}
	if _, ok := weekdays[t.Norm]; ok {
		return false
	}
	r, ok := roleWords[strings.TrimSuffix(t.Norm, ".")]
	if t.Stop && !(ok && r == "") {
		return false
	}
	return true
}

// name reads a run of capitalised words at k: a name with the role before
// it ("Interior Minister Jane Doe", "spokesman John Roe") or one that
// speaks ("Jane Doe said", "according to Jane Doe"). The name is the run
// after its last title or party word ("U.S. President Jane Doe",
// "Republican Jane Doe"). end is past the run (k when there is none); m has
// no kind when the run is no such name.
func (s *side) name(ev *event, k int) (m mention, end int) {
	if !s.nameTok(k) {
		return m, k
	}
	end = k
	for end < len(s.toks) && (s.nameTok(end) || s.norm(end) == "." && end > k && (s.abbrev(end-1) || s.initialLetter(end-1))) {
		poss := isPossessive(s.toks[end].Text)
		end++
		if poss {
			break
		}
	}
	var role []string
	n0 := k
	for i := k; i < end; i++ {
		w := strings.TrimSuffix(s.norm(i), ".")
		if _, ok := roleWords[w]; ok || groupWords[w] {
			n0 = i + 1
		}
	}
	titled := false
	for i := k; i < n0; i++ {
		w := strings.TrimSuffix(s.norm(i), ".")
		if r := roleWords[w]; r != "" {
			role = append(role, r)
		}
		titled = titled || personalTitles[w]
	}
	// role words just before the run: "spokesman John Roe", "former
	// Secretary of State John Roe"
	r0 := k
	for j := k - 1; j >= 0 && s.word(j); j-- {
		if s.norm(j) == "of" && s.isRole(j-1) && capitalised(s.toks[j-1].Text) {
			continue
		}
		if !s.isRole(j) {
			break
		}
		if r := roleWords[s.norm(j)]; r != "" {
			role = append([]string{r}, role...)
		}
		titled = titled || personalTitles[s.norm(j)]
		r0 = j
	}
	for n0 < end && s.norm(n0) == "." {
		n0++
	}
	if n0 >= end {
		return mention{}, end
	}
	var words []string
	for i := n0; i < end; i++ {
		t := s.toks[i]
		if t.Norm == "." {
			continue
		}
		w := stripPossessive(t.Norm)
		if orgWords[w] || groupWords[w] || t.Stop || allCaps(stripPossessive(t.Text)) {
			return mention{}, end // an organisation, a group, an acronym
		}
		if !strings.HasSuffix(w, ".") && utf8.RuneCountInString(w) > 1 { // not an initial ("R.")
			// a word capitalised for its place is a name's when the
			// event writes it so inside a sentence, or when a name
			// word follows ("Jane Doe said", not in a headline)
			if ev.lower[w] || (t.title || t.initial && i+1 >= end) && !ev.midCap[w] {
				return mention{}, end
			}
		}
		words = append(words, w)
	}
	m = mention{kind: Name, t0: n0, t1: end, words: words, role: role, r0: r0, titled: titled}
	if len(role) == 0 {
		m.r0 = n0
	}
	poss := isPossessive(s.toks[end-1].Text)
	after := s.norm(end)
	before := s.norm(r0 - 1)
	m.speaker = !poss && (reportingVerbs[after] || before == "said" || before == "says" ||
		before == "to" && s.norm(r0-2) == "according")
	if len(role) > 0 && !roleHeads[role[len(role)-1]] {
		role = nil // "former", "foreign": no role by itself
	}
	if !m.speaker && len(role) == 0 {
		return mention{}, end
	}
	return m, end
}

// abbrev: token i is a title written short ("Sen", "Mr") whose period
// follows.
func (s *side) abbrev(i int) bool {
	_, ok := roleWords[s.norm(i)]
	return ok && len(s.norm(i)) <= 4
}

// initialLetter: token i is one capital letter ("B" of "Merrick B. Garland").
func (s *side) initialLetter(i int) bool {
	return s.word(i) && utf8.RuneCountInString(s.toks[i].Text) == 1 && capitalised(s.toks[i].Text)
}

func (s *side) isRole(i int) bool {
	_, ok := roleWords[s.norm(i)]
	return ok && s.word(i)
}

func isPossessive(s string) bool { return strings.HasSuffix(s, "'s") || strings.HasSuffix(s, "’s") }

func stripPossessive(s string) string {
	return strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
}

// allCaps: two letters or more, all capitals ("FBI", "NRA").
func allCaps(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			n++
		case unicode.IsLetter(r):
			return false
		}
	}
	return n >= 2
}
