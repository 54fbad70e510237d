package batch

import (
	"fmt"
	"time"
)

// Summary counts a run's inputs, for the line on standard error.
type Summary struct {
	Noun              string // what an input is called: "file" unless set ("line" for --stdin-jsonl)
	Files, OK, Failed int
	Bytes             int64
	Elapsed           time.Duration
}

// Add counts one result.
func (s *Summary) Add(r Result) {
	s.Files++
	if r.Err != nil {
		s.Failed++
	} else {
		s.OK++
	}
	s.Bytes += r.Bytes
}

// String reads "1200 files, 1198 ok, 2 failed, 183.4 MB in 41.2 s (4.5 MB/s)"
// (MB are 10^6 bytes).
func (s Summary) String() string {
	mb := float64(s.Bytes) / 1e6
	sec := s.Elapsed.Seconds()
	rate := ""
	if sec > 0 {
		rate = fmt.Sprintf(" (%.1f MB/s)", mb/sec)
	}
	return fmt.Sprintf("%d %s, %d ok, %d failed, %.1f MB in %.1f s%s",
		s.Files, plural(s.Files, s.Noun), s.OK, s.Failed, mb, sec, rate)
}

func plural(n int, what string) string {
	if what == "" {
		what = "file"
	}
	if n == 1 {
		return what
	}
	return what + "s"
}
