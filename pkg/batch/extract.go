package batch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cnplan/cnplan/internal/memlimit"
	"github.com/cnplan/cnplan/pkg/document"
	"github.com/cnplan/cnplan/pkg/extract"
	"github.com/cnplan/cnplan/pkg/input"
	"github.com/cnplan/cnplan/pkg/record"
)

// Result is what one input gave: its document, or an error object. Every
// input gives one, so nothing is dropped silently.
type Result struct {
	Doc   record.Document // the extraction, or {schema, file, error} when Err is set
	Err   error           // why the input failed, naming it; nil when it did not
	Bytes int64           // bytes read from the input
}

// Failed returns the error object for an input named name.
func Failed(name string, err error) Result {
	return Result{
		Doc: record.Document{Schema: record.Schema, File: name, Error: errorText(err)},
		Err: &document.Error{File: name, Err: innerError(err)},
	}
}

// innerError is err without the file name a *document.Error or
// *fs.PathError puts on it: the error object names the file in its own
// field.
func innerError(err error) error {
	var de *document.Error
	if errors.As(err, &de) {
		err = de.Err
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err
}

func errorText(err error) string { return innerError(err).Error() }

// ExtractItem reads and extracts one input as found by input.Expand;
// stdin is read for "-". Only a regular file is read, and only up to
// opt.MaxSize bytes; with opt.Timeout the input has that long (see
// withBudget). ctx ending stops the extraction too.
func ExtractItem(ctx context.Context, it input.Item, stdin io.Reader, opt document.Options) (r Result) {
	if it.Err != nil {
		return Failed(it.Path, it.Err)
	}
	return withBudget(ctx, it.Path, opt.Timeout, func(ctx context.Context) (r Result) {
		defer recoverAs(it.Path, &r)
		var data []byte
		var err error
		if it.Path == "-" {
			data, err = input.ReadAll(stdin, opt.MaxSize)
		} else {
			data, err = input.ReadFile(it.Path, opt.MaxSize)
		}
		if err != nil {
			// A file deleted or made unreadable after the directory was
			// listed ends here, as "no such file or directory" or
			// "permission denied".
			return Failed(it.Path, err)
		}
		return extractBytes(ctx, it.Path, data, opt)
	})
}

func extractBytes(ctx context.Context, name string, data []byte, opt document.Options) Result {
	// Only the size is kept: the bytes can be collected once decoded,
	// while the document is extracted.
	size := int64(len(data))
	defer memlimit.Hold(size)()
	d, err := document.FromBytes(name, data, opt)
	if err != nil {
		r := Failed(name, err)
		r.Bytes = size
		return r
	}
	doc, err := extract.ExtractContext(ctx, d)
	if err != nil {
		r := Failed(name, err)
		r.Bytes = size
		return r
	}
	dropNonFinite(&doc)
	return Result{Doc: doc, Bytes: size}
}

// withBudget runs work with a context that ends after timeout (none when
// timeout ≤ 0). When the budget runs out first the input's error object is
// returned at once, so the worker takes the next input and the ordered
// output does not stall; the abandoned work stops at extraction's next
// loop turn, which sees its context ended.
func withBudget(ctx context.Context, name string, timeout time.Duration, work func(context.Context) Result) Result {
	if timeout <= 0 {
		return work(ctx)
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	done := make(chan Result, 1) // buffered: abandoned work does not block
	go func() { done <- work(ctx) }()
	select {
	case r := <-done:
		if errors.Is(r.Err, extract.ErrBudget) && errors.Is(r.Err, context.DeadlineExceeded) {
			return overBudget(name, timeout, r.Bytes)
		}
		return r
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return overBudget(name, timeout, 0)
		}
		return Failed(name, ctx.Err())
	}
}

func overBudget(name string, timeout time.Duration, size int64) Result {
	r := Failed(name, fmt.Errorf("not done within the --timeout limit of %v; skipped", timeout))
	r.Bytes = size
	return r
}

// dropNonFinite removes targets whose value or bound overflowed to ±Inf
// or is NaN (a run of hundreds of digits), with a warning: JSON has no
// such numbers, and one would end the whole output.
func dropNonFinite(doc *record.Document) {
	finite := func(p *float64) bool { return p == nil || !math.IsInf(*p, 0) && !math.IsNaN(*p) }
	n := len(doc.Targets)
	doc.Targets = slices.DeleteFunc(doc.Targets, func(t record.Target) bool {
		return !finite(&t.Value) || !finite(t.ValueMax) || !finite(t.Baseline)
	})
	if dropped := n - len(doc.Targets); dropped > 0 {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("%d targets dropped: a value too large for a number", dropped))
	}
}

// recoverAs turns a panic while reading or extracting one input into
// that input's error object, so one document that trips a bug does not end
// a run over ten thousand.
func recoverAs(name string, r *Result) {
	if p := recover(); p != nil {
		*r = Failed(name, fmt.Errorf("internal error (please report it with this file): %v", p))
	}
}

// Line is one line of --stdin-jsonl input: {"id": …, "text": …}.
type Line struct {
	N    int    // 1-based line number in the stream
	Data []byte // the line without its line ending
	Size int64  // bytes read for it, line ending included
	Err  error  // set when the line could not be taken (longer than the limit)
}

// ExtractLine extracts the document a JSON line carries. Its id (a
// string, or a number as written) becomes the document's file; without
// one the file is "line N". The text is UTF-8, as JSON is; HTML is
// recognised by its opening tag, as in a file without an extension.
func ExtractLine(ctx context.Context, l Line, opt document.Options) (r Result) {
	name := "line " + strconv.Itoa(l.N)
	defer recoverAs(name, &r)
	if l.Err != nil {
		r = Failed(name, l.Err)
		r.Bytes = l.Size
		return r
	}
	var rec struct {
		ID   json.RawMessage `json:"id"`
		Text *string         `json:"text"`
	}
	if len(strings.TrimSpace(string(l.Data))) == 0 {
		return Failed(name, errors.New("blank line, want {\"id\":…,\"text\":…}"))
	}
	if err := json.Unmarshal(l.Data, &rec); err != nil {
		return Failed(name, fmt.Errorf("not a JSON object {\"id\":…,\"text\":…}: %v", err))
	}
	if id := idText(rec.ID); id != "" {
		name = id
	}
	if rec.Text == nil {
		return Failed(name, errors.New(`no "text" string`))
	}
	opt.Encoding = "utf-8"
	// FromBytes is given a .txt name, not the id, so that neither an id
	// ending in .docx or .pdf nor a text opening with %PDF- makes it read
	// JSON text as a Word or PDF file; HTML is still recognised.
	res := withBudget(ctx, name, opt.Timeout, func(ctx context.Context) (r Result) {
		defer recoverAs(name, &r)
		return extractBytes(ctx, "line.txt", []byte(*rec.Text), opt)
	})
	res.Bytes = int64(len(l.Data))
	res.Doc.File = name
	if res.Err != nil {
		res.Err = &document.Error{File: name, Err: innerError(res.Err)}
	}
	return res
}

// idText is a JSON id as text: a string's value, a number as written.
func idText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	t := strings.TrimSpace(string(raw))
	if t == "null" {
		return ""
	}
	return t
}
