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
	t2sErr  error
)

func converter() (*gocc.OpenCC, error) {
	t2sOnce.Do(func() { t2s, t2sErr = gocc.New("t2s") })
	return t2s, t2sErr
}

// FoldRune folds one full-width rune to its half-width form. The ideographic
// space becomes a plain space. Runes without a narrow form are kept.
func FoldRune(r rune) rune {
	// Full-width forms are U+3000 and U+FF00–U+FFEF: every other rune,
	// Chinese characters included, is itself, without a table lookup.
	if r < 0x3000 || r > 0x3000 && r < 0xFF00 || r > 0xFFEF {
		return r
	}
	p := width.LookupRune(r)
	if p.Kind() == width.EastAsianFullwidth {
		if f := p.Narrow(); f != 0 {
			return f
		}
	}
	return r
}

// DetectScript says whether text is written in traditional characters: it
// looks at a sample of its Han characters and counts those that change
// under conversion to simplified. A simplified text changes almost none; a
// traditional one changes many.
func DetectScript(text string) string {
	han, changed := 0, 0
	for _, r := range text {
		if !unicode.Is(unicode.Han, r) {
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
	out, err := cc.Convert(string(r))
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
	var b strings.Builder
	b.Grow(len(v.Text))
	for _, r := range v.Text {
		b.WriteRune(FoldRune(r))
	}
	return v.Retext(b.String())
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
	var b strings.Builder
	b.Grow(len(v.Text))
	for _, line := range strings.SplitAfter(v.Text, "\n") {
		if line == "" {
			continue
		}
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
			b.WriteRune(r)
		}
	}
	return v.Retext(b.String()), nil
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
	out, err := cc.Convert(s)
	if err != nil {
		return s
	}
	return out
}
