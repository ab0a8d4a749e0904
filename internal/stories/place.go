package stories

import (
	"math"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/geo"
	"github.com/marsad/marsad/internal/record"
)

// place is an event location reduced to what matching needs.
type place struct {
	id   string
	name string // normalised
	lat  float64
	lon  float64
	// hasCoord is false when the location has no coordinates.
	hasCoord bool
	// precision is geo_precision: 1 a town or site, 2 near a town, 3 a region.
	precision int
}

// placeOf resolves an event's location; ok is false when it names nothing.
func placeOf(l *record.Location) (place, bool) {
	if l == nil {
		return place{}, false
	}
	p := place{id: l.ID, name: arabic.Normalize(l.Name), precision: l.GeoPrecision}
	if l.Lat != nil && l.Lon != nil && !math.IsNaN(*l.Lat) && !math.IsNaN(*l.Lon) &&
		math.Abs(*l.Lat) <= 90 && math.Abs(*l.Lon) <= 180 {
		p.lat, p.lon, p.hasCoord = *l.Lat, *l.Lon, true
	}
	if p.precision < 1 || p.precision > 3 {
		p.precision = 1
	}
	if p.id == "" && p.name == "" && !p.hasCoord {
		return place{}, false
	}
	return p, true
}

// radiusKm is how far apart two reports of one event may be located, given
// how precisely each is placed.
func radiusKm(base float64, a, b place) float64 {
	switch max(a.precision, b.precision) {
	case 2:
		return 2 * base
	case 3:
		return 5 * base
	}
	return base
}

// placeMatch says whether two locations can be the same event's, and how well
// (1 for the same place, falling to 0 at the edge of the radius).
func placeMatch(a, b place, base float64) (float64, bool) {
	if a.id != "" && a.id == b.id {
		return 1, true
	}
	if a.hasCoord && b.hasCoord {
		r := radiusKm(base, a, b)
		d := geo.DistanceKm(a.lat, a.lon, b.lat, b.lon)
		if d > r {
			return 0, false
		}
		return 1 - d/(2*r), true
	}
	// Without coordinates on both sides, only the same name will do, and only
	// if the ids do not say they are different places.
	if a.id != "" && b.id != "" {
		return 0, false
	}
	if a.name != "" && a.name == b.name {
		return 1, true
	}
	return 0, false
}

// cellDeg is the side of the grid cells merged events are indexed by; a
// search covers the cells within the radius around a point.
const cellDeg = 0.5

// cellOf is the grid cell of a point.
func cellOf(lat, lon float64) (int32, int32) {
	return int32(math.Floor(lat / cellDeg)), int32(math.Floor(lon / cellDeg))
}

// cellsAround returns the range of cells within r km of a point.
func cellsAround(lat, lon, r float64) (lat0, lat1, lon0, lon1 int32) {
	const kmPerDeg = geo.EarthRadiusKm * math.Pi / 180
	dLat := r / kmPerDeg
	cos := math.Max(math.Cos(lat*math.Pi/180), 0.05)
	dLon := math.Min(r/(kmPerDeg*cos), 180)
	lat0, lon0 = cellOf(lat-dLat, lon-dLon)
	lat1, lon1 = cellOf(lat+dLat, lon+dLon)
	return
}
