package bodies

import "strings"

// maxListLen bounds a labelled list that lost its closing bracket.
const maxListLen = 150

// labelAt recognises a list label ending at the colon after rs[j-…]: it
// returns the label's start, the position after its colon and its role.
// The label's last two characters (单位, 部门) start at j and must be
// intact; the part before them may be one edit away (贡任单位, 责仕单位).
func (v *vocab) labelAt(rs []rune, j int) (start, after int, role string, ok bool) {
	n := len(rs)
	if v.flagsOf(rs[j])&flagTail == 0 {
		return 0, 0, "", false
	}
	type cand struct{ d, exact, hl int }
	var best cand
	better := func(c cand) bool {
		if !ok || c.d != best.d {
			return !ok || c.d < best.d
		}
		if c.exact != best.exact {
			return c.exact > best.exact
		}
		return c.hl > best.hl
	}
	for _, lb := range v.labels {
		if !hasAt(rs, j, n, lb.tail) {
			continue
		}
		k := skipSpaces(rs, j+len(lb.tail), n)
		if k >= n || rs[k] != ':' {
			continue
		}
		for hl := len(lb.head) + 1; hl >= 1 && hl >= len(lb.head)-1; hl-- {
			s := j - hl
			if s < 0 {
				continue
			}
			han := true
			for _, r := range rs[s:j] {
				if !isHan(r) {
					han = false
				}
			}
			if !han {
				continue
			}
			d := editDistance(rs[s:j], lb.head)
			if d > 1 {
				continue
			}
			c := cand{d: d, hl: hl}
			if hl == len(lb.head) {
				c.exact = 1
			}
			if better(c) {
				best, start, after, role, ok = c, s, k+1, lb.role, true
			}
		}
	}
	if !ok {
		return v.openLabelAt(rs, j)
	}
	return start, after, role, ok
}

// maxLabelMid bounds the characters between an open label's head and its
// tail: 牵头 + 考核 + 单位.
const maxLabelMid = 4

// openLabelAt recognises a label of a role head, a few characters and
// 单位 or 部门 at rs[j], then a colon: 牵头考核单位:, 配合实施部门:. The label
// must open a clause, so 各牵头考核单位对… in a sentence is none.
func (v *vocab) openLabelAt(rs []rune, j int) (start, after int, role string, ok bool) {
	n := len(rs)
	for _, tl := range v.openTails {
		if !hasAt(rs, j, n, tl) {
			continue
		}
		k := skipSpaces(rs, j+len(tl), n)
		if k >= n || rs[k] != ':' {
			continue
		}
		for _, h := range v.heads {
			hl := len(h.text)
			for s := j - hl; s >= 0 && s >= j-hl-maxLabelMid; s-- {
				if !isHan(rs[s]) {
					break
				}
				if hasAt(rs, s, j, h.text) && (s == 0 || opensLabel(rs[s-1])) {
					return s, k + 1, h.role, true
				}
			}
		}
	}
	return 0, 0, "", false
}

// maxFieldName bounds the name of a field in a task's bracket (完成时限).
const maxFieldName = 8

// otherLabelAt: a field name and a colon start at rs[p] (完成时限:…).
func otherLabelAt(rs []rune, p int) bool {
	k := p
	for k < len(rs) && k-p < maxFieldName && isHan(rs[k]) {
		k++
	}
	k = skipSpaces(rs, k, len(rs))
	return k-p >= 2 && k < len(rs) && rs[k] == ':'
}

// opensLabel: a label stands after these.
func opensLabel(r rune) bool {
	switch r {
	case '(', ',', ';', ' ', '\t', '\n', '\r', ')', '。':
		return true
	}
	return false
}

// inheritLevel gives a list item written without its level the level of
// the item before it, when the dictionary knows the name so:
// 市住建局、审批服务局 → 市行政审批和政务服务局; 省财政厅、地方金融监管局 →
// 省地方金融监管局. A name the dictionary does not know with that level is
// left as written.
func (v *vocab) inheritLevel(items []item) {
	for k := 1; k < len(items); k++ {
		w := []rune(items[k].written)
		prev := []rune(items[k-1].written)
		if len(w) == 0 || len(prev) == 0 || v.levels[w[0]] || !v.levels[prev[0]] {
			continue
		}
		if c, ok := v.canon[string(prev[0])+items[k].written]; ok {
			items[k].canon = c
		}
	}
}

