// Package clean removes what a downloaded notice carries that is not the
// notice: navigation crumbs, share and print links, editor credits, link
// farms, the blurb a document-sharing site wraps around an upload. It also
// joins sentences that a page break cut in two. The patterns are data
// (dict/junk.txt); this package only applies them.
package clean

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cnplan/cnplan/dict"
	"github.com/cnplan/cnplan/internal/regexgate"
	"github.com/cnplan/cnplan/pkg/textview"
)

// Result is the cleaned view and what cleaning did.
type Result struct {
	View    *textview.View // kept text; maps to the input view's original
	Dropped int            // lines dropped as page junk
	Joined  int            // page-number artefacts removed and lines joined
}

type rule struct {
	mode string
	re   *regexp.Regexp
	// needs: a line can match only if it holds one of these words (the
	// literal alternatives the pattern requires); nil when the pattern
	// requires none. Checked before the matcher: with strings.Contains,
	// or for an indexed rule on a short line through the wordIndex.
	needs []string
	// first and last: the runes a line can start (end) with to match a
	// pattern anchored by ^ ($); nil when any rune can. Most patterns are
	// anchored, so one rune comparison rules out most lines.
	first, last []rune
	// indexed: needs is checked through the rules' wordIndex on short
	// lines (the rule has needed words and no rune gate).
	indexed bool
}

