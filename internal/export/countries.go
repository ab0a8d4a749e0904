package export

import "strings"

// country is what ACLED's export says of a country: its ISO 3166-1 numeric
// code, its name as ACLED spells it, and ACLED's region.
type country struct {
	iso    string
	name   string
	region string
}

// ACLED's regions.
const (
	middleEast      = "Middle East"
	northernAfrica  = "Northern Africa"
	easternAfrica   = "Eastern Africa"
	westernAfrica   = "Western Africa"
	middleAfrica    = "Middle Africa"
	southernAfrica  = "Southern Africa"
	southAsia       = "South Asia"
	southeastAsia   = "Southeast Asia"
	eastAsia        = "East Asia"
	caucasusCentral = "Caucasus and Central Asia"
	europe          = "Europe"
	northAmerica    = "North America"
	centralAmerica  = "Central America"
	southAmerica    = "South America"
	caribbean       = "Caribbean"
	oceania         = "Oceania"
)

// countries maps ISO 3166-1 alpha-2 codes (record.Location.Country) to the
// ACLED columns iso, country and region, for every country of marsad's
// knowledge base (data/kb/src/countries.txt). Kosovo has no ISO numeric
// code; its iso is left empty.
var countries = map[string]country{
	// Northern Africa and the Arab world
	"LY": {"434", "Libya", northernAfrica}, "EG": {"818", "Egypt", northernAfrica},
	"TN": {"788", "Tunisia", northernAfrica}, "DZ": {"012", "Algeria", northernAfrica},
	"MA": {"504", "Morocco", northernAfrica}, "SD": {"729", "Sudan", northernAfrica},
	"EH": {"732", "Western Sahara", northernAfrica},
	// Middle East
	"SY": {"760", "Syria", middleEast}, "IQ": {"368", "Iraq", middleEast}, "JO": {"400", "Jordan", middleEast},
	"LB": {"422", "Lebanon", middleEast}, "PS": {"275", "Palestine", middleEast}, "YE": {"887", "Yemen", middleEast},
	"SA": {"682", "Saudi Arabia", middleEast}, "AE": {"784", "United Arab Emirates", middleEast},
	"QA": {"634", "Qatar", middleEast}, "KW": {"414", "Kuwait", middleEast}, "BH": {"048", "Bahrain", middleEast},
	"OM": {"512", "Oman", middleEast}, "TR": {"792", "Turkey", middleEast}, "IR": {"364", "Iran", middleEast},
	"IL": {"376", "Israel", middleEast},
	// Eastern Africa
	"SS": {"728", "South Sudan", easternAfrica}, "SO": {"706", "Somalia", easternAfrica},
	"DJ": {"262", "Djibouti", easternAfrica}, "KM": {"174", "Comoros", easternAfrica},
	"ER": {"232", "Eritrea", easternAfrica}, "ET": {"231", "Ethiopia", easternAfrica},
	"KE": {"404", "Kenya", easternAfrica}, "UG": {"800", "Uganda", easternAfrica},
	"TZ": {"834", "Tanzania", easternAfrica}, "RW": {"646", "Rwanda", easternAfrica},
	"BI": {"108", "Burundi", easternAfrica}, "MG": {"450", "Madagascar", easternAfrica},
	"MU": {"480", "Mauritius", easternAfrica}, "SC": {"690", "Seychelles", easternAfrica},
	// Western Africa
	"MR": {"478", "Mauritania", westernAfrica}, "NE": {"562", "Niger", westernAfrica},
	"ML": {"466", "Mali", westernAfrica}, "BF": {"854", "Burkina Faso", westernAfrica},
	"NG": {"566", "Nigeria", westernAfrica}, "SN": {"686", "Senegal", westernAfrica},
	"GH": {"288", "Ghana", westernAfrica}, "CI": {"384", "Ivory Coast", westernAfrica},
	"LR": {"430", "Liberia", westernAfrica}, "SL": {"694", "Sierra Leone", westernAfrica},
	"GN": {"324", "Guinea", westernAfrica}, "GW": {"624", "Guinea-Bissau", westernAfrica},
	"GM": {"270", "Gambia", westernAfrica}, "TG": {"768", "Togo", westernAfrica},
	"BJ": {"204", "Benin", westernAfrica}, "CV": {"132", "Cape Verde", westernAfrica},
	// Middle Africa
	"TD": {"148", "Chad", middleAfrica}, "CF": {"140", "Central African Republic", middleAfrica},
	"CM": {"120", "Cameroon", middleAfrica}, "CD": {"180", "Democratic Republic of Congo", middleAfrica},
	"CG": {"178", "Republic of Congo", middleAfrica}, "GA": {"266", "Gabon", middleAfrica},
	"GQ": {"226", "Equatorial Guinea", middleAfrica},
	// Southern Africa
	"ZA": {"710", "South Africa", southernAfrica}, "NA": {"516", "Namibia", southernAfrica},
	"BW": {"072", "Botswana", southernAfrica}, "ZW": {"716", "Zimbabwe", southernAfrica},
	"ZM": {"894", "Zambia", southernAfrica}, "MZ": {"508", "Mozambique", southernAfrica},
	"MW": {"454", "Malawi", southernAfrica}, "AO": {"024", "Angola", southernAfrica},
	"LS": {"426", "Lesotho", southernAfrica}, "SZ": {"748", "eSwatini", southernAfrica},
	// Asia
	"AF": {"004", "Afghanistan", southAsia}, "PK": {"586", "Pakistan", southAsia},
	"IN": {"356", "India", southAsia}, "BD": {"050", "Bangladesh", southAsia},
	"LK": {"144", "Sri Lanka", southAsia}, "NP": {"524", "Nepal", southAsia},
	"MM": {"104", "Myanmar", southeastAsia}, "TH": {"764", "Thailand", southeastAsia},
	"MY": {"458", "Malaysia", southeastAsia}, "ID": {"360", "Indonesia", southeastAsia},
	"PH": {"608", "Philippines", southeastAsia}, "VN": {"704", "Vietnam", southeastAsia},
	"KH": {"116", "Cambodia", southeastAsia}, "LA": {"418", "Laos", southeastAsia},
	"SG": {"702", "Singapore", southeastAsia},
	"CN": {"156", "China", eastAsia}, "JP": {"392", "Japan", eastAsia}, "KR": {"410", "South Korea", eastAsia},
	"KP": {"408", "North Korea", eastAsia}, "MN": {"496", "Mongolia", eastAsia}, "TW": {"158", "Taiwan", eastAsia},
	"GE": {"268", "Georgia", caucasusCentral}, "AM": {"051", "Armenia", caucasusCentral},
	"AZ": {"031", "Azerbaijan", caucasusCentral}, "KZ": {"398", "Kazakhstan", caucasusCentral},
	"UZ": {"860", "Uzbekistan", caucasusCentral}, "TM": {"795", "Turkmenistan", caucasusCentral},
	"KG": {"417", "Kyrgyzstan", caucasusCentral}, "TJ": {"762", "Tajikistan", caucasusCentral},
	// Europe
	"CY": {"196", "Cyprus", europe}, "GR": {"300", "Greece", europe}, "MT": {"470", "Malta", europe},
	"RU": {"643", "Russia", europe}, "FR": {"250", "France", europe}, "GB": {"826", "United Kingdom", europe},
	"DE": {"276", "Germany", europe}, "IT": {"380", "Italy", europe}, "ES": {"724", "Spain", europe},
	"PT": {"620", "Portugal", europe}, "NL": {"528", "Netherlands", europe}, "BE": {"056", "Belgium", europe},
	"CH": {"756", "Switzerland", europe}, "AT": {"040", "Austria", europe}, "SE": {"752", "Sweden", europe},
	"NO": {"578", "Norway", europe}, "DK": {"208", "Denmark", europe}, "FI": {"246", "Finland", europe},
	"IE": {"372", "Ireland", europe}, "IS": {"352", "Iceland", europe}, "LU": {"442", "Luxembourg", europe},
	"PL": {"616", "Poland", europe}, "CZ": {"203", "Czech Republic", europe}, "SK": {"703", "Slovakia", europe},
	"HU": {"348", "Hungary", europe}, "RO": {"642", "Romania", europe}, "BG": {"100", "Bulgaria", europe},
	"RS": {"688", "Serbia", europe}, "HR": {"191", "Croatia", europe}, "SI": {"705", "Slovenia", europe},
	"BA": {"070", "Bosnia and Herzegovina", europe}, "ME": {"499", "Montenegro", europe},
	"MK": {"807", "North Macedonia", europe}, "AL": {"008", "Albania", europe}, "XK": {"", "Kosovo", europe},
	"UA": {"804", "Ukraine", europe}, "BY": {"112", "Belarus", europe}, "MD": {"498", "Moldova", europe},
	"LT": {"440", "Lithuania", europe}, "LV": {"428", "Latvia", europe}, "EE": {"233", "Estonia", europe},
	// The Americas and Oceania
	"US": {"840", "United States", northAmerica}, "CA": {"124", "Canada", northAmerica},
	"MX": {"484", "Mexico", centralAmerica}, "GT": {"320", "Guatemala", centralAmerica},
	"HN": {"340", "Honduras", centralAmerica}, "SV": {"222", "El Salvador", centralAmerica},
	"NI": {"558", "Nicaragua", centralAmerica}, "CR": {"188", "Costa Rica", centralAmerica},
	"PA": {"591", "Panama", centralAmerica},
	"CU": {"192", "Cuba", caribbean}, "HT": {"332", "Haiti", caribbean},
	"DO": {"214", "Dominican Republic", caribbean}, "JM": {"388", "Jamaica", caribbean},
	"BR": {"076", "Brazil", southAmerica}, "AR": {"032", "Argentina", southAmerica},
	"CL": {"152", "Chile", southAmerica}, "CO": {"170", "Colombia", southAmerica},
	"VE": {"862", "Venezuela", southAmerica}, "PE": {"604", "Peru", southAmerica},
	"EC": {"218", "Ecuador", southAmerica}, "BO": {"068", "Bolivia", southAmerica},
	"PY": {"600", "Paraguay", southAmerica}, "UY": {"858", "Uruguay", southAmerica},
	"AU": {"036", "Australia", oceania}, "NZ": {"554", "New Zealand", oceania},
}

// countryOf returns what ACLED says of the country of an ISO alpha-2 code;
// an unknown code is written as given, with no iso and no region.
func countryOf(code string) country {
	code = strings.ToUpper(strings.TrimSpace(code))
	if c, ok := countries[code]; ok {
		return c
	}
	return country{name: code}
}
