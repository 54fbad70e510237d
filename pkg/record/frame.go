package record

// Frame is a stretch of a document that speaks of one time in one mode: a
// section reviewing 2025, a paragraph opening 今年…, the next plan's goals.
// Targets in it take its year and kind unless their own clause or sentence
// names another; the list shows a user why a figure got its year.
type Frame struct {
	Mode    string `json:"mode"`  // review (figures reported), plan (goals for a year), goals (goals for a period's end)
	Year    *int   `json:"year"`  // the year its figures are for
	Scope   string `json:"scope"` // section (set by a heading) or paragraph (by its opening words)
	Cue     string `json:"cue"`   // the heading, or the paragraph's opening words, that set it
	Section string `json:"section"`
	Source
}
