// Package corpus reads news reports as people have them and returns them
// clean and split.
//
// In: paths (files, directories walked in sorted order, "-" for stdin) or an
// fs.FS, in the formats .txt (web captures), .md (front matter), .html,
// .json and .jsonl (news-please), with metadata from the files, NAME.yaml
// sidecars and manifests (biasdiff.yaml, --manifest). Text is UTF-8, or
// UTF-16 with a byte order mark; HTML may be in any charset, declared or
// guessed (a warning when the guess is unsure); other text that is not
// UTF-8 is refused with the encoding it looks like named.
//
// Out: one Article per report: metadata; the sentences of the kept text;
// every line or fragment removed as page chrome, with the reason; direct
// quotes with speaker and reporting verb. Every offset counts the
// characters (runes) of the source file as decoded, a byte order mark
// included (of the "maintext" field for JSON), so that the headline,
// sentences and removals of a capture cover each of its non-space
// characters exactly once.
//
// Cost: linear in the input. Load holds the whole input in memory, about
// ten bytes per byte of text (the text and its offset map). Scan, for a
// corpus too large for that, keeps each article's metadata only and hands
// its tokens to a collector as it goes (grouping features, Duplicates'
// fingerprints); Index.Reload reads the articles of one event again in
// full. Duplicates finds the reports read twice.
//
// Errors: a named input that cannot be read is an *InputError naming the
// path (with Options.Skip, a warning); unreadable files found in a
// directory are skipped with a warning.
package corpus
