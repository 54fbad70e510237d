// Package normalize makes the text that cnplan's rules match against:
// full-width digits, letters and punctuation folded to half-width, and
// traditional characters converted to simplified. It never changes what is
// output: every rune keeps its offset in the original text, so records
// quote the document as written.
package normalize

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/cnplan/cnplan/pkg/textview"
	"github.com/liuzl/gocc"
	"golang.org/x/text/width"
)

// Script names.
const (
	Simplified  = "simplified"
	Traditional = "traditional"
)

var (
	t2sOnce sync.Once
	t2s     *gocc.OpenCC
	t2sFast *t2sTable // t2s's dictionaries indexed; nil: convert with t2s
	t2sErr  error
)

func converter() (*gocc.OpenCC, error) {
	t2sOnce.Do(func() {
		t2s, t2sErr = gocc.New("t2s")
		if t2sErr == nil {
			t2sFast = newT2STable(t2s)
		}
	})
	return t2s, t2sErr
}

// convert converts s to simplified characters exactly as OpenCC's t2s
// does: through the indexed dictionaries when s is valid UTF-8 (gocc reads
// an invalid byte its own way), else through gocc.
func convert(cc *gocc.OpenCC, s string) (string, error) {
	if t2sFast != nil && utf8.ValidString(s) {
		return t2sFast.convert(s), nil
	}
	return cc.Convert(s)
}

// FoldRune folds one full-width rune to its half-width form. The ideographic
// space becomes a plain space. Runes without a narrow form are kept.
func FoldRune(r rune) rune {
	// Full-width forms are U+3000 and U+FF00–U+FFEF: every other rune,
	// Chinese characters included, is itself, without a table lookup.
	if r < 0x3000 || r > 0x3000 && r < 0xFF00 || r > 0xFFEF {
		return r
	}
	if r == 0x3000 {
		return ideographicSpace
	}
	return foldedForms[r-0xFF00]
}

// foldRuneWidth is FoldRune by the width tables, which foldedForms and
// ideographicSpace hold for every rune it can change, read once.
func foldRuneWidth(r rune) rune {
	p := width.LookupRune(r)
	if p.Kind() == width.EastAsianFullwidth {
		if f := p.Narrow(); f != 0 {
			return f
		}
	}
	return r
}

var (
	ideographicSpace = foldRuneWidth(0x3000)
	foldedForms      = func() (t [0xFFEF - 0xFF00 + 1]rune) {
		for i := range t {
			t[i] = foldRuneWidth(rune(0xFF00 + i))
		}
		return t
	}()
)

// DetectScript says whether text is written in traditional characters: it
// looks at a sample of its Han characters and counts those that change
// under conversion to simplified. A simplified text changes almost none; a
// traditional one changes many.
func DetectScript(text string) string {
	han, changed := 0, 0
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++ // ASCII holds no Han
			continue
		}
		var r rune
		if c >= 0xE0 && c < 0xF0 && i+2 < len(text) && (uint16(text[i+1])|uint16(text[i+2])<<8)&0xC0C0 == 0x8080 {
			// A three-byte rune, decoded in place. The invalid overlong
			// (E0 80–9F) and surrogate (ED A0–BF) forms decode here to
			// runes that are not Han, as a range loop reads no Han in them.
			r = rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F)
			i += 3
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(text[i:])
			i += size
		}
		if !isHan(r) {
			continue
		}
		han++
		if isTraditional(r) {
			changed++
		}
		if han >= sampleHan {
			break
		}
	}
	// Simplified text has stray variants (e.g. 着/著); 5% is far above them
	// and far below any real traditional text (003: ~30%).
	if han > 0 && changed*100 >= han*5 {
		return Traditional
	}
	return Simplified
}

// hanBMP holds unicode.Han's runes of the Basic Multilingual Plane, one
// bit a rune, so that DetectScript tests a rune without a table search.
var hanBMP = func() *[0x10000 / 64]uint64 {
	var b [0x10000 / 64]uint64
	for _, rg := range unicode.Han.R16 {
		for r := uint32(rg.Lo); r <= uint32(rg.Hi); r += uint32(rg.Stride) {
			b[r/64] |= 1 << (r % 64)
		}
	}
	for _, rg := range unicode.Han.R32 {
		for r := rg.Lo; r <= rg.Hi && r < 0x10000; r += rg.Stride {
			b[r/64] |= 1 << (r % 64)
		}
	}
	return &b
}()

func isHan(r rune) bool {
	if u := uint32(r); u < 0x10000 {
		return hanBMP[u>>6]&(1<<(u&63)) != 0
	}
	return unicode.Is(unicode.Han, r)
}

// sampleHan is how many Han characters DetectScript reads: enough for a
// steady ratio, few enough to cost nothing on a large corpus.
const sampleHan = 2000

var (
	tradMu    sync.RWMutex
	tradRunes = map[rune]bool{} // answers outside the BMP
	// tradKnown and tradValue hold the answers for the Basic Multilingual
	// Plane, one bit a rune, read without a lock or a map lookup.
	tradKnown, tradValue [0x10000 / 64]atomic.Uint64
)

// isTraditional says whether r changes under OpenCC's t2s, remembering the
// answer: a corpus uses a few thousand characters, and converting each one
// once is far cheaper than converting a sample of every document.
func isTraditional(r rune) bool {
	bmp := r >= 0 && r < 0x10000
	if bmp {
		if bit := uint64(1) << (r % 64); tradKnown[r/64].Load()&bit != 0 {
			return tradValue[r/64].Load()&bit != 0
		}
	} else {
		tradMu.RLock()
		v, ok := tradRunes[r]
		tradMu.RUnlock()
		if ok {
			return v
		}
	}
	cc, err := converter()
	if err != nil {
		return false
	}
	out, err := convert(cc, string(r))
	v := err == nil && out != string(r)
	if bmp {
		bit := uint64(1) << (r % 64)
		if v {
			tradValue[r/64].Or(bit) // before Known: a reader that sees Known sees Value
		}
		tradKnown[r/64].Or(bit)
		return v
	}
	tradMu.Lock()
	tradRunes[r] = v
	tradMu.Unlock()
	return v
}

