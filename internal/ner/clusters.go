package ner

// Word clusters give the model a class for words it never saw labelled:
// each word has a bit-string path in a binary merge tree (Brown clusters);
// path prefixes of several lengths are features, coarse to fine.

// numClusterPrefixes is how many path prefixes per word become features.
const numClusterPrefixes = 4

// clusterPrefixLens are the prefix lengths in bits; the last takes the whole
// path.
var clusterPrefixLens = [numClusterPrefixes]int{4, 8, 12, 64}

// clusterPrevNextLevel is the prefix used for the neighbouring words.
const clusterPrevNextLevel = 1

// clusterTable maps a normalised word to the hashes of its path prefixes.
type clusterTable struct {
	paths  map[string]string // normalised word → bit path, as stored
	hashes map[string][numClusterPrefixes]uint64
}

// newClusterTable indexes word → path pairs.
func newClusterTable(paths map[string]string) *clusterTable {
	t := &clusterTable{paths: paths, hashes: make(map[string][numClusterPrefixes]uint64, len(paths))}
	for w, p := range paths {
		var h [numClusterPrefixes]uint64
		for k, n := range clusterPrefixLens {
			h[k] = hashString(p[:min(n, len(p))])
		}
		t.hashes[w] = h
	}
	return t
}

// lookup returns the prefix hashes of a word; all zero when it has no
// cluster.
func (t *clusterTable) lookup(norm string) [numClusterPrefixes]uint64 {
	return t.hashes[norm]
}
