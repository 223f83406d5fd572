#!/usr/bin/env node
// Writes e2e/fixtures/bad-inputs/: files a newsroom actually receives and an importer gets wrong
// (wrong encodings, hostile web pages, broken containers, files that are not text at all), plus
// expected.json, the outcome each one must get. Deterministic, so a re-run leaves git clean and
// a change to the corpus shows up as a reviewable diff. The two big inputs (a 60 MB text and a
// 1 MB single line) are only described in expected.json: the tests make them at run time, so the
// repository stays small.
//
//   node scripts/make-bad-inputs.mjs
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateRawSync, deflateSync } from 'node:zlib'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = join(ROOT, 'e2e', 'fixtures', 'bad-inputs')

// --- byte builders -------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(bytes) {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** A real, decodable PNG (valid chunk CRCs), so the refusal is about what it is, not about damage. */
function png(width, height) {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(8 + data.length + 4)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), 8 + data.length)
    return out
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // RGB
  const rows = []
  for (let y = 0; y < height; y++) {
    rows.push(0) // filter: none
    for (let x = 0; x < width; x++) rows.push((x * 60) & 0xff, (y * 60) & 0xff, 0x80)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

/** An ELF64 x86-64 executable header and a few bytes of code: what a mislabelled program starts with. */
function elf() {
  const h = Buffer.alloc(64 + 16)
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]).copy(h, 0)
  h.writeUInt16LE(2, 16) // ET_EXEC
  h.writeUInt16LE(0x3e, 18) // x86-64
  h.writeUInt32LE(1, 20)
  h.writeBigUInt64LE(0x400078n, 24) // entry
  h.writeBigUInt64LE(64n, 32) // program headers right after this header
  h.writeUInt16LE(64, 52)
  h.writeUInt16LE(56, 54)
  h.writeUInt16LE(1, 56)
  h.writeUInt16LE(64, 58)
  // mov eax, 60; xor edi, edi; syscall (exit 0)
  Buffer.from([0xb8, 0x3c, 0, 0, 0, 0x31, 0xff, 0x0f, 0x05]).copy(h, 64)
  return h
}

function utf16le(text) {
  return Buffer.from(text, 'utf16le')
}
function utf16be(text) {
  const le = utf16le(text)
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]]
  return le
}

/** Windows-1252 for the characters used here; anything else would be a bug in this script. */
function cp1252(text) {
  const high = new Map([
    ['\u201c', 0x93],
    ['\u201d', 0x94],
    ['\u2018', 0x91],
    ['\u2019', 0x92],
    ['\u2013', 0x96],
    ['\u2014', 0x97],
    ['\u20ac', 0x80]
  ])
  return Buffer.from(
    Array.from(text, (c) => {
      const code = c.codePointAt(0)
      if (high.has(c)) return high.get(c)
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code
      throw new Error(`no Windows-1252 byte for ${c}`)
    })
  )
}

