#!/usr/bin/env node
// Draws the hero illustration of each sample story as an SVG in code and
// rasterises it with sharp to public/images/stories/<name>.webp (1600×900).
//
// The pictures are original, abstract editorial art made by this script: no
// stock photos, no downloads, and no text inside the images (the alt text,
// caption and credit live in each story's front matter).
//
// Usage:
//   node scripts/make-story-images.mjs            # all images
//   node scripts/make-story-images.mjs tides qr-codes   # only these
//   node scripts/make-story-images.mjs --svg      # also keep the .svg sources in /tmp
//
// Output is deterministic: every random choice comes from a seeded generator.

import sharp from 'sharp';
import { mkdir, writeFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { seededRandom } from './shared/seeded-random.mjs';

const W = 1600;
const H = 900;
const QUALITY = 80;
const MAX_BYTES = 150 * 1024;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'public', 'images', 'stories');

// ---------------------------------------------------------------------------
// helpers

/** The shared seeded generator (floats in [0, 1)), with ranges, integers and picks drawn from it. */
function rng(seed) {
  const next = seededRandom(seed);
  next.range = (lo, hi) => lo + (hi - lo) * next();
  next.int = (lo, hi) => Math.floor(next.range(lo, hi + 1));
  next.pick = (arr) => arr[Math.floor(next() * arr.length)];
  return next;
}

const f = (n) => (Math.round(n * 10) / 10).toString();
const pts = (arr) => arr.map(([x, y]) => `${f(x)},${f(y)}`).join(' ');

/** Smooth closed or open path through points (Catmull-Rom to cubic Bézier). */
function smoothPath(points, closed = false) {
  const p = points;
  const n = p.length;
  if (n < 2) return '';
  const get = (i) => (closed ? p[(i + n) % n] : p[Math.max(0, Math.min(n - 1, i))]);
  let d = `M${f(p[0][0])},${f(p[0][1])}`;
  const last = closed ? n : n - 1;
  for (let i = 0; i < last; i++) {
    const p0 = get(i - 1);
    const p1 = get(i);
    const p2 = get(i + 1);
    const p3 = get(i + 2);
    const c1 = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2 = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    d += ` C${f(c1[0])},${f(c1[1])} ${f(c2[0])},${f(c2[1])} ${f(p2[0])},${f(p2[1])}`;
  }
  return closed ? d + ' Z' : d;
}

/** An irregular blob around (cx, cy). */
function blob(r, cx, cy, rx, ry, n = 10, jitter = 0.18) {
  const p = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    const k = 1 + r.range(-jitter, jitter);
    p.push([cx + Math.cos(a) * rx * k, cy + Math.sin(a) * ry * k]);
  }
  return smoothPath(p, true);
}

/** A wavy horizontal line across the canvas, as a list of points. */
function wave(r, y, amp, { step = 80, x0 = -40, x1 = W + 40, phase = r() * 10, freq = 0.006, noise = 0.35 } = {}) {
  const p = [];
  for (let x = x0; x <= x1 + step; x += step) {
    p.push([x, y + Math.sin(x * freq + phase) * amp + r.range(-1, 1) * amp * noise]);
  }
  return p;
}

