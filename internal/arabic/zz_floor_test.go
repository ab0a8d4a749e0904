package arabic

import (
	"strings"
	"testing"
	"time"
)

// scanOnly is Tokenize's scanner without reading words.
func scanOnly(text string) []Token {
	toks := make([]Token, 0, estimateTokens(text))
	pos := 0
	for i := 0; i < len(text); {
		r, n := decode(text, i)
		cls := classOf(r)
		start, startPos := i, pos
		i += n
		pos++
		switch cls {
		case cSpace:
			continue
		case cLetter, cMark:
			for i < len(text) {
				if b0 := text[i]; (b0 == 0xD8 || b0 == 0xD9) && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
					w := word06[(b0&1)<<6|text[i+1]&0x3F]
					if w&wInWord == 0 {
						break
					}
					i += 2
					pos++
					continue
				}
				break
			}
			toks = append(toks, Token{Text: text[start:i], Start: startPos, End: pos, Norm: text[start:i], Stem: text[start:i], Kind: Word})
		default:
			toks = append(toks, Token{Text: text[start:i], Start: startPos, End: pos, Kind: Punct})
		}
	}
	return toks
}

func TestFloor(t *testing.T) {
	arts := benchArticles()
	mb := float64(corpusBytes(arts)) / 1e6
	b := time.Hour
	for i := 0; i < 12; i++ {
		s := cpuNow()
		for _, a := range arts {
			_ = scanOnly(a)
		}
		if d := cpuNow() - s; d < b {
			b = d
		}
	}
	b2 := time.Hour
	for i := 0; i < 12; i++ {
		s := cpuNow()
		for _, a := range arts {
			_ = strings.Fields(a)
		}
		if d := cpuNow() - s; d < b2 {
			b2 = d
		}
	}
	t.Logf("scan floor %.1f MB/s, strings.Fields %.1f MB/s", mb/b.Seconds(), mb/b2.Seconds())
}
