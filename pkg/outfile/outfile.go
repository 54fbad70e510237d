// Package outfile writes an output file all or nothing: into a temporary
// file beside it, renamed over the target only when the run succeeds, so an
// interrupted or failed run never leaves a half-written JSON array or a CSV
// cut mid-character where a complete one is expected. Temporary files still
// open when the process is told to stop are removed by RemoveTemps, which
// the command calls from its signal handler.
package outfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// File is an output being written.
type File struct {
	f      *os.File
	path   string // the target
	mode   fs.FileMode
	closed bool
}

var (
	mu    sync.Mutex
	temps = map[string]bool{} // temporary files not yet renamed or removed
)

// Track records a temporary file for RemoveTemps and returns the function
// that forgets it (call it once the file is removed or renamed).
func Track(path string) (forget func()) {
	mu.Lock()
	temps[path] = true
	mu.Unlock()
	return func() {
		mu.Lock()
		delete(temps, path)
		mu.Unlock()
	}
}

// RemoveTemps removes every tracked temporary file; for signal handlers
// and exits.
func RemoveTemps() {
	mu.Lock()
	defer mu.Unlock()
	for p := range temps {
		os.Remove(p)
		delete(temps, p)
	}
}

// TempPrefix opens the name of every temporary output file, so that no
// reader takes one for a document.
const TempPrefix = ".cnplan-tmp-"

// Create starts writing path. Nothing appears at path until Commit.
func Create(path string) (*File, error) {
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		if !info.Mode().IsRegular() {
			// A FIFO or device (-o /dev/stdout) is written directly: it
			// cannot be replaced by a rename.
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				return nil, err
			}
			return &File{f: f}, nil
		}
		mode = info.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(path), TempPrefix+filepath.Base(path)+"-*")
	if err != nil {
		return nil, err
	}
	Track(f.Name())
	return &File{f: f, path: path, mode: mode}, nil
}

func (o *File) Write(p []byte) (int, error) { return o.f.Write(p) }

// Commit closes the file and puts it at its path.
func (o *File) Commit() error {
	if o.closed {
		return errors.New("output already closed")
	}
	o.closed = true
	if o.path == "" {
		return o.f.Close()
	}
	tmp := o.f.Name()
	defer Track(tmp)() // forget it however this ends
	err := o.f.Chmod(o.mode)
	if cerr := o.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, o.path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// Abort closes and removes the temporary file; the path is left as it was.
// After Commit it does nothing.
func (o *File) Abort() {
	if o.closed {
		return
	}
	o.closed = true
	o.f.Close()
	if o.path != "" {
		os.Remove(o.f.Name())
		Track(o.f.Name())()
	}
}
