package graph

import "context"

// Verify is Store.Check, for the tests.
func Verify(s *Store) error { return s.Check(context.Background()) }

// SetBatchLimits changes how much AddBatch puts in one transaction, until
// the returned func restores it.
func SetBatchLimits(writes, bytes int) (restore func()) {
	w, b := maxBatchWrites, maxBatchBytes
	maxBatchWrites, maxBatchBytes = writes, bytes
	return func() { maxBatchWrites, maxBatchBytes = w, b }
}
