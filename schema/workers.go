package schema

import (
	"context"
	"log/slog"
	"runtime"
	"time"

	graphql "github.com/graph-gophers/graphql-go"
)

// workers execute requests, at most a slot's worth at once, and let the
// caller stop waiting when its context ends.
//
// A request does not execute on the goroutine that serves it: that one
// waits for the answer or for the request's deadline, whichever comes
// first, so that a request is answered in time even when a resolver does
// not look at its context (its execution goes on, holding its slot, until
// it ends).
//
// The workers are goroutines that outlive a request. A goroutine starts
// with a small stack, and executing a GraphQL request grows it, by copying,
// several times over: with a new goroutine per request (as
// http.TimeoutHandler starts) that copying was a tenth of kg serve's CPU.
// An idle worker waits for the next request; after idleWorker without one
// it ends.
type workers struct {
	log *slog.Logger
	// slots holds a token per executing request (Options.MaxConcurrent);
	// a blocked send waits in line, first come first served. Requests
	// that are cheap by their estimate (see lane) have slots of their
	// own, so that heavy requests, which may hold theirs for seconds,
	// never make a cheap one wait.
	slots, cheap chan struct{}
	// jobs hands a job to an idle worker: a send goes through only while
	// one waits
	jobs chan *job
}

// idleWorker is how long a worker waits for a request before it ends.
const idleWorker = time.Minute

type job struct {
	run   func() *graphql.Response
	slots chan struct{}          // the lane's, to give the slot back to
	done  chan *graphql.Response // buffered: the worker never waits on it
}

func newWorkers(n int, log *slog.Logger) *workers {
	return &workers{log: log, slots: make(chan struct{}, n), cheap: make(chan struct{}, n), jobs: make(chan *job)}
}

// do runs f on a worker once a slot of its lane is free, and returns what
// it returns; ok is false when ctx ends first, while f waits for a slot or
// (unless finish) runs. With finish, a request that has started is waited
// for to the end, ctx or not: a mutation's answer must say what it did.
func (w *workers) do(ctx context.Context, cheap, finish bool, f func() *graphql.Response) (resp *graphql.Response, ok bool) {
	slots := w.slots
	if cheap {
		slots = w.cheap
	}
	select {
	case slots <- struct{}{}:
	case <-ctx.Done():
		return nil, false
	}
	j := &job{run: f, slots: slots, done: make(chan *graphql.Response, 1)}
	select {
	case w.jobs <- j:
	default:
		go w.work(j)
	}
	if finish {
		return <-j.done, true
	}
	select {
	case resp = <-j.done:
		return resp, true
	case <-ctx.Done():
		// an answer that came at the same time is still an answer
		select {
		case resp = <-j.done:
			return resp, true
		default:
			return nil, false
		}
	}
}

// work runs j, then the jobs it is handed, until it has waited idleWorker
// for one.
func (w *workers) work(j *job) {
	idle := time.NewTimer(idleWorker)
	defer idle.Stop()
	for {
		j.done <- w.run(j)
		idle.Reset(idleWorker)
		select {
		case j = <-w.jobs:
		case <-idle.C:
			return
		}
	}
}

// run runs j and gives its slot back. A panic outside a resolver (which
// graphql-go recovers itself) is logged and answered as an internal error:
// on a worker, no HTTP server would recover it, and the process would end.
func (w *workers) run(j *job) (resp *graphql.Response) {
	defer func() { <-j.slots }()
	defer func() {
		if v := recover(); v != nil {
			buf := make([]byte, 64<<10)
			buf = buf[:runtime.Stack(buf, false)]
			w.log.Error("graphql request panicked", "panic", v, "stack", string(buf))
			resp = &graphql.Response{Errors: errList(codeInternal, "internal error")}
		}
	}()
	return j.run()
}