// matches tests line (trimmed, not empty) against the rule.
func (r *rule) matches(line string) bool {
	if r.first != nil {
		c, _ := utf8.DecodeRuneInString(line)
		if !slices.Contains(r.first, c) {
			return false
		}
	}
	if r.last != nil {
		c, _ := utf8.DecodeLastRuneInString(line)
		if !slices.Contains(r.last, c) {
			return false
		}
	}
	if r.needs != nil {
		found := false
		for _, w := range r.needs {
			if strings.Contains(line, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return r.re.MatchString(line)
}

// requiredWords finds words one of which every match of pattern contains:
// a literal, or an alternation of literals, that the pattern's top-level
// sequence cannot skip ("^.{0,60}(版权所有|ICP备…)" needs one of those).
func requiredWords(pattern string) []string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	parts := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		parts = re.Sub
	}
	var best []string
	for _, p := range parts {
		for p.Op == syntax.OpCapture {
			p = p.Sub[0]
		}
		var words []string
		switch p.Op {
		case syntax.OpLiteral:
			if p.Flags&syntax.FoldCase == 0 {
				words = []string{string(p.Rune)}
			}
		case syntax.OpAlternate:
			for _, alt := range p.Sub {
				w := literalPrefix(alt)
				if w == "" {
					words = nil
					break
				}
				words = append(words, w)
			}
		}
		if len(words) > 0 && (best == nil || shortest(words) > shortest(best)) {
			best = words
		}
	}
	return best
}

// literalPrefix is the literal a pattern must start with, or "".
func literalPrefix(re *syntax.Regexp) string {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	if re.Op == syntax.OpLiteral && re.Flags&syntax.FoldCase == 0 {
		return string(re.Rune)
	}
	if re.Op == syntax.OpConcat && len(re.Sub) > 0 {
		return literalPrefix(re.Sub[0])
	}
	return ""
}

func shortest(words []string) int {
	n := -1
	for _, w := range words {
		if n < 0 || len(w) < n {
			n = len(w)
		}
	}
	return n
}

type compiledRules struct {
	rules []rule
	words *wordIndex // the needed words of the rules without a rune gate
	err   error
}

// wordIndex finds, in one pass over a line, which rules' needed words it
// holds: most runes cost one array probe. It serves the rules that no
// first or last rune rules out, which would otherwise search every short
// line once for each of their words.
type wordIndex struct {
	// starts has a bit for every BMP rune that starts a word: most runes
	// are ruled out here, in a table small enough to stay in cache.
	starts [0x10000 / 64]uint64
	// slot[r] is 1 + the index in lists of the words starting with BMP
	// rune r, or 0.
	slot  [0x10000]uint16
	lists [][]neededWord
	other map[rune][]neededWord // words starting outside the BMP
}

type neededWord struct {
	word string
	rule int
}

func newWordIndex(rules []rule) *wordIndex {
	x := &wordIndex{other: map[rune][]neededWord{}}
	for k := range rules {
		r := &rules[k]
		if !r.indexed {
			continue
		}
		for _, w := range r.needs {
			c, _ := utf8.DecodeRuneInString(w)
			nw := neededWord{word: w, rule: k}
			if c >= 0x10000 || len(x.lists) >= 0xFFFF {
				x.other[c] = append(x.other[c], nw)
				continue
			}
			if x.slot[c] == 0 {
				x.lists = append(x.lists, nil)
				x.slot[c] = uint16(len(x.lists))
				x.starts[c/64] |= 1 << (c % 64)
			}
			x.lists[x.slot[c]-1] = append(x.lists[x.slot[c]-1], nw)
		}
	}
	return x
}

// mark sets found[k] for every indexed rule k one of whose words line
// holds.
func (x *wordIndex) mark(line string, found []bool) {
	for i, c := range line {
		var ws []neededWord
		if c < 0x10000 {
			if x.starts[c/64]&(1<<(c%64)) == 0 {
				continue
			}
			ws = x.lists[x.slot[c]-1]
		} else {
			ws = x.other[c]
		}
		for _, w := range ws {
			if !found[w.rule] && strings.HasPrefix(line[i:], w.word) {
				found[w.rule] = true
			}
		}
	}
}

func init() {
	dict.Check("junk", func(rec []string) error {
		if len(rec) < 2 {
			return fmt.Errorf("want a mode and a pattern separated by a tab")
		}
		_, err := regexp.Compile(rec[1])
		return err
	})
}

var junkRules = dict.NewCompiled(func() compiledRules {
	var rules []rule
	for _, rec := range dict.Records("junk") {
		if len(rec) < 2 {
			return compiledRules{err: fmt.Errorf("dict junk: record %q needs mode and pattern", rec)}
		}
		re, err := regexp.Compile(rec[1])
		if err != nil {
			return compiledRules{err: fmt.Errorf("dict junk: %v", err)}
		}
		r := rule{mode: rec[0], re: re, needs: requiredWords(rec[1]),
			first: regexgate.AnchoredRunes(rec[1], false), last: regexgate.AnchoredRunes(rec[1], true)}
		r.indexed = r.needs != nil && r.first == nil && r.last == nil
		rules = append(rules, r)
	}
	return compiledRules{rules: rules, words: newWordIndex(rules)}
})

func loadRules() ([]rule, error) {
	c := junkRules.Get()
	return c.rules, c.err
}

type line struct {
	start, end int    // rune offsets in the view, end excludes the newline
	text       string // without the newline
	trimmed    string // text without surrounding space
	trimmedLen int    // runes of trimmed
	invalid    bool   // text is not valid UTF-8
}

// runes is the line's length in runes, without the newline.
func (l *line) runes() int { return l.end - l.start }

func splitLines(v *textview.View) []line {
	lines := make([]line, 0, strings.Count(v.Text, "\n")+1)
	start := 0
	rest := v.Text
	for rest != "" {
		body := rest
		next := ""
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			body, next = rest[:i], rest[i+1:]
		}
		n, valid := textview.CountRunes(body)
		// strings.TrimSpace, in two steps so that only the trimmed ends
		// are counted again.
		left := strings.TrimLeftFunc(body, unicode.IsSpace)
		t := strings.TrimRightFunc(left, unicode.IsSpace)
		tn := n
		if len(t) != len(body) {
			tn = n - utf8.RuneCountInString(body[:len(body)-len(left)]) - utf8.RuneCountInString(left[len(t):])
		}
		lines = append(lines, line{start: start, end: start + n, text: body, trimmed: t, trimmedLen: tn, invalid: !valid})
		start += n + 1
		rest = next
	}
	return lines
}

