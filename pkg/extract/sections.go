package extract

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cnplan/cnplan/dict"
	"github.com/cnplan/cnplan/internal/regexgate"
	"github.com/cnplan/cnplan/pkg/textview"
)

// heading is a section heading found in the body view.
type heading struct {
	level      int
	start, end int // rune span of the heading text in the view
}

type headingRule struct {
	level int
	re    *regexp.Regexp
	// first: the runes a heading of this rule starts with (nil: any), so
	// that the pattern is tried only where one stands.
	first []rune
}

func init() {
	dict.Check("headings", func(rec []string) error {
		if _, err := strconv.Atoi(rec[0]); err != nil || len(rec) < 2 {
			return fmt.Errorf("want a level (a number) and a pattern separated by a tab")
		}
		_, err := regexp.Compile(rec[1])
		return err
	})
}

var headingRules = dict.NewCompiled(func() []headingRule {
	var rules []headingRule
	for _, rec := range dict.Records("headings") {
		level, err := strconv.Atoi(rec[0])
		if err != nil || len(rec) < 2 {
			continue
		}
		re, err := regexp.Compile(rec[1])
		if err != nil {
			continue // a user's bad pattern is skipped, not fatal
		}
		rules = append(rules, headingRule{level, re, regexgate.AnchoredRunes(rec[1], false)})
	}
	return rules
})

func loadHeadingRules() []headingRule { return headingRules.Get() }

// maxHeadingRunes bounds a heading: longer lines that start with a marker
// are numbered paragraphs, whose heading is their first sentence.
const maxHeadingRunes = 40

// findHeadings returns the headings of v: lines (and, in text whose
// line breaks were lost, sentences) that begin with a heading marker.
func findHeadings(v *textview.View) []heading {
	rules := loadHeadingRules()
	runes := v.Chars()
	var hs []heading
	type start struct{ rune, byte int }
	var starts []start // of the line at hand, reused
	lines := v.LineStarts()
	for k, lineStart := range lines {
		lineEnd := len(runes)
		if k+1 < len(lines) {
			lineEnd = lines[k+1]
		}
		lineByte := v.ByteOffset(lineStart)
		line := v.Text[lineByte:v.ByteOffset(lineEnd)]
		// Candidates: the line start and every position after 。 in it,
		// as rune and byte offsets. rest is a substring from the byte
		// offset, so that a line of many sentences costs its length and
		// not its length squared (a 1 MB line took 26 s).
		starts = append(starts[:0], start{0, 0})
		for i := lineStart; i < lineEnd; i++ {
			if runes[i] == '。' {
				starts = append(starts, start{i + 1 - lineStart, v.ByteOffset(i+1) - lineByte})
			}
		}
		for n, s := range starts {
			rest := strings.TrimLeft(line[s.byte:], " \t\u00a0")
			lead := s.rune + utf8.RuneCountInString(line[s.byte:len(line)-len(rest)])
			for _, r := range rules {
				if n > 0 && r.level > 2 {
					continue // inline, only the unambiguous markers
				}
				if r.first != nil && !slices.Contains(r.first, firstRuneOf(rest)) || !r.re.MatchString(rest) {
					continue
				}
				end := headingEnd(headRunes(rest), n > 0)
				hs = append(hs, heading{level: r.level, start: lineStart + lead, end: lineStart + lead + end})
				break
			}
		}
	}
	return hs
}

// firstRuneOf returns the first rune of s, or utf8.RuneError.
func firstRuneOf(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// headRunes returns the first runes of s, as many as headingEnd reads: it
// looks no further than maxHeadingRunes+1 runes into a heading's line.
func headRunes(s string) []rune {
	rs := make([]rune, 0, maxHeadingRunes+2)
	for _, r := range s {
		if len(rs) == cap(rs) {
			break
		}
		rs = append(rs, r)
	}
	return rs
}

// headingEnd measures a heading's text: a short line whole, else up to its
// first sentence end or colon; inline headings stop at 20 runes.
func headingEnd(rest []rune, inline bool) int {
	limit := len(rest)
	for i, r := range rest {
		if r == '\n' {
			limit = i
			break
		}
	}
	if !inline && limit <= maxHeadingRunes {
		return trimEnd(rest, limit)
	}
	for i := 0; i < limit; i++ {
		switch rest[i] {
		case '。', ':', ';', '!', '?':
			if i+1 <= maxHeadingRunes {
				return i
			}
		}
		if i >= maxHeadingRunes {
			break
		}
	}
	if inline {
		return min(limit, 20)
	}
	return min(limit, maxHeadingRunes)
}

func trimEnd(r []rune, n int) int {
	for n > 0 && (r[n-1] == ' ' || r[n-1] == '\t' || r[n-1] == '\r' || r[n-1] == '\u00a0') {
		n--
	}
	return n
}

// sections answers, for a position in the view, the heading path above it.
type sections struct {
	hs    []heading
	paths []string // path after each heading
}

// newSections builds heading paths; quote gives a view span's text as
// written in the original.
func newSections(v *textview.View, quote func(start, end int) string) *sections {
	s := &sections{hs: findHeadings(v)}
	var stack []heading
	var names []string
	for _, h := range s.hs {
		for len(stack) > 0 && stack[len(stack)-1].level >= h.level {
			stack = stack[:len(stack)-1]
			names = names[:len(names)-1]
		}
		stack = append(stack, h)
		names = append(names, strings.TrimSpace(quote(h.start, h.end)))
		s.paths = append(s.paths, strings.Join(names, " > "))
	}
	return s
}

// at returns the index of the last heading starting at or before pos, or -1.
func (s *sections) at(pos int) int {
	return sort.Search(len(s.hs), func(i int) bool { return s.hs[i].start > pos }) - 1
}

// path returns the heading path that governs pos.
func (s *sections) path(pos int) string {
	if i := s.at(pos); i >= 0 {
		return s.paths[i]
	}
	return ""
}
