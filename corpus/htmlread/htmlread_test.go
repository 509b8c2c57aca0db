package htmlread

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/charmap"
)

func readPage(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sourceRange returns the runes [lo, hi) of the decoded source as text.
// Test pages that are not UTF-8 are windows-1252.
func sourceRange(src []byte, lo, hi int) string {
	if utf8.Valid(src) {
		return string([]rune(string(src))[lo:hi])
	}
	b, _ := charmap.Windows1252.NewDecoder().Bytes(src)
	return string([]rune(string(b))[lo:hi])
}

// visible returns the text a reader sees in an HTML fragment: text
// tokens with entities decoded, outside elements whose content is not text.
func visible(frag string) string {
	z := html.NewTokenizer(strings.NewReader(frag))
	var sb strings.Builder
	skip := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return sb.String()
		case html.TextToken:
			if !skip {
				sb.Write(z.Text())
			}
			skip = false
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			skip = rawText[string(name)]
		default:
			skip = false
		}
	}
}

// squash drops white space and the invisible characters Extract drops.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || ignorable(r) {
			return -1
		}
		return r
	}, s)
}

// checkText asserts the invariants of every Text: valid UTF-8, offsets
// inside the source and non-decreasing, line breaks mapped to empty ranges.
func checkText(t testing.TB, src []byte, doc Doc) {
	t.Helper()
	n := decode(src).nrunes
	s := doc.Text.S
	if !utf8.ValidString(s) {
		t.Errorf("Text is not valid UTF-8")
	}
	plo, phi := 0, 0
	for i := 0; i < len(s); i++ {
		lo, hi := doc.Text.Span(i, i+1)
		if lo < 0 || hi > n || lo > hi {
			t.Fatalf("byte %d maps to [%d,%d), source has %d runes", i, lo, hi, n)
		}
		if lo < plo || hi < phi {
			t.Fatalf("byte %d maps to [%d,%d), before [%d,%d)", i, lo, hi, plo, phi)
		}
		if s[i] == '\n' && lo != hi {
			t.Errorf("line break at %d maps to [%d,%d)", i, lo, hi)
		}
		plo, phi = lo, hi
	}
}

// checkLines asserts that every line of Text, mapped back through Span,
// covers source text whose visible characters are the line's, white space
// and character references aside.
func checkLines(t *testing.T, src []byte, doc Doc) {
	t.Helper()
	off := 0
	for _, line := range strings.Split(doc.Text.S, "\n") {
		lo, hi := doc.Text.Span(off, off+len(line))
		off += len(line) + 1
		got := squash(visible(sourceRange(src, lo, hi)))
		if want := squash(line); got != want {
			t.Errorf("line %q\nmaps to [%d,%d) %q\nwhose visible text is %q", line, lo, hi, sourceRange(src, lo, hi), got)
		}
	}
}

func lines(doc Doc) []string { return strings.Split(doc.Text.S, "\n") }

// spanOf returns the source text of the first occurrence of sub in Text.
func spanOf(t *testing.T, src []byte, doc Doc, sub string) string {
	t.Helper()
	i := strings.Index(doc.Text.S, sub)
	if i < 0 {
		t.Fatalf("%q not in text", sub)
	}
	lo, hi := doc.Text.Span(i, i+len(sub))
	return sourceRange(src, lo, hi)
}

