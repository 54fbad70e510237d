// Package diff says what changed between two extractions of a plan: the
// targets added, removed and changed (value, bound, unit, year,
// responsible units), and the deadlines and responsible-unit clauses that
// changed. Records are matched by what they say, never by line or offset,
// so text inserted above a target does not make it "changed".
package diff

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"

	"github.com/cnplan/cnplan/pkg/compare"
	"github.com/cnplan/cnplan/pkg/record"
)

// Result is the difference between two documents.
type Result struct {
	Schema    string       `json:"schema"`
	Old       string       `json:"old"` // file names
	New       string       `json:"new"`
	Count     int          `json:"differences"`
	Targets   TargetDiff   `json:"targets"`
	Deadlines DeadlineDiff `json:"deadlines"`
	Units     UnitDiff     `json:"units"`
}

// Field is one field that changed, old and new as text ("" for none,
// written as null).
type Field struct {
	Name string `json:"field"`
	Old  string `json:"old"`
	New  string `json:"new"`
}

// MarshalJSON writes an absent old or new value as null.
func (f Field) MarshalJSON() ([]byte, error) {
	orNull := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(struct {
		Name string  `json:"field"`
		Old  *string `json:"old"`
		New  *string `json:"new"`
	}{f.Name, orNull(f.Old), orNull(f.New)})
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), err
}

// TargetDiff are the targets that differ.
type TargetDiff struct {
	Added   []record.Target `json:"added"`
	Removed []record.Target `json:"removed"`
	Changed []TargetChange  `json:"changed"`
}

// TargetChange is one target in both documents whose figure differs.
type TargetChange struct {
	Key    string        `json:"indicator_key"`
	Old    record.Target `json:"old"`
	New    record.Target `json:"new"`
	Fields []Field       `json:"fields"`
}

// DeadlineDiff are the deadlines that differ.
type DeadlineDiff struct {
	Added   []record.Deadline `json:"added"`
	Removed []record.Deadline `json:"removed"`
	Changed []DeadlineChange  `json:"changed"`
}

// DeadlineChange is a deadline for the same task whose date or wording
// changed.
type DeadlineChange struct {
	Old    record.Deadline `json:"old"`
	New    record.Deadline `json:"new"`
	Fields []Field         `json:"fields"`
}

// UnitDiff are the responsible-unit clauses that differ.
type UnitDiff struct {
	Added   []record.Unit `json:"added"`
	Removed []record.Unit `json:"removed"`
	Changed []UnitChange  `json:"changed"`
}

// UnitChange is one clause whose bodies changed.
type UnitChange struct {
	Old     record.Unit `json:"old"`
	New     record.Unit `json:"new"`
	Added   []string    `json:"added"`   // bodies named only in the new clause
	Removed []string    `json:"removed"` // bodies named only in the old one
	// Targets are the indicator keys of targets whose responsible units
	// changed with this clause. They are reported here, once, rather than
	// as changes of each target.
	Targets []string `json:"targets"`
}

// Empty says the documents do not differ.
func (r Result) Empty() bool { return r.Count == 0 }

// Diff compares old with new.
func Diff(old, new record.Document) Result {
	r := Result{Schema: record.Schema, Old: old.File, New: new.File}
	r.Targets = diffTargets(old.Targets, new.Targets)
	r.Deadlines = diffDeadlines(old.Deadlines, new.Deadlines)
	r.Units = diffUnits(old.Units, new.Units)
	attributeUnits(&r)
	r.Count = len(r.Targets.Added) + len(r.Targets.Removed) + len(r.Targets.Changed) +
		len(r.Deadlines.Added) + len(r.Deadlines.Removed) + len(r.Deadlines.Changed) +
		len(r.Units.Added) + len(r.Units.Removed) + len(r.Units.Changed)
	emptyLists(&r)
	return r
}

