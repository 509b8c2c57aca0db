package corpus

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// chromeCapture reads a capture of testdata/chrome: an article written for
// the test, wrapped in public web chrome (testdata/chrome/SOURCES.md). The
// article's lines are marked, "@t " for its headline and "@a " for its
// paragraphs; every other line that is not blank is chrome. It returns the
// capture as a page would give it (markers stripped) and, per line, 't',
// 'a', 'c' or 0 for a blank line.
func chromeCapture(data string) (string, []byte) {
	var b strings.Builder
	var kinds []byte
	for l := range strings.SplitSeq(strings.TrimRight(data, "\n"), "\n") {
		kind := byte('c')
		switch {
		case strings.TrimSpace(l) == "":
			kind = 0
		case strings.HasPrefix(l, "@t "):
			kind, l = 't', l[3:]
		case strings.HasPrefix(l, "@a "):
			kind, l = 'a', l[3:]
		}
		kinds = append(kinds, kind)
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String(), kinds
}

// TestChromeCaptures is the cleaner's golden test on captures it has never
// seen: each capture is cleaned on its own (no repetition across files to
// lean on); at most 1% of its chrome lines may be left in, and no line of
// the article may lose a character.
func TestChromeCaptures(t *testing.T) {
	files, err := filepath.Glob("testdata/chrome/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no captures in testdata/chrome: %v", err)
	}
	chrome, left, paras, lost := 0, 0, 0, 0
	byList := 0 // chrome lines removed by a phrase of boilerplate.txt
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src, kinds := chromeCapture(string(data))
		name := filepath.Base(f)
		arts, err := LoadFS(fstest.MapFS{name: {Data: []byte(src)}}, Options{})
		if err != nil || len(arts) != 1 {
			t.Fatalf("%s: %d articles, %v", name, len(arts), err)
		}
		a := arts[0]
		removed := make([]bool, utf8.RuneCountInString(src))
		for _, r := range a.Removed {
			for i := r.Start; i < r.End; i++ {
				removed[i] = true
			}
		}
		at := 0 // rune offset of the line
		for i, l := range strings.Split(strings.TrimSuffix(src, "\n"), "\n") {
			n := utf8.RuneCountInString(l)
			some, all := false, true
			for j, r := range []rune(l) {
				if isSpace(r) {
					continue
				}
				some = some || removed[at+j]
				all = all && removed[at+j]
			}
			switch kinds[i] {
			case 'c':
				chrome++
				if !all {
					left++
					t.Logf("%s:%d: chrome left: %q", name, i+1, l)
				}
				for _, r := range a.Removed {
					if r.Start <= at && r.End > at && strings.HasPrefix(r.Reason, "boilerplate:") {
						byList++
					}
				}
			case 'a', 't':
				paras++
				if some {
					lost++
					why := ""
					for _, r := range a.Removed {
						if r.Start < at+n && r.End > at {
							why = r.Reason
						}
					}
					t.Errorf("%s:%d: article line removed (%s): %q", name, i+1, why, l)
				}
			}
			at += n + 1
		}
	}
	share := 100 * float64(left) / float64(chrome)
	t.Logf("%d captures: %d of %d chrome lines left (%.1f%%), %d of %d article lines lost; %d chrome lines removed by a phrase of the list, the others by general signals", len(files), left, chrome, share, lost, paras, byList)
	if share > 1 {
		t.Errorf("%.1f%% of the chrome lines left in (%d of %d), want at most 1%%", share, left, chrome)
	}
}

