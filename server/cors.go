package server

import (
	"fmt"
	"net"
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
// scheme://host[:port], http or https, as a browser sends it in its Origin
// header: a host name (ASCII: an international one in its xn-- form), an
// IPv4 address or a bracketed IPv6 one, a port from 1 to 65535, no path
// (a trailing / aside), user, query or wildcard. It is returned as the
// browser sends it: in lowercase, without the scheme's default port. The
// matcher compares whole origins; anything it could never match is refused.
func ParseOrigins(values []string) ([]string, error) {
	var out []string
	for _, v := range values {
		for _, o := range strings.Split(v, ",") {
			o, err := parseOrigin(strings.TrimSpace(o))
			if err != nil {
				return nil, err
			}
			if !slices.Contains(out, o) {
				out = append(out, o)
			}
		}
	}
	return out, nil
}

const originForm = "want * or scheme://host[:port] (http or https, no path), like https://app.example.com or http://localhost:3000"

func parseOrigin(o string) (string, error) {
	if o == "*" {
		return o, nil
	}
	if o == "" {
		return "", fmt.Errorf("CORS origin: an empty one (a stray comma?): %s", originForm)
	}
	if strings.Contains(o, "*") {
		return "", fmt.Errorf("CORS origin %q: wildcards are not supported: list each origin as scheme://host[:port], or give * alone for any", o)
	}
	u, err := url.Parse(o)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil || u.Opaque != "" ||
		(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.HasSuffix(o, "#") {
		return "", fmt.Errorf("CORS origin %q: %s", o, originForm)
	}
	host, port := u.Hostname(), u.Port()
	if !validHost(host) {
		return "", fmt.Errorf("CORS origin %q: %q is not a host name or an IP address (write an international name as xn--…): %s", o, host, originForm)
	}
	if strings.HasSuffix(u.Host, ":") {
		return "", fmt.Errorf("CORS origin %q: an empty port: %s", o, originForm)
	}
	scheme := strings.ToLower(u.Scheme)
	if port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 {
			return "", fmt.Errorf("CORS origin %q: port %s is not from 1 to 65535: %s", o, port, originForm)
		}
		if (scheme == "http" && n == 80) || (scheme == "https" && n == 443) {
			port = "" // browsers leave the default port out
		} else {
			port = strconv.Itoa(n)
		}
	}
	h := strings.ToLower(host)
	if strings.Contains(h, ":") {
		h = "[" + h + "]"
	}
	if port != "" {
		h += ":" + port
	}
	return scheme + "://" + h, nil
}

// validHost reports whether h is an IP address or an ASCII host name:
// dot-separated labels of letters, digits and hyphens.
func validHost(h string) bool {
	if net.ParseIP(h) != nil {
		return true
	}
	if h == "" || len(h) > 253 {
		return false
	}
	for _, label := range strings.Split(h, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, c := range label {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
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
