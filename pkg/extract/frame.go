package extract

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cnplan/cnplan/pkg/record"
)

// Plan documents are built in time frames: a work report reviews the past
// year and the closing five-year plan, sets out the next plan's goals, then
// the coming year's work; a plan reviews the last period before its own
// goals and tasks. A figure's year and kind follow the innermost frame that
// holds it unless its own clause or sentence says otherwise.
//
// A frame opens at a heading that holds a cue word (一、2025年工作回顾, 三、
// 2026年工作安排, 二、“十五五”发展的主要考虑) and lasts for its section, or
// at a paragraph that opens with one (过去一年，… 今年… “十二五”期间，…) and
// lasts for that paragraph. The cues are data: dict/time_frames.txt.

const (
	modeReview = "review" // figures are reported: actual
	modePlan   = "plan"   // figures are goals for a year
	modeGoals  = "goals"  // figures are goals for a period's end
)

// frame is the time a stretch of the body view speaks of.
type frame struct {
	start, end int // body view span
	mode       string
	year       int
	cue        string // the words that set it, as written
	heading    bool   // set by a heading (else by a paragraph opening, or the document's)
	doc        bool   // the document's own frame: its period or its title's year
}

// frames holds a document's frames for lookup by position.
type frames struct {
	root    frame
	byHead  []*frame // the frame governing each heading's section (inherited), nil when none
	para    []frame  // paragraph frames, in order
	listed  []frame  // every frame set by a cue, in order, for the output
	docTime int      // the year the document speaks from: its date, else its period's start
	docYear int
	period  record.Period
	isPlan  bool
}

// buildFrames reads the frames of the body view.
func (x *extractor) buildFrames(title string) *frames {
	v := loadVocab()
	f := &frames{docYear: x.docYear, period: x.period, isPlan: x.isPlan}
	f.docTime = x.docYear
	if f.docTime == 0 && x.isPlan {
		f.docTime = x.period.Start
	}
	f.root = x.rootFrame(title)

	// Heading frames nest: a section without a cue of its own inherits.
	hs := x.secs.hs
	ends := x.sectionEnds()
	f.byHead = make([]*frame, len(hs))
	var stack []int
	for i, h := range hs {
		for len(stack) > 0 && hs[stack[len(stack)-1]].level >= h.level {
			stack = stack[:len(stack)-1]
		}
		var parent *frame
		if len(stack) > 0 {
			parent = f.byHead[stack[len(stack)-1]]
		}
		text := x.text(h.start, h.end)
		if fr, ok := f.cueFrame(v, text, false, parent); ok {
			fr.start, fr.end, fr.heading = h.start, ends[i], true
			fr.cue = strings.TrimSpace(x.quote(h.start, h.end))
			f.byHead[i] = &fr
			f.listed = append(f.listed, fr)
		} else {
			f.byHead[i] = parent
		}
		stack = append(stack, i)
	}

	// Paragraph openings.
	for _, ls := range x.doc.Body.LineStarts() {
		p := ls
		for p < len(x.runes) && strings.ContainsRune(" \t\u3000\u00a0", x.runes[p]) {
			p++
		}
		if i := x.secs.at(p); i >= 0 && hs[i].start == p {
			continue // a heading line: its cue frames the section already
		}
		end := p
		for end < len(x.runes) && x.runes[end] != '\n' {
			end++
		}
		head := x.text(p, min(end, p+16))
		var parent *frame
		if i := x.secs.at(p); i >= 0 {
			parent = f.byHead[i]
		}
		if fr, ok := f.cueFrame(v, head, true, parent); ok {
			fr.start, fr.end = p, end
			f.para = append(f.para, fr)
			f.listed = append(f.listed, fr)
		}
	}
	return f
}

// rootFrame is the document's own frame: a plan's period, or the year in
// the title of a document about one year (包头市2022年…考评办法, 2026年…
// 政府工作报告).
func (x *extractor) rootFrame(title string) frame {
	if x.isPlan {
		return frame{mode: modeGoals, year: x.period.End, end: len(x.runes), doc: true}
	}
	if x.period.End > 0 {
		return frame{}
	}
	t := strings.TrimRight(title, ")）】]》 ")
	if i := strings.LastIndexAny(t, "(（"); i > 0 && strings.HasSuffix(strings.TrimSpace(title), ")") {
		t = strings.TrimSpace(t[:i])
	}
	if suffixIn(t, loadVocab().yearlyDocKind) == "" {
		return frame{}
	}
	if y := firstYear(title); y > 0 {
		return frame{mode: modePlan, year: y, end: len(x.runes), cue: title, doc: true}
	}
	return frame{}
}

// cueFrame reads a heading's text (or a paragraph's first runes, when
// opening) for a frame cue and works out its year.
func (f *frames) cueFrame(v *vocab, text string, opening bool, parent *frame) (frame, bool) {
	var cue *frameCue
	if opening {
		text = strings.TrimLeft(text, "“\"●■◆-—")
		first, _ := utf8.DecodeRuneInString(text)
		for _, i := range v.openingCues[first] {
			if c := &v.frameCues[i]; strings.HasPrefix(text, c.word) {
				cue = c
				break
			}
		}
		if cue == nil {
			return f.periodOpening(v, text)
		}
	} else {
		for i := range v.frameCues {
			if c := &v.frameCues[i]; c.where != "clause" && strings.Contains(text, c.word) {
				cue = c
				break
			}
		}
		if cue == nil {
			return frame{}, false
		}
	}
	fr := frame{mode: cue.mode, cue: cue.word}
	switch {
	case !opening && firstYear(text) > 0:
		fr.year = firstYear(text)
	case !opening && periodIn(v, text) != "":
		fr.year = v.periods[periodIn(v, text)][1]
	case cue.year == "-" && parent != nil && parent.year > 0:
		fr.year = parent.year
	default:
		rule := cue.year
		if rule == "-" {
			rule = map[string]string{modeReview: "past", modePlan: "now", modeGoals: "period"}[cue.mode]
		}
		fr.year = f.relativeYear(v, rule)
	}
	return fr, true
}

