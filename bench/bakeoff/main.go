// Command bakeoff scores a word segmenter on the SIGHAN 2005 bakeoff
// (icwb2-data): it feeds each corpus's test file to a command on standard
// input, reads the words back (separated by spaces, in order), and scores
// them against the gold words the way the bakeoff's scripts/score does:
// a word is right when the same span of characters is a word in the gold.
// Precision, recall and F1 count words over the whole corpus.
//
// The bakeoff data is free for research but may not be redistributed, so
// it is not in this repository: give its path.
//
//	go run ./bench/bakeoff -data /tmp/icwb2-data -- cnplan segment --keep-all -
//	go run ./bench/bakeoff -data /tmp/icwb2-data -corpus pku,msr -- python3 bench/jieba_cut.py
//
// The command must print the characters it was given, in order (white
// space aside): any other difference is reported as an error, not scored.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// corpus names the files of one bakeoff corpus in icwb2-data.
type corpus struct {
	name, test, gold string
}

var corpora = []corpus{
	{"pku", "testing/pku_test.utf8", "gold/pku_test_gold.utf8"},
	{"msr", "testing/msr_test.utf8", "gold/msr_test_gold.utf8"},
	{"as", "testing/as_test.utf8", "gold/as_testing_gold.utf8"},
	{"cityu", "testing/cityu_test.utf8", "gold/cityu_test_gold.utf8"},
}

func main() {
	data := flag.String("data", "", "the icwb2-data directory (with testing/ and gold/)")
	only := flag.String("corpus", "pku,msr,as,cityu", "corpora to score, comma-separated")
	keep := flag.String("keep", "", "write each command's output to DIR/NAME.out")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: bakeoff -data DIR [-corpus pku,msr,as,cityu] -- COMMAND [ARG...]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *data == "" || flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	want := map[string]bool{}
	for _, c := range strings.Split(*only, ",") {
		want[strings.TrimSpace(c)] = true
	}
	fmt.Printf("| corpus | words (gold) | P | R | F1 | seconds |\n|---|---|---|---|---|---|\n")
	failed := false
	for _, c := range corpora {
		if !want[c.name] {
			continue
		}
		row, err := score(*data, c, flag.Args(), *keep)
		if err != nil {
			fmt.Fprintf(os.Stderr, "bakeoff: %s: %v\n", c.name, err)
			failed = true
			continue
		}
		fmt.Println(row)
	}
	if failed {
		os.Exit(1)
	}
}

func score(data string, c corpus, command []string, keep string) (string, error) {
	input, err := os.ReadFile(filepath.Join(data, c.test))
	if err != nil {
		return "", err
	}
	goldText, err := os.ReadFile(filepath.Join(data, c.gold))
	if err != nil {
		return "", err
	}
	cmd := exec.Command(command[0], command[1:]...)
	cmd.Stdin = bytes.NewReader(input)
	cmd.Stderr = os.Stderr
	start := time.Now()
	out, err := cmd.Output()
	elapsed := time.Since(start)
	if err != nil {
		return "", fmt.Errorf("%s: %w", strings.Join(command, " "), err)
	}
	if keep != "" {
		if err := os.WriteFile(filepath.Join(keep, c.name+".out"), out, 0o644); err != nil {
			return "", err
		}
	}
	gold, goldChars := spans(string(goldText))
	got, gotChars := spans(string(out))
	if goldChars != gotChars {
		return "", fmt.Errorf("the output's characters differ from the gold's %s", firstDifference(goldChars, gotChars))
	}
	right := 0
	for s := range got {
		if gold[s] {
			right++
		}
	}
	p := float64(right) / float64(len(got))
	r := float64(right) / float64(len(gold))
	f := 2 * p * r / (p + r)
	return fmt.Sprintf("| %s | %d | %.3f | %.3f | **%.3f** | %.1f |", c.name, len(gold), p, r, f, elapsed.Seconds()), nil
}

type span struct{ start, end int }

// spans returns the words of a segmented text as rune spans of its
// characters with white space removed, and those characters.
func spans(text string) (map[span]bool, string) {
	words := map[span]bool{}
	var chars strings.Builder
	at := 0
	text = strings.TrimPrefix(text, "\ufeff")
	for _, w := range strings.FieldsFunc(text, unicode.IsSpace) {
		n := utf8.RuneCountInString(w)
		words[span{at, at + n}] = true
		// The gold of AS writes a few Latin letters half-width where the
		// test text has them full-width: compare characters folded.
		chars.WriteString(strings.Map(foldWidth, w))
		at += n
	}
	return words, chars.String()
}

func foldWidth(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFEE0
	}
	return r
}

func firstDifference(a, b string) string {
	ra, rb := []rune(a), []rune(b)
	i := 0
	for i < len(ra) && i < len(rb) && ra[i] == rb[i] {
		i++
	}
	clip := func(r []rune) string {
		lo, hi := max(i-10, 0), min(i+10, len(r))
		return string(r[lo:hi])
	}
	return fmt.Sprintf("at character %d: gold …%s…, output …%s…", i, clip(ra), clip(rb))
}
