// Command gendict writes the data pkg/segment embeds, from gse's shipped
// files (found in the module cache with `go list`):
//
//   - dict/segment_words.dic: gse's simplified dictionary (data/dict/zh/
//     s_1.txt, which is jieba's dict.txt), one "word<TAB>frequency<TAB>part
//     of speech" line a word, in byte order, pruned by measurement (below);
//   - dict/segment_words.idx: a hash table over that text of every word and
//     every prefix of a word (jieba's FREQ), so that the segmenter looks
//     words up where they lie in the binary and builds nothing at start-up
//     (format in pkg/segment/words.go);
//   - dict/words_idf.txt.gz: the inverse document frequencies of gse's
//     data/dict/zh/idf.txt (jieba's idf.txt) for the words kept, which
//     pkg/words uses for keywords when no corpus is given to weigh against;
//   - dict/segment_hmm.bin: the emission probabilities of gse's HMM for
//     unknown words (hmm/prob_emit.go, jieba's finalseg model): for each
//     character in code point order, the character and log P(character |
//     state) for B, E, M, S, little-endian uint32 and four float64.
//
// Run it from the module root, then measure:
//
//	go run ./pkg/segment/internal/gendict -bakeoff /path/to/icwb2-data
//	go test ./pkg/segment
//	go run ./bench/bakeoff -data /path/to/icwb2-data -- cnplan segment --keep-all -
//
// The pruning. jieba's dictionary (352k words) is full of compounds that
// every segmentation standard splits (一位, 这一, 检察机关, 信息技术) and of
// names from novels; in jieba's algorithm any dictionary word beats the
// characters it is made of, so each of them is an error wherever it occurs.
// With -bakeoff, a word of two or more characters stays only if it is a
// word of at least one of the four SIGHAN 2005 training vocabularies
// (gold/*_training_words.utf8; AS and CityU converted to simplified), or
// occurs in the policy texts of -policy (the plans cnplan is for: their
// terms stay whatever the news standards say). That keeps 113,544 words and
// moves word F1 on the bakeoff test sets from 0.834/0.833/0.836/0.819
// (PKU/MSR/AS/CityU) to the figures in pkg/segment/README.md. Only gse's
// words are written: the training vocabularies are read, never copied.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/liuzl/gocc"

	// The data comes from this module's files, at the version go.mod
	// names; the import keeps it there.
	_ "github.com/go-ego/gse/hmm"
)

func main() {
	gseDir := flag.String("gse", "", "gse's module directory (default: found with go list)")
	bakeoff := flag.String("bakeoff", "", "icwb2-data directory: keep only words of its training vocabularies (and of -policy)")
	policy := flag.String("policy", "testdata/corpus,../shared/corpus", "directories of policy texts whose words stay, comma-separated")
	out := flag.String("out", "dict", "directory to write into")
	flag.Parse()
	if err := run(*gseDir, *bakeoff, *policy, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gendict:", err)
		os.Exit(1)
	}
}

func run(gseDir, bakeoff, policy, out string) error {
	if gseDir == "" {
		dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
		if err != nil {
			return fmt.Errorf("finding gse with go list: %w", err)
		}
		gseDir = strings.TrimSpace(string(dir))
	}
	var keep func(string) bool
	if bakeoff != "" {
		var err error
		if keep, err = keeper(bakeoff, policy); err != nil {
			return err
		}
	}
	kept, err := writeWords(filepath.Join(gseDir, "data", "dict", "zh", "s_1.txt"), keep, filepath.Join(out, "segment_words.dic"), filepath.Join(out, "segment_words.idx"))
	if err != nil {
		return err
	}
	if err := writeIDF(filepath.Join(gseDir, "data", "dict", "zh", "idf.txt"), kept, filepath.Join(out, "words_idf.txt.gz")); err != nil {
		return err
	}
	return writeHMM(filepath.Join(gseDir, "hmm", "prob_emit.go"), filepath.Join(out, "segment_hmm.bin"))
}

