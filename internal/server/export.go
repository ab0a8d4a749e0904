package server

import (
	"fmt"
	"net/http"

	"github.com/marsad/marsad/internal/export"
	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
)

// exportTypes are the content type and file extension of each format.
var exportTypes = map[string]struct{ contentType, ext string }{
	export.ACLEDCSVFormat: {"text/csv; charset=utf-8", "csv"},
	export.GeoJSONFormat:  {"application/geo+json", "geojson"},
	export.JSONL:          {"application/x-ndjson; charset=utf-8", "jsonl"},
}

// export streams the events matching the event filters in the chosen
// format. Without limit every matching event is exported. JSON Lines holds
// each reporting document's full record, with only its matching events.
func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query(), append([]string{"format"}, eventParams...)...)
	format := p.str("format")
	f := p.eventFilter()
	fm, ok := exportTypes[format]
	if p.err == nil && !ok {
		p.fail("parameter \"format\" must be acled-csv, geojson or jsonl, got %q", format)
	}
	if p.err != nil {
		writeError(w, http.StatusBadRequest, p.err.Error())
		return
	}
	all := f.Limit == 0
	if all {
		f.Limit = store.MaxLimit
	}
	first, err := s.store.ListEvents(r.Context(), f)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", fm.contentType)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="marsad-events.%s"`, fm.ext))
	out, err := export.New(format, w)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	page := first
	for {
		if err := s.writeEvents(r, out, format, page.Items); err != nil {
			s.log.Printf("export: %v", err)
			return
		}
		f.Offset += len(page.Items)
		if !all || len(page.Items) == 0 || f.Offset >= page.Total {
			break
		}
		if page, err = s.store.ListEvents(r.Context(), f); err != nil {
			s.log.Printf("export: %v", err)
			return
		}
	}
	if err := out.Close(); err != nil {
		s.log.Printf("export: %v", err)
	}
}

// writeEvents writes rows as documents: a document-shaped value holding the
// events for CSV and GeoJSON, the stored record narrowed to them for JSONL.
func (s *Server) writeEvents(r *http.Request, out export.Writer, format string, rows []store.EventRow) error {
	for i := 0; i < len(rows); {
		j := i
		for j < len(rows) && rows[j].DocID == rows[i].DocID {
			j++
		}
		group := rows[i:j]
		var d record.Document
		if format == "jsonl" {
			stored, err := s.store.GetDocument(r.Context(), group[0].DocID)
			if err != nil {
				return err
			}
			d = stored
			d.Events = nil
		} else {
			d = record.Document{DocID: group[0].DocID, Source: record.Source{Outlet: record.Str(group[0].Outlet),
				URL: record.Str(group[0].URL)}}
		}
		for _, row := range group {
			d.Events = append(d.Events, row.Event)
		}
		if err := out.Write(d); err != nil {
			return err
		}
		i = j
	}
	return nil
}
