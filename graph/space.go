package graph

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Free space and file system refusals.
//
// Badger writes its write-ahead log, value log and tables through memory
// mapped files that it creates sparse: truncated to their full size with no
// blocks behind them. When the file system has no block left for a page the
// store writes to, the kernel sends SIGBUS, and a Go program dies on the
// spot, with no error to return, leaving a write-ahead log that (on tmpfs)
// cannot even be read back until space is freed. So a store must never be
// written near full: a writer calls CheckWrite before it opens the store and
// before each batch, and stops while what Badger may still write fits in
// what is left.
//
// MinFree is that margin. What Badger may still write after a check, with
// the options Open sets, is the batch itself (kg ingest keeps one to 256
// KiB of text, which writes about 3 MB of logs), the flush of every
// memtable into a level 0 table (three of 32 MiB: 96 MiB at most, about 11
// MB each for text, which compresses), a compaction of level 0 into level 1
// in flight, which writes its new tables before it deletes the old ones
// (five level 0 tables and the 10 MB of level 1: about 65 MB), and Close's
// flush of the last memtable, one of the three above. Measured by stopping
// ingests of the Reuters-21578 corpus on a tmpfs at 15 to 94 MB used:
// the file system then grew by 4 to 23 MB more before kg exited. 168 MiB
// covers the memtables flushed uncompressed, the compaction and a batch
// (TestMinFreeCoversOptions), seven times the worst measured.
const MinFree = 168 << 20

// Errors of the file system, as errors.Is sees them.
var (
	ErrNoSpace     = errors.New("graph: not enough free space")
	ErrNotWritable = errors.New("graph: data directory not writable")
)

// SpaceError reports a file system with less free space than MinFree. It
// is ErrNoSpace.
type SpaceError struct {
	Dir  string // the data directory, or the folder it would be created in
	Free uint64 // bytes an unprivileged user may still write, as df shows them
	Need uint64 // MinFree
}

func (e *SpaceError) Error() string {
	return fmt.Sprintf("not enough free space on %s: %s free, at least %s needed to write safely", e.Dir, mib(e.Free), mib(e.Need))
}

// Is makes errors.Is(err, ErrNoSpace) hold.
func (e *SpaceError) Is(target error) bool { return target == ErrNoSpace }

// FSError reports a data directory the file system will not let this
// process use: on a read-only file system (EROFS), not its user's to write
// or read (EACCES, EPERM), or full (ENOSPC, EDQUOT). errors.Is matches it
// with ErrNoSpace when the file system is full, ErrNotWritable for a write
// refused otherwise, and its errno.
type FSError struct {
	Dir   string        // the data directory, or the folder it would be created in
	Write bool          // writing (or opening to write) failed, not reading
	Errno syscall.Errno // EROFS, EACCES, EPERM, ENOSPC or EDQUOT
}

func (e *FSError) Error() string {
	verb := "read"
	if e.Write {
		verb = "write to"
	}
	return fmt.Sprintf("cannot %s %s: %v", verb, e.Dir, e.Errno)
}

// Is makes errors.Is(err, ErrNoSpace) or ErrNotWritable hold.
func (e *FSError) Is(target error) bool {
	if e.Full() {
		return target == ErrNoSpace
	}
	return e.Write && target == ErrNotWritable
}

// Unwrap gives the errno, so that errors.Is(err, os.ErrPermission) holds.
func (e *FSError) Unwrap() error { return e.Errno }

// Full reports whether the file system is out of space or quota.
func (e *FSError) Full() bool { return e.Errno == syscall.ENOSPC || e.Errno == syscall.EDQUOT }

// fsErrnos are the refusals FSError stands for.
var fsErrnos = []syscall.Errno{syscall.EROFS, syscall.EACCES, syscall.EPERM, syscall.ENOSPC, syscall.EDQUOT}

// AsFSError returns err, from an operation on the store in dir, as an
// *FSError when the file system refused it. Badger flattens the errors of
// the os package into its text ("Cannot write pid file ... err: open
// .../LOCK: read-only file system"), so the errno is found by its message
// when errors.As cannot find it.
func AsFSError(dir string, write bool, err error) (*FSError, bool) {
	if err == nil {
		return nil, false
	}
	if fe := (*FSError)(nil); errors.As(err, &fe) {
		return fe, true
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		for _, e := range fsErrnos {
			if errno == e {
				return &FSError{Dir: dir, Write: write, Errno: errno}, true
			}
		}
		return nil, false
	}
	msg := err.Error()
	for _, e := range fsErrnos {
		if strings.Contains(msg, e.Error()) {
			return &FSError{Dir: dir, Write: write, Errno: e}, true
		}
	}
	return nil, false
}

// CheckWrite reports whether a store in dir can be written now: an
// *FSError when the file system is read-only or dir is not this user's to
// write, a *SpaceError when less than MinFree is free. A dir that does not
// exist yet is checked by the folder it would be created in. It costs two
// system calls; writers call it before every batch.
func CheckWrite(dir string) error {
	at, err := existing(dir)
	if err != nil {
		return err
	}
	if err := syscall.Access(at, 2 /* W_OK */); err != nil {
		var errno syscall.Errno
		if errors.As(err, &errno) {
			return &FSError{Dir: at, Write: true, Errno: errno}
		}
		return fmt.Errorf("graph: %s: %w", at, err)
	}
	free, err := FreeSpace(at)
	if err != nil {
		return err
	}
	if free < MinFree {
		return &SpaceError{Dir: at, Free: free, Need: MinFree}
	}
	return nil
}

// FreeSpace returns the bytes an unprivileged user may still write on the
// file system of path (df's "Avail").
func FreeSpace(path string) (uint64, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(path, &st); err != nil {
		return 0, fmt.Errorf("graph: free space of %s: %w", path, err)
	}
	return st.Bavail * uint64(st.Bsize), nil
}

// existing returns dir, or its nearest parent that exists.
func existing(dir string) (string, error) {
	p := filepath.Clean(dir)
	for {
		_, err := os.Stat(p)
		switch {
		case err == nil:
			return p, nil
		case !errors.Is(err, os.ErrNotExist):
			if fe, ok := AsFSError(p, false, err); ok {
				return "", fe
			}
			return "", fmt.Errorf("graph: %w", err)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return p, nil
		}
		p = parent
	}
}

// mib formats a size in MiB, rounded down: "12 MiB", or "0.4 MiB" under
// 1 MiB.
func mib(n uint64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n*10>>20)/10)
	}
	return fmt.Sprintf("%d MiB", n>>20)
}

// checkSpace is CheckWrite for the store's own directory, which every write
// transaction calls first: Badger writes through memory-mapped files, and on
// a full disk a write to one kills the process (SIGBUS) instead of failing.
func (s *Store) checkSpace() error {
	if s.dir == "" {
		return nil
	}
	return CheckWrite(s.dir)
}
