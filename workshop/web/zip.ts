// A .zip of a few text files, stored without compression: all "download my work" needs, in a few lines
// instead of a library. Layout per APPNOTE.TXT: local headers with the data, then the central directory.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

export function crc32(bytes: Uint8Array): number {
  let c = 0xFFFFFFFF
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xFF] ^ (c >>> 8)
  return (c ^ 0xFFFFFFFF) >>> 0
}

/** DOS date and time, as zip headers keep them. */
function dosTime(date: Date): { time: number, day: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    day: ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  }
}

export function zip(files: Record<string, string>, date = new Date()): Uint8Array {
  const encoder = new TextEncoder()
  const { time, day } = dosTime(date)
  const locals: Uint8Array[] = []
  const centrals: Uint8Array[] = []
  let offset = 0
  for (const [path, text] of Object.entries(files)) {
    const name = encoder.encode(path)
    const data = encoder.encode(text)
    const crc = crc32(data)
    // The fields a local header and its central directory entry share, from `at` on.
    const common = (view: DataView, at: number): void => {
      view.setUint16(at, 20, true) // version needed
      view.setUint16(at + 2, 0x0800, true) // UTF-8 names
      view.setUint16(at + 6, time, true)
      view.setUint16(at + 8, day, true)
      view.setUint32(at + 10, crc, true)
      view.setUint32(at + 14, data.length, true)
      view.setUint32(at + 18, data.length, true)
      view.setUint16(at + 22, name.length, true)
    }
    const local = new DataView(new ArrayBuffer(30))
    local.setUint32(0, 0x04034B50, true)
    common(local, 4)
    locals.push(new Uint8Array(local.buffer), name, data)
    const central = new DataView(new ArrayBuffer(46))
    central.setUint32(0, 0x02014B50, true)
    central.setUint16(4, 20, true) // version made by
    common(central, 6)
    central.setUint32(42, offset, true)
    centrals.push(new Uint8Array(central.buffer), name)
    offset += 30 + name.length + data.length
  }
  const directorySize = centrals.reduce((n, part) => n + part.length, 0)
  const end = new DataView(new ArrayBuffer(22))
  end.setUint32(0, 0x06054B50, true)
  end.setUint16(8, centrals.length / 2, true)
  end.setUint16(10, centrals.length / 2, true)
  end.setUint32(12, directorySize, true)
  end.setUint32(16, offset, true)
  const parts = [...locals, ...centrals, new Uint8Array(end.buffer)]
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
