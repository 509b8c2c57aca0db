package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

const (
	ansiBold  = "\x1b[1m"
	ansiDim   = "\x1b[2m"
	ansiReset = "\x1b[0m"
)

func renderText(w io.Writer, r *Report, opt Options) error {
	// Ambiguous-width characters (curly quotes, dashes) count as narrow
	// whatever the locale says, so that the same input gives the same bytes.
	twwidth.SetEastAsian(false)
	width := opt.Width
	if width <= 0 {
		width = 100
	}
	style := func(code, s string) string {
		if !opt.Color {
			return s
		}
		return code + s + ansiReset
	}
	var buf bytes.Buffer
	// The title and the lines under it are the Markdown report's.
	title := markdownTitle(r)
	fmt.Fprintln(&buf, style(ansiBold, title))
	if t := oneLine(r.Title); t != "" && title != t && !strings.HasPrefix(title, t+" — ") {
		fmt.Fprintln(&buf, sentence(r.Title))
	}
	for _, s := range r.Summary {
		fmt.Fprintln(&buf, s)
	}
	if wd, ok := buildWhatDiffers(r); ok {
		fmt.Fprintln(&buf)
		fmt.Fprintln(&buf, style(ansiBold, "What differs"))
		if wd.Empty != "" {
			fmt.Fprintln(&buf, style(ansiDim, wd.Empty))
		} else {
			fmt.Fprintln(&buf, style(ansiDim, wd.HowTo))
		}
		for _, it := range wd.Items {
			label := it.Label
			if it.Event != "" {
				label += " (" + it.Event + ")"
			}
			why := ""
			if it.Why != "" {
				why = " " + style(ansiDim, "("+it.Why+")")
			}
			var parts []string
			for _, w := range it.Wordings {
				parts = append(parts, "“"+w.Text+"”: "+w.Outlets)
			}
			if it.More > 0 {
				parts = append(parts, it.MoreText())
			}
			fmt.Fprintf(&buf, "- %s%s — %s\n", style(ansiBold, label), why, strings.Join(parts, " · "))
		}
	}
	for _, t := range r.Tables {
		fmt.Fprintln(&buf)
		fmt.Fprintln(&buf, style(ansiBold, t.Title))
		if t.HowTo != "" {
			fmt.Fprintln(&buf, style(ansiDim, t.HowTo))
		}
		var tb bytes.Buffer
		if err := textTable(&tb, t, width); err != nil {
			return err
		}
		if opt.Color {
			buf.WriteString(colorDiffMarks(tb.String()))
		} else {
			buf.Write(tb.Bytes())
		}
		if t.Cut != nil {
			fmt.Fprintln(&buf, style(ansiDim, t.Cut.Line()))
		}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// textTable draws t with tablewriter, wrapping long cells so that the grid
// stays within width.
func textTable(w io.Writer, t *Table, width int) error {
	align := make([]tw.Align, len(t.Columns))
	header := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = c.Header
		align[i] = tw.AlignLeft
		if c.Number {
			align[i] = tw.AlignRight
		}
	}
	rows := make([][]string, len(t.Rows))
	for r, row := range t.Rows {
		rows[r] = make([]string, len(row))
		for i, c := range row {
			rows[r][i] = oneLine(c.Text)
		}
	}
	opts := []tablewriter.Option{
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleLight)})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithTrimSpace(tw.Off),
		tablewriter.WithAlignment(align),
	}
	if widths := fitWidths(header, rows, width); widths != nil {
		for _, row := range rows {
			for i := range row {
				row[i] = wrap(row[i], widths[i])
			}
		}
		for i := range header {
			header[i] = wrap(header[i], widths[i])
		}
	}
	tbl := tablewriter.NewTable(w, opts...)
	tbl.Header(header)
	for _, row := range rows {
		if err := tbl.Append(row); err != nil {
			return err
		}
	}
	return tbl.Render()
}

