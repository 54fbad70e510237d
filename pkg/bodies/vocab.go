package bodies

import (
	"cmp"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cnplan/cnplan/dict"
)

// vocab is everything the recognisers know, compiled once from dict/bodies.txt
// and dict/body_*.txt (built-in plus --dict extensions).
type vocab struct {
	canon    map[string]string // name or alias → canonical
	nameLens []int             // rune lengths of names, longest first

	// repair: a name with one rune blanked, as blankHash gives it → the
	// known spellings that give that key, each as its canonical, its runes
	// and which was blanked. A hash of runes, checked against the runes,
	// where a string key had to be encoded per rune blanked.
	repair map[uint64][]repairCand

	places         []string        // localities, longest first
	levels         map[rune]bool   // single-rune localities: 市 县 省 区 …
	suffixes       [][]rune        // name endings, longest first
	kindRunes      map[rune]bool   // last runes of endings: 委 局 厅 …
	labels         []label         // 责任单位 → responsible …
	roles          []phrase        // bracket-closing phrases, longest first
	verbs          []phrase        // task verbs, longest first
	before         [][]rune        // words that may open a clause before its body
	between        [][]rune        // words between a body and its verb, longest first
	modals         [][]rune        // between words that make a task by themselves
	notModals      [][]rune        // words that start like a modal: 要求, 应急
	frames         [][2][]rune     // adverbial opener, closer
	partners       [][]rune        // prepositions whose object is a partner
	joints         [][]rune        // words joining two subjects
	generic        map[string]bool // items that name no body
	genPrefix      []string        // prefixes of items that name no body
	genPrefixRunes [][]rune        // genPrefix as runes
	tails          []tail          // list tails, longest first
	stop           map[rune]bool   // first runes of the words that follow a body
	// by name length: first runes, second runes, first two runes, so that
	// repair only blanks positions that can still match a name. The rune
	// masks of runeInfo say the same in one probe; these maps answer for
	// names of 63 runes or more, beyond the masks.
	firstBy, secondBy map[int]map[rune]bool
	prefixBy          map[int]map[[2]rune]bool

	// Facts about a rune, found by one array probe: runeIDs maps a rune of
	// the Basic Multilingual Plane to its index in runeInfos, otherIDs the
	// others; index 0 holds nothing. bodyAt asks them at every position,
	// where map probes and strings built per length were half of Find.
	runeIDs   []int32
	otherIDs  map[rune]int32
	runeInfos []runeInfo
	// runeFlags holds the flags of the runes of the Basic Multilingual
	// Plane apart, so that the scans that only test a flag touch 128 KB.
	runeFlags []uint16

	heads       []phrase // open label heads: 牵头 (牵头考核单位:)
	openTails   [][]rune // 单位, 部门: the tails of labels
	listEnds    [][]rune // name endings read only in a closed list, longest first
	subEnds     [][]rune // working units inside a body (专班), longest first
	done        [][]rune // 了 after a verb: a report, not a task
	notDone     [][]rune
	built       [][]rune // 筹建 closing a clause: the bodies are built
	notes       [][]rune // 首位为牵头部门: the first body leads
	notePhrases []phrase
}

// runeInfo is what the vocabulary knows about one rune.
type runeInfo struct {
	flags uint16
	// bit n (63: 63 or more): a name of n runes, long enough to repair,
	// has this rune first, second, last or last but one.
	firstLens, secondLens, lastLens, penultLens uint64
	pairs                                       []namesAfter // names beginning with this rune, by second rune
	single                                      *name        // the name of this rune alone
	places                                      []place      // places beginning with this rune, longest first
}

