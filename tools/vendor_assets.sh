#!/usr/bin/env bash
# Copy the pinned npm assets of `dateline serve` into the package (src/dateline/serve/static/vendor),
# with their licences. Versions are pinned in tools/assets/package.json and package-lock.json; run this
# after changing them and commit the copied files. Nothing is fetched at run time (no CDN links).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/dateline/serve/static/vendor"
cd "$here/assets"
npm ci --no-audit --no-fund --ignore-scripts >/dev/null 2>&1 || npm install --no-audit --no-fund --ignore-scripts >/dev/null
rm -rf "$out" && mkdir -p "$out/leaflet/images" "$out/topojson-client" "$out/world-atlas"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css node_modules/leaflet/LICENSE "$out/leaflet/"
cp node_modules/leaflet/dist/images/*.png "$out/leaflet/images/"
cp node_modules/topojson-client/dist/topojson-client.min.js node_modules/topojson-client/LICENSE "$out/topojson-client/"
cp node_modules/world-atlas/countries-110m.json node_modules/world-atlas/LICENSE "$out/world-atlas/"
for pkg in leaflet topojson-client world-atlas; do
  node -e "const p=require('./node_modules/$pkg/package.json'); console.log(p.name + ' ' + p.version + ' ' + (p.license||''))"
done > "$out/VERSIONS.txt"
cat "$out/VERSIONS.txt"
