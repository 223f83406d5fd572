// Just enough of the ZIP format to look inside a .docx before handing it to mammoth: which parts
// it has, and how big they claim to be once inflated (a 50 MB zip bomb can inflate to many GB).

export interface ZipEntry {
  name: string
  uncompressedSize: number
}

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50
const latin1 = new TextDecoder('latin1')

/** The central directory's entries, or null when the bytes are not a readable ZIP. */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] | null {
  if (bytes.length < 22) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The end-of-central-directory record sits at the end, after a comment of up to 64 KiB.
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return null
  const count = view.getUint16(eocd + 10, true)
  const dirOffset = view.getUint32(eocd + 16, true)
  const entries: ZipEntry[] = []
  let p = dirOffset
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL_SIGNATURE) return null
    const uncompressedSize = view.getUint32(p + 24, true)
    const nameLength = view.getUint16(p + 28, true)
    const extraLength = view.getUint16(p + 30, true)
    const commentLength = view.getUint16(p + 32, true)
    if (p + 46 + nameLength > bytes.length) return null
    entries.push({ name: latin1.decode(bytes.subarray(p + 46, p + 46 + nameLength)), uncompressedSize })
    p += 46 + nameLength + extraLength + commentLength
  }
  return entries
}
