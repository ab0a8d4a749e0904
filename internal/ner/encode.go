package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// The model file is gzip-compressed binary, all integers uvarints unless
// said otherwise, strings as length and bytes:
//
//	magic "MRSDNER1"
//	flags: bit 0 set when a float32 O bias follows; bit 1 when the model
//	  ends with a word dictionary; bit 2 when it holds a name scorer; bit 3
//	  when per-type biases follow (other bits reserved)
//	[float32 O bias, little-endian]
//	[4 float32 type biases, in entity-type order]
//	label count, then each label name
//	document window
//	stage count, then per stage:
//	  (labels+1)×labels float32 transition weights (little-endian)
//	  float32 weight scale
//	  feature count N, then N deltas of the sorted feature hashes
//	  N×labels int16 weights (weight = int16 × scale), rows in hash order
//	0 (reserved: a word-cluster table, unused)
//	name-lexicon count, then word and class pairs sorted by word
//	gazetteer class count and names, then phrase count and phrase key and
//	  class-bit pairs sorted by key
//	label-memory count, then key and summary pairs sorted by key
//	[when flag bit 2 is set: name scorer: numTypes float32 biases, row count
//	  R, R ascending key deltas, R×numTypes float32 weights]
//	[when flag bit 1 is set: dictionary hash count, then the 32-bit form
//	  hashes (see WordDict) as ascending deltas]
//
// Weights are quantised to 16 bits: the file is what ships, so the
// quantised weights are the model, and Train returns them as such.
const modelMagic = "MRSDNER1"

// flagOBias marks a file that stores an O bias (see Model.oBias).
const flagOBias = 1

// flagTypeBias marks a file that stores per-type biases (Model.typeBias)
// after the O bias.
const flagTypeBias = 8

// flagDict marks a file that ends with a word dictionary (see WordDict).
const flagDict = 2

// flagScorer marks a file that holds a name scorer (see nameScorer).
const flagScorer = 4

// maxStages bounds the stage count a file may declare.
const maxStages = 4

type encoder struct {
	w   *bufio.Writer
	tmp [binary.MaxVarintLen64]byte
}

func (e *encoder) u(v uint64)   { e.w.Write(e.tmp[:binary.PutUvarint(e.tmp[:], v)]) }
func (e *encoder) s(s string)   { e.u(uint64(len(s))); e.w.WriteString(s) }
func (e *encoder) f(f float32)  { binary.Write(e.w, binary.LittleEndian, math.Float32bits(f)) }
func (e *encoder) i16(v int16)  { binary.Write(e.w, binary.LittleEndian, v) }
func (e *encoder) n(n int)      { e.u(uint64(n)) }
func (e *encoder) flush() error { return e.w.Flush() }

// WriteTo writes the model in its file format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var raw bytes.Buffer
	e := &encoder{w: bufio.NewWriter(&raw)}
	e.w.WriteString(modelMagic)
	flags := uint64(0)
	if m.oBias != 0 {
		flags |= flagOBias
	}
	if m.dict != nil {
		flags |= flagDict
	}
	if m.scorer != nil {
		flags |= flagScorer
	}
	if m.typeBias != ([len(entityTypes)]float32{}) {
		flags |= flagTypeBias
	}
	e.u(flags)
	if m.oBias != 0 {
		e.f(m.oBias)
	}
	if flags&flagTypeBias != 0 {
		for _, b := range m.typeBias {
			e.f(b)
		}
	}
	e.n(numLabels)
	for _, n := range labelNames {
		e.s(n)
	}
	e.n(m.docWindow)
	e.n(len(m.stages))
	for _, st := range m.stages {
		st.encode(e)
	}
	e.n(0) // reserved
	names := sortedKeys(m.names)
	e.n(len(names))
	for _, w := range names {
		e.s(w)
		e.u(uint64(m.names[w]))
	}
	var classes, phrases []string
	if m.gaz != nil {
		classes, phrases = m.gaz.classes, sortedKeys(m.gaz.keys)
	}
	e.n(len(classes))
	for _, c := range classes {
		e.s(c)
	}
	e.n(len(phrases))
	for _, p := range phrases {
		e.s(p)
		e.u(uint64(m.gaz.keys[p]))
	}
	var mem []string
	if m.memory != nil {
		mem = sortedKeys(m.memory.summary)
	}
	e.n(len(mem))
	for _, k := range mem {
		e.s(k)
		e.u(m.memory.summary[k])
	}
	if m.scorer != nil {
		for _, b := range m.scorer.bias {
			e.f(b)
		}
		keys := make([]uint64, 0, len(m.scorer.weights))
		for k := range m.scorer.weights {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		e.n(len(keys))
		prev := uint64(0)
		for _, k := range keys {
			e.u(k - prev)
			prev = k
		}
		for _, k := range keys {
			for _, v := range m.scorer.weights[k] {
				e.f(v)
			}
		}
	}
	if m.dict != nil {
		hashes := m.dict.sortedHashes()
		e.n(len(hashes))
		prev := uint32(0)
		for _, h := range hashes {
			e.u(uint64(h - prev))
			prev = h
		}
	}
	if err := e.flush(); err != nil {
		return 0, err
	}
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return cw.n, err
	}
	err = zw.Close()
	return cw.n, err
}

func (st *stage) encode(e *encoder) {
	for p := range st.trans {
		for _, v := range st.trans[p] {
			e.f(v)
		}
	}
	e.f(st.table.scale)
	slots := st.sortedSlots()
	e.n(len(slots))
	prev := uint64(0)
	for _, s := range slots {
		e.u(s.key - prev)
		prev = s.key
	}
	for _, s := range slots {
		for _, v := range s.w {
			e.i16(v)
		}
	}
}

