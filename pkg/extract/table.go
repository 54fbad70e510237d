package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cnplan/cnplan/pkg/record"
	"github.com/cnplan/cnplan/pkg/textview"
)

// An indicator table (主要指标) reaches the text in one of these shapes,
// and all are read through one model: a stream of cells, each knowing its
// line.
//   - one cell per line (web pages copied to text: 001, 21);
//   - a row per line, cells separated by tabs (HTML, DOCX, TSV, and PDF:
//     pkg/decode writes a row's cells with tabs from their positions);
//   - a row per line, cells between pipes (Markdown: | 指标 | 2020年 |);
//   - a row per line, cells aligned by spaces (pdftotext -layout), the
//     cells of a line found at runs of two spaces or at single spaces
//     between cells of different kinds.
//
// Columns come from the header's words (dict/table_headers.txt). In the
// one-cell-per-line shape rows are found from the cells' kinds, because a
// group cell (领域) appears only on the first row of its group. When the
// header is on one line, each line is a row, and lines without the cells
// of a row (a wrapped cell's other lines, a merged 领域 cell standing
// between rows, a page number) are fragments joined to the row they
// complete.

type cell struct {
	text       string
	start, end int // rune span in the body view
	line       int // 0-based line of the body view
}

type column struct {
	role string // name, group, unit, attribute, baseline, target, seq
	year int    // for value columns: the year the header names, or 0
}

type tableRow struct {
	group     string
	name      cell
	unit      string // from a unit column
	values    []cell // one per value column, in order
	cols      []column
	attribute string
	start     int // rune start of the row's first cell (its indicator, or a fragment above it)
	end       int // rune end of the row's last cell
}

type table struct {
	start, end int // span of the whole table in the view
	rows       []tableRow
}

var (
	yearHeader  = regexp.MustCompile(`^(\d{4})\s*年?(末|底)?\s*[(（]?(目标值?|预期值?|规划值?|现状值?|基期值?|基数|实际值?)?[)）]?$`)
	placeholder = regexp.MustCompile(`^[-—–/─－]{1,3}$`)
	seqCell     = regexp.MustCompile(`^\d{1,3}[.、．]?$`)
	// A page number left between rows by a conversion: "12", "- 12 -", "第3页".
	pageNumber = regexp.MustCompile(`^(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?|\d{1,3})$`)
	// Header fragments of a year column wrapped after its year: 年, 年目标.
	headerTail = regexp.MustCompile(`^年?(末|底)?[(（]?(目标值?|预期值?|规划值?|现状值?|基期值?)?[)）]?$`)
)

// yearHeaderIn is yearHeader.FindStringSubmatch(text), tried only on
// text that starts with a digit.
func yearHeaderIn(text string) []string {
	if text == "" || text[0] < '0' || text[0] > '9' {
		return nil
	}
	return yearHeader.FindStringSubmatch(text)
}

// headerColumn says what a header cell names, or ok=false.
func headerColumn(text string) (column, bool) {
	text = strings.TrimSpace(text)
	if role, ok := loadVocab().headerRoles[text]; ok && role != "novalue" {
		return column{role: role}, true
	}
	if m := yearHeaderIn(text); m != nil {
		y, _ := strconv.Atoi(m[1])
		role := "value"
		switch {
		case strings.HasPrefix(m[3], "目标") || strings.HasPrefix(m[3], "预期") || strings.HasPrefix(m[3], "规划"):
			role = "target"
		case m[3] != "":
			role = "baseline"
		}
		return column{role: role, year: y}, true
	}
	return column{}, false
}

// tableCells lists the body's cells: a tab-separated line gives one cell
// per field, a line aligned by runs of spaces one per space-separated
// stretch (see layoutFields), any other line one cell.
func tableCells(v *textview.View) []cell {
	var cells []cell
	autospace := isAutospaced(v.Text)
	lines := v.LineStarts()
	for lineNo := range lines {
		line, pos := v.Line(lineNo)
		n := v.Runes() - pos // the line's runes, its '\n' included
		if lineNo+1 < len(lines) {
			n = lines[lineNo+1] - pos
		}
		body := strings.TrimSuffix(line, "\n")
		switch {
		case isPipeRow(body):
			off := pos
			for _, field := range strings.Split(body, "|") {
				if !pipeRule.MatchString(field) {
					cells = appendCell(cells, field, off, -1, lineNo)
				}
				off += utf8.RuneCountInString(field) + 1
			}
		case strings.Contains(body, "\t"):
			off := pos
			for _, field := range strings.Split(body, "\t") {
				cells = appendValues(cells, field, off, lineNo)
				off += utf8.RuneCountInString(field) + 1
			}
		case strings.Contains(strings.TrimSpace(body), "  "):
			for _, f := range layoutFields(body, autospace) {
				cells = appendCell(cells, f.text, pos+f.start, pos+f.end, lineNo)
			}
		default:
			// Where the line's text ends, from its rune count: a prose
			// line is not counted again.
			trailing := utf8.RuneCountInString(body[len(strings.TrimRightFunc(body, unicode.IsSpace)):])
			cells = appendCell(cells, body, pos, pos+n-(len(line)-len(body))-trailing, lineNo)
		}
	}
	return cells
}