const svg = (body, defs = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
  `<defs>${defs}</defs>${body}</svg>`;

const vignette = (id = 'vig', strength = 0.35) => [
  `<radialGradient id="${id}" cx="50%" cy="50%" r="75%">` +
    `<stop offset="55%" stop-color="#000" stop-opacity="0"/>` +
    `<stop offset="100%" stop-color="#000" stop-opacity="${strength}"/></radialGradient>`,
  `<rect width="${W}" height="${H}" fill="url(#${id})"/>`,
];

// ---------------------------------------------------------------------------
// 1. Reference story: stylised relief map of the South Caucasus

function armeniaCsto() {
  const r = rng(2024_10_25);
  const defs = [];
  const body = [];

  defs.push(
    `<linearGradient id="land" x1="0" y1="0" x2="0" y2="1">` +
      `<stop offset="0" stop-color="#e9dfcb"/><stop offset="1" stop-color="#dccfb4"/></linearGradient>`,
    `<linearGradient id="sea" x1="0" y1="0" x2="1" y2="1">` +
      `<stop offset="0" stop-color="#8fa9ad"/><stop offset="1" stop-color="#6f8f96"/></linearGradient>`,
  );
  body.push(`<rect width="${W}" height="${H}" fill="url(#land)"/>`);

  // seas: Black Sea to the west, Caspian to the east
  const blackSea = smoothPath(
    [
      [-60, 40],
      [180, 30],
      [300, 140],
      [330, 300],
      [280, 470],
      [170, 560],
      [40, 600],
      [-60, 560],
    ],
    true,
  );
  const caspian = smoothPath(
    [
      [1660, -40],
      [1470, -20],
      [1420, 150],
      [1450, 330],
      [1400, 520],
      [1440, 720],
      [1420, 940],
      [1660, 940],
    ],
    true,
  );
  body.push(`<path d="${blackSea}" fill="url(#sea)"/>`, `<path d="${caspian}" fill="url(#sea)"/>`);
  // coastal ripples
  for (let i = 1; i <= 4; i++) {
    body.push(
      `<path d="${blackSea}" fill="none" stroke="#f3ecdd" stroke-opacity="${0.28 - i * 0.05}" stroke-width="2" transform="translate(${-i * 14} ${i * 6}) scale(1)"/>`,
      `<path d="${caspian}" fill="none" stroke="#f3ecdd" stroke-opacity="${0.28 - i * 0.05}" stroke-width="2" transform="translate(${i * 14} 0)"/>`,
    );
  }

  // two regions in muted tones
  const regionA = smoothPath(
    [
      [760, 520],
      [900, 480],
      [1010, 540],
      [1080, 640],
      [1060, 760],
      [980, 820],
      [870, 780],
      [800, 690],
      [740, 600],
    ],
    true,
  );
  const regionB = smoothPath(
    [
      [1040, 420],
      [1200, 380],
      [1360, 430],
      [1395, 560],
      [1370, 700],
      [1260, 760],
      [1120, 720],
      [1080, 620],
      [1030, 520],
    ],
    true,
  );
  body.push(
    `<path d="${regionA}" fill="#c98f6b" fill-opacity="0.55"/>`,
    `<path d="${regionB}" fill="#9aa982" fill-opacity="0.5"/>`,
    `<path d="${regionA}" fill="none" stroke="#8a5a3f" stroke-opacity="0.55" stroke-width="2.5" stroke-dasharray="10 7"/>`,
    `<path d="${regionB}" fill="none" stroke="#5f6e4b" stroke-opacity="0.55" stroke-width="2.5" stroke-dasharray="10 7"/>`,
  );

  // contour lines following the two ranges
  const ridgeG = (t) => [300 + t * 1120, 190 + t * 230 + Math.sin(t * 7) * 18];
  const ridgeL = (t) => [560 + t * 640, 560 + t * 120 + Math.sin(t * 5 + 1) * 22];
  for (const [ridge, spread] of [
    [ridgeG, 150],
    [ridgeL, 110],
  ]) {
    for (let k = 1; k <= 5; k++) {
      for (const side of [-1, 1]) {
        const p = [];
        for (let t = -0.05; t <= 1.05; t += 0.05) {
          const [x, y] = ridge(t);
          p.push([x, y + (side * (k * spread)) / 5 + Math.sin(t * 13 + k) * 6]);
        }
        body.push(
          `<path d="${smoothPath(p)}" fill="none" stroke="#8c7a5c" stroke-opacity="${0.22 - k * 0.025}" stroke-width="1.6"/>`,
        );
      }
    }
  }

  // rivers
  const river1 = smoothPath([
    [330, 470],
    [520, 430],
    [700, 420],
    [860, 410],
    [1000, 380],
    [1180, 360],
    [1330, 420],
    [1430, 480],
  ]);
  const river2 = smoothPath([
    [640, 830],
    [820, 860],
    [1000, 840],
    [1150, 800],
    [1300, 770],
    [1420, 700],
  ]);
  body.push(
    `<path d="${river1}" fill="none" stroke="#6f8f96" stroke-width="3.5" stroke-linecap="round" stroke-opacity="0.8"/>`,
    `<path d="${river2}" fill="none" stroke="#6f8f96" stroke-width="3" stroke-linecap="round" stroke-opacity="0.8"/>`,
  );

  // mountains: lit west faces, shaded east faces, snow on the highest
  const peaks = [];
  const addRange = (ridge, count, hMin, hMax, spread) => {
    for (let i = 0; i < count; i++) {
      const t = r.range(0.02, 0.9);
      const [x, y] = ridge(t);
      const centre = 1 - Math.abs(t - 0.45) * 1.3; // taller towards the middle
      const h = r.range(hMin, hMax) * (0.55 + 0.45 * Math.max(0, centre));
      peaks.push({ x: x + r.range(-20, 20), y: y + r.range(-spread, spread), h, w: h * r.range(1.1, 1.7) });
    }
  };
  addRange(ridgeG, 95, 34, 100, 50);
  addRange(ridgeL, 55, 26, 70, 42);
  peaks.sort((a, b) => a.y - b.y);
  for (const p of peaks) {
    const top = [p.x + p.w * r.range(-0.12, 0.12), p.y - p.h];
    const left = [p.x - p.w / 2, p.y];
    const right = [p.x + p.w / 2, p.y];
    const mid = [p.x + p.w * r.range(-0.05, 0.15), p.y];
    body.push(
      `<polygon points="${pts([left, top, mid])}" fill="#cdbb97" stroke="#cdbb97" stroke-width="0.8" stroke-linejoin="round"/>`,
      `<polygon points="${pts([mid, top, right])}" fill="#9c8764" stroke="#9c8764" stroke-width="0.8" stroke-linejoin="round"/>`,
    );
    if (p.h > 72) {
      const s = 0.28;
      const lerp = (a, b, k) => [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k];
      body.push(
        `<polygon points="${pts([lerp(top, left, s), top, lerp(top, mid, s)])}" fill="#f6f1e6"/>`,
        `<polygon points="${pts([lerp(top, mid, s), top, lerp(top, right, s)])}" fill="#cfc7b8"/>`,
      );
    }
  }

  // graticule
  for (let x = 200; x < W; x += 280) {
    body.push(
      `<line x1="${x}" y1="0" x2="${x - 60}" y2="${H}" stroke="#5b4d3a" stroke-opacity="0.08" stroke-width="1.5"/>`,
    );
  }
  for (let y = 150; y < H; y += 250) {
    body.push(
      `<line x1="0" y1="${y}" x2="${W}" y2="${y + 30}" stroke="#5b4d3a" stroke-opacity="0.08" stroke-width="1.5"/>`,
    );
  }

  const [vd, vb] = vignette('vig', 0.25);
  defs.push(vd);
  body.push(vb);
  return svg(body.join(''), defs.join(''));
}

// ---------------------------------------------------------------------------
// 2. Time zones: a globe sliced into meridian bands, half in daylight

function timeZones() {
  const r = rng(603);
  const cx = 860;
  const cy = 450;
  const R = 340;
  const defs = [
    `<linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#16233d"/><stop offset="1" stop-color="#0d1526"/></linearGradient>`,
    `<radialGradient id="sun" cx="50%" cy="50%" r="50%"><stop offset="0" stop-color="#fff4d6"/><stop offset="0.25" stop-color="#f7c873" stop-opacity="0.9"/><stop offset="1" stop-color="#f7c873" stop-opacity="0"/></radialGradient>`,
    `<linearGradient id="night" x1="0" y1="0" x2="1" y2="0"><stop offset="0.35" stop-color="#0b1120" stop-opacity="0"/><stop offset="0.62" stop-color="#0b1120" stop-opacity="0.72"/><stop offset="1" stop-color="#0b1120" stop-opacity="0.85"/></linearGradient>`,
    `<radialGradient id="shine" cx="30%" cy="35%" r="60%"><stop offset="0" stop-color="#fff" stop-opacity="0.25"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>`,
    `<clipPath id="globe"><circle cx="${cx}" cy="${cy}" r="${R}"/></clipPath>`,
  ];
  const body = [`<rect width="${W}" height="${H}" fill="url(#bg)"/>`];
  // stars
  for (let i = 0; i < 140; i++) {
    body.push(
      `<circle cx="${f(r.range(0, W))}" cy="${f(r.range(0, H))}" r="${f(r.range(0.6, 2))}" fill="#dfe7f5" fill-opacity="${f(r.range(0.2, 0.8))}"/>`,
    );
  }
  // sun
  body.push(
    `<circle cx="170" cy="420" r="260" fill="url(#sun)"/>`,
    `<circle cx="170" cy="420" r="62" fill="#fff1cc"/>`,
  );
  // globe: orthographic meridian bands, 15° apart
  const palette = ['#3e7c8c', '#4f93a0', '#5f8f6e', '#76a37c', '#c6a15b', '#d4b374', '#b86f52', '#c98468'];
  const band = [];
  const rot = 7; // degrees
  for (let i = -8; i < 8; i++) {
    const l0 = Math.max(-90, i * 15 + rot);
    const l1 = Math.min(90, (i + 1) * 15 + rot);
    if (l1 <= -90 || l0 >= 90) continue;
    const x0 = cx + R * Math.sin((l0 * Math.PI) / 180);
    const x1 = cx + R * Math.sin((l1 * Math.PI) / 180);
    // each band is the lens between two projected meridians (ellipse arcs)
    const rx0 = Math.abs(x0 - cx);
    const rx1 = Math.abs(x1 - cx);
    const sweep0 = x0 < cx ? 0 : 1;
    const sweep1 = x1 < cx ? 1 : 0;
    const d =
      `M${f(cx)},${cy - R} A${f(rx0)},${R} 0 0 ${sweep0} ${f(cx)},${cy + R}` +
      ` A${f(rx1)},${R} 0 0 ${sweep1} ${f(cx)},${cy - R} Z`;
    band.push(`<path d="${d}" fill="${palette[(i + 8) % palette.length]}" fill-rule="evenodd"/>`);
  }
  body.push(`<g clip-path="url(#globe)"><circle cx="${cx}" cy="${cy}" r="${R}" fill="#3e7c8c"/>${band.join('')}`);
  // meridian outlines and parallels
  for (let l = -90 + rot; l <= 90; l += 15) {
    const rx = Math.abs(R * Math.sin((l * Math.PI) / 180));
    body.push(
      `<ellipse cx="${cx}" cy="${cy}" rx="${f(rx)}" ry="${R}" fill="none" stroke="#f3ead6" stroke-opacity="0.35" stroke-width="1.4"/>`,
    );
  }
  for (let p = -60; p <= 60; p += 30) {
    const y = cy - R * Math.sin((p * Math.PI) / 180);
    const rx = R * Math.cos((p * Math.PI) / 180);
    body.push(
      `<ellipse cx="${cx}" cy="${f(y)}" rx="${f(rx)}" ry="${f(rx * 0.08)}" fill="none" stroke="#f3ead6" stroke-opacity="0.25" stroke-width="1.2"/>`,
    );
  }
  body.push(`<rect x="${cx - R}" y="${cy - R}" width="${2 * R}" height="${2 * R}" fill="url(#night)"/>`);
  body.push(`<circle cx="${cx}" cy="${cy}" r="${R}" fill="url(#shine)"/></g>`);
  body.push(
    `<circle cx="${cx}" cy="${cy}" r="${R + 10}" fill="none" stroke="#f7c873" stroke-opacity="0.35" stroke-width="3"/>`,
  );
  // clock ticks around the globe: 24 of them
  for (let i = 0; i < 24; i++) {
    const a = (i / 24) * Math.PI * 2;
    const r0 = R + 30;
    const r1 = R + (i % 6 === 0 ? 62 : 46);
    body.push(
      `<line x1="${f(cx + Math.cos(a) * r0)}" y1="${f(cy + Math.sin(a) * r0)}" x2="${f(cx + Math.cos(a) * r1)}" y2="${f(cy + Math.sin(a) * r1)}" stroke="#f3ead6" stroke-opacity="${i % 6 === 0 ? 0.7 : 0.35}" stroke-width="${i % 6 === 0 ? 4 : 2}" stroke-linecap="round"/>`,
    );
  }
  return svg(body.join(''), defs.join(''));
}

// ---------------------------------------------------------------------------
// 3. Why the sky is blue: gradient sky, low sun, scattered particles

function skyBlue() {
  const r = rng(627);
  const defs = [
    `<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">` +
      `<stop offset="0" stop-color="#14305e"/><stop offset="0.38" stop-color="#3a6fb0"/>` +
      `<stop offset="0.62" stop-color="#9dbbd6"/><stop offset="0.78" stop-color="#f0c285"/><stop offset="0.9" stop-color="#e7794f"/></linearGradient>`,
    `<radialGradient id="glow" cx="50%" cy="50%" r="50%"><stop offset="0" stop-color="#fff1c9"/><stop offset="0.18" stop-color="#ffcf7e" stop-opacity="0.85"/><stop offset="1" stop-color="#ff9a5a" stop-opacity="0"/></radialGradient>`,
  ];
  const body = [`<rect width="${W}" height="${H}" fill="url(#sky)"/>`];
  const sx = 1050;
  const sy = 760;
  body.push(`<ellipse cx="${sx}" cy="${sy}" rx="520" ry="330" fill="url(#glow)"/>`);
  body.push(`<circle cx="${sx}" cy="${sy}" r="70" fill="#fff4d8"/>`);
  // scattered "molecules": blue high, warm low
  for (let i = 0; i < 420; i++) {
    const y = r.range(0, 720);
    const x = r.range(0, W);
    const k = y / 720;
    const col =
      k < 0.55
        ? r.pick(['#a9c9f2', '#cfe1f7', '#7fa8e0'])
        : k < 0.8
          ? r.pick(['#e6ecf2', '#f6dcb3'])
          : r.pick(['#ffd49a', '#ffb27a']);
    body.push(
      `<circle cx="${f(x)}" cy="${f(y)}" r="${f(r.range(1.5, 4.5))}" fill="${col}" fill-opacity="${f(r.range(0.25, 0.7))}"/>`,
    );
  }
  // a few short scattering trails
  for (let i = 0; i < 18; i++) {
    const x = r.range(100, 1500);
    const y = r.range(80, 520);
    const a = r.range(0, Math.PI * 2);
    body.push(
      `<line x1="${f(x)}" y1="${f(y)}" x2="${f(x + Math.cos(a) * 60)}" y2="${f(y + Math.sin(a) * 60)}" stroke="#d9e8fb" stroke-opacity="0.35" stroke-width="2" stroke-linecap="round" stroke-dasharray="2 8"/>`,
    );
  }
  // hills
  const hills = [
    ['#6a4a5e', 740, 30],
    ['#4a3550', 790, 40],
    ['#2e2340', 845, 25],
  ];
  for (const [col, y, amp] of hills) {
    const p = wave(r, y, amp, { step: 120, freq: 0.004 });
    body.push(`<path d="${smoothPath(p)} L${W + 40},${H + 10} L-40,${H + 10} Z" fill="${col}"/>`);
  }
  return svg(body.join(''), defs.join(''));
}

// ---------------------------------------------------------------------------
// 4. Passwords: a geometric padlock on a field of lit and dim dots

function passwords() {
  const r = rng(709);
  const defs = [
    `<linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#1d2a36"/><stop offset="1" stop-color="#121a22"/></linearGradient>`,
    `<linearGradient id="lock" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#e8b75d"/><stop offset="1" stop-color="#c98f35"/></linearGradient>`,
    `<radialGradient id="halo" cx="50%" cy="50%" r="50%"><stop offset="0" stop-color="#e8b75d" stop-opacity="0.35"/><stop offset="1" stop-color="#e8b75d" stop-opacity="0"/></radialGradient>`,
  ];
  const body = [`<rect width="${W}" height="${H}" fill="url(#bg)"/>`];
  const cx = 800;
  const cy = 470;
  for (let gx = 0; gx < 41; gx++) {
    for (let gy = 0; gy < 23; gy++) {
      const x = 40 + gx * 38.5;
      const y = 30 + gy * 38.5;
      const d = Math.hypot(x - cx, y - cy);
      const lit = r() < 0.16 + Math.max(0, 0.3 - d / 2000);
      const col = lit ? r.pick(['#e8b75d', '#5fb3a8', '#e9e2cf']) : '#3a4a58';
      body.push(
        `<circle cx="${f(x)}" cy="${f(y)}" r="${lit ? 5 : 3.2}" fill="${col}" fill-opacity="${lit ? f(r.range(0.5, 0.95)) : 0.7}"/>`,
      );
    }
  }
  // connecting lines between some lit dots (a "chain" of characters)
  let x = 120;
  let y = 780;
  const chain = [];
  for (let i = 0; i < 16; i++) {
    chain.push([x, y]);
    x += r.range(70, 110);
    y = 780 - Math.sin(i / 2.2) * 60 - r.range(0, 40);
  }
  body.push(`<path d="${smoothPath(chain)}" fill="none" stroke="#5fb3a8" stroke-opacity="0.45" stroke-width="3"/>`);
  for (const [px, py] of chain) body.push(`<circle cx="${f(px)}" cy="${f(py)}" r="8" fill="#5fb3a8"/>`);
  // lock
  body.push(`<circle cx="${cx}" cy="${cy}" r="330" fill="url(#halo)"/>`);
  body.push(
    `<path d="M${cx - 115},${cy - 20} V${cy - 120} A115,115 0 0 1 ${cx + 115},${cy - 120} V${cy - 20}" fill="none" stroke="#c7ccd1" stroke-width="44" stroke-linecap="round"/>`,
    `<path d="M${cx - 115},${cy - 20} V${cy - 120} A115,115 0 0 1 ${cx + 115},${cy - 120} V${cy - 20}" fill="none" stroke="#eef1f3" stroke-opacity="0.5" stroke-width="10" stroke-linecap="round" transform="translate(-10 0)"/>`,
    `<rect x="${cx - 200}" y="${cy - 40}" width="400" height="300" rx="36" fill="url(#lock)"/>`,
    `<rect x="${cx - 200}" y="${cy - 40}" width="400" height="40" rx="20" fill="#f3cf86" fill-opacity="0.5"/>`,
    `<circle cx="${cx}" cy="${cy + 80}" r="36" fill="#2a2116"/>`,
    `<path d="M${cx - 16},${cy + 95} L${cx + 16},${cy + 95} L${cx + 26},${cy + 180} L${cx - 26},${cy + 180} Z" fill="#2a2116"/>`,
  );
  // small rivets
  for (const [dx, dy] of [
    [-165, 0],
    [165, 0],
    [-165, 225],
    [165, 225],
  ]) {
    body.push(`<circle cx="${cx + dx}" cy="${cy + dy}" r="8" fill="#a8742a"/>`);
  }
  return svg(body.join(''), defs.join(''));
}

// ---------------------------------------------------------------------------
// 5. International date line: night and day halves of the Pacific, a crooked line

function dateLine() {
  const r = rng(723);
  const defs = [
    `<linearGradient id="day" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#3f87a6"/><stop offset="1" stop-color="#7fc0c9"/></linearGradient>`,
    `<linearGradient id="night" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#0f1c3a"/><stop offset="1" stop-color="#1f3b66"/></linearGradient>`,
  ];
  // the crooked line (mostly x≈800, with jogs around "islands")
  const line = [
    [800, -10],
    [800, 90],
    [740, 150],
    [740, 250],
    [800, 300],
    [800, 380],
    [930, 440],
    [930, 600],
    [800, 650],
    [800, 760],
    [760, 800],
    [760, 910],
  ];
  const right = `M${pts(line).replace(/ /g, ' L')} L${W + 10},910 L${W + 10},-10 Z`;
  const left = `M${pts(line).replace(/ /g, ' L')} L-10,910 L-10,-10 Z`;
  const body = [`<path d="${left}" fill="url(#night)"/>`, `<path d="${right}" fill="url(#day)"/>`];
  // stars on the night side, sparkles on the day side
  for (let i = 0; i < 110; i++) {
    const x = r.range(10, 720);
    const y = r.range(10, 890);
    body.push(
      `<circle cx="${f(x)}" cy="${f(y)}" r="${f(r.range(0.8, 2.2))}" fill="#e8eefc" fill-opacity="${f(r.range(0.25, 0.8))}"/>`,
    );
  }
  // swell lines
  for (let i = 0; i < 22; i++) {
    const y = 30 + i * 40 + r.range(-8, 8);
    const p = wave(r, y, 6, { step: 60, freq: 0.02, noise: 0.2 });
    body.push(`<path d="${smoothPath(p)}" fill="none" stroke="#ffffff" stroke-opacity="0.07" stroke-width="2"/>`);
  }
  // islands with reefs
  const islands = [
    [640, 210, 26],
    [690, 330, 14],
    [880, 500, 30],
    [1010, 540, 18],
    [1060, 460, 12],
    [860, 700, 16],
    [560, 610, 20],
    [1180, 250, 22],
    [420, 420, 14],
    [1300, 700, 18],
    [980, 360, 10],
    [700, 760, 12],
  ];
  for (const [x, y, s] of islands) {
    body.push(
      `<path d="${blob(r, x, y, s * 2.1, s * 1.6, 9, 0.2)}" fill="#b9e3dc" fill-opacity="0.35"/>`,
      `<path d="${blob(r, x, y, s * 1.4, s * 1.05, 9, 0.22)}" fill="#e4d3a6"/>`,
      `<path d="${blob(r, x + s * 0.2, y - s * 0.1, s * 0.7, s * 0.5, 7, 0.2)}" fill="#6f9a5a"/>`,
    );
  }
  // the line itself: glow + dashed core
  const d = `M${pts(line).replace(/ /g, ' L')}`;
  body.push(
    `<path d="${d}" fill="none" stroke="#f7d07a" stroke-opacity="0.25" stroke-width="18" stroke-linejoin="round"/>`,
    `<path d="${d}" fill="none" stroke="#f7d07a" stroke-width="5" stroke-dasharray="22 12" stroke-linejoin="round"/>`,
  );
  // a moon on the night side and a sun on the day side
  body.push(
    `<circle cx="240" cy="170" r="58" fill="#eef1f7"/>`,
    `<circle cx="268" cy="152" r="52" fill="#15264a"/>`,
    `<circle cx="1380" cy="170" r="120" fill="#fff2c4" fill-opacity="0.25"/>`,
    `<circle cx="1380" cy="170" r="66" fill="#fff2c4"/>`,
  );
  return svg(body.join(''), defs.join(''));
}

// ---------------------------------------------------------------------------
// 6. Desert plants: dunes, sun, cacti, and the roots below the sand

function desertPlants() {
  const r = rng(820);
  const defs = [
    `<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f4e3c4"/><stop offset="1" stop-color="#f3c98f"/></linearGradient>`,
    `<linearGradient id="soil" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#a8683f"/><stop offset="1" stop-color="#5e3622"/></linearGradient>`,
  ];
  const body = [`<rect width="${W}" height="${H}" fill="url(#sky)"/>`];
  body.push(
    `<circle cx="1180" cy="240" r="170" fill="#f7d9a4"/>`,
    `<circle cx="1180" cy="240" r="120" fill="#f9e8c6"/>`,
  );
  // dunes, back to front
  const dunes = [
    ['#e8b57a', 470, 40, 0.003],
    ['#dfa065', 540, 35, 0.004],
    ['#d38c52', 600, 25, 0.005],
  ];
  for (const [col, y, amp, freq] of dunes) {
    const p = wave(r, y, amp, { step: 100, freq, noise: 0.15 });
    body.push(`<path d="${smoothPath(p)} L${W + 40},${H + 10} L-40,${H + 10} Z" fill="${col}"/>`);
  }
  // soil cross-section
  const ground = 640;
  body.push(`<rect x="0" y="${ground}" width="${W}" height="${H - ground}" fill="url(#soil)"/>`);
  for (let i = 0; i < 160; i++) {
    body.push(
      `<circle cx="${f(r.range(0, W))}" cy="${f(r.range(ground + 10, H))}" r="${f(r.range(1.5, 5))}" fill="#3f2416" fill-opacity="${f(r.range(0.15, 0.4))}"/>`,
    );
  }
  // water table
  body.push(
    `<path d="${smoothPath(wave(r, 860, 8, { step: 80, freq: 0.01 }))}" fill="none" stroke="#7fb7c4" stroke-opacity="0.7" stroke-width="6"/>`,
  );
  // roots
  const root = (x, y, len, ang, depth, w) => {
    if (depth === 0 || len < 8) return;
    const x2 = x + Math.cos(ang) * len;
    const y2 = Math.min(H + 20, y + Math.sin(ang) * len);
    body.push(
      `<line x1="${f(x)}" y1="${f(y)}" x2="${f(x2)}" y2="${f(y2)}" stroke="#e9cfa6" stroke-opacity="0.75" stroke-width="${f(w)}" stroke-linecap="round"/>`,
    );
    root(x2, y2, len * r.range(0.65, 0.85), ang + r.range(-0.5, 0.5), depth - 1, w * 0.75);
    if (r() < 0.55)
      root(x2, y2, len * r.range(0.45, 0.65), ang + r.pick([-1, 1]) * r.range(0.5, 1.0), depth - 1, w * 0.6);
  };
  // cacti (saguaro-like): trunk + arms with round caps and ribs
  const cactus = (x, base, h, arms) => {
    root(x, ground + 4, 70, Math.PI / 2, 6, 7);
    root(x, ground + 4, 60, Math.PI / 2 + 0.9, 4, 4);
    root(x, ground + 4, 60, Math.PI / 2 - 0.9, 4, 4);
    const w = h * 0.16;
    const col = '#5f7f55';
    const rib = '#86a57a';
    body.push(
      `<line x1="${x}" y1="${base}" x2="${x}" y2="${base - h}" stroke="${col}" stroke-width="${f(w)}" stroke-linecap="round"/>`,
    );
    for (const a of arms) {
      const ay = base - h * a.at;
      const ax = x + a.dir * (w * 1.4);
      body.push(
        `<path d="M${x},${f(ay)} H${f(ax)} V${f(ay - h * a.len)}" fill="none" stroke="${col}" stroke-width="${f(w * 0.7)}" stroke-linecap="round" stroke-linejoin="round"/>`,
        `<line x1="${f(ax)}" y1="${f(ay - 8)}" x2="${f(ax)}" y2="${f(ay - h * a.len)}" stroke="${rib}" stroke-width="2.5" stroke-linecap="round"/>`,
      );
    }
    for (const dx of [-w * 0.25, 0, w * 0.25]) {
      body.push(
        `<line x1="${f(x + dx)}" y1="${base - 10}" x2="${f(x + dx)}" y2="${f(base - h)}" stroke="${rib}" stroke-width="2.5" stroke-linecap="round"/>`,
      );
    }
  };
  cactus(420, ground, 330, [
    { at: 0.45, len: 0.3, dir: -1 },
    { at: 0.6, len: 0.25, dir: 1 },
  ]);
  cactus(760, ground, 220, [{ at: 0.5, len: 0.3, dir: 1 }]);
  cactus(1240, ground, 280, [
    { at: 0.4, len: 0.35, dir: -1 },
    { at: 0.55, len: 0.22, dir: 1 },
  ]);
  // small ephemeral flowers
  for (let i = 0; i < 26; i++) {
    const x = r.range(40, W - 40);
    const y = ground - r.range(2, 30);
    body.push(
      `<line x1="${f(x)}" y1="${f(y)}" x2="${f(x)}" y2="${f(y + 14)}" stroke="#6e8a5c" stroke-width="2"/>`,
      `<circle cx="${f(x)}" cy="${f(y)}" r="${f(r.range(4, 7))}" fill="${r.pick(['#e9738a', '#f0c04a', '#c58ad6', '#f4f0e4'])}"/>`,
    );
  }
  return svg(body.join(''), defs.join(''));
}

// ---------------------------------------------------------------------------
// 7. Caucasus languages: layered ridges with coloured threads in the valleys

function caucasusLanguages() {
  const r = rng(912);
  const defs = [
    `<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#e9e4da"/><stop offset="1" stop-color="#d7d3cb"/></linearGradient>`,
  ];
  const body = [`<rect width="${W}" height="${H}" fill="url(#sky)"/>`];
  // a soft sun, behind the ranges
  body.push(`<circle cx="1300" cy="150" r="70" fill="#f3e2c3" fill-opacity="0.9"/>`);
  const ridgeCols = ['#c5c6cf', '#a7aab8', '#8a8ea2', '#6c6f86', '#4f5168', '#383a4e'];
  const threadCols = ['#c8684f', '#d9a441', '#5d9a8a', '#8a6bb0', '#b8546f', '#6e8fc6', '#9aab5a', '#d98a5b'];
  ridgeCols.forEach((col, i) => {
    const baseY = 260 + i * 110;
    const p = [];
    let x = -60;
    while (x < W + 120) {
      p.push([x, baseY - r.range(40, 140 - i * 10)]);
      x += r.range(60, 130);
      p.push([x, baseY + r.range(-10, 30)]);
      x += r.range(40, 110);
    }
    body.push(
      `<path d="M${pts(p).replace(/ /g, ' L')} L${W + 60},${H + 20} L-60,${H + 20} Z" fill="${col}" stroke-linejoin="round"/>`,
    );
    // snow on the farthest two ranges
    if (i < 2) {
      for (let k = 0; k < p.length - 1; k += 2) {
        const [tx, ty] = p[k];
        if (ty < baseY - 90) {
          body.push(
            `<polygon points="${pts([
              [tx - 18, ty + 22],
              [tx, ty],
              [tx + 14, ty + 18],
            ])}" fill="#f6f4ef"/>`,
          );
        }
      }
    }
    // threads running through the valley in front of this ridge
    if (i >= 1) {
      const n = 2 + (i % 2);
      for (let t = 0; t < n; t++) {
        const y = baseY + 40 + t * 14;
        const path = wave(r, y, 10 + i * 2, { step: 110, freq: 0.005 + t * 0.001, noise: 0.3 });
        body.push(
          `<path d="${smoothPath(path)}" fill="none" stroke="${threadCols[(i * 3 + t) % threadCols.length]}" stroke-width="${5 + i}" stroke-linecap="round" stroke-opacity="0.9"/>`,
        );
      }
    }
  });
  return svg(body.join(''), defs.join(''));
}

// ---------------------------------------------------------------------------
// 8. Wi-Fi 6: six arcs over a hexagon grid

function wifi6() {
  const r = rng(930);
  const defs = [
    `<linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#0f2b33"/><stop offset="1" stop-color="#0a1b21"/></linearGradient>`,
    `<linearGradient id="arc" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#4fd1c5"/><stop offset="1" stop-color="#a3e36b"/></linearGradient>`,
    `<radialGradient id="glow" cx="50%" cy="50%" r="50%"><stop offset="0" stop-color="#b6fff3" stop-opacity="0.9"/><stop offset="1" stop-color="#4fd1c5" stop-opacity="0"/></radialGradient>`,
  ];
  const body = [`<rect width="${W}" height="${H}" fill="url(#bg)"/>`];
  // hex grid
  const s = 46;
  const hw = Math.sqrt(3) * s;
  for (let row = -1; row < H / (1.5 * s) + 1; row++) {
    for (let col = -1; col < W / hw + 1; col++) {
      const x = col * hw + (row % 2 ? hw / 2 : 0);
      const y = row * 1.5 * s;
      const hex = [];
      for (let k = 0; k < 6; k++) {
        const a = (Math.PI / 3) * k + Math.PI / 6;
        hex.push([x + Math.cos(a) * s * 0.94, y + Math.sin(a) * s * 0.94]);
      }
      const lit = r() < 0.07;
      body.push(
        `<polygon points="${pts(hex)}" fill="${lit ? '#4fd1c5' : 'none'}" fill-opacity="${lit ? f(r.range(0.08, 0.22)) : 0}" stroke="#2f5a63" stroke-opacity="0.55" stroke-width="1.5"/>`,
      );
    }
  }
  // arcs
  const cx = 800;
  const cy = 780;
  for (let i = 1; i <= 6; i++) {
    const rad = 70 + i * 95;
    const a0 = Math.PI + 0.55;
    const a1 = 2 * Math.PI - 0.55;
    const x0 = cx + Math.cos(a0) * rad;
    const y0 = cy + Math.sin(a0) * rad;
    const x1 = cx + Math.cos(a1) * rad;
    const y1 = cy + Math.sin(a1) * rad;
    body.push(
      `<path d="M${f(x0)},${f(y0)} A${rad},${rad} 0 0 1 ${f(x1)},${f(y1)}" fill="none" stroke="url(#arc)" stroke-width="${28 - i * 2.5}" stroke-linecap="round" stroke-opacity="${f(1 - i * 0.1)}"/>`,
    );
  }
  body.push(
    `<circle cx="${cx}" cy="${cy}" r="120" fill="url(#glow)"/>`,
    `<circle cx="${cx}" cy="${cy}" r="34" fill="#dffdf7"/>`,
  );
  // devices: small glowing nodes, each on its own slice of airtime
  const nodes = [
    [260, 260],
    [420, 520],
    [1180, 300],
    [1340, 560],
    [620, 170],
    [1000, 150],
    [150, 640],
    [1460, 180],
  ];
  nodes.forEach(([x, y], i) => {
    body.push(
      `<line x1="${cx}" y1="${cy}" x2="${x}" y2="${y}" stroke="${['#4fd1c5', '#a3e36b', '#f2c14e'][i % 3]}" stroke-opacity="0.22" stroke-width="2" stroke-dasharray="4 10"/>`,
      `<circle cx="${x}" cy="${y}" r="22" fill="${['#4fd1c5', '#a3e36b', '#f2c14e'][i % 3]}" fill-opacity="0.18"/>`,
      `<circle cx="${x}" cy="${y}" r="9" fill="${['#4fd1c5', '#a3e36b', '#f2c14e'][i % 3]}"/>`,
    );
  });
  return svg(body.join(''), defs.join(''));
}

// ---------------------------------------------------------------------------
// 9. Arabic coffee: a dallah, small cups, cardamom and beans on a star pattern

function arabicCoffee() {
  const r = rng(1018);
  const star = (cx, cy, R1, R2) => {
    const p = [];
    for (let k = 0; k < 16; k++) {
      const a = (Math.PI / 8) * k;
      const rr = k % 2 ? R2 : R1;
      p.push([cx + Math.cos(a) * rr, cy + Math.sin(a) * rr]);
    }
    return pts(p);
  };
  const defs = [
    `<linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#5a2a22"/><stop offset="1" stop-color="#3b1b17"/></linearGradient>`,
    `<pattern id="stars" width="160" height="160" patternUnits="userSpaceOnUse">` +
      `<polygon points="${star(80, 80, 56, 40)}" fill="none" stroke="#c9974f" stroke-opacity="0.16" stroke-width="2"/>` +
      `<polygon points="${star(0, 0, 56, 40)}" fill="none" stroke="#c9974f" stroke-opacity="0.1" stroke-width="2"/>` +
      `<polygon points="${star(160, 0, 56, 40)}" fill="none" stroke="#c9974f" stroke-opacity="0.1" stroke-width="2"/>` +
      `<polygon points="${star(0, 160, 56, 40)}" fill="none" stroke="#c9974f" stroke-opacity="0.1" stroke-width="2"/>` +
      `<polygon points="${star(160, 160, 56, 40)}" fill="none" stroke="#c9974f" stroke-opacity="0.1" stroke-width="2"/>` +
      `</pattern>`,
    `<linearGradient id="brass" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#8a5a22"/><stop offset="0.35" stop-color="#e3b25e"/><stop offset="0.55" stop-color="#f5d58f"/><stop offset="1" stop-color="#9a6526"/></linearGradient>`,
    `<linearGradient id="cup" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#d9ccb4"/><stop offset="0.5" stop-color="#fbf5e8"/><stop offset="1" stop-color="#cdbfa5"/></linearGradient>`,
    `<linearGradient id="table" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#7a3f2d"/><stop offset="1" stop-color="#4e241b"/></linearGradient>`,
  ];
  const body = [
    `<rect width="${W}" height="${H}" fill="url(#bg)"/>`,
    `<rect width="${W}" height="${H}" fill="url(#stars)"/>`,
  ];
  body.push(
    `<rect x="0" y="700" width="${W}" height="200" fill="url(#table)"/>`,
    `<rect x="0" y="700" width="${W}" height="6" fill="#c9974f" fill-opacity="0.4"/>`,
  );
  // dallah (centre-left)
  const dx = 560;
  body.push(
    // shadow
    `<ellipse cx="${dx}" cy="708" rx="190" ry="18" fill="#1f0e0b" fill-opacity="0.45"/>`,
    // handle
    `<path d="M${dx + 95},330 C${dx + 230},330 ${dx + 250},520 ${dx + 140},640" fill="none" stroke="url(#brass)" stroke-width="22" stroke-linecap="round"/>`,
    // spout: long, curved, beaked
    `<path d="M${dx - 90},560 C${dx - 170},520 ${dx - 200},360 ${dx - 300},300 L${dx - 320},292 C${dx - 250},350 ${dx - 220},470 ${dx - 120},470 Z" fill="url(#brass)"/>`,
    // body (wide base, waist, flared neck)
    `<path d="M${dx - 150},700 C${dx - 175},620 ${dx - 150},520 ${dx - 70},470 C${dx - 45},440 ${dx - 60},380 ${dx - 80},330 L${dx + 80},330 C${dx + 60},380 ${dx + 45},440 ${dx + 70},470 C${dx + 150},520 ${dx + 175},620 ${dx + 150},700 Z" fill="url(#brass)"/>`,
    // bands
    `<path d="M${dx - 108},520 Q${dx},545 ${dx + 108},520" fill="none" stroke="#7a4c1c" stroke-opacity="0.55" stroke-width="5"/>`,
    `<path d="M${dx - 160},660 Q${dx},690 ${dx + 160},660" fill="none" stroke="#7a4c1c" stroke-opacity="0.55" stroke-width="5"/>`,
    // lid, tiered, with finial
    `<path d="M${dx - 95},332 C${dx - 80},280 ${dx + 80},280 ${dx + 95},332 Z" fill="url(#brass)"/>`,
    `<path d="M${dx - 55},290 C${dx - 40},240 ${dx + 40},240 ${dx + 55},290 Z" fill="url(#brass)"/>`,
    `<path d="M${dx - 12},250 L${dx},190 L${dx + 12},250 Z" fill="url(#brass)"/>`,
    `<circle cx="${dx}" cy="186" r="12" fill="#f5d58f"/>`,
  );
  // steam from the spout
  for (let i = 0; i < 3; i++) {
    const x0 = dx - 318 + i * 14;
    body.push(
      `<path d="M${x0},280 C${x0 - 30},240 ${x0 + 30},210 ${x0},170 S${x0 + 20},110 ${x0 - 10},70" fill="none" stroke="#f3e4c8" stroke-opacity="${0.35 - i * 0.08}" stroke-width="6" stroke-linecap="round"/>`,
    );
  }
  // cups (handleless, small)
  const cupAt = (x, y, s) => {
    body.push(
      `<ellipse cx="${x}" cy="${y + 4}" rx="${62 * s}" ry="${10 * s}" fill="#1f0e0b" fill-opacity="0.4"/>`,
      `<path d="M${x - 52 * s},${y - 90 * s} L${x + 52 * s},${y - 90 * s} L${x + 36 * s},${y} L${x - 36 * s},${y} Z" fill="url(#cup)"/>`,
      `<ellipse cx="${x}" cy="${y - 90 * s}" rx="${52 * s}" ry="${11 * s}" fill="#6b3a1d"/>`,
      `<ellipse cx="${x}" cy="${y - 90 * s}" rx="${52 * s}" ry="${11 * s}" fill="none" stroke="#d7a64f" stroke-width="${4 * s}"/>`,
      `<path d="M${x - 44 * s},${y - 55 * s} L${x + 44 * s},${y - 55 * s}" stroke="#c9974f" stroke-width="${5 * s}"/>`,
    );
  };
  cupAt(980, 700, 1.1);
  cupAt(1150, 710, 1.0);
  cupAt(1300, 705, 0.9);
  // cardamom pods and coffee beans on the table
  for (let i = 0; i < 22; i++) {
    const x = r.range(820, 1560);
    const y = r.range(740, 880);
    const a = r.range(0, 180);
    if (r() < 0.5) {
      body.push(
        `<g transform="translate(${f(x)} ${f(y)}) rotate(${f(a)})"><ellipse rx="20" ry="11" fill="#8fa35a"/><path d="M-16,0 Q0,-4 16,0" fill="none" stroke="#6b7e3f" stroke-width="2"/></g>`,
      );
    } else {
      body.push(
        `<g transform="translate(${f(x)} ${f(y)}) rotate(${f(a)})"><ellipse rx="17" ry="12" fill="#b07a3c"/><path d="M-14,0 C-5,-5 5,5 14,0" fill="none" stroke="#6a4020" stroke-width="2.5"/></g>`,
      );
    }
  }
  // a few dates
  for (const [x, y, a] of [
    [170, 780, 20],
    [240, 810, -15],
    [120, 840, 60],
    [300, 770, 80],
  ]) {
    body.push(
      `<g transform="translate(${x} ${y}) rotate(${a})"><ellipse rx="34" ry="18" fill="#5c2416"/><ellipse rx="26" ry="7" cy="-6" fill="#8a3b22" fill-opacity="0.6"/></g>`,
    );
  }
  return svg(body.join(''), defs.join(''));
}

// ---------------------------------------------------------------------------
// 10. QR codes: an abstract module grid that dissolves into loose squares
// (random modules: it is not a readable code and encodes nothing)

function qrCodes() {
  const r = rng(1104);
  const defs = [
    `<linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#f1ece1"/><stop offset="1" stop-color="#e4ddcd"/></linearGradient>`,
  ];
  const body = [`<rect width="${W}" height="${H}" fill="url(#bg)"/>`];
  const n = 25;
  const m = 26; // module size
  const ox = 300;
  const oy = 125;
  const ink = '#1f2a33';
  const accent = ['#d0643f', '#2f8f83', '#e0a43a'];
  const inFinder = (i, j) => (i < 8 && j < 8) || (i >= n - 8 && j < 8) || (i < 8 && j >= n - 8);
  const g = [`<g transform="rotate(-6 ${ox + (n * m) / 2} ${oy + (n * m) / 2})">`];
  g.push(`<rect x="${ox - 30}" y="${oy - 30}" width="${n * m + 60}" height="${n * m + 60}" rx="18" fill="#fbf8f1"/>`);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (inFinder(i, j)) continue;
      if (r() < 0.48) {
        const col = r() < 0.06 ? r.pick(accent) : ink;
        g.push(
          `<rect x="${ox + i * m + 1}" y="${oy + j * m + 1}" width="${m - 2}" height="${m - 2}" rx="3" fill="${col}"/>`,
        );
      }
    }
  }
  for (const [fi, fj] of [
    [0, 0],
    [n - 7, 0],
    [0, n - 7],
  ]) {
    const x = ox + fi * m;
    const y = oy + fj * m;
    g.push(
      `<rect x="${x}" y="${y}" width="${7 * m}" height="${7 * m}" rx="14" fill="${ink}"/>`,
      `<rect x="${x + m}" y="${y + m}" width="${5 * m}" height="${5 * m}" rx="9" fill="#fbf8f1"/>`,
      `<rect x="${x + 2 * m}" y="${y + 2 * m}" width="${3 * m}" height="${3 * m}" rx="6" fill="${fi === 0 && fj === 0 ? accent[0] : ink}"/>`,
    );
  }
  g.push('</g>');
  body.push(...g);
  // loose modules drifting to the right
  for (let i = 0; i < 170; i++) {
    const t = r();
    const x = 1000 + t * 560 + r.range(-30, 30);
    const y = r.range(80, 820);
    const s = m * (1 - t * 0.6) * r.range(0.6, 1.05);
    const col = r() < 0.18 ? r.pick(accent) : ink;
    body.push(
      `<rect x="${f(x)}" y="${f(y)}" width="${f(s)}" height="${f(s)}" rx="3" fill="${col}" fill-opacity="${f(0.9 - t * 0.6)}" transform="rotate(${f(r.range(-25, 25))} ${f(x + s / 2)} ${f(y + s / 2)})"/>`,
    );
  }
  // a camera "scan" bracket
  const bx = 230;
  const by = 60;
  const bw = 820;
  const bh = 800;
  const L = 90;
  body.push(
    `<path d="M${bx},${by + L} V${by} H${bx + L} M${bx + bw - L},${by} H${bx + bw} V${by + L} M${bx + bw},${by + bh - L} V${by + bh} H${bx + bw - L} M${bx + L},${by + bh} H${bx} V${by + bh - L}" fill="none" stroke="#2f8f83" stroke-width="10" stroke-linecap="round" stroke-linejoin="round"/>`,
    `<rect x="${bx + 20}" y="${by + 430}" width="${bw - 40}" height="6" rx="3" fill="#d0643f" fill-opacity="0.8"/>`,
  );
  return svg(body.join(''), defs.join(''));
}

