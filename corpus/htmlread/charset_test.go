package htmlread

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// page is an invented article page; %s is where a charset declaration goes.
func page(head, title string, paras ...string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head>" + head + "<title>" + title + "</title></head><body><article><h1>" + title + "</h1>")
	for _, p := range paras {
		b.WriteString("<p>" + p + "</p>\n")
	}
	b.WriteString("</article></body></html>\n")
	return b.String()
}

var (
	frPage = page("", "Les ministres reprennent les négociations",
		"Les ministres des affaires étrangères se sont rencontrés lundi à Paris pour reprendre les négociations sur le traité.",
		"« Nous voulons avancer rapidement », a déclaré le porte-parole du ministère après la réunion de l’après-midi.",
		"Les discussions devraient se poursuivre le mois prochain à Genève, selon le communiqué publié après la rencontre.")
	ruPage = page("", "Министры договорились возобновить переговоры",
		"Министры иностранных дел двух стран встретились в понедельник в столице и договорились возобновить мирные переговоры.",
		"«Обе стороны хотят добиться прогресса как можно скорее», — сказал представитель министерства после встречи.",
		"По словам чиновников, переговоры пройдут в нейтральной стране, но точная дата пока не определена.")
	jaPage = page("", "両国外相、来月の和平交渉再開で合意",
		"両国の外相は月曜日、首都で会談し、来月に国境問題をめぐる和平交渉を再開することで合意した。",
		"外務省の報道官は会談後、「双方ともできるだけ早く前進したいと考えている」と述べた。",
		"関係者によると、交渉は中立国で行われる予定だが、具体的な日程はまだ決まっていない。",
		"専門家は、今回の会談が両国関係の緩和の兆しを示していると分析している。")
)

func declare(p, cs string) string {
	return strings.Replace(p, "<head>", `<head><meta charset="`+cs+`">`, 1)
}

func utf16(bigEndian bool) encoding.Encoding {
	if bigEndian {
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	}
	return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
}

// TestCharsetOffsets reads one page in each encoding the reader accepts and
// checks that every line of the text maps to the characters of the page as
// decoded (its byte order mark included) whose visible text it is.
func TestCharsetOffsets(t *testing.T) {
	cases := []struct {
		name    string
		text    string            // the page as UTF-8
		enc     encoding.Encoding // how it is saved; nil: UTF-8
		bom     bool              // saved with a byte order mark
		charset string            // Doc.Charset
		want    string            // a line of the text
	}{
		{"utf-8", frPage, nil, false, "utf-8", "Les discussions devraient"},
		{"utf-8 bom", frPage, nil, true, "utf-8", "Les discussions devraient"},
		{"utf-16le bom", frPage, utf16(false), true, "utf-16le", "Les discussions devraient"},
		{"utf-16be bom", jaPage, utf16(true), true, "utf-16be", "専門家は"},
		{"windows-1252 declared", declare(frPage, "windows-1252"), charmap.Windows1252, false, "windows-1252", "Les discussions devraient"},
		{"windows-1252 undeclared", frPage, charmap.Windows1252, false, "windows-1252", "Les discussions devraient"},
		{"windows-1251 undeclared", ruPage, charmap.Windows1251, false, "windows-1251", "По словам чиновников"},
		{"windows-1251 declared", declare(ruPage, "windows-1251"), charmap.Windows1251, false, "windows-1251", "По словам чиновников"},
		{"koi8-r declared", declare(strings.NewReplacer("«", `"`, "»", `"`, "—", "-").Replace(ruPage), "koi8-r"), charmap.KOI8R, false, "koi8-r", "По словам чиновников"},
		{"shift_jis undeclared", jaPage, japanese.ShiftJIS, false, "shift_jis", "専門家は"},
		{"shift_jis declared", declare(jaPage, "shift_jis"), japanese.ShiftJIS, false, "shift_jis", "専門家は"},
		{"euc-jp declared", declare(jaPage, "euc-jp"), japanese.EUCJP, false, "euc-jp", "専門家は"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			decoded := c.text
			if c.bom {
				decoded = "\ufeff" + decoded
			}
			src := []byte(decoded)
			if c.enc != nil {
				var err error
				if src, err = c.enc.NewEncoder().Bytes(src); err != nil {
					t.Fatal(err)
				}
			}
			doc, err := Extract(src, "")
			if err != nil {
				t.Fatal(err)
			}
			if doc.Charset != c.charset || len(doc.Warnings) > 0 {
				t.Errorf("read as %s, warnings %q; want %s and none", doc.Charset, doc.Warnings, c.charset)
			}
			if !strings.Contains(doc.Text.S, c.want) {
				t.Fatalf("text %q lacks %q", doc.Text.S, c.want)
			}
			runes := []rune(decoded)
			off := 0
			for _, line := range strings.Split(doc.Text.S, "\n") {
				lo, hi := doc.Text.Span(off, off+len(line))
				off += len(line) + 1
				if lo < 0 || hi > len(runes) || lo > hi {
					t.Fatalf("line %q maps to [%d,%d), outside the %d characters", line, lo, hi, len(runes))
				}
				if got, want := squash(visible(string(runes[lo:hi]))), squash(line); got != want {
					t.Errorf("line %q maps to [%d,%d) %q", line, lo, hi, string(runes[lo:hi]))
				}
			}
			if !utf8.ValidString(doc.Text.S) {
				t.Error("text is not UTF-8")
			}
		})
	}
}

func TestCharsetUnsure(t *testing.T) {
	// Three bytes that are not UTF-8 in a page of English: a guess, and
	// a warning that it is one.
	src := []byte(page("", "Talks resume", "The ministers met on Monday in the capital to resume talks, the spokesman said \xa4\xa4\xa4 after the meeting.", "The talks are expected to continue next month in another city, officials said."))
	doc, err := Extract(src, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "declares no charset") {
		t.Errorf("warnings %q", doc.Warnings)
	}
}
