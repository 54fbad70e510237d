package words

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter/tw"

	"github.com/cnplan/cnplan/pkg/record"
	"github.com/cnplan/cnplan/pkg/render"
)

// Output formats.
const (
	FormatTable = "table"
	FormatCSV   = "csv"
	FormatJSON  = "json"
)

// Formats lists the output formats.
var Formats = []string{FormatTable, FormatCSV, FormatJSON}

// CountTable is the word counts of one document, or of several pooled.
type CountTable struct {
	Schema string   `json:"schema"`
	File   string   `json:"file,omitempty"`  // the document (per-document tables)
	Files  []string `json:"files,omitempty"` // the documents pooled
	Total  int      `json:"total"`           // words counted
	Words  []Count  `json:"words"`
}

// KeywordTable is the keywords of one document.
type KeywordTable struct {
	Schema   string    `json:"schema"`
	File     string    `json:"file"`
	IDF      string    `json:"idf"` // corpus or background
	Keywords []Keyword `json:"keywords"`
}

// WriteOptions say how to write.
type WriteOptions struct {
	Format string
	NoBOM  bool // csv: leave out the byte order mark
}

// NewCountTable fills the table's schema.
func NewCountTable(file string, files []string, total int, counts []Count) CountTable {
	if counts == nil {
		counts = []Count{}
	}
	return CountTable{Schema: record.Schema, File: file, Files: files, Total: total, Words: counts}
}

// NewKeywordTable fills the table's schema.
func NewKeywordTable(file, idf string, kws []Keyword) KeywordTable {
	if kws == nil {
		kws = []Keyword{}
	}
	return KeywordTable{Schema: record.Schema, File: file, IDF: idf, Keywords: kws}
}

// WriteCounts writes count tables: JSON an object for one table and an
// array for several; CSV one row per word with the file first; a terminal
// table per table.
func WriteCounts(w io.Writer, tables []CountTable, opt WriteOptions) error {
	switch opt.Format {
	case FormatJSON:
		return writeJSON(w, tables)
	case FormatCSV:
		rows := [][]string{{"file", "word", "pos", "count", "docs", "share"}}
		for _, t := range tables {
			file := t.File
			if file == "" {
				file = strings.Join(t.Files, ";")
			}
			for _, c := range t.Words {
				rows = append(rows, []string{file, c.Word, c.Pos, strconv.Itoa(c.Count), strconv.Itoa(c.Docs), formatFloat(c.Share)})
			}
		}
		return writeCSV(w, rows, opt.NoBOM)
	case FormatTable:
		var b strings.Builder
		for i, t := range tables {
			if i > 0 {
				b.WriteByte('\n')
			}
			if t.File != "" || len(t.Files) == 1 {
				fmt.Fprintf(&b, "[words]  %s  (%d words counted)\n", t.File+strings.Join(t.Files, ""), t.Total)
			} else {
				fmt.Fprintf(&b, "[words]  %d documents pooled  (%d words counted)\n", len(t.Files), t.Total)
			}
			rows := make([][]string, 0, len(t.Words))
			for i, c := range t.Words {
				rows = append(rows, []string{strconv.Itoa(i + 1), c.Word, c.Pos, strconv.Itoa(c.Count), strconv.Itoa(c.Docs), formatFloat(c.Share)})
			}
			align := []tw.Align{tw.AlignRight, tw.AlignLeft, tw.AlignLeft, tw.AlignRight, tw.AlignRight, tw.AlignRight}
			if err := render.Table(&b, []string{"#", "word", "pos", "count", "docs", "per 1000"}, rows, align); err != nil {
				return err
			}
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
	return fmt.Errorf("unknown format %q", opt.Format)
}

// WriteKeywords writes keyword tables, as WriteCounts does.
func WriteKeywords(w io.Writer, tables []KeywordTable, opt WriteOptions) error {
	switch opt.Format {
	case FormatJSON:
		return writeJSON(w, tables)
	case FormatCSV:
		rows := [][]string{{"file", "rank", "word", "pos", "count", "tf", "idf", "score"}}
		for _, t := range tables {
			for i, k := range t.Keywords {
				rows = append(rows, []string{t.File, strconv.Itoa(i + 1), k.Word, k.Pos, strconv.Itoa(k.Count),
					formatFloat(k.TF), formatFloat(k.IDF), formatFloat(k.Score)})
			}
		}
		return writeCSV(w, rows, opt.NoBOM)
	case FormatTable:
		var b strings.Builder
		for i, t := range tables {
			if i > 0 {
				b.WriteByte('\n')
			}
			fmt.Fprintf(&b, "[keywords]  %s  (TF-IDF, IDF from the %s)\n", t.File, idfName(t.IDF))
			rows := make([][]string, 0, len(t.Keywords))
			for i, k := range t.Keywords {
				rows = append(rows, []string{strconv.Itoa(i + 1), k.Word, k.Pos, strconv.Itoa(k.Count), formatFloat(k.IDF), formatFloat(k.Score)})
			}
			align := []tw.Align{tw.AlignRight, tw.AlignLeft, tw.AlignLeft, tw.AlignRight, tw.AlignRight, tw.AlignRight}
			if err := render.Table(&b, []string{"#", "word", "pos", "count", "idf", "score"}, rows, align); err != nil {
				return err
			}
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
	return fmt.Errorf("unknown format %q", opt.Format)
}

func idfName(idf string) string {
	if idf == IDFCorpus {
		return "documents given"
	}
	return "background table (jieba's idf.txt)"
}

// The IDF sources a KeywordTable names.
const (
	IDFCorpus     = "corpus"
	IDFBackground = "background"
)

func writeJSON[T any](w io.Writer, tables []T) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if len(tables) == 1 {
		return enc.Encode(tables[0])
	}
	if tables == nil {
		tables = []T{}
	}
	return enc.Encode(tables)
}

func writeCSV(w io.Writer, rows [][]string, noBOM bool) error {
	cw, err := render.NewCSVWriter(w, noBOM)
	if err != nil {
		return err
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
