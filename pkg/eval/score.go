package eval

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/cnplan/cnplan/pkg/normalize"
	"github.com/cnplan/cnplan/pkg/record"
	"github.com/cnplan/cnplan/pkg/textview"
)

// span is [start, end) in runes of the decoded original.
type span [2]int

// overlap is how many runes a and b share.
func overlap(a, b span) int {
	n := min(a[1], b[1]) - max(a[0], b[0])
	return max(n, 0)
}

// located is a gold record placed in the document.
type located struct {
	Gold
	span  span
	line  int
	found bool
}

// locate finds the first occurrence of quote in original and returns its
// rune span and 1-based line. A quote holding a line break also matches
// where the document breaks lines with CR LF or CR (gold is written with
// LF). Lines count as textview.Lines counts them, so CR LF is one break.
func locate(original, quote string) (span, int, bool) {
	i := strings.Index(original, quote)
	n := quote
	for _, brk := range []string{"\r\n", "\r"} {
		if i >= 0 || !strings.Contains(quote, "\n") {
			break
		}
		n = strings.ReplaceAll(quote, "\n", brk)
		i = strings.Index(original, n)
	}
	if i < 0 {
		return span{}, 0, false
	}
	start := utf8.RuneCountInString(original[:i])
	return span{start, start + utf8.RuneCountInString(n)}, len(textview.NewLines(original[:i])), true
}

