package kb

import (
	"strings"
	"testing"

	kbdata "github.com/marsad/marsad/data/kb"
	"github.com/marsad/marsad/internal/arabic"
)

func mustDefault(t testing.TB) *KB {
	t.Helper()
	k, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func ids(es []*Entry) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.ID
	}
	return out
}

func has(es []*Entry, id string) bool {
	for _, e := range es {
		if e.ID == id {
			return true
		}
	}
	return false
}

func TestLookupVariants(t *testing.T) {
	k := mustDefault(t)
	tests := []struct {
		name, want string
	}{
		{"خليفة حفتر", "kb:khalifa-haftar"},
		{"خَلِيفَة حَفْتَر", "kb:khalifa-haftar"},    // diacritics
		{"حفتر", "kb:khalifa-haftar"},                // short form
		{"لحفتر", "kb:khalifa-haftar"},               // preposition
		{"والجيش الوطني الليبي", "kb:lna"},           // conjunction and article
		{"الجيش الوطنى الليبى", "kb:lna"},            // alif maqsura for yaa
		{"القوات المسلحة العربية الليبية", "kb:lna"}, // own name
		{"مليشيات حفتر", "kb:lna"},                   // hostile name, generated from the leader
		{"ميليشيات حفتر", "kb:lna"},                  //
		{"قوات الوفاق", "kb:gna-forces"},             //
		{"قوات بركان الغضب", "kb:gna-forces"},
		{"عملية بركان الغضب", "kb:ly-op-volcano"},   // the operation, part of the forces
		{"Libyan National Army", "kb:lna"},          // English
		{"LNA", "kb:lna"},                           //
		{"ليبيا", "iso:LY"},                         //
		{"بليبيا", "iso:LY"},                        //
		{"الليبيين", "iso:LY"},                      // adjective, plural
		{"الروس", "iso:RU"},                         // irregular plural adjective
		{"الأتراك", "iso:TR"},                       //
		{"الإماراتية", "iso:AE"},                    // feminine adjective
		{"دولة الإمارات العربية المتحدة", "iso:AE"}, // long form
		{"الامارات", "iso:AE"},                      // bare alef
		{"إدلب", "gn:169389"},                       // hamza below
		{"ادلب", "gn:169389"},                       //
		{"أردوغان", "kb:erdogan"},                   //
		{"اردوغان", "kb:erdogan"},                   //
		{"مأرب", "gn:72968"},                        // curated Arabic name of a GeoNames town
		{"الجفره", "kb:ly-adm-jufra"},               // taa marbuta written as haa
		{"جفرة", "kb:ly-adm-jufra"},                 // without the article
		{"بالجفرة", "kb:ly-adm-jufra"},              // ب + ال
		{"قاعدة الوطية الجوية", "kb:ly-watiya"},     // facility
		{"قاعدة عين الأسد", "kb:iq-ain-asad"},       //
		{"قاعدة حميميم", "kb:sy-hmeimim"},           //
		{"مطار معيتيقة", "kb:ly-mitiga"},            //
		{"أنصار الله", "kb:ye-houthis"},             //
		{"مليشيا الحوثي", "kb:ye-houthis"},          //
		{"قسد", "kb:sy-sdf"},                        //
		{"الدعم السريع", "kb:sd-rsf"},               //
		{"حميدتي", "kb:hemedti"},                    //
		{"عبدالله الثني", "kb:abdullah-thinni"},     // عبد الله joined
		{"عبد الله الثني", "kb:abdullah-thinni"},    //
		{"المتحدث باسم الأمم المتحدة", ""},          // not a name
	}
	for _, tt := range tests {
		got := k.Lookup(tt.name)
		if tt.want == "" {
			if has(got, "kb:un") && len(got) > 0 {
				t.Errorf("Lookup(%q) = %v, want no whole-name match", tt.name, ids(got))
			}
			continue
		}
		if !has(got, tt.want) {
			t.Errorf("Lookup(%q) = %v, want %s among them", tt.name, ids(got), tt.want)
		}
	}
	for _, name := range []string{"", "   ", "كلمة لا وجود لها هنا", "!!", "\xff\xfe"} {
		if got := k.Lookup(name); len(got) != 0 {
			t.Errorf("Lookup(%q) = %v, want none", name, ids(got))
		}
	}
}

