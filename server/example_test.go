package server_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"strings"

	"github.com/kg-builder/kg/server"
)

func Example() {
	graphql := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"data":{"stats":{"documents":0}}}`)
	})
	srv := server.New(server.Options{Addr: "127.0.0.1:0", GraphQL: graphql})
	addr, err := srv.Listen() // bound: requests can be sent now
	if err != nil {
		log.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()

	for _, path := range []string{"/healthz", "/graphql"} {
		res, err := http.Get("http://" + addr.String() + path)
		if err != nil {
			log.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		fmt.Printf("%s: %d %s\n", path, res.StatusCode, strings.TrimSpace(string(body)))
	}

	cancel() // graceful shutdown
	fmt.Println("Serve:", <-done)
	// Output:
	// /healthz: 200 ok
	// /graphql: 200 {"data":{"stats":{"documents":0}}}
	// Serve: <nil>
}
