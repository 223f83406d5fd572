import { parseDocument } from './src/main/core/import/index.ts'
import { buildPdf } from './src/main/core/import/fixtures/pdf-builder.ts'
const enc = (s: string) => new TextEncoder().encode(s)
const show = async (name: string, bytes: Uint8Array) => { const r = await parseDocument({ name, bytes }); console.log(name, r.ok ? 'imported: ' + JSON.stringify(r.doc.text ?? (r.doc as any).cleanedText ?? '').slice(0, 80) : `${r.code}: ${r.message}`) }
await show('script-only.html', enc('<!doctype html><html><head><title></title><script>alert(1)</script></head><body><script>document.write("<img src=x onerror=alert(2)>")</script><noscript></noscript></body></html>'))
await show('images-only.pdf', buildPdf([[]]))
const text = 'Union leaders called off Friday’s rail strike after a late offer of 4.5 percent.\n'
const be = Buffer.alloc(text.length * 2); for (let i = 0; i < text.length; i++) be.writeUInt16BE(text.charCodeAt(i), i * 2)
await show('utf16be-nobom.txt', new Uint8Array(be))
