package main

import (
	"fmt"
	"time"

	"github.com/cnplan/cnplan/pkg/document"
	"github.com/cnplan/cnplan/pkg/input"
)

// readOptions are the flags every reading command shares.
type readOptions struct {
	Encoding string
	KeepAll  bool
	MaxSize  int64         // --max-size
	Timeout  time.Duration // --timeout (extract)
}

func (o readOptions) document() document.Options {
	return document.Options{Encoding: o.Encoding, KeepAll: o.KeepAll, MaxSize: o.MaxSize, Timeout: o.Timeout}
}

// forEachDocument reads every input named by args in order and calls fn
// with each document. A failing input is reported on stderr as one line
// (and to onErr, when given) and the run goes on; the result is
// errInputFailed if any input failed.
func forEachDocument(args []string, s streams, opt readOptions,
	fn func(*document.Document) error, onErr func(path string, err error)) error {
	failed := false
	fail := func(path string, err error) {
		failed = true
		msg := err.Error()
		if _, ok := err.(*document.Error); !ok {
			msg = fmt.Sprintf("%s: %v", path, err)
		}
		fmt.Fprintf(s.Err, "cnplan: %s\n", msg)
		if onErr != nil {
			onErr(path, err)
		}
	}
	for _, it := range input.Expand(args) {
		if it.Err != nil {
			fail(it.Path, it.Err)
			continue
		}
		d, err := document.Read(it.Path, s.In, opt.document())
		if err != nil {
			fail(it.Path, err)
			continue
		}
		if err := fn(d); err != nil {
			fail(it.Path, err)
		}
	}
	if failed {
		return errInputFailed
	}
	return nil
}
