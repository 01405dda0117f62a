package kg

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestSchemaEmbedded(t *testing.T) {
	for _, want := range []string{"type Query", "entity(name: String!): Entity", "type Mutation", "type Triple"} {
		if !strings.Contains(Schema, want) {
			t.Errorf("Schema lacks %q", want)
		}
	}
}

// TestNoFileSystemFromRequests: the packages that answer HTTP requests
// (the API, the export handler, the server, the playground) cannot reach
// the file system or run programs: they do not import the packages that
// do. A request cannot name a file to read or write, whatever it sends.
func TestNoFileSystemFromRequests(t *testing.T) {
	banned := map[string]bool{"os": true, "os/exec": true, "io/ioutil": true, "syscall": true, "plugin": true,
		"golang.org/x/sys/unix": true, "net/http/cgi": true, "net/http/fcgi": true}
	fset := token.NewFileSet()
	for _, dir := range []string{"schema", "export", "server", "web"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no Go files in %s: %v", dir, err)
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				if banned[path] {
					t.Errorf("%s imports %s: a request handler must not reach the file system", name, path)
				}
			}
		}
	}
}
