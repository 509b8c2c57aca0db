package corpus

import (
	"strings"
	"testing"
)

// Invented reports of several paragraphs in Chinese, Japanese, Korean and
// Russian, each with a little page chrome: the article's paragraphs are
// kept whatever its script, the chrome removed.
var langCases = []struct {
	name, text, title string
	kept, removed     []string
}{
	{
		name:  "chinese",
		text:  "首页 / 国际 / 亚洲\n\n两国外长同意下月重启和平谈判\n\n两国外长周一在首都会晤，同意下个月重新开始关于边境问题的和平谈判。\n\n外交部发言人在会后表示：“双方都希望尽快取得进展。”\n\n据官员介绍，谈判将在中立国举行，具体日期尚未确定。\n\n分析人士认为，这次会晤标志着两国关系出现了缓和的迹象。\n\n“我们愿意继续对话，”一位不愿透露姓名的官员说。\n\n© 2024 示例新闻社 版权所有\n",
		title: "两国外长同意下月重启和平谈判",
		kept: []string{
			"两国外长周一在首都会晤，同意下个月重新开始关于边境问题的和平谈判。",
			"外交部发言人在会后表示：“双方都希望尽快取得进展。”",
			"据官员介绍，谈判将在中立国举行，具体日期尚未确定。",
			"分析人士认为，这次会晤标志着两国关系出现了缓和的迹象。",
			"“我们愿意继续对话，”一位不愿透露姓名的官员说。",
		},
		removed: []string{"首页 / 国际 / 亚洲", "© 2024 示例新闻社 版权所有"},
	},
	{
		name:  "japanese",
		text:  "ホーム / 国際 / アジア\n\n両国外相、来月の和平交渉再開で合意\n\n両国の外相は月曜日、首都で会談し、来月に国境問題をめぐる和平交渉を再開することで合意した。\n\n外務省の報道官は会談後、「双方ともできるだけ早く前進したいと考えている」と述べた。\n\n関係者によると、交渉は中立国で行われる予定だが、具体的な日程はまだ決まっていない。\n\nカナダやノルウェーなどの国々も仲介に加わる見通しだ。\n\n専門家は、今回の会談が両国関係の緩和の兆しを示していると分析している。\n\n© 2024 サンプル通信\n",
		title: "両国外相、来月の和平交渉再開で合意",
		kept: []string{
			"両国の外相は月曜日、首都で会談し、来月に国境問題をめぐる和平交渉を再開することで合意した。",
			"外務省の報道官は会談後、「双方ともできるだけ早く前進したいと考えている」と述べた。",
			"関係者によると、交渉は中立国で行われる予定だが、具体的な日程はまだ決まっていない。",
			"カナダやノルウェーなどの国々も仲介に加わる見通しだ。",
			"専門家は、今回の会談が両国関係の緩和の兆しを示していると分析している。",
		},
		removed: []string{"ホーム / 国際 / アジア", "© 2024 サンプル通信"},
	},
	{
		name:  "korean",
		text:  "홈 / 국제 / 아시아\n\n양국 외무장관, 다음 달 평화 회담 재개 합의\n\n양국 외무장관은 월요일 수도에서 만나 다음 달 국경 문제에 관한 평화 회담을 재개하기로 합의했다.\n\n외교부 대변인은 회담 후 \"양측 모두 가능한 한 빨리 진전을 이루기를 원한다\"고 말했다.\n\n관계자들에 따르면 회담은 중립국에서 열릴 예정이지만 구체적인 날짜는 아직 정해지지 않았다.\n\n© 2024 샘플 통신\n",
		title: "양국 외무장관, 다음 달 평화 회담 재개 합의",
		kept: []string{
			"양국 외무장관은 월요일 수도에서 만나 다음 달 국경 문제에 관한 평화 회담을 재개하기로 합의했다.",
			"외교부 대변인은 회담 후 \"양측 모두 가능한 한 빨리 진전을 이루기를 원한다\"고 말했다.",
			"관계자들에 따르면 회담은 중립국에서 열릴 예정이지만 구체적인 날짜는 아직 정해지지 않았다.",
		},
		removed: []string{"홈 / 국제 / 아시아", "© 2024 샘플 통신"},
	},
	{
		name:  "russian",
		text:  "Главная / Мир / Азия\n\nМинистры договорились возобновить переговоры\n\nМинистры иностранных дел двух стран встретились в понедельник в столице и договорились возобновить мирные переговоры в следующем месяце.\n\n«Обе стороны хотят добиться прогресса как можно скорее», — сказал представитель министерства после встречи.\n\nПо словам чиновников, переговоры пройдут в нейтральной стране, но точная дата пока не определена.\n\n© 2024 Пример Новости\n",
		title: "Министры договорились возобновить переговоры",
		kept: []string{
			"Министры иностранных дел двух стран встретились в понедельник в столице и договорились возобновить мирные переговоры в следующем месяце.",
			"«Обе стороны хотят добиться прогресса как можно скорее», — сказал представитель министерства после встречи.",
			"По словам чиновников, переговоры пройдут в нейтральной стране, но точная дата пока не определена.",
		},
		removed: []string{"Главная / Мир / Азия", "© 2024 Пример Новости"},
	},
}

