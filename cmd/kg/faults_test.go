package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kg-builder/kg/graph"
)

// The file system failing under the store (issue 7): a disk that fills up,
// a read-only mount, a folder the user may not write. Each test runs the kg
// binary against a real mount; root ignores file modes, so "not writable"
// is a read-only mount, or kg run as user nobody. They need root (CI runs
// as root): without it they skip, or fail under KG_REQUIRE_E2E=1.

// mountFS mounts a file system of the given type on a new folder, with
// mount(8), and unmounts it when the test ends.
func mountFS(t *testing.T, args ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "mnt")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", append(args, dir)...).CombinedOutput(); err != nil {
		requireE2E(t, "cannot mount (mount %s: %v: %s): these tests need root with mount privileges", strings.Join(args, " "), err, bytes.TrimSpace(out))
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			// something still holds it: detach it, it goes when released
			t.Errorf("umount %s: %v: %s", dir, err, out)
			exec.Command("umount", "-l", dir).Run()
		}
	})
	return dir
}

// mountTmpfs mounts a tmpfs of size bytes.
func mountTmpfs(t *testing.T, size uint64) string {
	t.Helper()
	return mountFS(t, "-t", "tmpfs", "-o", fmt.Sprintf("size=%dk", size>>10), "tmpfs")
}

// remount changes the options of a mount: "size=1g", "ro".
func remount(t *testing.T, dir, opts string) {
	t.Helper()
	if out, err := exec.Command("mount", "-o", "remount,"+opts, dir).CombinedOutput(); err != nil {
		t.Fatalf("mount -o remount,%s %s: %v: %s", opts, dir, err, out)
	}
}

// kgProc runs the kg binary and returns its exit status, stdout and
// stderr; asUser runs it as that uid and gid.
func kgProc(t *testing.T, bin string, asUser int, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = filepath.Dir(bin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if asUser >= 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(asUser), Gid: uint32(asUser)}}
	}
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("kg %s: %v", strings.Join(args, " "), err)
		}
		code = ee.ExitCode()
	}
	return code, stdout.String(), stderr.String()
}

// asRoot runs the binary as the test's own user.
const asRoot = -1

// nobody is the unprivileged user the permission tests run kg as.
const nobody = 65534

// crashed reports signs of a crash, rather than an error, in stderr.
func crashed(stderr string) bool {
	for _, s := range []string{"panic", "SIGBUS", "goroutine ", "fatal error", "signal "} {
		if strings.Contains(stderr, s) {
			return true
		}
	}
	return false
}

// badgerWords are Badger's own words, which kg's errors must not be.
var badgerWords = regexp.MustCompile(`(?i)badger|pid file|Error Creating Dir|LOCK|err: `)

// clearError checks a failed command: exit 1, stderr saying each of want,
// no crash, no Badger internals.
func clearError(t *testing.T, what string, code int, stderr string, want ...string) {
	t.Helper()
	if code != 1 || crashed(stderr) || badgerWords.MatchString(stderr) {
		t.Errorf("%s = exit %d, want 1 with a clear error; stderr:\n%s", what, code, stderr)
		return
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Errorf("%s: stderr lacks %q:\n%s", what, w, stderr)
		}
	}
}

// snapshot describes every file under dir: name, mode, size, content hash.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		sum := ""
		if d.Type().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum = fmt.Sprintf("%x", sha256.Sum256(data))
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(&b, "%s %v %d %s\n", rel, fi.Mode(), fi.Size(), sum)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// storeOf makes a store of the example article in dir, with the files of
// it readable by everyone (Badger makes them its owner's only).
func storeOf(t *testing.T, dir string) {
	t.Helper()
	if code, _, stderr := kg(t, article, "ingest", "--data", dir, "-"); code != 0 {
		t.Fatalf("kg ingest = exit %d: %s", code, stderr)
	}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil {
			mode := fs.FileMode(0o644)
			if d.IsDir() {
				mode = 0o755
			}
			err = os.Chmod(p, mode)
		}
		return err
	})
}

var documentsLine = regexp.MustCompile(`(?m)^documents\s+(\d+)$`)