func TestExtract(t *testing.T) {
	tests := []struct {
		file, url string
		meta      Meta
		lines     []string // whole lines, in this order
		absent    []string // substrings Text must not contain
	}{
		{
			file: "news.html",
			meta: Meta{
				Title:     "Harbour bridge reopens after two years of repairs",
				SiteName:  "The Coastal Courier",
				Published: "2024-03-14T09:30:00Z",
				URL:       "https://courier.example/news/2024/harbour-bridge-reopens",
				Language:  "en-GB",
				Author:    "Mary O’Neill, Tom Berg",
			},
			lines: []string{
				"The harbour bridge reopened to traffic on Thursday morning, two years after engineers found corrosion in the steel cables that hold up its central span. The first cars crossed at 6 a.m., greeted by a small crowd of residents who had waited since dawn.",
				"“It’s been a long wait, but the bridge is safer now than on the day it opened,” said the council’s chief engineer, Aisha Rahman. The repairs cost £48 million, about a third more than the original estimate of £36 million.",
				"Traffic & detours",
				"Buses return to the bridge route on Monday.",
				"Cyclists get a new protected lane on the east side.",
				"We lost customers every single week the bridge was shut.",
				"Now we hope they come back.",
				"The council said weight limits for lorries would stay in place until a final inspection in June, and that tolls would not be introduced. Campaigners welcomed the decision but asked for regular public reports on the state of the cables.",
			},
			absent: []string{"Related stories", "Ferry timetable", "About time", "Who pays", "harbourfan",
				"All rights reserved", "Privacy policy", "Weather", "STYLE-TEXT", "Coastal Courier"},
		},
		{
			file: "news.html", url: "https://courier.example/amp/harbour?utm_source=x",
			meta: Meta{
				Title:     "Harbour bridge reopens after two years of repairs",
				SiteName:  "The Coastal Courier",
				Published: "2024-03-14T09:30:00Z",
				URL:       "https://courier.example/news/2024/harbour-bridge-reopens",
				Language:  "en-GB",
				Author:    "Mary O’Neill, Tom Berg",
			},
			lines: []string{"Traffic & detours"},
		},
		{
			file: "hostile.html",
			meta: Meta{Title: "Storm closes schools", Language: "en"},
			lines: []string{
				"Storm closes schools across the valley",
				"Schools across the valley were closed on Tuesday as a storm brought winds of up to 110 km/h and heavy rain, the regional education office said. Bus services were suspended from noon.",
				"Parents were told to collect younger pupils early. Read the full advice from the office, which said that all schools would reopen on Wednesday if the forecast held.",
				"Farmers in the lower valley reported flooded fields and at least two barns lost their roofs. The fire service said it had answered more than 200 calls overnight, most of them about fallen trees blocking roads.",
			},
			absent: []string{"PWNED", "alert", "javascript", "cookie", "fetch", "<", ">"},
		},
		{
			file: "latin1.html", url: "https://stadtbote.example/lokal/busnetz.html",
			meta: Meta{
				Title:     "Stadtrat beschließt neues Busnetz",
				Published: "2023-11-02",
				URL:       "https://stadtbote.example/lokal/busnetz.html",
				Language:  "de-DE",
			},
			lines: []string{
				"Der Stadtrat hat am Donnerstag mit großer Mehrheit ein neues Busnetz beschlossen. Ab Januar 2025 sollen die Linien 4 und 7 im Zehn-Minuten-Takt fahren, auch am Wochenende. Die Kosten von rund 2,3 Millionen € trägt zum größten Teil das Land.",
				"„Wir haben lange auf diesen Tag gewartet“, sagte Bürgermeisterin Jürgens nach der Sitzung. Kritik kam von der Opposition: Die Außenbezirke würden weiterhin nur stündlich angefahren, hieß es. Änderungen am Plan seien aber noch möglich.",
			},
			absent: []string{"Startseite", "Impressum", "\uFFFD"},
		},
		{
			file: "structure.html",
			meta: Meta{Title: "Élections : les résultats commune par commune", Language: "fr"},
			lines: []string{
				"Dans la circonscription du Nord, le sortant a été réélu avec une avance confortable. « C'est une victoire collective », a-t-il déclaré devant ses partisans, avant de remercier les bénévoles de sa campagne et ses électeurs 🎉.",
				"Commune Inscrits Participation",
				"Saint-Aubin 4 312 63,2 %",
				"Montclair 12 095 58,9 %",
				"Adresse de la préfecture :",
				"12, rue des Lilas",
				"75000 Paris",
				"Un second tour aura lieu dans trois communes où aucune liste n'a obtenu la majorité absolue ; les candidats ont jusqu'à mardi soir pour se déclarer.",
			},
			absent: []string{"\u00ad", "\u200b", "\u00a0", "  "},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src := readPage(t, tt.file)
			doc, err := Extract(src, tt.url)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Meta != tt.meta {
				t.Errorf("Meta\n got %+v\nwant %+v", doc.Meta, tt.meta)
			}
			got := lines(doc)
			k := 0
			for _, l := range got {
				if k < len(tt.lines) && l == tt.lines[k] {
					k++
				}
			}
			if k < len(tt.lines) {
				t.Errorf("line %q missing or out of order; text:\n%s", tt.lines[k], doc.Text.S)
			}
			for _, a := range tt.absent {
				if strings.Contains(doc.Text.S, a) {
					t.Errorf("text contains %q", a)
				}
			}
			for _, l := range got {
				if l == "" || l != strings.TrimSpace(l) || strings.Contains(l, "  ") {
					t.Errorf("badly trimmed line %q", l)
				}
			}
			checkText(t, src, doc)
			checkLines(t, src, doc)
		})
	}
}

