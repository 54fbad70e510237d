package segment

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/liuzl/gocc"
)

// corpusDoc is one document of testdata/corpus as Cut must be given it:
// Simplified is the text in simplified characters; Original is the text as
// stored (the same for all but 003, which is in traditional characters).
type corpusDoc struct {
	Name       string
	Original   string
	Simplified string
}

var (
	corpusOnce sync.Once
	corpusDocs []corpusDoc
	corpusErr  error
)

// corpus reads testdata/corpus once and converts its traditional text to
// simplified with OpenCC's t2s, as the normalise stage does.
func corpus(t testing.TB) []corpusDoc {
	t.Helper()
	corpusOnce.Do(func() {
		paths, err := filepath.Glob("../../testdata/corpus/*.txt")
		if err != nil || len(paths) == 0 {
			corpusErr = err
			return
		}
		sort.Strings(paths)
		t2s, err := gocc.New("t2s")
		if err != nil {
			corpusErr = err
			return
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				corpusErr = err
				return
			}
			doc := corpusDoc{Name: filepath.Base(p), Original: string(data)}
			if doc.Simplified, err = t2s.Convert(doc.Original); err != nil {
				corpusErr = err
				return
			}
			corpusDocs = append(corpusDocs, doc)
		}
	})
	if corpusErr != nil || len(corpusDocs) == 0 {
		t.Fatalf("reading testdata/corpus: %v (%d documents)", corpusErr, len(corpusDocs))
	}
	return corpusDocs
}

// corpusDocNamed returns the document whose file name starts with prefix.
func corpusDocNamed(t testing.TB, prefix string) corpusDoc {
	t.Helper()
	for _, d := range corpus(t) {
		if strings.HasPrefix(d.Name, prefix) {
			return d
		}
	}
	t.Fatalf("no corpus document %s*", prefix)
	return corpusDoc{}
}

// firstSentence returns the text of doc up to and including its first 。
func firstSentence(text string) string {
	if i := strings.Index(text, "。"); i >= 0 {
		return text[:i+len("。")]
	}
	return text
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }
