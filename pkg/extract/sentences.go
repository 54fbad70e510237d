package extract

// span is a rune span [start, end) in the body view.
type span struct{ start, end int }

// isSentenceEnd: the marks that end a sentence in Chinese prose; a line
// break ends one too (cleaning already joined the breaks that cut one), and
// so does an ellipsis, which in notices closes a list of achievements.
func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '!', '?', '\n', '…':
		return true
	}
	return false
}

// splitSentences cuts text into sentences, trimmed of surrounding space.
func splitSentences(runes []rune) []span {
	var out []span
	start, i := 0, 0
	emit := func(end int) {
		s, e := start, end
		for s < e && isSpace(runes[s]) {
			s++
		}
		for e > s && isSpace(runes[e-1]) {
			e--
		}
		if e > s {
			out = append(out, span{s, e})
		}
	}
	for i = 0; i < len(runes); i++ {
		if isSentenceEnd(runes[i]) {
			end := i
			if runes[i] != '\n' {
				end = i + 1
				// Keep a closing quote or bracket with its sentence.
				for end < len(runes) && (runes[end] == '”' || runes[end] == ')' || runes[end] == '’') {
					end++
					i++
				}
			}
			emit(end)
			start = i + 1
		}
	}
	emit(len(runes))
	return out
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' || r == '\u3000'
}
