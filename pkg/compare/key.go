package compare

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"github.com/cnplan/cnplan/pkg/record"
)

// Key is the row an indicator key falls on. The extractor already folds
// synonyms, scope words (全市, 我省) and traditional characters into
// record.Target.IndicatorKey; Key only evens out what can differ between
// two extract runs or hand-edited JSON without changing what is measured:
//
//   - width and spaces: "每千人口执业（助理）医师" = "每千人口执业(助理)医师",
//     "县域内 就诊率" = "县域内就诊率";
//   - a trailing 数: "每千人口注册护士数" = "每千人口注册护士" (the same
//     count, written with and without 数 in the corpus's indicator tables).
//
// Nothing else is dropped: 率, 比例 and 占比 name different figures, and
// folding them would put a rate and a count on one row.
func Key(s string) string {
	s = squeeze(s)
	if k := strings.TrimSuffix(s, "数"); k != "" {
		s = k
	}
	return s
}

// TargetKey is the row a target goes to: Key of its indicator_key, or of
// its indicator as written when it has none ("" when neither says
// anything).
func TargetKey(t record.Target) string {
	key := t.IndicatorKey
	if key == "" {
		key = t.Indicator
	}
	return Key(key)
}

// squeeze folds width and drops spaces.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, width.Fold.String(s))
}

// fold prepares text for the --indicator filter: width folded, spaces
// dropped, Latin letters lower-cased.
func fold(s string) string { return strings.ToLower(squeeze(s)) }