// Flags of a rune.
const (
	flagFirst     = 1 << iota // first rune of a name or place
	flagSecond                // second rune of a repairable name
	flagStop                  // first rune of a word that follows a body
	flagLevel                 // a single-rune locality: 市 县 省 区 …
	flagKind                  // the last rune of a name ending: 委 局 厅 …
	flagTail                  // the first rune of a label's tail: 单 in 单位
	flagBefore                // the first rune of a word that may open a clause before its body
	flagShortTail             // the first rune of a list tail a short item stands before: 等 in 等部门
	flagSuffix                // the first rune of a name ending
	flagSubEnd                // the first rune of a working unit's ending: 专 in 专班
	flagListEnd               // the last rune of a name ending read in a closed list
	flagModal                 // the first rune of a modal: 要 应
	flagOpens                 // a clause may start after it: 。 , ) 、 … (see isClauseStart)
)

// namesAfter are the names beginning with one rune and then second,
// longest first.
type namesAfter struct {
	second     rune
	names      []*name
	repairLens uint64 // bit n: one of names has n runes, long enough to repair
}

type name struct {
	text  string
	runes []rune
	canon string
}

type place struct {
	text  string
	runes []rune
}

var noInfo runeInfo

// info returns what the vocabulary knows about r.
func (v *vocab) info(r rune) *runeInfo {
	if id := v.idOf(r); id != 0 {
		return &v.runeInfos[id]
	}
	return &noInfo
}

// idOf returns r's index in runeInfos, 0 when it has none: an array for
// the Basic Multilingual Plane, a map beyond.
func (v *vocab) idOf(r rune) int32 {
	if r >= 0 && int(r) < len(v.runeIDs) {
		return v.runeIDs[r]
	}
	return v.otherIDs[r]
}

// flagsOf returns the flags of r.
func (v *vocab) flagsOf(r rune) uint16 {
	if r >= 0 && int(r) < len(v.runeFlags) {
		return v.runeFlags[r]
	}
	return v.info(r).flags
}

// infoFor returns r's runeInfo to fill in, adding it when new.
func (v *vocab) infoFor(r rune) *runeInfo {
	if v.runeIDs == nil {
		v.runeIDs = make([]int32, 0x10000)
		v.otherIDs = map[rune]int32{}
		v.runeInfos = make([]runeInfo, 1)
	}
	id := v.idOf(r)
	if id == 0 {
		v.runeInfos = append(v.runeInfos, runeInfo{})
		id = int32(len(v.runeInfos) - 1)
		if r >= 0 && int(r) < len(v.runeIDs) {
			v.runeIDs[r] = id
		} else {
			v.otherIDs[r] = id
		}
	}
	return &v.runeInfos[id]
}

func lenBit(n int) uint64 { return 1 << min(n, 63) }

// namesOf returns the names that begin with first then second, or nil.
func (v *vocab) namesOf(first, second rune) *namesAfter {
	ps := v.info(first).pairs
	if i, ok := slices.BinarySearchFunc(ps, second, func(p namesAfter, r rune) int { return cmp.Compare(p.second, r) }); ok {
		return &ps[i]
	}
	return nil
}

// nameAt returns the longest name at rs[i] that ends by lim, or nil.
func (v *vocab) nameAt(rs []rune, i, lim int) *name {
	if i+1 < lim {
		if na := v.namesOf(rs[i], rs[i+1]); na != nil {
			for _, nm := range na.names {
				if i+len(nm.runes) <= lim && runesAt(rs, i, nm.runes) {
					return nm
				}
			}
		}
	}
	return v.info(rs[i]).single
}

// repairLensAt returns the lengths (as lenBit gives them) of the
// repairable names that begin with first then second.
func (v *vocab) repairLensAt(first, second rune) uint64 {
	if na := v.namesOf(first, second); na != nil {
		return na.repairLens
	}
	return 0
}

// runesAt reports whether rs[i:] starts with w.
func runesAt(rs []rune, i int, w []rune) bool {
	return len(rs)-i >= len(w) && slices.Equal(rs[i:i+len(w)], w)
}