/** A small PDF with text on two pages, written by hand like the import core's own test builder. */
function pdf(pages) {
  const esc = (s) => s.replace(/[\\()]/g, (c) => `\\${c}`)
  const objects = new Map([
    [1, '<< /Type /Catalog /Pages 2 0 R >>'],
    [3, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>']
  ])
  const kids = []
  let next = 4
  for (const lines of pages) {
    const page = next++
    const content = next++
    kids.push(page)
    const ops = lines.map((line, i) => `BT /F1 12 Tf 72 ${720 - i * 18} Td (${esc(line)}) Tj ET`).join('\n')
    objects.set(
      page,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${content} 0 R >>`
    )
    objects.set(content, `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`)
  }
  objects.set(2, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`)
  let out = '%PDF-1.4\n'
  const offsets = new Map()
  for (const id of [...objects.keys()].sort((a, b) => a - b)) {
    offsets.set(id, out.length)
    out += `${id} 0 obj\n${objects.get(id)}\nendobj\n`
  }
  const xref = out.length
  const ids = [...offsets.keys()]
  out += `xref\n0 ${ids.length + 1}\n0000000000 65535 f \n`
  for (const id of ids) out += `${String(offsets.get(id)).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${ids.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

/** A PDF page that shows a picture and has no text layer: what a scanner without OCR produces. */
function imageOnlyPdf() {
  const pixels = Buffer.from([200, 30, 30, 30, 200, 30, 30, 30, 200, 220, 220, 220])
  const content = 'q 200 0 0 200 72 400 cm /Im1 Do Q'
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length ${pixels.length} >>\nstream\n${pixels.toString('latin1')}\nendstream`
  ]
  let out = '%PDF-1.4\n'
  const offsets = []
  objects.forEach((body, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

/** A ZIP (deflate) of the given parts, with honest sizes in its headers. */
function zip(parts) {
  const locals = []
  const centrals = []
  let offset = 0
  for (const [name, data] of parts) {
    const packed = deflateRawSync(data, { level: 9 })
    const nameBytes = Buffer.from(name, 'utf8')
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, packed)
    centrals.push(central, nameBytes)
    offset += local.length + nameBytes.length + packed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** A Word document whose one part inflates past the importer's 512 MB limit: a zip bomb. */
function zipBombDocx() {
  const types =
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
  return zip([
    ['[Content_Types].xml', Buffer.from(types, 'utf8')],
    ['word/document.xml', Buffer.alloc(513 * 1024 * 1024, 0x20)]
  ])
}

// --- the corpus ----------------------------------------------------------------------------

// Strings that must never reach an imported text. Distinct per vector, so a failure says which
// defence gave way.
const HOSTILE = {
  script: 'PAYLOAD-INLINE-SCRIPT',
  scriptSrc: 'payload-script.js',
  onerror: 'PAYLOAD-ONERROR',
  onload: 'PAYLOAD-ONLOAD',
  jsLink: 'PAYLOAD-JS-LINK',
  iframe: 'PAYLOAD-IFRAME-FALLBACK',
  srcdoc: 'PAYLOAD-SRCDOC',
  svg: 'PAYLOAD-SVG-SCRIPT',
  noscript: 'PAYLOAD-NOSCRIPT',
  input: 'PAYLOAD-FORM-INPUT',
  style: 'PAYLOAD-STYLE'
}
// Nothing from a remote host, and no executable URL, may survive in any imported text.
const NEVER = ['javascript:', 'tracker.invalid', '<script', '<iframe', 'alert(']

const hostileHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harbour council approves flood barrier | The Coastal Ledger</title>
<meta property="og:site_name" content="The Coastal Ledger">
<link rel="stylesheet" href="https://tracker.invalid/theme.css">
<script src="https://tracker.invalid/${HOSTILE.scriptSrc}"></script>
<script>window.stolen = document.cookie; alert('${HOSTILE.script}')</script>
<style>body { background: url(https://tracker.invalid/bg.png) } .x::after { content: '${HOSTILE.style}' }</style>
</head>
<body onload="alert('${HOSTILE.onload}')">
<article>
<h1>Harbour council approves flood barrier</h1>
<p>The harbour council voted nine to two on Tuesday to build a movable flood barrier across the mouth of the old port, ending a dispute that has run for six years.</p>
<img src="https://tracker.invalid/pixel.gif" alt="" onerror="alert('${HOSTILE.onerror}')">
<p>Engineers told the meeting that the barrier would cost 41 million euros and take three years to build, with the first gates in place before the winter storms of 2027.</p>
<iframe src="https://tracker.invalid/frame.html">${HOSTILE.iframe}</iframe>
<iframe srcdoc="&lt;script&gt;alert('${HOSTILE.srcdoc}')&lt;/script&gt;"></iframe>
<p>Residents who opposed the plan said the council had not published its flood models. The full minutes are <a href="javascript:alert('${HOSTILE.jsLink}')">available from the clerk</a> on request.</p>
<svg width="10" height="10"><script>alert('${HOSTILE.svg}')</script></svg>
<noscript><p>${HOSTILE.noscript}</p></noscript>
<p>The council's chair, Marit Olsen, said work on the northern abutment would begin in March after the fishing fleet's spring season had ended.</p>
<form action="javascript:alert(1)"><input name="q" value="${HOSTILE.input}"></form>
<p>A public meeting on the construction schedule is planned for the first week of February at the harbour master's office.</p>
</article>
</body>
</html>
`

const markdown = `# Ferry timetable changes

The **ferry operator** announced on Monday that sailings to the island will run *twice daily* from 3 June.

<script>alert('${HOSTILE.script}')</script>

Details are on the [operator's notice board](javascript:alert('${HOSTILE.jsLink}')) and in the
[council notice](https://council.example.org/ferry).

<img src="https://tracker.invalid/md.png" onerror="alert('${HOSTILE.onerror}')">

![tracking pixel](https://tracker.invalid/pixel-md.gif)

- The morning sailing leaves the mainland at 07:15.
- The evening sailing returns from the island at 18:40.
`

/**
 * Each entry: the file and what importing it must give. `contains` must appear in the cleaned
 * text (proving the text was decoded and cleaned, not just accepted); `absent` must appear nowhere
 * in what was made of the file (the verbatim original is exempt: it is the evidence of what came
 * in, and is only ever shown as text); `reason` must appear in a rejection's message.
 */
const corpus = [
  {
    name: 'empty.txt',
    about: 'a zero-byte file',
    bytes: Buffer.alloc(0),
    expect: { outcome: 'rejected', code: 'IMPORT_EMPTY', reason: 'is empty' }
  },
  {
    name: 'whitespace-only.txt',
    about: 'blank lines, spaces and tabs only',
    bytes: Buffer.from('\n\n   \t\r\n\u00a0\n', 'utf8'),
    expect: { outcome: 'rejected', code: 'IMPORT_EMPTY', reason: 'is empty' }
  },
  {
    name: 'photo.png',
    about: 'a real 4x4 PNG image',
    bytes: png(4, 4),
    expect: { outcome: 'rejected', code: 'IMPORT_BINARY', reason: 'a PNG image' }
  },
  {
    name: 'photo-renamed.txt',
    about: 'the same kind of PNG, renamed .txt',
    bytes: png(3, 5),
    expect: { outcome: 'rejected', code: 'IMPORT_BINARY', reason: 'a PNG image' }
  },
  {
    name: 'program.txt',
    about: 'an ELF executable header named .txt',
    bytes: elf(),
    expect: { outcome: 'rejected', code: 'IMPORT_BINARY', reason: 'an ELF executable' }
  },
  {
    name: 'setup.exe',
    about: 'an ELF executable header named .exe',
    bytes: elf(),
    expect: { outcome: 'rejected', code: 'IMPORT_BINARY', reason: 'an ELF executable' }
  },
  {
    name: 'invalid-utf8.txt',
    about:
      'ASCII prose with byte sequences that are not valid UTF-8 (overlong, lone continuation, truncated)',
    bytes: Buffer.concat([
      Buffer.from(
        'Port budget report\n\nThe port authority spent 12 million on dredging last year.\n\nStray bytes: ',
        'ascii'
      ),
      Buffer.from([0xc0, 0xaf, 0x20, 0x80, 0x20, 0xe2, 0x28, 0xa1, 0x20, 0xed, 0xa0, 0x80]),
      Buffer.from('\n\nThe harbour master said the channel is now eleven metres deep.\n', 'ascii')
    ]),
    expect: {
      outcome: 'imported',
      contains: [
        'The port authority spent 12 million on dredging last year.',
        'the channel is now eleven metres deep'
      ],
      absent: ['\u0000', '\ufffd\ufffd\ufffd']
    }
  },
  {
    name: 'utf16le-bom.txt',
    about: 'UTF-16 little-endian with a byte-order mark (Notepad "Unicode")',
    bytes: Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      utf16le(
        'Bridge closure extended\r\n\r\nThe Pont Neuf café reopened on “Thursday” after the bridge works.\r\n'
      )
    ]),
    expect: {
      outcome: 'imported',
      contains: ['The Pont Neuf café reopened on “Thursday” after the bridge works.'],
      absent: ['\u0000', '\ufeff']
    }
  },
  {
    name: 'utf16le-nobom.txt',
    about: 'UTF-16 little-endian without a byte-order mark',
    bytes: utf16le(
      'Rail strike called off\n\nUnion leaders called off Friday’s rail strike after a late offer of 4.5 percent.\n'
    ),
    expect: {
      outcome: 'imported',
      contains: ['Union leaders called off Friday’s rail strike after a late offer of 4.5 percent.'],
      absent: ['\u0000']
    }
  },
  {
    name: 'utf16be-bom.txt',
    about: 'UTF-16 big-endian with a byte-order mark',
    bytes: Buffer.concat([
      Buffer.from([0xfe, 0xff]),
      utf16be(
        'School year to start later\n\nThe ministry confirmed that the school year in Zürich will start on 18 August.\n'
      )
    ]),
    expect: {
      outcome: 'imported',
      contains: ['The ministry confirmed that the school year in Zürich will start on 18 August.'],
      absent: ['\u0000', '\ufeff']
    }
  },
  {
    name: 'windows-1252.txt',
    about: 'Windows-1252 (pasted from Word) with curly quotes, an en dash, a euro sign and é',
    bytes: cp1252(
      'Museum wing opens\r\n\r\nThe curator said \u201cthe new wing is our best work\u201d \u2013 and the caf\u00e9 opens on the same day at a cost of \u20ac2 million.\r\n'
    ),
    expect: {
      outcome: 'imported',
      contains: [
        'The curator said “the new wing is our best work” – and the café opens on the same day at a cost of €2 million.'
      ],
      absent: ['Ã', '\u0093', '\u0094', '\u0096']
    }
  },
  {
    name: 'hostile.html',
    about:
      'a web page with <script>, <iframe>, srcdoc, onerror/onload handlers, javascript: links, SVG script, a remote image and a remote stylesheet',
    bytes: Buffer.from(hostileHtml, 'utf8'),
    expect: {
      outcome: 'imported',
      contains: [
        'The harbour council voted nine to two on Tuesday to build a movable flood barrier',
        'The full minutes are available from the clerk on request.'
      ],
      absent: [...Object.values(HOSTILE), ...NEVER, 'document.cookie']
    }
  },
  {
    name: 'not-a-zip.docx',
    about: 'plain text saved with a .docx name (not a ZIP container)',
    bytes: Buffer.from('This is not a Word document, only text with a .docx name.\n', 'utf8'),
    expect: { outcome: 'rejected', code: 'IMPORT_UNREADABLE', reason: 'not a valid Word document' }
  },
  {
    name: 'truncated.pdf',
    about: 'a two-page PDF cut off part-way through its first page (an interrupted download)',
    bytes: (() => {
      const whole = pdf([
        ['Quarterly shipping figures', 'Container traffic rose by 8 percent in the third quarter.'],
        ['Bulk cargo fell by 3 percent over the same period.']
      ])
      return whole.subarray(0, whole.indexOf('4 0 obj') + 20)
    })(),
    expect: { outcome: 'rejected', code: 'IMPORT_UNREADABLE', reason: 'damaged or incomplete' }
  },
  {
    name: 'zip-bomb.docx',
    about: 'a Word document whose text part inflates to 513 MB (a zip bomb; honest sizes in its headers)',
    bytes: zipBombDocx(),
    expect: { outcome: 'rejected', code: 'IMPORT_UNREADABLE', reason: 'unpacks to more than' }
  },
  {
    name: 'images-only.pdf',
    about: 'a one-page PDF that shows a picture and has no text layer (a scan without OCR)',
    bytes: imageOnlyPdf(),
    expect: { outcome: 'rejected', code: 'IMPORT_EMPTY', reason: 'no text to import' }
  },
  {
    name: 'script-only.html',
    about: 'a web page that is only scripts: nothing to read, nothing to run',
    bytes: Buffer.from(
      '<!doctype html><html><head><title></title><script>alert("PAYLOAD-SCRIPT-ONLY")</script></head><body><script>document.write("<img src=x onerror=alert(1)>")</script></body></html>',
      'utf8'
    ),
    expect: { outcome: 'rejected', code: 'IMPORT_EMPTY', reason: 'no readable text' }
  },
  {
    name: 'utf16be-nobom.txt',
    about: 'UTF-16 big-endian without a byte-order mark',
    bytes: utf16be('The ferry to Hel ran again on Monday after the storm, with 312 passengers aboard.\n'),
    expect: {
      outcome: 'imported',
      contains: ['The ferry to Hel ran again on Monday after the storm, with 312 passengers aboard.'],
      absent: ['\u0000']
    }
  },
  {
    name: 'password-protected.pdf',
    about: 'an encrypted PDF that needs a password to open (copy of the import core fixture)',
    copyFrom: 'src/main/core/import/fixtures/password-protected.pdf',
    expect: { outcome: 'rejected', code: 'IMPORT_UNREADABLE', reason: 'password-protected' }
  },
  {
    name: 'rtl.txt',
    about: 'right-to-left text: Arabic and Hebrew paragraphs, with a Latin name inside',
    bytes: Buffer.from(
      'تقرير من القاهرة\n\n' +
        'وقال وزير الخارجية إن المحادثات ستستمر يوم الثلاثاء في القاهرة بحضور وفد من الأمم المتحدة.\n\n' +
        'ראש העירייה אמר כי הגשר ייפתח מחדש בחודש הבא, לאחר שיפוץ שנמשך שנתיים.\n\n' +
        'وأكد المتحدث باسم الوزارة أن Reuters نقلت التصريحات كاملة.\n',
      'utf8'
    ),
    expect: {
      outcome: 'imported',
      contains: [
        'وقال وزير الخارجية إن المحادثات ستستمر يوم الثلاثاء في القاهرة',
        'ראש העירייה אמר כי הגשר ייפתח מחדש בחודש הבא'
      ],
      absent: ['\ufffd']
    }
  },
  {
    name: 'cjk.txt',
    about: 'Chinese, Japanese and Korean paragraphs, including an ideographic space',
    bytes: Buffer.from(
      '外交会谈\n\n' +
        '外交部长周二在东京会见了日本官员，双方讨论了贸易协定。\n\n' +
        '岩屋外務大臣は火曜日にキーウを訪問し、　ゼレンスキー大統領と会談した。\n\n' +
        '외교부 장관은 화요일에 서울에서 기자회견을 열었다.\n',
      'utf8'
    ),
    expect: {
      outcome: 'imported',
      contains: [
        '外交部长周二在东京会见了日本官员',
        '岩屋外務大臣は火曜日にキーウを訪問し、　ゼレンスキー大統領と会談した。',
        '외교부 장관은 화요일에 서울에서 기자회견을 열었다.'
      ],
      absent: ['\ufffd']
    }
  },
  {
    name: 'emoji.txt',
    about: 'emoji: flags, skin tones and zero-width-joiner sequences',
    bytes: Buffer.from(
      'Festival report 🎉\n\n' +
        'The crowd cheered 🎉 as the 🇺🇦 and 🇵🇱 flags were raised; a family 👨‍👩‍👧 waved 👋🏽 from the front row.\n\n' +
        'Organisers counted 12,000 visitors 🧮 over the weekend.\n',
      'utf8'
    ),
    expect: {
      outcome: 'imported',
      contains: [
        'as the 🇺🇦 and 🇵🇱 flags were raised; a family 👨‍👩‍👧 waved 👋🏽 from the front row.',
        'Organisers counted 12,000 visitors 🧮'
      ],
      absent: ['\ufffd']
    }
  },
  {
    name: 'notes.md',
    about:
      'Markdown with emphasis, a list, raw <script> and <img onerror>, a javascript: link and a remote image',
    bytes: Buffer.from(markdown, 'utf8'),
    expect: {
      outcome: 'imported',
      contains: [
        'The ferry operator announced on Monday that sailings to the island will run twice daily from 3 June.',
        'The evening sailing returns from the island at 18:40.'
      ],
      absent: [HOSTILE.script, HOSTILE.jsLink, HOSTILE.onerror, ...NEVER, '**']
    }
  }
]

/** Made by the tests at run time (too big to commit); the recipe is shared through expected.json. */
const generated = [
  {
    name: 'huge-60mb.txt',
    about: 'a 60 MB plain-text file, over the 50 MB limit',
    recipe: {
      kind: 'lines',
      bytes: 60 * 1024 * 1024,
      line: 'Line of a very long transcript that nobody should import in one piece.\n'
    },
    expect: { outcome: 'rejected', code: 'IMPORT_TOO_LARGE', reason: 'is 60 MB; the limit is 50 MB' }
  },
  {
    name: 'one-line-1mb.txt',
    about: 'a 1 MB text with no line break at all',
    recipe: {
      kind: 'single-line',
      bytes: 1024 * 1024,
      unit: 'Clause NNNNNN of the harbour lease sets the rent for the eastern quay. '
    },
    expect: {
      outcome: 'imported',
      contains: [
        'Clause 000000 of the harbour lease sets the rent for the eastern quay.',
        'Clause 012345 of the harbour lease'
      ],
      absent: ['\n']
    }
  }
]

// --- write ---------------------------------------------------------------------------------

rmSync(OUT, { recursive: true, force: true })
mkdirSync(OUT, { recursive: true })
const files = []
for (const entry of corpus) {
  const target = join(OUT, entry.name)
  if (entry.copyFrom) copyFileSync(join(ROOT, entry.copyFrom), target)
  else writeFileSync(target, entry.bytes)
  files.push({ name: entry.name, about: entry.about, ...entry.expect })
}
const expected = {
  about:
    'Written by scripts/make-bad-inputs.mjs; do not edit by hand. Each file and the outcome importing it must get. ' +
    '"contains": phrases the cleaned text must include; "absent": strings the stored text may not include anywhere but in the verbatim original ' +
    '(title, metadata, cleaned text, paragraphs, removed furniture); ' +
    '"reason": a phrase the rejection message must include. "generated" files are made by the tests at run time.',
  files,
  generated: generated.map((g) => ({ name: g.name, about: g.about, recipe: g.recipe, ...g.expect }))
}
writeFileSync(join(OUT, 'expected.json'), JSON.stringify(expected, null, 2) + '\n')

const listed = new Set([...files.map((f) => f.name), 'expected.json'])
const written = readdirSync(OUT)
if (written.length !== listed.size || !written.every((n) => listed.has(n)))
  throw new Error('corpus and expected.json disagree')
console.log(`${files.length} files and expected.json written to ${OUT}`)
