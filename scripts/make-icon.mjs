// Draws media/icon.png (128×128): a crane lifting a shipping container, in flat colours, on a rounded navy tile.
// No image tools needed: shapes are rasterised with 4×4 supersampling and written as PNG with node:zlib.
//   node scripts/make-icon.mjs [out.png]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SS = 4; // samples per pixel along each axis

const NAVY = [15, 48, 87];
const STEEL = [232, 238, 244];
const ORANGE = [245, 166, 35];
const RIB = [204, 124, 18];
const CABLE = [170, 186, 204];

const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1;
function roundRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x >= x1 || y < y0 || y >= y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}
function segment(ax, ay, bx, by, halfWidth) {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= halfWidth * halfWidth;
  };
}
const any = (...shapes) => (x, y) => shapes.some((s) => s(x, y));

// Painted in order; later layers cover earlier ones.
const ribs = Array.from({ length: 6 }, (_v, i) => rect(68 + i * 7, 67, 71 + i * 7, 92));
const layers = [
  [roundRect(4, 4, 124, 124, 24), NAVY],
  [any(
    rect(24, 22, 32, 106), // mast
    rect(14, 22, 114, 29), // jib
    rect(14, 29, 26, 38), // counterweight
    rect(16, 104, 42, 110), // base
    segment(32, 50, 54, 29, 2.2), // brace
    segment(28, 14, 28, 22, 2), // mast tip
    segment(28, 14, 110, 24, 1.2), // tie to the jib's end
    segment(28, 14, 16, 22, 1.2), // tie to the counterweight
  ), STEEL],
  [rect(85, 29, 88, 55), CABLE], // cable
  [rect(70, 55, 104, 59), STEEL], // spreader
  [rect(62, 61, 112, 98), ORANGE], // container
  [any(rect(62, 61, 112, 65), rect(62, 94, 112, 98), ...ribs), RIB],
];

function render() {
  const px = Buffer.alloc(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const fx = x + (sx + 0.5) / SS;
          const fy = y + (sy + 0.5) / SS;
          let colour;
          for (const [shape, c] of layers) if (shape(fx, fy)) colour = c;
          if (!colour) continue;
          r += colour[0]; g += colour[1]; b += colour[2]; a += 1;
        }
      }
      const o = (y * SIZE + x) * 4;
      if (a) {
        px[o] = Math.round(r / a);
        px[o + 1] = Math.round(g / a);
        px[o + 2] = Math.round(b / a);
        px[o + 3] = Math.round((255 * a) / (SS * SS));
      }
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_v, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** The icon as PNG bytes (RGBA, 8 bits per channel). */
export function iconPng() {
  const px = render();
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) px.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4); // filter 0 per row
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'media', 'icon.png');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, iconPng());
  console.log(`wrote ${out}`);
}
