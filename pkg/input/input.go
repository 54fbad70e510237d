// Package input turns command-line arguments into the list of documents to
// read: files as named, directories walked for documents, "-" for standard
// input. Nothing is read here; an argument that cannot be a document is
// still listed, with its error, so the command reports it in order with the
// rest.
package input

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Item is one document to read.
type Item struct {
	Path string // as given or found; "-" for standard input
	Err  error  // set when the item cannot be read as a document (e.g. "no such file"); such items are still listed so the caller reports them
}

var (
	ErrNotExist    = errors.New("no such file or directory")
	ErrNoDocuments = errors.New("no documents (.txt .text .md .htm .html .docx .pdf) in directory")
)

// documentExts are the extensions taken from a directory. A file named on
// the command line is read whatever its extension: the user chose it.
var documentExts = map[string]bool{
	".txt": true, ".text": true, ".md": true,
	".htm": true, ".html": true, ".docx": true, ".pdf": true,
}

// IsDocument reports whether a file found in a directory is read, by its
// extension in any case (notices downloaded on Windows end in .TXT, .HTM).
func IsDocument(name string) bool {
	return documentExts[strings.ToLower(filepath.Ext(name))]
}

// Expand turns arguments (files, directories, "-") into items, in the
// arguments' order and, within a directory, sorted by path. A file reached
// twice (named twice, or found again under a symlinked directory) is listed
// once, where it was first reached.
func Expand(args []string) []Item {
	var items []Item
	seen := map[string]bool{}
	ids := identities{}
	add := func(path string, err error) {
		key := ids.of(path)
		if err == nil {
			if seen[key] {
				return
			}
			seen[key] = true
		}
		items = append(items, Item{Path: path, Err: err})
	}
	for _, arg := range args {
		if arg == "-" {
			add(arg, nil)
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			items = append(items, Item{Path: arg, Err: statError(err)})
			continue
		}
		if !info.IsDir() {
			add(arg, nil)
			continue
		}
		found := walk(arg)
		if len(found) == 0 {
			items = append(items, Item{Path: arg, Err: ErrNoDocuments})
			continue
		}
		for _, it := range found {
			add(it.Path, it.Err)
		}
	}
	return items
}

// walk returns the documents under dir sorted by path, with an item for
// each subdirectory it could not list. Symlinked directories are followed,
// but each real directory once, so a link back to an ancestor ends there.
func walk(dir string) []Item {
	var found []Item
	visited := map[string]bool{}
	var visit func(dir string)
	visit = func(dir string) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			if visited[real] {
				return
			}
			visited[real] = true
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			found = append(found, Item{Path: dir, Err: statError(err)})
			// ReadDir returns what it read before the error; go on with it.
		}
		for _, e := range entries {
			path := filepath.Join(dir, e.Name())
			typ := e.Type()
			if typ&fs.ModeSymlink != 0 {
				info, err := os.Stat(path)
				if err != nil {
					// A dangling link named like a document is listed
					// so the user learns why it was not read.
					if IsDocument(path) {
						found = append(found, Item{Path: path, Err: statError(err)})
					}
					continue
				}
				typ = info.Mode().Type()
			}
			switch {
			case typ.IsDir():
				visit(path)
			case typ.IsRegular() && IsDocument(path):
				// Unreadable files are listed too: the error comes
				// when they are read, with the file's name on it.
				found = append(found, Item{Path: path})
			}
		}
	}
	visit(dir)
	sort.Slice(found, func(i, j int) bool { return found[i].Path < found[j].Path })
	return found
}

// identity is the key that tells two names of one file apart from two
// files: the path with symlinks resolved, or the cleaned absolute path when
// that fails.
func identity(path string) string { return identities{}.of(path) }

// identities resolves paths as identity does, each directory once: a
// directory of 20,000 files took a stat of every component of every
// path (EvalSymlinks), now a stat of each file.
type identities map[string]string // directory → its identity

func (ids identities) of(path string) string {
	if path == "-" {
		return path
	}
	if info, err := os.Lstat(path); err != nil || info.Mode()&fs.ModeSymlink != 0 {
		return resolve(path) // the file is a link (or is not there)
	}
	dir, base := filepath.Split(path)
	key, ok := ids[dir]
	if !ok {
		key = resolve(filepath.Clean(dir + "."))
		if ids != nil {
			ids[dir] = key
		}
	}
	return filepath.Join(key, base)
}

// resolve is path with symlinks resolved, made absolute.
func resolve(path string) string {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return filepath.Clean(path)
}

// statError drops the path from an *fs.PathError: the caller prints the
// item's path beside its error.
func statError(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return ErrNotExist
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Without drops the items that are the file at path (an output file inside
// an input directory must not be read back as an input) and every
// temporary output file (their names open with outfile's ".cnplan-tmp-").
// path need not exist yet.
func Without(items []Item, path string) []Item {
	key := identity(path)
	if dir, err := filepath.EvalSymlinks(filepath.Dir(path)); err == nil {
		if abs, err := filepath.Abs(filepath.Join(dir, filepath.Base(path))); err == nil {
			key = abs
		}
	}
	out := items[:0:0]
	ids := identities{}
	for _, it := range items {
		if it.Path != "-" && (ids.of(it.Path) == key || strings.HasPrefix(filepath.Base(it.Path), ".cnplan-tmp-")) {
			continue
		}
		out = append(out, it)
	}
	return out
}