// A pipe table's row (Markdown, text tools): | 指标 | 2020年 | 2025年 |.
// Its rule line |---|:--:| gives no cells.
var pipeRule = regexp.MustCompile(`^\s*:?-{3,}:?\s*$`)

func isPipeRow(line string) bool {
	t := strings.TrimSpace(line)
	return strings.HasPrefix(t, "|") && strings.HasSuffix(t, "|") && strings.Count(t, "|") >= 3
}

// appendValues adds a tab-separated field as a cell, or as several when
// it is values separated by spaces ("41—43 45": a PDF's narrow cells
// closer than the gap that makes a tab).
func appendValues(cells []cell, field string, off, line int) []cell {
	if words := headerWords(strings.TrimSpace(field)); len(words) > 1 {
		lead := utf8.RuneCountInString(field) - utf8.RuneCountInString(strings.TrimLeft(field, " \u00a0\u3000"))
		at := off + lead
		for _, w := range words {
			n := utf8.RuneCountInString(w)
			cells = appendCell(cells, w, at, at+n, line)
			at += n
		}
		return cells
	}
	// A comparison sign drawn apart from its number (≤ 5) is one cell.
	if n := len(cells); n > 0 && cells[n-1].line == line && isComparisonSign(cells[n-1].text) {
		if t := strings.TrimSpace(field); t != "" && t[0] >= '0' && t[0] <= '9' {
			cells[n-1].text += t
			cells[n-1].end = off + utf8.RuneCountInString(strings.TrimRight(field, " "))
			return cells
		}
	}
	words := layoutFields(field, false)
	if len(words) < 2 {
		return appendCell(cells, field, off, -1, line)
	}
	for _, w := range words {
		if !isValueCell(w.text) {
			return appendCell(cells, field, off, -1, line)
		}
	}
	for _, w := range words {
		cells = appendCell(cells, w.text, off+w.start, off+w.end, line)
	}
	return cells
}

// appendCell adds field, found at rune offset off, as a cell when it
// holds more than spaces. end, when not -1, is where the field ends in the
// text (a field joined from words is shorter than its span).
func appendCell(cells []cell, field string, off, end, line int) []cell {
	t := strings.TrimSpace(field)
	if t == "" {
		return cells
	}
	// The runes before t: only the leading spaces are counted, not the
	// whole field (every prose line is a field).
	lead := utf8.RuneCountInString(field[:len(field)-len(strings.TrimLeft(field, " \u00a0\u3000"))])
	if end < 0 {
		end = off + lead + utf8.RuneCountInString(t)
	}
	return append(cells, cell{text: t, start: off + lead, end: end, line: line})
}

type field struct {
	text       string
	start, end int // rune offsets in the line
}

// isAutospaced says whether text has, at least twice, the space some
// converters (LibreOffice, then pdftotext) put between Chinese and Latin
// text: "到 2025 年". A literal search: a regexp led by \d tried every
// byte of the document.
func isAutospaced(text string) bool {
	seen := 0
	for off := 0; ; {
		i := strings.Index(text[off:], " 年")
		if i < 0 {
			return false
		}
		i += off
		off = i + len(" 年")
		if i > 0 && text[i-1] >= '0' && text[i-1] <= '9' {
			if seen++; seen == 2 {
				return true
			}
		}
	}
}

// layoutFields splits a line of pdftotext -layout text into cells. Words
// are separated by spaces; a single space joins two words back into one
// cell when it is the spacing a converter puts inside a cell: before
// 以上/以下/左右/以内, before a 年 that follows a number (2020 年), after 较,
// in 预期 性, and, in autospaced text, between Chinese and Latin text
// (5 岁以下, /10 万) unless a value follows (微克/立方米 38).
func layoutFields(line string, autospace bool) []field {
	var words []field
	runes := []rune(line)
	for i := 0; i < len(runes); {
		if unicode.IsSpace(runes[i]) {
			i++
			continue
		}
		j := i
		for j < len(runes) && !unicode.IsSpace(runes[j]) {
			j++
		}
		words = append(words, field{text: string(runes[i:j]), start: i, end: j})
		i = j
	}
	var out []field
	for _, w := range words {
		if len(out) > 0 {
			prev := &out[len(out)-1]
			if w.start-prev.end == 1 && joinsLayoutWord(prev.text, w.text, autospace) {
				prev.text += w.text
				prev.end = w.end
				continue
			}
		}
		out = append(out, w)
	}
	return out
}

