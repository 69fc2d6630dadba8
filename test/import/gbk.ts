/**
 * A GBK encoder for tests, built by inverting the platform's GB18030 decoder
 * over every two-byte GBK code (Node's TextEncoder only writes UTF-8, and no
 * encoding package is needed for this).
 */
let table: Map<string, [number, number]> | null = null

function gbkTable(): Map<string, [number, number]> {
  if (table) return table
  table = new Map()
  const decoder = new TextDecoder('gb18030')
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      const ch = decoder.decode(new Uint8Array([lead, trail]))
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail])
    }
  }
  return table
}

/** Text → GBK bytes; throws on a character GBK cannot write. */
export function encodeGbk(text: string): Uint8Array {
  const out: number[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code < 0x80) {
      out.push(code)
      continue
    }
    const pair = gbkTable().get(ch)
    if (!pair) throw new Error(`not in GBK: ${ch}`)
    out.push(...pair)
  }
  return new Uint8Array(out)
}
