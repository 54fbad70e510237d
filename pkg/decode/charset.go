package decode

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/saintfish/chardet"
	"golang.org/x/net/html/charset"
	xenc "golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// encoding names one of the encodings Bytes can read; the value is what
// Result.Encoding reports.
type encoding string

const (
	encUTF8    encoding = "utf-8"
	encUTF8BOM encoding = "utf-8-bom"
	encUTF16LE encoding = "utf-16le"
	encUTF16BE encoding = "utf-16be"
	encGB18030 encoding = "gb18030"
	encBig5    encoding = "big5"
)

// lookupForced maps a user-given encoding name to one Bytes reads. GBK and
// GB2312 are read as GB18030, which contains both byte for byte.
func lookupForced(name string) (encoding, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "gbk", "gb2312", "gb18030":
		return encGB18030, nil
	case "big5":
		return encBig5, nil
	case "utf-8", "utf8":
		return encUTF8, nil
	case "utf-16le":
		return encUTF16LE, nil
	case "utf-16be":
		return encUTF16BE, nil
	}
	return "", fmt.Errorf("unknown encoding %q", name)
}

var (
	bomUTF8    = []byte("\xef\xbb\xbf")
	bomUTF16LE = []byte("\xff\xfe")
	bomUTF16BE = []byte("\xfe\xff")
)

// decodeText turns data into UTF-8 and says which encoding it used. forced,
// when set, skips detection; hint is an encoding a page declared for itself
// and is used when the bytes are not UTF-8.
func decodeText(data []byte, forced, hint encoding) (string, string, error) {
	if forced != "" {
		switch forced {
		case encUTF8:
			data = bytes.TrimPrefix(data, bomUTF8)
		case encUTF16LE:
			data = bytes.TrimPrefix(data, bomUTF16LE)
		case encUTF16BE:
			data = bytes.TrimPrefix(data, bomUTF16BE)
		}
		if forced != encUTF16LE && forced != encUTF16BE && bytes.IndexByte(data, 0) >= 0 {
			return "", "", ErrBinary
		}
		// A forced encoding is not second-guessed: the user may know
		// better, and bytes invalid in it show as U+FFFD.
		return decodeAs(forced, data), string(forced), nil
	}

	switch {
	case bytes.HasPrefix(data, bomUTF8):
		data = data[len(bomUTF8):]
		if bytes.IndexByte(data, 0) >= 0 {
			return "", "", ErrBinary
		}
		return checked(decodeAs(encUTF8, data), encUTF8BOM)
	case bytes.HasPrefix(data, bomUTF16LE):
		return checked(decodeAs(encUTF16LE, data[2:]), encUTF16LE)
	case bytes.HasPrefix(data, bomUTF16BE):
		return checked(decodeAs(encUTF16BE, data[2:]), encUTF16BE)
	}

	if bytes.IndexByte(data, 0) >= 0 {
		if enc := sniffUTF16(data); enc != "" {
			return checked(decodeAs(enc, data), enc)
		}
		return "", "", ErrBinary
	}

	// Valid UTF-8 comes before any meta charset: pages saved by a browser
	// or converted by a crawler are re-encoded to UTF-8 but keep their
	// <meta charset=gbk>, and real GBK text is almost never valid UTF-8.
	if utf8.Valid(data) {
		return checked(string(data), encUTF8)
	}
	if cut := partialRuneAtEnd(data); cut > 0 && utf8.Valid(data[:len(data)-cut]) {
		return checked(string(data[:len(data)-cut]), encUTF8)
	}

	if text, enc, ok := decodeMixed(data, hint); ok {
		return checked(text, enc)
	}

	enc := hint
	if enc == "" {
		enc = detectLegacy(data)
	}
	return checked(decodeAs(enc, data), enc)
}

