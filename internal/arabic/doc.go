// Package arabic is marsad's Arabic language core: text cleanup,
// normalisation for matching, sentence splitting, tokenisation with clitic
// segmentation, and readers for numbers and date expressions. It knows
// nothing about news or conflict; every later stage builds on it.
//
// Offsets everywhere in this package count Unicode code points, never
// bytes, and refer to the text as given. Every function is safe for
// concurrent use.
//
// # Text
//
//   - Clean repairs scraped text (presentation forms, control characters,
//     odd spaces and line breaks) before anything records an offset.
//   - Normalize gives the matching form (no diacritics or tatweel; alef,
//     yaa, taa marbuta and hamza seats unified; Persian and Maghrebi
//     letters mapped; digits ASCII). NormalizeMap also maps each code point
//     of the result back to the original, so a match found in normalised
//     text has exact original offsets. Canonical also fixes frequent typos.
//   - Paragraphs and Sentences return Spans.
//
// # Words
//
// Tokenize returns Tokens with their normal form and clitics: «وقواتها» is
// و + قوات + ها, «للجيش» ل + ال + جيش, while «ليبيا» and «فرنسا» stay
// whole. Segment does the same for one word. Splitting is decided by a
// lexicon (Lexicon, DefaultLexicon) of word frequencies derived from the
// ANERcorp training split plus hand-written lists; Lexicon.Extend adds
// stems (a gazetteer's place names) and words never to split (personal
// names) for a stage that knows them.
//
// # Quantities and dates
//
// FindNumbers reads figures, number words, vague quantities, comparatives
// and ranges («أكثر من 100», «بين 10 و20», «عشرات القتلى») into NumberExpr,
// with the lowest figure the phrase supports as Value. ParseNumber reads
// one phrase. FindDates reads calendar dates in every month-name system,
// numeric dates, years, weekdays, «أمس» and its kin, periods and «منذ 14
// شهرا» into DateExpr day windows resolved against the article's date;
// Hijri dates are converted with the tabular calendar.
package arabic
