package schema

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// maxBody bounds a request body.
const maxBody = 4 << 20

type request struct {
	Query         string         `json:"query"`
	OperationName string         `json:"operationName"`
	Variables     map[string]any `json:"variables"`
}

// Handler serves GraphQL over HTTP: POST with an application/json body, and
// GET with query, operationName and variables parameters for queries (a
// mutation over GET is refused with 405).
func (s *Schema) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req request
		switch r.Method {
		case http.MethodGet, http.MethodHead:
			q := r.URL.Query()
			req.Query = q.Get("query")
			req.OperationName = q.Get("operationName")
			if v := q.Get("variables"); v != "" {
				if err := json.Unmarshal([]byte(v), &req.Variables); err != nil {
					httpError(w, http.StatusBadRequest, "variables is not a JSON object")
					return
				}
			}
		case http.MethodPost:
			ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
			if ct != "application/json" && ct != "application/graphql-response+json" {
				httpError(w, http.StatusUnsupportedMediaType, "send the request as application/json")
				return
			}
			body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
			if err != nil {
				var tooBig *http.MaxBytesError
				if errors.As(err, &tooBig) {
					httpError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over %d bytes", maxBody))
					return
				}
				httpError(w, http.StatusBadRequest, "could not read the request body")
				return
			}
			if err := json.Unmarshal(body, &req); err != nil {
				httpError(w, http.StatusBadRequest, "request body is not a GraphQL request in JSON: "+err.Error())
				return
			}
		default:
			w.Header().Set("Allow", "GET, POST")
			httpError(w, http.StatusMethodNotAllowed, "use GET or POST")
			return
		}
		if strings.TrimSpace(req.Query) == "" {
			httpError(w, http.StatusBadRequest, "no query given")
			return
		}
		if r.Method != http.MethodPost {
			mut, err := isMutation(req.Query, req.OperationName)
			if err != nil {
				// refuse what cannot be checked: graphql-go accepts some
				// documents gqlparser does not, and might run a mutation
				httpError(w, http.StatusBadRequest, "query does not parse: "+err.Error())
				return
			}
			if mut {
				w.Header().Set("Allow", "POST")
				httpError(w, http.StatusMethodNotAllowed, "mutations must be sent with POST")
				return
			}
		}
		resp := s.Exec(r.Context(), req.Query, req.OperationName, req.Variables)
		b, err := json.Marshal(resp)
		if err != nil {
			s.log.Error("encode graphql response", "err", err)
			httpError(w, http.StatusInternalServerError, "internal error")
			return
		}
		w.Header().Set("Content-Type", responseType(r))
		w.Write(b)
	})
}

// isMutation reports whether the operation a request would run is a
// mutation, or why the query could not be parsed.
func isMutation(query, name string) (bool, error) {
	doc, err := parser.ParseQuery(&ast.Source{Input: query})
	if err != nil {
		return false, err
	}
	for _, op := range doc.Operations {
		if name == "" || op.Name == name {
			return op.Operation == ast.Mutation, nil
		}
	}
	return false, nil
}

func responseType(r *http.Request) string {
	if strings.Contains(r.Header.Get("Accept"), "application/graphql-response+json") {
		return "application/graphql-response+json; charset=utf-8"
	}
	return "application/json; charset=utf-8"
}

func httpError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]any{"errors": []map[string]any{{"message": msg}}})
}
