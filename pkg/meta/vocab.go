package meta

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cnplan/cnplan/dict"
	"github.com/cnplan/cnplan/pkg/bodies"
)

// vocab holds the cue words of dict/meta_*.txt, compiled once.
type vocab struct {
	verbs          []string // meta_issue_verbs
	kinds          []string // meta_notice_kinds
	issuerSuffixes []string // meta_issuer_suffixes, longest first
	issuerTrim     []string // meta_issuer_trim, longest first
	titleSkip      []string // meta_title_skip
	titleTrim      []string // meta_title_trim
	originalTitle  []string // meta_original_title
	signatureAfter []string // meta_signature_after
	fiveYear       []fiveYear
	labels         []dateLabel
	labelRank      map[string]int // label → rank, the last record's
	labelsBefore   []string       // the labels labelBefore matches
	labelsAfter    []string       // the labels labelAfter matches
	noticeEnds     []string       // 的 and a notice kind: how a notice's title line ends

	wrapper          *regexp.Regexp // 关于印发《X》的通知
	wrapperBare      *regexp.Regexp // 关于印发X的通知
	wrapperInner     *regexp.Regexp // …关于印发〈X〉的通知, inside a forwarded notice's title
	notice           *regexp.Regexp // …关于…的通知
	labelBefore      *regexp.Regexp // 发布日期:DATE
	labelAfter       *regexp.Regexp // DATE TIME 来源
	delivered        *regexp.Regexp // ——DATE在…会议上
	reportKinds      []string       // 工作报告
	offices          []string       // 省长
	titleEnds        []string       // 规划, 方案: a title line that ends so is whole
	government       string         // 人民政府: the body a governor's place names
	governmentLevels string         // 省市县…: the ends of places that have one
}

type fiveYear struct {
	name       string
	start, end int
}

type dateLabel struct {
	label string
	rank  int
	after bool
}

var compiled = dict.NewCompiled(loadVocab)

func vocabulary() *vocab { return compiled.Get() }

func alternation(ws []string) string {
	q := make([]string, len(ws))
	for i, w := range dict.LongestFirst(append([]string(nil), ws...)) {
		q[i] = regexp.QuoteMeta(w)
	}
	return "(?:" + strings.Join(q, "|") + ")"
}

