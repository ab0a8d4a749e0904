package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/record"
)

// Prepare checks d and fills what a store needs to key it, so every backend
// keys the same document the same way: the content hash (hex SHA-256 of the
// normalised body) when missing, a DocID derived from it when missing, the
// schema, and an id for every event (see EventIDs).
func Prepare(d record.Document) (record.Document, error) {
	if !utf8.ValidString(d.Body) {
		return d, fmt.Errorf("document %q: body is not valid UTF-8", d.DocID)
	}
	if strings.TrimSpace(d.Body) == "" && strings.TrimSpace(record.Deref(d.Title)) == "" {
		return d, fmt.Errorf("document %q: empty body and title", d.DocID)
	}
	if d.Schema == "" {
		d.Schema = record.Schema
	}
	if d.ContentHash == "" {
		d.ContentHash = ContentHash(d.Body)
	}
	if d.DocID == "" {
		d.DocID = "h" + d.ContentHash[:16]
	}
	ids := EventIDs(d)
	events := make([]record.Event, len(d.Events))
	copy(events, d.Events)
	for i := range events {
		events[i].ID = ids[i]
	}
	d.Events = events
	return d, nil
}

// ContentHash is the hex SHA-256 of the normalised body.
func ContentHash(body string) string {
	sum := sha256.Sum256([]byte(arabic.Normalize(body)))
	return hex.EncodeToString(sum[:])
}

// EventIDs returns a store id for each event of d, deterministic in d: the
// event's own ID when it has one, otherwise DocID + "-e" + its index; an id
// repeated within the document gets "-" + its index appended. Ids are scoped
// by document: a backend that finds an id already used by another document
// stores the event as DocID + "/" + id (see ScopedEventID).
func EventIDs(d record.Document) []string {
	ids := make([]string, len(d.Events))
	seen := map[string]bool{}
	for i, ev := range d.Events {
		id := ev.ID
		if id == "" {
			id = fmt.Sprintf("%s-e%d", d.DocID, i)
		}
		if seen[id] {
			id = fmt.Sprintf("%s-%d", id, i)
		}
		seen[id] = true
		ids[i] = id
	}
	return ids
}

// ScopedEventID is the id an event gets when its own id is taken by an event
// of another document.
func ScopedEventID(docID, id string) string { return docID + "/" + id }

// PublishedDate is the day a document is filed under: its date, else the
// start of its date window, else "".
func PublishedDate(d record.Document) string {
	if d.Published.Date != nil {
		return *d.Published.Date
	}
	return record.Deref(d.Published.From)
}

// EventDate is the day an event is filed under: its date, else the start of
// its date window, else "".
func EventDate(ev record.Event) string {
	if ev.Date != nil {
		return *ev.Date
	}
	return record.Deref(ev.DateFrom)
}

// EventText is what a text query over an event looks at: its evidence and
// the names of its actors and place.
func EventText(ev record.Event) string {
	parts := []string{ev.Evidence}
	for _, a := range EventActors(ev) {
		parts = append(parts, a.Name, record.Deref(a.NameEn))
	}
	if ev.Location != nil {
		parts = append(parts, ev.Location.Name, record.Deref(ev.Location.NameEn))
	}
	return strings.Join(parts, " ")
}

// EventActors lists actor1, actor2 and the associated actors of ev.
func EventActors(ev record.Event) []record.Actor {
	var out []record.Actor
	if ev.Actor1 != nil {
		out = append(out, *ev.Actor1)
	}
	if ev.Actor2 != nil {
		out = append(out, *ev.Actor2)
	}
	return append(out, ev.AssocActors...)
}

// ActorKey is the key an actor is filed under: its id, or for an actor
// with no id "name:" and its normalised name, so that id-less actors can be
// listed and filtered too.
func ActorKey(id, name string) string {
	if id != "" {
		return id
	}
	return "name:" + arabic.Normalize(strings.TrimSpace(name))
}

// ActorRef is one actor a document names, as stores index it for ListActors.
type ActorRef struct {
	ID, Name, NameEn, Type, Side string
	// Events counts the document's events the actor takes part in.
	Events int
}

// placeTypes are entity types that are places, not actors.
var placeTypes = map[string]bool{record.LOC: true, record.GPE: true, record.FAC: true}

// DocumentActors lists the distinct actors of d: its entities that are not
// places, and every event participant, keyed by id (or by name when an
// actor has no id).
func DocumentActors(d record.Document) []ActorRef {
	index := map[string]int{}
	var out []ActorRef
	add := func(a ActorRef) int {
		key := ActorKey(a.ID, a.Name)
		a.ID = key
		if i, ok := index[key]; ok {
			if out[i].Type == "" {
				out[i].Type = a.Type
			}
			return i
		}
		index[key] = len(out)
		out = append(out, a)
		return len(out) - 1
	}
	for _, e := range d.Entities {
		if placeTypes[e.Type] {
			continue
		}
		add(ActorRef{ID: e.ID, Name: e.Name, NameEn: record.Deref(e.NameEn), Type: e.Type, Side: e.Side})
	}
	for _, ev := range d.Events {
		counted := map[int]bool{}
		for _, a := range EventActors(ev) {
			if a.ID == "" && strings.TrimSpace(a.Name) == "" {
				continue
			}
			i := add(ActorRef{ID: a.ID, Name: a.Name, NameEn: record.Deref(a.NameEn), Side: a.Side})
			if !counted[i] {
				counted[i] = true
				out[i].Events++
			}
		}
	}
	return out
}

// Outlet is the outlet a document is filed under ("" when unknown).
func Outlet(d record.Document) string { return record.Deref(d.Source.Outlet) }

// Lead returns the first n code points of body, cut at a space.
func Lead(body string, n int) string {
	runes := []rune(strings.TrimSpace(body))
	if len(runes) <= n {
		return string(runes)
	}
	cut := n
	for cut > n/2 && runes[cut] != ' ' {
		cut--
	}
	return strings.TrimSpace(string(runes[:cut])) + " …"
}