// ---------------------------------------------------------------------------
// 11. Tides: a full moon over layered waves, with its reflection

function tides() {
  const r = rng(1112);
  const defs = [
    `<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#0e1a33"/><stop offset="1" stop-color="#23406b"/></linearGradient>`,
    `<radialGradient id="halo" cx="50%" cy="50%" r="50%"><stop offset="0" stop-color="#f3f0e2" stop-opacity="0.45"/><stop offset="1" stop-color="#f3f0e2" stop-opacity="0"/></radialGradient>`,
    `<radialGradient id="moon" cx="40%" cy="38%" r="65%"><stop offset="0" stop-color="#fbf8ee"/><stop offset="1" stop-color="#d8d3c2"/></radialGradient>`,
  ];
  const body = [`<rect width="${W}" height="${H}" fill="url(#sky)"/>`];
  for (let i = 0; i < 120; i++) {
    body.push(
      `<circle cx="${f(r.range(0, W))}" cy="${f(r.range(0, 420))}" r="${f(r.range(0.6, 1.9))}" fill="#eef2fb" fill-opacity="${f(r.range(0.2, 0.8))}"/>`,
    );
  }
  const mx = 1050;
  const my = 210;
  body.push(
    `<circle cx="${mx}" cy="${my}" r="260" fill="url(#halo)"/>`,
    `<circle cx="${mx}" cy="${my}" r="110" fill="url(#moon)"/>`,
  );
  for (let i = 0; i < 9; i++) {
    const a = r.range(0, Math.PI * 2);
    const d = r.range(0, 80);
    body.push(
      `<circle cx="${f(mx + Math.cos(a) * d)}" cy="${f(my + Math.sin(a) * d)}" r="${f(r.range(6, 20))}" fill="#c9c3af" fill-opacity="0.45"/>`,
    );
  }
  // dashed orbit hint
  body.push(
    `<ellipse cx="800" cy="330" rx="720" ry="150" fill="none" stroke="#cfd8ea" stroke-opacity="0.14" stroke-width="2" stroke-dasharray="6 12"/>`,
  );
  // waves back to front
  const layers = ['#1f4a78', '#22588a', '#27679a', '#2e77a8', '#3988b4', '#4a9abf', '#62aec9'];
  layers.forEach((col, i) => {
    const y = 470 + i * 62;
    const p = wave(r, y, 14 + i * 3, { step: 70, freq: 0.01 - i * 0.0008, noise: 0.25 });
    body.push(`<path d="${smoothPath(p)} L${W + 40},${H + 10} L-40,${H + 10} Z" fill="${col}"/>`);
    body.push(
      `<path d="${smoothPath(p)}" fill="none" stroke="#dff1f7" stroke-opacity="${f(0.12 + i * 0.03)}" stroke-width="3"/>`,
    );
  });
  // moonlight on the water
  for (let i = 0; i < 40; i++) {
    const y = 480 + i * 10 + r.range(-3, 3);
    const w = r.range(20, 120) * (1 - i / 60);
    const x = mx + r.range(-60, 60) * (0.5 + i / 40);
    body.push(
      `<rect x="${f(x - w / 2)}" y="${f(y)}" width="${f(w)}" height="3" rx="1.5" fill="#f6f2e3" fill-opacity="${f(0.5 - i * 0.01)}"/>`,
    );
  }
  return svg(body.join(''), defs.join(''));
}

