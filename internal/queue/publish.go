package queue

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Headers marsad sets on a job message.
const (
	headerSource = "Marsad-Source" // where the job came from, URL-escaped
	headerBlob   = "Marsad-Blob"   // the object holding a job too large for a message
)

// Item is one job to publish.
type Item struct {
	// ID identifies the job's content: a job published again with the same
	// ID within two minutes is dropped by the server as a duplicate.
	ID string
	// Source names where the job came from (a file and line), for messages
	// and the dead letters.
	Source string
	// Data is the job itself.
	Data []byte
}

// Published is the outcome of a Publish.
type Published struct {
	// Seq is the job's sequence number in the work stream.
	Seq uint64 `json:"seq"`
	// Duplicate is true when the server already had a job with this ID.
	Duplicate bool `json:"duplicate"`
}

// blobSlack keeps a message holding its job inline well under the
// server's payload limit, leaving room for headers.
const blobSlack = 16 << 10

// Publish puts a job on the queue and waits for the server to store it.
// A job larger than the server accepts in one message is stored in an
// object bucket and the message carries its name.
func (q *Queue) Publish(ctx context.Context, it Item) (Published, error) {
	msg := nats.NewMsg(WorkSubject)
	if it.Source != "" {
		msg.Header.Set(headerSource, url.QueryEscape(it.Source))
	}
	opts := []jetstream.PublishOpt{}
	if it.ID != "" {
		opts = append(opts, jetstream.WithMsgID(it.ID))
	}
	if int64(len(it.Data)) > q.nc.MaxPayload()-blobSlack {
		name, err := q.putBlob(ctx, it)
		if err != nil {
			return Published{}, err
		}
		msg.Header.Set(headerBlob, name)
	} else {
		msg.Data = it.Data
	}
	ack, err := q.js.PublishMsg(ctx, msg, opts...)
	if err != nil {
		return Published{}, fmt.Errorf("publishing %s to %s: %w", it.Source, q.url, err)
	}
	return Published{Seq: ack.Sequence, Duplicate: ack.Duplicate}, nil
}

// blobs returns the object bucket for large jobs, creating it on first use.
func (q *Queue) blobs(ctx context.Context) (jetstream.ObjectStore, error) {
	q.blobMu.Lock()
	defer q.blobMu.Unlock()
	if q.blobStore != nil {
		return q.blobStore, nil
	}
	store, err := q.js.ObjectStore(ctx, BlobBucket)
	if errors.Is(err, jetstream.ErrBucketNotFound) {
		store, err = q.js.CreateObjectStore(ctx, jetstream.ObjectStoreConfig{
			Bucket:      BlobBucket,
			Description: "marsad: jobs too large for one NATS message",
			Storage:     jetstream.FileStorage,
		})
	}
	if err != nil {
		return nil, fmt.Errorf("object bucket %s: %w", BlobBucket, err)
	}
	q.blobStore = store
	return store, nil
}

func (q *Queue) putBlob(ctx context.Context, it Item) (string, error) {
	store, err := q.blobs(ctx)
	if err != nil {
		return "", err
	}
	name := it.ID
	if name == "" {
		name = nats.NewInbox()[len(nats.InboxPrefix):]
	}
	if _, err := store.Put(ctx, jetstream.ObjectMeta{Name: name}, bytes.NewReader(it.Data)); err != nil {
		return "", fmt.Errorf("storing the %d-byte job %s in %s: %w", len(it.Data), it.Source, BlobBucket, err)
	}
	return name, nil
}

func (q *Queue) getBlob(ctx context.Context, name string) ([]byte, error) {
	store, err := q.blobs(ctx)
	if err != nil {
		return nil, err
	}
	data, err := store.GetBytes(ctx, name)
	if err != nil {
		return nil, fmt.Errorf("reading job object %s: %w", name, err)
	}
	return data, nil
}

func (q *Queue) deleteBlob(ctx context.Context, name string) {
	if store, err := q.blobs(ctx); err == nil {
		if err := store.Delete(ctx, name); err != nil && !errors.Is(err, jetstream.ErrObjectNotFound) {
			q.opts.Logf("queue: removing job object %s: %v", name, err)
		}
	}
}

func sourceOf(h nats.Header) string {
	s, err := url.QueryUnescape(h.Get(headerSource))
	if err != nil {
		return h.Get(headerSource)
	}
	return s
}