// keeper returns whether a word of two or more characters stays: when it
// is in a training vocabulary of the bakeoff or occurs in a policy text.
func keeper(bakeoff, policy string) (func(string) bool, error) {
	t2s, err := gocc.New("t2s")
	if err != nil {
		return nil, err
	}
	vocab := map[string]bool{}
	for _, c := range []struct {
		file        string
		traditional bool
	}{{"pku_training_words.utf8", false}, {"msr_training_words.utf8", false}, {"as_training_words.utf8", true}, {"cityu_training_words.utf8", true}} {
		data, err := os.ReadFile(filepath.Join(bakeoff, "gold", c.file))
		if err != nil {
			return nil, err
		}
		text := strings.ReplaceAll(string(data), "\ufeff", "")
		if c.traditional {
			if text, err = t2s.Convert(text); err != nil {
				return nil, err
			}
		}
		for _, w := range strings.Fields(text) {
			vocab[w] = true
		}
	}
	// Every run of 2–12 characters of the policy texts.
	inPolicy := map[string]bool{}
	for _, dir := range strings.Split(policy, ",") {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				return nil, err
			}
			text, err := t2s.Convert(string(data))
			if err != nil {
				return nil, err
			}
			runes := []rune(text)
			for i := range runes {
				for n := 2; n <= 12 && i+n <= len(runes); n++ {
					inPolicy[string(runes[i:i+n])] = true
				}
			}
		}
	}
	if len(inPolicy) == 0 {
		return nil, fmt.Errorf("no policy texts in %s", policy)
	}
	return func(w string) bool { return vocab[w] || inPolicy[w] }, nil
}

// writeWords writes the dictionary and returns the words it kept.
func writeWords(src string, keep func(string) bool, out, outIndex string) (map[string]bool, error) {
	data, err := os.ReadFile(src)
	if err != nil {
		return nil, err
	}
	kept := map[string]bool{}
	var (
		lines   []string
		seen    = map[string]bool{}
		total   int64
		dropped int
	)
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 {
			continue
		}
		freq, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil || freq < 1 || seen[f[0]] {
			continue
		}
		seen[f[0]] = true
		// The total is the whole dictionary's, as jieba's: leaving a word
		// out must not change the probability of the others.
		total += freq
		if keep != nil && utf8.RuneCountInString(f[0]) > 1 && !keep(f[0]) {
			dropped++
			continue
		}
		pos := ""
		if len(f) > 2 {
			pos = f[2]
		}
		lines = append(lines, f[0]+"\t"+f[1]+"\t"+pos)
		kept[f[0]] = true
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	// Byte order with the tab after the word: a word's line sorts before
	// the lines of the longer words it starts (the tab is below every
	// character), which the segmenter's prefix search relies on.
	sort.Strings(lines)

	var file bytes.Buffer
	fmt.Fprintf(&file, "# gse v0.80.3 data/dict/zh/s_1.txt (jieba's dict.txt) less %d words, by pkg/segment/internal/gendict.\n", dropped)
	fmt.Fprintf(&file, "# word<TAB>frequency<TAB>part of speech, in byte order.\n")
	fmt.Fprintf(&file, "# total %d\n", total)
	for _, l := range lines {
		file.WriteString(l)
		file.WriteByte('\n')
	}
	if err := os.WriteFile(out, file.Bytes(), 0o644); err != nil {
		return nil, err
	}
	index, err := buildIndex(file.Bytes())
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(outIndex, index, 0o644); err != nil {
		return nil, err
	}
	fmt.Fprintf(os.Stderr, "gendict: %s: %d words (%d dropped), total frequency %d; %s: %d bytes\n", out, len(lines), dropped, total, outIndex, len(index))
	return kept, nil
}

// writeIDF writes the IDF of the kept words, in byte order, with the
// median of the whole table, which jieba gives words it has no IDF for.
func writeIDF(src string, kept map[string]bool, out string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	var lines []string
	var all []float64
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) != 2 {
			continue
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			continue
		}
		all = append(all, v)
		if kept[f[0]] {
			lines = append(lines, f[0]+"\t"+f[1])
		}
	}
	if len(all) == 0 {
		return fmt.Errorf("%s: no IDF values", src)
	}
	sort.Float64s(all)
	sort.Strings(lines)
	var file bytes.Buffer
	fmt.Fprintf(&file, "# gse v0.80.3 data/dict/zh/idf.txt (jieba's idf.txt), the words of segment_words.txt.gz only, by pkg/segment/internal/gendict.\n")
	fmt.Fprintf(&file, "# word<TAB>inverse document frequency, in byte order.\n")
	fmt.Fprintf(&file, "# median %s\n", strconv.FormatFloat(all[len(all)/2], 'f', -1, 64))
	for _, l := range lines {
		file.WriteString(l)
		file.WriteByte('\n')
	}
	if err := writeGzip(out, file.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gendict: %s: %d words\n", out, len(lines))
	return nil
}