// labelClauses finds (责任单位:X、Y), (牵头单位:X;配合单位:Y) and their OCR-
// damaged forms. A list that lost its closing bracket ends at the next list
// number (2 .建设…, 2、…), 。, a line break, or an unbalanced bracket.
func (v *vocab) labelClauses(rs []rune) []Clause {
	var out []Clause
	n := len(rs)
	for j := 1; j+2 < n; j++ {
		if v.flagsOf(rs[j])&flagTail == 0 {
			continue // what labelAt asks first, without a call
		}
		start, after, role, ok := v.labelAt(rs, j)
		if !ok {
			continue
		}
		clauseStart := start
		if b := backSpaces(rs, start); b > 0 && rs[b-1] == '(' {
			clauseStart = b - 1
		}
		c, next := v.labelList(rs, after)
		if len(c.Units) == 0 {
			continue
		}
		c.Role = role
		c.Start = clauseStart
		out = append(out, c)
		if next > j {
			j = next - 1
		}
	}
	return out
}

func backSpaces(rs []rune, p int) int {
	for p > 0 && rs[p-1] == ' ' {
		p--
	}
	return p
}

// labelList reads the bodies after a label's colon. It returns the clause
// (units, End) and where scanning may resume.
func (v *vocab) labelList(rs []rune, p0 int) (Clause, int) {
	n := len(rs)
	depth := 0
	contentEnd, end := -1, -1
	closed := false
	p := p0
scan:
	for ; p < n; p++ {
		if p-p0 > maxListLen {
			break
		}
		switch r := rs[p]; {
		case r == '(':
			if depth == 0 && isParenMarker(rs, p) {
				break scan
			}
			depth++
		case r == ')':
			if depth == 0 {
				contentEnd, end, closed = p, p+1, true
				break scan
			}
			depth--
		case r == '。' || r == '\n' || r == '\r':
			break scan
		case depth == 0 && (r == ';' || r == ',') && otherLabelAt(rs, p+1):
			// (责任单位:X、Y;完成时限:2022年12月底): another field follows
			contentEnd = p
			break scan
		case depth == 0 && p > p0:
			// The next label ends this list: 牵头单位:X;配合单位:Y, or with
			// only a space between them.
			if s, _, _, ok := v.labelAt(rs, p); ok && s >= p0 {
				p = s
				break scan
			}
			if isListNumber(rs, p, p0) {
				break scan
			}
			if _, ok := phraseAt(rs, p, n, v.notePhrases); ok && (rs[p-1] == ',' || rs[p-1] == ';') {
				// (责任单位:A、B,首位为牵头单位): the note is no body
				contentEnd = p - 1
				for end = p; end < n && end-p < maxNoteGap && rs[end] != ')'; end++ {
				}
				if end < n && rs[end] == ')' {
					end++
				}
				closed = true
				break scan
			}
		}
	}
	if contentEnd < 0 {
		contentEnd = p
	}
	var c Clause
	items := v.splitItems(rs, p0, contentEnd)
	if !closed && len(items) > 0 {
		// No bracket closed the list: the last item may run into the next
		// task's text; keep only the body at its start.
		last := items[len(items)-1]
		if _, known := v.canonical(last.written); !known {
			if it, ok := v.bodyAt(rs, last.start, last.end); ok && it.end < last.end {
				items[len(items)-1] = it
			}
		}
	}
	c.addAll(items)
	if end < 0 {
		end = contentEnd
		if len(items) > 0 {
			end = items[len(items)-1].end
		}
		last := p0
		if len(items) > 0 {
			last = items[len(items)-1].end
		}
		for end > last && isSoftEnd(rs[end-1]) {
			end--
		}
	}
	c.End = end
	return c, end
}

