//go:build linux

package parse

import (
	"runtime"
	"unsafe"

	"golang.org/x/sys/unix"
)

// hugePage is the size of a transparent huge page on the platforms Go
// runs Linux on.
const hugePage = 2 << 20

// bigSlice returns a zeroed slice of n Ts (which must hold no pointers)
// in memory of its own that the kernel is asked to back with huge pages,
// and owner's cleanup returns it. The weight tables are tens of
// megabytes read at random: with 4 KiB pages nearly every lookup misses
// the TLB as well as the cache; with 2 MiB pages the whole table fits the
// TLB. Where the kernel refuses (huge pages off, or no memory mapped), it
// is an ordinary Go slice.
func bigSlice[T any](owner *table, n int) []T {
	var zero T
	size := int(unsafe.Sizeof(zero)) * n
	if size < hugePage {
		return make([]T, n)
	}
	mem, err := unix.Mmap(-1, 0, size+hugePage, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANON)
	if err != nil {
		return make([]T, n)
	}
	// start at a huge-page boundary, so that every 2 MiB of the table
	// can be one page
	skip := (hugePage - int(uintptr(unsafe.Pointer(&mem[0]))%hugePage)) % hugePage
	_ = unix.Madvise(mem[skip:skip+size], unix.MADV_HUGEPAGE)
	runtime.AddCleanup(owner, func(m []byte) { _ = unix.Munmap(m) }, mem)
	return unsafe.Slice((*T)(unsafe.Pointer(&mem[skip])), n)
}
