package bodies

import (
	"strings"
	"unicode/utf8"
)

// item is one body in a list.
type item struct {
	start, end int
	written    string
	canon      string
	short      bool // 规划 in 规划、住建等部门: stands for 规划部门
	lead       bool // 市发展改革委(牵头): marked as the lead inside the list
}

// hasAt reports whether rs[i:] starts with w and w ends by lim.
func hasAt(rs []rune, i, lim int, w []rune) bool {
	if len(w) == 0 {
		return i >= 0
	}
	if i < 0 || i+len(w) > lim || i+len(w) > len(rs) {
		return false
	}
	for k, r := range w {
		if rs[i+k] != r {
			return false
		}
	}
	return true
}

// maxMid bounds the characters between a locality and a name ending.
const maxMid = 10

// bodyAt recognises the body that starts at rs[i], ending by lim: the
// longest dictionary name, a place plus a known levelled name, a one-rune
// repair of a known name, or a locality plus a name ending (信阳职业技术学院).
// Names are compared with the runes in place; a string is built only for
// what is found.
func (v *vocab) bodyAt(rs []rune, i, lim int) (item, bool) {
	if lim > len(rs) {
		lim = len(rs)
	}
	if i >= lim || !isHan(rs[i]) {
		return item{}, false
	}
	if v.flagsOf(rs[i])&flagFirst == 0 && (i+1 >= lim || v.flagsOf(rs[i+1])&flagSecond == 0) {
		return item{}, false
	}
	at := v.info(rs[i])
	next := &noInfo
	if i+1 < lim {
		next = v.info(rs[i+1])
	}
	best := item{}
	ok := false
	if nm := v.nameAt(rs, i, lim); nm != nil {
		best, ok = item{start: i, end: i + len(nm.runes), written: nm.text, canon: nm.canon}, true
	}
	// 安康 + 市卫生健康委员会
	for _, p := range at.places {
		pl := len(p.runes)
		if pl < 2 || !runesAt(rs, i, p.runes) || i+pl >= lim || v.info(rs[i+pl]).flags&flagLevel == 0 {
			continue
		}
		j := i + pl
		if nm := v.nameAt(rs, j, lim); nm != nil && pl+len(nm.runes) > best.end-i {
			end := j + len(nm.runes)
			best, ok = item{start: i, end: end, written: string(rs[i:end]), canon: p.text + nm.canon}, true
		}
		break
	}
	// 市已生健康委 → 市卫生健康委; only longer than any exact match, and not
	// by swallowing the word after it: 财政部等 is not 财政部门, 工业和信息化部负责
	// not 工业和信息化部门 + 责. A repairable name shares its length and its
	// first or second rune with a known one; it shares its first two runes
	// with it, or (one of them repaired) its last two.
	repairLens := at.firstLens | next.secondLens
	pairLens := uint64(0)
	if i+1 < lim {
		pairLens = v.repairLensAt(rs[i], rs[i+1])
	}
	for _, n := range v.nameLens {
		if repairLens == 0 || n < minRepairLen || n <= best.end-i {
			break // nameLens runs longest first: no shorter length fits either
		}
		if i+n > lim || repairLens&lenBit(n) == 0 {
			continue
		}
		if pairLens&lenBit(n) == 0 && v.info(rs[i+n-1]).lastLens&v.info(rs[i+n-2]).penultLens&lenBit(n) == 0 {
			continue
		}
		from := i + n - 1
		if ok {
			from = best.end
		}
		if v.hasStopRune(rs[from : i+n]) {
			continue
		}
		// Generic items are never repaired; asked only of a repair, which is rare.
		if c, found := v.repairedRunes(rs[i : i+n]); found && !v.isGenericRunes(rs[i:i+n]) {
			best, ok = item{start: i, end: i + n, written: string(rs[i : i+n]), canon: c}, true
			break
		}
	}
	if ok {
		return v.withSubUnit(rs, best, lim), true
	}
	return v.patternAt(rs, i, lim)
}

// maxSub bounds the name of a working unit inside a body.
const maxSub = 8