var (
	emitTable = regexp.MustCompile(`probEmit\['([BEMS])'\]`)
	emitEntry = regexp.MustCompile(`'\\u([0-9a-fA-F]{4})':\s*(-?[0-9.e+-]+)`)
)

func writeHMM(src, out string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	const states = "BEMS"
	emit := map[rune]*[4]string{}
	state := -1
	for _, line := range strings.Split(string(data), "\n") {
		if m := emitTable.FindStringSubmatch(line); m != nil {
			state = strings.Index(states, m[1])
			continue
		}
		m := emitEntry.FindStringSubmatch(line)
		if m == nil || state < 0 {
			continue
		}
		r, _ := strconv.ParseUint(m[1], 16, 32)
		e := emit[rune(r)]
		if e == nil {
			e = &[4]string{}
			emit[rune(r)] = e
		}
		e[state] = m[2]
	}
	if len(emit) == 0 {
		return fmt.Errorf("%s: no emission probabilities found", src)
	}
	runes := make([]rune, 0, len(emit))
	for r := range emit {
		runes = append(runes, r)
	}
	sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
	var file bytes.Buffer
	file.WriteString(hmmMagic)
	binary.Write(&file, binary.LittleEndian, uint32(len(runes)))
	for _, r := range runes {
		binary.Write(&file, binary.LittleEndian, uint32(r))
		for _, v := range emit[r] {
			p := -3.14e100 // jieba's MIN_FLOAT: never seen in that state
			if v != "" {
				var err error
				if p, err = strconv.ParseFloat(v, 64); err != nil {
					return fmt.Errorf("%s: %c: %w", src, r, err)
				}
			}
			binary.Write(&file, binary.LittleEndian, p)
		}
	}
	if err := os.WriteFile(out, file.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gendict: %s: %d characters\n", out, len(runes))
	return nil
}

func writeGzip(path string, payload []byte) error {
	var z bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	zw.Write(payload)
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, z.Bytes(), 0o644)
}

// The file formats pkg/segment reads (pkg/segment/words.go, hmm.go).
const (
	indexMagic = "CNSEGIX1"
	hmmMagic   = "CNSEGHM1"
	// A slot holds a key's byte offset in the text (23 bits) and its
	// length in bytes (9 bits); 0 is an empty slot.
	offsetBits = 23
	maxKeyLen  = 1<<(32-offsetBits) - 1
)

// buildIndex makes the hash table of the dictionary text: every word, and
// every proper prefix of a word ending on a character boundary, as the
// offset of the first line that starts with it and its length. Open
// addressing with linear probing, FNV-1a hash, at most half full.
func buildIndex(text []byte) ([]byte, error) {
	if len(text) >= 1<<offsetBits {
		return nil, fmt.Errorf("dictionary text of %d bytes is too long for the index", len(text))
	}
	type key struct{ off, n int }
	var keys []key
	seen := map[string]bool{}
	for at := 0; at < len(text); {
		end := bytes.IndexByte(text[at:], '\n') + at
		line := text[at:end]
		if len(line) > 0 && line[0] != '#' {
			word := line[:bytes.IndexByte(line, '\t')]
			if len(word) > maxKeyLen {
				return nil, fmt.Errorf("word %q is longer than %d bytes", word, maxKeyLen)
			}
			// Lines are in byte order and a word's tab sorts before any
			// character, so the first line seen with a key is its word's
			// line when the key is a word.
			for i := range string(word) {
				if i > 0 && !seen[string(word[:i])] {
					seen[string(word[:i])] = true
					keys = append(keys, key{at, i})
				}
			}
			if !seen[string(word)] {
				seen[string(word)] = true
				keys = append(keys, key{at, len(word)})
			}
		}
		at = end + 1
	}
	size := 1
	for size < 2*len(keys) {
		size <<= 1
	}
	slots := make([]uint32, size)
	for _, k := range keys {
		i := fnv1a(text[k.off:k.off+k.n]) & uint32(size-1)
		for slots[i] != 0 {
			i = (i + 1) & uint32(size-1)
		}
		slots[i] = uint32(k.off) | uint32(k.n)<<offsetBits
	}
	var out bytes.Buffer
	out.WriteString(indexMagic)
	binary.Write(&out, binary.LittleEndian, uint32(len(text)))
	binary.Write(&out, binary.LittleEndian, uint32(size))
	binary.Write(&out, binary.LittleEndian, slots)
	return out.Bytes(), nil
}

func fnv1a(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}