// Clean drops junk lines from v (normalised text) and joins page breaks.
// With keepAll it changes nothing.
func Clean(v *textview.View, keepAll bool) (Result, error) {
	if keepAll {
		return Result{View: v}, nil
	}
	compiled := junkRules.Get()
	if compiled.err != nil {
		return Result{}, compiled.err
	}
	rs := compiled.rules
	lines := splitLines(v)
	drop := make([]bool, len(lines))
	hasWords := make([]bool, len(rs)) // per rule: the line holds a needed word
	var prose *proseIndex
	// A footer marker drops from tailFrom to the end; a header marker
	// drops up to headTo.
	tailFrom, headTo := len(lines), -1
	for i := range lines {
		t := lines[i].trimmed
		if t == "" {
			continue
		}
		short := lines[i].trimmedLen <= maxChromeRunes
		if short {
			clear(hasWords)
			compiled.words.mark(t, hasWords)
		}
		for k := range rs {
			r := &rs[k]
			if r.mode != "anyline" && !short {
				continue
			}
			if short && r.indexed {
				if !hasWords[k] || !r.re.MatchString(t) {
					continue
				}
			} else if !r.matches(t) {
				continue
			}
			switch r.mode {
			case "line", "anyline":
				drop[i] = true
			case "tail":
				if prose == nil {
					prose = newProseIndex(lines)
				}
				if !prose.after(i) {
					tailFrom = min(tailFrom, i)
				}
			case "head":
				if prose == nil {
					prose = newProseIndex(lines)
				}
				if !prose.before(i) {
					headTo = max(headTo, i)
				}
			}
		}
	}
	// The cuts are applied once, not once for every marker line.
	for j := tailFrom; j < len(lines); j++ {
		drop[j] = true
	}
	for j := 0; j <= headTo; j++ {
		drop[j] = true
	}
	cut := pageArtefacts(lines, drop)
	wrapped := hardWrapped(lines, drop)
	if unchanged(lines, drop, cut, wrapped) {
		// Nothing to drop or join: the view serves as it is (and so does
		// its decoded text, if a stage has asked for it).
		return Result{View: v}, nil
	}

	var b textview.Builder
	b.Grow(len(v.Text))
	endsInNewline := func() bool { return b.Len() > 0 && b.Last() == '\n' }
	res := Result{}
	total := v.Runes()
	for i := range lines {
		l := &lines[i]
		if drop[i] {
			if l.trimmed != "" {
				res.Dropped++
			}
			continue
		}
		from := l.start
		skipSpaces := false
		if c, ok := cut[i]; ok {
			from += c.prefix
			res.Joined++
			if c.join && endsInNewline() {
				// Undo the newline that ended the previous page line.
				b.DropLast()
			}
		} else if wrapped[i] && endsInNewline() {
			b.DropLast()
			res.Joined++
			skipSpaces = true
		}
		p, rest := l.start, l.text
		advance := func() {
			_, size := utf8.DecodeRuneInString(rest)
			rest, p = rest[size:], p+1
		}
		for p < from && rest != "" {
			advance()
		}
		for skipSpaces && rest != "" && (rest[0] == ' ' || strings.HasPrefix(rest, "\u3000")) {
			advance()
		}
		// The rest of the line in one piece, from its text.
		if l.invalid {
			b.AddString(rest, p)
		} else {
			b.AddValid(rest, l.end-p, p) // the line's runes are counted
		}
		if l.end < total {
			b.Add('\n', l.end)
		}
	}
	res.View = textview.Map(b.View(), v)
	return res, nil
}

// unchanged says whether cleaning leaves every line as it is: none
// dropped, cut or joined, and all valid UTF-8 (which a rebuilt view would
// hold U+FFFD for).
func unchanged(lines []line, drop []bool, cut map[int]pageCut, wrapped []bool) bool {
	if len(cut) > 0 {
		return false
	}
	for i := range lines {
		if drop[i] || wrapped[i] || lines[i].invalid {
			return false
		}
	}
	return true
}

// maxChromeRunes bounds the lines tried against the patterns of modes
// other than anyline: page chrome is short, and trying every pattern on
// every long prose line was a sixth of extraction time.
const maxChromeRunes = 150

// proseIndex says whether lines before or after a line hold a paragraph of
// the notice: a footer or header marker only cuts where no real sentence
// stands beyond it.
type proseIndex struct {
	first, last int // the first and last prose line, -1 when none
}

func newProseIndex(lines []line) *proseIndex {
	p := &proseIndex{first: -1, last: -1}
	for i := range lines {
		if isProse(&lines[i]) {
			p.first = i
			break
		}
	}
	for i := len(lines) - 1; i >= p.first && p.first >= 0; i-- {
		if isProse(&lines[i]) {
			p.last = i
			break
		}
	}
	return p
}

// after says whether a prose line follows line i; before, whether one
// precedes it.
func (p *proseIndex) after(i int) bool  { return p.last > i }
func (p *proseIndex) before(i int) bool { return p.first >= 0 && p.first < i }

// isProse: a line of a paragraph, long and with a sentence mark.
func isProse(l *line) bool {
	return l.runes() >= 40 && (strings.IndexByte(l.text, ';') >= 0 || strings.Contains(l.text, "。"))
}