// partialRuneAtEnd returns how many bytes at the end of data begin a UTF-8
// character that the data stops before finishing, or 0. A download cut off
// mid-character leaves such bytes; they carry no text, so they are dropped
// rather than the whole file being taken for GBK or the character shown as
// U+FFFD.
func partialRuneAtEnd(data []byte) int {
	for k := 1; k <= 3 && k <= len(data); k++ {
		tail := data[len(data)-k:]
		if utf8.RuneStart(tail[0]) {
			if !utf8.FullRune(tail) {
				return k
			}
			return 0
		}
	}
	return 0
}

// checked refuses text that is mostly replacement characters or control
// codes: such bytes were not text in the encoding chosen, and since it was
// the best of those supported, not text in any of them.
func checked(text string, enc encoding) (string, string, error) {
	total, bad := countJunk(text)
	if bad > 0 && bad*10 > total {
		return "", "", ErrNotText
	}
	return text, string(enc), nil
}

// countJunk counts the runes of text and those of them isJunkRune takes
// for junk, as a range over text would see them (an invalid byte is a
// U+FFFD). Chinese text is mostly three-byte runes, of which only U+FFFD
// is junk: they are read here without decoding.
func countJunk(text string) (total, bad int) {
	for i := 0; i < len(text); {
		c := text[i]
		total++
		if c < utf8.RuneSelf {
			if isJunkRune(rune(c)) {
				bad++
			}
			i++
			continue
		}
		// E1–EC, EE and EF lead three-byte runes whose second byte may be
		// any continuation byte (E0 and ED restrict it).
		if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
			if c == 0xEF && text[i+1] == 0xBF && text[i+2] == 0xBD { // U+FFFD
				bad++
			}
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isJunkRune(r) {
			bad++
		}
		i += size
	}
	return total, bad
}

func isJunkRune(r rune) bool {
	switch {
	case r == utf8.RuneError:
		return true
	case r < 0x20:
		return r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v'
	case r == 0x7f || (r >= 0x80 && r < 0xa0):
		return true
	}
	return false
}

// decodeAs decodes data with enc; bytes that are not valid in enc become
// U+FFFD.
func decodeAs(enc encoding, data []byte) string {
	var e xenc.Encoding
	switch enc {
	case encUTF8, encUTF8BOM:
		data = data[:len(data)-partialRuneAtEnd(data)]
		return strings.ToValidUTF8(string(data), "\ufffd")
	case encUTF16LE:
		e = xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	case encUTF16BE:
		e = xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
	case encGB18030:
		e = simplifiedchinese.GB18030
	case encBig5:
		e = traditionalchinese.Big5
	default:
		panic("decode: no decoder for " + string(enc))
	}
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		// The x/text decoders replace bad input rather than fail; an
		// error here would be a bug in them, and the check in checked
		// turns the empty result into nothing worse than "not text".
		return "\ufffd"
	}
	return string(out)
}

// sniffUTF16 recognises UTF-16 without a BOM. Zero bytes alone are not
// enough: Chinese text has few ASCII characters, and 一 (U+4E00) puts its
// zero in the other half of the pair. So both byte orders are decoded and
// the one that reads as Chinese or ASCII text wins; when both do (plain
// English, whose swapped letters land in the CJK block) the side the zero
// bytes fall on decides.
func sniffUTF16(data []byte) encoding {
	sample := data[:min(len(data), 64<<10)]
	var zeroEven, zeroOdd int
	for i, b := range sample {
		if b == 0 {
			if i%2 == 0 {
				zeroEven++
			} else {
				zeroOdd++
			}
		}
	}
	const enough = 0.9
	le := utf16Plausibility(sample, false)
	be := utf16Plausibility(sample, true)
	switch {
	case le >= enough && be >= enough:
		if zeroOdd > zeroEven {
			return encUTF16LE
		}
		if zeroEven > zeroOdd {
			return encUTF16BE
		}
	case le >= enough && le > be:
		return encUTF16LE
	case be >= enough && be > le:
		return encUTF16BE
	}
	return ""
}