// sameFloat compares two figures as equal when they differ by rounding
// only: gold 3.0 and predicted 3, or 0.1+0.2 and 0.3.
func sameFloat(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

func sameFloatPtr(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return sameFloat(*a, *b)
}

func sameIntPtr(a, b *int) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

// fold compares script- and width-insensitively, as the gold format says:
// full-width forms to half-width ("%" = "%", "(" = "("), traditional to
// simplified (個 = 个).
func fold(s string) string { return normalize.ToSimplified(width.Fold.String(s)) }

// indicatorFolds are dropped from indicators before they are compared:
// 的, quotation marks and spaces (通过复审的医院 = 通过复审医院).
var indicatorFolds = strings.NewReplacer("的", "", "“", "", "”", "", "\"", "", "‘", "", "’", "", "'", "", "「", "", "」", "", "『", "", "』", "", " ", "", "\u3000", "")

// nameFolds make body names compare as the gold format says: 委员会 = 委,
// 发展和改革 = 发展改革, 人力资源和社会保障 = 人力资源社会保障.
var nameFolds = strings.NewReplacer("委员会", "委", "发展和改革", "发展改革", "人力资源和社会保障", "人力资源社会保障")

// foldName folds a body name: script, width, the replacements above and a
// leading 国家 (国家发展改革委 = 发展改革委).
func foldName(s string) string {
	return strings.TrimPrefix(nameFolds.Replace(fold(strings.TrimSpace(s))), "国家")
}

// indicatorAgrees is the record-F1 test of an indicator: the predicted one
// contains the gold one or is contained in it, compared after fold and
// indicatorFolds. An empty prediction agrees with nothing.
func indicatorAgrees(pred, gold string) bool {
	p, g := indicatorFolds.Replace(fold(pred)), indicatorFolds.Replace(fold(gold))
	if p == "" {
		return false
	}
	return strings.Contains(p, g) || strings.Contains(g, p)
}

// pair is a candidate match of gold item g and predicted item p.
type pair struct{ g, p, overlap int }

// assign matches one to one, taking the pairs whose spans overlap most
// first; ties go to the earlier gold item, then the earlier prediction, so
// the result does not depend on map or sort order.
func assign(pairs []pair) (goldTo, predTo map[int]int) {
	sort.SliceStable(pairs, func(i, j int) bool {
		a, b := pairs[i], pairs[j]
		if a.overlap != b.overlap {
			return a.overlap > b.overlap
		}
		if a.g != b.g {
			return a.g < b.g
		}
		return a.p < b.p
	})
	goldTo, predTo = map[int]int{}, map[int]int{}
	for _, c := range pairs {
		if _, used := goldTo[c.g]; used {
			continue
		}
		if _, used := predTo[c.p]; used {
			continue
		}
		goldTo[c.g], predTo[c.p] = c.p, c.g
	}
	return goldTo, predTo
}

// scorer holds one document's inputs while it is scored.
type scorer struct {
	doc   record.Document
	runes []rune // original, for showing what a prediction's span covers
	canon func(string) string
	gold  map[string][]located // by type
	rep   Report
}

// Score matches one document's extraction against its gold. original is
// the decoded original text the spans index (rune offsets); canon maps a
// body name to its canonical form (nil: names compare as they are).
func Score(doc record.Document, original string, gold []Gold, canon func(string) string) Report {
	if canon == nil {
		canon = func(s string) string { return s }
	}
	s := &scorer{
		doc:   doc,
		runes: []rune(original),
		canon: func(n string) string { return foldName(canon(strings.TrimSpace(n))) },
		gold:  map[string][]located{},
	}
	s.rep.Documents = 1
	for _, g := range gold {
		sp, line, found := locate(original, g.Quote)
		s.gold[g.Type] = append(s.gold[g.Type], located{Gold: g, span: sp, line: line, found: found})
	}
	s.targets()
	s.deadlines()
	s.units()
	sortItems(s.rep.Misses)
	sortItems(s.rep.Extras)
	sortItems(s.rep.Wrong)
	return s.rep
}

func sortItems(items []Item) {
	sort.SliceStable(items, func(i, j int) bool { return items[i].Line < items[j].Line })
}

// covered is the text of the original under a predicted span, or
// fallback when the span does not fit the original.
func (s *scorer) covered(sp record.Source, fallback string) string {
	a, b := sp.Span[0], sp.Span[1]
	if a < 0 || b > len(s.runes) || a >= b {
		return fallback
	}
	return string(s.runes[a:b])
}

func (s *scorer) goldItem(g located, detail string) Item {
	if !g.found {
		detail = "quote not found in the document; " + detail
	}
	return Item{File: s.doc.File, Type: g.Type, Line: g.line, Text: g.Quote, Detail: detail}
}

func (s *scorer) predItem(typ string, src record.Source, text, detail string) Item {
	return Item{File: s.doc.File, Type: typ, Line: src.Line, Text: s.covered(src, text), Detail: detail}
}

func (s *scorer) targets() {
	gold, preds := s.gold[record.TypeTarget], s.doc.Targets
	var pairs []pair
	for gi, g := range gold {
		if !g.found {
			continue
		}
		for pi, p := range preds {
			o := overlap(g.span, span(p.Span))
			if o > 0 && sameFloat(*g.Value, p.Value) && sameFloatPtr(g.ValueMax, p.ValueMax) {
				pairs = append(pairs, pair{gi, pi, o})
			}
		}
	}
	goldTo, predTo := assign(pairs)
	c := &s.rep.Targets
	c.Gold += len(gold)
	c.Predicted += len(preds)
	c.Matched += len(goldTo)
	s.rep.Records.Gold += len(gold)
	s.rep.Records.Predicted += len(preds)

	for gi, g := range gold {
		pi, ok := goldTo[gi]
		if !ok {
			s.rep.Misses = append(s.rep.Misses, s.goldItem(g, describeGoldTarget(g.Gold)))
			continue
		}
		p := preds[pi]
		a := &s.rep.Attributes
		a.Matched++
		var wrong []string
		if fold(p.Unit) == fold(g.Unit) {
			a.Unit++
		} else {
			wrong = append(wrong, fmt.Sprintf("unit %q want %q", p.Unit, g.Unit))
		}
		if p.Comparator == g.Comparator {
			a.Comparator++
		} else {
			wrong = append(wrong, fmt.Sprintf("comparator %q want %q", p.Comparator, g.Comparator))
		}
		if sameIntPtr(p.Year, g.Year) {
			a.Year++
		} else {
			wrong = append(wrong, fmt.Sprintf("year %s want %s", intText(p.Year), intText(g.Year)))
		}
		if p.Kind == g.Kind {
			a.Kind++
		} else {
			wrong = append(wrong, fmt.Sprintf("kind %q want %q", p.Kind, g.Kind))
		}
		if !indicatorAgrees(p.Indicator, g.Indicator) {
			wrong = append(wrong, fmt.Sprintf("indicator %q want %q", p.Indicator, g.Indicator))
		}
		if len(wrong) == 0 {
			s.rep.Records.Matched++
		} else {
			s.rep.Wrong = append(s.rep.Wrong, s.goldItem(g, strings.Join(wrong, "; ")))
		}
	}
	for pi, p := range preds {
		if _, ok := predTo[pi]; !ok {
			s.rep.Extras = append(s.rep.Extras, s.predItem(record.TypeTarget, p.Source, p.Text, describeTarget(p)))
		}
	}
}

func (s *scorer) deadlines() {
	gold, preds := s.gold[record.TypeDeadline], s.doc.Deadlines
	var pairs []pair
	for gi, g := range gold {
		if !g.found {
			continue
		}
		for pi, p := range preds {
			if o := overlap(g.span, span(p.Span)); o > 0 && p.Date == g.Date {
				pairs = append(pairs, pair{gi, pi, o})
			}
		}
	}
	goldTo, predTo := assign(pairs)
	c := &s.rep.Deadlines
	c.Gold += len(gold)
	c.Predicted += len(preds)
	c.Matched += len(goldTo)
	for gi, g := range gold {
		if _, ok := goldTo[gi]; !ok {
			s.rep.Misses = append(s.rep.Misses, s.goldItem(g, g.Text+" "+g.Date))
		}
	}
	for pi, p := range preds {
		if _, ok := predTo[pi]; !ok {
			s.rep.Extras = append(s.rep.Extras, s.predItem(record.TypeDeadline, p.Source, p.Text, p.Text+" "+orNone(p.Date)))
		}
	}
}

// units scores each canonical name on its own: a gold clause naming four
// bodies is four items, and a predicted name matches a gold name of a gold
// clause its clause overlaps, compared after canon.
func (s *scorer) units() {
	type name struct {
		rec   int // index of the gold or predicted record
		canon string
		shown string
	}
	var goldNames, predNames []name
	gold, preds := s.gold[record.TypeUnit], s.doc.Units
	for gi, g := range gold {
		for _, n := range g.Canonical {
			goldNames = append(goldNames, name{gi, s.canon(n), n})
		}
	}
	for pi, p := range preds {
		for _, n := range p.Canonical {
			predNames = append(predNames, name{pi, s.canon(n), n})
		}
	}
	var pairs []pair
	for gn, g := range goldNames {
		gl := gold[g.rec]
		if !gl.found {
			continue
		}
		for pn, p := range predNames {
			if o := overlap(gl.span, span(preds[p.rec].Span)); o > 0 && p.canon == g.canon {
				pairs = append(pairs, pair{gn, pn, o})
			}
		}
	}
	goldTo, predTo := assign(pairs)
	c := &s.rep.Units
	c.Gold += len(goldNames)
	c.Predicted += len(predNames)
	c.Matched += len(goldTo)
	for gn, g := range goldNames {
		if _, ok := goldTo[gn]; !ok {
			gl := gold[g.rec]
			s.rep.Misses = append(s.rep.Misses, s.goldItem(gl, g.shown+" ("+gl.Role+")"))
		}
	}
	for pn, p := range predNames {
		if _, ok := predTo[pn]; !ok {
			u := preds[p.rec]
			s.rep.Extras = append(s.rep.Extras, s.predItem(record.TypeUnit, u.Source, u.Text, p.shown+" ("+u.Role+")"))
		}
	}
}

func intText(v *int) string {
	if v == nil {
		return "none"
	}
	return strconv.Itoa(*v)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func valueText(v float64, vmax *float64) string {
	t := strconv.FormatFloat(v, 'f', -1, 64)
	if vmax != nil {
		t += ".." + strconv.FormatFloat(*vmax, 'f', -1, 64)
	}
	return t
}

// describeTarget shows a target's scored fields in one short line.
func describeTarget(t record.Target) string {
	return fmt.Sprintf("%s%s %s %s %s %s", valueText(t.Value, t.ValueMax), t.Unit,
		orNone(t.Comparator), intText(t.Year), orNone(t.Kind), t.Indicator)
}

func describeGoldTarget(g Gold) string {
	return fmt.Sprintf("%s%s %s %s %s %s", valueText(*g.Value, g.ValueMax), g.Unit,
		orNone(g.Comparator), intText(g.Year), orNone(g.Kind), g.Indicator)
}

// CanonFrom adapts a lookup that reports whether it knew the name (as
// bodies.Canonical does) to Score's canon: an unknown name stays as it is.
func CanonFrom(lookup func(string) (string, bool)) func(string) string {
	return func(name string) string {
		if c, ok := lookup(name); ok {
			return c
		}
		return name
	}
}
