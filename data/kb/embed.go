// Package kbdata holds marsad's compiled knowledge base: the files that
// `marsad build-kb` writes from data/kb/src and the open gazetteers (see
// README.md beside this file for sources, licences and the rebuild command).
// Only the compiled files are embedded; internal/kb reads them.
package kbdata

import "embed"

// Files holds kb.tsv (every entry), ambiguous.tsv (side-dependent names) and
// agents.tsv (generic actor nouns with CAMEO roles), common.txt (names
// that are more often common words) and camps.tsv (the two main sides of
// each war).
//
//go:embed kb.tsv ambiguous.tsv agents.tsv common.txt camps.tsv
var Files embed.FS