func joinsLayoutWord(prev, next string, autospace bool) bool {
	last, _ := utf8.DecodeLastRuneInString(prev)
	first, _ := utf8.DecodeRuneInString(next)
	switch {
	case strings.HasPrefix(next, "以上"), strings.HasPrefix(next, "以下"), strings.HasPrefix(next, "左右"), strings.HasPrefix(next, "以内"):
		return true
	case strings.HasPrefix(next, "年") && unicode.IsDigit(last):
		return true
	case strings.HasSuffix(prev, "较"), next == "性" && (prev == "预期" || prev == "约束" || prev == "控制"):
		return true
	case isValueCell(next) || isUnitCell(next):
		return false
	case autospace:
		return last < utf8.RuneSelf && unicode.Is(unicode.Han, first) || unicode.Is(unicode.Han, last) && first < utf8.RuneSelf
	}
	return false
}

// maxCellRunes: a longer cell is prose, which ends a table.
const maxCellRunes = 40

// maxTableLines bounds one table read line by line (the longest plan
// tables have a few hundred rows), so that a flattened text of short lines
// costs linear time.
const maxTableLines = 5000

// maxFragmentLines: more lines than this without a row end a table (a
// wrapped cell spans a few lines, a page break a few more).
const maxFragmentLines = 8

// findTables finds indicator tables in the body view text. docYear (the
// document's year, 0 if unknown) tells baseline columns from target ones
// when the header gives only years.
func findTables(v *textview.View, docYear int) []table {
	cells := tableCells(v)
	var tables []table
	for i := 0; i < len(cells); i++ {
		cols, n := readHeader(cells[i:], docYear)
		if n == 0 {
			continue
		}
		var t table
		var used int
		if cells[i].line == cells[i+n-1].line {
			cols, n = wrappedYears(cells, i, n, cols)
			t, used = readLineRows(cells[i+n:], assignYears(cols, docYear))
		} else {
			t, used = readRows(cells[i+n:], assignYears(cols, docYear))
		}
		if len(t.rows) > 0 {
			t.start = cells[i].start
			tables = append(tables, t)
			i += n + used - 1
		} else {
			i += n - 1 // no header starts inside this one
		}
	}
	return tables
}

// readHeader recognises a header row at cells[0:]: consecutive header
// cells with a name column and at least one value column.
func readHeader(cells []cell, docYear int) ([]column, int) {
	var cols []column
	n := 0
	for ; n < len(cells) && n < 14; n++ {
		// A header on one line ends with its line.
		if n > 0 && cells[n].line != cells[n-1].line && cells[0].line == cells[n-1].line && n >= 3 {
			break
		}
		c, ok := headerColumn(cells[n].text)
		if !ok {
			break
		}
		// A bare year (2025) names a column only inside a header line: on
		// a line of its own it is a wrapped header's piece, or a number.
		if c.year > 0 && len(cells[n].text) == 4 && (n == 0 || cells[n].line != cells[n-1].line) {
			break
		}
		cols = append(cols, c)
	}
	if !headerComplete(cols) || n < 3 {
		return nil, 0
	}
	return cols, n
}

func headerComplete(cols []column) bool {
	hasName, hasValue := false, false
	for _, c := range cols {
		switch c.role {
		case "name":
			hasName = true
		case "value", "target", "baseline":
			hasValue = true
		}
	}
	return hasName && hasValue
}

// assignYears settles columns headed by a year alone: a year after the
// document's is a target, others a baseline; with no document year, the
// last year column is the target.
func assignYears(cols []column, docYear int) []column {
	last, explicitTarget := -1, false
	for i, c := range cols {
		switch c.role {
		case "value":
			last = i
		case "target":
			explicitTarget = true
		}
	}
	if explicitTarget {
		last = -1 // 2020年 beside 2025年目标 is the baseline
	}
	for i := range cols {
		if cols[i].role != "value" {
			continue
		}
		switch {
		case docYear > 0 && cols[i].year > docYear && !explicitTarget:
			cols[i].role = "target"
		case docYear > 0 || explicitTarget:
			cols[i].role = "baseline"
		case i == last:
			cols[i].role = "target"
		default:
			cols[i].role = "baseline"
		}
	}
	return cols
}

// wrappedYears completes a one-line header whose narrow year cell wrapped:
// "2025" on the line above it and "年" on the line below. Year columns
// run in time order, so the stray year goes between its neighbours. The
// header then also spans the line below.
func wrappedYears(cells []cell, i, n int, cols []column) ([]column, int) {
	var years []int
	for k := i - 1; k >= 0 && cells[k].line == cells[i].line-1; k-- {
		if len(cells[k].text) != 4 {
			return cols, n
		}
		y, err := strconv.Atoi(cells[k].text)
		if err != nil || y < 1949 || y > 2100 {
			return cols, n
		}
		years = append(years, y)
	}
	if len(years) == 0 {
		return cols, n
	}
	for _, y := range years {
		at := len(cols)
		for k, c := range cols {
			if c.year > y {
				at = k
				break
			}
		}
		for at > 0 && at == len(cols) && cols[at-1].role == "attribute" {
			at--
		}
		cols = append(cols[:at], append([]column{{role: "value", year: y}}, cols[at:]...)...)
	}
	// Skip the 年 fragments below.
	next := i + n
	below := cells[i+n-1].line + 1
	for next < len(cells) && cells[next].line == below && headerTail.MatchString(cells[next].text) {
		next++
	}
	return cols, next - i
}

