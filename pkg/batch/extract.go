package batch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"

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
// stdin is read for "-".
func ExtractItem(it input.Item, stdin io.Reader, opt document.Options) (r Result) {
	if it.Err != nil {
		return Failed(it.Path, it.Err)
	}
	defer recoverAs(it.Path, &r)
	var data []byte
	var err error
	if it.Path == "-" {
		data, err = io.ReadAll(stdin)
	} else {
		data, err = os.ReadFile(it.Path)
	}
	if err != nil {
		// A file deleted or made unreadable after the directory was
		// listed ends here, as "no such file or directory" or
		// "permission denied".
		return Failed(it.Path, err)
	}
	return extractBytes(it.Path, data, opt)
}

func extractBytes(name string, data []byte, opt document.Options) Result {
	d, err := document.FromBytes(name, data, opt)
	if err != nil {
		r := Failed(name, err)
		r.Bytes = int64(len(data))
		return r
	}
	return Result{Doc: extract.Extract(d), Bytes: int64(len(data))}
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
}

// ExtractLine extracts the document a JSON line carries. Its id (a
// string, or a number as written) becomes the document's file; without
// one the file is "line N". The text is UTF-8, as JSON is; HTML is
// recognised by its opening tag, as in a file without an extension.
func ExtractLine(l Line, opt document.Options) (r Result) {
	name := "line " + strconv.Itoa(l.N)
	defer recoverAs(name, &r)
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
	// FromBytes is given no name so that an id ending in .docx or .pdf
	// does not make it read JSON text as a Word or PDF file.
	res := extractBytes("", []byte(*rec.Text), opt)
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
