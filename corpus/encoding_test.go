package corpus

import (
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// Invented articles, in UTF-8.
const (
	encFR = "Les ministres reprennent les négociations\n\nLes ministres des affaires étrangères se sont rencontrés lundi à Paris pour reprendre les négociations sur le traité. Les discussions devraient se poursuivre le mois prochain à Genève, selon le communiqué.\n\n« Nous voulons avancer rapidement », a déclaré le porte-parole du ministère après la réunion.\n"
	encRU = "Министры договорились возобновить переговоры\n\nМинистры иностранных дел двух стран встретились в понедельник в столице и договорились возобновить мирные переговоры.\n\nПо словам чиновников, переговоры пройдут в нейтральной стране, но точная дата пока не определена.\n"
	encJA = "両国外相、来月の和平交渉再開で合意\n\n両国の外相は月曜日、首都で会談し、来月に国境問題をめぐる和平交渉を再開することで合意した。\n\n関係者によると、交渉は中立国で行われる予定だが、具体的な日程はまだ決まっていない。\n"
)

// asHTML makes a page of an article: its first line the headline, the
// others paragraphs.
func asHTML(text, head string) string {
	ls := strings.Split(strings.TrimSpace(text), "\n\n")
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head>" + head + "<title>" + ls[0] + "</title></head><body><article><h1>" + ls[0] + "</h1>\n")
	for _, p := range ls[1:] {
		b.WriteString("<p>" + p + "</p>\n")
	}
	b.WriteString("</article></body></html>\n")
	return b.String()
}

func utf16Enc(bigEndian bool) encoding.Encoding {
	if bigEndian {
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	}
	return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
}

// TestEncodingOffsets reads articles in each encoding the readers accept:
// the runes [Start, End) of the file as decoded, its byte order mark
// included, are each sentence's text.
func TestEncodingOffsets(t *testing.T) {
	cases := []struct {
		name, file, text string
		enc              encoding.Encoding // nil: UTF-8
		bom              bool
	}{
		{"txt utf-8", "a.txt", encFR, nil, false},
		{"txt utf-8 bom", "a.txt", encFR, nil, true},
		{"txt utf-16le bom", "a.txt", encRU, utf16Enc(false), true},
		{"txt utf-16be bom", "a.txt", encJA, utf16Enc(true), true},
		{"md utf-8 bom", "a.md", encFR, nil, true},
		{"md utf-16le bom", "a.md", encJA, utf16Enc(false), true},
		{"html utf-8", "a.html", asHTML(encFR, ""), nil, false},
		{"html utf-8 bom", "a.html", asHTML(encFR, ""), nil, true},
		{"html utf-16le bom", "a.html", asHTML(encRU, ""), utf16Enc(false), true},
		{"html utf-16be bom", "a.html", asHTML(encJA, ""), utf16Enc(true), true},
		{"html windows-1252 declared", "a.html", asHTML(encFR, `<meta charset="windows-1252">`), charmap.Windows1252, false},
		{"html windows-1252", "a.html", asHTML(encFR, ""), charmap.Windows1252, false},
		{"html windows-1251", "a.html", asHTML(encRU, ""), charmap.Windows1251, false},
		{"html shift_jis", "a.html", asHTML(encJA, ""), japanese.ShiftJIS, false},
		{"html shift_jis declared", "a.html", asHTML(encJA, `<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">`), japanese.ShiftJIS, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			decoded := c.text
			if c.bom {
				decoded = "\ufeff" + decoded
			}
			data := []byte(decoded)
			if c.enc != nil {
				var err error
				if data, err = c.enc.NewEncoder().Bytes(data); err != nil {
					t.Fatal(err)
				}
			}
			var warnings []string
			arts, err := LoadFS(fstest.MapFS{c.file: {Data: data}}, Options{Warn: func(m string) { warnings = append(warnings, m) }})
			if err != nil {
				t.Fatal(err)
			}
			if len(warnings) > 0 {
				t.Errorf("warnings %q", warnings)
			}
			a := arts[0]
			if len(a.Sentences) < 2 {
				t.Fatalf("%d sentences: %+v", len(a.Sentences), a.Sentences)
			}
			runes := []rune(decoded)
			for _, s := range a.Sentences {
				if s.Start < 0 || s.End > len(runes) || s.Start > s.End {
					t.Fatalf("sentence %q at [%d,%d), outside the %d characters", s.Text, s.Start, s.End, len(runes))
				}
				if got := string(runes[s.Start:s.End]); got != s.Text {
					t.Errorf("sentence %q at [%d,%d) is %q in the file", s.Text, s.Start, s.End, got)
				}
			}
			if a.TitleSpan != nil {
				if got := string(runes[a.TitleSpan.Start:a.TitleSpan.End]); got != a.Title {
					t.Errorf("title %q at %v is %q in the file", a.Title, *a.TitleSpan, got)
				}
			}
		})
	}
}

// TestEncodingHint: a text file that is not UTF-8 is refused with the
// encoding it looks like named; UTF-16 JSON is named as such.
func TestEncodingHint(t *testing.T) {
	enc := func(e encoding.Encoding, s string) []byte {
		b, err := e.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cases := []struct {
		file string
		data []byte
		want string
	}{
		{"a.txt", enc(charmap.Windows1252, encFR), "looks like WINDOWS-1252; convert it first, e.g. iconv -f WINDOWS-1252 -t UTF-8"},
		{"a.txt", enc(charmap.Windows1251, encRU), "looks like WINDOWS-1251; convert it first, e.g. iconv -f WINDOWS-1251 -t UTF-8"},
		{"a.md", enc(japanese.ShiftJIS, encJA), "looks like SHIFT_JIS; convert it first, e.g. iconv -f SHIFT_JIS -t UTF-8"},
		{"a.json", enc(utf16Enc(false), "\ufeff{\"maintext\": \"x\"}"), "UTF-16LE, not UTF-8; convert it first, e.g. iconv -f UTF-16LE -t UTF-8"},
	}
	for _, c := range cases {
		_, err := LoadFS(fstest.MapFS{c.file: {Data: c.data}}, Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.file, err, c.want)
		}
	}
}

// TestEncodingWarning: a page whose charset is guessed on little evidence
// is read, with a warning naming the file.
func TestEncodingWarning(t *testing.T) {
	page := asHTML("Talks resume\n\nThe ministers met on Monday in the capital to resume talks, the spokesman said \xa4\xa4\xa4 after the meeting.\n\nThe talks are expected to continue next month in another city, officials said.\n", "")
	var warnings []string
	if _, err := LoadFS(fstest.MapFS{"p.html": {Data: []byte(page)}}, Options{Warn: func(m string) { warnings = append(warnings, m) }}); err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.HasPrefix(warnings[0], "p.html: declares no charset") {
		t.Errorf("warnings %q", warnings)
	}
}