func TestTripoliBothCountries(t *testing.T) {
	k := mustDefault(t)
	got := k.Lookup("طرابلس")
	var ly, lb *Entry
	for _, e := range got {
		switch {
		case e.Country == "LY" && ly == nil:
			ly = e
		case e.Country == "LB" && lb == nil:
			lb = e
		}
	}
	if ly == nil || lb == nil {
		t.Fatalf("طرابلس: want Tripoli in Libya and in Lebanon, got %v", ids(got))
	}
	if got[0] != ly {
		t.Errorf("طرابلس: first entry %s (%s), want Libya's capital first", got[0].ID, got[0].Country)
	}
	if ly.Population <= lb.Population || !ly.HasCoords || !lb.HasCoords {
		t.Errorf("Tripoli LY pop %d, LB pop %d: want populations and coordinates to disambiguate", ly.Population, lb.Population)
	}
	if ly.Lat < 32 || ly.Lat > 33.5 || ly.Lon < 12.5 || ly.Lon > 14 || lb.Lat < 34 || lb.Lat > 35 {
		t.Errorf("Tripoli LY at %v,%v, LB at %v,%v", ly.Lat, ly.Lon, lb.Lat, lb.Lon)
	}
	if ly.Admin1 != "Tripoli" || lb.Admin1 != "North" {
		t.Errorf("admin1 of Tripoli LY %q, LB %q", ly.Admin1, lb.Admin1)
	}
	if lbOnly := k.Lookup("طرابلس الشام"); len(lbOnly) == 0 || lbOnly[0] != lb {
		t.Errorf("طرابلس الشام = %v, want Lebanon's Tripoli", ids(lbOnly))
	}
}

func TestAmbiguous(t *testing.T) {
	k := mustDefault(t)
	got := k.Ambiguous("الجيش الليبي")
	if len(got) < 2 || got[0].ID != "kb:lna" || !has(got, "kb:gna-forces") {
		t.Fatalf("Ambiguous(الجيش الليبي) = %v, want the LNA first and the GNA's forces", ids(got))
	}
	a := k.AmbiguousName("وللجيش الليبي")
	if a == nil {
		t.Fatal("AmbiguousName with clitics: nil")
	}
	leaning := map[string]string{}
	for _, r := range a.Readings {
		leaning[r.ID] = r.Leaning
	}
	if leaning["kb:lna"] != "LY-LNA" || leaning["kb:gna-forces"] != "LY-GNA" {
		t.Errorf("readings %+v", a.Readings)
	}
	if k.Ambiguous("خليفة حفتر") != nil {
		t.Error("a plain name is not ambiguous")
	}
	for _, a := range k.AmbiguousNames() {
		defaults := 0
		for _, r := range a.Readings {
			if r.Default {
				defaults++
			}
		}
		if defaults != 1 || len(a.Readings) < 2 {
			t.Errorf("ambiguous %q: %d readings, %d defaults", a.Name, len(a.Readings), defaults)
		}
	}
}

// tokens builds arabic tokens from space-separated text, with offsets, the
// way a caller without the segmenter would.
func tokens(text string) []arabic.Token {
	var out []arabic.Token
	pos := 0
	for _, w := range strings.Fields(text) {
		i := strings.Index(text, w)
		start := pos + arabic.RuneLen(text[:i])
		end := start + arabic.RuneLen(w)
		text = text[i+len(w):]
		pos = end
		out = append(out, arabic.Token{Text: w, Start: start, End: end, Norm: arabic.Normalize(w), Kind: wordKind(w)})
	}
	return out
}

