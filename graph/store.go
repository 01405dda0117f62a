package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dgraph-io/badger/v4"
)

// Options configure a Store. The zero value opens a read-write store on disk
// with quiet logging.
type Options struct {
	InMemory bool         // keep everything in memory; dir is ignored
	ReadOnly bool         // refuse writes; several read-only opens may share a store
	Logger   *slog.Logger // Badger's warnings and errors; nil discards them
}

// Store is a knowledge graph kept in Badger. It is safe for concurrent use:
// reads see a consistent snapshot and one document is written at a time,
// atomically.
type Store struct {
	db       *badger.DB
	readOnly bool
	strength bool       // the strength index is built (Open builds it unless read-only)
	mu       sync.Mutex // serialises writers, so resolution sees every earlier write
	dir      string     // the data directory; "" in memory
	cache    atomic.Pointer[readCache]
}

// Open opens the store in dir, creating it if needed.
//
// A read-write open of a store that has no word index yet (one written
// before Search existed) builds it first, from the alias keys, in batches;
// a read-only open leaves the store as it is and Search scans every alias
// instead (see Search).
func Open(dir string, o Options) (*Store, error) {
	const op = "graph.Open"
	bo := badger.DefaultOptions(dir).
		WithLogger(badgerLogger{o.Logger}).
		WithNumMemtables(3).
		WithMemTableSize(32 << 20).
		WithBlockCacheSize(64 << 20).
		WithIndexCacheSize(32 << 20).
		WithNumCompactors(2)
	if o.InMemory {
		// in memory there is no value log: every value stays in the LSM
		// tree, up to Badger's default threshold
		bo = bo.WithDir("").WithValueDir("").WithInMemory(true)
	} else {
		bo = bo.WithValueThreshold(1 << 10)
		if dir == "" {
			return nil, fmt.Errorf("%s: no data directory given", op)
		}
		if o.ReadOnly {
			if _, err := os.Stat(filepath.Join(dir, "MANIFEST")); err != nil {
				if fe, ok := AsFSError(dir, false, err); ok {
					return nil, fmt.Errorf("%s: %w", op, fe)
				}
				return nil, fmt.Errorf("%s: no store in %s: %w", op, dir, ErrNotFound)
			}
		}
		bo = bo.WithReadOnly(o.ReadOnly)
	}
	db, err := badger.Open(bo)
	if err != nil {
		if strings.Contains(err.Error(), "Cannot acquire directory lock") {
			return nil, &LockedError{Dir: dir, Holder: holder(dir)}
		}
		// a read-only file system, a folder of another user's, a full
		// disk: said plainly, not in Badger's words
		if fe, ok := AsFSError(dir, !o.ReadOnly, err); ok {
			return nil, fmt.Errorf("%s: %w", op, fe)
		}
		return nil, fmt.Errorf("%s %s: %v", op, dir, err)
	}
	s := &Store{db: db, readOnly: o.ReadOnly}
	if !o.InMemory {
		s.dir = dir
	}
	if !o.ReadOnly {
		// a store written before the word and strength indexes existed
		// gets them now
		if err := s.buildWordIndex(context.Background(), o.Logger); err != nil {
			db.Close()
			return nil, fmt.Errorf("%s %s: building the word index: %w", op, dir, translate(err))
		}
		if err := s.buildStrengthIndex(context.Background(), o.Logger); err != nil {
			db.Close()
			return nil, fmt.Errorf("%s %s: building the strength index: %w", op, dir, translate(err))
		}
		if err := s.ensureStoreID(); err != nil {
			db.Close()
			return nil, fmt.Errorf("%s %s: making the store id: %w", op, dir, translate(err))
		}
	}
	if err := db.View(func(txn *badger.Txn) (err error) {
		s.strength, err = hasStrengthIndex(txn)
		return err
	}); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s %s: %w", op, dir, translate(err))
	}
	return s, nil
}

// LockedError reports a store held by another process. It is ErrLocked.
type LockedError struct {
	Dir    string
	Holder string // "pid 1234: kg serve --demo", or "" if unknown
}

func (e *LockedError) Error() string {
	msg := fmt.Sprintf("graph.Open %s: %v", e.Dir, ErrLocked)
	if e.Holder != "" {
		msg += " (" + e.Holder + ")"
	}
	return msg
}

// Is makes errors.Is(err, ErrLocked) hold.
func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// holder describes the process named in Badger's pid file, if it can.
func holder(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, "LOCK"))
	if err != nil {
		return ""
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		return ""
	}
	cmd, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil || len(cmd) == 0 {
		return fmt.Sprintf("pid %d", pid)
	}
	args := strings.Fields(strings.ReplaceAll(string(cmd), "\x00", " "))
	if len(args) > 0 {
		args[0] = filepath.Base(args[0])
	}
	return fmt.Sprintf("pid %d: %s", pid, strings.Join(args, " "))
}

// Close flushes and closes the store.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("graph.Close: %v", err)
	}
	return nil
}

// view runs fn in a read transaction, translating Badger's errors: the
// snapshot of ctx (see Consistent), or a new one.
func (s *Store) view(ctx context.Context, fn func(*badger.Txn) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if txn, ok := ctx.Value(snapshotKey{s}).(*badger.Txn); ok {
		if s.db.IsClosed() {
			// as db.View does: Badger panics on an iterator of a closed store
			return badger.ErrDBClosed
		}
		return translate(fn(txn))
	}
	return translate(s.db.View(fn))
}

var errSnapshotEnded = errors.New("graph: read with a snapshot that has ended")

// snapshotKey is the context key of a Store's snapshot.
type snapshotKey struct{ s *Store }

// Consistent returns a context in which every read of s sees the store as it
// is now, whatever is written meanwhile, and a function that ends the
// snapshot once those reads are done; reads with the context after that
// fail. Without it, each read sees the store as it is when that read
// starts, so several reads that answer one question may see a document
// half: some of its triples and not yet the others.
//
// Reads with the context may run concurrently.
func (s *Store) Consistent(ctx context.Context) (context.Context, func()) {
	if s.db.IsClosed() {
		return ctx, func() {} // reads fail as without it
	}
	txn := s.db.NewTransaction(false)
	var once sync.Once
	return context.WithValue(ctx, snapshotKey{s}, txn), func() { once.Do(txn.Discard) }
}

func translate(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, badger.ErrKeyNotFound):
		return ErrNotFound
	case errors.Is(err, badger.ErrTxnTooBig):
		return ErrTooLarge
	case errors.Is(err, badger.ErrReadOnlyTxn), errors.Is(err, badger.ErrBlockedWrites):
		return ErrReadOnly
	case errors.Is(err, badger.ErrDiscardedTxn):
		return errSnapshotEnded
	}
	return err
}

// badgerLogger sends Badger's warnings and errors to a slog.Logger and drops
// its chatty info and debug lines.
type badgerLogger struct{ l *slog.Logger }

func (b badgerLogger) Errorf(f string, a ...any) {
	if b.l != nil {
		b.l.Error("badger: " + strings.TrimSpace(fmt.Sprintf(f, a...)))
	}
}

func (b badgerLogger) Warningf(f string, a ...any) {
	if b.l != nil {
		b.l.Warn("badger: " + strings.TrimSpace(fmt.Sprintf(f, a...)))
	}
}

func (badgerLogger) Infof(string, ...any)  {}
func (badgerLogger) Debugf(string, ...any) {}
