package build

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/marsad/marsad/internal/kb"
)

// ParseActors reads a curated actors file: blocks of "key: value" lines
// separated by blank lines.
//
//	id:      kb:lna
//	type:    ARMED_GROUP army
//	ar:      الجيش الوطني الليبي
//	en:      Libyan National Army
//	aka:     Arabic aliases / separated by slashes
//	en_aka:  LNA / LAAF
//	own:     names the actor and its allies use (also aliases)
//	hostile: names its opponents use (also aliases)
//	side:    LY-LNA
//	country: LY
//	parent:  kb:...
//	role:    title @ org id @ from @ to      (repeatable; dates YYYY[-MM[-DD]])
//	at:      lat,lon                         (for bodies with a fixed seat)
func ParseActors(r io.Reader, file string) ([]*kb.Entry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	var out []*kb.Entry
	var cur *kb.Entry
	start := 0
	finish := func() error {
		if cur == nil {
			return nil
		}
		if !strings.HasPrefix(cur.ID, "kb:") {
			return fmt.Errorf("%s:%d: curated id %q must start with kb:", file, start, cur.ID)
		}
		cur.Aliases = uniqueAppend(cur.Aliases, cur.Own...)
		cur.Aliases = uniqueAppend(cur.Aliases, cur.Hostile...)
		if err := cur.Validate(); err != nil {
			return fmt.Errorf("%s:%d: %v", file, start, err)
		}
		out = append(out, cur)
		cur = nil
		return nil
	}
	for n := 1; sc.Scan(); n++ {
		t := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(t, "#") {
			continue
		}
		if t == "" {
			if err := finish(); err != nil {
				return nil, err
			}
			continue
		}
		key, val, ok := strings.Cut(t, ":")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want key: value", file, n)
		}
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		if cur == nil {
			if key != "id" {
				return nil, fmt.Errorf("%s:%d: a block starts with id:", file, n)
			}
			cur = &kb.Entry{Source: kb.SourceCurated}
			start = n
		}
		switch key {
		case "id":
			cur.ID = val
		case "type":
			typ, kind, _ := strings.Cut(val, " ")
			cur.Type, cur.Kind = typ, strings.TrimSpace(kind)
		case "ar":
			cur.Name = val
		case "en":
			cur.NameEn = val
		case "aka":
			cur.Aliases = uniqueAppend(cur.Aliases, list(val)...)
		case "en_aka":
			cur.AliasesEn = uniqueAppend(cur.AliasesEn, list(val)...)
		case "own":
			cur.Own = uniqueAppend(cur.Own, list(val)...)
		case "hostile":
			cur.Hostile = uniqueAppend(cur.Hostile, list(val)...)
		case "adj":
			cur.Adjectives = uniqueAppend(cur.Adjectives, list(val)...)
		case "side":
			cur.Side = val
		case "country":
			cur.Country = val
		case "parent":
			cur.Parent = val
		case "cameo":
			cur.CAMEO = val
		case "role":
			p := strings.Split(val, "@")
			for len(p) < 4 {
				p = append(p, "")
			}
			for i := range p {
				p[i] = strings.TrimSpace(p[i])
			}
			cur.Roles = append(cur.Roles, kb.Role{Title: p[0], Org: p[1], From: p[2], To: p[3]})
		case "at":
			lat, lon, ok, err := latLon(val)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", file, n, err)
			}
			cur.Lat, cur.Lon, cur.HasCoords = lat, lon, ok
		case "precision":
			if _, err := fmt.Sscan(val, &cur.Precision); err != nil {
				return nil, fmt.Errorf("%s:%d: precision %q", file, n, val)
			}
		default:
			return nil, fmt.Errorf("%s:%d: unknown key %q", file, n, key)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if err := finish(); err != nil {
		return nil, err
	}
	return out, nil
}

// uniqueAppend appends the items not already in xs, in order.
func uniqueAppend(xs []string, items ...string) []string {
	for _, it := range items {
		dup := false
		for _, x := range xs {
			if x == it {
				dup = true
				break
			}
		}
		if !dup {
			xs = append(xs, it)
		}
	}
	return xs
}
