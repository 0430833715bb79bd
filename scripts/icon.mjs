// Draws the extension's icon, media/icon.png: 128×128 RGBA, a record (a page with a folded corner) on a
// rounded navy square, its two lines of text and an accepted decision's check mark. Shapes are described
// by their geometry and sampled 4×4 times per pixel, so edges stay smooth at the 16 to 32 pixels the
// Extensions view shows; the PNG is encoded here with zlib, so nothing needs installing.
// Usage: node scripts/icon.mjs [out.png]
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;

/** Inside a rectangle with rounded corners (x, y, width, height, radius)? */
const roundedRect = (x, y, w, h, r) => (px, py) => {
  const dx = Math.max(x + r - px, 0, px - (x + w - r));
  const dy = Math.max(y + r - py, 0, py - (y + h - r));
  return px >= x && px <= x + w && py >= y && py <= y + h && dx * dx + dy * dy <= r * r;
};

/** Inside a convex polygon given clockwise (in screen coordinates)? */
const convex = points => (px, py) => points.every(([ax, ay], i) => {
  const [bx, by] = points[(i + 1) % points.length];
  return (bx - ax) * (py - ay) - (by - ay) * (px - ax) >= 0;
});

/** Within `width / 2` of the polyline through `points` (round caps and joins)? */
const stroke = (points, width) => (px, py) => points.slice(1).some(([bx, by], i) => {
  const [ax, ay] = points[i];
  const vx = bx - ax, vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  const dx = px - (ax + t * vx), dy = py - (ay + t * vy);
  return dx * dx + dy * dy <= (width / 2) ** 2;
});

// Painted in order, each over the ones before it: [inside?, [r, g, b]].
const FOLD = 26;
const page = { left: 30, top: 16, right: 98, bottom: 112 };
const layers = [
  [roundedRect(0, 0, SIZE, SIZE, 24), [0x1f, 0x3a, 0x5f]],
  [convex([[page.left, page.top], [page.right - FOLD, page.top], [page.right, page.top + FOLD], [page.right, page.bottom], [page.left, page.bottom]]), [0xff, 0xff, 0xff]],
  [convex([[page.right - FOLD, page.top], [page.right, page.top + FOLD], [page.right - FOLD, page.top + FOLD]]), [0xb8, 0xc7, 0xd9]],
  [stroke([[42, 38], [64, 38]], 7), [0x8a, 0x9b, 0xb0]],
  [stroke([[42, 54], [84, 54]], 7), [0x8a, 0x9b, 0xb0]],
  [stroke([[44, 82], [58, 95], [85, 67]], 12), [0x2e, 0xa0, 0x43]],
];

/** The RGBA pixels, row by row: each layer composited over the ones below by its sampled coverage. */
function draw() {
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const [inside, [lr, lg, lb]] of layers) {
        let hits = 0;
        for (let sy = 0; sy < SAMPLES; sy++) {
          for (let sx = 0; sx < SAMPLES; sx++) if (inside(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES)) hits++;
        }
        const c = hits / (SAMPLES * SAMPLES);
        if (c === 0) continue;
        const out = c + a * (1 - c);
        [r, g, b] = [[lr, r], [lg, g], [lb, b]].map(([top, under]) => (top * c + under * a * (1 - c)) / out);
        a = out;
      }
      pixels.set([r, g, b, a * 255].map(Math.round), (y * SIZE + x) * 4);
    }
  }
  return pixels;
}

/** CRC-32 (ISO 3309, as PNG's chunks use). */
function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** One PNG chunk: length, type, data, CRC of type and data (PNG specification, section 5.3). */
function chunk(type, data) {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/** A PNG of 8-bit RGBA `pixels`, `size` × `size`, each row with filter 0 (none). */
function encodePng(pixels, size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, adaptive filtering, no interlace
  const rows = [];
  for (let y = 0; y < size; y++) rows.push(Buffer.from([0]), pixels.subarray(y * size * 4, (y + 1) * size * 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = process.argv[2] ?? new URL('../media/icon.png', import.meta.url);
writeFileSync(out, encodePng(draw(), SIZE));
