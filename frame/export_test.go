package frame

// The helpers of the tests of package frame, for its external tests
// (package frame_test: those that use packages importing frame, such as
// lexicon and choice).
var (
	Event           = event
	CheckInvariants = checkInvariants
	ConceptOf       = conceptOf
	TermRows        = termRows
	Golden          = golden
)
