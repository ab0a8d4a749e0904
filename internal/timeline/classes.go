package timeline

// ClassesFor returns the landmark classes an ACLED-coded event may be a
// report of: a takeover or a transfer of territory is a territorial
// landmark, a strike or a massacre an attack (or the killing of a leader),
// an agreement an agreement, an arrest a capture, a protest a protest.
// Other events (a clash, a change of group) match no landmark: a landmark
// names their outcome, not them.
func ClassesFor(eventType, subType string) []Class {
	switch subType {
	case "Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory":
		return []Class{Territory}
	case "Agreement":
		return []Class{Agreement}
	case "Arrests":
		return []Class{Capture}
	}
	switch eventType {
	case "Explosions/Remote violence", "Violence against civilians":
		return []Class{Attack, Killing}
	case "Protests", "Riots":
		return []Class{Protest}
	}
	return nil
}
