//go:build !linux

package parse

// bigSlice returns a zeroed slice of n Ts.
func bigSlice[T any](owner *table, n int) []T { return make([]T, n) }
