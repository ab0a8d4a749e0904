package geo

import "testing"

func TestDistanceKm(t *testing.T) {
	// Tripoli to Tarhuna, about 65 km.
	if d := DistanceKm(32.897, 13.178, 32.435, 13.635); d < 60 || d > 70 {
		t.Errorf("Tripoli–Tarhuna %.1f km", d)
	}
	if d := DistanceKm(15.5, 32.5, 15.5, 32.5); d != 0 {
		t.Errorf("a point to itself: %g km", d)
	}
	// A quarter of a meridian: pole to equator.
	if d := DistanceKm(90, 0, 0, 0); d < 10007 || d > 10008 {
		t.Errorf("pole to equator %.1f km", d)
	}
	if a, b := DistanceKm(12, 44, 13, 45), DistanceKm(13, 45, 12, 44); a != b {
		t.Errorf("not symmetric: %g, %g", a, b)
	}
}