// splitItems splits rs[a:b] at list separators outside brackets and reads
// each piece as a body, dropping generic mentions.
func (v *vocab) splitItems(rs []rune, a, b int) []item {
	var items []item
	depth := 0
	s := a
	flush := func(e int) {
		for s < e && isSpace(rs[s]) {
			s++
		}
		for e > s && isSpace(rs[e-1]) {
			e--
		}
		if s < e {
			items = append(items, v.readItems(rs, s, e)...)
		}
	}
	for p := a; p < b; p++ {
		switch rs[p] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case '、', ',', ';':
			if depth == 0 {
				flush(p)
				s = p + 1
			}
		}
	}
	flush(b)
	// 规划、住建等部门 inside a label list: a tail on the last piece. A tail
	// that is only the word itself (部门 in 财政部门) stays in the name.
	if k := len(items); k > 0 {
		last := &items[k-1]
		for _, t := range v.tails {
			if last.written == t.text || !strings.HasSuffix(last.written, t.text) {
				continue
			}
			if t.text != t.word {
				last.written = strings.TrimSuffix(last.written, t.text)
				last.end -= len(t.runes)
				last.canon, _ = v.canonical(last.written)
			}
			if t.word != "" {
				for i := range items {
					if _, known := v.canonical(items[i].written); !known {
						if c, ok := v.canon[items[i].written+t.word]; ok {
							items[i].canon = c
						}
					}
				}
			}
			break
		}
	}
	v.inheritLevel(items)
	return items
}

// readItems reads one separated piece: a body as written, or two bodies
// joined by 和/及 when both halves are bodies and the whole is not one
// (工业和信息化部 is one body, 市财政局和市卫生健康委 two).
func (v *vocab) readItems(rs []rune, s, e int) []item {
	// 市发展改革委(牵头): a role in brackets after a name marks the lead
	lead := false
	if e-s > 4 && rs[e-1] == ')' {
		for _, ph := range v.roles {
			k := e - 1 - len(ph.text)
			if ph.role == Lead && k-1 > s && rs[k-1] == '(' && hasAt(rs, k, e-1, ph.text) {
				lead, e = true, k-1
				break
			}
		}
	}
	items := v.readPiece(rs, s, e)
	if lead && len(items) == 1 {
		items[0].lead = true
	}
	return items
}

// readPiece reads one separated piece without a lead mark.
func (v *vocab) readPiece(rs []rune, s, e int) []item {
	w := string(rs[s:e])
	if v.isGeneric(w) || !isHan(rs[s]) {
		return nil // a body's name starts with a Han character
	}
	c, known := v.canonical(w)
	if !known {
		// 市财政局按职责分工负责: the role phrase is not part of the name.
		if it, ok := v.bodyAt(rs, s, e); ok && it.end < e {
			q := skipAny(rs, it.end, e, v.between)
			if ph, ok := phraseAt(rs, q, e, v.roles); ok && q+len(ph.text) == e {
				return []item{it}
			}
		}
		for _, jw := range v.joints {
			for k := s + 1; k < e-1; k++ {
				if !hasAt(rs, k, e, jw) {
					continue
				}
				l, lok := v.bodyAt(rs, s, k)
				r, rok := v.bodyAt(rs, k+len(jw), e)
				if lok && rok && l.end == k && r.end == e {
					return []item{l, r}
				}
			}
		}
	}
	return []item{{start: s, end: e, written: w, canon: c}}
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' }

// isListNumber: a list number such as "2 ." or "2、" starting at p, the
// next task of a list whose bracket was lost (…信阳职业技术学院2 .建设…).
func isListNumber(rs []rune, p, p0 int) bool {
	if rs[p] < '0' || rs[p] > '9' || p == p0 {
		return false
	}
	if p > 0 && rs[p-1] >= '0' && rs[p-1] <= '9' {
		return false
	}
	q := p
	for q < len(rs) && rs[q] >= '0' && rs[q] <= '9' {
		q++
	}
	q = skipSpaces(rs, q, len(rs))
	return q < len(rs) && (rs[q] == '.' || rs[q] == '、')
}

// isParenMarker: "(二)" or "(2)", a section marker, not a bracket in a name.
func isParenMarker(rs []rune, p int) bool {
	q := p + 1
	for q < len(rs) && q <= p+3 && (isNumeral(rs[q]) || rs[q] >= '0' && rs[q] <= '9') {
		q++
	}
	return q > p+1 && q < len(rs) && rs[q] == ')'
}

// isNumeral: 一 to 十, the numerals of list markers.
func isNumeral(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十':
		return true
	}
	return false
}

// editDistance is the Levenshtein distance of two short rune strings.
func editDistance(a, b []rune) int {
	// Rows on the stack for a label's head; longer ones spill to the heap.
	var prevBuf, curBuf [16]int
	prev, cur := prevBuf[:], curBuf[:]
	if len(b)+1 > len(prevBuf) {
		prev, cur = make([]int, len(b)+1), make([]int, len(b)+1)
	}
	prev, cur = prev[:len(b)+1], cur[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
