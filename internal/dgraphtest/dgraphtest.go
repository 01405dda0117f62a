// Package dgraphtest runs a real Dgraph cluster for tests and benchmarks:
// a zero and two alphas (two groups) on free loopback ports, each in a
// folder of its own, stopped when the test ends.
package dgraphtest

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Cluster is a Dgraph zero and two alphas on the loopback interface.
type Cluster struct {
	ZeroGRPC, AlphaGRPC string // host:port
	Alpha, Alpha2       string // http://host:port
	Dir                 string // the processes' folders and logs
}

// Start starts a zero and two alphas from the Dgraph binary bin, each
// alpha with a cache of cacheMB, and waits until they are healthy. Their
// process groups are killed when tb ends; a failed test shows the end of
// each log.
func Start(tb testing.TB, bin string, cacheMB int) *Cluster {
	tb.Helper()
	c := &Cluster{Dir: tb.TempDir()}
	start := func(name string, args ...string) {
		tb.Helper()
		wd := filepath.Join(c.Dir, name)
		if err := os.MkdirAll(wd, 0o755); err != nil {
			tb.Fatal(err)
		}
		logf, err := os.Create(filepath.Join(c.Dir, name+".log"))
		if err != nil {
			tb.Fatal(err)
		}
		cmd := exec.Command(bin, args...)
		cmd.Dir, cmd.Stdout, cmd.Stderr = wd, logf, logf
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		if err := cmd.Start(); err != nil {
			tb.Fatal(err)
		}
		tb.Cleanup(func() {
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			cmd.Wait()
			logf.Close()
			if tb.Failed() {
				b, _ := os.ReadFile(logf.Name())
				if len(b) > 3000 {
					b = b[len(b)-3000:]
				}
				tb.Logf("%s log (end):\n%s", name, b)
			}
		})
	}
	zo := freeOffset(tb, 5080, 6080)
	c.ZeroGRPC = fmt.Sprintf("127.0.0.1:%d", 5080+zo)
	start("zero", "zero", "--my="+c.ZeroGRPC, "-o", strconv.Itoa(zo), "--bindall=false", "--wal", "zw", "--replicas", "1")
	WaitHTTP(tb, fmt.Sprintf("http://127.0.0.1:%d/state", 6080+zo), "")
	for i := range 2 {
		o := freeOffset(tb, 7080, 8080, 9080)
		my := fmt.Sprintf("127.0.0.1:%d", 7080+o)
		start(fmt.Sprintf("alpha%d", i), "alpha", "--my="+my, "-o", strconv.Itoa(o), "--zero="+c.ZeroGRPC, "--bindall=false",
			"-p", "p", "-w", "w", "--tmp", "t", "--security", "whitelist=127.0.0.1", "--cache", fmt.Sprintf("size-mb=%d", cacheMB))
		u := fmt.Sprintf("http://127.0.0.1:%d", 8080+o)
		WaitHTTP(tb, u+"/health", `"healthy"`)
		if i == 0 {
			c.Alpha, c.AlphaGRPC = u, fmt.Sprintf("127.0.0.1:%d", 9080+o)
		} else {
			c.Alpha2 = u
		}
	}
	return c
}

// freeOffset finds a port offset at which every base port is free.
func freeOffset(tb testing.TB, bases ...int) int {
	tb.Helper()
	for range 50 {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			tb.Fatal(err)
		}
		p := l.Addr().(*net.TCPAddr).Port
		l.Close()
		o := p - bases[0]
		if o <= 0 || slices.Max(bases)+o > 65000 {
			continue
		}
		free := true
		for _, b := range bases {
			l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(b+o))
			if err != nil {
				free = false
				break
			}
			l.Close()
		}
		if free {
			return o
		}
	}
	tb.Fatal("no free ports for Dgraph")
	return 0
}

// WaitHTTP waits up to a minute for url to answer 200 with want in its
// body.
func WaitHTTP(tb testing.TB, url, want string) {
	tb.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		if resp, err := http.Get(url); err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 200 && strings.Contains(string(b), want) {
				return
			}
		}
		if time.Now().After(deadline) {
			tb.Fatalf("%s did not come up in a minute", url)
		}
		time.Sleep(200 * time.Millisecond)
	}
}
