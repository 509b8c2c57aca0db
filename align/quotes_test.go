package align

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/biasdiff/biasdiff/corpus"
	"github.com/biasdiff/biasdiff/corpus/sample"
)

func TestQuotes(t *testing.T) {
	arts := load(t,
		`“We will never accept a deal that gives away our fishing waters,” the prime minister said on Monday. Officials said talks would resume.`,
		`Prime Minister Jane Doe said her government would “never accept a deal that gives away our fishing waters.”`,
		`“The weather was terrible,” the coach said after the match. “We played well in the second half,” he added.`,
	)
	got := Quotes(arts)
	if len(got) != 1 {
		t.Fatalf("got %d clusters, want 1: %+v", len(got), got)
	}
	c := got[0]
	if len(c.Variants) != 2 || c.Variants[0].Article != 0 || c.Variants[1].Article != 1 {
		t.Errorf("variants %+v", c.Variants)
	}
	if c.Speaker == "" {
		t.Errorf("no speaker")
	}
}

func TestSameSpeaker(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"Sergey Lavrov", "Lavrov", true},
		{"the minister", "Jane Doe", true},
		{"", "Jane Doe", true},
		{"Jane Doe", "John Smith", false},
	}
	for _, c := range cases {
		if got := sameSpeaker(c.a, c.b); got != c.want {
			t.Errorf("sameSpeaker(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

// TestQuotesFilterExact checks that scoring only the pairs the prefix
// filter lets through gives what scoring every pair gives, on events made
// of the sample's sentences (and so its quotes) in many orders.
func TestQuotesFilterExact(t *testing.T) {
	src, err := corpus.LoadFS(sample.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var pool []string
	for _, a := range src {
		for _, s := range a.Sentences {
			pool = append(pool, s.Text)
		}
	}
	for _, reports := range []int{2, 5, 20} {
		fsys := fstest.MapFS{}
		for r := range reports {
			var body []string
			for k := range 40 {
				body = append(body, pool[(r*7+k*13)%len(pool)])
			}
			data, _ := json.Marshal(map[string]string{"maintext": strings.Join(body, "\n")})
			fsys[fmt.Sprintf("r%02d.json", r)] = &fstest.MapFile{Data: data}
		}
		arts, err := corpus.LoadFS(fsys, corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, want := quotes(arts, false), quotes(arts, true)
		if len(want) == 0 {
			t.Fatalf("%d reports: no quote clusters to compare", reports)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d reports: filtered quotes differ from all pairs' (%d clusters, want %d)", reports, len(got), len(want))
		}
	}
	if got, want := quotes(src, false), quotes(src, true); !reflect.DeepEqual(got, want) {
		t.Errorf("sample: filtered quotes differ from all pairs'")
	}
}
