package token

import (
	"testing"
)

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"", "Japan’s U.S.-Japan WWII 2,500 3.5 47% don't",
		"“We differ,” he said — Lavrov–Kono talks.",
		"Южные Курилы «Россия» 日本の首相 👍🏽 🇯🇵 👨‍👩‍👧 ❤️",
		"ab\xffcd \xe2\x80 ef\xc3", "infor\u00admation\u200d\u200c x\u0301",
		"U.S.’s e.g. a.b.c. 1.2.3 1,,2 -- ... …", "ＷＷＩＩ １２％ ﹘ ︱",
		"2,\xff500 .5. 5%% 7’s '90s rock'n'roll",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokenize(text)
		checkInvariants(t, text, toks)
		// A cold tokenizer (no cache) agrees with the pooled one.
		if cold := new(Tokenizer).Append(nil, text); !equalTokens(cold, toks) {
			t.Fatalf("cold tokenizer differs:\n%s\nvs\n%s", dump(cold), dump(toks))
		}
		for _, tok := range toks {
			if again := Normalize(tok.Norm); again != tok.Norm {
				t.Fatalf("Normalize not idempotent: %q -> %q -> %q", tok.Text, tok.Norm, again)
			}
		}
		if n := Normalize(text); Normalize(n) != n {
			t.Fatalf("Normalize not idempotent on the text: %q -> %q -> %q", text, n, Normalize(n))
		}
	})
}
