package textenc

import (
	"testing"

	"golang.org/x/text/encoding"
)

// Invented text in several languages.
var texts = map[string]string{
	"french":   "Les ministres se sont rencontrés lundi à Paris pour reprendre les négociations. « Nous voulons avancer », a déclaré le porte-parole du ministère, selon des sources diplomatiques. L’été prochain, les discussions reprendront à Genève.",
	"german":   "Die Minister trafen sich am Montag in Berlin, um die Verhandlungen über den Friedensvertrag wieder aufzunehmen. „Wir wollen schnell vorankommen“, sagte der Sprecher des Ministeriums nach dem Treffen.",
	"polish":   "Ministrowie spotkali się w poniedziałek w stolicy, aby wznowić rozmowy pokojowe. Rzecznik ministerstwa powiedział, że obie strony chcą szybko osiągnąć postęp.",
	"russian":  "Министры иностранных дел двух стран встретились в понедельник в столице и договорились возобновить мирные переговоры в следующем месяце. «Обе стороны хотят добиться прогресса», — сказал представитель министерства.",
	"greek":    "Οι υπουργοί εξωτερικών των δύο χωρών συναντήθηκαν τη Δευτέρα στην πρωτεύουσα και συμφώνησαν να ξαναρχίσουν τις ειρηνευτικές συνομιλίες τον επόμενο μήνα.",
	"japanese": "両国の外相は月曜日、首都で会談し、来月に国境問題をめぐる和平交渉を再開することで合意した。外務省の報道官は会談後、「双方ともできるだけ早く前進したいと考えている」と述べた。",
	"chinese":  "两国外长周一在首都会晤，同意下个月重新开始关于边境问题的和平谈判。外交部发言人在会后表示：“双方都希望尽快取得进展。”据官员介绍，谈判将在中立国举行，具体日期尚未确定。",
	"korean":   "양국 외무장관은 월요일 수도에서 만나 다음 달 국경 문제에 관한 평화 회담을 재개하기로 합의했다. 외교부 대변인은 회담 후 양측 모두 가능한 한 빨리 진전을 이루기를 원한다고 말했다.",
}

func encodeWith(t *testing.T, name, s string) []byte {
	t.Helper()
	for _, c := range candidates {
		if c.name == name {
			b, err := encoding.ReplaceUnsupported(c.enc.NewEncoder()).Bytes([]byte(s))
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatalf("no encoding %s", name)
	return nil
}

func TestDetect(t *testing.T) {
	cases := []struct {
		text, enc string
		sure      bool
	}{
		{"french", "WINDOWS-1252", true},
		{"german", "WINDOWS-1252", true},
		{"polish", "WINDOWS-1250", true},
		{"russian", "WINDOWS-1251", true},
		{"russian", "KOI8-R", true},
		{"greek", "WINDOWS-1253", true},
		{"japanese", "SHIFT_JIS", true},
		{"japanese", "EUC-JP", true},
		{"chinese", "GBK", true},
		{"korean", "EUC-KR", true},
	}
	for _, c := range cases {
		g := Detect(encodeWith(t, c.enc, texts[c.text]))
		if g.Name != c.enc || g.Sure != c.sure {
			t.Errorf("%s in %s: guessed %s (sure %v)", c.text, c.enc, g.Name, g.Sure)
		}
	}
}

func TestDetectUnsure(t *testing.T) {
	// Two non-ASCII bytes in a line of ASCII: too little to be sure of.
	if g := Detect([]byte("The price rose to 10\xa4 from 8\xa4 on Monday.")); g.Sure {
		t.Errorf("guessed %s, sure", g.Name)
	}
}

func TestDecodeUTF16(t *testing.T) {
	cases := []struct {
		in   []byte
		be   bool
		want string
	}{
		{[]byte{'A', 0, 0xe9, 0, 0x3c, 0xd8, 0x89, 0xdf}, false, "Aé🎉"},
		{[]byte{0, 'A', 0, 0xe9, 0xd8, 0x3c, 0xdf, 0x89}, true, "Aé🎉"},
		{[]byte{0x3d, 0xd8, 'A', 0}, false, "\ufffdA"},
		{[]byte{'A', 0, 'B'}, false, "A\ufffd"},
	}
	for _, c := range cases {
		if got := DecodeUTF16(c.in, c.be); got != c.want {
			t.Errorf("DecodeUTF16(% x) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestBOM(t *testing.T) {
	for _, c := range []struct {
		in   string
		name string
		n    int
	}{{"\xef\xbb\xbfA", "utf-8", 3}, {"\xff\xfeA\x00", "utf-16le", 2}, {"\xfe\xff\x00A", "utf-16be", 2}, {"A", "", 0}} {
		if name, n := BOM([]byte(c.in)); name != c.name || n != c.n {
			t.Errorf("BOM(%q) = %s, %d", c.in, name, n)
		}
	}
}
