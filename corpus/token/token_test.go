package token

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"
)

// tk is an expected token: its byte range, Norm, Stem, Kind and Stop.
type tk struct {
	start, end int
	norm, stem string
	kind       Kind
	stop       bool
}

// w is a non-stopword Word; sw a stopword; n a Number; p a Punct; y a Symbol.
func w(start, end int, norm, stem string) tk { return tk{start, end, norm, stem, Word, false} }
func sw(start, end int, norm string) tk      { return tk{start, end, norm, "", Word, true} }
func n(start, end int, norm string) tk       { return tk{start, end, norm, norm, Number, false} }
func p(start, end int, norm string) tk       { return tk{start, end, norm, norm, Punct, false} }
func y(start, end int, norm string) tk       { return tk{start, end, norm, norm, Symbol, false} }

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []tk
	}{
		{"empty", "", nil},
		{"spaces only", " \t\n\u00a0\u202f\u200b", nil},
		{"possessive curly", "Japan’s talks", []tk{
			w(0, 9, "japan's", "japan"), w(10, 15, "talks", "talk")}},
		{"possessive straight", "Russia's sovereignty", []tk{
			w(0, 8, "russia's", "russia"), w(9, 20, "sovereignty", "sovereignti")}},
		{"abbreviation then hyphen", "U.S.-Japan alliance", []tk{
			w(0, 4, "u.s.", "u.s."), p(4, 5, "-"), w(5, 10, "japan", "japan"), w(11, 19, "alliance", "allianc")}},
		{"abbreviation en dash", "the U.S.–Japan alliance", []tk{
			sw(0, 3, "the"), w(4, 8, "u.s.", "u.s."), p(8, 11, "-"), w(11, 16, "japan", "japan"), w(17, 25, "alliance", "allianc")}},
		{"abbreviation possessive and sentence end", "U.S.’s move, e.g. in D.C.", []tk{
			w(0, 8, "u.s.'s", "u.s."), w(9, 13, "move", "move"), p(13, 14, ","),
			w(15, 19, "e.g.", "e.g."), sw(20, 22, "in"), w(23, 27, "d.c.", "d.c.")}},
		{"single initial is not an abbreviation", "J. Smith", []tk{
			w(0, 1, "j", "j"), p(1, 2, "."), w(3, 8, "smith", "smith")}},
		{"all caps", "after WWII ended", []tk{
			sw(0, 5, "after"), w(6, 10, "wwii", "wwii"), w(11, 16, "ended", "end")}},
		{"numbers", "2,500 troops, 3.5 km, 47% of 1,000,000.", []tk{
			n(0, 5, "2,500"), w(6, 12, "troops", "troop"), p(12, 13, ","),
			n(14, 17, "3.5"), w(18, 20, "km", "km"), p(20, 21, ","),
			n(22, 25, "47%"), sw(26, 28, "of"), n(29, 38, "1,000,000"), p(38, 39, ".")}},
		{"number edges", "1956. -5 .5 10:30 2019-01-14 1990s 2nd G7", []tk{
			n(0, 4, "1956"), p(4, 5, "."), p(6, 7, "-"), n(7, 8, "5"), p(9, 10, "."), n(10, 11, "5"),
			n(12, 14, "10"), p(14, 15, ":"), n(15, 17, "30"), n(18, 28, "2019-01-14"),
			w(29, 34, "1990s", "1990s"), w(35, 38, "2nd", "2nd"), w(39, 41, "g7", "g7")}},
		{"hyphenated compounds", "well-known far-reaching COVID-19 so-called", []tk{
			w(0, 10, "well-known", "well-known"), w(11, 23, "far-reaching", "far-reach"),
			w(24, 32, "covid-19", "covid-19"), w(33, 42, "so-called", "so-call")}},
		{"hyphen not internal", "pre- and post-war -- end-", []tk{
			w(0, 3, "pre", "pre"), p(3, 4, "-"), sw(5, 8, "and"), w(9, 17, "post-war", "post-war"),
			p(18, 19, "-"), p(19, 20, "-"), w(21, 24, "end", "end"), p(24, 25, "-")}},
		{"curly quotes", "“We differ,” he said. ‘Yes’", []tk{
			p(0, 3, `"`), sw(3, 5, "we"), w(6, 12, "differ", "differ"), p(12, 13, ","), p(13, 16, `"`),
			sw(17, 19, "he"), w(20, 24, "said", "said"), p(24, 25, "."),
			p(26, 29, "'"), w(29, 32, "yes", "yes"), p(32, 35, "'")}},
		{"guillemets", "«Россия»", []tk{
			p(0, 2, `"`), w(2, 14, "россия", "россия"), p(14, 16, `"`)}},
		{"contractions", "It’s, don't, won’t", []tk{
			sw(0, 6, "it's"), p(6, 7, ","), sw(8, 13, "don't"), p(13, 14, ","), sw(15, 22, "won't")}},
		{"trailing apostrophe is punctuation", "students’ union", []tk{
			w(0, 8, "students", "student"), p(8, 11, "'"), w(12, 17, "union", "union")}},
		{"dashes", "Moscow — Tokyo–Seoul ‒ x ― y − z", []tk{
			w(0, 6, "moscow", "moscow"), p(7, 10, "-"), w(11, 16, "tokyo", "tokyo"), p(16, 19, "-"),
			w(19, 24, "seoul", "seoul"), p(25, 28, "-"), w(29, 30, "x", "x"), p(31, 34, "-"),
			w(35, 36, "y", "y"), y(37, 40, "-"), w(41, 42, "z", "z")}},
		{"unicode hyphen joins", "Russian‐Japanese", []tk{
			w(0, 18, "russian-japanese", "russian-japanes")}},
		{"nbsp", "Mr.\u00a0Lavrov\u202fsaid", []tk{
			w(0, 2, "mr", "mr"), p(2, 3, "."), w(5, 11, "lavrov", "lavrov"), w(14, 18, "said", "said")}},
		{"cyrillic", "Южные Курилы, 1956 год", []tk{
			w(0, 10, "южные", "южные"), w(11, 23, "курилы", "курилы"), p(23, 24, ","),
			n(25, 29, "1956"), w(30, 36, "год", "год")}},
		{"cyrillic apostrophe", "м’ясо", []tk{w(0, 11, "м'ясо", "м'ясо")}},
		{"latin diacritics are stemmed", "Erdoğan’s Zürich", []tk{
			w(0, 12, "erdoğan's", "erdoğan"), w(13, 20, "zürich", "zürich")}},
		{"greek", "Αθήνα", []tk{w(0, 10, "αθήνα", "αθήνα")}},
		{"cjk", "日本の首相", []tk{
			w(0, 3, "日", "日"), w(3, 6, "本", "本"), w(6, 9, "の", "の"), w(9, 12, "首", "首"), w(12, 15, "相", "相")}},
		{"emoji", "Great 👍🏽 news 🇯🇵! 👨‍👩‍👧 ❤️", []tk{
			w(0, 5, "great", "great"), y(6, 14, "👍🏽"), w(15, 19, "news", "news"),
			y(20, 28, "🇯🇵"), p(28, 29, "!"), y(30, 48, "👨‍👩‍👧"), y(49, 55, "❤\uFE0F")}},
		{"symbols", "$5 + €3 © 2019", []tk{
			y(0, 1, "$"), n(1, 2, "5"), y(3, 4, "+"), y(5, 8, "€"), n(8, 9, "3"), y(10, 12, "©"), n(13, 17, "2019")}},
		{"ellipsis", "wait... and…", []tk{
			w(0, 4, "wait", "wait"), p(4, 7, "..."), sw(8, 11, "and"), p(11, 14, "...")}},
		{"soft hyphen and zwj", "infor\u00admation stop\u00ad", []tk{
			w(0, 13, "information", "inform"), w(14, 18, "stop", "stop")}},
		{"fullwidth", "ＷＷＩＩ １２", []tk{
			w(0, 12, "wwii", "wwii"), n(13, 19, "12")}},
		{"combining marks", "cafe\u0301 \u0301x", []tk{
			w(0, 6, "café", "café"), w(7, 10, "\u0301x", "\u0301x")}},
		{"invalid utf-8", "ab\xffcd \xe2\x80 ef\xc3", []tk{
			w(0, 2, "ab", "ab"), w(3, 5, "cd", "cd"), w(9, 11, "ef", "ef")}},
		{"invalid inside number", "2,\xff500", []tk{
			n(0, 1, "2"), p(1, 2, ","), n(3, 6, "500")}},
		{"controls and format", "a\x00b\u200ec\ufeffd", []tk{
			sw(0, 1, "a"), w(2, 3, "b", "b"), w(6, 7, "c", "c"), w(10, 11, "d", "d")}},
		{"stopword case", "THE The the", []tk{sw(0, 3, "the"), sw(4, 7, "the"), sw(8, 11, "the")}},
		{"us is not a stopword", "US us", []tk{w(0, 2, "us", "us"), w(3, 5, "us", "us")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tokenize(tt.text)
			checkInvariants(t, tt.text, got)
			if len(got) != len(tt.want) {
				t.Errorf("got %d tokens, want %d:\n%s", len(got), len(tt.want), dump(got))
			}
			for i := range min(len(got), len(tt.want)) {
				g, e := got[i], tt.want[i]
				stem := e.stem
				if e.stop && stem == "" {
					stem = g.Stem // stems of stopwords are not the point here
				}
				if g.Start != e.start || g.End != e.end || g.Norm != e.norm || g.Stem != stem || g.Kind != e.kind || g.Stop != e.stop {
					t.Errorf("token %d: got %s\n\twant [%d,%d) norm=%q stem=%q %v stop=%v",
						i, dumpTok(g), e.start, e.end, e.norm, stem, e.kind, e.stop)
				}
			}
		})
	}
}

