package input

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// DefaultMaxSize is the largest input read unless --max-size says
// otherwise. The longest five-year plans are a few MiB of text; at about
// 3 MB/s a 64 MiB document still extracts in well under a minute, and
// reading one needs under 1 GB of memory.
const DefaultMaxSize int64 = 64 << 20

// TooLargeError is an input past the size limit.
type TooLargeError struct {
	Size  int64 // bytes, or -1 when a stream was cut at Limit
	Limit int64
}

func (e *TooLargeError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("larger than the --max-size limit of %s", FormatSize(e.Limit))
	}
	return fmt.Sprintf("%s, larger than the --max-size limit of %s", FormatSize(e.Size), FormatSize(e.Limit))
}

// ErrNotRegular is an input that is not a regular file: a FIFO, a device
// (/dev/zero, /dev/urandom), a socket. Reading one can block forever or
// never end, so it is refused before it is opened.
type ErrNotRegular struct{ Kind string }

func (e ErrNotRegular) Error() string {
	return "not a regular file (" + e.Kind + "); give a file, a directory or - for standard input"
}

// ReadFile reads the regular file at path, at most limit bytes (limit ≤ 0
// means DefaultMaxSize). A FIFO or device is refused without being opened;
// a file past the limit is refused by its size, and one that grows past it
// while read is cut off and refused.
func ReadFile(path string, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultMaxSize
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := checkRegular(info); err != nil {
		return nil, err
	}
	if info.Size() > limit {
		return nil, &TooLargeError{info.Size(), limit}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Stat again through the handle: the path may have been replaced by
	// a FIFO between the two calls.
	if info, err = f.Stat(); err == nil {
		if err := checkRegular(info); err != nil {
			return nil, err
		}
	}
	return readLimited(f, limit, info.Size())
}

// ReadAll reads r to its end, at most limit bytes (≤ 0: DefaultMaxSize).
func ReadAll(r io.Reader, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultMaxSize
	}
	return readLimited(r, limit, 0)
}

// readLimited reads r to its end into a buffer sized by sizeHint (a
// file's size), growing it only for a stream or a file that grows.
func readLimited(r io.Reader, limit, sizeHint int64) ([]byte, error) {
	buf := make([]byte, 0, min(max(sizeHint, 512), limit)+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grow by append's own steps
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, &TooLargeError{-1, limit}
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

func checkRegular(info fs.FileInfo) error {
	m := info.Mode()
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return errors.New("is a directory")
	case m&fs.ModeNamedPipe != 0:
		return ErrNotRegular{"a FIFO"}
	case m&fs.ModeCharDevice != 0:
		return ErrNotRegular{"a character device"}
	case m&fs.ModeDevice != 0:
		return ErrNotRegular{"a block device"}
	case m&fs.ModeSocket != 0:
		return ErrNotRegular{"a socket"}
	}
	return ErrNotRegular{m.Type().String()}
}

// ParseSize reads a size such as 64MiB, 200M, 1G, 512k or 1048576 (bytes).
// K, M and G are binary multiples, with or without "iB" or "B".
func ParseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	mult := int64(1)
	lower := strings.ToLower(t)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30}, {"kb", 1 << 10}, {"mb", 1 << 20}, {"gb", 1 << 30}, {"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30}, {"b", 1}} {
		if strings.HasSuffix(lower, u.suffix) {
			mult, t = u.mult, strings.TrimSpace(t[:len(t)-len(u.suffix)])
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("size %q: want a positive number of bytes, with K, M or G (64M, 1G)", s)
	}
	if n*mult > LargestMaxSize {
		return 0, fmt.Errorf("size %q: at most 1G (offsets into a document are 32-bit)", s)
	}
	return n * mult, nil
}

// LargestMaxSize is the largest --max-size: a document's offsets (runes,
// bytes, the offset maps of its views) are 32-bit, and a 1 GiB text
// needs several GB of memory to extract (about 7.5 bytes a byte).
const LargestMaxSize int64 = 1 << 30

// FormatSize writes n bytes as the largest whole binary unit that fits,
// or with one decimal (64 MiB, 1.5 GiB, 300 bytes).
func FormatSize(n int64) string {
	for _, u := range []struct {
		name string
		size int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n >= u.size {
			if n%u.size == 0 {
				return fmt.Sprintf("%d %s", n/u.size, u.name)
			}
			return fmt.Sprintf("%.1f %s", float64(n)/float64(u.size), u.name)
		}
	}
	return fmt.Sprintf("%d bytes", n)
}
