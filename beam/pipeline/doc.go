// Package pipeline is `biasdiff corpus` as an Apache Beam pipeline, for
// corpora that outgrow one machine: it runs on Prism in this process, or
// on any portable runner (Flink, Spark, Dataflow).
//
// In: the paths of a corpus (directories, news-please JSON Lines, any
// format package corpus reads, a manifest), as `biasdiff corpus` takes
// them. Out: the same directory of reports, one per event of two outlets
// or more in each format asked for, and the index (index.md, index.html,
// index.json), replaced as a whole: the files are written into a hidden
// directory beside it, renamed over it by the last step; on any error the
// directory is left as it was. The steps share one implementation with
// `biasdiff corpus` (package batch): reading, the grouper (align/group),
// the analysis and rendering of an event, the index.
//
// Steps:
//
//  1. read: one worker reads the corpus (batch.Read: metadata, counts and
//     repeats; the text is read again where it is needed) and sends on each
//     report's place, dates and declared event;
//  2. partition: the dated reports are cut into Options.Partitions runs of
//     days of about equal numbers of reports; each report goes to its own
//     partition and, as an overlapping report, to those within
//     Options.Overlap days (default 7, the grouper's window: it links no
//     two reports further apart);
//  3. route (with more than one partition): an undated report, which the
//     grouper may link to any, is placed in the partition whose reports
//     share most of its heaviest features, weighed by their frequency in
//     the whole corpus (route.go: one shuffle of features, summed per
//     feature before it is sent); one that no partition shares enough
//     with, or two partitions apart as much, goes to one of
//     Options.Partitions chunks of the undated, by its heaviest feature;
//  4. group: each partition is grouped by align/group on its own, its
//     reports' text read again for it (a worker groups one partition at
//     a time);
//  5. reconcile: one worker makes the corpus's events from the partitions'
//     (see reconcile: a report belongs to its own partition's event; two
//     events across a border are one when each holds reports of the
//     other), and numbers them e1, e2, ... by first report; with
//     Options.Events, one worker writes them to that file (as `biasdiff
//     group --format json`), and without Options.Output the run ends
//     there;
//  6. analyse: the events are spread over the workers; each compares the
//     events of a bundle together, as `biasdiff corpus` does a corpus's
//     (batch.Corpus.AnalyseEach: on every CPU, the largest first, within
//     Options.Memory), and writes their files;
//  7. index: one worker builds the index from every event's entry, writes
//     it and renames the output over DIR.
//
// Exact, compared with `biasdiff corpus` on the same input and options:
//   - with one partition (the default), everything: the same events and
//     labels, byte-identical reports and index (tested);
//   - with partitions that each see every report (an overlap longer than
//     the corpus's span), the same (tested): the reconciliation adds no
//     error of its own;
//   - always: the reports read, the repeats set aside and the problems;
//     every report in exactly one event; an event of the same reports and
//     label has byte-identical files (its analysis is the same function of
//     its reports); events are numbered by first report, as one machine
//     numbers them; the index is built from the entries in that order.
//
// Approximate with several partitions: which reports make an event, and
// its label. Each partition weighs features by their frequency in the
// partition, not in the corpus (the grouper's IDF and candidate limits are
// local), so that an event near the threshold may be split or joined
// differently, and a label (the terms of highest weight) is often
// different, and with it the file names. An undated report is grouped
// only with the reports of the partition the route step placed it in
// (placed wrongly, it misses its event), or, not placed, with the other
// undated reports of its chunk. On the grouping set
// (../shared/eval/grouping/dev.jsonl, all dated), B-cubed F1 against gold
// through the pipeline was 0.939 with one partition, as on one machine,
// and 0.945 with 8 (make eval). On 20,000 generated reports, 4,861 of them
// read as undated, against the events they were made from: 0.826 on one
// machine, 0.799, 0.830 and 0.872 with 2, 4 and 8 partitions
// (sim_test.go); when every undated report was sent to every partition as
// a guest it was 0.770, 0.753 and 0.755. Agreement with one machine (pair
// F1 of one grouping against the other) is lower there, 0.64 with 8
// partitions: generated
// reports recombine sentences, which makes the partitions' local weights
// matter more than they do for real reports (0.93 on the dev set).
//
// Cost: reading as `biasdiff corpus` (about nine times `wc -w`), once on
// the worker that reads, and once more on each other worker process that
// needs the corpus (a worker keeps the reports' metadata and where to read
// them again, 0.9 KB a report measured, not their text; on Prism all
// steps share the process, so the corpus is read once). With one
// partition the reader also keeps the grouping features, as `biasdiff
// corpus` does; with more, every report is read again to place the
// undated ones (the spreads held to place them: an entry per distinct
// feature of the corpus), and each partition's reports once more to group
// it. Grouping a partition holds its reports' features: memory grows with
// the largest partition, overlapping and placed undated reports included,
// not with the corpus (Stats.GroupingMiB measures it).
// Reconcile holds every partition's events as lists of report numbers
// (a few bytes a report). Each event's analysis holds its reports' text.
//
// Paths, the manifest, concept files and DIR must name the same files on
// every worker: local paths on Prism, a shared file system on a cluster.
package pipeline
