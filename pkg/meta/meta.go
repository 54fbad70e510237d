// Package meta reads a plan document's own metadata from its text: its
// title, issuing bodies, date and plan period.
//
// It works from the layout of Chinese government documents and news pages
// (a 关于印发《…》的通知 wrapper, a headline above a 发布日期 line, a signature
// block of body names over a date), never from a particular document. The
// cue words live in dict/meta_*.txt.
package meta

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Meta is what a document says about itself.
type Meta struct {
	// Title is the plan's own title as written: the quoted title of a 印发
	// notice, not the notice's; a news report's headline.
	Title                string
	TitleStart, TitleEnd int // rune span of Title in the text given

	// Issuers are the issuing bodies: a signature block's names, the body
	// prefixed to a 关于…的通知 title, or the body a news report says issued
	// the document (省卫健委出台《…》). Empty when none is found.
	Issuers []string

	// Published is the document's date as YYYY-MM-DD, "" when none: its
	// signature date, else its own dated label (成文日期, 来源时间), else the
	// page's (发布日期, a news dateline). See dict/meta_date_labels.txt.
	Published string
	Year      int // year of Published, or 0

	// PeriodStart and PeriodEnd are the years the plan covers, read from
	// its title: 十四五 → 2021, 2025; (2023—2025年) → 2023, 2025. 0 when none.
	PeriodStart, PeriodEnd int
}

// Extract reads metadata from the document text: simplified Chinese with
// half-width digits and punctuation (the caller normalises). Spans are rune
// offsets into text.
func Extract(text string) Meta {
	v := vocabulary()
	ls := splitLines(text)
	var m Meta
	sig := findSignature(ls, v)
	t := wrapTitle(ls, findTitle(ls, v), v)
	// Lines and titles hold byte offsets: only the title's are counted
	// in runes, from the text's start to its end.
	m.Title = t.text
	m.TitleStart = utf8.RuneCountInString(text[:t.at])
	m.TitleEnd = m.TitleStart + utf8.RuneCountInString(text[t.at:t.endAt])
	switch {
	case len(sig.issuers) > 0:
		m.Issuers = sig.issuers
	case len(t.issuers) > 0:
		m.Issuers = t.issuers
	default:
		m.Issuers = ledeIssuers(ls, t.line, v)
	}
	if len(m.Issuers) == 0 {
		m.Issuers = reportIssuer(ls, t, v)
	}
	if d, ok := findPublished(ls, sig, v); ok {
		m.Published = d.iso()
		m.Year = d.year
	}
	m.PeriodStart, m.PeriodEnd = period(m.Title, v)
	return m
}

// line is one line of the text, trimmed, with the byte offset of its
// first byte in the text.
type line struct {
	text  string
	at    int
	index int // among non-empty lines
}

// splitLines gives the non-empty lines of text.
func splitLines(text string) []line {
	out := make([]line, 0, strings.Count(text, "\n")+1)
	for at, more := 0, true; more; {
		raw := text[at:]
		end := strings.IndexByte(raw, '\n')
		if end >= 0 {
			raw = raw[:end]
		} else {
			more = false
		}
		trimmed := strings.TrimLeftFunc(raw, unicode.IsSpace)
		lead := len(raw) - len(trimmed)
		trimmed = strings.TrimRightFunc(trimmed, unicode.IsSpace)
		if trimmed != "" {
			out = append(out, line{text: trimmed, at: at + lead, index: len(out)})
		}
		at += end + 1
	}
	return out
}

// mustCompile compiles a pattern in which \s also matches Unicode spaces:
// pages pad their lines with no-break spaces (2020年04月15日09:53\u00a0\u00a0来源).
// It must not be used for \s inside a bracketed class.
func mustCompile(pattern string) *regexp.Regexp {
	return regexp.MustCompile(strings.ReplaceAll(pattern, `\s`, `[\s\p{Zs}]`))
}

// runeCountUpTo is utf8.RuneCountInString(s) when that is at most limit,
// else limit+1: a page-long line is not counted to its end to learn that
// it is long.
func runeCountUpTo(s string, limit int) int {
	n := 0
	for range s {
		if n++; n > limit {
			break
		}
	}
	return n
}

// hanCount counts the Han characters of s.
func hanCount(s string) int {
	n := 0
	for _, r := range s {
		// the CJK block is Han; below 0x2E80 nothing is
		if r >= 0x4E00 && r <= 0x9FFF || r >= 0x2E80 && unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}
