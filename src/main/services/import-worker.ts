// The worker thread's side of an import: reads and parses a file, so a 45 MB text or a heavy PDF
// never holds the thread that answers API calls. The bytes go back handed over, not copied.
import { readAndParse } from './import-parse'
import { ownBuffer } from './import-parser'
import { serveJobs } from './worker-jobs'

serveJobs(readAndParse, (parsed) => (parsed.ok ? ownBuffer(parsed.bytes) : []))