// TestChromeKeepsArticleLines: article sentences that share words with the
// general signals stay (a short reported refusal to comment, a sentence
// with a share verb, a quote addressed to the reader, a short subheading).
func TestChromeKeepsArticleLines(t *testing.T) {
	en := [3]string{
		"Town votes on the new harbour wall",
		"The council of the harbour town voted on Tuesday to rebuild the sea wall that a storm breached in February.",
		"The regional flood authority is expected to decide next month whether it will pay half of the cost.",
	}
	de := [3]string{
		"Stadt stimmt über die neue Hafenmauer ab",
		"Der Rat der Hafenstadt hat am Dienstag beschlossen, die Mauer wieder aufzubauen, die ein Sturm im Februar durchbrochen hatte.",
		"Die Hochwasserbehörde soll im nächsten Monat entscheiden, ob sie die Hälfte der Kosten übernimmt.",
	}
	ru := [3]string{
		"Город проголосовал за новую стену в порту",
		"Совет портового города во вторник решил восстановить стену, которую в феврале разрушил шторм.",
		"Региональное ведомство в следующем месяце решит, оплатит ли оно половину расходов.",
	}
	for _, c := range []struct {
		frame [3]string
		line  string
	}{
		{en, "A spokesman declined to comment."},
		{en, "“Sign up now or lose your place,” the mayor told residents."},
		{en, "Background"},
		{de, "Die Polizei lehnte einen Kommentar ab."},
		{de, "Sie teilen sich die Kosten."},
		{ru, "В пресс-службе отказались от комментариев."},
	} {
		text := c.frame[0] + "\n\n" + c.frame[1] + "\n\n" + c.line + "\n\n" + c.frame[2] + "\n"
		arts := loadOne(t, "a.txt", []byte(text))
		if len(arts) != 1 {
			t.Fatalf("%q: %d articles", c.line, len(arts))
		}
		for _, r := range arts[0].Removed {
			t.Errorf("%q: removed %q (%s)", c.line, r.Text, r.Reason)
		}
	}
}

// TestConsentBanner: a cookie consent banner at the top or bottom of a
// capture goes, however long its sentences, with its heading, and the
// headline is found under it; an article paragraph about cookies that
// addresses the reader stays where the article stands.
func TestConsentBanner(t *testing.T) {
	banner := "We and our partners use cookies to store and access information on your device. You can accept all cookies or manage your preferences at any time."
	body := []string{
		"Ferry fares to rise in the spring",
		"The island ferry company said on Monday that fares would rise by a tenth from April, the first rise in six years.",
		"The company blamed the price of fuel and the cost of a new vessel that it ordered last year.",
		"Regulators now say that websites must let you refuse cookies as easily as you accept them, the company's lawyer noted in a letter to the council.",
		"Passenger groups said they would ask the regional council to step in before the new fares take effect.",
		"The council is expected to discuss the fares at its next meeting in March.",
		"Season tickets will rise by less than single fares, the company said.",
	}
	for _, c := range []struct {
		name string
		text string
	}{
		{"top", "Your privacy matters\n" + banner + "\n" + strings.Join(body, "\n\n") + "\n"},
		{"under the headline", body[0] + "\n" + banner + "\n\n" + strings.Join(body[1:], "\n\n") + "\n"},
		{"bottom", strings.Join(body, "\n\n") + "\n\n" + banner + "\n"},
	} {
		arts := loadOne(t, "a.txt", []byte(c.text))
		a := arts[0]
		if a.Title != body[0] {
			t.Errorf("%s: title %q, want %q", c.name, a.Title, body[0])
		}
		var removed []string
		for _, r := range a.Removed {
			removed = append(removed, r.Text)
		}
		if !slices.Contains(removed, banner) {
			t.Errorf("%s: banner kept; removed %q", c.name, removed)
		}
		if c.name == "top" && !slices.Contains(removed, "Your privacy matters") {
			t.Errorf("%s: the banner's heading kept; removed %q", c.name, removed)
		}
		for _, l := range body {
			if slices.Contains(removed, l) {
				t.Errorf("%s: article line removed: %q", c.name, l)
			}
		}
	}
}

// TestQuoted: every quotation mark the signals know makes a line quoted.
func TestQuoted(t *testing.T) {
	for text, want := range map[string]bool{
		`He said "no".`: true, "She said “no”.": true, "Il a dit « non ».": true, "Er sagte „nein“.": true,
		"Plain line — with a dash, 2½ and a ¶": false, "": false, "It’s his": false,
	} {
		if got := quoted(text); got != want {
			t.Errorf("quoted(%q) = %v, want %v", text, got, want)
		}
	}
}