// columnSet is what a header says about its table.
type columnSet struct {
	cols                               []column
	values                             []column // the baseline and target columns, in order
	hasGroup, hasAttr, hasUnit, hasSeq bool
}

func newColumnSet(cols []column) columnSet {
	cs := columnSet{cols: cols}
	for _, c := range cols {
		switch c.role {
		case "seq":
			cs.hasSeq = true
		case "group":
			cs.hasGroup = true
		case "attribute":
			cs.hasAttr = true
		case "unit":
			cs.hasUnit = true
		case "target", "baseline":
			cs.values = append(cs.values, c)
		}
	}
	return cs
}

// readRows reads one-cell-per-line rows after a header until a cell
// cannot belong to the table. It returns the table and the number of
// cells used.
func readRows(cells []cell, cols []column) (table, int) {
	var t table
	cs := newColumnSet(cols)
	attrs := loadVocab().attributes
	group := ""
	i := 0
	for i < len(cells) {
		// A row number (序号 column) opens the row.
		if cs.hasSeq && seqCell.MatchString(cells[i].text) {
			i++
			if i == len(cells) {
				break
			}
		}
		c := cells[i]
		if isProse(c.text) || isValueCell(c.text) || attrs[c.text] {
			break
		}
		j := i + 1
		// Two text cells in a row: the first opens a group, unless the
		// second is the unit of a unit column.
		if cs.hasGroup && j < len(cells) && !isValueCell(cells[j].text) && !attrs[cells[j].text] && !isProse(cells[j].text) &&
			!(cs.hasUnit && isUnitCell(cells[j].text)) {
			group = c.text
			c = cells[j]
			j++
		}
		row := tableRow{group: group, name: c, cols: cs.values, start: c.start, end: c.end}
		if cs.hasUnit && j < len(cells) && !isValueCell(cells[j].text) && isUnitCell(cells[j].text) {
			row.unit = cells[j].text
			j++
		}
		for k := 0; k < len(cs.values) && j < len(cells) && isValueCell(cells[j].text); k++ {
			row.values = append(row.values, cells[j])
			row.end = cells[j].end
			j++
		}
		if len(row.values) == 0 {
			break
		}
		if cs.hasAttr && j < len(cells) && attrs[cells[j].text] {
			row.attribute = cells[j].text
			row.end = cells[j].end
			j++
		}
		t.rows = append(t.rows, row)
		t.end = row.end
		i = j
	}
	return t, i
}

func isProse(text string) bool { return utf8.RuneCountInString(text) > maxCellRunes }

// isUnitCell says whether a cell of a unit column holds a unit: %, ‰,
// /10万, 微克/立方米, a measure word of dict/units.txt (with 万, 亿 …).
func isUnitCell(t string) bool {
	if isUnitWord(t) || placeholder.MatchString(t) {
		return true
	}
	n := utf8.RuneCountInString(t)
	return n <= 8 && strings.ContainsAny(t, "/·") && !strings.ContainsAny(t, "0123456789()（）")
}

// tableLine is one line of a table whose rows are lines.
type tableLine struct {
	cells []cell
	first int       // index of its first cell in readLineRows' cells
	row   *tableRow // the row this line holds, or nil for a fragment
}

// readLineRows reads rows of a table whose header stood on one line: one
// row per line. Lines that hold no row (no indicator beside values) are
// fragments: a wrapped cell's other lines, a 领域 cell centred between
// rows, the 性 of a split 预期性. Each joins the row above or below it that
// lacks what it holds, else the nearer one. Page numbers and a repeated
// header (a table continued on the next page) are skipped; a line of prose
// or a note (注：) ends the table.
func readLineRows(cells []cell, cols []column) (table, int) {
	cs := newColumnSet(cols)
	var lines []tableLine
	used, rowLines, fragments := 0, 0, 0
	for used < len(cells) && len(lines) < maxTableLines {
		end := used
		for end < len(cells) && cells[end].line == cells[used].line {
			end++
		}
		lc := cells[used:end]
		if len(lines) > 0 && lc[0].line-lines[len(lines)-1].cells[0].line > 4 {
			break // a gap of blank lines
		}
		if stopsTable(lc, len(cols)) {
			break
		}
		used = end
		if len(lc) == 1 && pageNumber.MatchString(lc[0].text) && !(len(lines) > 0 && lines[len(lines)-1].row == nil) {
			continue
		}
		if hdr, n := readHeader(lc, 0); n == len(lc) && len(hdr) > 0 {
			if rowLines == 0 {
				used -= len(lc)
				break // another table's header: this one has no rows
			}
			continue // the header again, on the next page
		}
		l := tableLine{cells: lc, first: used - len(lc), row: lineRow(lc, cs)}
		if l.row != nil {
			rowLines, fragments = rowLines+1, 0
		} else if fragments++; fragments > maxFragmentLines {
			break // no row for many lines: the table has ended
		}
		lines = append(lines, l)
	}
	// A table ends with its last row; trailing fragments are not its own.
	for len(lines) > 0 && lines[len(lines)-1].row == nil && !isAttrPiece(lines[len(lines)-1].cells) {
		used = lines[len(lines)-1].first
		lines = lines[:len(lines)-1]
	}
	joinFragments(lines, cs)
	var t table
	group := ""
	for _, l := range lines {
		if l.row == nil {
			continue
		}
		r := *l.row
		if r.group != "" {
			group = r.group
		}
		r.group = group
		if r.name.text == "" || (len(r.values) == 0 && r.attribute == "") {
			continue
		}
		t.rows = append(t.rows, r)
		t.end = max(t.end, r.end)
	}
	return t, used
}

