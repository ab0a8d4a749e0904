package queue

import (
	"context"
	"errors"
	"fmt"

	"github.com/nats-io/nats.go/jetstream"
)

// Stats describe the queue as the server sees it, across all workers.
type Stats struct {
	// Depth counts jobs in the work stream: waiting or in progress.
	Depth uint64 `json:"depth"`
	// Waiting counts jobs not yet delivered to any worker.
	Waiting uint64 `json:"waiting"`
	// InProgress counts jobs delivered and not yet settled.
	InProgress int `json:"in_progress"`
	// Redelivered counts jobs in progress that were delivered more than once.
	Redelivered int `json:"redelivered"`
	// Published is the work stream's last sequence number: jobs ever queued.
	Published uint64 `json:"published"`
	// Settled counts jobs gone from the work stream (done or dead-lettered).
	Settled uint64 `json:"settled"`
	// Dead counts the dead letters kept.
	Dead uint64 `json:"dead"`
	// IdlePulls counts pull requests waiting at the server: idle worker slots.
	IdlePulls int `json:"idle_pulls"`
}

// Stats reads the queue's state from the server.
func (q *Queue) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	work, err := q.work.Info(ctx)
	if err != nil {
		return st, fmt.Errorf("reading %s: %w", WorkStream, err)
	}
	st.Depth = work.State.Msgs
	st.Published = work.State.LastSeq
	st.Settled = st.Published - min(st.Published, st.Depth)
	st.Waiting = st.Depth
	dead, err := q.dead.Info(ctx)
	if err != nil {
		return st, fmt.Errorf("reading %s: %w", DeadStream, err)
	}
	st.Dead = dead.State.Msgs
	c, err := q.js.Consumer(ctx, WorkStream, ConsumerName)
	if errors.Is(err, jetstream.ErrConsumerNotFound) {
		return st, nil // no worker has started yet: everything is waiting
	}
	if err != nil {
		return st, fmt.Errorf("reading consumer %s: %w", ConsumerName, err)
	}
	info := c.CachedInfo()
	st.Waiting = info.NumPending
	st.InProgress = info.NumAckPending
	st.Redelivered = info.NumRedelivered
	st.IdlePulls = info.NumWaiting
	return st, nil
}
