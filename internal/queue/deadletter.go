package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// DeadLetter is a job that failed every try, kept with its error.
type DeadLetter struct {
	// Seq is the dead letter's sequence number in the dead-letter stream;
	// Requeue takes it.
	Seq uint64 `json:"seq"`
	// StreamSeq was the job's sequence number in the work stream.
	StreamSeq  uint64    `json:"stream_seq"`
	ID         string    `json:"id,omitempty"`
	Source     string    `json:"source"`
	Error      string    `json:"error"`
	Deliveries int       `json:"deliveries"`
	Failed     time.Time `json:"failed"`
	Worker     string    `json:"worker"`
	// Blob names the object holding a large job; Data is empty then.
	Blob string `json:"blob,omitempty"`
	// Data is the job as it was queued.
	Data []byte `json:"data,omitempty"`
}

// publishDead writes a dead letter. Its message id is the job's work
// sequence, so two workers burying the same job write one dead letter.
func (q *Queue) publishDead(ctx context.Context, dl DeadLetter) error {
	data, err := json.Marshal(dl)
	if err != nil {
		return err
	}
	_, err = q.js.Publish(ctx, DeadSubject, data, jetstream.WithMsgID(fmt.Sprintf("dead-%d", dl.StreamSeq)))
	return err
}

// DeadLetterPage is a window of dead letters, newest first.
type DeadLetterPage struct {
	Total int          `json:"total"`
	Items []DeadLetter `json:"items"`
}

// maxDeadLetterPage bounds one listing: each dead letter is one request.
const maxDeadLetterPage = 200

// DeadLetters lists dead letters, newest first, skipping offset of them.
func (q *Queue) DeadLetters(ctx context.Context, limit, offset int) (DeadLetterPage, error) {
	page := DeadLetterPage{Items: []DeadLetter{}}
	if limit <= 0 || limit > maxDeadLetterPage {
		limit = min(max(limit, 50), maxDeadLetterPage)
	}
	info, err := q.dead.Info(ctx)
	if err != nil {
		return page, fmt.Errorf("reading %s: %w", DeadStream, err)
	}
	page.Total = int(info.State.Msgs)
	skipped := 0
	for seq := info.State.LastSeq; seq >= info.State.FirstSeq && seq > 0 && len(page.Items) < limit; seq-- {
		dl, err := q.deadLetter(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue // removed by Requeue
		}
		if err != nil {
			return page, err
		}
		if skipped < offset {
			skipped++
			continue
		}
		page.Items = append(page.Items, dl)
	}
	return page, nil
}

func (q *Queue) deadLetter(ctx context.Context, seq uint64) (DeadLetter, error) {
	raw, err := q.dead.GetMsg(ctx, seq)
	if err != nil {
		return DeadLetter{}, err
	}
	var dl DeadLetter
	if err := json.Unmarshal(raw.Data, &dl); err != nil {
		return DeadLetter{}, fmt.Errorf("dead letter %d: %w", seq, err)
	}
	dl.Seq = seq
	return dl, nil
}

// ErrNoDeadLetter is returned (wrapped) when Requeue is given a sequence
// number that names no dead letter.
var ErrNoDeadLetter = errors.New("no such dead letter")

// Requeue puts a dead letter's job back on the queue, with its tries
// counted afresh, and removes the dead letter: for after a fix.
func (q *Queue) Requeue(ctx context.Context, seq uint64) (Published, error) {
	dl, err := q.deadLetter(ctx, seq)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return Published{}, fmt.Errorf("dead letter %d: %w", seq, ErrNoDeadLetter)
	}
	if err != nil {
		return Published{}, err
	}
	msg := nats.NewMsg(WorkSubject)
	msg.Data = dl.Data
	if dl.Source != "" {
		msg.Header.Set(headerSource, url.QueryEscape(dl.Source))
	}
	if dl.Blob != "" {
		msg.Header.Set(headerBlob, dl.Blob)
	}
	ack, err := q.js.PublishMsg(ctx, msg, jetstream.WithMsgID(fmt.Sprintf("requeue-%d", seq)))
	if err != nil {
		return Published{}, fmt.Errorf("requeueing dead letter %d: %w", seq, err)
	}
	if err := q.dead.DeleteMsg(ctx, seq); err != nil && !errors.Is(err, jetstream.ErrMsgNotFound) {
		return Published{}, fmt.Errorf("removing dead letter %d after requeueing it: %w", seq, err)
	}
	return Published{Seq: ack.Sequence, Duplicate: ack.Duplicate}, nil
}

// maxDeliveriesAdvisory is the subject on which the server announces a job
// that reached the consumer's delivery limit without being settled.
const maxDeliveriesAdvisory = "$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES." + WorkStream + "." + ConsumerName

// watchMaxDeliveries buries jobs the server stopped delivering. Workers
// bury failing jobs themselves, and the delivery after the last try buries
// a job whose tries all died; this is the last resort, for a job whose
// final delivery was lost too. Every worker listens in one queue group, so
// one of them handles each announcement.
func (q *Queue) watchMaxDeliveries(worker string) (stop func(), err error) {
	sub, err := q.nc.QueueSubscribe(maxDeliveriesAdvisory, "marsad-dead-letters", func(m *nats.Msg) {
		var adv struct {
			StreamSeq  uint64 `json:"stream_seq"`
			Deliveries int    `json:"deliveries"`
		}
		if json.Unmarshal(m.Data, &adv) != nil || adv.StreamSeq == 0 {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*q.opts.ConnectTimeout)
		defer cancel()
		raw, err := q.work.GetMsg(ctx, adv.StreamSeq)
		if err != nil {
			return // settled after all, or removed already
		}
		dl := DeadLetter{StreamSeq: adv.StreamSeq, ID: raw.Header.Get(jetstream.MsgIDHeader), Source: sourceOf(raw.Header),
			Error:      fmt.Sprintf("the server stopped delivering it after %d deliveries, none finished", adv.Deliveries),
			Deliveries: adv.Deliveries, Failed: time.Now().UTC(), Worker: worker, Blob: raw.Header.Get(headerBlob), Data: raw.Data}
		if err := q.publishDead(ctx, dl); err != nil {
			q.opts.Logf("queue: cannot dead-letter job %d: %v", adv.StreamSeq, err)
			return
		}
		if err := q.work.DeleteMsg(ctx, adv.StreamSeq); err != nil && !errors.Is(err, jetstream.ErrMsgNotFound) {
			q.opts.Logf("queue: removing dead-lettered job %d: %v", adv.StreamSeq, err)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("listening for %s: %w", maxDeliveriesAdvisory, err)
	}
	return func() { sub.Unsubscribe() }, nil
}
