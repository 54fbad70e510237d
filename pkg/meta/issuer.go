package meta

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// ledeMin is the length in runes from which a line is a paragraph, not a
// heading or a label: a news report's lede is its first such line.
const ledeMin = 30

// beforeVerb splits a lede at sentence punctuation: the body that issued
// a document is the last clause before the verb (日前,为促进…发展,省卫健委出台《…》).
var clauseBreak = regexp.MustCompile(`[,。;:!?()“”《》\s\p{Zs}]`)

// ledeIssuers finds the bodies a news report names as issuing the
// document it reports: 省卫健委出台《…》, 省政府办公厅印发《…》. Only the first
// paragraph after the title is read, since later ones cite other documents;
// a verb followed by 的 (省政府办公厅印发的…) cites too, and is passed over.
func ledeIssuers(ls []line, titleLine int, v *vocab) []string {
	for _, l := range ls {
		if l.index <= titleLine || runeCountUpTo(l.text, ledeMin) < ledeMin {
			continue
		}
		for _, verb := range v.verbs {
			for off := 0; ; {
				i := strings.Index(l.text[off:], verb)
				if i < 0 {
					break
				}
				i += off
				off = i + len(verb)
				rest := strings.TrimPrefix(l.text[off:], "了")
				if !strings.HasPrefix(rest, "《") {
					continue
				}
				clause := lastClause(l.text[:i])
				if b := v.bodies(v.trimIssuer(clause)); b != nil {
					return b
				}
			}
		}
		return nil
	}
	return nil
}

// lastClause returns text after its last clause break. clauseBreak matches
// one rune, so its last match is the last rune it matches: found by
// reading back from the end, which costs the clause's length and not the
// line's (finding every match before each verb made a long lede's line
// quadratic: 8 MB in one line took 14 s).
func lastClause(text string) string {
	i := strings.LastIndexFunc(text, func(r rune) bool {
		var buf [utf8.UTFMax]byte
		return clauseBreak.Match(buf[:utf8.EncodeRune(buf[:], r)])
	})
	if i < 0 {
		return text
	}
	_, size := utf8.DecodeRuneInString(text[i:])
	return text[i+size:]
}

// leadingYear matches a year opening a report's title: 2026年四川省人民政府工作报告.
var leadingYear = mustCompile(`^(?:19|20)\d{2}\s*年(?:度)?`)

// reportIssuer reads who delivers a report: the body its title names
// before 工作报告 (2026年四川省人民政府工作报告 → 四川省人民政府), else the body
// a byline in the head names before an office (四川省人民政府省长 施小琳).
func reportIssuer(ls []line, t title, v *vocab) []string {
	isReport := false
	for _, k := range v.reportKinds {
		if rest, ok := strings.CutSuffix(t.text, k); ok {
			isReport = true
			rest = strings.TrimSpace(leadingYear.ReplaceAllString(rest, ""))
			if v.isBody(rest) {
				return []string{rest}
			}
		}
	}
	if !isReport {
		return nil
	}
	for _, l := range ls[:min(len(ls), titleLines)] {
		for _, o := range v.offices {
			i := strings.Index(l.text, o)
			if i <= 0 {
				continue
			}
			body := strings.TrimSpace(l.text[:i])
			if v.isBody(body) {
				return []string{body}
			}
			// 浙江省省长 刘捷: the province's (city's…) people's government
			if r, _ := utf8.DecodeLastRuneInString(body); utf8.RuneCountInString(body) >= 2 && strings.ContainsRune(v.governmentLevels, r) {
				return []string{body + v.government}
			}
		}
	}
	return nil
}