// statsDocuments runs kg stats and returns the document count.
func statsDocuments(t *testing.T, bin string, asUser int, data string) int {
	t.Helper()
	code, stdout, stderr := kgProc(t, bin, asUser, "stats", "--data", data)
	m := documentsLine.FindStringSubmatch(stdout)
	if code != 0 || m == nil {
		t.Fatalf("kg stats = exit %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestIngestNoSpace fills the disk of a store and ingests more: kg refuses
// before it writes, says how much space there is and how much it needs,
// leaves the store as it was, and ingests once space is freed. A store
// that does not exist yet is not created on a disk that full.
func TestIngestNoSpace(t *testing.T) {
	bin := kgBinary(t)
	mnt := mountTmpfs(t, graph.MinFree+8<<20)
	data := filepath.Join(mnt, "store")
	news, _ := filepath.Abs("../../examples/news")
	if code, _, stderr := kgProc(t, bin, asRoot, "ingest", "--quiet", "--data", data, news); code != 0 {
		t.Fatalf("kg ingest on a tmpfs with room = exit %d: %s", code, stderr)
	}
	free, err := graph.FreeSpace(mnt)
	if err != nil {
		t.Fatal(err)
	}
	filler := filepath.Join(mnt, "filler")
	if err := os.WriteFile(filler, make([]byte, free-graph.MinFree+1<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, data)
	input := writeFiles(t, map[string]string{"a.txt": article})
	code, _, stderr := kgProc(t, bin, asRoot, "ingest", "--data", data, filepath.Join(input, "a.txt"))
	clearError(t, "kg ingest on a full disk", code, stderr, "not enough free space on "+data,
		"MiB free, at least "+strconv.Itoa(graph.MinFree>>20)+" MiB needed", "nothing was ingested")
	if after := snapshot(t, data); after != before {
		t.Errorf("kg ingest on a full disk changed the store:\nbefore\n%safter\n%s", before, after)
	}
	if n := statsDocuments(t, bin, asRoot, data); n != 8 {
		t.Errorf("kg stats on a full disk: %d documents, want the 8 stored", n)
	}
	code, _, stderr = kgProc(t, bin, asRoot, "ingest", "--data", filepath.Join(mnt, "new"), filepath.Join(input, "a.txt"))
	clearError(t, "kg ingest of a new store on a full disk", code, stderr, "not enough free space on "+mnt, "nothing was ingested")
	if _, err := os.Stat(filepath.Join(mnt, "new")); err == nil {
		t.Errorf("kg ingest made a store on a full disk")
	}

	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = kgProc(t, bin, asRoot, "ingest", "--data", data, filepath.Join(input, "a.txt"))
	if code != 0 || !strings.Contains(stderr, "ingested 1 documents") {
		t.Errorf("kg ingest after freeing space = exit %d: %s", code, stderr)
	}
}

// TestIngestDiskFull fills the disk in the middle of an ingest: kg stops
// with a clear error, not Badger's SIGBUS; the store opens, agrees with
// itself and holds the first documents of the input, each whole; and once
// the disk is larger the same command stores the rest, to the same store
// as an ingest that never stopped.
func TestIngestDiskFull(t *testing.T) {
	longTest(t)
	const docs = 1500
	bin := kgBinary(t)
	// room for about 1,500 documents above the margin
	mnt := mountTmpfs(t, graph.MinFree+8<<20)
	data := filepath.Join(mnt, "store")

	// documents of four synthetic articles each, to fill the disk sooner
	dir := t.TempDir()
	parts := syntheticNews(4 * docs)
	texts := make([]string, docs)
	for i := range docs {
		texts[i] = strings.Join(parts[4*i:4*i+4], "\n")
	}
	input, ids := newsInput(t, dir, texts)

	refDir, after := referenceStore(t, dir, input, texts, ids)

	code, _, stderr := kgProc(t, bin, asRoot, "ingest", "--quiet", "--data", data, input)
	clearError(t, "kg ingest filling the disk", code, stderr, "not enough free space on "+data,
		"stopped: every document reported above is stored whole")
	m := regexp.MustCompile(`ingested (\d+) documents \(0 duplicates skipped, 0 failed\)`).FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("kg ingest filling the disk did not sum up what it stored:\n%s", stderr)
	}
	reported, _ := strconv.Atoi(m[1])
	if n := statsDocuments(t, bin, asRoot, data); n != reported {
		t.Errorf("kg stats after the disk filled: %d documents, want the %d reported", n, reported)
	}
	stored := checkPrefix(t, data, ids, after)
	if stored != reported || stored == 0 || stored == docs {
		t.Fatalf("the disk filled after %d of %d documents (%d reported): want it to fill midway; adjust the tmpfs", stored, docs, reported)
	}
	t.Logf("the disk filled after %d of %d documents:\n%s", stored, docs, stderr)

	remount(t, mnt, "size=1g")
	code, _, stderr = kgProc(t, bin, asRoot, "ingest", "--quiet", "--data", data, input)
	want := fmt.Sprintf("ingested %d documents (%d duplicates skipped, 0 failed)", docs-stored, stored)
	if code != 0 || !strings.Contains(stderr, want) {
		t.Fatalf("kg ingest once the disk has room = exit %d, want 0 saying %q:\n%s", code, want, stderr)
	}
	if n := checkPrefix(t, data, ids, after); n != docs {
		t.Errorf("after the second run the store holds %d documents, want %d", n, docs)
	}
	if exportAll(t, data) != exportAll(t, refDir) {
		t.Errorf("the store filled up and finished differs from one built in one go")
	}
}

// TestReadOnlyMount ingests into a store on a read-only mount: a clear
// error and nothing changed; kg stats and kg export still read it.
func TestReadOnlyMount(t *testing.T) {
	bin := kgBinary(t)
	src := filepath.Join(t.TempDir(), "store")
	storeOf(t, src)
	data := mountFS(t, "--bind", src)
	remount(t, data, "bind,ro")
	before := snapshot(t, src)

	input := writeFiles(t, map[string]string{"a.txt": "Maria Lind joined Nordbank as chief economist.\n"})
	code, _, stderr := kgProc(t, bin, asRoot, "ingest", "--data", data, filepath.Join(input, "a.txt"))
	clearError(t, "kg ingest into a read-only mount", code, stderr,
		"cannot write to the store at "+data+": "+data+" is on a read-only file system; nothing was ingested")
	code, _, stderr = kgProc(t, bin, asRoot, "ingest", "--data", filepath.Join(data, "new"), filepath.Join(input, "a.txt"))
	clearError(t, "kg ingest of a new store in a read-only mount", code, stderr,
		"cannot create a store at "+filepath.Join(data, "new")+": "+data+" is on a read-only file system")

	if n := statsDocuments(t, bin, asRoot, data); n != 1 {
		t.Errorf("kg stats on a read-only mount: %d documents, want 1", n)
	}
	code, got, stderr := kgProc(t, bin, asRoot, "export", "--data", data, "--format", "jsonl")
	if code != 0 || got == "" {
		t.Errorf("kg export on a read-only mount = exit %d: %s", code, stderr)
	}
	// commands that may write say why they cannot
	code, _, stderr = kgProc(t, bin, asRoot, "merge", "--data", data, "Kuusik", "Ozols")
	clearError(t, "kg merge on a read-only mount", code, stderr, "read-only file system")
	serveReadOnly(t, bin, data)

	if after := snapshot(t, src); after != before {
		t.Errorf("the store changed on a read-only mount:\nbefore\n%safter\n%s", before, after)
	}
	if want := exportAll(t, src); !strings.HasPrefix(want, got) {
		t.Errorf("kg export on the read-only mount differs from the store's own export")
	}
}

// serveReadOnly starts kg serve --read-only on a store that cannot be
// written and queries it: --read-only opens the store read-only.
func serveReadOnly(t *testing.T, bin, data string) {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--read-only", "--addr", "127.0.0.1:0", "--data", data)
	var stderr syncBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	re := regexp.MustCompile(`GraphQL (http://[0-9.:]+)/graphql`)
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		select {
		case err := <-exited:
			t.Fatalf("kg serve --read-only on a store that cannot be written exited (%v):\n%s", err, stderr.String())
		default:
		}
		if m := re.FindStringSubmatch(stderr.String()); m != nil {
			defer func() {
				cmd.Process.Signal(syscall.SIGTERM)
				<-exited
			}()
			resp, err := http.Get(m[1] + "/graphql?query=" + "%7B%20stats%20%7B%20documents%20%7D%20%7D")
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var out struct {
				Data struct{ Stats struct{ Documents int } }
			}
			if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || out.Data.Stats.Documents != 1 {
				t.Errorf("kg serve --read-only: stats = %+v (%v), want 1 document", out, err)
			}
			return
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("kg serve --read-only neither started nor failed:\n%s", stderr.String())
		}
	}
}

// TestUnwritableStore runs kg as user nobody on a store of root's: a
// clear error and nothing changed for an ingest, kg stats and kg export
// still read it, and a new store cannot be made in root's folder.
func TestUnwritableStore(t *testing.T) {
	if os.Geteuid() != 0 {
		requireE2E(t, "running kg as another user needs root")
	}
	bin := kgBinary(t)
	base := filepath.Dir(bin) // root's, 0755
	data := filepath.Join(base, "store")
	storeOf(t, data)
	before := snapshot(t, data)
	input := filepath.Join(base, "a.txt")
	if err := os.WriteFile(input, []byte("Maria Lind joined Nordbank as chief economist.\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	code, _, stderr := kgProc(t, bin, nobody, "ingest", "--data", data, input)
	clearError(t, "kg ingest as nobody into root's store", code, stderr,
		"cannot write to the store at "+data+": permission denied: "+data+" belongs to root (uid 0) and kg runs as ",
		"(uid 65534); nothing was ingested")
	code, _, stderr = kgProc(t, bin, nobody, "ingest", "--data", filepath.Join(base, "new"), input)
	clearError(t, "kg ingest as nobody of a new store in root's folder", code, stderr,
		"cannot create a store at "+filepath.Join(base, "new")+": permission denied: "+base+" belongs to root (uid 0)")

	if n := statsDocuments(t, bin, nobody, data); n != 1 {
		t.Errorf("kg stats as nobody: %d documents, want 1", n)
	}
	if code, stdout, stderr := kgProc(t, bin, nobody, "export", "--data", data, "--format", "csv"); code != 0 || !strings.Contains(stdout, "Liis Kuusik,meet,Andris Ozols") {
		t.Errorf("kg export as nobody = exit %d: %s%s", code, stdout, stderr)
	}
	if after := snapshot(t, data); after != before {
		t.Errorf("the store changed:\nbefore\n%safter\n%s", before, after)
	}

	// a store nobody may not even read, as Badger makes them (0700)
	if err := os.Chmod(data, 0o700); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = kgProc(t, bin, nobody, "stats", "--data", data)
	clearError(t, "kg stats as nobody of a store only root may read", code, stderr, "permission denied")
}
