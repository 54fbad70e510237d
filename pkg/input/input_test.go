package input

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// tree makes files (content irrelevant) and directories under a temp root.
func tree(t *testing.T, paths ...string) string {
	t.Helper()
	root := t.TempDir()
	for _, p := range paths {
		full := filepath.Join(root, p)
		if p[len(p)-1] == '/' {
			if err := os.MkdirAll(full, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("到2025年"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
}

func TestExpand(t *testing.T) {
	root := tree(t,
		"docs/000.txt",
		"docs/001.HTM",
		"docs/plan.docx",
		"docs/scan.PDF",
		"docs/sub.md",
		"docs/sub/002.text",
		"docs/sub/deeper/003.html",
		"docs/sub/image.png",
		"docs/sub/README",
		"docs/z/",
		"other/004.txt",
		"empty/nested/photo.jpg",
		"notes.csv",
	)
	d := func(p string) string { return filepath.Join(root, p) }
	symlink(t, "..", d("docs/sub/up"))                    // a loop back to docs
	symlink(t, "../../other", d("docs/z/other"))          // a directory outside the tree
	symlink(t, "missing.txt", d("docs/sub/dangling.txt")) // a link to nothing

	got := Expand([]string{
		d("docs/sub.md"), // named first, so not repeated from docs/
		d("docs"),
		d("missing.txt"),
		d("empty"),
		"-",
		d("notes.csv"),    // named explicitly: taken despite its extension
		d("docs/000.txt"), // already listed
		d("other"),        // already listed through docs/z/other
		"-",
	})
	want := []Item{
		{Path: d("docs/sub.md")},
		{Path: d("docs/000.txt")},
		{Path: d("docs/001.HTM")},
		{Path: d("docs/plan.docx")},
		{Path: d("docs/scan.PDF")},
		{Path: d("docs/sub/002.text")},
		{Path: d("docs/sub/dangling.txt"), Err: ErrNotExist},
		{Path: d("docs/sub/deeper/003.html")},
		{Path: d("docs/z/other/004.txt")},
		{Path: d("missing.txt"), Err: ErrNotExist},
		{Path: d("empty"), Err: ErrNoDocuments},
		{Path: "-"},
		{Path: d("notes.csv")},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", show(got), show(want))
	}
	if ErrNotExist.Error() != "no such file or directory" ||
		ErrNoDocuments.Error() != "no documents (.txt .text .md .htm .html .docx .pdf) in directory" {
		t.Error("error messages changed")
	}
}

// Paths are sorted as strings, so "sub.md" comes before "sub/002.text"
// ('.' < '/'), and a directory's own order does not depend on the walk.
func TestExpandSortsByPath(t *testing.T) {
	root := tree(t, "b/x.txt", "b.txt", "a/z/y.md", "a/a.txt")
	var paths []string
	for _, it := range Expand([]string{root}) {
		rel, _ := filepath.Rel(root, it.Path)
		paths = append(paths, rel)
	}
	want := []string{"a/a.txt", "a/z/y.md", "b.txt", "b/x.txt"}
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("got %v, want %v", paths, want)
	}
}

func TestExpandUnreadable(t *testing.T) {
	if os.Getuid() == 0 {
		t.Skip("root reads everything")
	}
	root := tree(t, "locked/a.txt", "secret.txt")
	if err := os.Chmod(filepath.Join(root, "secret.txt"), 0); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(root, "locked"), 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(root, "locked"), 0o755) })
	got := Expand([]string{root})
	if len(got) != 2 || !errors.Is(got[0].Err, os.ErrPermission) || got[1].Err != nil {
		t.Errorf("got %s", show(got))
	}
}

func show(items []Item) string {
	s := ""
	for _, it := range items {
		s += it.Path
		if it.Err != nil {
			s += "  (" + it.Err.Error() + ")"
		}
		s += "\n"
	}
	return s
}

// Sizes read as --max-size takes them, up to the 1 GiB that 32-bit
// offsets allow.
func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"64M": 64 << 20, "100K": 100 << 10, "1G": 1 << 30, "2048": 2048, "1.5G": 0, "2G": 0, "0": 0, "-1M": 0} {
		got, err := ParseSize(in)
		if got != want || (err == nil) != (want > 0) {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	if _, err := ParseSize("2G"); err == nil || !strings.Contains(err.Error(), "at most 1G") {
		t.Errorf("2G: %v", err)
	}
}