// sortedSlots returns the filled slots in ascending key order.
func (st *stage) sortedSlots() []*slot {
	var out []*slot
	for i := range st.table.slots {
		if st.table.slots[i].key != 0 {
			out = append(out, &st.table.slots[i])
		}
	}
	slices.SortFunc(out, func(a, b *slot) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// quantised returns the model as its file holds it, by writing and reading
// it back.
func (m *Model) quantised() (*Model, error) {
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		return nil, err
	}
	return ReadModel(&buf)
}

// ReadModel reads a model file.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	d := decoder{b: raw}
	if string(d.bytes(len(modelMagic))) != modelMagic {
		return nil, errors.New("ner model: not a marsad NER model (bad magic)")
	}
	m := &Model{}
	flags := d.uvarint()
	if flags&^(flagOBias|flagDict|flagScorer|flagTypeBias) != 0 && d.err == nil {
		return nil, fmt.Errorf("ner model: unknown flags %#x", flags)
	}
	if flags&flagOBias != 0 {
		m.oBias = d.float32()
	}
	if flags&flagTypeBias != 0 {
		for t := range m.typeBias {
			m.typeBias[t] = d.float32()
		}
	}
	if nl := d.count(); nl != numLabels && d.err == nil {
		return nil, fmt.Errorf("ner model: %d labels, this build knows %d", nl, numLabels)
	}
	for _, n := range labelNames {
		if got := d.str(); got != n && d.err == nil {
			return nil, fmt.Errorf("ner model: label %q where %q was expected", got, n)
		}
	}
	m.docWindow = d.count()
	ns := d.count()
	if ns < 1 || ns > maxStages {
		if d.err == nil {
			d.err = fmt.Errorf("%d stages", ns)
		}
	}
	for range ns {
		if d.err != nil {
			break
		}
		m.stages = append(m.stages, d.stage())
	}
	if d.count() != 0 && d.err == nil {
		d.err = errors.New("unsupported word-cluster table")
	}
	if nn := d.count(); nn > 0 {
		m.names = make(map[string]uint8, nn)
		for range nn {
			w := d.str()
			m.names[w] = uint8(d.uvarint())
		}
	}
	nc := d.count()
	if nc > maxGazClasses && d.err == nil {
		d.err = fmt.Errorf("%d gazetteer classes, at most %d allowed", nc, maxGazClasses)
	}
	g := &PhraseGazetteer{keys: map[string]uint32{}}
	for range nc {
		g.classes = append(g.classes, d.str())
	}
	for range d.count() {
		k := d.str()
		g.keys[k] = uint32(d.uvarint())
	}
	if nc > 0 && d.err == nil {
		g.index()
		m.gaz = g
	}
	if nm := d.count(); nm > 0 {
		m.memory = &memoryTable{summary: make(map[string]uint64, nm)}
		for range nm {
			k := d.str()
			m.memory.summary[k] = d.uvarint()
		}
		m.memory.split()
	}
	if flags&flagScorer != 0 {
		sc := &nameScorer{}
		for t := range sc.bias {
			sc.bias[t] = d.float32()
		}
		n := d.count()
		keys := make([]uint64, n)
		prev := uint64(0)
		for i := range keys {
			prev += d.uvarint()
			keys[i] = prev
		}
		sc.weights = make(map[uint64][numTypes]float32, n)
		for _, k := range keys {
			var row [numTypes]float32
			for t := range row {
				row[t] = d.float32()
			}
			sc.weights[k] = row
		}
		m.scorer = sc
	}
	if flags&flagDict != 0 {
		n := d.count()
		hashes := make([]uint32, n)
		prev := uint32(0)
		for i := range hashes {
			prev += uint32(d.uvarint())
			hashes[i] = prev
		}
		if d.err == nil {
			m.dict = newWordDictHashes(hashes)
		}
	}
	if d.err != nil {
		return nil, fmt.Errorf("ner model: %w", d.err)
	}
	if len(d.b) != 0 {
		return nil, fmt.Errorf("ner model: %d trailing bytes", len(d.b))
	}
	return m, nil
}

// decoder reads the model format, remembering the first error.
type decoder struct {
	b   []byte
	err error
}

var errTruncated = errors.New("truncated model file")

func (d *decoder) stage() *stage {
	st := &stage{}
	for p := range st.trans {
		for q := range st.trans[p] {
			st.trans[p][q] = d.float32()
		}
	}
	scale := d.float32()
	n := d.count()
	keys := make([]uint64, n)
	key := uint64(0)
	for i := range keys {
		key += d.uvarint()
		keys[i] = key
	}
	wb := d.bytes(2 * n * numLabels)
	st.table = newWeightTable(n, scale)
	if d.err != nil {
		return st
	}
	for i, k := range keys {
		var w [numLabels]int16
		for l := range w {
			w[l] = int16(binary.LittleEndian.Uint16(wb[2*(i*numLabels+l):]))
		}
		st.table.put(fixKey(k), w)
	}
	return st
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errTruncated
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a length and checks it against the bytes left (every counted
// item takes at least one byte), so a corrupt file cannot ask for a huge
// allocation.
func (d *decoder) count() int {
	v := d.uvarint()
	if d.err == nil && v > uint64(len(d.b)) {
		d.err = errTruncated
	}
	if d.err != nil {
		return 0
	}
	return int(v)
}

func (d *decoder) bytes(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n < 0 || n > len(d.b) {
		d.err = errTruncated
		return nil
	}
	out := d.b[:n]
	d.b = d.b[n:]
	return out
}

func (d *decoder) str() string {
	n := d.count()
	return string(d.bytes(n))
}

func (d *decoder) float32() float32 {
	b := d.bytes(4)
	if b == nil {
		return 0
	}
	return math.Float32frombits(binary.LittleEndian.Uint32(b))
}
