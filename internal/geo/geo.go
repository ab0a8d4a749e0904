// Package geo measures distances between places given by latitude and
// longitude: one formula for the knowledge-base builder, linking, events,
// the timeline and stories.
package geo

import "math"

// EarthRadiusKm is the Earth's mean radius.
const EarthRadiusKm = 6371.0088

// DistanceKm is the great-circle (haversine) distance in kilometres between
// two points given in degrees.
func DistanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	p1, p2 := lat1*rad, lat2*rad
	dp, dl := p2-p1, (lon2-lon1)*rad
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * EarthRadiusKm * math.Asin(math.Min(1, math.Sqrt(h)))
}
