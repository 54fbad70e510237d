package decode

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// textRun is a stretch of text PDFium found on one line in one font, with
// its box in points (y grows upwards).
type textRun struct {
	text                     string
	left, right, top, bottom float64
}

// layoutLines turns a page's text runs into lines, top to bottom: runs
// whose vertical middles fall in one band make one line, read left to
// right. A gap wider than a quarter of the line's height (half, where
// Chinese meets Latin text) separates two cells of a table row and is
// written as a tab; smaller gaps (a change of font inside a sentence) join
// the runs. A cell centred over two rows of
// its neighbours (a merged 领域 cell) lands on the line it is level with.
func layoutLines(runs []textRun) []string {
	kept := runs[:0:0]
	for _, r := range runs {
		if strings.TrimSpace(r.text) != "" && r.top > r.bottom {
			kept = append(kept, r)
		}
	}
	mid := func(r textRun) float64 { return (r.top + r.bottom) / 2 }
	sort.SliceStable(kept, func(i, j int) bool { return mid(kept[i]) > mid(kept[j]) })

	var lines [][]textRun
	var top, bottom float64
	for _, r := range kept {
		m := mid(r)
		if len(lines) > 0 && m >= bottom && m <= top {
			lines[len(lines)-1] = append(lines[len(lines)-1], r)
			continue
		}
		lines = append(lines, []textRun{r})
		top, bottom = r.top, r.bottom
	}

	out := make([]string, 0, len(lines))
	for _, line := range lines {
		sort.SliceStable(line, func(i, j int) bool { return line[i].left < line[j].left })
		height := 0.0
		for _, r := range line {
			height = max(height, r.top-r.bottom)
		}
		var b strings.Builder
		for i, r := range line {
			text := strings.TrimRight(r.text, " \u00a0\u3000")
			if i > 0 {
				prev := line[i-1]
				gap := r.left - prev.right
				// LibreOffice spaces Chinese from Latin text by about a
				// quarter of the height (2025 年, 85 以上): only a wider gap
				// parts cells there. Between two Chinese or two Latin runs a
				// quarter is a gap between cells.
				last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(prev.text, " "))
				first, _ := utf8.DecodeRuneInString(text)
				limit := height / 4
				if (last < utf8.RuneSelf) != (first < utf8.RuneSelf) {
					limit = height / 2
				}
				switch {
				case gap > limit:
					b.WriteByte('\t')
				case strings.HasSuffix(prev.text, " ") && endsASCIIWord(b.String()) && startsASCIIWord(text):
					b.WriteByte(' ')
				}
			}
			b.WriteString(text)
		}
		text := strings.TrimLeft(b.String(), " ")
		// A heading spread over the width (分散对齐: 规 划 目 标) is one
		// word, not a row of one-character cells.
		if len(line) > 1 && allSingleRunes(text) {
			text = strings.ReplaceAll(text, "\t", "")
		}
		out = append(out, text)
	}
	return out
}

func endsASCIIWord(s string) bool {
	return s != "" && isASCIIAlnum(s[len(s)-1])
}

func startsASCIIWord(s string) bool {
	return s != "" && isASCIIAlnum(s[0])
}

func isASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func allSingleRunes(line string) bool {
	for _, cell := range strings.Split(line, "\t") {
		if utf8.RuneCountInString(cell) != 1 {
			return false
		}
	}
	return true
}