// stopsTable: prose, a note, or more cells than the table has columns.
func stopsTable(lc []cell, ncols int) bool {
	if strings.HasPrefix(lc[0].text, "注") || strings.HasPrefix(lc[0].text, "备注") || strings.HasPrefix(lc[0].text, "资料来源") {
		return true
	}
	if len(lc) > ncols+1 {
		return true
	}
	for _, c := range lc {
		if isProse(c.text) {
			return true
		}
	}
	return false
}

// lineRow reads a line as a row: [序号] [领域] 指标 [单位] values… [属性].
// It returns nil when the line holds no values and no attribute (a
// fragment). A row line may lack its indicator when that cell wrapped
// around it; joinFragments fills it in.
func lineRow(lc []cell, cs columnSet) *tableRow {
	attrs := loadVocab().attributes
	i := 0
	if cs.hasSeq && i < len(lc) && seqCell.MatchString(lc[i].text) && len(lc) > 1 {
		i++
	}
	var texts []cell
	for i < len(lc) && !isValueCell(lc[i].text) && !attrs[lc[i].text] {
		texts = append(texts, lc[i])
		i++
	}
	var values []cell
	for i < len(lc) && len(values) < len(cs.values) && isValueCell(lc[i].text) {
		values = append(values, lc[i])
		i++
	}
	// A value split at a converter's gap: "85" "以上".
	for i < len(lc) && len(values) > 0 && isValueSuffix(lc[i].text) {
		last := &values[len(values)-1]
		last.text += lc[i].text
		last.end = lc[i].end
		i++
	}
	for i < len(lc) && len(values) < len(cs.values) && isValueCell(lc[i].text) {
		values = append(values, lc[i])
		i++
	}
	attribute := ""
	if i < len(lc) && attrs[lc[i].text] {
		attribute = lc[i].text
		i++
	} else if i < len(lc) && isAttrPrefix(lc[i].text) {
		attribute = lc[i].text // 预期 with its 性 on another line
		i++
	}
	if len(values) == 0 && attribute == "" {
		return nil
	}
	if len(texts) == 0 && (len(values) == 0 || attribute == "" && len(values) < len(cs.values)) {
		return nil // a piece of a wrapped value cell
	}
	row := &tableRow{cols: cs.values, values: values, attribute: attribute, start: lc[0].start, end: lc[len(lc)-1].end}
	switch {
	case len(texts) >= 3:
		row.group, row.name, row.unit = texts[0].text, texts[1], texts[2].text
	case len(texts) == 2 && cs.hasUnit && isUnitCell(texts[1].text):
		row.name, row.unit = texts[0], texts[1].text
	case len(texts) == 2:
		row.group, row.name = texts[0].text, texts[1]
	case len(texts) == 1 && cs.hasUnit && isUnitCell(texts[0].text) && !cs.hasGroup:
		row.unit = texts[0].text
	case len(texts) == 1 && cs.hasUnit && isUnitCell(texts[0].text) && utf8.RuneCountInString(texts[0].text) <= 2:
		row.unit = texts[0].text
	case len(texts) == 1:
		row.name = texts[0]
	}
	if row.name.text != "" {
		row.start = row.name.start
	}
	return row
}

