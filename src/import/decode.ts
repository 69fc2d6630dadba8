/**
 * Bytes of a dropped file → text. Chinese government CSVs come as UTF-8 (with
 * or without BOM), UTF-16 with BOM (Excel's "Unicode text"), or GBK/GB18030
 * (Excel's CSV on Chinese Windows); anything else is refused with a reason.
 */
import { ImportFailure, issue } from './issues'

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030'

export interface DecodedText {
  /** The text without its byte-order mark. */
  text: string
  encoding: TextEncodingName
}

/** How much of the start of a file is inspected for binary content. */
const SNIFF_BYTES = 64 * 1024

/** Signatures of files people drop by mistake, with what to do instead. */
const SIGNATURES: Array<{ magic: number[]; zh: string; en: string }> = [
  { magic: [0x50, 0x4b, 0x03, 0x04], zh: '这是压缩包或 Excel 工作簿（.xlsx），请在 Excel 中“另存为 CSV”后再导入', en: 'this is a zip archive or Excel workbook (.xlsx); save it as CSV in Excel and import that' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], zh: '这是旧版 Excel/Word 文件（.xls/.doc），请另存为 CSV 或纯文本后再导入', en: 'this is a legacy Excel/Word file (.xls/.doc); save it as CSV or plain text and import that' },
  { magic: [0x25, 0x50, 0x44, 0x46], zh: '这是 PDF 文件，请先提取文字（如 pdftotext）再导入文本', en: 'this is a PDF; extract its text (e.g. with pdftotext) and import the text' },
]

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.length <= bytes.length && magic.every((b, i) => bytes[i] === b)
}

/**
 * Control characters other than tab, line feed, form feed and carriage return.
 * Text never holds many; a binary file does within its first kilobytes.
 */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f
}

function binaryFailure(fileName: string, detail: { zh: string; en: string }): ImportFailure {
  return new ImportFailure([issue('binary', { file: fileName }, `不是文本文件：${detail.zh}`, `not a text file: ${detail.en}`)])
}

/** Refuses text whose start is mostly control characters (binary read as UTF-16, or as single bytes). */
function checkControlChars(fileName: string, count: number, total: number, nul: boolean): void {
  if (nul) throw binaryFailure(fileName, { zh: '含有空字节（NUL），可能是二进制文件', en: 'it contains NUL bytes, so it is probably binary' })
  // 1% control characters is far beyond any real text (they do not occur in reports or CSVs at all).
  if (total > 0 && count > Math.max(8, total * 0.01)) {
    throw binaryFailure(fileName, { zh: `开头 ${total} 个字符中有 ${count} 个控制字符，可能是二进制文件`, en: `${count} control characters in its first ${total}, so it is probably binary` })
  }
}

/**
 * UTF-16 without a byte-order mark (some exporters write it): ASCII characters
 * (digits, commas, line breaks) then have a zero high byte, so zero bytes
 * stand only at odd offsets (little-endian) or only at even ones (big-endian),
 * and often. Binary files have zero bytes at both.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1
  let even = 0
  let odd = 0
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++
      else odd++
    }
  }
  // At least one ASCII character in ten code units, and every zero on one side.
  const enough = (zeros: number) => zeros >= Math.max(2, n / 20)
  if (enough(odd) && even === 0) return 'utf-16le'
  if (enough(even) && odd === 0) return 'utf-16be'
  return null
}

function decodeUtf16(bytes: Uint8Array, fileName: string, encoding: 'utf-16le' | 'utf-16be', bom = true): DecodedText {
  let text: string
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(bom ? 2 : 0))
  } catch {
    throw new ImportFailure([issue('encoding', { file: fileName }, bom
      ? `文件声明为 ${encoding.toUpperCase()}（有 BOM），但内容不是有效的 ${encoding.toUpperCase()}`
      : `文件看起来是没有 BOM 的 ${encoding.toUpperCase()}，但内容不是有效的 ${encoding.toUpperCase()}`, bom
      ? `the file starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}`
      : `the file looks like ${encoding.toUpperCase()} without a byte-order mark but is not valid ${encoding.toUpperCase()}`)])
  }
  let controls = 0
  let nul = false
  const n = Math.min(text.length, SNIFF_BYTES)
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === 0) nul = true
    else if (isControl(c)) controls++
  }
  checkControlChars(fileName, controls, n, nul)
  return { text, encoding }
}

/**
 * Decodes a file's bytes: BOM first (UTF-8, UTF-16 LE/BE), then UTF-16 told by
 * its zero bytes (utf16WithoutBom), then strict UTF-8,
 * then GB18030 (a superset of GBK and GB2312). Throws an ImportFailure naming
 * the file for binary content (NUL bytes, control characters, known binary
 * formats such as .xlsx/.xls/.pdf) and for bytes valid in neither encoding.
 */
export function decodeBytes(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, fileName, 'utf-16le')
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, fileName, 'utf-16be')
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = bom ? bytes.subarray(3) : bytes

  for (const sig of SIGNATURES) if (startsWith(body, sig.magic)) throw binaryFailure(fileName, sig)
  const utf16 = bom ? null : utf16WithoutBom(bytes)
  if (utf16) return decodeUtf16(bytes, fileName, utf16, false)
  let controls = 0
  let nul = false
  const n = Math.min(body.length, SNIFF_BYTES)
  for (let i = 0; i < n; i++) {
    const b = body[i]!
    if (b === 0) {
      nul = true
      break
    }
    if (isControl(b)) controls++
  }
  checkControlChars(fileName, controls, n, nul)

  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: bom ? 'utf-8-bom' : 'utf-8' }
  } catch {
    // Not UTF-8: the other encoding Chinese Windows writes.
  }
  if (bom) {
    throw new ImportFailure([issue('encoding', { file: fileName }, '文件以 UTF-8 BOM 开头，但内容不是有效的 UTF-8', 'the file starts with a UTF-8 byte-order mark but is not valid UTF-8')])
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(body), encoding: 'gb18030' }
  } catch {
    throw new ImportFailure([issue('encoding', { file: fileName }, '无法识别文字编码（既不是 UTF-8，也不是 GBK/GB18030），请另存为 UTF-8 后再导入', 'unrecognised text encoding (neither UTF-8 nor GBK/GB18030); save the file as UTF-8 and import it again')])
  }
}