// indexRunes builds runeInfos from the compiled vocabulary.
func (v *vocab) indexRunes() {
	// Longest first, then in byte order: the index does not depend on
	// map order.
	texts := dict.LongestFirst(slices.Sorted(maps.Keys(v.canon)))
	for _, t := range texts {
		rs := []rune(t)
		if len(rs) == 0 {
			continue
		}
		nm := &name{text: t, runes: rs, canon: v.canon[t]}
		ri := v.infoFor(rs[0])
		ri.flags |= flagFirst
		if len(rs) == 1 {
			ri.single = nm
			continue
		}
		k := 0
		for k < len(ri.pairs) && ri.pairs[k].second != rs[1] {
			k++
		}
		if k == len(ri.pairs) {
			ri.pairs = append(ri.pairs, namesAfter{second: rs[1]})
		}
		ri.pairs[k].names = append(ri.pairs[k].names, nm)
		if len(rs) >= minRepairLen {
			ri.pairs[k].repairLens |= lenBit(len(rs))
			ri.firstLens |= lenBit(len(rs))
			// ri is not used past here: infoFor may move runeInfos.
			si := v.infoFor(rs[1])
			si.flags |= flagSecond
			si.secondLens |= lenBit(len(rs))
			v.infoFor(rs[len(rs)-1]).lastLens |= lenBit(len(rs))
			v.infoFor(rs[len(rs)-2]).penultLens |= lenBit(len(rs))
		}
	}
	for i := range v.runeInfos {
		ps := v.runeInfos[i].pairs
		sort.Slice(ps, func(a, b int) bool { return ps[a].second < ps[b].second })
	}
	for _, p := range v.places {
		rs := []rune(p)
		ri := v.infoFor(rs[0])
		ri.flags |= flagFirst
		ri.places = append(ri.places, place{text: p, runes: rs})
	}
	for r := range v.stop {
		v.infoFor(r).flags |= flagStop
	}
	for r := range v.levels {
		v.infoFor(r).flags |= flagLevel
	}
	for r := range v.kindRunes {
		v.infoFor(r).flags |= flagKind
	}
	for _, lb := range v.labels {
		v.infoFor(lb.tail[0]).flags |= flagTail
	}
	for _, w := range v.before {
		if len(w) > 0 {
			v.infoFor(w[0]).flags |= flagBefore
		}
	}
	for _, t := range v.tails {
		if t.word != "" && len(t.runes) > 0 {
			v.infoFor(t.runes[0]).flags |= flagShortTail
		}
	}
	for _, w := range v.suffixes {
		v.infoFor(w[0]).flags |= flagSuffix
	}
	for _, w := range v.subEnds {
		v.infoFor(w[0]).flags |= flagSubEnd
	}
	for _, w := range v.listEnds {
		v.infoFor(w[len(w)-1]).flags |= flagListEnd
	}
	for _, w := range v.modals {
		v.infoFor(w[0]).flags |= flagModal
	}
	for _, r := range clauseOpeners {
		v.infoFor(r).flags |= flagOpens
	}
	v.runeFlags = make([]uint16, len(v.runeIDs))
	for r, id := range v.runeIDs {
		v.runeFlags[r] = v.runeInfos[id].flags
	}
}

type repairCand struct {
	canon string
	runes []rune
	at    int // the rune blanked
}

// hashMul is the multiplier of the polynomial hash of a name's runes.
const hashMul = 0x100000001B3

// runesHash is the polynomial hash of rs mixed with its length: a blank
// at k is runesHash(rs) - rs[k]*hashMul^(len(rs)-1-k).
func runesHash(rs []rune) uint64 {
	h := uint64(0)
	for _, r := range rs {
		h = h*hashMul + uint64(r)
	}
	return h ^ uint64(len(rs))*0x9E3779B97F4A7C15
}

// blankHash is the hash of rs with rs[k] blanked, given h = runesHash(rs)
// and pow = hashMul^(len(rs)-1-k).
func blankHash(rs []rune, k int, h, pow uint64) uint64 {
	n := uint64(len(rs)) * 0x9E3779B97F4A7C15
	return ((h ^ n) - uint64(rs[k])*pow) ^ n
}

type label struct {
	head []rune // 责任
	tail []rune // 单位
	role string
}

type phrase struct {
	text []rune
	role string
}

type tail struct {
	text  string // 等部门
	runes []rune // text
	word  string // 部门 (what a short item stands for), or ""
}

