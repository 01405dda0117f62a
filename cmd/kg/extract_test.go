package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestExtractRuleFlags checks that kg extract says by which rule and with
// which flags each triple got its confidence.
func TestExtractRuleFlags(t *testing.T) {
	in := "Acme Corp bought Widget Inc, the company said.\nAcme chairman John Smith sold Gizmo Ltd.\n"
	code, stdout, stderr := kg(t, in, "extract")
	if code != 0 {
		t.Fatalf("kg extract = exit %d: %s", code, stderr)
	}
	var bought, chairman bool
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var r extractRow
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		if r.Rule == "" {
			t.Errorf("%s –%s→ %s: no rule", r.Subject, r.Relation, r.Object)
		}
		switch {
		case r.Subject == "Acme Corp" && r.Relation == "buy" && r.Object == "Widget Inc":
			bought = r.Rule == "obj" && slices.Contains(r.Flags, "named object") && slices.Contains(r.Flags, "reported speech")
			if !bought {
				t.Errorf("Acme Corp –buy→ Widget Inc: rule %q, flags %q; want obj, with named object and reported speech", r.Rule, r.Flags)
			}
		case r.Subject == "John Smith" && r.Relation == "chairman of":
			chairman = true
			if r.Rule == "obj" || len(r.Flags) > 0 {
				t.Errorf("John Smith –chairman of→: rule %q, flags %q; want a role's rule, no flags", r.Rule, r.Flags)
			}
		}
	}
	if !bought || !chairman {
		t.Errorf("kg extract lacks Acme Corp –buy→ Widget Inc or John Smith –chairman of→ Acme Corp:\n%s", stdout)
	}
	if strings.Contains(stdout, `"flags":null`) || strings.Contains(stdout, `"flags":[]`) {
		t.Errorf("kg extract prints empty flags; want them left out:\n%s", stdout)
	}
}