// describe renders matches as "first-last id [flags]".
func describe(ms []Match) []string {
	var out []string
	for _, m := range ms {
		s := itoa(m.First) + "-" + itoa(m.Last) + " " + m.Entries[0].ID
		if m.Adjective {
			s += " adj"
		}
		if m.Ambiguous {
			s += " ambiguous"
		}
		if m.Common {
			s += " common"
		}
		out = append(out, s)
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

func TestMatch(t *testing.T) {
	k := mustDefault(t)
	tests := []struct {
		text string
		want []string
	}{
		{"وقالت والجيش الوطني الليبي إن قواته تقدمت", []string{"1-3 kb:lna"}},
		{"وصل خليفة حفتر إلى الجفرة", []string{"1-2 kb:khalifa-haftar", "4-4 kb:ly-adm-jufra"}},
		{"المسؤولين الليبيين", []string{"1-1 iso:LY adj"}},
		{"أعلنت الخارجية الروسية", []string{"2-2 iso:RU adj"}},
		{"وقصفت ميليشيات حفتر مطار معيتيقة", []string{"1-2 kb:lna", "3-4 kb:ly-mitiga"}},
		{"تقدمت قوات الجيش الليبي نحو ترهونة", []string{"1-3 kb:lna ambiguous", "5-5 osm:ly:city:9"}},
		{"نشرت صور الضحايا", []string{"1-1 gn:267008 common"}},
		{"اللجنة كبيرة", nil}, // «كبيرة» is not ك + «البيرة»
		{"حفتر ، طرابلس", []string{"0-0 kb:khalifa-haftar", "2-2 osm:ly:city:36"}},
		// A name that starts with «منطقة» yields to a longer one inside it,
		// and a direction after «منطقة X» makes a local name of X.
		{"معارك في منطقة الساحل الغربي", []string{"3-4 kb:ly-west-coast"}},
		{"معارك في منطقة الساحل الشرقي", nil},
		{"تنشط الجماعات في منطقة الساحل", []string{"3-4 kb:sahel"}},
	}
	for _, tt := range tests {
		got := describe(k.Match(tokens(tt.text)))
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("Match(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// «للجيش» is a common word as a whole, but the segmenter reads ل, the
// article and a name's first word in it.
func TestMatchCommonWordWithPrepositionAndArticle(t *testing.T) {
	k := mustDefault(t)
	toks := arabic.Tokenize("شنت طائرات تابعة للجيش الوطني الليبي غارات على المدينة")
	ms := k.Match(toks)
	if len(ms) == 0 || ms[0].First != 3 || ms[0].Last != 5 || ms[0].Entries[0].ID != "kb:lna" {
		t.Errorf("matches %q, want «للجيش الوطني الليبي» = kb:lna", describe(ms))
	}
}

// TestMatchSegmentedTokens runs the matcher on the tokenizer's output, whose
// stems carry the clitic segmentation.
func TestMatchSegmentedTokens(t *testing.T) {
	k := mustDefault(t)
	text := "وأكد المتحدث باسم الجيش الوطني الليبي أحمد المسماري أن قواتهم دخلت بطرابلس وللجيش الليبي مواقع في حماة وتيجي، وأن فرقة منهم بقيت."
	toks := arabic.Tokenize(text)
	var got []string
	runes := []rune(text)
	for _, m := range k.Match(toks) {
		surface := string(runes[toks[m.First].Start:toks[m.Last].End])
		if m.Common {
			surface += "(common)"
		}
		got = append(got, surface+"="+m.Entries[0].ID)
	}
	want := []string{"الجيش الوطني الليبي=kb:lna", "أحمد المسماري=kb:ahmed-mismari", "بطرابلس=osm:ly:city:36",
		"وللجيش الليبي=kb:lna", "حماة=gn:170017", "وتيجي=osm:ly:town:42",
		"وأن(common)=gn:298117"} // «فرقة» is a word, not ف + «الرقة»
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("matches %q\nwant    %q", got, want)
	}
}

func TestGazetteerTags(t *testing.T) {
	k := mustDefault(t)
	words := strings.Fields("قال خليفة حفتر إن الجيش الوطني الليبي دخل بطرابلس ، والليبيين و الجيش الليبي صور")
	got := k.GazetteerTags(words)
	want := []string{"", "B-PERS", "I-PERS", "", "B-ORG", "I-ORG", "I-ORG", "", "B-LOC", "", "", "", "", "", ""}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("GazetteerTags = %q\nwant %q", got, want)
	}
	if len(k.GazetteerTags(nil)) != 0 {
		t.Error("GazetteerTags(nil) not empty")
	}
}

func TestRoles(t *testing.T) {
	k := mustDefault(t)
	sarraj := k.Get("kb:fayez-sarraj")
	if sarraj == nil {
		t.Fatal("no kb:fayez-sarraj")
	}
	titles := func(rs []Role) string {
		var s []string
		for _, r := range rs {
			s = append(s, r.Title+"@"+r.Org)
		}
		return strings.Join(s, ",")
	}
	if got := titles(sarraj.RoleAt("2019-06-01")); !strings.Contains(got, "prime minister@kb:gna") {
		t.Errorf("Sarraj in 2019: %s", got)
	}
	if got := sarraj.RoleAt("2022-01-01"); len(got) != 0 {
		t.Errorf("Sarraj in 2022: %v", got)
	}
	tests := []struct {
		role Role
		date string
		want bool
	}{
		{Role{Title: "x", From: "2014", To: "2020"}, "2020-06-05", true},
		{Role{Title: "x", From: "2014-05"}, "2014-04-30", false},
		{Role{Title: "x", From: "2014-05"}, "2014-05-01", true},
		{Role{Title: "x", To: "2021-03-15"}, "2021-03-16", false},
		{Role{Title: "x", To: "2021-03-15"}, "", false},
		{Role{Title: "x"}, "", true},
	}
	for _, tt := range tests {
		if got := tt.role.Active(tt.date); got != tt.want {
			t.Errorf("%+v.Active(%q) = %v", tt.role, tt.date, got)
		}
	}
}

func TestAgentAndCommon(t *testing.T) {
	k := mustDefault(t)
	if a := k.Agent("النازحين"); a == nil || a.Code != "REF" {
		t.Errorf("Agent(النازحين) = %+v", a)
	}
	if a := k.Agent("خليفة حفتر"); a != nil {
		t.Errorf("Agent(خليفة حفتر) = %+v", a)
	}
	if !k.IsCommonWord("الصور") || k.IsCommonWord("حفتر") {
		t.Error("IsCommonWord")
	}
}

func TestEntriesValid(t *testing.T) {
	k := mustDefault(t)
	seen := map[string]bool{}
	sides := map[string]bool{}
	for _, e := range k.Entries() {
		if err := e.Validate(); err != nil {
			t.Error(err)
		}
		if seen[e.ID] {
			t.Errorf("duplicate id %s", e.ID)
		}
		seen[e.ID] = true
		if e.IsPlace() && !e.HasCoords {
			t.Errorf("place %s has no coordinates", e.ID)
		}
		if e.IsPlace() && e.Precision == 0 {
			t.Errorf("place %s has no precision", e.ID)
		}
		if e.Side != "" {
			sides[e.Side] = true
			if cc, _, ok := strings.Cut(e.Side, "-"); !ok || len(cc) < 2 || strings.ToUpper(e.Side) != e.Side {
				t.Errorf("%s: side %q is not COUNTRY-CAMP", e.ID, e.Side)
			}
		}
		if e.Parent != "" && k.Get(e.Parent) == nil {
			t.Errorf("%s: parent %s missing", e.ID, e.Parent)
		}
		if e.Source == SourceCurated && e.IsActor() && e.NameEn == "" {
			t.Errorf("%s: curated actor without an English name", e.ID)
		}
	}
	for _, s := range []string{"LY-LNA", "LY-GNA", "YE-HOUTHI", "YE-GOV", "SY-GOV", "SY-OPP", "SD-SAF", "SD-RSF"} {
		if !sides[s] {
			t.Errorf("no entry on side %s", s)
		}
	}
	if k.Len() < 5000 {
		t.Errorf("only %d entries", k.Len())
	}
	for _, cc := range []string{"LY", "EG", "SY", "YE", "SD", "IQ", "PS", "LB", "TR", "RU", "US", "AE"} {
		c := k.Country(cc)
		if c == nil || c.Name == "" || c.NameEn == "" || !c.HasCoords {
			t.Errorf("country %s missing or incomplete", cc)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(kbdata.Files); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMatch(b *testing.B) {
	k := mustDefault(b)
	toks := tokens(strings.Repeat("وقال المتحدث باسم الجيش الوطني الليبي أحمد المسماري إن قوات حكومة الوفاق قصفت مواقع في ترهونة وبني وليد جنوب طرابلس ", 10))
	b.ReportAllocs()
	for b.Loop() {
		k.Match(toks)
	}
	b.ReportMetric(float64(len(toks))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkGazetteerTags(b *testing.B) {
	k := mustDefault(b)
	words := strings.Fields(strings.Repeat("وقال المتحدث باسم الجيش الوطني الليبي أحمد المسماري إن قوات حكومة الوفاق قصفت مواقع في ترهونة وبني وليد جنوب طرابلس . ", 10))
	b.ReportAllocs()
	for b.Loop() {
		k.GazetteerTags(words)
	}
	b.ReportMetric(float64(len(words))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
