// Package sample embeds biasdiff's sample corpus: five real captures of news
// reports on the same story (see SOURCES.md), kept byte for byte as captured,
// with a manifest giving their outlets and dates. `biasdiff compare` with no
// arguments runs on it.
package sample

import "embed"

// FS holds the captures and biasdiff.yaml at its root.
//
//go:embed *.txt biasdiff.yaml
var FS embed.FS
