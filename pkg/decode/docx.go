package decode

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
)

// docxLimit caps the size of word/document.xml once unzipped. The longest
// five-year plans run to a few MiB of XML; a file that claims more is a zip
// bomb or not a notice.
const docxLimit = 64 << 20

var (
	ErrDocxNotZip     = errors.New("docx: not a zip archive")
	ErrDocxNoDocument = errors.New("docx: no word/document.xml")
	ErrDocxTooBig     = errors.New("docx: expands past 64 MiB limit")
)

const docxDocument = "word/document.xml"

func findDocument(zr *zip.Reader) *zip.File {
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, docxDocument) {
			return f
		}
	}
	return nil
}

// hasDocumentXML reports whether data is a zip holding a Word document.
func hasDocumentXML(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	return err == nil && findDocument(zr) != nil
}

func decodeDocx(data []byte) (Result, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Result{}, ErrDocxNotZip
	}
	f := findDocument(zr)
	if f == nil {
		return Result{}, ErrDocxNoDocument
	}
	// The header is checked first so an honest bomb costs nothing; the
	// LimitReader catches one whose header lies.
	if f.UncompressedSize64 > docxLimit {
		return Result{}, ErrDocxTooBig
	}
	rc, err := f.Open()
	if err != nil {
		return Result{}, fmt.Errorf("docx: %v", err)
	}
	defer rc.Close()
	doc, err := io.ReadAll(io.LimitReader(rc, docxLimit+1))
	if len(doc) > docxLimit {
		return Result{}, ErrDocxTooBig
	}
	if err != nil {
		return Result{}, fmt.Errorf("docx: %v", err)
	}
	text, err := docxText(doc)
	if err != nil {
		return Result{}, fmt.Errorf("docx: %s: %v", docxDocument, err)
	}
	return Result{Text: normalizeNewlines(text), Encoding: string(encUTF8), Format: "docx"}, nil
}

// docxText returns the text of a WordprocessingML body: one line per
// paragraph, and one line per table row with its cells separated by a tab,
// so a table of targets reads like the HTML version of the same notice.
// Elements are matched by local name: strict OOXML and transitional use
// different namespace URIs for the same w:p, w:t and w:tbl.
func docxText(doc []byte) (string, error) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.CharsetReader = charset.NewReaderLabel
	var (
		b      strings.Builder
		rows   []int // per open w:tr, the cells seen so far
		paras  int   // paragraphs begun in the current cell
		inText bool
		inRun  int
	)
	// Inside a row, breaks and tabs that would end the line or fake a
	// cell boundary become spaces.
	inRow := func() bool { return len(rows) > 0 }
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "tr":
				rows = append(rows, 0)
			case "tc":
				if inRow() {
					if rows[len(rows)-1] > 0 {
						if len(rows) == 1 {
							b.WriteByte('\t')
						} else {
							b.WriteByte(' ') // a table nested in a cell stays in that cell
						}
					}
					rows[len(rows)-1]++
				}
				paras = 0
			case "p":
				if inRow() {
					if paras > 0 {
						b.WriteByte(' ')
					}
					paras++
				}
			case "r":
				inRun++
			case "t":
				inText = true
			// w:tab and w:br also occur in paragraph properties as tab
			// stops and in settings; only those in a run are text.
			case "tab":
				if inRun > 0 {
					if inRow() {
						b.WriteByte(' ')
					} else {
						b.WriteByte('\t')
					}
				}
			case "br", "cr":
				if inRun > 0 {
					if inRow() {
						b.WriteByte(' ')
					} else {
						b.WriteByte('\n')
					}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "r":
				if inRun > 0 {
					inRun--
				}
			case "p":
				if !inRow() {
					b.WriteByte('\n')
				}
			case "tr":
				if inRow() {
					rows = rows[:len(rows)-1]
					if !inRow() {
						b.WriteByte('\n')
					}
				}
			}
		case xml.CharData:
			if inText {
				b.Write(t)
			}
		}
	}
	return b.String(), nil
}
