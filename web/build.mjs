// Builds the web UI into internal/server/ui/dist, which the Go binary embeds:
// the UI's own files from src/, and from node_modules the map library
// (leaflet), the country borders (world-atlas, Natural Earth 1:50m TopoJSON)
// and the TopoJSON decoder (topojson-client). Nothing is fetched at run time.
import { cpSync, mkdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
// MARSAD_UI_DIST builds elsewhere, for checking that the committed build is current.
const dist = process.env.MARSAD_UI_DIST || join(here, "..", "internal", "server", "ui", "dist");
const mod = (p) => join(here, "node_modules", p);

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, "vendor"), { recursive: true });
cpSync(join(here, "src"), dist, { recursive: true });

const vendor = [
  ["leaflet/dist/leaflet.js", "leaflet.js"],
  ["leaflet/dist/leaflet.css", "leaflet.css"],
  ["leaflet/dist/images", "images"],
  ["topojson-client/dist/topojson-client.min.js", "topojson-client.min.js"],
  ["world-atlas/countries-50m.json", "countries-50m.json"],
];
for (const [from, to] of vendor) {
  cpSync(mod(from), join(dist, "vendor", to), { recursive: true });
}

const version = (p) => JSON.parse(readFileSync(mod(p + "/package.json"), "utf8")).version;
writeFileSync(join(dist, "vendor", "NOTICE.txt"),
  `Third-party files bundled by web/build.mjs:\n` +
  `- leaflet ${version("leaflet")} (BSD-2-Clause), https://leafletjs.com\n` +
  `- topojson-client ${version("topojson-client")} (ISC)\n` +
  `- world-atlas ${version("world-atlas")} (ISC): country borders from Natural Earth (public domain)\n`);
console.log("web UI built into " + dist);
