package parse

import (
	"os/exec"
	"testing"
)

func runGo(t *testing.T, args ...string) (string, error) {
	t.Helper()
	out, err := exec.Command("go", args...).CombinedOutput()
	return string(out), err
}
