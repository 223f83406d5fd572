// The worker thread's side of an import: reads and parses a file, so a 45 MB text or a heavy PDF
// never holds the thread that answers API calls, and when asked stores it too (import-store.ts).
// Bytes and a text sent back go handed over, not copied.
import { readAndParse } from './import-parse'
import { ownBuffer, type ImportAnswer, type ImportJob } from './import-parser'
import { readParseAndStore } from './import-store'
import { handedOverBuffers, handOverImport } from './parsed-handover'
import { serveJobs } from './worker-jobs'

serveJobs(
  async ({ input, store }: ImportJob): Promise<ImportAnswer> =>
    store ? { stored: await readParseAndStore(input, store) } : handOverImport(await readAndParse(input)),
  (answer) =>
    'stored' in answer
      ? []
      : answer.ok
        ? [...ownBuffer(answer.bytes), ...handedOverBuffers(answer.handed)]
        : []
)
