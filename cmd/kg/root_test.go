package main

import (
	"strings"
	"testing"
)

// A mistake in the command line says how to get help; other errors do not.
func TestUsageHint(t *testing.T) {
	for _, tt := range []struct {
		args []string
		msg  string
		hint string // "" for none
	}{
		{[]string{"frobnicate"}, `unknown command "frobnicate" for "kg"`, "Run 'kg --help' for usage."},
		{[]string{"sevre"}, "Did you mean this?", "Run 'kg --help' for usage."},
		{[]string{"--nope"}, "unknown flag: --nope", "Run 'kg --help' for usage."},
		{[]string{"export", "--fromat", "csv"}, "unknown flag: --fromat", "Run 'kg export --help' for usage."},
		{[]string{"export", "--depth", "two"}, `invalid argument "two" for "--depth" flag`, "Run 'kg export --help' for usage."},
		{[]string{"serve", "extra"}, `unknown command "extra" for "kg serve"`, "Run 'kg serve --help' for usage."},
		{[]string{"merge", "a"}, "accepts 2 arg(s), received 1", "Run 'kg merge --help' for usage."},
		{[]string{"stats", "--data", "/nonexistent/kg"}, "no store at /nonexistent/kg", ""},
	} {
		code, _, errOut := kg(t, "", tt.args...)
		lines := strings.Split(strings.TrimSpace(errOut), "\n")
		last := lines[len(lines)-1]
		switch {
		case code != 1 || !strings.HasPrefix(errOut, "kg: ") || !strings.Contains(errOut, tt.msg):
			t.Errorf("kg %s = exit %d, %q; want exit 1 saying %q", strings.Join(tt.args, " "), code, errOut, tt.msg)
		case tt.hint != "" && last != tt.hint:
			t.Errorf("kg %s: %q, want it to end with %q", strings.Join(tt.args, " "), errOut, tt.hint)
		case tt.hint == "" && strings.Contains(errOut, "--help"):
			t.Errorf("kg %s: %q, want no usage hint for an error that is not one of usage", strings.Join(tt.args, " "), errOut)
		}
	}
}
