package number

import (
	"strings"
	"testing"

	"github.com/cnplan/cnplan/internal/corpus"
)

// corpusSentences cuts every normalised corpus document into sentences as
// extract does (at 。!?… and line breaks), the pieces Scan is given.
func corpusSentences(tb testing.TB) []string {
	var out []string
	for _, d := range corpus.All(tb) {
		out = append(out, strings.FieldsFunc(d.Normalised, func(r rune) bool {
			switch r {
			case '。', '!', '?', '\n', '…':
				return true
			}
			return false
		})...)
	}
	return out
}

// BenchmarkScanSentences scans every sentence of the corpus, already
// decoded, as extract calls ScanRunes. MB/s is of the sentences' bytes.
func BenchmarkScanSentences(b *testing.B) {
	var sents [][]rune
	size := 0
	for _, s := range corpusSentences(b) {
		sents = append(sents, []rune(s))
		size += len(s)
	}
	loadVocab()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			ScanRunes(s)
		}
	}
}
