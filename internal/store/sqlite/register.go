package sqlite

import (
	"context"

	"github.com/marsad/marsad/internal/store"
)

// init makes store.Open open plain file paths and "sqlite:PATH" here.
func init() {
	store.Register("sqlite", func(ctx context.Context, path string) (store.Store, error) {
		return Open(ctx, path)
	})
}
