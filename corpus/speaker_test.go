package corpus

import (
	"testing"
	"testing/fstest"
)

// TestQuoteSpeakerOffsets: a quote's speaker as written is the attribution,
// and its offsets point at the mention the speaker was read from (for a
// pronoun, the earlier name), in runes of the source.
func TestQuoteSpeakerOffsets(t *testing.T) {
	src := "Ça va: Governor Omar Vell spoke in Kelvale on Monday.\n\n“We will not give up the harbour,” he said.\n"
	arts, err := LoadFS(fstest.MapFS{"a.txt": &fstest.MapFile{Data: []byte(src)}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	qs := arts[0].Quotes
	if len(qs) != 1 {
		t.Fatalf("got %d quotes, want 1", len(qs))
	}
	q := qs[0]
	if q.Speaker != "Omar Vell" || q.SpeakerAsWritten != "he" {
		t.Errorf("speaker %q as written %q; want Omar Vell, he", q.Speaker, q.SpeakerAsWritten)
	}
	if r := []rune(src); q.SpeakerEnd > len(r) || string(r[q.SpeakerStart:q.SpeakerEnd]) != "Omar Vell" {
		t.Errorf("speaker offsets %d..%d do not hold the name", q.SpeakerStart, q.SpeakerEnd)
	}
}
