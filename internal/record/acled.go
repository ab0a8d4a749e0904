package record

// ACLED's event types, each with its sub-event types, spelled exactly as ACLED does.
var ACLED = map[string][]string{
	"Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
	"Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
		"Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
	"Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
	"Protests":                   {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
	"Riots":                      {"Violent demonstration", "Mob violence"},
	"Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
		"Headquarters or base established", "Looting/property destruction",
		"Non-violent transfer of territory", "Other"},
}

// ValidACLED reports whether eventType/subType is one of ACLED's pairs.
func ValidACLED(eventType, subType string) bool {
	for _, s := range ACLED[eventType] {
		if s == subType {
			return true
		}
	}
	return false
}
