//go:build !amd64

package parse

const haveDenseAsm = false

func addDenseAsm(acc *int32, dense *int16, rows *uint32, n int) {
	panic("no assembly")
}

func addSumsAsm(acc, a, b, c *int32) {
	panic("no assembly")
}