func dump(toks []Token) string {
	var b strings.Builder
	for _, t := range toks {
		b.WriteString("\t" + dumpTok(t) + "\n")
	}
	return b.String()
}

func dumpTok(t Token) string {
	stop := ""
	if t.Stop {
		stop = " stop"
	}
	return fmt.Sprintf("[%d,%d) %q norm=%q stem=%q %v%s", t.Start, t.End, t.Text, t.Norm, t.Stem, t.Kind, stop)
}

// unsafeSameBacking reports whether s points into the memory of text.
func unsafeSameBacking(s, text string) bool {
	if len(s) == 0 || len(text) == 0 {
		return false
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	b := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	return p >= b && p < b+uintptr(len(text))
}

// checkInvariants checks what every tokenization must satisfy: tokens in
// order, non-empty, non-overlapping, within the text, Text == text[Start:End],
// valid UTF-8, a Norm; and every byte between tokens a separator.
func checkInvariants(t testing.TB, text string, toks []Token) {
	t.Helper()
	prev := 0
	for i, tok := range toks {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(text) {
			t.Fatalf("token %d [%d,%d) out of order, empty or outside text (len %d, prev end %d)", i, tok.Start, tok.End, len(text), prev)
		}
		if tok.Text != text[tok.Start:tok.End] {
			t.Fatalf("token %d Text %q != text[%d:%d] %q", i, tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
		}
		if !utf8.ValidString(tok.Text) {
			t.Fatalf("token %d Text %q not valid UTF-8", i, tok.Text)
		}
		if tok.Norm == "" || tok.Stem == "" {
			t.Fatalf("token %d %q: empty Norm %q or Stem %q", i, tok.Text, tok.Norm, tok.Stem)
		}
		if tok.Norm != Normalize(tok.Text) {
			t.Fatalf("token %d %q: Norm %q != Normalize(Text) %q", i, tok.Text, tok.Norm, Normalize(tok.Text))
		}
		if tok.Kind > Symbol {
			t.Fatalf("token %d %q: bad Kind %d", i, tok.Text, tok.Kind)
		}
		if tok.Stop && (tok.Kind != Word || !IsStopword(tok.Norm)) {
			t.Fatalf("token %d %q: Stop on %v %q", i, tok.Text, tok.Kind, tok.Norm)
		}
		for j := prev; j < tok.Start; {
			_, sz, cl := decode(text, j)
			if cl != cSpace && cl != cFormat {
				t.Fatalf("byte %d (%q) before token %d dropped but not a separator", j, text[j:j+sz], i)
			}
			j += sz
		}
		prev = tok.End
	}
	for j := prev; j < len(text); {
		_, sz, cl := decode(text, j)
		if cl != cSpace && cl != cFormat {
			t.Fatalf("trailing byte %d (%q) dropped but not a separator", j, text[j:j+sz])
		}
		j += sz
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"already lower", "already lower"},
		{"MiXeD Case", "mixed case"},
		{"Japan’s", "japan's"},
		{"‘a’ ‚b‛ ʼc", "'a' 'b' 'c"},
		{"“Quote” „x‟ «y»", `"quote" "x" "y"`},
		{"a–b—c‒d―e−f‐g‑h", "a-b-c-d-e-f-g-h"},
		{"no\u00a0break\u202fnarrow\u2007figure\u2009thin\u3000ideo", "no break narrow figure thin ideo"},
		{"ＦＵＬＬ１２", "full12"},
		{"ﬁnance", "finance"},
		{"…", "..."},
		{"infor\u00admation", "information"},
		{"cafe\u0301", "café"},
		{"Москва", "москва"},
		{"\uFE58", "-"},
		{"a\xffb", "a\uFFFDb"},
		{"Ⅻ", "xii"},
	}
	for _, tt := range tests {
		got := Normalize(tt.in)
		if got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if again := Normalize(got); again != got {
			t.Errorf("Normalize not idempotent on %q: %q then %q", tt.in, got, again)
		}
	}
}

func TestNormalizeSharesLowerASCII(t *testing.T) {
	s := strings.Repeat("lower case ascii ", 4)
	if got := Normalize(s); !unsafeSameBacking(got, s) {
		t.Fatal("Normalize of lower-case ASCII does not return its input")
	}
	allocs := testing.AllocsPerRun(100, func() { _ = Normalize(s) })
	if allocs != 0 {
		t.Errorf("Normalize of lower-case ASCII allocates %v times", allocs)
	}
}

func TestStopwords(t *testing.T) {
	if got := len(Stopwords()); got != 174 {
		t.Errorf("%d stopwords, want the Snowball list's 174", got)
	}
	for _, s := range []string{"the", "a", "i", "don't", "it's", "ourselves", "very", "cannot"} {
		if !IsStopword(s) {
			t.Errorf("IsStopword(%q) = false", s)
		}
	}
	for _, s := range []string{"us", "will", "can", "may", "must", "The", "japan", "", "mine"} {
		if IsStopword(s) {
			t.Errorf("IsStopword(%q) = true", s)
		}
	}
}

func TestTokenizerCache(t *testing.T) {
	text := genNews(50_000, 1)
	want := new(Tokenizer).Append(nil, text)
	// A warm tokenizer gives the same tokens.
	var tz Tokenizer
	tz.Append(nil, text)
	if got := tz.Append(nil, text); !equalTokens(got, want) {
		t.Fatal("warm tokenizer differs from a cold one")
	}
	// ... and so does one whose cache overflows.
	small := Tokenizer{}
	for i := range maxCacheEntries + 10 {
		small.Append(nil, "w"+strconv.Itoa(i))
	}
	if got := small.Append(nil, text); !equalTokens(got, want) {
		t.Fatal("tokenizer after cache overflow differs")
	}
	// The cache must not pin the text: cached strings are copies.
	for k, e := range tz.cache {
		if unsafeSameBacking(k, text) {
			t.Fatalf("cache key %q aliases the input text", k)
		}
		if !e.normIsText && e.norm != "" && unsafeSameBacking(e.norm, text) {
			t.Fatalf("cached norm %q aliases the input text", e.norm)
		}
	}
	// A warm tokenizer allocates nothing per token.
	dst := make([]Token, 0, len(want)+1)
	if allocs := testing.AllocsPerRun(5, func() { tz.Append(dst[:0], text) }); allocs > 0 {
		t.Errorf("warm Append allocates %v times", allocs)
	}
}

func equalTokens(a, b []Token) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestLowerASCIINormSharesText(t *testing.T) {
	text := "the talks ended"
	for _, tok := range Tokenize(text) {
		if !unsafeSameBacking(tok.Norm, text) {
			t.Errorf("Norm of %q does not share the text", tok.Text)
		}
	}
}

func TestKindString(t *testing.T) {
	for k, s := range map[Kind]string{Other: "Other", Word: "Word", Number: "Number", Punct: "Punct", Symbol: "Symbol", 9: "Kind(9)"} {
		if k.String() != s {
			t.Errorf("Kind(%d).String() = %q, want %q", k, k.String(), s)
		}
	}
}

func TestSampleCorpus(t *testing.T) {
	// Real captures of the project's sample corpus, if present: only the
	// invariants, and that nothing panics.
	for _, f := range sampleFiles(t) {
		checkInvariants(t, f, Tokenize(f))
	}
}

func ExampleTokenize() {
	for _, t := range Tokenize("Japan’s “U.S.-Japan” talks: 2,500 troops") {
		fmt.Printf("%d-%d %-8s %-10q %-10q %q\n", t.Start, t.End, t.Kind, t.Text, t.Norm, t.Stem)
	}
	// Output:
	// 0-9 Word     "Japan’s"  "japan's"  "japan"
	// 10-13 Punct    "“"        "\""       "\""
	// 13-17 Word     "U.S."     "u.s."     "u.s."
	// 17-18 Punct    "-"        "-"        "-"
	// 18-23 Word     "Japan"    "japan"    "japan"
	// 23-26 Punct    "”"        "\""       "\""
	// 27-32 Word     "talks"    "talks"    "talk"
	// 32-33 Punct    ":"        ":"        ":"
	// 34-39 Number   "2,500"    "2,500"    "2,500"
	// 40-46 Word     "troops"   "troops"   "troop"
}
