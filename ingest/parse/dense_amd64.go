package parse

import "golang.org/x/sys/cpu"

var haveDenseAsm = cpu.X86.HasAVX2

// addDenseAsm adds the n dense rows numbered rows[0:n] of the rows at
// dense to acc[0:denseClasses], with AVX2 (dense_amd64.s).
//
//go:noescape
func addDenseAsm(acc *int32, dense *int16, rows *uint32, n int)

// addSumsAsm adds a, b and c to acc, denseClasses int32s each, with AVX2
// (dense_amd64.s).
//
//go:noescape
func addSumsAsm(acc, a, b, c *int32)
