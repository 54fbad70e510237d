package extract

import (
	"context"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cnplan/cnplan/pkg/document"
	"github.com/cnplan/cnplan/pkg/record"
	"github.com/cnplan/cnplan/pkg/textview"
)

// A cancelled budget stops extraction with ErrBudget and the context's
// error; a live one gives what Extract gives.
func TestExtractContext(t *testing.T) {
	d, want := extractCorpus(t, "001")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ExtractContext(ctx, d); !errors.Is(err, ErrBudget) || !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled: %v", err)
	}
	got, err := ExtractContext(context.Background(), d)
	if err != nil || len(got.Targets) != len(want.Targets) || len(got.Units) != len(want.Units) {
		t.Fatalf("%v: %d targets, %d units; want %d, %d", err, len(got.Targets), len(got.Units), len(want.Targets), len(want.Units))
	}
}

// A sentence longer than MaxQuote is quoted as the clause around each
// record; the record's span still points at its figure.
func TestLongSentenceQuotesTheClause(t *testing.T) {
	var b strings.Builder
	for i := range 300 {
		b.WriteString("第")
		b.WriteString(strings.Repeat("一", 1+i%3))
		b.WriteString("项指标覆盖率达到95%,")
	}
	text := b.String() + "到2025年人均预期寿命达到80岁。"
	d, err := document.FromText("long.txt", text, "utf-8", "text", document.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := Extract(d)
	if len(out.Targets) < 300 {
		t.Fatalf("%d targets", len(out.Targets))
	}
	runes := []rune(text)
	for _, tg := range out.Targets {
		n := utf8.RuneCountInString(tg.Text)
		fig := string(runes[tg.Span[0]:tg.Span[1]])
		if n > MaxQuote || !strings.Contains(tg.Text, fig) {
			t.Fatalf("text %q (%d runes) for the figure %q", tg.Text, n, fig)
		}
	}
	if last := out.Targets[len(out.Targets)-1]; last.Text != "到2025年人均预期寿命达到80岁" || last.Value != 80 {
		t.Errorf("last target quotes %q", last.Text)
	}
}

// The sweep in attachUnits gives each target the units of the first task
// that holds it, as the loop over every pair did.
func TestAttachUnitsSweepMatchesPairs(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	text := strings.Repeat("字", 400)
	view := textview.Identity(text)
	x := &extractor{doc: &document.Document{Body: view}}
	for round := range 200 {
		var ts, want []record.Target
		for range rng.IntN(30) {
			s := rng.IntN(400)
			ts = append(ts, record.Target{Source: record.Source{Span: [2]int{s, min(400, s+rng.IntN(20))}}})
		}
		var us []record.Unit
		var tasks []span
		for k := range rng.IntN(12) {
			s := rng.IntN(400)
			us = append(us, record.Unit{Canonical: []string{string(rune('A' + k))}})
			tasks = append(tasks, span{s, min(400, s+rng.IntN(200)-10)})
		}
		want = append(want, ts...)
		for i := range want {
			want[i].Units = nil
			for k, task := range tasks {
				if task.end > task.start && want[i].Span[0] >= task.start && want[i].Span[1] <= task.end {
					want[i].Units = us[k].Canonical
					break
				}
			}
		}
		x.attachUnits(ts, us, tasks)
		for i := range ts {
			if strings.Join(ts[i].Units, ",") != strings.Join(want[i].Units, ",") {
				t.Fatalf("round %d target %v: %v, want %v", round, ts[i].Span, ts[i].Units, want[i].Units)
			}
		}
	}
}