// ---------------------------------------------------------------------------
// 12. Rooftop gardens (draft story): a skyline with green roofs

function rooftopGardens() {
  const r = rng(1120);
  const defs = [
    `<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#bcd7e6"/><stop offset="0.7" stop-color="#f3dcc2"/><stop offset="1" stop-color="#f0cfae"/></linearGradient>`,
  ];
  const body = [`<rect width="${W}" height="${H}" fill="url(#sky)"/>`];
  body.push(`<circle cx="1340" cy="200" r="90" fill="#fbecc9"/>`);
  // distant skyline
  let x = -20;
  while (x < W) {
    const w = r.range(60, 140);
    const h = r.range(180, 380);
    body.push(
      `<rect x="${f(x)}" y="${f(700 - h)}" width="${f(w)}" height="${f(h + 200)}" fill="#c9b8a6" fill-opacity="0.7"/>`,
    );
    x += w + r.range(4, 20);
  }
  // foreground buildings with roof gardens
  const cols = ['#c97f5c', '#d9b48a', '#a99e90', '#b86b4b', '#d6c2a0', '#8f8579'];
  x = -30;
  while (x < W) {
    const w = r.range(170, 290);
    const top = r.range(420, 640);
    const col = r.pick(cols);
    body.push(`<rect x="${f(x)}" y="${f(top)}" width="${f(w)}" height="${f(H - top + 10)}" fill="${col}"/>`);
    body.push(`<rect x="${f(x)}" y="${f(top)}" width="${f(w)}" height="10" fill="#000" fill-opacity="0.12"/>`);
    // windows
    for (let wy = top + 40; wy < H - 20; wy += 56) {
      for (let wx = x + 22; wx < x + w - 40; wx += 48) {
        const lit = r() < 0.15;
        body.push(
          `<rect x="${f(wx)}" y="${f(wy)}" width="26" height="34" rx="3" fill="${lit ? '#f7dd9c' : '#5d5249'}" fill-opacity="${lit ? 0.9 : 0.35}"/>`,
        );
      }
    }
    // garden: planters, shrubs, a small tree, a pergola now and then
    const planters = r.int(2, 4);
    for (let k = 0; k < planters; k++) {
      const px = x + 14 + k * ((w - 28) / planters);
      const pw = (w - 28) / planters - 10;
      body.push(`<rect x="${f(px)}" y="${f(top - 22)}" width="${f(pw)}" height="22" rx="3" fill="#7b5a3f"/>`);
      const bushes = Math.max(2, Math.floor(pw / 22));
      for (let b = 0; b < bushes; b++) {
        const bx = px + 10 + (b * (pw - 20)) / Math.max(1, bushes - 1);
        body.push(
          `<circle cx="${f(bx)}" cy="${f(top - 26 - r.range(0, 10))}" r="${f(r.range(11, 19))}" fill="${r.pick(['#5f8f4e', '#6fa35a', '#4f7d44', '#86b26a'])}"/>`,
        );
      }
      if (r() < 0.3) {
        body.push(
          `<circle cx="${f(px + pw / 2)}" cy="${f(top - 40)}" r="5" fill="${r.pick(['#e56b5d', '#f2c14e', '#f7f1e3'])}"/>`,
        );
      }
    }
    if (r() < 0.55) {
      const tx = x + r.range(40, w - 40);
      body.push(
        `<rect x="${f(tx - 5)}" y="${f(top - 90)}" width="10" height="70" fill="#6b4a32"/>`,
        `<circle cx="${f(tx)}" cy="${f(top - 105)}" r="${f(r.range(34, 48))}" fill="#4f7d44"/>`,
        `<circle cx="${f(tx - 18)}" cy="${f(top - 92)}" r="24" fill="#5f8f4e"/>`,
        `<circle cx="${f(tx + 20)}" cy="${f(top - 96)}" r="22" fill="#6fa35a"/>`,
      );
    } else if (r() < 0.5) {
      const px = x + 30;
      const pw = Math.min(150, w - 60);
      body.push(
        `<path d="M${f(px)},${f(top - 20)} V${f(top - 95)} H${f(px + pw)} V${f(top - 20)}" fill="none" stroke="#8a6a4c" stroke-width="6"/>`,
        `<path d="${smoothPath(wave(r, top - 98, 6, { step: 25, x0: px, x1: px + pw - 25, freq: 0.1 }))}" fill="none" stroke="#6fa35a" stroke-width="14" stroke-linecap="round"/>`,
      );
    }
    x += w + r.range(8, 30);
  }
  // birds, as simple strokes
  for (let i = 0; i < 7; i++) {
    const bx = r.range(300, 1200);
    const by = r.range(80, 260);
    body.push(
      `<path d="M${f(bx - 12)},${f(by)} q6,-8 12,0 q6,-8 12,0" fill="none" stroke="#5b5f6a" stroke-width="2.5" stroke-linecap="round"/>`,
    );
  }
  return svg(body.join(''), defs.join(''));
}

