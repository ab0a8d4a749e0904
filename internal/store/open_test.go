package store

import (
	"context"
	"strings"
	"testing"
)

func TestSchemeOf(t *testing.T) {
	tests := []struct {
		address, scheme, rest string
	}{
		{"postgres://u@h/db", "postgres", "//u@h/db"},
		{"POSTGRESQL://h/db", "postgresql", "//h/db"},
		{"sqlite:/tmp/x.db", "sqlite", "/tmp/x.db"},
		{"marsad.db", "", "marsad.db"},
		{"/var/lib/marsad.db", "", "/var/lib/marsad.db"},
		{`C:\data\marsad.db`, "", `C:\data\marsad.db`},
		{"notes:2024.db", "", "notes:2024.db"},
	}
	for _, tt := range tests {
		scheme, rest := schemeOf(tt.address)
		if scheme != tt.scheme || rest != tt.rest {
			t.Errorf("schemeOf(%q) = %q, %q; want %q, %q", tt.address, scheme, rest, tt.scheme, tt.rest)
		}
	}
}

func TestOpenRefusesUnknownSchemes(t *testing.T) {
	tests := []struct {
		address, want string
	}{
		{"", "empty database address"},
		{"mysql://root:secret@db/marsad", "no \"mysql\" backend"},
	}
	for _, tt := range tests {
		_, err := Open(context.Background(), tt.address)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Open(%q) error = %v, want it to mention %q", tt.address, err, tt.want)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("Open(%q) error shows the password: %v", tt.address, err)
		}
	}
}

func TestOpenDispatchesByScheme(t *testing.T) {
	var got []string
	for _, name := range []string{"sqlite", "postgres"} {
		name := name
		backendsMu.Lock()
		saved, had := backends[name]
		backends[name] = func(ctx context.Context, address string) (Store, error) {
			got = append(got, name+" "+address)
			return nil, nil
		}
		backendsMu.Unlock()
		defer func() {
			backendsMu.Lock()
			if had {
				backends[name] = saved
			} else {
				delete(backends, name)
			}
			backendsMu.Unlock()
		}()
	}
	for _, a := range []string{"x.db", "sqlite:y.db", "postgres://h/db", "postgresql://h/db2"} {
		if _, err := Open(context.Background(), a); err != nil {
			t.Fatalf("Open(%q): %v", a, err)
		}
	}
	want := []string{"sqlite x.db", "sqlite y.db", "postgres postgres://h/db", "postgres postgresql://h/db2"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("dispatched %v, want %v", got, want)
	}
}

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"postgres://marsad:s3cret@db:5432/marsad?sslmode=disable", "postgres://marsad:xxxxx@db:5432/marsad?sslmode=disable"},
		{"postgres://marsad@db/marsad", "postgres://marsad@db/marsad"},
		{"marsad.db", "marsad.db"},
	}
	for _, tt := range tests {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
