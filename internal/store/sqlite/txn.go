package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
)

// stmtCache holds the write path's statements, prepared once on the writer
// connection: compiling SQL is a real share of an ingest's CPU (about 8%
// when every statement was prepared again for every row).
type stmtCache struct {
	db *sql.DB
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// get returns the prepared statement of query, preparing it on first use.
func (c *stmtCache) get(ctx context.Context, query string) (*sql.Stmt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.m[query]; ok {
		return st, nil
	}
	st, err := c.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[query] = st
	return st, nil
}

// close releases every statement.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	c.m = nil
}

// txn is a write transaction whose statements come from the store's cache.
// The writer pool has one connection, so a cached statement is already
// prepared on the transaction's connection and is used as it is.
type txn struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts *stmtCache
}

// begin starts a write transaction.
func (s *Store) begin(ctx context.Context) (*txn, error) {
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	return &txn{ctx: ctx, tx: tx, stmts: &s.stmts}, nil
}

func (t *txn) stmt(query string) (*sql.Stmt, error) {
	st, err := t.stmts.get(t.ctx, query)
	if err != nil {
		return nil, fmt.Errorf("preparing %.40q…: %w", query, err)
	}
	return t.tx.StmtContext(t.ctx, st), nil
}

func (t *txn) exec(query string, args ...any) (sql.Result, error) {
	st, err := t.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(t.ctx, args...)
}

// scan runs a query expected to return at most one row into dest; it
// returns sql.ErrNoRows when there is none.
func (t *txn) scan(query string, args []any, dest ...any) error {
	st, err := t.stmt(query)
	if err != nil {
		return err
	}
	return st.QueryRowContext(t.ctx, args...).Scan(dest...)
}

func (t *txn) commit() error   { return t.tx.Commit() }
func (t *txn) rollback() error { return t.tx.Rollback() }
