package source

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	pathpkg "path"
	"path/filepath"
	"strings"
	"syscall"
)

// walker walks a folder, following symbolic links to files and folders.
type walker struct {
	found []inputFile
	stack []walkDir        // the folders being walked, root first
	dirs  map[fileKey]bool // folders walked
	seen  map[fileKey]bool // files listed
}

type walkDir struct {
	key  fileKey
	path string
}

// fileKey identifies a file whatever the path to it.
type fileKey struct{ dev, ino uint64 }

func keyOf(fi fs.FileInfo) (fileKey, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileKey{}, false
	}
	return fileKey{uint64(st.Dev), uint64(st.Ino)}, true
}

// dir walks the folder at path, whose document ids start with id. A folder
// already on the way down (a symbolic link to an ancestor) is a loop,
// reported once; one walked before by another path is not walked again.
func (w *walker) dir(path, id string, fi fs.FileInfo) {
	key, ok := keyOf(fi)
	if ok {
		for _, d := range w.stack {
			if d.key == key {
				w.found = append(w.found, inputFile{path: path, err: fmt.Errorf("symbolic link loop: leads back to %s, not followed", d.path)})
				return
			}
		}
		if w.dirs[key] {
			return
		}
		w.dirs[key] = true
		w.stack = append(w.stack, walkDir{key, path})
		defer func() { w.stack = w.stack[:len(w.stack)-1] }()
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		w.found = append(w.found, inputFile{path: path, err: describe(err)})
		// ReadDir returns the entries it read before the error
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(path, name)
		kind := kinds[strings.ToLower(filepath.Ext(name))]
		t := e.Type()
		if !t.IsDir() && kind == "" && t&fs.ModeSymlink == 0 {
			continue // not a file kg reads: not even a stat
		}
		fi, err := os.Stat(p) // follows a symbolic link
		switch {
		case err != nil:
			if kind != "" || t.IsDir() || errors.Is(err, syscall.ELOOP) {
				w.found = append(w.found, inputFile{path: p, err: statError(p, err)})
			}
		case fi.IsDir():
			w.dir(p, pathpkg.Join(id, name), fi)
		case fi.Mode().IsRegular() && kind != "":
			if key, ok := keyOf(fi); ok {
				if w.seen[key] {
					continue // the same file by another path
				}
				w.seen[key] = true
			}
			w.found = append(w.found, inputFile{path: p, id: pathpkg.Join(id, name), kind: kind, size: fi.Size()})
		}
	}
}

// statError says why a path cannot be read, naming where a dangling
// symbolic link points.
func statError(p string, err error) error {
	if errors.Is(err, syscall.ELOOP) {
		return errors.New("symbolic link loop: the links lead to each other")
	}
	if errors.Is(err, fs.ErrNotExist) {
		if li, lerr := os.Lstat(p); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
			target, _ := os.Readlink(p)
			return fmt.Errorf("dangling symbolic link: %s does not exist", target)
		}
	}
	return describe(err)
}

func describe(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
