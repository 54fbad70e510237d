// Package dict holds cnplan's vocabularies as plain data files, embedded in
// the binary, and lets a user extend them with files of their own.
//
// Every vocabulary is a UTF-8 text file: one record a line, fields separated
// by a tab, lines starting with # are comments, blank lines are skipped.
// A user file (--dict FILE) holds sections headed by a vocabulary's name in
// brackets, e.g.
//
//	[bodies]
//	县卫健局	县卫生健康局
//
// and its records are appended to that vocabulary's built-in records.
package dict

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/cnplan/cnplan/pkg/input"
)

//go:embed *.txt *.gz *.dic *.idx *.bin
var files embed.FS

var (
	mu    sync.RWMutex
	extra = map[string][][]string{}
)

// Names lists the built-in vocabularies (file names without .txt).
func Names() []string {
	entries, _ := files.ReadDir(".")
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".txt") {
			names = append(names, strings.TrimSuffix(e.Name(), ".txt"))
		}
	}
	sort.Strings(names)
	return names
}

// Raw returns the bytes of a built-in data file, for vocabularies that are
// not line records (e.g. a segmentation dictionary).
func Raw(file string) ([]byte, error) {
	return files.ReadFile(file)
}

// Records returns the records of vocabulary name: built-in ones first, then
// those added by Extend. It panics if the built-in file is missing, since
// that is a build error, not an input error.
func Records(name string) [][]string {
	recs := Builtin(name)
	mu.RLock()
	recs = append(recs, extra[name]...)
	mu.RUnlock()
	return recs
}

// Builtin returns the records of vocabulary name as shipped, without user
// extensions (a fallback when a user's records do not compile).
func Builtin(name string) [][]string {
	data, err := files.ReadFile(name + ".txt")
	if err != nil {
		panic(fmt.Sprintf("dict: no built-in vocabulary %q", name))
	}
	return parse(data)
}

// Words returns the first field of every record of vocabulary name.
func Words(name string) []string {
	recs := Records(name)
	words := make([]string, 0, len(recs))
	for _, r := range recs {
		words = append(words, r[0])
	}
	return words
}

// Grouped returns the words of a vocabulary whose records are KIND WORD,
// by kind, each group in the file's order; records with one field are
// left out.
func Grouped(name string) map[string][]string {
	groups := map[string][]string{}
	for _, r := range Records(name) {
		if len(r) >= 2 {
			groups[r[0]] = append(groups[r[0]], r[1])
		}
	}
	return groups
}

// Extend reads a user vocabulary file and appends its sections to the
// built-in vocabularies. Recognisers that compile vocabularies through
// Compiled see the change on their next use (the segmenter's domain_words
// among them).
func Extend(path string) error {
	data, err := input.ReadFile(path, input.DefaultMaxSize) // a regular file: not /dev/zero or a FIFO
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	known := map[string]bool{}
	for _, n := range Names() {
		known[n] = true
	}
	section := ""
	added := map[string][][]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\uFEFF"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = strings.TrimSpace(line[1 : len(line)-1])
			if !known[section] {
				return fmt.Errorf("%s:%d: unknown vocabulary [%s] (known: %s)", path, n, section, strings.Join(Names(), ", "))
			}
			continue
		}
		if section == "" {
			return fmt.Errorf("%s:%d: record before any [vocabulary] heading", path, n)
		}
		rec := fields(line)
		if err := checkRecord(section, rec); err != nil {
			return fmt.Errorf("%s:%d: [%s]: %v", path, n, section, err)
		}
		added[section] = append(added[section], rec)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	mu.Lock()
	for k, v := range added {
		extra[k] = append(extra[k], v...)
	}
	generation++
	mu.Unlock()
	return nil
}

// Reset drops every user extension (for tests).
func Reset() {
	mu.Lock()
	extra = map[string][][]string{}
	generation++
	mu.Unlock()
}

func parse(data []byte) [][]string {
	var recs [][]string
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		recs = append(recs, fields(line))
	}
	return recs
}

func fields(line string) []string {
	parts := strings.Split(line, "\t")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// LongestFirst orders words longest first (in runes), keeping the file's
// order among words of one length, so that matchers trying them in turn
// take the longest match. It sorts words in place and returns it.
func LongestFirst(words []string) []string {
	sort.SliceStable(words, func(i, j int) bool {
		return utf8.RuneCountInString(words[i]) > utf8.RuneCountInString(words[j])
	})
	return words
}