// ---------------------------------------------------------------------------

const IMAGES = {
  'armenia-csto': armeniaCsto,
  'time-zones': timeZones,
  'sky-blue': skyBlue,
  passwords,
  'date-line': dateLine,
  'desert-plants': desertPlants,
  'caucasus-languages': caucasusLanguages,
  'wifi-6': wifi6,
  'arabic-coffee': arabicCoffee,
  'qr-codes': qrCodes,
  tides,
  'rooftop-gardens': rooftopGardens,
};

/** `--svg`, and the names of the images to draw (all when none is given). */
function readArgs() {
  try {
    const { values, positionals } = parseArgs({
      options: { svg: { type: 'boolean', default: false } },
      allowPositionals: true,
    });
    return { keepSvg: values.svg, wanted: positionals };
  } catch (error) {
    console.error(`${error.message}\nusage: node scripts/make-story-images.mjs [--svg] [name ...]`);
    process.exit(2);
  }
}

async function main() {
  const { keepSvg, wanted } = readArgs();
  const unknown = wanted.filter((n) => !(n in IMAGES));
  if (unknown.length) {
    console.error(`unknown image(s): ${unknown.join(', ')}\nknown: ${Object.keys(IMAGES).join(', ')}`);
    process.exit(2);
  }
  const names = wanted.length ? wanted : Object.keys(IMAGES);
  await mkdir(OUT_DIR, { recursive: true });
  let failed = 0;
  for (const name of names) {
    const source = IMAGES[name]();
    if (keepSvg) await writeFile(path.join(os.tmpdir(), `${name}.svg`), source);
    const out = path.join(OUT_DIR, `${name}.webp`);
    await sharp(Buffer.from(source), { density: 72 })
      .resize(W, H, { fit: 'fill' })
      .webp({ quality: QUALITY, effort: 6, smartSubsample: true })
      .toFile(out);
    const { size } = await stat(out);
    const flag = size > MAX_BYTES ? '  (over budget!)' : '';
    if (flag) failed++;
    console.log(`${path.relative(ROOT, out)}  ${W}x${H}  ${(size / 1024).toFixed(1)} KB${flag}`);
  }
  if (failed) process.exit(1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
