package main

import (
	"encoding/json"
	"path/filepath"
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

// TestExtractGraphIsStored checks that kg extract's graph flag says what
// kg ingest stores: not an apposition, a time taken for an object or what
// a speech verb's oblique says, which only open extraction gives.
func TestExtractGraphIsStored(t *testing.T) {
	in := "Owen Harlow, a socialist, met Vexa officials in Riga.\n\n" +
		"Norland Corp followed the July plan.\n\n" +
		"Acme Corp spoke at a hearing in Oslo.\n\n" +
		"Norland Corp offered a free month of service to Baltic Rail.\n"
	code, stdout, stderr := kg(t, in, "extract")
	if code != 0 {
		t.Fatalf("kg extract = exit %d: %s", code, stderr)
	}
	flagged := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var r extractRow
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		if r.Graph {
			flagged[r.Subject+" –"+r.Relation+"→ "+r.Object] = true
		}
	}
	data := filepath.Join(t.TempDir(), "store")
	if code, _, stderr := kg(t, in, "ingest", "--data", data, "-q", "-"); code != 0 {
		t.Fatalf("kg ingest = exit %d: %s", code, stderr)
	}
	code, out, stderr := kg(t, "", "export", "--data", data, "--format", "jsonl")
	if code != 0 {
		t.Fatalf("kg export = exit %d: %s", code, stderr)
	}
	stored := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var e struct {
			Subject, Object struct{ Name string }
			Relation        string
		}
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("export line %q: %v", line, err)
		}
		stored[e.Subject.Name+" –"+e.Relation+"→ "+e.Object.Name] = true
	}
	if len(stored) == 0 {
		t.Fatalf("kg ingest stored nothing of %q", in)
	}
	for k := range flagged {
		if !stored[k] {
			t.Errorf("kg extract marks %s for the graph; kg ingest does not store it", k)
		}
	}
	for k := range stored {
		if !flagged[k] {
			t.Errorf("kg ingest stores %s; kg extract does not mark it for the graph", k)
		}
	}
}
