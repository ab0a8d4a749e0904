package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

func TestPath(t *testing.T) {
	if p := Path("no-such-thing-in-shared", "x"); p != "" {
		t.Errorf("a missing path gave %q", p)
	}
	// The repository root's parent holds shared/ when the data is there;
	// then Path finds it from this package's directory.
	want, _ := filepath.Abs(filepath.Join("..", "..", "..", "shared"))
	if _, err := os.Stat(want); err != nil {
		t.Skip("no ../shared beside the repository")
	}
	if got := Path(); got == "" || filepath.Clean(got) != filepath.Clean(want) {
		t.Errorf("Path() = %q, want %q", got, want)
	}
}
