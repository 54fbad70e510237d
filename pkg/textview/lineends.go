package textview

// Decoded returns a view of a decoded original text in which every line
// break is one '\n': CR LF (Windows, PKULaw exports, Word's "save as text")
// and a lone CR (old Mac files) read as LF. The original keeps its line ends,
// so spans count them as the file has them; the recognisers never see a CR.
func Decoded(s string) *View {
	var b Builder
	b.Grow(len(s), len(s))
	i := 0
	prevCR := false
	for _, r := range s {
		switch {
		case r == '\r':
			b.Add('\n', i)
			prevCR = true
		case r == '\n' && prevCR:
			// The CR already stands for this break; the LF belongs to it.
			b.end = int32(i) + 1
			prevCR = false
		default:
			b.Add(r, i)
			prevCR = false
		}
		i++
	}
	return b.View()
}
