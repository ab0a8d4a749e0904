package seg
import ("testing";"fmt";"os";"bufio";"strings";"github.com/marsad/marsad/internal/arabic")
func TestY(t *testing.T){
 f,_:=os.Open("../arabic/data/anercorp-words.tsv"); sc:=bufio.NewScanner(f)
 n:=0
 for sc.Scan(){ l:=sc.Text(); if l==""||l[0]=='#'{continue}; w:=strings.Split(l,"\t")[0]
  for _,pre:=range []string{"","و","ف"}{
  if !strings.HasPrefix(w,pre+"س"){continue}
  p,s,_:=arabic.Segment(w)
  for _,x:=range p{ if x=="س"{ fmt.Println(w,"->",s); n++ } }
 }}
 fmt.Println("total",n)
}
