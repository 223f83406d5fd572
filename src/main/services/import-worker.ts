// The worker thread's side of an import: reads and parses a file, so a 45 MB text or a heavy PDF
// never holds the thread that answers API calls. The bytes and the text go back handed over, not copied.
import { readAndParse, type ImportInput } from './import-parse'
import { ownBuffer } from './import-parser'
import { handedOverBuffers, handOverImport } from './parsed-handover'
import { serveJobs } from './worker-jobs'

serveJobs(
  async (input: ImportInput) => handOverImport(await readAndParse(input)),
  (answer) => (answer.ok ? [...ownBuffer(answer.bytes), ...handedOverBuffers(answer.handed)] : [])
)
