// Package decode turns the bytes of a downloaded notice into its text.
//
// Notices come as whatever the site served: UTF-8 or GBK text, pages saved
// from a browser, Word files, PDFs. Bytes works out the format and the
// character encoding and returns UTF-8 text with one line ending, so that
// every later stage sees the same kind of string.
package decode

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
)

// Result is a decoded document.
type Result struct {
	Text     string // the decoded text, UTF-8, BOM removed, line ends as the file has them
	Encoding string // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "gb18030", "big5"; "utf-8" for docx, "" for pdf
	Format   string // "text", "html", "docx", "pdf"
}

// The errors Bytes returns. They never name the file: the caller knows it
// and adds it.
var (
	ErrEmpty   = errors.New("empty file")
	ErrBinary  = errors.New("binary file (NUL bytes)")
	ErrNotText = errors.New("not text in any supported encoding")
)

// File reads and decodes the file at path; see Bytes.
func File(path, forced string) (Result, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		// The caller prefixes the path, so keep only "no such file or
		// directory" and the like.
		var pe *os.PathError
		if errors.As(err, &pe) {
			return Result{}, pe.Err
		}
		return Result{}, err
	}
	return Bytes(path, data, forced)
}

// Bytes decodes data. name is used only for its extension (.txt .text .md
// .htm .html .docx .pdf) and may be "": without a known extension the format
// is taken from the content. forced, when not "", names the encoding to use
// instead of detection (gbk, gb2312, gb18030, big5, utf-8, utf-16le,
// utf-16be); it applies to text and HTML, not to docx or pdf.
func Bytes(name string, data []byte, forced string) (Result, error) {
	var enc encoding
	if forced != "" {
		var err error
		if enc, err = lookupForced(forced); err != nil {
			return Result{}, err
		}
	}
	if len(data) == 0 {
		return Result{}, ErrEmpty
	}

	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".docx":
		return decodeDocx(data)
	case ".pdf":
		return decodePDF(data)
	case ".txt", ".text", ".md", ".htm", ".html":
	default:
		// A notice saved under a made-up name (or read from stdin) is
		// still recognisable by its first bytes.
		if bytes.HasPrefix(data, []byte("%PDF-")) {
			return decodePDF(data)
		}
		if bytes.HasPrefix(data, []byte("PK\x03\x04")) && hasDocumentXML(data) {
			return decodeDocx(data)
		}
	}

	isHTML := ext == ".htm" || ext == ".html" || looksLikeHTML(data)
	var hint encoding
	if isHTML {
		hint = metaCharset(data)
	}
	text, encName, err := decodeText(data, enc, hint)
	if err != nil {
		return Result{}, err
	}
	// A UTF-16 page only shows its <html> after decoding.
	if !isHTML && looksLikeHTML([]byte(text)) {
		isHTML = true
	}
	format := "text"
	if isHTML {
		format = "html"
		text = normalizeNewlines(htmlText(text))
	}
	return Result{Text: strings.TrimPrefix(text, "\ufeff"), Encoding: encName, Format: format}, nil
}

// looksLikeHTML reports whether data starts, after a BOM and whitespace, with
// <!DOCTYPE html or <html. Sites serve pages as .txt or with no extension at
// all, so the extension alone would miss them.
func looksLikeHTML(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.TrimLeft(data, " \t\r\n\f")
	head := data[:min(len(data), 14)]
	return hasPrefixFold(head, "<!doctype html") || hasPrefixFold(head, "<html")
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

// normalizeNewlines drops a leading BOM and turns \r\n and lone \r into \n.
// It serves the containers whose text cnplan builds itself (DOCX paragraphs,
// PDF text): their "decoded original" is that built text, one LF a break.
// Plain text and HTML keep the file's own line ends.
func normalizeNewlines(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