// Fold returns the width-folded view of v (same length, same map).
func Fold(v *textview.View) *textview.View {
	text := v.Text
	i := nextFoldable(text, 0)
	if i == len(text) {
		// Nothing to fold: the text and its map serve as they are.
		return v.Retext(text)
	}
	// Copy the stretches between foldable runes in bulk. A rune keeps its
	// place, so the map is v's.
	buf := make([]byte, 0, len(text))
	copied := 0
	for i < len(text) {
		buf = append(buf, text[copied:i]...)
		r, size := utf8.DecodeRuneInString(text[i:])
		// An invalid byte becomes U+FFFD, as textview.Builder writes it.
		buf = utf8.AppendRune(buf, FoldRune(r))
		copied = i + size
		i = nextFoldable(text, copied)
	}
	buf = append(buf, text[copied:]...)
	return v.Retext(unsafe.String(unsafe.SliceData(buf), len(buf)))
}

// plainLead marks the lead bytes of three-byte runes that are never
// folded and take any continuation bytes: E1–EC but E3, and EE.
var plainLead = func() (t [256]bool) {
	for c := 0xE1; c <= 0xEE; c++ {
		t[c] = c != 0xE3 && c != 0xED
	}
	return t
}()

// nextFoldable returns the byte offset of the first rune at or after i
// that FoldRune may change (U+3000, U+FF00–U+FFFF) or that is not valid
// UTF-8, or len(s).
func nextFoldable(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		// Three-byte runes led by E1–EC and EE, with any continuation
		// bytes, are neither foldable nor invalid; nor are E3 runes other
		// than U+3000 (E3 80 80), nor EF runes below U+FF00 (EF BC …).
		if i+2 < len(s) && (uint16(s[i+1])|uint16(s[i+2])<<8)&0xC0C0 == 0x8080 {
			if plainLead[c] {
				i += 3
				continue
			}
			if c == 0xE3 || c == 0xEF {
				if c == 0xE3 && s[i+1] == 0x80 && s[i+2] == 0x80 || c == 0xEF && s[i+1] >= 0xBC {
					return i
				}
				i += 3
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || FoldRune(r) != r {
			return i
		}
		i += size
	}
	return len(s)
}

// Simplify converts a traditional view to simplified characters, line by
// line. Where a conversion changes a line's length (a rare phrase mapping),
// that line is converted character by character so that every rune still
// maps to exactly one original rune.
func Simplify(v *textview.View) (*textview.View, error) {
	cc, err := converter()
	if err != nil {
		return nil, err
	}
	buf := make([]byte, 0, len(v.Text))
	rest := v.Text
	for rest != "" {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line = rest[:i+1]
		}
		rest = rest[len(line):]
		if !utf8.ValidString(line) {
			// As before, rune by rune through textview.Builder's encoding.
			if buf, err = simplifyInvalid(buf, cc, line); err != nil {
				return nil, err
			}
			continue
		}
		conv, err := convert(cc, line)
		if err != nil {
			return nil, err
		}
		if conv == line || utf8.RuneCountInString(conv) == utf8.RuneCountInString(line) {
			buf = append(buf, conv...)
			continue
		}
		for _, r := range line {
			buf = utf8.AppendRune(buf, simplifyRune(cc, r))
		}
	}
	// Every rune maps to the rune it came from: the map is v's.
	return v.Retext(unsafe.String(unsafe.SliceData(buf), len(buf))), nil
}

// simplifyRune converts one rune, keeping it when it does not convert to
// exactly one rune.
func simplifyRune(cc *gocc.OpenCC, r rune) rune {
	c, err := convert(cc, string(r))
	if err != nil || utf8.RuneCountInString(c) != 1 {
		return r
	}
	cr, _ := utf8.DecodeRuneInString(c)
	return cr
}

// simplifyInvalid is Simplify's conversion of a line that is not valid
// UTF-8, appended to buf.
func simplifyInvalid(buf []byte, cc *gocc.OpenCC, line string) ([]byte, error) {
	src := []rune(line)
	conv, err := cc.Convert(line)
	if err != nil {
		return nil, err
	}
	dst := []rune(conv)
	if len(dst) != len(src) {
		dst = dst[:0]
		for _, r := range src {
			c, err := cc.Convert(string(r))
			cr := []rune(c)
			if err != nil || len(cr) != 1 {
				cr = []rune{r}
			}
			dst = append(dst, cr[0])
		}
	}
	for _, r := range dst {
		buf = utf8.AppendRune(buf, r)
	}
	return buf, nil
}

// View normalises v for matching: width folding always, and conversion to
// simplified when script is Traditional.
func View(v *textview.View, script string) (*textview.View, error) {
	out := Fold(v)
	if script == Traditional {
		return Simplify(out)
	}
	return out, nil
}

// ToSimplified converts a short traditional string to simplified
// characters (for keys that must compare across scripts). Text that is
// already simplified comes back unchanged, without a conversion.
func ToSimplified(s string) string {
	trad := false
	for _, r := range s {
		if r >= 0x3400 && isTraditional(r) {
			trad = true
			break
		}
	}
	if !trad {
		return s
	}
	cc, err := converter()
	if err != nil {
		return s
	}
	out, err := convert(cc, s)
	if err != nil {
		return s
	}
	return out
}
