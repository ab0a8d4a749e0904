package textindex

// Snippet returns a stretch of text of about width code points around the
// first word matching q, with the [start, end) code-point ranges of every
// matching word inside the snippet. Cuts fall on word boundaries and are
// marked with «…». With no match it returns the beginning of text and no
// ranges, so a hit found through another field still shows something.
// Words are only analysed up to the first match and inside the snippet, so
// the cost does not grow with the length of the article.
func Snippet(text string, q Query, width int) (string, [][2]int) {
	ws := words(text)
	runes := []rune(text)
	first := -1
	for i, w := range ws {
		if q.Matches(Forms(w.text)) {
			first = i
			break
		}
	}
	start, end := 0, len(runes)
	if len(runes) > width {
		if first >= 0 {
			// Put the first match about a third into the window.
			start = max(0, ws[first].start-width/3)
		}
		end = min(len(runes), start+width)
		start = max(0, end-width)
		start, end = wordBounds(ws, start, end)
	}
	prefix, suffix := "", ""
	if start > 0 {
		prefix = "… "
	}
	if end < len(runes) {
		suffix = " …"
	}
	shift := runeCount(prefix) - start
	out := [][2]int{}
	if first >= 0 {
		for _, w := range ws[first:] {
			if w.start >= end {
				break
			}
			if w.start >= start && w.end <= end && q.Matches(Forms(w.text)) {
				out = append(out, [2]int{w.start + shift, w.end + shift})
			}
		}
	}
	return prefix + string(runes[start:end]) + suffix, out
}

// wordBounds moves start forward and end backward so neither cuts a word.
func wordBounds(ws []word, start, end int) (int, int) {
	for _, w := range ws {
		if w.start < start && w.end > start {
			start = w.end
		}
		if w.start < end && w.end > end {
			end = w.start
		}
	}
	if end < start {
		end = start
	}
	return start, end
}
