package outfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCommitAndAbort(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	os.WriteFile(path, []byte("old"), 0o640)

	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("[half"))
	if data, _ := os.ReadFile(path); string(data) != "old" {
		t.Fatalf("target changed before Commit: %q", data)
	}
	f.Abort()
	if data, _ := os.ReadFile(path); string(data) != "old" {
		t.Fatalf("Abort changed the target: %q", data)
	}
	if n := entries(t, dir); n != 1 {
		t.Fatalf("%d files after Abort, want the target only", n)
	}

	f, _ = Create(path)
	f.Write([]byte("[]\n"))
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	if data, _ := os.ReadFile(path); string(data) != "[]\n" || info.Mode().Perm() != 0o640 {
		t.Fatalf("after Commit: %q %v", data, info.Mode())
	}
	if n := entries(t, dir); n != 1 {
		t.Fatalf("%d files after Commit", n)
	}
}

// RemoveTemps (the signal handler's call) removes files still being
// written, and only those.
func TestRemoveTemps(t *testing.T) {
	dir := t.TempDir()
	f, err := Create(filepath.Join(dir, "a.csv"))
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("x"))
	done, _ := Create(filepath.Join(dir, "b.csv"))
	done.Commit()
	if n := entries(t, dir); n != 2 {
		t.Fatalf("%d files, want a temporary and b.csv", n)
	}
	RemoveTemps()
	if n := entries(t, dir); n != 1 {
		t.Fatalf("%d files after RemoveTemps, want b.csv only", n)
	}
}

func entries(t *testing.T, dir string) int {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return len(es)
}
