package quote

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestDumpSamples prints what Find makes of the sample corpus (go test -run
// DumpSamples -v with QUOTE_DUMP=1), or of the files QUOTE_DUMP names when
// it is a glob.
func TestDumpSamples(t *testing.T) {
	if os.Getenv("QUOTE_DUMP") == "" {
		t.Skip("set QUOTE_DUMP=1")
	}
	glob := "../sample/*.txt"
	if g := os.Getenv("QUOTE_DUMP"); g != "1" {
		glob = g
	}
	files, _ := filepath.Glob(glob)
	for _, fn := range files {
		b, err := os.ReadFile(fn)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		fmt.Printf("=== %s\n", fn)
		for _, q := range Find(text, splitSentences(text)) {
			fmt.Printf("%q\n    speaker=%q verb=%q attr=%q via=%q partial=%v inh=%v cont=%v unbal=%v sent=%d\n",
				q.Text, q.Speaker, q.Verb, q.Attribution, q.Via, q.Partial, q.Inherited, q.Continues, q.Unbalanced, q.Sentence)
		}
	}
}
