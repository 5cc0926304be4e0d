// Builds web/world.js, the geometry of the search page's world map, from Natural Earth's
// 1:50m countries (public domain) as npm's world-atlas packages them. Regenerate with:
//
//   cd scripts/map && npm ci && npm run build
//
// The output is committed, so serving the page needs no npm. It holds one entry per country:
// its ISO 3166-1 alpha-2 code (the index's codes; world-atlas ids are ISO numeric, mapped
// with Debian's iso-codes), an SVG path already projected (Equal Earth, 1000 units wide,
// integer coordinates), a point for its marker and for keyboard moves, and its names in
// English, French and Arabic made as indexer/countries.cpp makes the index's labels.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { geoEqualEarth, geoEqualEarthRaw, geoPath } from 'd3-geo';
import * as topojson from 'topojson-client';
import simplifyPkg from 'topojson-simplify';
import { readMo } from './mo.mjs';

const { presimplify, simplify, planarTriangleArea } = simplifyPkg;
const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(HERE, '../../web/world.js');
const ISO_JSON = '/usr/share/iso-codes/json/iso_3166-1.json';
const MO = (lang) => `/usr/share/locale/${lang}/LC_MESSAGES/iso_3166-1.mo`;

const WIDTH = 1000;
// Triangle area (map units²) under which a vertex is dropped (Visvalingam): a fraction of a
// pixel at the map's usual size, and it keeps the file near 80 KB.
const MIN_WEIGHT = 0.2;
// Islands smaller than this (units²; a unit² is about 1,150 km²) are dropped, except a
// country's largest piece, so small island states stay on the map.
const MIN_PIECE_AREA = 0.6;
// Countries smaller than this (units², ~40,000 km²) get a marker: a target one can click.
const SMALL_AREA = 35;

// Natural Earth draws these apart; the index codes their records as the ISO country.
const MERGED_BY_NAME = { 'Somaliland': 'SO', 'N. Cyprus': 'CY', 'Ashmore and Cartier Is.': 'AU' };
const DROPPED = new Set(['010']); // Antarctica: no records, and a tenth of the map's height.

// As kArabicDisplay in indexer/countries.cpp: iso-codes' Arabic short names that are long
// official forms. The page prefers the API's labels; these are for countries without results.
const ARABIC_DISPLAY = {
  SY: 'سوريا', IR: 'إيران', PS: 'فلسطين', TZ: 'تنزانيا', KR: 'كوريا الجنوبية',
  CD: 'جمهورية الكونغو الديمقراطية', KP: 'كوريا الشمالية', RU: 'روسيا', VN: 'فيتنام',
};

function countryNames() {
  const iso = JSON.parse(readFileSync(ISO_JSON, 'utf8'))['3166-1'];
  const fr = readMo(MO('fr'));
  const ar = readMo(MO('ar'));
  // "Korea, Republic of" -> "Republic of Korea", as the indexer's display_name.
  const display = (s) => {
    const i = s.indexOf(', ');
    if (i < 0) return s;
    let head = s.slice(i + 2);
    if (head.startsWith('The ')) head = head.slice(4);
    return `${head} ${s.slice(0, i)}`;
  };
  const byNumeric = new Map();
  const names = new Map();
  for (const c of iso) {
    byNumeric.set(c.numeric, c.alpha_2);
    const common = c.common_name || '';
    const en = display(common || c.name);
    let f = fr.get(common) || fr.get(c.name) || '';
    f = f ? display(f) : en;
    const a = ARABIC_DISPLAY[c.alpha_2] || ar.get(common) || ar.get(c.name) || en;
    names.set(c.alpha_2, [en, f, a]);
  }
  return { byNumeric, names };
}

/// Groups the topology's geometries by ISO code, merging the pieces of one code into one shape.
function countryGeometries(topology, byNumeric) {
  const groups = new Map();
  for (const g of topology.objects.countries.geometries) {
    if (DROPPED.has(g.id)) continue;
    const name = g.properties?.name || '';
    const code = MERGED_BY_NAME[name] || (g.id != null ? byNumeric.get(g.id) : '') || '';
    if (g.id != null && !code) throw new Error(`no ISO alpha-2 code for numeric ${g.id} (${name})`);
    const key = code || `~${name}`; // no code (Kosovo, Siachen Glacier…): drawn, not clickable
    if (!groups.has(key)) groups.set(key, { code, name, parts: [] });
    groups.get(key).parts.push(g);
  }
  const out = [];
  for (const { code, name, parts } of groups.values()) {
    const geometry = parts.length === 1 ? topojson.feature(topology, parts[0]).geometry : topojson.merge(topology, parts);
    out.push({ code, name, geometry });
  }
  return out;
}

const polygonsOf = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []);