// runesOf converts words, keeping their order.
func runesOf(ws []string) [][]rune {
	out := make([][]rune, len(ws))
	for i, w := range ws {
		out[i] = []rune(w)
	}
	return out
}

var compiled = dict.NewCompiled(compile)

func load() *vocab { return compiled.Get() }

func compile() *vocab {
	v := &vocab{
		canon:     map[string]string{},
		repair:    map[uint64][]repairCand{},
		levels:    map[rune]bool{},
		kindRunes: map[rune]bool{},
		generic:   map[string]bool{},
	}
	// Later records win: a user's [bodies] line can re-point a built-in alias.
	for _, rec := range dict.Records("bodies") {
		for _, name := range rec {
			v.canon[name] = rec[0]
		}
	}
	lens := map[int]bool{}
	for name := range v.canon {
		lens[utf8.RuneCountInString(name)] = true
	}
	for n := range lens {
		v.nameLens = append(v.nameLens, n)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(v.nameLens)))

	for _, rec := range dict.Records("body_places") {
		p := rec[0]
		v.places = append(v.places, p)
		if utf8.RuneCountInString(p) == 1 {
			r, _ := utf8.DecodeRuneInString(p)
			v.levels[r] = true
		}
	}
	dict.LongestFirst(v.places)

	var suffixes, listEnds, subEnds []string
	for _, rec := range dict.Records("body_suffixes") {
		s := rec[0]
		if len(rec) >= 2 {
			switch rec[1] {
			case "list":
				listEnds = append(listEnds, s)
			case "sub":
				subEnds = append(subEnds, s)
			}
			continue
		}
		suffixes = append(suffixes, s)
		r, _ := utf8.DecodeLastRuneInString(s)
		v.kindRunes[r] = true
	}
	dict.LongestFirst(suffixes)
	v.suffixes = runesOf(suffixes)
	v.listEnds = runesOf(dict.LongestFirst(append(listEnds, suffixes...)))
	v.subEnds = runesOf(dict.LongestFirst(subEnds))

	for _, rec := range dict.Records("body_labels") {
		if len(rec) < 2 {
			continue
		}
		if len(rec) >= 3 && rec[2] == "head" {
			v.heads = append(v.heads, phrase{text: []rune(rec[0]), role: rec[1]})
			continue
		}
		rs := []rune(rec[0])
		if len(rs) < 3 {
			continue
		}
		v.labels = append(v.labels, label{head: rs[:len(rs)-2], tail: rs[len(rs)-2:], role: rec[1]})
	}
	var openTails []string
	tails := map[string]bool{}
	for _, lb := range v.labels {
		if t := string(lb.tail); !tails[t] {
			tails[t] = true
			openTails = append(openTails, t)
		}
	}
	sort.Strings(openTails)
	v.openTails = runesOf(openTails)
	sort.SliceStable(v.heads, func(i, j int) bool { return len(v.heads[i].text) > len(v.heads[j].text) })
	v.notes = runesOf(dict.LongestFirst(dict.Words("body_notes")))
	for _, n := range v.notes {
		v.notePhrases = append(v.notePhrases, phrase{text: n, role: Lead})
	}
	v.roles = phrases("body_roles")
	v.verbs = phrases("body_verbs")

	var before, between, notModals, modals, partners, joints, done, notDone, built []string
	for _, rec := range dict.Records("body_fillers") {
		if len(rec) < 2 {
			continue
		}
		switch rec[0] {
		case "before":
			before = append(before, rec[1])
		case "between":
			between = append(between, rec[1])
		case "notmodal":
			notModals = append(notModals, rec[1])
		case "modal":
			between = append(between, rec[1])
			modals = append(modals, rec[1])
		case "frame":
			if len(rec) >= 3 {
				v.frames = append(v.frames, [2][]rune{[]rune(rec[1]), []rune(rec[2])})
			}
		case "partner":
			partners = append(partners, rec[1])
		case "joint":
			joints = append(joints, rec[1])
		case "done":
			done = append(done, rec[1])
		case "notdone":
			notDone = append(notDone, rec[1])
		case "built":
			built = append(built, rec[1])
		}
	}
	v.before = runesOf(dict.LongestFirst(before))
	v.between = runesOf(dict.LongestFirst(between))
	v.modals = runesOf(dict.LongestFirst(modals))
	v.notModals = runesOf(notModals)
	v.partners = runesOf(dict.LongestFirst(partners))
	v.joints = runesOf(dict.LongestFirst(joints))
	v.done, v.notDone, v.built = runesOf(done), runesOf(notDone), runesOf(built)

	generic := dict.Grouped("body_generic")
	for _, w := range generic["word"] {
		v.generic[w] = true
	}
	v.genPrefix = generic["prefix"]
	v.genPrefixRunes = runesOf(v.genPrefix)
	for _, rec := range dict.Records("body_lists") {
		t := tail{text: rec[0], runes: []rune(rec[0])}
		if len(rec) >= 2 {
			t.word = rec[1]
		}
		v.tails = append(v.tails, t)
	}
	sort.SliceStable(v.tails, func(i, j int) bool { return len(v.tails[i].runes) > len(v.tails[j].runes) })

	v.stop = map[rune]bool{'、': true}
	first := func(w []rune) {
		if len(w) > 0 && w[0] != utf8.RuneError {
			v.stop[w[0]] = true
		}
	}
	for _, ps := range [][]phrase{v.verbs, v.roles} {
		for _, p := range ps {
			first(p.text)
		}
	}
	for _, ws := range [][][]rune{v.between, v.joints, v.partners} {
		for _, w := range ws {
			first(w)
		}
	}
	for _, t := range v.tails {
		first(t.runes)
	}

	// Quick rejection in bodyAt: a body starts with the first rune of a name
	// or place, or (repaired) has a name's second rune after it.
	v.firstBy, v.secondBy = map[int]map[rune]bool{}, map[int]map[rune]bool{}
	v.prefixBy = map[int]map[[2]rune]bool{}
	for name := range v.canon {
		rs := []rune(name)
		if n := len(rs); n >= minRepairLen {
			if v.firstBy[n] == nil {
				v.firstBy[n], v.secondBy[n], v.prefixBy[n] = map[rune]bool{}, map[rune]bool{}, map[[2]rune]bool{}
			}
			v.firstBy[n][rs[0]] = true
			v.secondBy[n][rs[1]] = true
			v.prefixBy[n][[2]rune{rs[0], rs[1]}] = true
		}
	}
	v.indexRunes()

	// Repair index: every name with each rune blanked in turn.
	for name, c := range v.canon {
		rs := []rune(name)
		if len(rs) < minRepairLen {
			continue
		}
		h, pow := runesHash(rs), uint64(1)
		for k := len(rs) - 1; k >= 0; k-- {
			key := blankHash(rs, k, h, pow)
			v.repair[key] = append(v.repair[key], repairCand{canon: c, runes: rs, at: k})
			pow *= hashMul
		}
	}
	return v
}

