package bodies

// maxFrame bounds an adverbial such as 在医疗、医药、医保等方面.
const maxFrame = 30

// sentenceClauses finds sentences that give named bodies a task:
// 市卫生健康委负责组织相关专家…开展评估, 规划、住建等部门积极支持…,
// 民政部门与卫生健康部门共同推进…. The bodies must open a clause (or
// follow 由) and a task verb from body_verbs.txt, or a modal (要, 应), must
// follow them, so reports and titles are not tasks: 省卫健委出台《措施》, 市卫健委党组书记、
// 主任冉高垒表示. Generic subjects (各级党委、政府, 各有关部门) name no body.
// The clause runs from the first body to the end of the clause (。;).
func (v *vocab) sentenceClauses(rs []rune, taken []Clause) []Clause {
	var out []Clause
	inTaken := newSpans(taken)
	// Clauses are found in order of Start, each after the last one's
	// Start: a new one falls among the units of an earlier one exactly
	// when it starts before the furthest end of their units.
	unitsEnd := 0
	n := len(rs)
	var startsBuf [4]int
	for i := 0; i < n; i++ {
		if i > 0 && v.flagsOf(rs[i-1])&flagOpens == 0 && v.flagsOf(rs[i])&flagBefore == 0 {
			continue // neither a clause start nor a word before a body
		}
		starts := startsBuf[:0]
		if isClauseStart(rs, i) {
			starts = append(starts, i)
		}
		if v.flagsOf(rs[i])&flagBefore != 0 {
			for _, w := range v.before {
				if hasAt(rs, i, n, w) {
					starts = append(starts, i+len(w))
				}
			}
		}
		for _, s := range starts {
			c, ok := v.sentenceAt(rs, s)
			if !ok || inTaken.contains(c.Start) || c.Start < unitsEnd {
				continue
			}
			out = append(out, c)
			if k := len(c.UnitSpans); k > 0 {
				unitsEnd = max(unitsEnd, c.UnitSpans[k-1][1])
			}
			i = c.Start // resume inside: a later clause of the sentence may name others
			break
		}
	}
	return out
}

// sentenceAt reads subject bodies at rs[s], then fillers, an optional frame
// (在…方面) and partner (与卫生健康部门), then a task verb.
func (v *vocab) sentenceAt(rs []rune, s int) (Clause, bool) {
	n := len(rs)
	s = skipSpaces(rs, s, n)
	items, q := v.parseList(rs, s, n, false)
	if len(items) == 0 {
		return Clause{}, false
	}
	end := clauseEnd(rs, q)
	modal := false
	for _, m := range v.modals {
		if hasAt(rs, q, end, m) {
			modal = true
			break
		}
	}
	for _, w := range v.notModals {
		if hasAt(rs, q, end, w) {
			modal = false
			q = end // 要求 is neither a modal nor a filler
		}
	}
	q = v.skipBetween(rs, q, end)
	for _, f := range v.frames {
		if !hasAt(rs, q, end, f[0]) {
			continue
		}
		lim := min(end, q+maxFrame)
		if k := indexAt(rs, q+len(f[0]), lim, f[1]); k >= 0 && !hasSoftBreak(rs, q, k) {
			q = v.skipBetween(rs, k+len(f[1]), end)
			break
		}
	}
	for _, pw := range v.partners {
		if !hasAt(rs, q, end, pw) {
			continue
		}
		if _, r := v.parseList(rs, q+len(pw), end, false); r > q+len(pw) {
			q = v.skipBetween(rs, r, end)
		}
		break
	}
	verb, ok := phraseAt(rs, q, end, v.verbs)
	if !ok && !modal {
		return Clause{}, false
	}
	if ok && (v.reportsDone(rs, q+len(verb.text), end) || v.isBuilt(rs, q+len(verb.text), end)) {
		return Clause{}, false
	}
	role := verb.role
	if !ok {
		role = Responsible
	}
	c := Clause{Role: role, Start: items[0].start, End: end}
	c.addAll(items)
	return c, true
}

// clauseOpeners are the runes isClauseStart may find before a clause.
const clauseOpeners = "。;,:!?\n\r\t ).】]、"

// isClauseStart: rs[i] opens a clause — text start, after 。;,:!? or a line
// break, or after a list marker (1. (一) 一、).
func isClauseStart(rs []rune, i int) bool {
	if i == 0 {
		return true
	}
	p := rs[i-1]
	switch p {
	case '。', ';', ',', ':', '!', '?', '\n', '\r', '\t', ' ', ')', '.', '】', ']':
		return true
	case '、':
		return i >= 2 && (rs[i-2] >= '0' && rs[i-2] <= '9' || isNumeral(rs[i-2]))
	}
	return false
}

// clauseEnd is the end of the clause containing p: the next 。;!? or line
// break.
func clauseEnd(rs []rune, p int) int {
	for ; p < len(rs); p++ {
		switch rs[p] {
		case '。', ';', '!', '?', '\n', '\r':
			return p
		}
	}
	return len(rs)
}

// hasSoftBreak reports a comma between a and b: a frame does not cross one.
func hasSoftBreak(rs []rune, a, b int) bool {
	for p := a; p < b; p++ {
		if rs[p] == ',' {
			return true
		}
	}
	return false
}

// indexAt finds s in rs[a:lim], or -1.
func indexAt(rs []rune, a, lim int, s []rune) int {
	for p := a; p < lim; p++ {
		if hasAt(rs, p, lim, s) {
			return p
		}
	}
	return -1
}

// skipBetween skips between words and, after them, one comma:
// 卫生健康、医保、财政等部门要按照职责分工,密切配合.
func (v *vocab) skipBetween(rs []rune, q, end int) int {
	r := skipAny(rs, q, end, v.between)
	if r > q && r < end && rs[r] == ',' {
		r = skipAny(rs, r+1, end, v.between)
	}
	return r
}

// reportsDone: a done word (了) within three characters after the verb
// reports what was done: 省政府组织编制了《…》.
func (v *vocab) reportsDone(rs []rune, p, end int) bool {
	for k := p; k < end && k <= p+3; k++ {
		for _, w := range v.done {
			if !hasAt(rs, k, end, w) {
				continue
			}
			not := false
			for _, nw := range v.notDone {
				if hasAt(rs, k, end, nw) {
					not = true
				}
			}
			if !not {
				return true
			}
		}
	}
	return false
}

// isBuilt: a building word right after the verb closes the clause, so the
// bodies are what is built: 成都美术学院、广安理工学院加快筹建。
func (v *vocab) isBuilt(rs []rune, p, end int) bool {
	for _, w := range v.built {
		if !hasAt(rs, p, end, w) {
			continue
		}
		k := p + len(w)
		if k >= end || rs[k] == ',' {
			return true
		}
	}
	return false
}
