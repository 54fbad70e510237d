package textview

import "strings"

// Decoded returns a view of a decoded original text in which every line
// break is one '\n': CR LF (Windows, PKULaw exports, Word's "save as text")
// and a lone CR (old Mac files) read as LF. The original keeps its line ends,
// so spans count them as the file has them; the recognisers never see a CR.
func Decoded(s string) *View {
	if !strings.ContainsRune(s, '\r') {
		return Identity(s) // shares s
	}
	var b Builder
	b.Grow(len(s))
	i := 0 // the original offset of s[0]
	for {
		cr := strings.IndexByte(s, '\r')
		if cr < 0 {
			b.AddString(s, i)
			return b.View()
		}
		i += b.AddString(s[:cr], i)
		b.Add('\n', i)
		s, i = s[cr+1:], i+1
		if strings.HasPrefix(s, "\n") {
			// The CR already stands for this break; the LF belongs to it.
			s, i = s[1:], i+1
			b.end = int32(i)
		}
	}
}