func loadVocab() *vocab {
	v := &vocab{
		verbs:          dict.Words("meta_issue_verbs"),
		kinds:          dict.Words("meta_notice_kinds"),
		issuerSuffixes: dict.LongestFirst(dict.Words("meta_issuer_suffixes")),
		issuerTrim:     dict.LongestFirst(dict.Words("meta_issuer_trim")),
		titleSkip:      dict.Words("meta_title_skip"),
		titleTrim:      dict.LongestFirst(dict.Words("meta_title_trim")),
		originalTitle:  dict.LongestFirst(dict.Words("meta_original_title")),
		signatureAfter: dict.Words("meta_signature_after"),
		labelRank:      map[string]int{},
	}
	for _, r := range dict.Records("five_year_plans") {
		if len(r) < 3 {
			continue
		}
		s, err1 := strconv.Atoi(r[1])
		e, err2 := strconv.Atoi(r[2])
		if err1 == nil && err2 == nil {
			v.fiveYear = append(v.fiveYear, fiveYear{r[0], s, e})
		}
	}
	var delivered []string
	for _, r := range dict.Records("meta_report") {
		if len(r) < 2 {
			continue
		}
		switch r[0] {
		case "kind":
			v.reportKinds = append(v.reportKinds, r[1])
		case "office":
			v.offices = append(v.offices, r[1])
		case "delivered":
			delivered = append(delivered, r[1])
		case "wrap":
			v.titleEnds = append(v.titleEnds, r[1])
		case "government":
			v.government = r[1]
			if len(r) > 2 {
				v.governmentLevels = r[2]
			}
		}
	}
	dict.LongestFirst(v.offices)
	if len(delivered) > 0 {
		v.delivered = mustCompile(`^[—\-(]*\s*` + datePattern + `\s*在[^。]{0,60}?(?:` + alternation(delivered) + `)`)
	}
	var before, after []string
	for _, r := range dict.Records("meta_date_labels") {
		if len(r) < 2 {
			continue
		}
		rank, err := strconv.Atoi(r[1])
		if err != nil {
			continue
		}
		l := dateLabel{label: r[0], rank: rank, after: len(r) > 2 && r[2] == "after"}
		v.labels = append(v.labels, l)
		v.labelRank[l.label] = l.rank
		if l.after {
			after = append(after, l.label)
		} else {
			before = append(before, l.label)
		}
	}
	v.labelsBefore, v.labelsAfter = before, after
	for _, k := range v.kinds {
		v.noticeEnds = append(v.noticeEnds, "的"+k)
	}
	verbs, kinds := alternation(v.verbs), alternation(v.kinds)
	// The quoted title may be followed by a few words before 的通知
	// (关于印发《…》等文件的通知), not by another sentence. Group 1 is what
	// stands before: the issuing bodies, if any.
	v.wrapper = mustCompile(`^(.*?)(?:关于)?` + verbs + `《([^《》]+)》[^《》。]{0,12}的` + kinds + `\s*$`)
	v.wrapperBare = mustCompile(`^(.*?)关于` + verbs + `([^《》。]+)的` + kinds + `\s*$`)
	// A forwarded notice quotes the notice it forwards, whose own quoted
	// title is in 〈〉: 关于转发《省卫健委关于印发〈…规划〉的通知》的通知.
	v.wrapperInner = mustCompile(`(?:关于)?` + verbs + `〈([^〈〉]+)〉[^〈〉。]{0,12}的` + kinds + `\s*$`)
	v.notice = mustCompile(`^(.*?)关于[^。]+的` + kinds + `\s*$`)
	if len(before) > 0 {
		v.labelBefore = mustCompile(`(` + alternation(before) + `)\s*为?\s*[::]?\s*` + datePattern)
	}
	if len(after) > 0 {
		v.labelAfter = mustCompile(datePattern + `(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*(` + alternation(after) + `)`)
	}
	return v
}

// endsAsNotice reports whether a line ends as wrapper, wrapperBare and
// notice require (的通知\s*$), so that they are not run over a page-long
// line that cannot match. Lines are trimmed of spaces (every rune \s
// matches is one), and dictionary words are too.
func (v *vocab) endsAsNotice(line string) bool {
	for _, end := range v.noticeEnds {
		if strings.HasSuffix(line, end) {
			return true
		}
	}
	return false
}

// containsAny reports whether s contains one of words.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// trimIssuer cuts the words of meta_issuer_trim from both ends of s.
func (v *vocab) trimIssuer(s string) string {
	for changed := true; changed; {
		changed = false
		for _, w := range v.issuerTrim {
			if t := strings.TrimPrefix(s, w); t != s && t != "" {
				s, changed = t, true
			}
			if t := strings.TrimSuffix(s, w); t != s && t != "" {
				s, changed = t, true
			}
		}
	}
	return s
}

// isBody reports whether s reads as the name of an issuing body: a few
// characters ending in one of meta_issuer_suffixes.
func (v *vocab) isBody(s string) bool {
	if _, known := bodies.Canonical(s); known && s != "" {
		return true // 国务院, 中共中央: names the body dictionary knows whole
	}
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 30 || hanCount(s) < n-4 {
		return false
	}
	for _, suf := range v.issuerSuffixes {
		if strings.HasSuffix(s, suf) && n > utf8.RuneCountInString(suf) {
			return true
		}
	}
	return false
}

// bodies splits s into body names at 、 and spaces; nil unless every
// part is a body.
func (v *vocab) bodies(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '、' || unicode.IsSpace(r) })
	if len(parts) == 0 {
		return nil
	}
	for i, p := range parts {
		p = v.trimIssuer(p)
		if !v.isBody(p) {
			return nil
		}
		parts[i] = p
	}
	return parts
}
