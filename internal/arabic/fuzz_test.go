package arabic

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// Seeds shared by the fuzz targets; more live in testdata/fuzz.
var fuzzSeeds = []string{
	"",
	"قالَ الناطق: «سنواصل القتال.» وأضاف أن 3.5 و1,000 F-16 ١٬٠٠٠",
	"قتل خمسة وثلاثين شخصا بين 10 و20 في 5 يونيو 2020 أمس الجمعة",
	"ﺑﻨﻐﺎﺯﻱ ﻻ ﷲ\u200f\ufeff\r\n\x00\xff",
	"أكثر من 100 قتيل منذ 14 شهرا مطلع الشهر الماضي 05/06/2020",
	"ا\u0654ـــ..؟!…\n\n«»\"\"",
	"15 رمضان 1441 هـ عام 2019 2020-06-05 ليلة الجمعة",
}

func FuzzNormalizeMap(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		norm, off := NormalizeMap(s)
		if n := Normalize(s); n != norm {
			t.Fatalf("NormalizeMap norm %q != Normalize %q", norm, n)
		}
		if ref := normalizeReference(s); ref != norm {
			t.Fatalf("Normalize(%q) = %q, reference %q", s, norm, ref)
		}
		if got := string(AppendNormalized([]byte("ab"), s)); got != "ab"+norm {
			t.Fatalf("AppendNormalized(%q) = %q, want %q", s, got, "ab"+norm)
		}
		checkOffsets(t, s, norm, off)
		if again := Normalize(norm); again != norm {
			t.Fatalf("Normalize not idempotent: %q -> %q", norm, again)
		}
	})
}

// normalizeReference is Normalize written the slow, obvious way.
func normalizeReference(s string) string {
	var b strings.Builder
	for _, r := range s {
		f := foldSlow(r)
		switch {
		case r < 0x80:
			f = foldRune(r)
		}
		switch f {
		case drop:
		case expand:
			for _, e := range presForms[r-presFirst] {
				if g := foldSlow(e); g >= 0 {
					b.WriteRune(g)
				}
			}
		default:
			b.WriteRune(f)
		}
	}
	return b.String()
}

func FuzzClean(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Clean(s)
		if !utf8.ValidString(c) {
			t.Fatalf("Clean(%q) = %q is not valid UTF-8", s, c)
		}
		if strings.ContainsAny(c, "\r\u00a0\ufeff\x00") {
			t.Fatalf("Clean(%q) = %q keeps debris", s, c)
		}
		if Clean(c) != c {
			t.Fatalf("Clean not idempotent on %q: %q -> %q", s, c, Clean(c))
		}
	})
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		runes := []rune(s)
		prev := 0
		for i, tk := range Tokenize(s) {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(runes) {
				t.Fatalf("token %d %q has offsets %d:%d after %d in %d code points", i, tk.Text, tk.Start, tk.End, prev, len(runes))
			}
			if string(runes[tk.Start:tk.End]) != tk.Text && utf8.ValidString(tk.Text) {
				t.Fatalf("token %d: offsets give %q, Text %q", i, string(runes[tk.Start:tk.End]), tk.Text)
			}
			if tk.Norm != Normalize(tk.Text) {
				t.Fatalf("token %d: Norm %q, want %q", i, tk.Norm, Normalize(tk.Text))
			}
			if tk.Kind > Symbol {
				t.Fatalf("token %d: bad kind %d", i, tk.Kind)
			}
			if tk.Kind == Word && tk.Stem == "" {
				t.Fatalf("token %d %q: word without stem", i, tk.Text)
			}
			for _, r := range runes[prev:tk.Start] {
				if classOf(r) != cSpace {
					t.Fatalf("code point %q between tokens is no space", r)
				}
			}
			prev = tk.End
		}
	})
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		runes := []rune(s)
		prev := 0
		for _, sp := range Sentences(s) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(runes) {
				t.Fatalf("span %v after %d in %d code points", sp, prev, len(runes))
			}
			for _, r := range runes[sp.Start:sp.End] {
				if r == '\n' {
					t.Fatalf("span %v crosses a line break", sp)
				}
			}
			if isBlank(runes[sp.Start]) || isBlank(runes[sp.End-1]) {
				t.Fatalf("span %v not trimmed: %q", sp, string(runes[sp.Start:sp.End]))
			}
			prev = sp.End
		}
	})
}

