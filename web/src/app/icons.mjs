// Draws the drivers' app's icons from one description (a white lightning bolt on the console's
// green): public/app/icon.svg, and icon-192.png and icon-512.png (square, full bleed, the bolt
// inside the central 80 % so that they also serve as "maskable" icons). The PNGs are written by
// hand (zlib + CRC, 4×4 samples per pixel for smooth edges): no image tool needed.
// Run from web/: `node src/app/icons.mjs`; the outputs are committed.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const GREEN = [0x0b, 0x6e, 0x4f];
const WHITE = [0xff, 0xff, 0xff];
// The console's favicon bolt (32-unit box), scaled to 70 % about the centre.
const BOLT = [
  [18, 3],
  [8, 18],
  [15, 18],
  [13, 29],
  [24, 13],
  [17, 13],
].map(([x, y]) => [16 + (x - 16) * 0.7, 16 + (y - 16) * 0.7]);

const svgPath = BOLT.map(([x, y], i) => `${i ? "L" : "M"}${+x.toFixed(2)} ${+y.toFixed(2)}`).join("") + "Z";
writeFileSync(
  new URL("../../public/app/icon.svg", import.meta.url),
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0b6e4f"/><path d="${svgPath}" fill="#fff"/></svg>\n`,
);

function inside(px, py) {
  let hit = false;
  for (let i = 0, j = BOLT.length - 1; i < BOLT.length; j = i++) {
    const [xi, yi] = BOLT[i];
    const [xj, yj] = BOLT[j];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(size) {
  const S = 4;
  const raw = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let covered = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++)
          if (inside(((x + (sx + 0.5) / S) / size) * 32, ((y + (sy + 0.5) / S) / size) * 32)) covered++;
      const a = covered / (S * S);
      for (let c = 0; c < 3; c++) raw[row + 1 + x * 3 + c] = Math.round(GREEN[c] * (1 - a) + WHITE[c] * a);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [192, 512]) writeFileSync(new URL(`../../public/app/icon-${size}.png`, import.meta.url), png(size));
