package report

import (
	"html"
	"html/template"
	"math"
	"strconv"
	"strings"
)

// Bar is one bar of a bar chart: its label, its length and the number
// written after it (formatted by the caller, so that the chart prints
// exactly the digits the tables do).
type Bar struct {
	Label string
	Value float64
	Text  string
}

// Geometry of barChart, in SVG user units (CSS pixels at scale 1).
const (
	svgWidth      = 400 // the whole chart
	svgLabelWidth = 180 // the label column, right-aligned against the bars
	svgBarX       = svgLabelWidth + 6
	svgBarMax     = 170 // the longest bar; the value text follows it
	svgRow        = 24  // one bar's row
	svgBarHeight  = 16
	svgLabelRunes = 21 // labels longer than this are cut, whole in a tooltip
)

// barChart draws bars as a small horizontal bar chart in inline SVG: one
// row per bar, in the order given, the label on the left (cut with "…"
// when long; the whole label in a <title> tooltip), the bar's length
// value/scale of the longest bar there can be, the value text after it;
// scale 0 or less means the largest value among bars (give small
// multiples one scale, so that their bars compare). title names the chart
// for screen readers. Every text is escaped with html.EscapeString; all
// coordinates are integers, so the same bars give the same bytes. Negative,
// NaN and infinite values draw as empty bars.
func barChart(title string, bars []Bar, scale float64) template.HTML {
	maxv := barValue(scale)
	for _, b := range bars {
		if v := barValue(b.Value); v > maxv {
			maxv = v
		}
	}
	height := max(1, len(bars)) * svgRow
	var s strings.Builder
	s.WriteString(`<svg class="bars" viewBox="0 0 `)
	s.WriteString(strconv.Itoa(svgWidth))
	s.WriteByte(' ')
	s.WriteString(strconv.Itoa(height))
	s.WriteString(`" width="`)
	s.WriteString(strconv.Itoa(svgWidth))
	s.WriteString(`" height="`)
	s.WriteString(strconv.Itoa(height))
	s.WriteString(`" role="img" aria-label="`)
	s.WriteString(html.EscapeString(oneLine(title)))
	s.WriteString(`"><title>`)
	s.WriteString(html.EscapeString(oneLine(title)))
	s.WriteString(`</title>`)
	for i, b := range bars {
		y := i * svgRow
		w := 0
		if maxv > 0 {
			w = int(math.Round(barValue(b.Value) / maxv * svgBarMax))
		}
		if w == 0 && barValue(b.Value) > 0 {
			w = 1
		}
		label := oneLine(b.Label)
		text := y + svgRow/2 + 5 // baseline of 14px text centred in the row
		s.WriteString(`<g><text class="bl" x="`)
		s.WriteString(strconv.Itoa(svgLabelWidth))
		s.WriteString(`" y="`)
		s.WriteString(strconv.Itoa(text))
		s.WriteString(`" text-anchor="end"><title>`)
		s.WriteString(html.EscapeString(label))
		s.WriteString(`</title>`)
		s.WriteString(html.EscapeString(shorten(label, svgLabelRunes)))
		s.WriteString(`</text><rect class="bar" x="`)
		s.WriteString(strconv.Itoa(svgBarX))
		s.WriteString(`" y="`)
		s.WriteString(strconv.Itoa(y + (svgRow-svgBarHeight)/2))
		s.WriteString(`" width="`)
		s.WriteString(strconv.Itoa(w))
		s.WriteString(`" height="`)
		s.WriteString(strconv.Itoa(svgBarHeight))
		s.WriteString(`"></rect><text class="bv" x="`)
		s.WriteString(strconv.Itoa(svgBarX + w + 4))
		s.WriteString(`" y="`)
		s.WriteString(strconv.Itoa(text))
		s.WriteString(`">`)
		s.WriteString(html.EscapeString(oneLine(b.Text)))
		s.WriteString(`</text></g>`)
	}
	s.WriteString(`</svg>`)
	// Every text above is escaped and every number an integer.
	return template.HTML(s.String())
}

// barValue is v as a bar's length: 0 for what cannot be drawn.
func barValue(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
		return 0
	}
	return v
}