// minRepairLen: shorter names are too close to each other for a one-rune
// repair to be safe (市审计局 / 市统计局 are both real).
const minRepairLen = 4

// sameBut reports whether a and b, of one length, differ at most at k.
func sameBut(a, b []rune, k int) bool {
	for j := range a {
		if j != k && a[j] != b[j] {
			return false
		}
	}
	return true
}

func phrases(name string) []phrase {
	var ps []phrase
	for _, rec := range dict.Records(name) {
		if len(rec) < 2 {
			continue
		}
		ps = append(ps, phrase{text: []rune(rec[0]), role: rec[1]})
	}
	sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].text) > len(ps[j].text) })
	return ps
}

// Canonical returns the canonical name of a body (after aliases and repair)
// and whether it is known. An unknown name comes back as given, trimmed.
func Canonical(name string) (string, bool) {
	return load().canonical(strings.TrimSpace(name))
}

func (v *vocab) canonical(name string) (string, bool) {
	if c, ok := v.canon[name]; ok {
		return c, true
	}
	// 安康市卫生健康委员会 = 安康 + 市卫生健康委员会: a place, then a known
	// name that starts with a level (市, 县 …), so the level says which body.
	first, _ := utf8.DecodeRuneInString(name)
	for _, p := range v.info(first).places {
		if len(p.runes) < 2 || !strings.HasPrefix(name, p.text) {
			continue
		}
		rest := name[len(p.text):]
		r, _ := utf8.DecodeRuneInString(rest)
		if !v.levels[r] {
			continue
		}
		if c, ok := v.canon[rest]; ok {
			return p.text + c, true
		}
	}
	if c, ok := v.repaired(name); ok {
		return c, true
	}
	return name, false
}

