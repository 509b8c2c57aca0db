package quote

// splitSentences is a crude segmenter for tests: a sentence ends at a line
// break, or at . ! ? (and any closing marks after them) before a space.
func splitSentences(text string) []Span {
	var out []Span
	start := -1
	for i := 0; i < len(text); i++ {
		c := text[i]
		if start < 0 {
			if c != ' ' && c != '\n' && c != '\t' {
				start = i
			} else {
				continue
			}
		}
		if c == '\n' {
			out = append(out, Span{start, i})
			start = -1
			continue
		}
		if c == '.' || c == '!' || c == '?' {
			j := i + 1
			for j < len(text) && (text[j] == '"' || text[j] == ')' || text[j] == 0xE2 || text[j] == 0x80 || text[j] == 0x9D || text[j] == 0x99) {
				j++
			}
			if j == len(text) || text[j] == ' ' || text[j] == '\n' {
				out = append(out, Span{start, j})
				start = -1
				i = j - 1
			}
		}
	}
	if start >= 0 {
		out = append(out, Span{start, len(text)})
	}
	return out
}
