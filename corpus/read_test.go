package corpus

import (
	"testing"
	"testing/fstest"
)

func TestReaders(t *testing.T) {
	fsys := fstest.MapFS{
		"wire.json":  {Data: []byte(`{"title":"Talks resume","maintext":"The talks resumed on Monday.\nOfficials from both sides met in the capital.","source_domain":"example.org","url":"https://example.org/a","date_publish":"2019-01-14 10:22:00","language":"en"}`)},
		"many.jsonl": {Data: []byte("{\"title\":\"One\",\"maintext\":\"The first article.\"}\n\n{\"title\":\"Two\",\"maintext\":\"The second article.\"}\n")},
		"cap.txt":    {Data: []byte("Ministers agree to resume talks\r\n\r\nThe ministers agreed on Monday to resume the talks, which stalled\r\nlast year, officials said.\r\n")},
	}
	arts, err := LoadFS(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	if len(arts) != 4 {
		t.Fatalf("got %d articles, want 4", len(arts))
	}

	w := byID["wire"]
	if w == nil || w.Outlet != "example.org" || w.Date != "2019-01-14" || w.URL != "https://example.org/a" || w.Title != "Talks resume" || w.Language != "en" {
		t.Fatalf("wire metadata: %+v", w)
	}
	if w.TitleSpan != nil || len(w.Sentences) != 2 {
		t.Fatalf("wire: title span %v, %d sentences; want the title apart and 2 sentences", w.TitleSpan, len(w.Sentences))
	}
	// Offsets count runes of the maintext field.
	if s := w.Sentences[1]; s.Start != 29 || s.End != 74 || s.Text != "Officials from both sides met in the capital." {
		t.Errorf("wire sentence 2: %+v", s)
	}

	if byID["many-1"] == nil || byID["many-3"] == nil || byID["many-3"].Title != "Two" || byID["many-3"].Record != 3 {
		t.Errorf("jsonl records: %v", arts)
	}

	c := byID["cap"]
	if c.Title != "Ministers agree to resume talks" || c.TitleSpan == nil || *c.TitleSpan != (Span{0, 31}) {
		t.Errorf("capture title %q at %v", c.Title, c.TitleSpan)
	}
	// The soft-wrapped paragraph is one sentence; its offsets span the wrap.
	if len(c.Sentences) != 1 || c.Sentences[0].Text != "The ministers agreed on Monday to resume the talks, which stalled last year, officials said." || c.Sentences[0].Start != 35 || c.Sentences[0].End != 128 {
		t.Errorf("capture sentences: %+v", c.Sentences)
	}
	if c.Outlet != "cap" {
		t.Errorf("outlet from the file name: got %q", c.Outlet)
	}
}

func TestCleanSignals(t *testing.T) {
	cases := []struct {
		name, text string
		removed    []string
	}{
		{"glued cross-link", "Headline of the story\n\nThe first paragraph of the story runs on for a while, officials said.\nRead more: example.com Another story headlineThe second paragraph goes on here, the minister said.\n",
			[]string{"Read more: example.com Another story headline"}},
		{"script mismatch", "Headline of the story\n\nThe first paragraph of the story runs on for a while, officials said.\nПодпишитесь на наш канал в мессенджере\n",
			[]string{"Подпишитесь на наш канал в мессенджере"}},
		{"subheading kept", "Headline of the story\n\nThe first paragraph of the story runs on for a while, officials said.\n\nA subheading\n\nThe second paragraph of the story runs on for a while, officials said.\n",
			nil},
		{"comment section ends the article", "Headline of the story\n\nThe first paragraph of the story runs on for a while, officials said.\n\nComments (12)\n\nGreat article, thanks for writing it, it was very informative.\n",
			[]string{"Comments (12)", "Great article, thanks for writing it, it was very informative."}},
		{"menu run", "Headline of the story\n\n• Home\n• World\n• Politics\n\nThe first paragraph of the story runs on for a while, officials said.\n",
			[]string{"• Home", "• World", "• Politics"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			arts := loadOne(t, "a.txt", []byte(c.text))
			if len(arts) != 1 {
				t.Fatal("no article")
			}
			var got []string
			for _, r := range arts[0].Removed {
				got = append(got, r.Text)
			}
			missing, extra := diffLists(c.removed, got)
			if len(missing)+len(extra) > 0 {
				t.Errorf("chrome left: %q; text removed: %q", missing, extra)
			}
			checkCoverage(t, c.name, c.text, arts[0])
		})
	}
}

func TestSentenceTokens(t *testing.T) {
	arts := loadOne(t, "a.txt", []byte("Héadline of the story\n\nThe “talks” resumed,\nofficials said.\n"))
	a := arts[0]
	src := []rune("Héadline of the story\n\nThe “talks” resumed,\nofficials said.\n")
	var words []string
	for _, tk := range a.SentenceTokens(0) {
		if got := string(src[tk.SrcStart:tk.SrcEnd]); got != tk.Text {
			t.Errorf("token %q maps to source %q", tk.Text, got)
		}
		words = append(words, tk.Norm)
	}
	if len(words) < 5 || words[2] != "talks" {
		t.Errorf("tokens %q", words)
	}
}

// TestNormDate: a timestamp is kept as its day in its own time zone;
// anything else as given.
func TestNormDate(t *testing.T) {
	for in, want := range map[string]string{
		"2024-03-13T06:15:00+01:00": "2024-03-13",
		"2024-03-13T23:30:00-05:00": "2024-03-13", // not the next day in UTC
		"2019-01-14 10:22:00":       "2019-01-14",
		" 2019-01-14 ":              "2019-01-14",
		"14 March 2024":             "14 March 2024",
		"":                          "",
	} {
		if got := normDate(in); got != want {
			t.Errorf("normDate(%q) = %q, want %q", in, got, want)
		}
	}
}