// withSubUnit extends a known body by a working unit set up inside it:
// 市政府办公室 + 数字政府专班 (由市政府办公室数字政府专班予以核实).
func (v *vocab) withSubUnit(rs []rune, it item, lim int) item {
	if len(v.subEnds) == 0 {
		return it
	}
	for j := it.end + 1; j < lim && j <= it.end+maxSub; j++ {
		if !isHan(rs[j-1]) {
			break
		}
		if j >= lim || v.flagsOf(rs[j])&flagSubEnd == 0 {
			continue
		}
		for _, suf := range v.subEnds {
			if hasAt(rs, j, lim, suf) {
				end := j + len(suf)
				rest := string(rs[it.end:end])
				return item{start: it.start, end: end, written: it.written + rest, canon: it.canon + rest}
			}
		}
	}
	return it
}

// maxShape bounds a name read by its shape alone.
const maxShape = 12

// shapeAt reads, inside a list that a label or role closes, a name of any
// shape that ends as bodies do and is followed by the list's next item,
// its role or its end: 应急部 and 民航局 in (应急部、民航局负责), when the
// dictionary knows neither.
func (v *vocab) shapeAt(rs []rune, i, lim int) (item, bool) {
	for j := i + 2; j <= lim && j <= i+maxShape; j++ {
		if !isHan(rs[j-1]) {
			break
		}
		if v.flagsOf(rs[j-1])&flagListEnd == 0 {
			continue
		}
		for _, suf := range v.listEnds {
			k := j - len(suf)
			if k <= i || !hasAt(rs, k, j, suf) {
				continue
			}
			if !v.listGoesOn(rs, j, lim) {
				continue
			}
			w := string(rs[i:j])
			if v.isGeneric(w) {
				return item{}, false
			}
			c, _ := v.canonical(w)
			return item{start: i, end: j, written: w, canon: c}, true
		}
	}
	return item{}, false
}

// listGoesOn: after a name at rs[j], the list goes on (、 and a joint
// word), ends, or closes on a role or tail.
func (v *vocab) listGoesOn(rs []rune, j, lim int) bool {
	if j >= lim {
		return true
	}
	switch rs[j] {
	case '、', ',', ';', ')':
		return true
	}
	q := skipAny(rs, j, lim, v.between)
	if _, ok := phraseAt(rs, q, lim, v.roles); ok {
		return true
	}
	for _, t := range v.tails {
		if hasAt(rs, j, lim, t.runes) {
			return true
		}
	}
	return false
}

// encodedMax bounds the buffer names are encoded into: longer runs spill to
// the heap, which is only slower.
const encodedMax = 192

// patternAt recognises locality + up to maxMid characters + name ending:
// 市肺科医院, 信阳职业技术学院. The first ending reached wins, the longest
// ending there (委员会 before 委). Generic starts (市级, 各) never match.
func (v *vocab) patternAt(rs []rune, i, lim int) (item, bool) {
	for _, p := range v.info(rs[i]).places {
		if !hasAt(rs, i, lim, p.runes) {
			continue
		}
		j0 := i + len(p.runes)
		for j := j0 + 1; j < lim && j <= j0+maxMid; j++ {
			if !isHan(rs[j-1]) || v.breaksName(rs, j-1, lim) {
				break
			}
			if v.flagsOf(rs[j])&flagSuffix == 0 {
				continue
			}
			for _, suf := range v.suffixes {
				if hasAt(rs, j, lim, suf) {
					end := j + len(suf)
					if v.isGenericRunes(rs[i:end]) {
						return item{}, false
					}
					s := string(rs[i:end])
					return item{start: i, end: end, written: s, canon: s}, true
				}
			}
		}
	}
	return item{}, false
}

// shortAt recognises a short item of a list closed by 等部门 or 部门:
// 规划 in 规划、住建等部门. It must be followed by a separator or the tail,
// and item+word must be a known body.
func (v *vocab) shortAt(rs []rune, i, lim int) (item, bool) {
	han := 0 // Han runes from i, up to the longest short item
	for han < maxShort && i+han < lim && isHan(rs[i+han]) {
		han++
	}
	var buf [encodedMax]byte
	for n := han; n >= 1; n-- {
		j := i + n
		next := false
		if j < lim && rs[j] == '、' {
			next = true
		} else if j < lim && v.flagsOf(rs[j])&flagShortTail != 0 {
			for _, t := range v.tails {
				if t.word != "" && hasAt(rs, j, lim, t.runes) {
					next = true
					break
				}
			}
		}
		if !next {
			continue
		}
		// The name is looked up as item+word encoded on the stack: a map
		// lookup of string(bytes) allocates nothing.
		short := buf[:0]
		for _, r := range rs[i:j] {
			short = utf8.AppendRune(short, r)
		}
		for _, t := range v.tails {
			if t.word == "" {
				continue
			}
			key := append(short, t.word...)
			if c, ok := v.canon[string(key)]; ok {
				return item{start: i, end: j, written: string(rs[i:j]), canon: c, short: true}, true
			}
		}
	}
	return item{}, false
}