// utf16Plausibility is the share of code units in data, read as UTF-16 in
// the given byte order, that are characters a Chinese notice uses.
func utf16Plausibility(data []byte, bigEndian bool) float64 {
	n := len(data) / 2
	if n == 0 {
		return 0
	}
	unit := func(i int) uint16 {
		if bigEndian {
			return uint16(data[2*i])<<8 | uint16(data[2*i+1])
		}
		return uint16(data[2*i+1])<<8 | uint16(data[2*i])
	}
	good := 0
	for i := 0; i < n; i++ {
		u := unit(i)
		if utf16.IsSurrogate(rune(u)) {
			if i+1 < n {
				if r := utf16.DecodeRune(rune(u), rune(unit(i+1))); r != utf8.RuneError {
					good += 2 // a pair: supplementary ideographs, emoji
					i++
				}
			}
			continue
		}
		if plausibleRune(rune(u)) {
			good++
		}
	}
	return float64(good) / float64(n)
}

func plausibleRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == '\f':
		return true
	case r >= 0x20 && r < 0x7f:
		return true
	case r >= 0xa0 && r <= 0x24f: // Latin-1 and Latin Extended: ·、é、ü in names
		return true
	case r >= 0x2000 && r <= 0x27bf: // punctuation, ①, Ⅲ, arrows, ■●
		return true
	case r >= 0x3000 && r <= 0x303f: // 、。《》【】
		return true
	case r >= 0x3200 && r <= 0x33ff: // ㈠, ㎡
		return true
	case r >= 0x4e00 && r <= 0x9fff:
		return true
	case r >= 0xf900 && r <= 0xfaff, r >= 0xfe30 && r <= 0xfe4f, r >= 0xff00 && r <= 0xffef:
		return true
	}
	return false
}

// decodeMixed handles files assembled from pieces: lines pasted from a GBK
// page into a UTF-8 file, or a UTF-8 file with one GBK footer. When a good
// share of the non-ASCII bytes sit in lines that are valid UTF-8, each line
// is decoded on its own: UTF-8 lines as UTF-8, the others in the legacy
// encoding detected from them. The encoding reported is that of the larger
// share.
func decodeMixed(data []byte, hint encoding) (string, encoding, bool) {
	lines := bytes.SplitAfter(data, []byte("\n"))
	var utf8Bytes, otherBytes int
	var other []byte
	for _, line := range lines {
		high := countHigh(line)
		if high == 0 {
			continue
		}
		if utf8.Valid(line) {
			utf8Bytes += high
		} else {
			otherBytes += high
			other = append(other, line...)
		}
	}
	// In a GBK file a line is valid UTF-8 only by accident, and only a
	// short one; a quarter of the bytes is far beyond accident.
	if utf8Bytes == 0 || otherBytes == 0 || utf8Bytes*3 < otherBytes {
		return "", "", false
	}
	enc := hint
	if enc == "" {
		enc = detectLegacy(other)
	}
	var b strings.Builder
	for _, line := range lines {
		if utf8.Valid(line) {
			b.Write(line)
		} else {
			b.WriteString(decodeAs(enc, line))
		}
	}
	if utf8Bytes >= otherBytes {
		enc = encUTF8
	}
	return b.String(), enc, true
}

// metaCharset returns the legacy encoding a page declares in <meta charset>
// or <meta http-equiv content="...charset=...">, or "" when it declares
// none or one Bytes does not read.
func metaCharset(data []byte) encoding {
	_, name, certain := charset.DetermineEncoding(data, "text/html")
	if !certain {
		return ""
	}
	switch name {
	case "gbk", "gb18030": // the WHATWG names gb2312 and x-gbk "gbk"
		return encGB18030
	case "big5":
		return encBig5
	}
	return ""
}