// hardWrapped finds the lines that continue the line before them in text
// wrapped at a fixed width (PDF text, some saved pages): most long lines
// have the same length, and a line that ends without a sentence mark runs
// on into the next unless that one opens a heading or item. It returns, per
// line, whether to join it to the previous kept line.
func hardWrapped(lines []line, drop []bool) []bool {
	join := make([]bool, len(lines))
	lengths := map[int]int{}
	long := 0
	for i := range lines {
		if n := lines[i].trimmedLen; !drop[i] && n >= 20 {
			lengths[n]++
			long++
		}
	}
	// Ten long lines at least, and most of them of one width.
	if long < 10 {
		return join
	}
	mode, modeCount := 0, 0
	for n, c := range lengths {
		if c > modeCount || c == modeCount && n > mode {
			mode, modeCount = n, c
		}
	}
	near := 0
	for n, c := range lengths {
		if n >= mode-2 && n <= mode+2 {
			near += c
		}
	}
	if near*10 < long*6 {
		return join
	}
	prev := -1
	for i := range lines {
		if drop[i] {
			continue
		}
		l := &lines[i]
		t := l.trimmed
		// A table row (cells separated by tabs or aligned by spaces) is
		// no part of a wrapped paragraph.
		if t == "" || strings.Contains(t, "\t") || strings.Contains(t, "  ") {
			prev = -1
			continue
		}
		if prev >= 0 {
			// A full-width line runs on, whatever it ends with, unless the
			// next one opens an item or is indented as a new paragraph.
			pn := lines[prev].trimmedLen
			indented := strings.HasPrefix(l.text, "  ") || strings.HasPrefix(l.text, "\u3000") || strings.HasPrefix(l.text, "\t")
			if pn >= mode-2 && !indented && !opensItem(t) {
				join[i] = true
			}
		}
		prev = i
	}
	return join
}

// opensItem says whether a line starts a heading or list item, which a
// wrapped line never does.
var itemStart = regexp.MustCompile(`^([一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+(、|\.\D)|[①-⑩●■◆]|第[一二三四五六七八九十\d]+[章节条])`)

// itemFirst is the runes itemStart's matches start with: the regexp runs
// only on lines that start with one (on every line if it is nil).
var itemFirst = regexgate.AnchoredRunes(itemStart.String(), false)

func opensItem(line string) bool {
	c, _ := utf8.DecodeRuneInString(line)
	return (itemFirst == nil || slices.Contains(itemFirst, c)) && itemStart.MatchString(line)
}

type pageCut struct {
	prefix int  // runes of the "N、" prefix to drop
	join   bool // join to the previous kept line
}

// pageNumber reads the page number a converted document left at the start
// of a line, "N、" with N of one to three digits, and the prefix's length
// in runes.
func pageNumber(text string) (num, prefix int, ok bool) {
	k := 0
	for k < len(text) && k < 4 && text[k] >= '0' && text[k] <= '9' {
		k++
	}
	if k == 0 || k > 3 || !strings.HasPrefix(text[k:], "、") {
		return 0, 0, false
	}
	n, _ := strconv.Atoi(text[:k])
	return n, k + 1, true
}

// pageArtefacts finds page numbers that a converted document left at line
// starts (002: "5、低于90%" continues "达标率不" from the line before). They
// run 1, 2, 3 … over long lines; a real numbered list has short items or
// ends its items with punctuation, so we ask for at least three
// consecutive long lines.
func pageArtefacts(lines []line, drop []bool) map[int]pageCut {
	type cand struct{ idx, num, prefix int }
	var run []cand
	var out map[int]pageCut
	flush := func() {
		if len(run) >= 3 {
			if out == nil {
				out = map[int]pageCut{}
			}
			for k, c := range run {
				out[c.idx] = pageCut{prefix: c.prefix, join: k > 0}
			}
		}
		run = run[:0]
	}
	for i := range lines {
		l := &lines[i]
		if drop[i] || l.trimmed == "" {
			continue
		}
		n, prefix, isNum := pageNumber(l.text)
		long := l.runes() >= 100
		if !isNum || !long {
			if long || isNum {
				flush()
			}
			continue
		}
		if len(run) > 0 && n != run[len(run)-1].num+1 {
			flush()
		}
		run = append(run, cand{i, n, prefix})
	}
	flush()
	return out
}
