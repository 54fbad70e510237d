// Command gendict writes cnplan's pruned copy of gse's simplified Chinese
// dictionary, dict/gse_zh_pruned.txt.gz, which pkg/segment embeds.
//
// Run it from the module root (it finds gse in the module cache with
// `go list`), then check the F1 figure:
//
//	go run ./pkg/segment/internal/gendict -min-name 9
//	go test -run F1 -v ./pkg/segment
//
// (or `go generate ./pkg/segment`, which runs the first line).
//
// Why person names, and not a frequency threshold for every word: gse cuts
// with jieba's algorithm, where each character gets frequency 2, so a
// dictionary word of any frequency beats the characters it is made of, and
// jieba's dictionary gives frequency 2 or 3 to compounds common in plans
// (服务体系 2, 医疗卫生 3, 公共卫生 3, 认真贯彻 3). Dropping every word under
// 4 keeps 154k of 352k words but moves the cut on the corpus to F1 0.90
// against the full dictionary; dropping person names (nr, nrt, nrfg) under
// 9 keeps 290k and F1 0.986 (0.989 with the whole dictionary, the rest
// being cnplan's domain words, on purpose).
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

func main() {
	src := flag.String("src", "", "gse's s_1.txt (default: found with go list in the module cache)")
	out := flag.String("out", "dict/gse_zh_pruned.txt.gz", "output file, gzip-compressed when it ends in .gz")
	min := flag.Float64("min", 2, "drop words under this frequency (2 drops nothing gse would load)")
	minName := flag.Float64("min-name", 9, "drop person names (nr, nrt, nrfg) under this frequency")
	flag.Parse()
	if err := run(*src, *out, *min, *minName); err != nil {
		fmt.Fprintln(os.Stderr, "gendict:", err)
		os.Exit(1)
	}
}

var personName = map[string]bool{"nr": true, "nrt": true, "nrfg": true}

func run(src, out string, min, minName float64) error {
	if src == "" {
		dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
		if err != nil {
			return fmt.Errorf("finding gse with go list: %w", err)
		}
		src = filepath.Join(strings.TrimSpace(string(dir)), "data", "dict", "zh", "s_1.txt")
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}

	var (
		lines []string
		seen  = map[string]bool{}
		words int
	)
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 {
			continue
		}
		freq, err := strconv.ParseFloat(f[1], 64)
		// gse.Segmenter.Size: a word under MinTokenFreq (2) is not loaded.
		if err != nil || freq < 2 {
			continue
		}
		// gse lower-cases Latin letters in its trie keys and keeps the
		// first of two words that are then the same (4S店, 4s店).
		key := asciiLower(f[0])
		if seen[key] {
			continue
		}
		seen[key] = true
		words++
		// Single characters stay: gse loads them all at frequency 2, and
		// they carry the part of speech of a character standing alone.
		if utf8.RuneCountInString(f[0]) > 1 {
			if freq < min || len(f) > 2 && personName[f[2]] && freq < minName {
				continue
			}
		}
		lines = append(lines, strings.Join(f, " "))
	}
	if err := sc.Err(); err != nil {
		return err
	}
	// cedar, gse's double-array trie, inserts keys in byte order in about
	// two thirds of the time it takes in s_1.txt's order. No two keys are
	// the same any more, so the order does not change which entry wins.
	sort.Strings(lines)

	var file bytes.Buffer
	fmt.Fprintf(&file, "# gse v0.80.3 data/dict/zh/s_1.txt, pruned by pkg/segment/internal/gendict -min %g -min-name %g.\n", min, minName)
	fmt.Fprintf(&file, "# Format: word frequency part-of-speech, in byte order.\n")
	// The loader reads this line to size its token table.
	fmt.Fprintf(&file, "# words %d\n", len(lines))
	for _, l := range lines {
		file.WriteString(l)
		file.WriteByte('\n')
	}

	payload := file.Bytes()
	if strings.HasSuffix(out, ".gz") {
		var z bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
		zw.Write(payload)
		if err := zw.Close(); err != nil {
			return err
		}
		payload = z.Bytes()
	}
	if err := os.WriteFile(out, payload, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gendict: %s: kept %d of %d words, %d bytes\n", out, len(lines), words, len(payload))
	return nil
}

func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}