func TestLanguagesKept(t *testing.T) {
	for _, c := range langCases {
		t.Run(c.name, func(t *testing.T) {
			arts := loadOne(t, c.name+".txt", []byte(c.text))
			if len(arts) != 1 {
				t.Fatal("no article")
			}
			a := arts[0]
			if a.Title != c.title {
				t.Errorf("title %q, want %q", a.Title, c.title)
			}
			if got := strings.Split(a.Body.S, "\n"); strings.Join(got, "|") != strings.Join(c.kept, "|") {
				t.Errorf("kept %q\nwant %q", got, c.kept)
			}
			var removed []string
			for _, r := range a.Removed {
				removed = append(removed, r.Text+" ("+r.Reason+")")
			}
			if len(removed) != len(c.removed) {
				t.Errorf("removed %q, want %q", removed, c.removed)
			}
			checkCoverage(t, c.name, c.text, a)
		})
	}
}

func TestArticleScript(t *testing.T) {
	cases := []struct {
		name, text string
		want       string
	}{
		{"no prose, all Han", "两国外长同意\n\n下月重启和平谈判\n", "Han or kana"},
		{"kana and Han are one script", "ホーム\n\n両国の外相は月曜日、首都で会談した。\n", "Han or kana"},
		{"Latin prose", "The ministers met on Monday in the capital to resume talks, officials said.\n两国外长\n", "Latin"},
		{"Chinese prose, a Latin label", "Share\n\n两国外长周一在首都会晤，同意下个月重新开始关于边境问题的和平谈判。\n", "Han or kana"},
		{"no letters", "2024\n\n***\n", "no"},
	}
	for _, c := range cases {
		d := doc{text: lines(c.text)}
		if got := scriptName(articleScript(splitLines(d.text))); got != c.want {
			t.Errorf("%s: script %s, want %s", c.name, got, c.want)
		}
	}
}

func TestWordCount(t *testing.T) {
	cases := []struct {
		text string
		want int
	}{
		{"The talks resumed", 3},
		{"两国外长同意下月重启和平谈判", 7},
		{"両国の外相は月曜日", 5},
		{"양국 외무장관은 월요일", 3},
		{"G7 首脑会议", 3},
		{"", 0},
	}
	for _, c := range cases {
		if got := wordCount(normLine(c.text, false)); got != c.want {
			t.Errorf("wordCount(%q) = %d, want %d", c.text, got, c.want)
		}
		if _, got := scanLine(c.text, false, nil); got != c.want {
			t.Errorf("scanLine(%q) words = %d, want %d", c.text, got, c.want)
		}
	}
}

// scriptCounts is the plain reading of what scanLine counts by script: every
// letter of text, one rune at a time.
func scriptCounts(text string) (counts [16]int) {
	for _, r := range text {
		if sc := scriptOf(r); sc > 0 {
			counts[sc]++
		}
	}
	return counts
}

// FuzzScanLine: the one-pass line features equal the separate passes they
// replace (normLine, wordCount of its result, letters counted by script).
func FuzzScanLine(f *testing.F) {
	for _, s := range []string{"The talks resumed.", "两国外长同意下月重启和平谈判", "Привет, мир 2024", "é́ x\u0301y", "G7 首脑会议 — ½ ǅ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var counts [16]int
		norm, words := scanLine(s, false, &counts)
		if norm != normLine(s, false) {
			t.Fatalf("norm %q, want %q", norm, normLine(s, false))
		}
		if want := wordCount(norm); words != want {
			t.Fatalf("%q: %d words, want %d", s, words, want)
		}
		if want := scriptCounts(s); counts != want {
			t.Fatalf("%q: script counts %v, want %v", s, counts, want)
		}
	})
}
