// Package eval scores an extraction against hand-made gold annotations,
// by the rules in testdata/gold/FORMAT.md: a predicted record matches a
// gold one of its type when its span overlaps the first occurrence of the
// gold quote and it has the same value (targets), date (deadlines) or
// canonical body name (units, each name on its own).
package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cnplan/cnplan/pkg/record"
)

// Gold is one hand-annotated record: one line of a gold .jsonl file.
// Absent numbers are nil: a target without "year" has no year.
type Gold struct {
	Type         string   `json:"type"` // record.TypeTarget, TypeDeadline, TypeUnit
	Kind         string   `json:"kind,omitempty"`
	Indicator    string   `json:"indicator,omitempty"`
	Value        *float64 `json:"value,omitempty"`
	ValueMax     *float64 `json:"value_max,omitempty"`
	Unit         string   `json:"unit,omitempty"`
	Comparator   string   `json:"comparator,omitempty"`
	Year         *int     `json:"year,omitempty"`
	Baseline     *float64 `json:"baseline,omitempty"`
	BaselineYear *int     `json:"baseline_year,omitempty"`
	Attribute    string   `json:"attribute,omitempty"`
	Text         string   `json:"text,omitempty"` // deadline expression
	Date         string   `json:"date,omitempty"`
	Units        []string `json:"units,omitempty"`
	Canonical    []string `json:"canonical,omitempty"`
	Role         string   `json:"role,omitempty"`
	// Quote is an exact substring of the decoded document; the record is
	// at its first occurrence.
	Quote string `json:"quote"`
}

// LoadGold reads one gold file: one JSON object a line, blank lines
// skipped. Unknown fields are an error, so a misspelt key in hand-written
// gold is caught instead of scored as absent.
func LoadGold(path string) ([]Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var gold []Gold
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		var g Gold
		if err := dec.Decode(&g); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if err := g.validate(); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		gold = append(gold, g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return gold, nil
}

func (g Gold) validate() error {
	if g.Quote == "" {
		return fmt.Errorf("no quote")
	}
	switch g.Type {
	case record.TypeTarget:
		if g.Value == nil {
			return fmt.Errorf("target without value")
		}
	case record.TypeDeadline:
		if g.Date == "" {
			return fmt.Errorf("deadline without date")
		}
	case record.TypeUnit:
		if len(g.Canonical) == 0 {
			return fmt.Errorf("unit without canonical names")
		}
		if len(g.Units) > 0 && len(g.Units) != len(g.Canonical) {
			return fmt.Errorf("unit: %d names as written, %d canonical; they must pair up", len(g.Units), len(g.Canonical))
		}
	default:
		return fmt.Errorf("unknown type %q", g.Type)
	}
	return nil
}

// GoldFor returns the gold file for a document, dir/<base name of
// documentFile>.jsonl, and whether it exists.
func GoldFor(dir, documentFile string) (string, bool) {
	path := filepath.Join(dir, filepath.Base(documentFile)+".jsonl")
	fi, err := os.Stat(path)
	return path, err == nil && fi.Mode().IsRegular()
}