// emptyLists makes every list in r non-nil, so that JSON writes [] and
// never null for "none" (cnplan's null convention).
func emptyLists(r *Result) {
	r.Targets.Added = orEmpty(r.Targets.Added)
	r.Targets.Removed = orEmpty(r.Targets.Removed)
	r.Targets.Changed = orEmpty(r.Targets.Changed)
	r.Deadlines.Added = orEmpty(r.Deadlines.Added)
	r.Deadlines.Removed = orEmpty(r.Deadlines.Removed)
	r.Deadlines.Changed = orEmpty(r.Deadlines.Changed)
	r.Units.Added = orEmpty(r.Units.Added)
	r.Units.Removed = orEmpty(r.Units.Removed)
	r.Units.Changed = orEmpty(r.Units.Changed)
	for i := range r.Targets.Changed {
		r.Targets.Changed[i].Fields = orEmpty(r.Targets.Changed[i].Fields)
	}
	for i := range r.Deadlines.Changed {
		r.Deadlines.Changed[i].Fields = orEmpty(r.Deadlines.Changed[i].Fields)
	}
	for i := range r.Units.Changed {
		c := &r.Units.Changed[i]
		c.Added, c.Removed, c.Targets = orEmpty(c.Added), orEmpty(c.Removed), orEmpty(c.Targets)
	}
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// targetKey is the key targets are matched by: the indicator key as the
// compare matrix keys it, or the indicator as written when there is none.
func targetKey(t record.Target) string {
	if t.IndicatorKey != "" {
		return compare.Key(t.IndicatorKey)
	}
	return compare.Key(t.Indicator)
}

func diffTargets(old, new []record.Target) TargetDiff {
	d := TargetDiff{Added: []record.Target{}, Removed: []record.Target{}, Changed: []TargetChange{}}
	ok, nk := keys(old, targetKey), keys(new, targetKey)
	same := func(i, j int) bool { return len(targetFields(old[i], new[j])) == 0 }
	sameKey := func(i, j int) bool { return ok[i] == nk[j] }
	sameSection := func(i, j int) bool { return old[i].Section == new[j].Section }
	// By key, then section, then in order; within each, an unchanged
	// target before a changed one, so that removing one of two figures
	// for a key in a section removes the right one.
	// Keys that equal records share (the figure's value and unit, which
	// same compares) let match compare only records that can pair.
	figure := func(t record.Target) string { return joinKey(num(&t.Value), t.Unit) }
	oKS := func(i int) string { return joinKey(ok[i], old[i].Section, figure(old[i])) }
	nKS := func(j int) string { return joinKey(nk[j], new[j].Section, figure(new[j])) }
	oK := func(i int) string { return joinKey(ok[i], figure(old[i])) }
	nK := func(j int) string { return joinKey(nk[j], figure(new[j])) }
	pairs, lo, ln := match(len(old), len(new),
		keyed(oKS, nKS, all(sameKey, sameSection, same)),
		keyed(func(i int) string { return joinKey(ok[i], old[i].Section) }, func(j int) string { return joinKey(nk[j], new[j].Section) }, all(sameKey, sameSection)),
		keyed(oK, nK, all(sameKey, same)),
		keyed(func(i int) string { return ok[i] }, func(j int) string { return nk[j] }, sameKey),
	)
	for _, p := range pairs {
		if f := targetFields(old[p[0]], new[p[1]]); len(f) > 0 {
			d.Changed = append(d.Changed, TargetChange{Key: nk[p[1]], Old: old[p[0]], New: new[p[1]], Fields: f})
		}
	}
	for _, i := range lo {
		d.Removed = append(d.Removed, old[i])
	}
	for _, j := range ln {
		d.Added = append(d.Added, new[j])
	}
	return d
}

// targetFields lists what differs between two targets' figures. The
// sentence, line and span are where, not what; the section is what they
// were matched by; the deadline phrase is reported with the deadlines.
func targetFields(a, b record.Target) []Field {
	var f []Field
	add := func(name, x, y string) {
		if x != y {
			f = append(f, Field{name, x, y})
		}
	}
	add("value", num(&a.Value), num(&b.Value))
	add("value_max", num(a.ValueMax), num(b.ValueMax))
	add("unit", a.Unit, b.Unit)
	add("comparator", a.Comparator, b.Comparator)
	add("kind", a.Kind, b.Kind)
	add("year", year(a.Year), year(b.Year))
	add("baseline", num(a.Baseline), num(b.Baseline))
	add("baseline_year", year(a.BaselineYear), year(b.BaselineYear))
	add("attribute", a.Attribute, b.Attribute)
	if !sameSet(a.Units, b.Units) {
		f = append(f, Field{"units", strings.Join(a.Units, unitSep), strings.Join(b.Units, unitSep)})
	}
	return f
}

func diffDeadlines(old, new []record.Deadline) DeadlineDiff {
	d := DeadlineDiff{Added: []record.Deadline{}, Removed: []record.Deadline{}, Changed: []DeadlineChange{}}
	same := func(i, j int) bool { return old[i].Text == new[j].Text && old[i].Date == new[j].Date }
	sameSection := func(i, j int) bool { return old[i].Section == new[j].Section }
	sameTask := func(i, j int) bool { return old[i].Task == new[j].Task }
	oS := func(i int) string { return joinKey(old[i].Text, old[i].Date, old[i].Section) }
	nS := func(j int) string { return joinKey(new[j].Text, new[j].Date, new[j].Section) }
	pairs, lo, ln := match(len(old), len(new),
		keyed(oS, nS, all(same, sameSection, sameTask)),
		keyed(oS, nS, all(same, sameSection)), // the task's wording changed, not its date
		keyed(func(i int) string { return joinKey(old[i].Task, old[i].Section) }, func(j int) string { return joinKey(new[j].Task, new[j].Section) }, all(sameTask, sameSection)),
	)
	for _, p := range pairs {
		a, b := old[p[0]], new[p[1]]
		var f []Field
		if a.Text != b.Text {
			f = append(f, Field{"text", a.Text, b.Text})
		}
		if a.Date != b.Date {
			f = append(f, Field{"date", a.Date, b.Date})
		}
		if len(f) > 0 {
			d.Changed = append(d.Changed, DeadlineChange{Old: a, New: b, Fields: f})
		}
	}
	for _, i := range lo {
		d.Removed = append(d.Removed, old[i])
	}
	for _, j := range ln {
		d.Added = append(d.Added, new[j])
	}
	return d
}

// bodies are a clause's bodies: canonical names, or as written when the
// extractor gave none.
func bodies(u record.Unit) []string {
	if len(u.Canonical) > 0 {
		return u.Canonical
	}
	return u.Units
}

func diffUnits(old, new []record.Unit) UnitDiff {
	d := UnitDiff{Added: []record.Unit{}, Removed: []record.Unit{}, Changed: []UnitChange{}}
	sameRole := func(i, j int) bool { return old[i].Role == new[j].Role && old[i].Section == new[j].Section }
	sameBodies := func(i, j int) bool { return sameSet(bodies(old[i]), bodies(new[j])) }
	sameTask := func(i, j int) bool { return old[i].Task == new[j].Task }
	role := func(u record.Unit) string { return joinKey(u.Role, u.Section) }
	set := func(u record.Unit) string { return bodySet(bodies(u)) }
	pairs, lo, ln := match(len(old), len(new),
		keyed(func(i int) string { return joinKey(role(old[i]), set(old[i]), old[i].Task) }, func(j int) string { return joinKey(role(new[j]), set(new[j]), new[j].Task) }, all(sameRole, sameBodies, sameTask)),
		keyed(func(i int) string { return joinKey(role(old[i]), set(old[i])) }, func(j int) string { return joinKey(role(new[j]), set(new[j])) }, all(sameRole, sameBodies)),
		keyed(func(i int) string { return joinKey(role(old[i]), old[i].Task) }, func(j int) string { return joinKey(role(new[j]), new[j].Task) }, all(sameRole, sameTask)), // a body added to or dropped from the clause
	)
	for _, p := range pairs {
		a, b := old[p[0]], new[p[1]]
		if sameSet(bodies(a), bodies(b)) {
			continue
		}
		added, removed := setDiff(bodies(a), bodies(b))
		d.Changed = append(d.Changed, UnitChange{Old: a, New: b, Added: added, Removed: removed, Targets: []string{}})
	}
	for _, i := range lo {
		d.Removed = append(d.Removed, old[i])
	}
	for _, j := range ln {
		d.Added = append(d.Added, new[j])
	}
	return d
}

// attributeUnits reports a target's responsible units changing with the
// clause that names them once, with the clause: adding 市财政局 to
// (责任单位:市卫生健康委、市医疗保障局) is one change, however many targets
// that task sets. A target whose units changed otherwise keeps the change.
func attributeUnits(r *Result) {
	var changed []TargetChange
	for _, tc := range r.Targets.Changed {
		i := slices.IndexFunc(tc.Fields, func(f Field) bool { return f.Name == "units" })
		if i >= 0 {
			added, removed := setDiff(tc.Old.Units, tc.New.Units)
			if uc := explaining(r.Units.Changed, tc.New.Section, added, removed); uc != nil {
				if !slices.Contains(uc.Targets, tc.Key) {
					uc.Targets = append(uc.Targets, tc.Key)
				}
				tc.Fields = slices.Delete(slices.Clone(tc.Fields), i, i+1)
			}
		}
		if len(tc.Fields) > 0 {
			changed = append(changed, tc)
		}
	}
	r.Targets.Changed = changed
}

// explaining finds the clause change that adds and removes these bodies,
// preferring one in the target's section.
func explaining(ucs []UnitChange, section string, added, removed []string) *UnitChange {
	var found *UnitChange
	for i := range ucs {
		uc := &ucs[i]
		if !subset(added, uc.Added) || !subset(removed, uc.Removed) {
			continue
		}
		if uc.New.Section == section {
			return uc
		}
		if found == nil {
			found = uc
		}
	}
	return found
}
