package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
)

// stmtCache holds the write path's statements, prepared once on the writer
// pool: compiling SQL was about 8% of an ingest's CPU when every statement
// was prepared again for every row. The pool has one connection, so a
// cached statement is already prepared on whichever transaction uses it.
type stmtCache struct {
	db *sql.DB
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

func (c *stmtCache) lookup(query string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[query]
}

// add prepares queries for later transactions. It must run outside any
// transaction: preparing on the pool takes its only connection.
func (c *stmtCache) add(ctx context.Context, queries []string) {
	for _, q := range queries {
		if c.lookup(q) != nil {
			continue
		}
		st, err := c.db.PrepareContext(ctx, q)
		if err != nil {
			continue // prepared again in the next transaction that needs it
		}
		c.mu.Lock()
		if c.m == nil {
			c.m = map[string]*sql.Stmt{}
		}
		if c.m[q] == nil {
			c.m[q], st = st, nil
		}
		c.mu.Unlock()
		if st != nil {
			st.Close()
		}
	}
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
// A statement not cached yet is prepared for this transaction alone and
// added to the cache once the transaction ends.
type txn struct {
	ctx     context.Context
	tx      *sql.Tx
	stmts   *stmtCache
	local   map[string]*sql.Stmt
	missing []string
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
	if st := t.local[query]; st != nil {
		return st, nil
	}
	var st *sql.Stmt
	if cached := t.stmts.lookup(query); cached != nil {
		st = t.tx.StmtContext(t.ctx, cached)
	} else {
		var err error
		if st, err = t.tx.PrepareContext(t.ctx, query); err != nil {
			return nil, fmt.Errorf("preparing %.40q…: %w", query, err)
		}
		t.missing = append(t.missing, query)
	}
	if t.local == nil {
		t.local = map[string]*sql.Stmt{}
	}
	t.local[query] = st
	return st, nil
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

func (t *txn) commit() error {
	err := t.tx.Commit()
	t.finish()
	return err
}

// rollback ends the transaction unless it is over; deferred after commit,
// it does nothing.
func (t *txn) rollback() {
	t.tx.Rollback()
	t.finish()
}

// finish caches the statements this transaction had to prepare.
func (t *txn) finish() {
	missing := t.missing
	t.missing, t.local = nil, nil
	if len(missing) > 0 {
		t.stmts.add(context.WithoutCancel(t.ctx), missing)
	}
}
