// Builds mobility/data/network-map.json: simplified SVG paths of the partner
// countries and their neighbours, from Natural Earth (public domain) as the
// npm package world-atlas ships it. Run with `node scripts/build_network_map.mjs`
// after changing the countries or the frame; the output is committed, so
// nothing is fetched or computed at run time.
import { readFileSync, writeFileSync } from "node:fs";
import { feature } from "topojson-client";

// ISO 3166-1 numeric (world-atlas ids) -> alpha-2 (our cluster countries).
const PARTNERS = { 203: "CZ", 703: "SK", 616: "PL", 348: "HU", 191: "HR", 792: "TR" };
const CONTEXT = {
  276: "DE", 40: "AT", 705: "SI", 688: "RS", 70: "BA", 642: "RO", 804: "UA", 112: "BY",
  440: "LT", 100: "BG", 300: "GR", 380: "IT", 498: "MD", 807: "MK", 8: "AL", 499: "ME",
  268: "GE", 51: "AM", 31: "AZ", 760: "SY", 368: "IQ", 364: "IR", 196: "CY", 428: "LV",
  208: "DK", 756: "CH", 250: "FR", 528: "NL", 56: "BE", 442: "LU", 383: "XK", 643: "RU",
};
const FRAME = { west: 10, east: 45.5, south: 35, north: 55.5 };
const WIDTH = 800;
const LAT0 = ((FRAME.south + FRAME.north) / 2) * (Math.PI / 180);
const SCALE = WIDTH / ((FRAME.east - FRAME.west) * Math.cos(LAT0));
const HEIGHT = Math.round((FRAME.north - FRAME.south) * SCALE);
const TOLERANCE = 2.5; // px: points closer than this to the last kept one are dropped
const MIN_EXTENT = 6; // px: islands smaller than this are left out

const project = ([lon, lat]) => [
  (lon - FRAME.west) * Math.cos(LAT0) * SCALE,
  (FRAME.north - lat) * SCALE,
];
const inFrame = ([x, y]) => x >= -20 && x <= WIDTH + 20 && y >= -20 && y <= HEIGHT + 20;

function ringPath(ring) {
  const kept = [];
  for (const point of ring.map(project)) {
    const last = kept[kept.length - 1];
    if (!last || Math.hypot(point[0] - last[0], point[1] - last[1]) >= TOLERANCE) kept.push(point);
  }
  if (kept.length < 4 || !kept.some(inFrame)) return "";
  const xs = kept.map((p) => p[0]);
  const ys = kept.map((p) => p[1]);
  if (Math.max(...xs) - Math.min(...xs) < MIN_EXTENT && Math.max(...ys) - Math.min(...ys) < MIN_EXTENT) return "";
  const clamp = (v, max) => Math.max(-20, Math.min(max + 20, v)).toFixed(1);
  return "M" + kept.map(([x, y]) => `${clamp(x, WIDTH)},${clamp(y, HEIGHT)}`).join("L") + "Z";
}

function shape(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flatMap((polygon) => polygon.map(ringPath)).filter(Boolean).join("");
}

function labelPoint(geometry) {
  // Centre of the largest ring's bounding box, good enough for a label.
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let best = null;
  for (const polygon of polygons) {
    const pts = polygon[0].map(project);
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const area = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
    if (!best || area > best.area) {
      best = { area, x: (Math.max(...xs) + Math.min(...xs)) / 2, y: (Math.max(...ys) + Math.min(...ys)) / 2 };
    }
  }
  return [Number(best.x.toFixed(1)), Number(best.y.toFixed(1))];
}

const load = (name) => {
  const topology = JSON.parse(readFileSync(new URL(`../node_modules/world-atlas/${name}`, import.meta.url)));
  return feature(topology, topology.objects.countries).features;
};
// Partner borders in more detail than the grey neighbours around them.
const countries = [
  ...load("countries-50m.json").filter((c) => PARTNERS[Number(c.id)]),
  ...load("countries-110m.json").filter((c) => CONTEXT[Number(c.id)]),
];
const partners = {};
const context = [];
for (const country of countries) {
  const id = Number(country.id);
  if (PARTNERS[id]) {
    partners[PARTNERS[id]] = { d: shape(country.geometry), label: labelPoint(country.geometry) };
  } else if (CONTEXT[id]) {
    const d = shape(country.geometry);
    if (d) context.push(d);
  }
}
const missing = Object.values(PARTNERS).filter((code) => !partners[code]);
if (missing.length) throw new Error(`not in the data set: ${missing.join(", ")}`);
const out = {
  source: "Natural Earth 1:50m (partners) and 1:110m (neighbours) via world-atlas 2.0.2 (public domain)",
  width: WIDTH,
  height: HEIGHT,
  partners,
  context: context.join(""),
};
writeFileSync(new URL("../mobility/data/network-map.json", import.meta.url), JSON.stringify(out) + "\n");
console.log(`network-map.json: ${WIDTH}x${HEIGHT}, ${JSON.stringify(out).length} bytes`);
