package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/kg-builder/kg/source"
)

// remoteMutation sends one document through a running kg serve.
const remoteMutation = `mutation Ingest($text: String!, $id: String, $title: String, $source: String, $url: String, $date: String) {
  ingest(text: $text, id: $id, title: $title, source: $source, url: $url, date: $date) {
    documentId duplicate sentences entities triples evidence document { tokens }
  }
}`

// remote is a kg serve's GraphQL API, for kg ingest --server.
type remote struct {
	endpoint string
	token    string
	client   *http.Client
}

// newRemote checks the server's address: http(s)://host[:port], with or
// without /graphql.
func newRemote(server, token string) (*remote, error) {
	u, err := url.Parse(strings.TrimSpace(server))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("--server %q: want the address of a kg serve, like http://127.0.0.1:8080", server)
	}
	u.Path = strings.TrimSuffix(u.Path, "/")
	if !strings.HasSuffix(u.Path, "/graphql") {
		u.Path += "/graphql"
	}
	u.RawQuery, u.Fragment = "", ""
	// the server's own time limit bounds each request; this one only
	// catches a server that stopped answering
	return &remote{endpoint: u.String(), token: token, client: &http.Client{Timeout: 5 * time.Minute}}, nil
}

// remoteResult is what the server reports of one document.
type remoteResult struct {
	DocumentID                             string
	Duplicate                              bool
	Sentences, Entities, Triples, Evidence int
	Document                               struct{ Tokens int }
}

// errStop is an error of the server or the connection, not of one
// document: the ingest stops.
type errStop struct{ msg string }

func (e *errStop) Error() string { return e.msg }

// ingest sends in; an error is *errStop when there is no point in sending
// the next one.
func (r *remote) ingest(ctx context.Context, in source.Document) (remoteResult, error) {
	vars := map[string]any{"text": in.Text, "id": in.ID, "title": in.Title, "source": in.Source, "url": in.URL, "date": in.Date}
	for k, v := range vars {
		if v == "" {
			delete(vars, k)
		}
	}
	body, err := json.Marshal(map[string]any{"query": remoteMutation, "variables": vars})
	if err != nil {
		return remoteResult{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.endpoint, bytes.NewReader(body))
	if err != nil {
		return remoteResult{}, &errStop{err.Error()}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	if r.token != "" {
		req.Header.Set("Authorization", "Bearer "+r.token)
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return remoteResult{}, &errStop{fmt.Sprintf("cannot reach the server at %s: %v", r.endpoint, errors.Unwrap(err))}
	}
	defer resp.Body.Close()
	var out struct {
		Data struct {
			Ingest *remoteResult
		}
		Errors []struct {
			Message    string
			Extensions struct{ Code string }
		}
	}
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err := json.Unmarshal(b, &out); err != nil {
		return remoteResult{}, &errStop{fmt.Sprintf("%s answered %s, not a GraphQL response: is it a kg serve?", r.endpoint, resp.Status)}
	}
	if len(out.Errors) > 0 {
		e := out.Errors[0]
		switch e.Extensions.Code {
		case "UNAUTHENTICATED":
			if r.token == "" {
				return remoteResult{}, &errStop{"the server needs a token for ingest: set KG_TOKEN or --token"}
			}
			return remoteResult{}, &errStop{"the server refused the token: " + e.Message}
		case "FORBIDDEN":
			return remoteResult{}, &errStop{"the server refuses ingest: " + e.Message}
		case "BAD_USER_INPUT":
			return remoteResult{}, errors.New(e.Message)
		case "TIMEOUT":
			return remoteResult{}, errors.New("the server's time limit ran out (kg serve --timeout)")
		}
		return remoteResult{}, &errStop{fmt.Sprintf("the server failed: %s (%s)", e.Message, e.Extensions.Code)}
	}
	if out.Data.Ingest == nil {
		return remoteResult{}, &errStop{fmt.Sprintf("%s answered %s without a result", r.endpoint, resp.Status)}
	}
	return *out.Data.Ingest, nil
}

// runIngestRemote is kg ingest --server: the documents are read and checked
// here, and extracted and stored by the server, one at a time.
func runIngestRemote(ctx context.Context, e *env, paths []string, quiet bool, server, token string) error {
	r, err := newRemote(server, token)
	if err != nil {
		return err
	}
	src := source.New(paths, e.stdin, source.Options{})
	stats := &ingestStats{start: time.Now()}
	prog := newProgress(e.stderr, src.Total(), quiet)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	items := make(chan source.Item, 16)
	go src.Run(ctx, items)
	var stop error
	for it := range items {
		stats.bytes += it.Size
		fail := func(msg string) { stats.fail(e.stderr, prog, it.Where, msg) }
		if it.Err != nil {
			fail(it.Err.Error())
			continue
		}
		res, err := r.ingest(ctx, it.Doc)
		var es *errStop
		switch {
		case errors.As(err, &es):
			stop = fmt.Errorf("%s: %w", it.Where, err)
		case err != nil && ctx.Err() != nil:
		case err != nil:
			fail(err.Error())
		case res.Duplicate:
			stats.dups++
		default:
			stats.stored(res.Sentences, res.Document.Tokens, res.Triples, res.Entities, res.Evidence)
		}
		if stop != nil {
			break
		}
		prog.update(stats)
	}
	cancel()
	prog.clear()
	fmt.Fprintln(e.stderr, stats.summary())
	switch {
	case stop != nil:
		return fmt.Errorf("%w; every document reported above is stored, the rest is not", stop)
	case ctx.Err() != nil && stats.docs+stats.dups+stats.failed == 0 && src.Total() > 0:
		return errors.New("interrupted")
	case stats.failed > 0:
		return errQuiet
	}
	return nil
}