func TestHostileMeta(t *testing.T) {
	doc, err := Extract(readPage(t, "hostile.html"), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{doc.Meta.Title, doc.Meta.SiteName, doc.Meta.Published, doc.Meta.URL, doc.Meta.Language, doc.Meta.Author} {
		if strings.Contains(v, "PWNED") || strings.Contains(strings.ToLower(v), "javascript") {
			t.Errorf("Meta carries hostile value %q", v)
		}
	}
}

// TestMapping checks single characters: an entity maps to the whole
// entity, collapsed white space to the white-space run.
func TestMapping(t *testing.T) {
	tests := []struct {
		file, text, source string
	}{
		{"news.html", "It’s", "It&#8217;s"},
		{"news.html", "“It", "&ldquo;It"},
		{"news.html", "council’s", "council&#x2019;s"},
		{"news.html", "Traffic & detours", "Traffic &amp; detours"},
		{"news.html", "£48 million", "&pound;48&nbsp;million"},
		{"news.html", "lorries would", "lorries\n   would"},
		{"structure.html", "collective", "col&shy;lec&shy;tive"},
		{"structure.html", "bénévoles de", "bénévoles&#8203; de"},
		{"structure.html", "4 312", "4&#8239;312"},
		{"structure.html", "publiés mardi au Journal officiel.", "publiés mardi au <em>Journal officiel</em>."},
		{"structure.html", "n'a", "n&apos;a"},
		{"structure.html", "🎉", "🎉"},
		{"latin1.html", "Millionen €", "Millionen €"},
		{"latin1.html", "Änderungen", "&Auml;nderungen"},
		{"latin1.html", "„Wir", "„Wir"},
	}
	docs := map[string]Doc{}
	for _, tt := range tests {
		src := readPage(t, tt.file)
		doc, ok := docs[tt.file]
		if !ok {
			var err error
			if doc, err = Extract(src, ""); err != nil {
				t.Fatal(err)
			}
			docs[tt.file] = doc
		}
		if got := spanOf(t, src, doc, tt.text); got != tt.source {
			t.Errorf("%s: %q maps to %q, want %q", tt.file, tt.text, got, tt.source)
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name string
		src  []byte
		want error
	}{
		{"empty", nil, ErrNotHTML},
		{"blank", []byte(" \n\t "), ErrNotHTML},
		{"gzip", []byte("\x1f\x8b\x08\x00\x00\x00<html>"), ErrNotHTML},
		{"binary", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR<"), ErrNotHTML},
		{"pdf", []byte("%PDF-1.7\n<< /Type /Catalog >>"), ErrNotHTML},
		{"no markup", []byte("just a line of text, no tags at all"), ErrNotHTML},
		{"empty body", []byte("<html><head><title>x</title></head><body></body></html>"), ErrNoMainText},
		{"error page", readPage(t, "nomain.html"), ErrNoMainText},
		{"only scripts", []byte("<html><body><script>" + strings.Repeat("var a = 'news text';", 50) + "</script></body></html>"), ErrNoMainText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract(tt.src, "")
			if !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}

func TestConcurrent(t *testing.T) {
	names := []string{"news.html", "hostile.html", "latin1.html", "structure.html"}
	want := map[string]string{}
	for _, n := range names {
		doc, err := Extract(readPage(t, n), "")
		if err != nil {
			t.Fatal(err)
		}
		want[n] = doc.Text.S
	}
	var wg sync.WaitGroup
	for i := range 8 {
		n := names[i%len(names)]
		src := readPage(t, n)
		wg.Go(func() {
			doc, err := Extract(src, "")
			if err != nil || doc.Text.S != want[n] {
				t.Errorf("%s: concurrent Extract differs (%v)", n, err)
			}
		})
	}
	wg.Wait()
}

func TestCharRef(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"&amp;x", 5, "&"},
		{"&amp x", 4, "&"},
		{"&ampx", 4, "&"},
		{"&AMP;", 5, "&"},
		{"&notit;", 4, "¬"},
		{"&notin;", 7, "∉"},
		{"&#8217;s", 7, "’"},
		{"&#x201C;", 8, "“"},
		{"&#X201c", 7, "“"},
		{"&#150;", 6, "–"}, // windows-1252 remap
		{"&#0;", 4, "\uFFFD"},
		{"&#xD800;", 8, "\uFFFD"},
		{"&#99999999999;", 14, "\uFFFD"},
		{"&NotEqualTilde;", 15, "\u2242\u0338"},
		{"&semi;", 6, ";"},
		{"&nbsp", 5, "\u00a0"},
		{"&foo;", 0, ""},
		{"&", 0, ""},
		{"&#;", 0, ""},
		{"&#x;", 0, ""},
		{"& b", 0, ""},
	}
	for _, tt := range tests {
		n, s := charRef([]byte(tt.in))
		if n != tt.n || s != tt.want {
			t.Errorf("charRef(%q) = %d, %q; want %d, %q", tt.in, n, s, tt.n, tt.want)
		}
		if n > 0 {
			// agrees with the tokenizer's own decoding
			if got := html.UnescapeString(tt.in); got != s+tt.in[n:] {
				t.Errorf("charRef(%q): UnescapeString gives %q", tt.in, got)
			}
		}
	}
}

func TestDecode(t *testing.T) {
	utf16 := []byte{0xff, 0xfe}
	for _, r := range "<p>Grüß</p>" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	tests := []struct {
		name string
		src  []byte
		text string
		// source rune range of each rune of text
		spans [][2]int
	}{
		{"utf-8", []byte("<p>é</p>"), "<p>é</p>", nil},
		{"windows-1252", []byte("<meta charset=windows-1252><p>\xe9\x80</p>"), "<meta charset=windows-1252><p>é€</p>", nil},
		{"koi8-r", []byte("<meta charset=koi8-r><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>"), "<meta charset=koi8-r><p>Привет</p>", nil},
		{"mostly utf-8", []byte("<p>é\xffà</p>"), "<p>é\uFFFDà</p>", nil},
		{"utf-16 BOM", utf16, "\ufeff<p>Grüß</p>", nil},
		{"shift_jis", []byte("<meta charset=shift_jis><p>\x93\xfa\x96\x7b</p>"), "<meta charset=shift_jis><p>日本</p>", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decode(tt.src)
			if string(d.text) != tt.text {
				t.Fatalf("text %q, want %q", d.text, tt.text)
			}
			// one source rune per character decoded
			if d.nrunes != utf8.RuneCount(d.text) {
				t.Errorf("nrunes %d, want %d", d.nrunes, utf8.RuneCount(d.text))
			}
			// every character maps to a non-empty, increasing source range
			// that covers the whole source
			prev := 0
			for i := 0; i < len(d.text); {
				_, n := utf8.DecodeRune(d.text[i:])
				lo, hi := d.span(i, i+n)
				if lo < prev || hi <= lo && !(lo == prev && lo > 0) {
					t.Fatalf("char at %d maps to [%d,%d) after %d", i, lo, hi, prev)
				}
				prev = hi
				i += n
			}
			if prev != d.nrunes {
				t.Errorf("characters end at rune %d, source has %d", prev, d.nrunes)
			}
		})
	}
}

// TestAlign feeds hand-made extractor output to the aligner.
func TestAlign(t *testing.T) {
	src := "<h1>Alpha headline here</h1>\n<p>First paragraph, with some words &amp; more.</p>\n" +
		"<div>It&#8217;s the second paragraph of the page.</div>\n<p>Third one\n  ends here.</p>"
	tests := []struct {
		name  string
		lines []string
		want  []string // lines of Text
		spans []string // source of each line of Text ("" = not found)
	}{
		{
			name:  "in order",
			lines: []string{"Alpha headline here", "First paragraph, with some words & more.", "It’s the second paragraph of the page.", "Third one ends here."},
			want:  []string{"Alpha headline here", "First paragraph, with some words & more.", "It’s the second paragraph of the page.", "Third one ends here."},
			spans: []string{"Alpha headline here", "First paragraph, with some words &amp; more.", "It&#8217;s the second paragraph of the page.", "Third one\n  ends here."},
		},
		{
			name:  "moved line goes back to its place",
			lines: []string{"First paragraph, with some words & more.", "Alpha headline here", "It’s the second paragraph of the page.", "Third one ends here."},
			want:  []string{"Alpha headline here", "First paragraph, with some words & more.", "It’s the second paragraph of the page.", "Third one ends here."},
			spans: []string{"Alpha headline here", "First paragraph, with some words &amp; more.", "It&#8217;s the second paragraph of the page.", "Third one\n  ends here."},
		},
		{
			name:  "repeated line is dropped",
			lines: []string{"Alpha headline here", "First paragraph, with some words & more.", "First paragraph, with some words & more.", "Third one ends here."},
			want:  []string{"Alpha headline here", "First paragraph, with some words & more.", "Third one ends here."},
			spans: []string{"Alpha headline here", "First paragraph, with some words &amp; more.", "Third one\n  ends here."},
		},
		{
			name:  "changed characters map to what they replace",
			lines: []string{"It's the second paragraph of the page."},
			want:  []string{"It's the second paragraph of the page."},
			spans: []string{"It&#8217;s the second paragraph of the page."},
		},
		{
			name:  "dropped words inside a line",
			lines: []string{"First paragraph, with more."},
			want:  []string{"First paragraph, with more."},
			spans: []string{"First paragraph, with some words &amp; more."},
		},
		{
			name:  "line not in the source",
			lines: []string{"Alpha headline here", "Nothing like this is in the page at all", "Third one ends here."},
			want:  []string{"Alpha headline here", "Nothing like this is in the page at all", "Third one ends here."},
			spans: []string{"Alpha headline here", "", "Third one\n  ends here."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decode([]byte(src))
			text, _ := align(scan(d), tt.lines, d.nrunes)
			doc := Doc{Text: text}
			checkText(t, []byte(src), doc)
			got := lines(doc)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Fatalf("lines %q, want %q", got, tt.want)
			}
			off := 0
			for i, l := range got {
				lo, hi := text.Span(off, off+len(l))
				off += len(l) + 1
				if s := sourceRange([]byte(src), lo, hi); tt.spans[i] != "" && s != tt.spans[i] {
					t.Errorf("line %q maps to %q, want %q", l, s, tt.spans[i])
				}
			}
		})
	}
}

// TestAlignLarge aligns many slightly changed lines, and many lines that
// are not in the page, against a large page: the work stays bounded and
// the changed lines are still placed.
func TestAlignLarge(t *testing.T) {
	var sb strings.Builder
	for i := range 4000 {
		fmt.Fprintf(&sb, "<p>paragraph number %d with some words in it about the harbour</p>\n", i)
	}
	src := []byte(sb.String())
	d := decode(src)
	st := scan(d)
	var changed, absent []string
	for i := range 1000 {
		changed = append(changed, fmt.Sprintf("paragraph number %d with some WORDS in it about the harbour", 4*i))
		absent = append(absent, fmt.Sprintf("line %d that is nowhere qqz in the page", i))
	}
	text, placed := align(st, changed, d.nrunes)
	checkText(t, src, Doc{Text: text})
	if want := utf8.RuneCountInString(squash(text.S)) * 8 / 10; placed < want {
		t.Errorf("changed lines: %d characters placed, want at least %d", placed, want)
	}
	if i := strings.Index(text.S, "number 2000 "); i < 0 {
		t.Error("line 500 missing")
	} else if lo, hi := text.Span(i, i+len("number 2000")); sourceRange(src, lo, hi) != "number 2000" {
		t.Errorf("line 500 maps to %q", sourceRange(src, lo, hi))
	}
	text, placed = align(st, absent, d.nrunes)
	checkText(t, src, Doc{Text: text})
	if placed != 0 {
		t.Errorf("absent lines: %d characters placed", placed)
	}
}

func FuzzExtract(f *testing.F) {
	for _, name := range []string{"news.html", "hostile.html", "latin1.html", "structure.html", "nomain.html"} {
		f.Add(readPage(f, name))
	}
	f.Add([]byte("<p>" + strings.Repeat("Some words of a paragraph &amp; more. ", 20) + "</p><p>&#8217;&notit; &#x1F389;</p>"))
	f.Add([]byte("<svg><title/><p>" + strings.Repeat("text after foreign content ", 20) + "</p>"))
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := Extract(src, "")
		if err != nil {
			if !errors.Is(err, ErrNotHTML) && !errors.Is(err, ErrNoMainText) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if doc.Text.S == "" {
			t.Fatal("no error and no text")
		}
		checkText(t, src, doc)
	})
}