// repaired maps a name one rune substitution away from exactly one known
// body to that body: 市已生健康委 → 市卫生健康委. Two candidates: no repair.
// Swapping one level for another (区/市) or one kind of body for another
// (局/委) is a different body, not noise, so it never counts.
func (v *vocab) repaired(name string) (string, bool) {
	return v.repairedRunes([]rune(name))
}

// repairedRunes is repaired on runes; it builds no string unless it finds
// a repair.
func (v *vocab) repairedRunes(rs []rune) (string, bool) {
	if len(rs) < minRepairLen {
		return "", false
	}
	for _, r := range rs {
		if !isHan(r) {
			return "", false
		}
	}
	n := len(rs)
	if v.firstBy[n] == nil {
		return "", false
	}
	// Which of the first two runes a known name of this length shares.
	var first, second, pre bool
	if bit := lenBit(n); n < 63 {
		first = v.info(rs[0]).firstLens&bit != 0
		second = v.info(rs[1]).secondLens&bit != 0
		pre = v.repairLensAt(rs[0], rs[1])&bit != 0
	} else {
		first, second = v.firstBy[n][rs[0]], v.secondBy[n][rs[1]]
		pre = v.prefixBy[n][[2]rune{rs[0], rs[1]}]
	}
	found := ""
	h := runesHash(rs)
	pows := make([]uint64, 0, 32) // hashMul^(n-1-i), on the stack for a name
	pow := uint64(1)
	for range rs {
		pows = append(pows, pow)
		pow *= hashMul
	}
	for i, a := range rs {
		switch {
		case i == 0 && !second:
			continue
		case i == 1 && !first:
			continue
		case i >= 2 && !pre:
			return found, found != ""
		}
		for _, cand := range v.repair[blankHash(rs, i, h, pows[n-1-i])] {
			if cand.at != i || len(cand.runes) != n || !sameBut(rs, cand.runes, i) {
				continue // another key of the same hash
			}
			b := cand.runes[i]
			if a == b {
				continue // the name itself: not a substitution
			}
			if v.info(a).flags&v.info(b).flags&flagLevel != 0 {
				continue
			}
			if i == len(rs)-1 && v.info(a).flags&v.info(b).flags&flagKind != 0 {
				continue
			}
			if found != "" && found != cand.canon {
				return "", false
			}
			found = cand.canon
		}
	}
	return found, found != ""
}

// isGenericRunes is isGeneric on runes, building no string.
func (v *vocab) isGenericRunes(rs []rune) bool {
	var buf [encodedMax]byte
	b := buf[:0]
	for _, r := range rs {
		b = utf8.AppendRune(b, r)
	}
	if v.generic[string(b)] {
		return true
	}
	if _, ok := v.canon[string(b)]; ok {
		return false
	}
	for _, p := range v.genPrefixRunes {
		if runesAt(rs, 0, p) {
			return true
		}
	}
	return false
}

// isGeneric says whether an item names no particular body.
func (v *vocab) isGeneric(item string) bool {
	if v.generic[item] {
		return true
	}
	if _, ok := v.canon[item]; ok {
		return false
	}
	for _, p := range v.genPrefix {
		if strings.HasPrefix(item, p) {
			return true
		}
	}
	return false
}

func isHan(r rune) bool {
	return r >= 0x3400 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x2FFFF
}
