package meta

import (
	"strings"
	"unicode/utf8"
)

// title is a found title, its span, the line it came from (-1: none) and
// the bodies written before it on that line (安康市卫生健康委员会关于…的通知).
type title struct {
	text      string
	at, endAt int // byte span in the text
	line      int
	issuers   []string
}

// How far from the top a title is looked for, in non-empty lines, and how
// far above a date line its headline may stand (a subtitle or an author's
// name may come between).
const (
	titleLines    = 20
	headlineReach = 4
)

// Title lengths in runes: shorter is a name or a label (刘晓芳, 分享),
// longer a sentence.
const (
	minTitle = 6
	maxTitle = 80
)

// findTitle applies, in order:
//  1. a 印发 notice: the quoted title (关于印发《安康市“十四五”卫生健康事业发展规划》的通知);
//  2. a notice's own title line (关于做好…工作的通知);
//  3. a news page: the headline nearest above its date line;
//  4. a reposted article's 原标题;
//  5. the first line that reads as a title (a downloaded file's name).
func findTitle(ls []line, v *vocab) title {
	head := ls[:min(len(ls), titleLines)]
	for _, l := range head {
		if t, ok := wrapperTitle(l, v); ok {
			return t
		}
	}
	for _, l := range head {
		if !v.endsAsNotice(l.text) || !strings.Contains(l.text, "关于") {
			continue // the pattern's words
		}
		if m := v.notice.FindStringSubmatchIndex(l.text); m != nil && isTitleLine(l.text, v) {
			t := wholeLine(l, v)
			t.issuers = v.bodies(l.text[m[2]:m[3]])
			return t
		}
	}
	for i, l := range head {
		if !isDateLine(l.text, v) || matchDateAlone(l.text) {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-headlineReach; j-- {
			if isTitleLine(ls[j].text, v) {
				return wholeLine(ls[j], v)
			}
		}
		break
	}
	for _, l := range head {
		for _, label := range v.originalTitle {
			rest, ok := strings.CutPrefix(l.text, label)
			if !ok {
				continue
			}
			val := strings.TrimLeft(rest, " ::")
			if val == "" {
				continue
			}
			at := l.at + len(l.text) - len(val)
			return title{text: val, at: at, endAt: at + len(val), line: l.index}
		}
	}
	for _, l := range head {
		if isTitleLine(l.text, v) {
			return wholeLine(l, v)
		}
	}
	return title{line: -1}
}

// wrapperTitle reads the plan's title from a notice that issues it, and
// the bodies named before 关于.
func wrapperTitle(l line, v *vocab) (title, bool) {
	// A notice's title line is short; testing page-long lines of converted
	// documents against these patterns was most of metadata's time.
	if len(l.text) > maxWrapperBytes || !v.endsAsNotice(l.text) {
		return title{}, false
	}
	var m []int
	if strings.Contains(l.text, "《") {
		m = v.wrapper.FindStringSubmatchIndex(l.text)
	}
	if m == nil && strings.Contains(l.text, "关于") {
		m = v.wrapperBare.FindStringSubmatchIndex(l.text)
	}
	if m == nil {
		return title{}, false
	}
	text, at := l.text[m[4]:m[5]], m[4]
	if in := v.wrapperInner.FindStringSubmatchIndex(text); in != nil {
		text, at = text[in[2]:in[3]], at+in[2]
	}
	t := title{text: text, at: l.at + at, endAt: l.at + at + len(text), line: l.index}
	if m[3] > m[2] {
		t.issuers = v.bodies(strings.TrimSuffix(l.text[m[2]:m[3]], "关于"))
	}
	return t, true
}

// maxWrapperBytes bounds a line that can be a 关于印发《…》的通知 title
// (about 130 Chinese characters).
const maxWrapperBytes = 400

// wholeLine makes a title of a line, less a file name's extension.
func wholeLine(l line, v *vocab) title {
	text := trimTitle(l.text, v)
	return title{text: text, at: l.at, endAt: l.at + len(text), line: l.index}
}

func trimTitle(s string, v *vocab) string {
	for _, ext := range v.titleTrim {
		if t, ok := strings.CutSuffix(s, ext); ok {
			return strings.TrimSpace(t)
		}
	}
	return s
}

// isTitleLine reports whether a line near the top reads as a title: not
// page furniture, not a date, not a sentence, of a title's length.
func isTitleLine(s string, v *vocab) bool {
	s = trimTitle(s, v)
	n := runeCountUpTo(s, maxTitle)
	if n < minTitle || n > maxTitle || hanCount(s) < 4 {
		return false
	}
	if isDateLine(s, v) || strings.ContainsAny(s, "。;") {
		return false
	}
	if last, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune(",:、,", last) {
		return false
	}
	for _, w := range v.titleSkip {
		if strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// wrapTitle joins a title that wraps onto the next line: a bracketed
// period or note alone on it ("民用爆炸物品行业发展规划" + "(2016-2020年)"), or
// the rest of the name when the title line does not end as a title does
// and the next line does ("安康市“十四五”卫生健康事业" + "发展规划"). The span
// then covers both lines; the text joins them without the break.
func wrapTitle(ls []line, t title, v *vocab) title {
	if t.line < 0 || t.line+1 >= len(ls) || ls[t.line].at+len(ls[t.line].text) != t.endAt {
		return t // a quoted or labelled title is whole
	}
	next := ls[t.line+1]
	n := runeCountUpTo(next.text, maxWrapNote)
	joins := false
	switch {
	case strings.HasPrefix(next.text, "(") && strings.HasSuffix(next.text, ")") && n <= maxWrapNote:
		joins = yearRange.MatchString(next.text) || hanCount(next.text) > 0 && !strings.ContainsAny(next.text, "。;,")
	case !endsTitle(t.text, v) && endsTitle(next.text, v) && isTitleLine(t.text+next.text, v) && !isDateLine(next.text, v):
		joins = n <= maxWrapNote
	}
	if !joins {
		return t
	}
	t.text += next.text
	t.endAt = next.at + len(next.text)
	return t
}

// maxWrapNote bounds the part of a title on its second line.
const maxWrapNote = 24

func endsTitle(s string, v *vocab) bool {
	for _, w := range v.titleEnds {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}