// detectLegacy chooses between GB18030 and Big5 for bytes that are not
// UTF-8.
//
// The detector is github.com/saintfish/chardet, a port of ICU's detector
// under the MIT and ICU licences. github.com/wlynxg/chardet does better on
// very short Big5 snippets, but it is a port of Python's chardet, which is
// LGPL, so a derived work whatever its own label says; saintfish passes every
// test here once its unsure answers go to the statistical check below.
func detectLegacy(data []byte) encoding {
	sample := data[:min(len(data), 64<<10)]
	var gb, big5 int
	if all, err := chardet.NewTextDetector().DetectAll(sample); err == nil {
		for _, r := range all {
			switch r.Charset {
			case "GB-18030":
				gb = r.Confidence
			case "Big5":
				big5 = r.Confidence
			}
		}
	}
	// ICU's confidence grows with the log of the common characters seen,
	// so on a few lines it swings: a 40-character Big5 line from 003 got
	// GB-18030 100, Big5 71. It is trusted only on a sample of some length
	// and a clear margin (on whole notices the two differ by 40 or more);
	// otherwise the statistical check decides, which on the corpus is right
	// from about ten characters up.
	const sure, enoughHigh = 25, 256
	if countHigh(sample) >= enoughHigh {
		switch {
		case gb-big5 >= sure:
			return encGB18030
		case big5-gb >= sure:
			return encBig5
		}
	}
	if chineseScore(decodeAs(encBig5, sample)) > chineseScore(decodeAs(encGB18030, sample)) {
		return encBig5
	}
	return encGB18030
}

func countHigh(data []byte) int {
	n := 0
	for _, b := range data {
		if b >= 0x80 {
			n++
		}
	}
	return n
}

// chineseScore rates how much s reads as Chinese: one point for each
// character among the common ones of either script, three off for each that
// no Chinese notice contains. Each encoding read as the other gives a mix of
// rare characters, kana, private-use code points and invalid bytes, so the
// right reading scores clearly higher even on a line or two.
func chineseScore(s string) int {
	common := commonHanzi()
	score := 0
	for _, r := range s {
		switch {
		case r < 0x80:
		case r < 0x10000 && common[r>>6]&(1<<(r&63)) != 0:
			score++
		case r == utf8.RuneError,
			r >= 0x80 && r < 0xa0,      // C1 controls
			r >= 0x3040 && r <= 0x312f, // kana, bopomofo
			r >= 0xac00 && r <= 0xd7af, // Hangul
			r >= 0xe000 && r <= 0xf8ff: // private use
			score -= 3
		}
	}
	return score
}

// commonHanzi is the set of common characters by the standards' own
// ranking: GB2312 level 1 (0xB0A1–0xD7F9, the 3755 most used simplified
// characters) and Big5's frequent characters (0xA440–0xC67E, 5401
// traditional ones). Deriving it from the code tables keeps a frequency
// list out of the source.
var commonHanzi = sync.OnceValue(func() *[1 << 10]uint64 {
	var set [1 << 10]uint64
	add := func(e xenc.Encoding, b1, b2 byte) {
		out, err := e.NewDecoder().Bytes([]byte{b1, b2})
		if err != nil {
			return
		}
		r, _ := utf8.DecodeRune(out)
		if r >= 0x4e00 && r < 0x10000 && len(out) == utf8.RuneLen(r) {
			set[r>>6] |= 1 << (r & 63)
		}
	}
	for b1 := 0xb0; b1 <= 0xd7; b1++ {
		for b2 := 0xa1; b2 <= 0xfe; b2++ {
			add(simplifiedchinese.GBK, byte(b1), byte(b2))
		}
	}
	for b1 := 0xa4; b1 <= 0xc6; b1++ {
		for b2 := 0x40; b2 <= 0xfe; b2++ {
			if (b2 > 0x7e && b2 < 0xa1) || (b1 == 0xc6 && b2 > 0x7e) {
				continue
			}
			add(traditionalchinese.Big5, byte(b1), byte(b2))
		}
	}
	return &set
})