func FuzzFindNumbers(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		runes := []rune(s)
		prev := 0
		for _, e := range FindNumbers(s) {
			if e.Start < prev || e.End <= e.Start || e.End > len(runes) {
				t.Fatalf("number %q at %d:%d after %d in %d code points", e.Text, e.Start, e.End, prev, len(runes))
			}
			if utf8.ValidString(s) && string(runes[e.Start:e.End]) != e.Text {
				t.Fatalf("number offsets give %q, Text %q", string(runes[e.Start:e.End]), e.Text)
			}
			if e.Value < 0 || e.Min < 0 || e.Max != Unbounded && e.Max < e.Min || e.Value < e.Min {
				t.Fatalf("number %q: value %d in [%d, %d]", e.Text, e.Value, e.Min, e.Max)
			}
			if e.Noun != "" && (e.NounStart < 0 || e.NounEnd > len(runes) || e.NounEnd <= e.NounStart) {
				t.Fatalf("number %q: noun offsets %d:%d", e.Text, e.NounStart, e.NounEnd)
			}
			if e.Approx == (e.Kind == Exact) {
				t.Fatalf("number %q: Approx %v for %v", e.Text, e.Approx, e.Kind)
			}
			prev = e.End
		}
		if len(s) < 200 {
			_, _ = ParseNumber(s)
		}
	})
}

func FuzzFindDates(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, int32(18426+i*40)) // days since 1970: June 2020 and after
	}
	f.Add("أمس الجمعة", int32(0))
	f.Fuzz(func(t *testing.T, s string, days int32) {
		var ref time.Time
		if days != 0 {
			ref = time.Unix(0, 0).UTC().AddDate(0, 0, int(days%200000))
		}
		runes := []rune(s)
		prev := 0
		for _, e := range FindDates(s, ref) {
			if e.Start < prev || e.End <= e.Start || e.End > len(runes) {
				t.Fatalf("date %q at %d:%d after %d in %d code points", e.Text, e.Start, e.End, prev, len(runes))
			}
			if utf8.ValidString(s) && string(runes[e.Start:e.End]) != e.Text {
				t.Fatalf("date offsets give %q, Text %q", string(runes[e.Start:e.End]), e.Text)
			}
			if e.To.Before(e.From) {
				t.Fatalf("date %q: window %v..%v reversed", e.Text, e.From, e.To)
			}
			if ref.IsZero() && e.Relative {
				t.Fatalf("date %q relative without a reference", e.Text)
			}
			if e.Precision > Year || e.Kind > HijriDate {
				t.Fatalf("date %q: bad precision or kind", e.Text)
			}
			prev = e.End
		}
	})
}

func FuzzSegment(f *testing.F) {
	for _, w := range []string{"والجيش", "للجنة", "وقواتها", "حكومتها", "ليبيا", "ﻻ", "و", "ال", "لل", "وبال"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		procs, stem, enc := Segment(w)
		if len(procs) > 3 || len(enc) > len("هما") {
			t.Fatalf("Segment(%q) = %v %q %q", w, procs, stem, enc)
		}
		if Normalize(w) != "" && stem == "" {
			t.Fatalf("Segment(%q): empty stem", w)
		}
	})
}

func TestLongInputs(t *testing.T) {
	// Pathological texts of 60,000 code points: each reader must get
	// through them (in linear time; a quadratic one would not finish).
	ref := time.Date(2020, 6, 13, 0, 0, 0, 0, time.UTC)
	for _, unit := range []string{"«", "1-", "أ. ", "ب", "3.", "و", "\"", "عشرات ", "١٢٣،", "ـ", "ﻻ", "a."} {
		s := strings.Repeat(unit, 60000/utf8.RuneCountInString(unit))
		_ = Clean(s)
		_, _ = NormalizeMap(s)
		_ = Sentences(s)
		_ = Tokenize(s)
		_ = FindNumbers(s)
		_ = FindDates(s, ref)
	}
}
