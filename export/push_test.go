package export_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/kg-builder/kg/export"
)

// fakeDgraph answers Push's requests as Dgraph would when it holds
// nothing, records the mutations, and fails the one numbered failAt.
type fakeDgraph struct {
	mu        sync.Mutex
	paths     []string
	mutations []string
	failAt    int
}

func (f *fakeDgraph) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.paths = append(f.paths, r.URL.Path)
	switch r.URL.Path {
	case "/alter":
		io.WriteString(w, `{"data":{"code":"Success"}}`)
	case "/query":
		io.WriteString(w, `{"data":{"s":[]}}`)
	case "/mutate":
		f.mutations = append(f.mutations, string(b))
		if len(f.mutations) == f.failAt {
			w.WriteHeader(500)
			io.WriteString(w, `{"errors":[{"message":"the disk is on fire"}]}`)
			return
		}
		io.WriteString(w, `{"data":{"code":"Success"}}`)
	}
}

// TestPushRequests: Push applies the schema, reads what Dgraph has, sends
// upsert blocks keyed on xids, and sets kg.pushed in its last request
// only; a failed request stops it before that.
func TestPushRequests(t *testing.T) {
	st := testStore(t)
	f := &fakeDgraph{}
	srv := httptest.NewServer(f)
	defer srv.Close()
	res, err := export.Push(context.Background(), st, export.PushOptions{URL: srv.URL, Batch: 3, StoreID: "kgtest"})
	if err != nil {
		t.Fatalf("Push() = %v", err)
	}
	if !res.Full || res.Requests != len(f.mutations) || res.Requests < 3 || f.paths[0] != "/alter" || f.paths[1] != "/query" {
		t.Fatalf("Push() = %+v after requests %v", res, f.paths)
	}
	for i, m := range f.mutations {
		last := i == len(f.mutations)-1
		if strings.Contains(m, "<kg.pushed>") != last {
			t.Errorf("mutation %d of %d sets kg.pushed: %v\n%s", i+1, len(f.mutations), !last, m)
		}
		if !strings.HasPrefix(m, "upsert {") || !strings.Contains(m, `as var(func: eq(xid, "kgtest`) {
			t.Errorf("mutation %d is no upsert keyed on xid:\n%s", i+1, m)
		}
	}
	if !strings.Contains(strings.Join(f.mutations, ""), `<dgraph.type> "kg.Triple"`) {
		t.Error("no triple was sent")
	}

	failing := &fakeDgraph{failAt: 2}
	srv2 := httptest.NewServer(failing)
	defer srv2.Close()
	res, err = export.Push(context.Background(), st, export.PushOptions{URL: srv2.URL, Batch: 3, StoreID: "kgtest"})
	if err == nil || !strings.Contains(err.Error(), "the disk is on fire") || res.Requests != 1 {
		t.Fatalf("Push() to a failing Dgraph = %+v, %v", res, err)
	}
	for _, m := range failing.mutations {
		if strings.Contains(m, "<kg.pushed>") {
			t.Errorf("a failed push set kg.pushed:\n%s", m)
		}
	}
}