// joinFragments gives each fragment line to the row above or below it.
// A fragment's attribute piece (性) completes a split attribute; its value
// pieces (较2020年下降 / 25%) make the value its row lacks; its text
// makes the indicator of a row that has none (a wrapped indicator), and
// is otherwise a 领域 cell standing between rows.
func joinFragments(lines []tableLine, cs columnSet) {
	// The nearest row line below each line, found in one pass.
	rowBelow := make([]int, len(lines))
	next := -1
	for k := len(lines) - 1; k >= 0; k-- {
		rowBelow[k] = next
		if lines[k].row != nil {
			next = k
		}
	}
	above := -1
	for k := range lines {
		if lines[k].row != nil {
			above = k
			continue
		}
		below := rowBelow[k]
		frag := lines[k].cells
		needs := func(r int) bool {
			if r < 0 {
				return false
			}
			row := lines[r].row
			switch {
			case isAttrPiece(frag):
				return isAttrPrefix(row.attribute)
			case fragmentIsValue(frag):
				return len(row.values) < len(cs.values) || pendingPiece(row)
			default:
				return row.name.text == "" || row.name.start > frag[0].start && r == below && !fragmentIsGroup(frag, cs)
			}
		}
		target := -1
		switch {
		case needs(above) && !needs(below):
			target = above
		case needs(below) && !needs(above):
			target = below
		case needs(above) && needs(below):
			target = above
			if below-k < k-above {
				target = below
			}
		}
		if target < 0 {
			if !fragmentIsValue(frag) && !isAttrPiece(frag) && cs.hasGroup && below >= 0 && lines[below].row.group == "" {
				lines[below].row.group = joinText(frag)
			}
			continue
		}
		row := lines[target].row
		text := joinText(frag)
		switch {
		case isAttrPiece(frag):
			row.attribute += text
		case fragmentIsValue(frag):
			addValuePiece(row, frag, target > k)
		default:
			if target > k {
				row.name = cell{text: text + row.name.text, start: frag[0].start, end: max(row.name.end, frag[len(frag)-1].end), line: frag[0].line}
			} else {
				if row.name.text == "" {
					row.name.start = frag[0].start
				}
				row.name = cell{text: row.name.text + text, start: row.name.start, end: frag[len(frag)-1].end, line: row.name.line}
			}
		}
		row.start = min(row.start, frag[0].start)
		row.end = max(row.end, frag[len(frag)-1].end)
	}
}

// addValuePiece adds a piece of a wrapped value cell to the row: a piece
// above opens the row's missing value, a piece below ends it.
func addValuePiece(row *tableRow, frag []cell, above bool) {
	text := joinText(frag)
	n := len(row.values)
	if above || !pendingPiece(row) {
		row.values = append(row.values, cell{text: text, start: frag[0].start, end: frag[len(frag)-1].end, line: frag[0].line})
		return
	}
	last := &row.values[n-1]
	last.text += text
	last.end = frag[len(frag)-1].end
}

// pendingPiece: the row's last value is an opening piece (较2020年下降)
// waiting for its number.
func pendingPiece(row *tableRow) bool {
	n := len(row.values)
	return n > 0 && !cellNumber.MatchString(yearPhrase.ReplaceAllString(strings.Join(strings.Fields(row.values[n-1].text), ""), ""))
}

func joinText(frag []cell) string {
	var b strings.Builder
	for _, c := range frag {
		b.WriteString(c.text)
	}
	return b.String()
}

func fragmentIsValue(frag []cell) bool {
	for _, c := range frag {
		t := c.text
		if !(isValueCell(t) || strings.HasPrefix(t, "较") || isValueSuffix(t)) {
			return false
		}
	}
	return true
}

// fragmentIsGroup: a lone short text between rows, as a merged 领域 cell
// centred on its rows leaves it.
func fragmentIsGroup(frag []cell, cs columnSet) bool {
	return cs.hasGroup && len(frag) == 1 && utf8.RuneCountInString(frag[0].text) <= 6
}

func isAttrPiece(frag []cell) bool {
	return len(frag) == 1 && frag[0].text == "性"
}

func isAttrPrefix(t string) bool { return t == "预期" || t == "约束" || t == "控制" }

func isValueSuffix(t string) bool {
	switch t {
	case "以上", "以下", "左右", "以内":
		return true
	}
	return false
}

// A value cell: a number with what tables write around it. The number
// may be a range (5—8), bracketed as a cumulative total ([90]), follow a
// comparison with a year (较2020年下降13.5%) or carry a unit and a bound
// (6人（含）以下, 85%以上); a footnote mark may follow (95*, 30①).
var (
	footnote  = regexp.MustCompile(`[*＊※①-⑳]+$`)
	bracketed = regexp.MustCompile(`^[\[［【〔](.+)[\]］】〕]$`)
	// 较2020年 / 较“十二五” / 比2015年: the comparison's base, not the value.
	yearPhrase  = regexp.MustCompile(`^(较|比|与)?(\d{4}年|[“"]?[十]?[一二三四五六七八九十]+五[”"]?(时期|末)?)(末|底)?`)
	valuePrefix = regexp.MustCompile(`^(≥|≤|>=|<=|>|<|＞|＜|≧|≦|约|大于|小于|不低于|不高于|不超过|不少于|超过|突破|达到|高于|低于|累计|年均|下降|减少|降低|提高|增长|增加|上升|提升|控制在)*`)
	valueCore   = regexp.MustCompile(`^([-+]?\d+(?:\.\d+)?)(?:\s*[-—–~～至到]\s*(\d+(?:\.\d+)?))?`)
	valueTail   = regexp.MustCompile(`^(%|％|‰|[^\d\s（(以左]{0,4}?)?\s*(?:（含）|\(含\))?\s*(以上|以下|左右|以内|及以上|及以下)?$`)
	zeroCell    = regexp.MustCompile(`^.{0,10}?(零发生|零事故|零死亡|零增长|为零|零)$`)
)

