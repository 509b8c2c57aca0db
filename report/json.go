package report

import (
	"bytes"
	"encoding/json"
	"io"
)

// MarshalJSON writes a table with its rows as objects whose keys follow
// the column order, and what it leaves out as "cut" (shown, total, noun,
// and the sentence the other formats write) when it leaves something out.
func (t *Table) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"id":`)
	writeJSON(&b, t.ID)
	b.WriteString(`,"title":`)
	writeJSON(&b, t.Title)
	b.WriteString(`,"how_to_read":`)
	writeJSON(&b, t.HowTo)
	b.WriteString(`,"columns":[`)
	for i, c := range t.Columns {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"key":`)
		writeJSON(&b, c.Key)
		b.WriteString(`,"header":`)
		writeJSON(&b, c.Header)
		b.WriteByte('}')
	}
	b.WriteString(`],"rows":[`)
	for i, row := range t.Rows {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('{')
		for j, c := range row {
			if j > 0 {
				b.WriteByte(',')
			}
			writeJSON(&b, t.Columns[j].Key)
			b.WriteByte(':')
			writeJSON(&b, c.Value)
		}
		b.WriteByte('}')
	}
	b.WriteByte(']')
	if c := t.Cut; c != nil {
		b.WriteString(`,"cut":{"shown":`)
		writeJSON(&b, c.Shown)
		b.WriteString(`,"total":`)
		writeJSON(&b, c.Total)
		b.WriteString(`,"noun":`)
		writeJSON(&b, c.Noun)
		b.WriteString(`,"text":`)
		writeJSON(&b, c.Line())
		b.WriteByte('}')
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func writeJSON(b *bytes.Buffer, v any) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	b.Truncate(b.Len() - 1) // Encode's newline
}

func renderJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
