package graph

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestMinFreeCoversOptions keeps MinFree in step with the options Open
// sets: every memtable flushed uncompressed, plus a compaction of level 0
// (at its trigger) into level 1 written before anything is deleted, plus a
// batch (see MinFree). A change of the options that needs more fails here.
func TestMinFreeCoversOptions(t *testing.T) {
	s, err := Open(t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	o := s.db.Opts()
	const compressed = 3 // a memtable of text as a level 0 table, measured: 32 MiB → 11 MB
	memtables := uint64(o.NumMemtables) * uint64(o.MemTableSize)
	compaction := uint64(o.NumLevelZeroTables)*uint64(o.MemTableSize)/compressed + uint64(o.BaseLevelSize)
	const batch = 4 << 20
	if need := memtables + compaction + batch; MinFree < need {
		t.Errorf("MinFree = %s, but the options may need %s: %d memtables of %s, a compaction of %d level 0 tables and %s of level 1",
			mib(MinFree), mib(need), o.NumMemtables, mib(uint64(o.MemTableSize)), o.NumLevelZeroTables, mib(uint64(o.BaseLevelSize)))
	}
}

func TestCheckWrite(t *testing.T) {
	dir := t.TempDir()
	free, err := FreeSpace(dir)
	if err != nil {
		t.Fatal(err)
	}
	if free < MinFree {
		t.Skipf("the temporary folder has %s free, under MinFree", mib(free))
	}
	for _, d := range []string{dir, filepath.Join(dir, "not", "yet")} {
		if err := CheckWrite(d); err != nil {
			t.Errorf("CheckWrite(%s) = %v, want nil", d, err)
		}
	}
	if err := CheckWrite("/proc/version"); err == nil {
		t.Errorf("CheckWrite(/proc/version) = nil, want an error")
	}
}

func TestAsFSError(t *testing.T) {
	for _, tt := range []struct {
		err   error
		errno syscall.Errno
		is    error
		msg   string
	}{
		// Badger's own words, as it flattens the os errors into them
		{errors.New(`Cannot write pid file "/x/LOCK" err: open /x/LOCK: read-only file system`),
			syscall.EROFS, ErrNotWritable, "cannot write to /x: read-only file system"},
		{errors.New(`Error Creating Dir: "/x" err: mkdir /x: permission denied`),
			syscall.EACCES, os.ErrPermission, "cannot write to /x: permission denied"},
		{fmt.Errorf("While opening memtable: %w", &os.PathError{Op: "open", Path: "/x/00001.mem", Err: syscall.ENOSPC}),
			syscall.ENOSPC, ErrNoSpace, "cannot write to /x: no space left on device"},
		{errors.New("sync /x/MANIFEST: disk quota exceeded"), syscall.EDQUOT, ErrNoSpace, "cannot write to /x: disk quota exceeded"},
	} {
		fe, ok := AsFSError("/x", true, tt.err)
		if !ok || fe.Errno != tt.errno || !errors.Is(fe, tt.is) || fe.Error() != tt.msg {
			t.Errorf("AsFSError(%q) = %v, %v, want %v (%q), errors.Is %v", tt.err, fe, ok, tt.errno, tt.msg, tt.is)
		}
	}
	for _, err := range []error{nil, errors.New("Value log truncate required"), syscall.EIO} {
		if fe, ok := AsFSError("/x", true, err); ok {
			t.Errorf("AsFSError(%v) = %v, want none", err, fe)
		}
	}
	// reading is not writing: no ErrNotWritable
	if fe, _ := AsFSError("/x", false, syscall.EACCES); errors.Is(fe, ErrNotWritable) || fe.Error() != "cannot read /x: permission denied" {
		t.Errorf("AsFSError(read, EACCES) = %v", fe)
	}
}

func TestSpaceError(t *testing.T) {
	err := error(&SpaceError{Dir: "/data/kg", Free: 12<<20 + 5, Need: MinFree})
	want := "not enough free space on /data/kg: 12 MiB free, at least " + mib(MinFree) + " needed to write safely"
	if err.Error() != want || !errors.Is(err, ErrNoSpace) {
		t.Errorf("SpaceError = %q, want %q and ErrNoSpace", err, want)
	}
	if got := mib(400 << 10); got != "0.3 MiB" {
		t.Errorf("mib(400 KiB) = %q, want 0.3 MiB", got)
	}
}
