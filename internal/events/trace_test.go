package events

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestMain lets MARSAD_EVENTS_TRACE=1 print why triggers were dropped,
// and MARSAD_EVENTS_ABLATE=rule,rule switch rule classes off (measurement).
func TestMain(m *testing.M) {
	for _, rule := range strings.Split(os.Getenv("MARSAD_EVENTS_ABLATE"), ",") {
		if rule != "" {
			ablate[rule] = true
		}
	}
	if os.Getenv("MARSAD_EVENTS_TRACE") != "" {
		trace = func(format string, args ...any) { fmt.Fprintf(os.Stderr, format+"\n", args...) }
	}
	os.Exit(m.Run())
}
