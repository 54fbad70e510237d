package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// An indicator table (主要指标) arrives in one of three shapes: one cell per
// line (web pages copied to text: 001), a row per line with tab-separated
// cells (DOCX, HTML). Both are read as one stream of cells; row boundaries
// follow from the header's columns, because a group cell (领域) appears
// only on the first row of its group.

type cell struct {
	text       string
	start, end int // rune span in the body view
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
	end       int // rune end of the row's last cell
}

type table struct {
	start, end int // span of the whole table in the view
	rows       []tableRow
}

var (
	yearHeader  = regexp.MustCompile(`^(\d{4})年?(末|底)?(目标值?|预期值?|现状值?|基期值?|基数)?$`)
	valueCell   = regexp.MustCompile(`^(≥|≤|>=|<=|>|<|约|大于|小于|不低于|不高于|不超过|不少于)?\s*[-+]?\d+(\.\d+)?\s*(%|‰)?(以上|以下|左右)?$`)
	placeholder = regexp.MustCompile(`^[-—–/─]{1,3}$`)
	seqCell     = regexp.MustCompile(`^\d{1,3}\.?$`)
)

// headerColumn says what a header cell names, or ok=false.
func headerColumn(text string) (column, bool) {
	if role, ok := loadVocab().headerRoles[text]; ok {
		return column{role: role}, true
	}
	if m := yearHeader.FindStringSubmatch(text); m != nil {
		y, _ := strconv.Atoi(m[1])
		role := "value"
		switch {
		case strings.HasPrefix(m[3], "目标") || strings.HasPrefix(m[3], "预期"):
			role = "target"
		case m[3] != "":
			role = "baseline"
		}
		return column{role: role, year: y}, true
	}
	return column{}, false
}

// tableCells lists the body's non-empty lines as cells, a tab-separated
// line giving one cell per field, with the index of each line's first cell.
func tableCells(text string) []cell {
	var cells []cell
	pos := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		n := utf8.RuneCountInString(line)
		off := pos
		for _, field := range strings.Split(strings.TrimSuffix(line, "\n"), "\t") {
			fl := utf8.RuneCountInString(field)
			t := strings.TrimSpace(field)
			if t != "" {
				lead := utf8.RuneCountInString(field) - utf8.RuneCountInString(strings.TrimLeft(field, " \u00a0\u3000"))
				cells = append(cells, cell{text: t, start: off + lead, end: off + lead + utf8.RuneCountInString(t)})
			}
			off += fl + 1
		}
		pos += n
	}
	return cells
}

// maxCellRunes: a longer cell is prose, which ends a table.
const maxCellRunes = 40

// findTables finds indicator tables in the body view text. docYear (the
// document's year, 0 if unknown) tells baseline columns from target ones
// when the header gives only years.
func findTables(text string, docYear int) []table {
	cells := tableCells(text)
	var tables []table
	for i := 0; i < len(cells); i++ {
		cols, n := readHeader(cells[i:], docYear)
		if n == 0 {
			continue
		}
		t, used := readRows(cells[i+n:], cols)
		if len(t.rows) > 0 {
			t.start = cells[i].start
			tables = append(tables, t)
			i += n + used - 1
		}
	}
	return tables
}

// readHeader recognises a header row at cells[0:]: consecutive header
// cells with a name column and at least one value column.
func readHeader(cells []cell, docYear int) ([]column, int) {
	var cols []column
	hasName, hasValue := false, false
	n := 0
	for ; n < len(cells) && n < 12; n++ {
		c, ok := headerColumn(cells[n].text)
		if !ok {
			break
		}
		switch c.role {
		case "name":
			hasName = true
		case "value", "target", "baseline":
			hasValue = true
		}
		cols = append(cols, c)
	}
	if !hasName || !hasValue || n < 3 {
		return nil, 0
	}
	// Years alone: a year after the document's is a target, others a
	// baseline; with no document year, the last year column is the target.
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
	return cols, n
}

func isValueCell(t string) bool { return valueCell.MatchString(t) || placeholder.MatchString(t) }

// readRows reads rows after a header until a cell cannot belong to the
// table. It returns the table and the number of cells used.
func readRows(cells []cell, cols []column) (table, int) {
	var t table
	var valueCols []column
	attrs := loadVocab().attributes
	hasGroup, hasAttr, hasUnit, hasSeq := false, false, false, false
	for _, c := range cols {
		switch c.role {
		case "seq":
			hasSeq = true
		case "group":
			hasGroup = true
		case "attribute":
			hasAttr = true
		case "unit":
			hasUnit = true
		case "target", "baseline":
			valueCols = append(valueCols, c)
		}
	}
	group := ""
	i := 0
	for i < len(cells) {
		// A row number (序号 column) opens the row.
		if hasSeq && seqCell.MatchString(cells[i].text) {
			i++
			if i == len(cells) {
				break
			}
		}
		c := cells[i]
		if utf8.RuneCountInString(c.text) > maxCellRunes || isValueCell(c.text) || attrs[c.text] {
			break
		}
		j := i + 1
		// Two text cells in a row: the first opens a group.
		if hasGroup && j < len(cells) && !isValueCell(cells[j].text) && !attrs[cells[j].text] &&
			utf8.RuneCountInString(cells[j].text) <= maxCellRunes {
			group = c.text
			c = cells[j]
			j++
		}
		row := tableRow{group: group, name: c, cols: valueCols, end: c.end}
		if hasUnit && j < len(cells) && !isValueCell(cells[j].text) {
			row.unit = cells[j].text
			j++
		}
		for k := 0; k < len(valueCols) && j < len(cells) && isValueCell(cells[j].text); k++ {
			row.values = append(row.values, cells[j])
			row.end = cells[j].end
			j++
		}
		if len(row.values) == 0 {
			break
		}
		if hasAttr && j < len(cells) && attrs[cells[j].text] {
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