// periodOpening reads a paragraph that opens with a five-year plan's name
// and a word of time (“十二五”期间，… “十三五”时期，…): a review when the
// period ended before the document's time, else its goals.
func (f *frames) periodOpening(v *vocab, text string) (frame, bool) {
	name := prefixIn(text, v.periodNames)
	if name == "" {
		return frame{}, false
	}
	rest := strings.TrimLeft(text[len(name):], "”\"")
	if prefixIn(rest, periodWords) == "" {
		return frame{}, false
	}
	p := v.periods[name]
	fr := frame{mode: modeGoals, year: p[1], cue: name}
	if f.docTime > 0 && p[1] < f.docTime {
		fr.mode = modeReview
	}
	return fr, true
}

// relativeYear turns a cue's year rule into a year of the document's time.
func (f *frames) relativeYear(v *vocab, rule string) int {
	switch rule {
	case "past":
		if f.isPlan && f.period.Start > 0 {
			return f.period.Start - 1
		}
		if f.docYear > 0 {
			return f.docYear - 1
		}
	case "now":
		if f.isPlan {
			return f.period.End
		}
		return f.docYear
	case "next":
		if f.docYear > 0 {
			return f.docYear + 1
		}
	case "period":
		if f.isPlan {
			return f.period.End
		}
		// 今后五年 in a report delivered in a plan's first year is that
		// plan (2026 → 2030); in another year, the five years from it.
		for _, p := range v.periods {
			if f.docYear == p[0] {
				return p[1]
			}
		}
		if f.docYear > 0 {
			return f.docYear + 4
		}
	}
	return 0
}

// clauseCue reads the words of a figure's own clause before it for a
// relative year (去年, 明年) that is not the base of a comparison (比去年).
func (f *frames) clauseCue(v *vocab, before string) (frame, bool) {
	for i := range v.frameCues {
		c := &v.frameCues[i]
		if c.where != "clause" {
			continue
		}
		k := strings.LastIndex(before, c.word)
		if k < 0 {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(before[:k]); strings.ContainsRune("比较与同", r) {
			continue
		}
		if y := f.relativeYear(v, c.year); y > 0 {
			return frame{mode: c.mode, year: y, cue: c.word}, true
		}
	}
	return frame{}, false
}

// at returns the innermost frame holding pos (the zero frame when none).
func (f *frames) at(x *extractor, pos int) frame {
	if i := sort.Search(len(f.para), func(i int) bool { return f.para[i].start > pos }) - 1; i >= 0 && pos < f.para[i].end {
		return f.para[i]
	}
	if i := x.secs.at(pos); i >= 0 && f.byHead[i] != nil {
		return *f.byHead[i]
	}
	return f.root
}

// sectionEnds gives where each heading's section ends: at the next heading
// of its level or above, else at the end of the text. One pass with a
// stack, so a document of many headings costs their number, not its square.
func (x *extractor) sectionEnds() []int {
	hs := x.secs.hs
	ends := make([]int, len(hs))
	var open []int
	for i, h := range hs {
		for len(open) > 0 && hs[open[len(open)-1]].level >= h.level {
			ends[open[len(open)-1]] = h.start
			open = open[:len(open)-1]
		}
		open = append(open, i)
	}
	for _, i := range open {
		ends[i] = len(x.runes)
	}
	return ends
}

// firstYear returns the first four-digit year written with 年 in s
// (2025年工作回顾 → 2025), or 0.
func firstYear(s string) int {
	for i := 0; i+4 < len(s); i++ {
		if !isASCIIDigit(s[i]) || (i > 0 && isASCIIDigit(s[i-1])) {
			continue
		}
		j := i
		for j < len(s) && isASCIIDigit(s[j]) {
			j++
		}
		if j-i == 4 && strings.HasPrefix(s[j:], "年") {
			y, _ := strconv.Atoi(s[i:j])
			if y >= 1949 && y <= 2200 {
				return y
			}
		}
		i = j
	}
	return 0
}

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// periodIn returns the first five-year plan named in s, or "".
func periodIn(v *vocab, s string) string {
	best, at := "", len(s)
	for _, name := range v.periodNames {
		if i := strings.Index(s, name); i >= 0 && i < at {
			best, at = name, i
		}
	}
	return best
}

// records lists the frames for the output, with their provenance.
func (f *frames) records(x *extractor) []record.Frame {
	out := []record.Frame{}
	sort.SliceStable(f.listed, func(i, j int) bool { return f.listed[i].start < f.listed[j].start })
	for _, fr := range f.listed {
		if fr.year == 0 && fr.mode == "" {
			continue
		}
		scope := "paragraph"
		if fr.heading {
			scope = "section"
		}
		r := record.Frame{Mode: fr.mode, Scope: scope, Cue: fr.cue, Section: x.secs.path(fr.start), Source: x.source(fr.start, max(fr.start+1, min(fr.end, fr.start+utf8.RuneCountInString(fr.cue))))}
		if fr.year > 0 {
			y := fr.year
			r.Year = &y
		}
		out = append(out, r)
	}
	return out
}
