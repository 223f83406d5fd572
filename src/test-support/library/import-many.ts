// Child process for the crash test: imports COUNT generated texts into the library at PATH, one
// transaction per text, as fast as it can, until it finishes or is killed. With KILL_AFTER it
// SIGKILLs itself right after that many texts, leaving those since its last index batch
// committed but not yet in the full-text index.
// Usage: node --import tsx import-many.ts PATH COUNT [KILL_AFTER]
import { openLibrary } from '../../main/library/sqlite'
import { bytesOf, makeDoc } from './docs'
import { generatedParagraphs } from './generate'

const [path, countArg, killAfterArg] = process.argv.slice(2)
if (!path || !countArg) throw new Error('usage: import-many.ts PATH COUNT [KILL_AFTER]')
const killAfter = killAfterArg === undefined ? Infinity : Number(killAfterArg)
const library = openLibrary(path)
process.stdout.write('started\n')
for (let n = 0; n < Number(countArg); n++) {
  const paragraphs = generatedParagraphs(n)
  const doc = makeDoc(paragraphs, { title: `Report ${n}` })
  await library.importDocument({
    fileName: `report-${n}.txt`,
    bytes: bytesOf(doc.cleanedText),
    doc,
    role: 'source'
  })
  if (n + 1 >= killAfter) process.kill(process.pid, 'SIGKILL')
}
await library.close()
process.stdout.write('finished\n')