// isValueCell says whether a cell can stand in a value column.
func isValueCell(t string) bool {
	if placeholder.MatchString(t) || loadVocab().headerRoles[t] == "novalue" {
		return true
	}
	_, ok := parseValueCell(t)
	return ok
}

// cellValue is a value cell read.
type cellValue struct {
	value, max float64
	isRange    bool
	comparator string
	unit       string // a unit written in the cell (%, 人)
	cumulative bool   // [90]: a total over the period (注：[ ]内为累计数)
}

// parseValueCell reads a value cell: "≥95", "≤11", "77.30", "95%以上",
// "5—8", "[90]", "较2020年下降13.5%", "6人（含）以下", "“十三五”时期零发生".
func parseValueCell(s string) (cellValue, bool) {
	var v cellValue
	// A value has an ASCII digit (valueCore's \d) or is a zero (zeroCell's
	// 零): most cells, prose lines among them, are turned away here.
	if strings.IndexAny(s, "0123456789") < 0 && !strings.ContainsRune(s, '零') {
		return v, false
	}
	// Spaces inside a value are a converter's (较 2020 年下降 25%).
	s = strings.Join(strings.Fields(s), "")
	if last, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune("*＊※", last) || last >= '①' && last <= '⑳' {
		s = footnote.ReplaceAllString(s, "")
	}
	if first, _ := utf8.DecodeRuneInString(s); strings.ContainsRune("[［【〔", first) {
		if m := bracketed.FindStringSubmatch(s); m != nil {
			s, v.cumulative = strings.TrimSpace(m[1]), true
		}
	}
	if utf8.RuneCountInString(s) > 20 || s == "" {
		return v, false
	}
	if zeroCell.MatchString(s) && !strings.ContainsAny(s, "0123456789") {
		v.comparator = "="
		return v, true
	}
	rest := yearPhrase.ReplaceAllString(s, "")
	prefix := valuePrefix.FindString(rest)
	rest = strings.TrimSpace(rest[len(prefix):])
	m := valueCore.FindStringSubmatch(rest)
	if m == nil {
		return v, false
	}
	core := m[0]
	tail := valueTail.FindStringSubmatch(strings.TrimSpace(rest[len(core):]))
	if tail == nil {
		return v, false
	}
	v.value, _ = strconv.ParseFloat(m[1], 64)
	if m[2] != "" {
		v.max, _ = strconv.ParseFloat(m[2], 64)
		v.isRange = v.max > v.value
	}
	v.unit = strings.TrimSpace(tail[1])
	if v.unit == "％" {
		v.unit = "%"
	}
	if v.unit != "" && v.unit != "%" && v.unit != "‰" && !isUnitWord(v.unit) {
		return v, false
	}
	v.comparator = "="
	switch {
	case v.isRange:
		v.comparator = "range"
	case strings.ContainsAny(prefix, "≥>＞≧") || strings.Contains(prefix, "不低于") || strings.Contains(prefix, "不少于") ||
		strings.Contains(prefix, "大于") || strings.Contains(prefix, "超过") || strings.Contains(prefix, "突破") || strings.Contains(prefix, "高于") ||
		strings.HasSuffix(tail[2], "以上"):
		v.comparator = ">="
	case strings.ContainsAny(prefix, "≤<＜≦") || strings.Contains(prefix, "不高于") || strings.Contains(prefix, "不超过") ||
		strings.Contains(prefix, "小于") || strings.Contains(prefix, "低于") || strings.Contains(prefix, "控制在") ||
		strings.HasSuffix(tail[2], "以下") || tail[2] == "以内":
		v.comparator = "<="
	case strings.Contains(prefix, "约") || tail[2] == "左右":
		v.comparator = "~"
	}
	return v, true
}

// tableTargets makes the targets of indicator table rows: one per target
// column holding a value, with the row's baseline. It also returns notes
// for the document's warnings: which values are cumulative totals.
func (x *extractor) tableTargets(tables []table) ([]record.Target, []string) {
	out := []record.Target{}
	var notes []string
	for _, tb := range tables {
		for _, row := range tb.rows {
			ts, cumulative := x.rowTargets(row)
			out = append(out, ts...)
			for _, t := range cumulative {
				notes = append(notes, fmt.Sprintf("line %d: %s %s for %d is a cumulative total over the period ([ ] in its table), not a level", t.Line, t.Indicator, strconv.FormatFloat(t.Value, 'f', -1, 64), *t.Year))
			}
		}
	}
	return out, notes
}

var unitSuffix = regexp.MustCompile(`[(（]([^()（）]{1,8})[)）]$`)

