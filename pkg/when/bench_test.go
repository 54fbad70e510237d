package when

import (
	"testing"

	"github.com/cnplan/cnplan/internal/corpus"
	"github.com/cnplan/cnplan/pkg/meta"
)

// corpusInput is one normalised corpus document with the Context
// pkg/extract would give Find.
type corpusInput struct {
	text string
	rs   []rune
	ctx  Context
}

func corpusInputs(tb testing.TB) (inputs []corpusInput, size int) {
	for _, d := range corpus.All(tb) {
		text := d.Normalised
		m := meta.Extract(text)
		ctx := Context{DocYear: m.Year, PlanStart: m.PeriodStart, PlanEnd: m.PeriodEnd}
		if m.TitleEnd > m.TitleStart {
			ctx.Title = string([]rune(text)[m.TitleStart:m.TitleEnd])
		}
		if ctx.DocYear == 0 {
			ctx.DocYear = DocContext(text).DocYear
		}
		inputs = append(inputs, corpusInput{text: text, rs: []rune(text), ctx: ctx})
		size += len(text)
	}
	return inputs, size
}

// BenchmarkFind runs Find over every corpus document; MB/s is of the
// normalised text's bytes.
func BenchmarkFind(b *testing.B) {
	inputs, size := corpusInputs(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range inputs {
			Find(in.text, in.ctx)
		}
	}
}

// BenchmarkDocContext runs DocContext over every corpus document.
func BenchmarkDocContext(b *testing.B) {
	inputs, size := corpusInputs(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range inputs {
			DocContext(in.text)
		}
	}
}

// BenchmarkFindRunes is Find on runes already decoded, as pkg/extract
// calls it.
func BenchmarkFindRunes(b *testing.B) {
	inputs, size := corpusInputs(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range inputs {
			FindRunes(in.rs, in.ctx)
		}
	}
}
