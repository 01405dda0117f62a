package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// spooled reads text from r, which can be read only once (standard input,
// a named pipe, a device): kept in memory when short, else copied to a
// temporary file to be read twice. What is copied is decoded and checked as
// it comes, so that a stream that is not text (/dev/zero, /dev/urandom) is
// refused at its first bad byte, and one longer than MaxSpool is refused
// there. The file is unlinked as soon as it is made: the kernel frees it
// however kg ends, kill -9 included.
func (r *Reader) spooled(ctx context.Context, raw io.Reader, name string, f inputFile, send func(Item) bool) bool {
	fail := func(err error) bool { return send(Item{Where: name, Err: err}) }
	dec := newDecoder(ctxReader{ctx, raw}, true)
	head := make([]byte, 1<<20)
	n, err := io.ReadFull(dec, head)
	head = head[:n]
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		rewind := func() (io.Reader, error) { return bytes.NewReader(head), nil }
		return r.text(ctx, rewind, name, f, send)
	case ctx.Err() != nil:
		return false
	case err != nil:
		return fail(describe(err))
	}
	tmp, err := os.CreateTemp(r.opt.TempDir, "kg-input-*")
	if err != nil {
		return fail(fmt.Errorf("keeping a copy of the input: %v", describe(err)))
	}
	os.Remove(tmp.Name()) // the open file stays readable; no name is left behind
	defer tmp.Close()
	limited := &io.LimitedReader{R: dec, N: r.opt.MaxSpool - int64(len(head)) + 1}
	copied, err := io.Copy(tmp, io.MultiReader(bytes.NewReader(head), limited))
	switch {
	case ctx.Err() != nil:
		return false
	case err != nil:
		return fail(describe(err))
	case copied > r.opt.MaxSpool:
		return fail(fmt.Errorf("longer than %d MiB, the most kg reads from a pipe or a device: save it to a file and ingest that", r.opt.MaxSpool>>20))
	}
	rewind := func() (io.Reader, error) {
		_, err := tmp.Seek(0, io.SeekStart)
		return tmp, err
	}
	return r.text(ctx, rewind, name, f, send)
}

// ErrNoWriter is the error of a named pipe that no program wrote to in
// time. Like ErrEmpty it is said to the user as it is, without a prefix.
var ErrNoWriter = errors.New("nothing written to the named pipe")

// openPipe opens the named pipe at path without waiting for a writer, then
// waits at most wait for the first data (or a writer closing it): a pipe
// that nobody writes to would otherwise block for ever.
func openPipe(ctx context.Context, path string, wait time.Duration) (*os.File, error) {
	fh, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	rc, err := fh.SyscallConn()
	if err != nil {
		fh.Close()
		return nil, err
	}
	deadline := time.Now().Add(wait)
	ready := false
	for !ready && err == nil {
		left := time.Until(deadline)
		if left <= 0 {
			break
		}
		if ctx.Err() != nil {
			fh.Close()
			return nil, ctx.Err()
		}
		ms := int(min(left, 200*time.Millisecond) / time.Millisecond)
		if cerr := rc.Control(func(fd uintptr) {
			fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
			var n int
			n, err = unix.Poll(fds, max(ms, 1))
			if err == unix.EINTR {
				err = nil
			}
			ready = n > 0
		}); cerr != nil {
			err = cerr
		}
	}
	if err != nil {
		fh.Close()
		return nil, err
	}
	if !ready {
		fh.Close()
		return nil, fmt.Errorf("%w in %s: start the program that writes to it first, or pipe its output: … | kg ingest -", ErrNoWriter, wait)
	}
	return fh, nil
}
