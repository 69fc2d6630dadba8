/**
 * npx tsx scripts/make-icons.ts — draws the app's icons into public/ (no
 * downloads, no image tools): a ledger-green rounded square with three rising
 * bars, as PNG at 192 and 512 px (the sizes a web app manifest needs; the 512
 * one also "maskable": the bars stay inside the central safe zone) and as SVG.
 */
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { deflateSync } from 'node:zlib'

const PUBLIC = resolve(import.meta.dirname, '..', 'public')
const BG = [0x1f, 0x5f, 0x4f] as const
const FG = [0xf4, 0xf1, 0xe8] as const
// Bars as fractions of the icon: [x0, x1, top] with a common baseline, inside the 80 % safe circle.
const BARS: Array<[number, number, number]> = [[0.27, 0.38, 0.55], [0.445, 0.555, 0.42], [0.62, 0.73, 0.29]]
const BASE = 0.72
const RADIUS = 0.18

function crc32(buf: Uint8Array): number {
  let c = ~0
  for (const b of buf) {
    c ^= b
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
  }
  return ~c >>> 0
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

function inside(x: number, y: number, full: boolean): boolean {
  if (full) return true
  // Rounded square: outside only in the corner circles.
  const cx = Math.min(Math.max(x, RADIUS), 1 - RADIUS)
  const cy = Math.min(Math.max(y, RADIUS), 1 - RADIUS)
  return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2
}

/** RGBA pixels, 4× supersampled for smooth edges. */
function png(size: number, maskable: boolean): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size)
  const S = 4
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0 // filter: none
    for (let px = 0; px < size; px++) {
      let bg = 0
      let fg = 0
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = (px + (sx + 0.5) / S) / size
          const y = (py + (sy + 0.5) / S) / size
          if (!inside(x, y, maskable)) continue
          if (BARS.some(([x0, x1, top]) => x >= x0 && x <= x1 && y >= top && y <= BASE)) fg++
          else bg++
        }
      }
      const n = S * S
      const a = (bg + fg) / n
      const o = py * (size * 4 + 1) + 1 + px * 4
      for (let c = 0; c < 3; c++) raw[o + c] = a ? Math.round((BG[c]! * bg + FG[c]! * fg) / (bg + fg)) : 0
      raw[o + 3] = Math.round(a * 255)
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array())])
}

function svg(): string {
  const hex = (c: readonly number[]) => '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('')
  const bars = BARS.map(([x0, x1, top]) => `<rect x="${x0 * 512}" y="${top * 512}" width="${(x1 - x0) * 512}" height="${(BASE - top) * 512}"/>`).join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="${RADIUS * 512}" fill="${hex(BG)}"/><g fill="${hex(FG)}">${bars}</g></svg>\n`
}

writeFileSync(join(PUBLIC, 'icon-192.png'), png(192, false))
writeFileSync(join(PUBLIC, 'icon-512.png'), png(512, false))
writeFileSync(join(PUBLIC, 'icon-maskable-512.png'), png(512, true))
writeFileSync(join(PUBLIC, 'icon.svg'), svg())
console.log('public/: icon-192.png, icon-512.png, icon-maskable-512.png, icon.svg')
