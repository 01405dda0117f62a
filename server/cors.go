package server

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// What a CORS preflight is told.
const (
	corsMethods = "GET, POST, OPTIONS"
	corsHeaders = "Content-Type, Authorization"
	corsMaxAge  = 2 * 60 * 60 // seconds: Chromium's cap
)

// ParseOrigins reads CORS origins as given on a command line: each value
// one origin or several separated by commas. An origin is * (any) or
// scheme://host[:port], http or https, with no path; it is returned in
// lowercase, as browsers send it.
func ParseOrigins(values []string) ([]string, error) {
	var out []string
	for _, v := range values {
		for _, o := range strings.Split(v, ",") {
			o = strings.TrimSpace(o)
			if o == "" {
				continue
			}
			if o != "*" {
				u, err := url.Parse(o)
				if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
					(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
					return nil, fmt.Errorf("CORS origin %q: want * or scheme://host[:port], like https://example.com", o)
				}
				o = strings.ToLower(u.Scheme + "://" + u.Host)
			}
			if !slices.Contains(out, o) {
				out = append(out, o)
			}
		}
	}
	return out, nil
}

// cors lets pages of the given origins call h from a browser: it answers
// their preflights and marks their responses. Requests from other origins
// pass with no CORS header (and a browser keeps the response from the
// page). With no origins it is h.
func cors(origins []string, h http.Handler) http.Handler {
	if len(origins) == 0 {
		return h
	}
	anyOrigin := slices.Contains(origins, "*")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Origin")
		origin := r.Header.Get("Origin")
		if origin == "" || (!anyOrigin && !slices.Contains(origins, strings.ToLower(origin))) {
			h.ServeHTTP(w, r)
			return
		}
		allow := origin
		if anyOrigin {
			allow = "*"
		}
		w.Header().Set("Access-Control-Allow-Origin", allow)
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			w.Header().Add("Vary", "Access-Control-Request-Method")
			w.Header().Add("Vary", "Access-Control-Request-Headers")
			w.Header().Set("Access-Control-Allow-Methods", corsMethods)
			w.Header().Set("Access-Control-Allow-Headers", corsHeaders)
			w.Header().Set("Access-Control-Max-Age", strconv.Itoa(corsMaxAge))
			w.WriteHeader(http.StatusNoContent)
			return
		}
		w.Header().Set("Access-Control-Expose-Headers", "WWW-Authenticate")
		h.ServeHTTP(w, r)
	})
}
