package eval

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Counts is one line of the score: how many gold items, predictions, and
// matched pairs.
type Counts struct {
	Gold, Predicted, Matched int
}

func (c Counts) TP() int { return c.Matched }
func (c Counts) FP() int { return c.Predicted - c.Matched }
func (c Counts) FN() int { return c.Gold - c.Matched }

// Precision is Matched/Predicted, 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.Matched, c.Predicted) }

// Recall is Matched/Gold, 0 when there is no gold.
func (c Counts) Recall() float64 { return ratio(c.Matched, c.Gold) }

// F1 is the harmonic mean of precision and recall, 0 when both are 0.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *Counts) add(o Counts) {
	c.Gold += o.Gold
	c.Predicted += o.Predicted
	c.Matched += o.Matched
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Attributes counts, over matched targets, how many are right in each
// attribute.
type Attributes struct {
	Matched                      int
	Unit, Comparator, Year, Kind int
}

// Item is one gold record missed, one prediction matching nothing, or one
// matched target wrong as a record, for --verbose.
type Item struct {
	File   string
	Type   string // record.TypeTarget, TypeDeadline, TypeUnit
	Line   int    // 1-based line in the document; 0 when a gold quote is not found
	Text   string // the gold quote, or the original text under the prediction's span
	Detail string // the fields scored, or what is wrong
}

// Report is the score of one document or, summed with Add, of many.
type Report struct {
	Documents int
	Targets   Counts
	Deadlines Counts
	Units     Counts // one item per canonical body name
	// Records counts targets that match and are right in unit,
	// comparator, year, kind and indicator: whether a researcher can use
	// the row as it stands.
	Records    Counts
	Attributes Attributes
	Misses     []Item // gold not found
	Extras     []Item // predictions matching no gold
	Wrong      []Item // matched targets not right as records
}

// Add sums o into r.
func (r *Report) Add(o Report) {
	r.Documents += o.Documents
	r.Targets.add(o.Targets)
	r.Deadlines.add(o.Deadlines)
	r.Units.add(o.Units)
	r.Records.add(o.Records)
	r.Attributes.Matched += o.Attributes.Matched
	r.Attributes.Unit += o.Attributes.Unit
	r.Attributes.Comparator += o.Attributes.Comparator
	r.Attributes.Year += o.Attributes.Year
	r.Attributes.Kind += o.Attributes.Kind
	r.Misses = append(r.Misses, o.Misses...)
	r.Extras = append(r.Extras, o.Extras...)
	r.Wrong = append(r.Wrong, o.Wrong...)
}

// score formats a ratio to three places, "-" when it is undefined.
func score(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f", float64(a)/float64(b))
}

func f1(c Counts) string {
	if c.Gold == 0 && c.Predicted == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f", c.F1())
}

func countsRow(w io.Writer, name string, c Counts) {
	fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%s\t%s\t%s\n", name, c.Gold, c.Predicted, c.Matched,
		score(c.Matched, c.Predicted), score(c.Matched, c.Gold), f1(c))
}

// Write prints the score as aligned plain text: per type counts and
// P/R/F1, attribute accuracies over matched targets, and record F1. With
// verbose it then lists every miss, extra and wrong record with its line
// and text.
func (r Report) Write(w io.Writer, verbose bool) error {
	bw := bufio.NewWriter(w)
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "documents\t%d\n\n", r.Documents)
	fmt.Fprintln(tw, "type\tgold\tpredicted\tmatched\tP\tR\tF1")
	countsRow(tw, "target", r.Targets)
	countsRow(tw, "deadline", r.Deadlines)
	countsRow(tw, "unit", r.Units)
	tw.Flush()

	a := r.Attributes
	fmt.Fprintf(bw, "\nattribute accuracy over %d matched targets\n", a.Matched)
	tw = tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
	for _, at := range []struct {
		name  string
		right int
	}{{"unit", a.Unit}, {"comparator", a.Comparator}, {"year", a.Year}, {"kind", a.Kind}} {
		fmt.Fprintf(tw, "%s\t%d/%d\t%s\n", at.name, at.right, a.Matched, score(at.right, a.Matched))
	}
	tw.Flush()

	fmt.Fprintln(bw, "\nrecord F1: targets matched and right in unit, comparator, year, kind and indicator")
	tw = tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "type\tgold\tpredicted\tmatched\tP\tR\tF1")
	countsRow(tw, "record", r.Records)
	tw.Flush()

	if verbose {
		listItems(bw, "missed (gold not found)", r.Misses)
		listItems(bw, "extra (predictions matching no gold)", r.Extras)
		listItems(bw, "wrong (targets matched but not right as records)", r.Wrong)
	}
	return bw.Flush()
}

// quoted shows text on one line, a line break as ⏎.
func quoted(s string) string {
	return "«" + strings.NewReplacer("\r\n", "⏎", "\n", "⏎", "\r", "⏎").Replace(s) + "»"
}

func listItems(w io.Writer, title string, items []Item) {
	fmt.Fprintf(w, "\n%s: %d\n", title, len(items))
	for _, it := range items {
		fmt.Fprintf(w, "  %s:%d  %s  %s  %s\n", it.File, it.Line, it.Type, quoted(it.Text), it.Detail)
	}
}
