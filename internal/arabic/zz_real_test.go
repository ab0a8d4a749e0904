package arabic

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestRealDump(t *testing.T) {
	files, _ := filepath.Glob("/work/shared/samples/articles/*.txt")
	ref := time.Date(2020, 6, 10, 0, 0, 0, 0, time.UTC)
	for _, f := range files {
		b, _ := os.ReadFile(f)
		s := Clean(string(b))
		var splits []string
		for _, tk := range Tokenize(s) {
			if tk.Kind == Word && (len(tk.Proclitics) > 0 && !(len(tk.Proclitics) == 1 && tk.Proclitics[0] == "ال") || tk.Enclitic != "") {
				splits = append(splits, tk.Text+"="+strings.Join(tk.Proclitics, "+")+"|"+tk.Stem+"|"+tk.Enclitic)
			}
		}
		fmt.Println("==", filepath.Base(f), len(splits))
		fmt.Println(strings.Join(splits, "  "))
		for _, e := range FindNumbers(s) {
			fmt.Printf("N[%s v=%d %s %s] ", e.Text, e.Value, e.Kind, e.Noun)
		}
		fmt.Println()
		for _, e := range FindDates(s, ref) {
			fmt.Printf("D[%s %s..%s %s] ", e.Text, e.From.Format("01-02"), e.To.Format("01-02"), e.Kind)
		}
		fmt.Println()
	}
}
