package batch

import (
	"bufio"
	"bytes"
	"io"
	"iter"
)

// Lines reads r a line at a time, for --stdin-jsonl: each line without
// its "\n" or "\r\n", numbered from 1. A line may be as long as memory
// allows (one document, however large, is one line). A last line without
// a line ending is still a line. When reading fails, iteration ends and
// *err holds the error.
func Lines(r io.Reader, err *error) iter.Seq[Line] {
	return func(yield func(Line) bool) {
		br := bufio.NewReaderSize(r, 1<<16)
		for n := 1; ; n++ {
			data, rerr := br.ReadBytes('\n')
			if len(data) > 0 {
				data = bytes.TrimSuffix(data, []byte("\n"))
				data = bytes.TrimSuffix(data, []byte("\r"))
				if !yield(Line{N: n, Data: data}) {
					return
				}
			}
			if rerr != nil {
				if rerr != io.EOF {
					*err = rerr
				}
				return
			}
		}
	}
}