// fitWidths shares width among the columns: a column that fits in its fair
// share keeps its natural width, the rest split what is left and wrap. It
// returns nil when the table fits as it is. Widths count the text only.
func fitWidths(header []string, rows [][]string, width int) []int {
	n := len(header)
	if n == 0 {
		return nil
	}
	const pad = 2
	nat := make([]int, n)
	for i, h := range header {
		nat[i] = twwidth.Width(h) + pad
	}
	for _, row := range rows {
		for i, c := range row {
			nat[i] = max(nat[i], twwidth.Width(c)+pad)
		}
	}
	avail := width - (n + 1) // column borders
	total := 0
	for _, w := range nat {
		total += w
	}
	if total <= avail {
		return nil
	}
	// The widest column takes what the others leave; each other column
	// keeps its natural width up to a fair cap.
	wide := 0
	for i := range nat {
		if nat[i] > nat[wide] {
			wide = i
		}
	}
	out := make([]int, n)
	capw := max(10+pad, avail/4)
	used := 0
	for i := range nat {
		if i != wide {
			out[i] = min(nat[i], capw)
			used += out[i]
		}
	}
	out[wide] = max(avail-used, 20+pad)
	for i := range out {
		out[i] -= pad
	}
	return out
}

// oneLine folds white space runs, line breaks included, into one space and
// replaces control characters, so a cell cannot break the grid.
func oneLine(s string) string {
	if isOneLine(s) {
		return s
	}
	return foldLine(s)
}

// foldLine is oneLine without its shortcut: rune by rune.
func foldLine(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == ' ' || r == '\u00a0':
			space = true
			continue
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			r = '\ufffd'
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isOneLine tells whether oneLine would return s as it is: valid UTF-8
// with single spaces between words and no other space or control
// character (0xC2 starts both U+00A0 and the C1 controls).
func isOneLine(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return false
			}
		case c < 0x20 || c == 0x7f || c == 0xc2:
			return false
		}
	}
	return utf8.ValidString(s)
}

// wrap breaks s into lines of at most width display columns, at spaces
// where it can and inside a word where it must.
func wrap(s string, width int) string {
	if width < 1 || twwidth.Width(s) <= width {
		return s
	}
	var lines []string
	line, lw := "", 0
	for _, word := range strings.Fields(s) {
		ww := twwidth.Width(word)
		for ww > width { // a word longer than the column
			if lw > 0 {
				lines = append(lines, line)
				line, lw = "", 0
			}
			head, rest := cutWidth(word, width)
			lines = append(lines, head)
			word, ww = rest, twwidth.Width(rest)
		}
		switch {
		case lw == 0:
			line, lw = word, ww
		case lw+1+ww <= width:
			line, lw = line+" "+word, lw+1+ww
		default:
			lines = append(lines, line)
			line, lw = word, ww
		}
	}
	if lw > 0 {
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// cutWidth splits s after at most width display columns (at least one rune).
func cutWidth(s string, width int) (string, string) {
	w := 0
	for i, r := range s {
		rw := twwidth.Width(string(r))
		if w+rw > width && i > 0 {
			return s[:i], s[i:]
		}
		w += rw
	}
	return s, ""
}

const (
	ansiRed   = "\x1b[31m"
	ansiGreen = "\x1b[32m"
)

// colorDiffMarks colours word-diff marks in a rendered table: [-deleted-]
// in red, {+inserted+} in green. A mark that wraps onto the next line of its
// cell stays coloured there; colour never crosses a cell border.
func colorDiffMarks(table string) string {
	var out strings.Builder
	open := map[int]string{} // column -> colour of a mark still open
	for _, line := range strings.SplitAfter(table, "\n") {
		if !strings.HasPrefix(line, "│") {
			out.WriteString(line)
			continue
		}
		cells := strings.Split(line, "│")
		for i, cell := range cells {
			if i > 0 {
				out.WriteString("│")
			}
			if i == 0 || i == len(cells)-1 {
				out.WriteString(cell)
				continue
			}
			col := open[i]
			if col != "" {
				out.WriteString(col)
			}
			for k := 0; k < len(cell); {
				switch {
				case strings.HasPrefix(cell[k:], "[-"):
					col = ansiRed
					out.WriteString(col + "[-")
					k += 2
				case strings.HasPrefix(cell[k:], "{+"):
					col = ansiGreen
					out.WriteString(col + "{+")
					k += 2
				case col != "" && (strings.HasPrefix(cell[k:], "-]") || strings.HasPrefix(cell[k:], "+}")):
					out.WriteString(cell[k:k+2] + ansiReset)
					col = ""
					k += 2
				default:
					out.WriteByte(cell[k])
					k++
				}
			}
			if col != "" {
				out.WriteString(ansiReset)
			}
			open[i] = col
		}
	}
	return out.String()
}