// FuzzAlign aligns arbitrary lines against arbitrary pages.
func FuzzAlign(f *testing.F) {
	f.Add([]byte("<p>one two &amp; three</p><p>four</p>"), "four\none two & three\nfive")
	f.Add(readPage(f, "structure.html"), "Saint-Aubin 4 312 63,2 %\n75000 Paris\n12, rue des Lilas")
	f.Fuzz(func(t *testing.T, src []byte, text string) {
		var ls []string
		for _, l := range strings.Split(text, "\n") {
			if c := collapse([]byte(l)); c != "" {
				ls = append(ls, c)
			}
		}
		d := decode(src)
		t2, _ := align(scan(d), ls, d.nrunes)
		checkText(t, src, Doc{Text: t2})
	})
}

func BenchmarkExtract(b *testing.B) {
	// A page of the size of a real one (about 150 kB), with the boilerplate
	// around the article that real pages have.
	var page bytes.Buffer
	page.WriteString("<html><head><title>Bench</title><script>" + strings.Repeat("var x = 1;", 2000) + "</script></head><body>")
	for i := range 40 {
		page.WriteString("<nav><ul><li><a href='/a'>Section</a></li><li><a href='/b'>Other section</a></li></ul></nav>")
		_ = i
	}
	page.WriteString("<article><h1>Headline of the benchmark article</h1>")
	para := readPage(b, "news.html")
	body := para[bytes.Index(para, []byte("<p>The harbour")):bytes.Index(para, []byte("</article>"))]
	for range 40 {
		page.Write(body)
	}
	page.WriteString("</article><footer>" + strings.Repeat("<p>Footer link &copy;</p>", 200) + "</footer></body></html>")
	pages := []struct {
		name string
		src  []byte
	}{
		{"news.html", readPage(b, "news.html")},
		{"latin1.html", readPage(b, "latin1.html")},
		{"large", page.Bytes()},
	}
	for _, p := range pages {
		b.Run(p.name, func(b *testing.B) {
			b.SetBytes(int64(len(p.src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Extract(p.src, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