// unitSuffixIn is unitSuffix.FindStringSubmatchIndex(s), tried only when
// s ends with a closing bracket.
func unitSuffixIn(s string) []int {
	if !strings.HasSuffix(s, ")") && !strings.HasSuffix(s, "）") {
		return nil
	}
	return unitSuffix.FindStringSubmatchIndex(s)
}

// rowTargets reads one row: its targets and, of those, the cumulative ones.
func (x *extractor) rowTargets(row tableRow) (targets, cumulative []record.Target) {
	name := row.name.text
	unit := row.unit
	if placeholder.MatchString(unit) {
		unit = ""
	}
	indStart, indEnd := row.name.start, row.name.end
	contiguous := runeLen(name) == indEnd-indStart
	if m := unitSuffixIn(name); m != nil && isUnitWord(name[m[2]:m[3]]) {
		if unit == "" {
			unit = name[m[2]:m[3]]
			if contiguous {
				// In the document's own characters: the bracket's content.
				unit = x.foldedQuote(indEnd-1-runeLen(unit), indEnd-1)
			}
		}
		indEnd -= runeLen(name[m[0]:])
		name = name[:m[0]]
	}
	name = footnote.ReplaceAllString(name, "")
	indicator := name
	if contiguous {
		indicator = footnote.ReplaceAllString(x.quote(indStart, indEnd), "")
	}
	base := record.Target{
		// Cloned: the cells are pieces of the document's text, which a
		// record must not keep alive.
		Indicator:    strings.Clone(indicator),
		IndicatorKey: indicatorKey(name),
		Unit:         strings.Clone(unit),
		Kind:         record.KindTarget,
		Attribute:    strings.Clone(row.attribute),
		Section:      x.secs.path(row.name.start),
		Text:         x.quote(row.start, row.end),
		Source:       x.source(row.start, row.end),
	}
	if !loadVocab().attributes[base.Attribute] {
		base.Attribute = ""
	}
	// The baseline: the last baseline column holding a number.
	for i, c := range row.values {
		if i >= len(row.cols) || row.cols[i].role != "baseline" {
			continue
		}
		if v, ok := parseValueCell(c.text); ok && !v.cumulative {
			b := v.value
			base.Baseline = &b
			base.BaselineYear = nil
			if row.cols[i].year > 0 {
				y := row.cols[i].year
				base.BaselineYear = &y
			}
		}
	}
	for i, c := range row.values {
		if i >= len(row.cols) || row.cols[i].role != "target" {
			continue
		}
		v, ok := parseValueCell(c.text)
		if !ok {
			continue
		}
		t := base
		t.Value, t.Comparator = v.value, v.comparator
		if v.isRange {
			m := v.max
			t.ValueMax = &m
		}
		if t.Unit == "" && v.unit != "" {
			t.Unit = v.unit
		}
		if y := row.cols[i].year; y > 0 {
			t.Year = &y
		} else if x.period.End > 0 {
			y := x.period.End
			t.Year = &y
		}
		targets = append(targets, t)
		if v.cumulative && t.Year != nil {
			cumulative = append(cumulative, t)
		}
	}
	return targets, cumulative
}

// isUnitWord says whether a bracketed suffix of an indicator name is its
// unit: %, ‰, /10万, a measure word (岁, 张, 人, 万元 …).
func isUnitWord(s string) bool {
	if s == "%" || s == "％" || s == "‰" || strings.HasPrefix(s, "/") {
		return true
	}
	v := loadVocab()
	for _, u := range v.units {
		if s == u || strings.TrimLeft(s, "万亿千百") == u {
			return true
		}
	}
	return false
}

var cellNumber = regexp.MustCompile(`[-+]?\d+(?:\.\d+)?`)

// tableBaseYear is the year a table's columns are judged against: a
// column of a later year holds targets, others baselines. A plan's base
// year is the one before its period (2020 for 十四五), whatever year the
// text was written; otherwise the document's year.
func (x *extractor) tableBaseYear() int {
	if x.period.Start > 0 {
		return x.period.Start - 1
	}
	return x.docYear
}

func isComparisonSign(t string) bool {
	switch t {
	case "≤", "≥", "<", ">", "＜", "＞", "≦", "≧", "约":
		return true
	}
	return false
}

var yearHeaderPrefix = regexp.MustCompile(`^\d{4}年(末|底)?(目标值?|预期值?|规划值?|现状值?|基期值?)?`)

// headerWords splits a PDF cell that is header words run together because
// the table's cells were drawn closer than a gap (单位2020年2025年) into
// those words; it returns nil when the text is not made of header words.
func headerWords(text string) []string {
	roles := loadVocab().headerRoles
	var words []string
	for text != "" {
		best := yearHeaderPrefix.FindString(text)
		for w, role := range roles {
			if role != "novalue" && len(w) > len(best) && strings.HasPrefix(text, w) {
				best = w
			}
		}
		if best == "" {
			return nil
		}
		words = append(words, best)
		text = text[len(best):]
	}
	return words
}
