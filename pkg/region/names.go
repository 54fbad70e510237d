package region

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cnplan/cnplan/dict"
)

// shortener makes the short names of a division from its full name, with
// the endings of dict/meta_region_suffixes.txt and the ethnic names of
// dict/meta_region_ethnic.txt.
type shortener struct {
	suffixes []suffix // longest first
	ethnic   []string // longest first
}

type suffix struct {
	ending string
	alias  string // kept after the short name as another alias (恩施 + 州)
}

func loadShortener() shortener {
	var sh shortener
	for _, r := range dict.Records("meta_region_suffixes") {
		s := suffix{ending: r[0]}
		if len(r) > 1 {
			s.alias = r[1]
		}
		sh.suffixes = append(sh.suffixes, s)
	}
	sort.SliceStable(sh.suffixes, func(i, j int) bool {
		return utf8.RuneCountInString(sh.suffixes[i].ending) > utf8.RuneCountInString(sh.suffixes[j].ending)
	})
	sh.ethnic = dict.LongestFirst(dict.Words("meta_region_ethnic"))
	return sh
}

// shortNames gives the names other than the full one that documents use
// for a division: 陕西省 → 陕西; 恩施土家族苗族自治州 → 恩施, 恩施州;
// 内蒙古自治区 → 内蒙古. A stem of one character is no name (城区, 沙县).
func (sh shortener) shortNames(full string) []string {
	for _, s := range sh.suffixes {
		if !strings.HasSuffix(full, s.ending) {
			continue
		}
		stem := strings.TrimSuffix(full, s.ending)
		stem = sh.stripEthnic(stem)
		if utf8.RuneCountInString(stem) < 2 {
			return nil
		}
		names := []string{stem}
		if s.alias != "" {
			names = append(names, stem+s.alias)
		}
		return names
	}
	return nil
}

// stripEthnic removes the ethnic names ending stem (恩施土家族苗族 → 恩施).
func (sh shortener) stripEthnic(stem string) string {
	for {
		cut := false
		for _, e := range sh.ethnic {
			// 内蒙古自治区 keeps 内蒙古: a stem shorter than two is no name.
			if strings.HasSuffix(stem, e) && utf8.RuneCountInString(stem) >= utf8.RuneCountInString(e)+2 {
				stem = strings.TrimSuffix(stem, e)
				cut = true
				break
			}
		}
		if !cut {
			return stem
		}
	}
}
