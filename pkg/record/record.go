// Package record defines cnplan's output: one Document per input, holding
// its metadata and every target, deadline and responsible-unit record, each
// with its provenance. The JSON field names are the schema (cnplan/v2,
// documented in README.md and published as JSON Schema by pkg/schema);
// fields are always present, null when unknown, so that consumers see the
// same keys on every record (json.go applies the convention).
package record

// Schema names this output format. v2 differs from v1 only in nulls: an
// unknown string is null rather than "", and region and period are always
// objects. A field changing type changes the name (README).
const Schema = "cnplan/v2"

// SchemaV1 is the previous name; its output reads back unchanged.
const SchemaV1 = "cnplan/v1"

// Readable says whether output written under schema can be read back as
// Documents.
func Readable(schema string) bool { return schema == Schema || schema == SchemaV1 }

// Record types, as the "record" column of CSV output names them.
const (
	TypeTarget   = "target"
	TypeDeadline = "deadline"
	TypeUnit     = "unit"
)

// Kinds of target.
const (
	KindTarget = "target" // a goal to reach or hold
	KindActual = "actual" // a figure reported as achieved, a baseline, a statistic
)

// Roles of a responsible unit.
const (
	RoleResponsible = "responsible"
	RoleLead        = "lead"
	RoleSupport     = "support"
)

// Source locates a record in the decoded original text.
type Source struct {
	Line int    `json:"line"` // 1-based line of the span's start
	Span [2]int `json:"span"` // [start, end) rune offsets into the decoded original
}

// Target is one figure that a plan sets or reports.
type Target struct {
	Indicator    string   `json:"indicator"`     // as written, shortest natural noun phrase
	IndicatorKey string   `json:"indicator_key"` // simplified, scope words and unit suffixes dropped, synonyms folded
	Value        float64  `json:"value"`
	ValueMax     *float64 `json:"value_max"`  // upper end of a range
	Unit         string   `json:"unit"`       // %, ‰, /10万, 岁, 张, 个, 亿元, 万人次 … ("" when none)
	Comparator   string   `json:"comparator"` // >=, <=, =, range, ~
	Kind         string   `json:"kind"`       // target or actual
	Year         *int     `json:"year"`       // the year it is due or reported for
	Baseline     *float64 `json:"baseline"`
	BaselineYear *int     `json:"baseline_year"`
	Attribute    string   `json:"attribute"` // 预期性, 约束性, 控制性 (indicator tables)
	Deadline     string   `json:"deadline"`  // the deadline phrase that governs it
	// YearFrom says what gave year and kind: deadline (a deadline governing
	// its clause), year (a year its sentence or paragraph names), frame (the
	// section or paragraph frame in frames), document (the plan's period or
	// the title's year), cue (words such as 已, 力争), table (its column).
	YearFrom string   `json:"year_from"`
	Units    []string `json:"units"`   // canonical bodies responsible for its task
	Section  string   `json:"section"` // heading path: 三、重点任务 > (二)…
	Text     string   `json:"text"`    // the sentence (or table row), as written
	Source
}

// Deadline is a date by which something is due.
type Deadline struct {
	Text     string `json:"text"` // the expression as written: 到2025年, 2021年底前
	Date     string `json:"date"` // ISO last day, "" when unresolved
	Task     string `json:"task"` // what is due (the clause it governs)
	Section  string `json:"section"`
	Sentence string `json:"sentence"` // the sentence, as written
	Source
}

// Unit is a clause naming the bodies responsible for a task.
type Unit struct {
	Units     []string `json:"units"`     // as written, split
	Canonical []string `json:"canonical"` // repaired and aliased, simplified
	Role      string   `json:"role"`      // responsible, lead, support
	Task      string   `json:"task"`
	Section   string   `json:"section"`
	Text      string   `json:"text"` // the clause that names them, as written
	Source
}

// Region is where a document's plan applies (GB/T 2260).
type Region struct {
	Province string `json:"province"`
	City     string `json:"city"`
	County   string `json:"county"`
	Code     string `json:"code"`
}

// Period is a plan's span of years.
type Period struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Cleaning says what page junk was removed before extraction.
type Cleaning struct {
	DroppedLines int `json:"dropped_lines"`
	JoinedBreaks int `json:"joined_breaks"`
}

// Document is the extraction of one input. When the input could not be
// read, only Schema, File and Error are set, and renderers write it as
// {"schema","file","error"} alone.
type Document struct {
	Schema    string     `json:"schema"`
	File      string     `json:"file"`
	Error     string     `json:"error,omitempty"`
	Encoding  string     `json:"encoding"`
	Format    string     `json:"format"`
	Script    string     `json:"script"`
	Title     string     `json:"title"`
	Issuer    []string   `json:"issuer"`
	Published string     `json:"published"`
	Period    *Period    `json:"period"`
	Region    *Region    `json:"region"`
	Cleaning  *Cleaning  `json:"cleaning"`
	Warnings  []string   `json:"warnings"`
	Targets   []Target   `json:"targets"`
	Deadlines []Deadline `json:"deadlines"`
	Units     []Unit     `json:"units"`
	Frames    []Frame    `json:"frames"` // the time frames that gave targets their year and kind
}