/// Projected polygons -> a compact SVG path: integer points, relative moves, no repeats.
function encodePath(rings) {
  let d = '';
  for (const ring of rings) {
    const pts = [];
    for (const [x, y] of ring) {
      const p = [Math.round(x), Math.round(y)];
      const last = pts[pts.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
    }
    if (pts.length > 1 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1]) pts.pop();
    if (pts.length < 3) continue;
    const deltas = [];
    for (let i = 1; i < pts.length; i++) deltas.push(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]);
    d += `M${nums(pts[0])}l${nums(deltas)}z`;
  }
  return d;
}

// Numbers joined as SVG allows: a minus sign separates as well as a space does.
function nums(values) {
  return values.map((v, i) => (i > 0 && v >= 0 ? ' ' : '') + v).join('');
}

/// The topology with every arc point projected: simplification then works in map units,
/// and neighbours, sharing their arcs, keep sharing their borders. Natural Earth cuts Russia
/// and Fiji at the antimeridian inside their arcs; such an arc is unwrapped east (past 180°),
/// so no ring runs across the whole map.
function projectTopology(topology, projection) {
  const k = projection.scale();
  const [tx, ty] = projection.translate();
  const radians = Math.PI / 180;
  const project = ([lon, lat]) => {
    const [x, y] = geoEqualEarthRaw(lon * radians, lat * radians);
    return [tx + k * x, ty - k * y];
  };
  const arcs = topology.arcs.map((arc) => {
    const point = topojson.transform(topology.transform);
    const lonlat = arc.map((p, i) => [...point(p, i)]);
    const crosses = lonlat.some((p, i) => i > 0 && Math.abs(p[0] - lonlat[i - 1][0]) > 180);
    return lonlat.map(([lon, lat]) => project([crosses && lon < 0 ? lon + 360 : lon, lat]));
  });
  return { type: 'Topology', bbox: null, objects: topology.objects, arcs };
}

function main() {
  const atlasVersion = require('world-atlas/package.json').version;
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
  const { byNumeric, names } = countryNames();

  const kept = {
    type: 'GeometryCollection',
    geometries: topology.objects.countries.geometries.filter((g) => !DROPPED.has(g.id)),
  };
  const projection = geoEqualEarth().fitWidth(WIDTH, topojson.feature(topology, kept));
  const planar = projectTopology(topology, projection);
  const simplified = simplify(presimplify(planar, planarTriangleArea), MIN_WEIGHT);
  const countries = countryGeometries(simplified, byNumeric);
  const pathGen = geoPath(); // coordinates are map units already
  // The unwrapped east tip of Russia reaches a little past the fitted width: the view box
  // holds the whole drawing.
  const [[x0, y0], [x1, y1]] = pathGen.bounds({ type: 'FeatureCollection',
    features: countries.map((c) => ({ type: 'Feature', geometry: c.geometry })) });
  const viewBox = [Math.floor(x0), Math.floor(y0), Math.ceil(x1) - Math.floor(x0), Math.ceil(y1) - Math.floor(y0)];

  const entries = [];
  for (const c of countries) {
    // Each polygon separately, to drop specks and find the largest piece.
    const pieces = polygonsOf(c.geometry).map((coords) => {
      const poly = { type: 'Polygon', coordinates: coords };
      return { poly, area: pathGen.area(poly) };
    });
    if (!pieces.length) continue;
    const largest = pieces.reduce((a, b) => (b.area > a.area ? b : a));
    const rings = pieces.filter((p) => p === largest || p.area >= MIN_PIECE_AREA).flatMap((p) => p.poly.coordinates);
    const d = encodePath(rings);
    if (!d && !c.code) continue;
    const area = pieces.reduce((s, p) => s + p.area, 0);
    const [px, py] = pathGen.centroid(largest.poly).map((v) => Math.round(v * 10) / 10);
    const e = { id: c.code, d, p: [px, py], n: c.code ? names.get(c.code) : [c.name, c.name, c.name] };
    if (c.code && area < SMALL_AREA) e.s = 1;
    entries.push({ e, area });
  }
  // Largest first: small countries are drawn over their neighbours' borders.
  entries.sort((a, b) => b.area - a.area);

  const world = { viewBox, countries: entries.map((x) => x.e) };
  const header = `// Generated by scripts/map/build-map.mjs from Natural Earth 1:50m countries (public domain),\n` +
    `// world-atlas ${atlasVersion}; do not edit. Equal Earth projection, ISO 3166-1 alpha-2 ids.\n` +
    '// A classic script, so embed.js can load it from another origin without CORS.\n';
  const body = `globalThis.PeaceSearchWorld = ${JSON.stringify(world)};\n`;
  writeFileSync(OUT, header + body);
  const small = world.countries.filter((c) => c.s).map((c) => c.id);
  console.log(`${OUT}: ${world.countries.length} countries, ${(Buffer.byteLength(header + body) / 1024).toFixed(1)} KB, ` +
    `view box ${viewBox.join(' ')}; markers: ${small.join(' ')}`);
}

main();