// maxShort bounds a short item.
const maxShort = 8

// parseList reads bodies joined by 、 (or a joint word such as 与 when a
// body follows it) from rs[i], ending by lim, then an optional tail
// (等部门). It returns the items and where the list ends.
func (v *vocab) parseList(rs []rune, i, lim int, closed bool) ([]item, int) {
	var items []item
	p := i
	for {
		it, ok := v.bodyAt(rs, p, lim)
		if !ok {
			it, ok = v.shortAt(rs, p, lim)
		}
		if !ok && closed {
			it, ok = v.shapeAt(rs, p, lim)
		}
		if !ok || v.isGeneric(it.written) {
			break
		}
		items = append(items, it)
		p = it.end
		if p < lim && rs[p] == '、' {
			if _, ok := v.bodyAt(rs, p+1, lim); ok {
				p++
				continue
			}
			if _, ok := v.shortAt(rs, p+1, lim); ok {
				p++
				continue
			}
			if !closed {
				break
			}
			if _, ok := v.shapeAt(rs, p+1, lim); ok {
				p++
				continue
			}
			break
		}
		joined := false
		for _, jw := range v.joints {
			if hasAt(rs, p, lim, jw) {
				if _, ok := v.bodyAt(rs, p+len(jw), lim); ok {
					p += len(jw)
					joined = true
				}
				break
			}
		}
		if !joined {
			break
		}
	}
	if len(items) == 0 {
		return nil, i
	}
	v.inheritLevel(items)
	word := ""
	for _, t := range v.tails {
		if hasAt(rs, p, lim, t.runes) {
			p += len(t.runes)
			word = t.word
			break
		}
	}
	// A short item needs the list to say what it is short for.
	if word == "" {
		last := items[len(items)-1]
		for _, t := range v.tails {
			if t.word != "" && !last.short && strings.HasSuffix(last.written, t.word) {
				word = t.word
			}
		}
	}
	for k, it := range items {
		if it.short && (word == "" || v.canon[it.written+word] == "") {
			if k == 0 {
				return nil, i
			}
			return items[:k], items[k-1].end
		}
	}
	return items, p
}

// skipAny skips, repeatedly, any of words at rs[p].
func skipAny(rs []rune, p, lim int, words [][]rune) int {
	for moved := true; moved; {
		moved = false
		for _, w := range words {
			if hasAt(rs, p, lim, w) {
				p += len(w)
				moved = true
				break
			}
		}
	}
	return p
}

func skipSpaces(rs []rune, p, lim int) int {
	for p < lim && (rs[p] == ' ' || rs[p] == '\t') {
		p++
	}
	return p
}

// phraseAt returns the longest phrase at rs[p].
func phraseAt(rs []rune, p, lim int, ps []phrase) (phrase, bool) {
	for _, ph := range ps {
		if hasAt(rs, p, lim, ph.text) {
			return ph, true
		}
	}
	return phrase{}, false
}

func (v *vocab) hasStopRune(rs []rune) bool {
	for _, r := range rs {
		if v.flagsOf(r)&flagStop != 0 {
			return true
		}
	}
	return false
}

// breaksName: a name does not run through a modal or 的 — 信阳市要加快推进
// 县级医院 is no body. 市应急管理局 is (应急 is no modal).
func (v *vocab) breaksName(rs []rune, p, lim int) bool {
	if rs[p] == '的' {
		return true
	}
	if v.flagsOf(rs[p])&flagModal == 0 {
		return false // no modal starts here
	}
	for _, w := range v.notModals {
		if hasAt(rs, p, lim, w) {
			return false
		}
	}
	for _, m := range v.modals {
		if hasAt(rs, p, lim, m) {
			return true
		}
	}
	return false
}
