package export

import (
	"sort"
	"strings"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/record"
)

// ACLED's source_scale says how close its sources are to the event:
// Local, Subnational, National, Regional or International, joined by "-"
// when a row rests on sources of several scales ("National-International").
// marsad reads it from the wire agency and the outlet: a world agency or
// broadcaster is International, a pan-Arab one Regional, a country's own
// agency or outlet National for events in that country (Regional for
// events elsewhere in its ACLED region, International beyond). An outlet
// known only by its web address counts as its country-code domain's. A
// source marsad does not know adds nothing; with none known the column is
// empty.

// Reach of a source.
const (
	reachNational      = iota // a country's own agency or outlet
	reachRegional             // pan-Arab media
	reachInternational        // world agencies and broadcasters
)

// source is a known agency or outlet: its reach, and its country for
// national ones.
type source struct {
	reach   int
	country string
}

// agencySources are the wire agencies by the canonical names that
// record.Source.Agency holds (internal/meta).
var agencySources = map[string]source{
	"Reuters": {reachInternational, ""}, "AFP": {reachInternational, ""}, "AP": {reachInternational, ""},
	"Anadolu Agency": {reachInternational, ""}, "dpa": {reachInternational, ""}, "Xinhua": {reachInternational, ""},
	"Sputnik": {reachInternational, ""}, "TASS": {reachInternational, ""}, "RIA Novosti": {reachInternational, ""},
	"EFE": {reachInternational, ""}, "UPI": {reachInternational, ""},
	"IRNA": {reachNational, "IR"}, "WAM": {reachNational, "AE"}, "SPA": {reachNational, "SA"},
	"QNA": {reachNational, "QA"}, "KUNA": {reachNational, "KW"}, "BNA": {reachNational, "BH"},
	"ONA": {reachNational, "OM"}, "Petra": {reachNational, "JO"}, "MENA": {reachNational, "EG"},
	"SANA": {reachNational, "SY"}, "NNA": {reachNational, "LB"}, "INA": {reachNational, "IQ"},
	"SABA": {reachNational, "YE"}, "SUNA": {reachNational, "SD"}, "LANA": {reachNational, "LY"},
	"APS": {reachNational, "DZ"}, "TAP": {reachNational, "TN"}, "MAP": {reachNational, "MA"},
	"WAFA": {reachNational, "PS"}, "SOMA": {reachNational, "SO"},
}

// outletNames are outlets of regional or international reach, by names and
// web addresses they go by; an outlet string containing one is that outlet.
var outletNames = map[string]source{
	"الجزيرة": {reachRegional, ""}, "aljazeera": {reachRegional, ""}, "al jazeera": {reachRegional, ""},
	"العربية": {reachRegional, ""}, "alarabiya": {reachRegional, ""}, "al arabiya": {reachRegional, ""},
	"الشرق الأوسط": {reachRegional, ""}, "aawsat": {reachRegional, ""}, "asharq al-awsat": {reachRegional, ""},
	"سكاي نيوز عربية": {reachRegional, ""}, "skynewsarabia": {reachRegional, ""},
	"القدس العربي": {reachRegional, ""}, "alquds.co.uk": {reachRegional, ""},
	"العربي الجديد": {reachRegional, ""}, "alaraby": {reachRegional, ""},
	"الميادين": {reachRegional, ""}, "almayadeen": {reachRegional, ""},
	"اندبندنت عربية": {reachRegional, ""}, "independentarabia": {reachRegional, ""},
	"الحرة": {reachRegional, ""}, "alhurra": {reachRegional, ""},
	"بي بي سي": {reachInternational, ""}, "bbc": {reachInternational, ""},
	"فرانس 24": {reachInternational, ""}, "france24": {reachInternational, ""}, "france 24": {reachInternational, ""},
	"روسيا اليوم": {reachInternational, ""}, "rt.com": {reachInternational, ""}, "rt arabic": {reachInternational, ""},
	"دويتشه فيله": {reachInternational, ""}, "dw.com": {reachInternational, ""},
	"سي إن إن": {reachInternational, ""}, "cnn": {reachInternational, ""},
	"يورونيوز": {reachInternational, ""}, "euronews": {reachInternational, ""},
	"أخبار الأمم المتحدة": {reachInternational, ""}, "news.un.org": {reachInternational, ""},
	"aa.com.tr": {reachInternational, ""}, "reuters.com": {reachInternational, ""},
}

// genericTLDs are two-letter domains used worldwide, not by their country.
var genericTLDs = map[string]bool{"tv": true, "io": true, "co": true, "me": true, "fm": true, "ai": true, "cc": true, "ws": true, "to": true}

// outletKeys are the outlet names folded for matching, longest first.
var outletKeys = func() []string {
	keys := make([]string, 0, len(outletNames))
	for k := range outletNames {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		if len(keys[a]) != len(keys[b]) {
			return len(keys[a]) > len(keys[b])
		}
		return keys[a] < keys[b]
	})
	return keys
}()

func fold(s string) string { return strings.ToLower(arabic.Normalize(s)) }

// outletSource identifies an outlet by its name or web address.
func outletSource(outlet string) (source, bool) {
	f := fold(outlet)
	if f == "" {
		return source{}, false
	}
	for _, k := range outletKeys {
		if strings.Contains(f, fold(k)) {
			return outletNames[k], true
		}
	}
	// «news.example.iq»: a host with a country-code domain.
	if !strings.ContainsAny(f, " ") && strings.Contains(f, ".") {
		host := strings.TrimSuffix(f, "/")
		tld := host[strings.LastIndex(host, ".")+1:]
		if len(tld) == 2 && !genericTLDs[tld] {
			cc := strings.ToUpper(tld)
			if cc == "UK" {
				cc = "GB"
			}
			if _, ok := countries[cc]; ok {
				return source{reachNational, cc}, true
			}
		}
	}
	return source{}, false
}

// scale is the source_scale of a source for an event in country cc.
func (s source) scale(cc string) string {
	switch s.reach {
	case reachInternational:
		return "International"
	case reachRegional:
		return "Regional"
	}
	switch {
	case cc == "" || s.country == cc:
		return "National"
	case countryOf(s.country).region != "" && countryOf(s.country).region == countryOf(cc).region:
		return "Regional"
	}
	return "International"
}

// scaleOrder orders the scales from nearest to farthest.
var scaleOrder = map[string]int{"Local": 0, "Subnational": 1, "National": 2, "Regional": 3, "International": 4}

// sourceScale is the source_scale of a document's sources for an event
// in country cc, or "" when none of them is known.
func sourceScale(src record.Source, cc string) string {
	seen := map[string]bool{}
	var scales []string
	add := func(s source, ok bool) {
		if !ok {
			return
		}
		if sc := s.scale(cc); !seen[sc] {
			seen[sc] = true
			scales = append(scales, sc)
		}
	}
	if ag := record.Deref(src.Agency); ag != "" {
		s, ok := agencySources[ag]
		add(s, ok)
	}
	add(outletSource(record.Deref(src.Outlet)))
	if len(scales) == 0 && src.URL != nil {
		add(outletSource(hostOf(*src.URL)))
	}
	sort.Slice(scales, func(a, b int) bool { return scaleOrder[scales[a]] < scaleOrder[scales[b]] })
	return strings.Join(scales, "-")
}

// hostOf is the host of a URL, or "".
func hostOf(u string) string {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	if i := strings.IndexAny(u, "/?#"); i >= 0 {
		u = u[:i]
	}
	return u
}
