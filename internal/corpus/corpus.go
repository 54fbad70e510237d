// Package corpus gives tests the real documents of testdata/corpus, as
// written and as the pipeline's recognisers see them (width-folded,
// traditional converted to simplified, rune for rune), so every package
// tests on the same text the same way.
package corpus

import (
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/cnplan/cnplan/pkg/normalize"
	"github.com/cnplan/cnplan/pkg/textview"
)

// Doc is one corpus document.
type Doc struct {
	Name       string // file name, e.g. 001_739e833243cd6df4.txt
	Path       string
	Original   string // as written
	Normalised string // same runes, folded and simplified
}

// Dir is testdata/corpus, found from this file so tests in any package
// reach it.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "corpus")
}

// All returns every corpus document, sorted by name.
func All(tb testing.TB) []Doc {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join(Dir(), "*.txt"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no corpus documents in %s", Dir())
	}
	sort.Strings(paths)
	docs := make([]Doc, 0, len(paths))
	for _, p := range paths {
		docs = append(docs, read(tb, p))
	}
	return docs
}

// Get returns the document whose name starts with prefix ("003").
func Get(tb testing.TB, prefix string) Doc {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(Dir(), prefix+"*.txt"))
	if len(paths) != 1 {
		tb.Fatalf("corpus document %s: found %d files", prefix, len(paths))
	}
	return read(tb, paths[0])
}

func read(tb testing.TB, path string) Doc {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	text := string(data)
	v, err := normalize.View(textview.Identity(text), normalize.DetectScript(text))
	if err != nil {
		tb.Fatal(err)
	}
	return Doc{Name: filepath.Base(path), Path: path, Original: text, Normalised: v.Text}
}

// Prefix is the document's number, e.g. "001".
func (d Doc) Prefix() string { return strings.SplitN(d.Name, "_", 2)[0] }

// Megabyte is the corpus documents as written, one after another, until
// they fill a megabyte (10^6 bytes), cut at a line end: the unit of the
// benchmarks that compare one large document with many small ones.
func Megabyte(tb testing.TB) []byte {
	tb.Helper()
	var mb []byte
	for len(mb) < 1e6 {
		for _, d := range All(tb) {
			mb = append(mb, d.Original...)
			mb = append(mb, '\n')
		}
	}
	mb = mb[:1e6]
	return mb[:strings.LastIndexByte(string(mb), '\n')+1]
}

// SizeFromEnv reads a size in MB from the environment variable name,
// def when it is not set.
func SizeFromEnv(tb testing.TB, name string, def int) int {
	tb.Helper()
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		tb.Fatalf("%s=%q: want a number of MB", name, s)
	}
	return n
}
