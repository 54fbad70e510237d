package main

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress shows how far a run over many inputs has got.
type progress interface {
	Add(n int)
	Clear()  // before another line is written to the same stream
	Finish() // the run is over: take the bar away
}

// newProgress returns a bar on w when w is a terminal and the bar is not
// hidden, and otherwise one that shows nothing: never in a pipe, a file or a
// CI log, where it would be noise. total < 0 means unknown (a count, no
// bar). Runs of one input show none either.
func newProgress(w io.Writer, total int, hide bool) progress {
	if hide || total == 0 || total == 1 || !isTerminal(w) {
		return noProgress{}
	}
	return &bar{progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("extract"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("files"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(30),
		// No ticker goroutine for an unknown total: every call comes
		// from the one goroutine that writes the output.
		progressbar.OptionSetSpinnerChangeInterval(0),
	)}
}

// progressVisible says whether a bar on errW can be seen without spoiling
// the output: not when the output goes to standard output and that is the
// same terminal, where the bar's redraws would land between the records.
func progressVisible(errW, outW io.Writer, output string) bool {
	if !isTerminal(errW) {
		return false
	}
	if output != "" && output != "-" {
		return true // the output goes to a file
	}
	return !sameFile(errW, outW)
}

// sameFile says whether two streams are one file or terminal.
func sameFile(a, b io.Writer) bool {
	fa, okA := a.(*os.File)
	fb, okB := b.(*os.File)
	if !okA || !okB {
		return false
	}
	ia, errA := fa.Stat()
	ib, errB := fb.Stat()
	return errA == nil && errB == nil && os.SameFile(ia, ib)
}

// isTerminal is the one place cnplan decides that a stream is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

type bar struct{ b *progressbar.ProgressBar }

func (p *bar) Add(n int) { p.b.Add(n) }
func (p *bar) Clear()    { p.b.Clear() }
func (p *bar) Finish()   { p.b.Exit(); p.b.Clear() }

type noProgress struct{}

func (noProgress) Add(int) {}
func (noProgress) Clear()  {}
func (noProgress) Finish() {}
