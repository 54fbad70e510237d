package batch

import (
	"bufio"
	"bytes"
	"io"
	"iter"

	"github.com/cnplan/cnplan/pkg/input"
)

// Lines reads r a line at a time, for --stdin-jsonl: each line without
// its "\n" or "\r\n", numbered from 1. A line may be up to maxLine bytes
// (≤ 0: input.DefaultMaxSize); a longer one is skipped to its end, never
// held whole, and given as a Line with Err set. A last line without a line
// ending is still a line. When reading fails, iteration ends and *err
// holds the error.
func Lines(r io.Reader, maxLine int64, err *error) iter.Seq[Line] {
	if maxLine <= 0 {
		maxLine = input.DefaultMaxSize
	}
	return func(yield func(Line) bool) {
		br := bufio.NewReaderSize(r, 1<<16)
		for n := 1; ; n++ {
			var data []byte
			var size int64
			var rerr error
			for {
				var chunk []byte
				chunk, rerr = br.ReadSlice('\n')
				size += int64(len(chunk))
				if size <= maxLine+1 { // +1: the line ending
					data = append(data, chunk...)
				} else {
					data = nil
				}
				if rerr != bufio.ErrBufferFull {
					break
				}
			}
			if size > 0 {
				l := Line{N: n, Size: size}
				if size > maxLine+1 || size == maxLine+1 && !bytes.HasSuffix(data, []byte("\n")) {
					l.Err = &input.TooLargeError{Size: -1, Limit: maxLine}
				} else {
					data = bytes.TrimSuffix(data, []byte("\n"))
					l.Data = bytes.TrimSuffix(data, []byte("\r"))
				}
				if !yield(l) {
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
