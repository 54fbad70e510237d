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
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cnplan/cnplan/dict"
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
	// requires none. Checked with strings.Contains before the matcher.
	needs []string
}

// matches tests line against the rule.
func (r rule) matches(line string) bool {
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
	err   error
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
		rules = append(rules, rule{mode: rec[0], re: re, needs: requiredWords(rec[1])})
	}
	return compiledRules{rules: rules}
})

func loadRules() ([]rule, error) {
	c := junkRules.Get()
	return c.rules, c.err
}

type line struct {
	start, end int // rune offsets in the view, end excludes the newline
	text       string
}

func splitLines(v *textview.View) []line {
	var lines []line
	start := 0
	for _, l := range strings.SplitAfter(v.Text, "\n") {
		if l == "" {
			continue
		}
		n := utf8.RuneCountInString(l)
		body := strings.TrimSuffix(l, "\n")
		lines = append(lines, line{start: start, end: start + utf8.RuneCountInString(body), text: body})
		start += n
	}
	return lines
}

// Clean drops junk lines from v (normalised text) and joins page breaks.
// With keepAll it changes nothing.
func Clean(v *textview.View, keepAll bool) (Result, error) {
	if keepAll {
		return Result{View: v}, nil
	}
	rs, err := loadRules()
	if err != nil {
		return Result{}, err
	}
	lines := splitLines(v)
	drop := make([]bool, len(lines))
	for i, l := range lines {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		short := utf8.RuneCountInString(t) <= maxChromeRunes
		for _, r := range rs {
			if r.mode != "anyline" && !short || !r.matches(t) {
				continue
			}
			switch r.mode {
			case "line", "anyline":
				drop[i] = true
			case "tail":
				if !anyProse(lines[i+1:]) {
					for j := i; j < len(lines); j++ {
						drop[j] = true
					}
				}
			case "head":
				if !anyProse(lines[:i]) {
					for j := 0; j <= i; j++ {
						drop[j] = true
					}
				}
			}
		}
	}
	cut := pageArtefacts(lines, drop)
	wrapped := hardWrapped(lines, drop)
	var b textview.Builder
	b.Grow(v.Runes(), len(v.Text))
	res := Result{}
	runes := []rune(v.Text)
	for i, l := range lines {
		if drop[i] {
			if strings.TrimSpace(l.text) != "" {
				res.Dropped++
			}
			continue
		}
		from := l.start
		if c, ok := cut[i]; ok {
			from += c.prefix
			res.Joined++
			if c.join && b.Len() > 0 && b.Last() == '\n' {
				// Undo the newline that ended the previous page line.
				b.DropLast()
			}
		} else if wrapped[i] && b.Len() > 0 && b.Last() == '\n' {
			b.DropLast()
			res.Joined++
			for from < l.end && (runes[from] == ' ' || runes[from] == '\u3000') {
				from++
			}
		}
		for p := from; p < l.end; p++ {
			b.Add(runes[p], p)
		}
		if l.end < len(runes) {
			b.Add('\n', l.end)
		}
	}
	inner := b.View()
	res.View = textview.Map(inner, v)
	return res, nil
}

// maxChromeRunes bounds the lines tried against the patterns of modes
// other than anyline: page chrome is short, and trying every pattern on
// every long prose line was a sixth of extraction time.
const maxChromeRunes = 150

// anyProse says whether lines hold a paragraph of the notice: a footer or
// header marker only cuts where no real sentence stands beyond it.
func anyProse(lines []line) bool {
	for _, l := range lines {
		if utf8.RuneCountInString(l.text) >= 40 && strings.ContainsAny(l.text, "。;") {
			return true
		}
	}
	return false
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
	for i, l := range lines {
		if n := utf8.RuneCountInString(strings.TrimSpace(l.text)); !drop[i] && n >= 20 {
			lengths[n]++
			long++
		}
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
	// Ten long lines at least, and most of them of one width.
	if long < 10 || near*10 < long*6 {
		return join
	}
	prev := -1
	for i, l := range lines {
		if drop[i] {
			continue
		}
		t := strings.TrimSpace(l.text)
		// A table row (cells separated by tabs or aligned by spaces) is
		// no part of a wrapped paragraph.
		if t == "" || strings.Contains(t, "\t") || strings.Contains(t, "  ") {
			prev = -1
			continue
		}
		if prev >= 0 {
			// A full-width line runs on, whatever it ends with, unless the
			// next one opens an item or is indented as a new paragraph.
			pn := utf8.RuneCountInString(strings.TrimSpace(lines[prev].text))
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

func opensItem(line string) bool { return itemStart.MatchString(line) }

type pageCut struct {
	prefix int  // runes of the "N、" prefix to drop
	join   bool // join to the previous kept line
}

var pageNum = regexp.MustCompile(`^(\d{1,3})、`)

// pageArtefacts finds page numbers that a converted document left at line
// starts (002: "5、低于90%" continues "达标率不" from the line before). They
// run 1, 2, 3 … over long lines; a real numbered list has short items or
// ends its items with punctuation, so we ask for at least three
// consecutive long lines.
func pageArtefacts(lines []line, drop []bool) map[int]pageCut {
	type cand struct{ idx, num, prefix int }
	var run []cand
	out := map[int]pageCut{}
	flush := func() {
		if len(run) >= 3 {
			for k, c := range run {
				out[c.idx] = pageCut{prefix: c.prefix, join: k > 0}
			}
		}
		run = run[:0]
	}
	for i, l := range lines {
		if drop[i] || strings.TrimSpace(l.text) == "" {
			continue
		}
		m := pageNum.FindStringSubmatch(l.text)
		long := utf8.RuneCountInString(l.text) >= 100
		if m == nil || !long {
			if long || m != nil {
				flush()
			}
			continue
		}
		n, _ := strconv.Atoi(m[1])
		if len(run) > 0 && n != run[len(run)-1].num+1 {
			flush()
		}
		run = append(run, cand{i, n, utf8.RuneCountInString(m[0])})
	}
	flush()
	return out
}
